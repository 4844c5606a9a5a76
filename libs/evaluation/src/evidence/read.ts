import { FicheEvidence } from '../fiche.types';

/** A tenant-scoped SQL read in the caller's transaction (Db.tenantRows), so the read models stay plain functions. */
export type Rows = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** Evidence of one kind of source, for the linked ids of one fiche, in the fiche's year. */
export type EvidenceReader = (rows: Rows, tenantId: string, ids: readonly string[], year: number) => Promise<FicheEvidence[]>;

/** Paris-day "YYYY-MM-DD" of a timestamp column, in SQL. */
export const parisDay = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')`;

/** Evidence for a linked source that no longer exists (deleted, or never of this CPTS): shown, not silently dropped. */
export function missing(kind: string, id: string, what: string): FicheEvidence {
  return {
    id,
    kind,
    automatic: true,
    title: what,
    from: null,
    to: null,
    figures: [],
    details: [],
    url: null,
    gap: 'Source introuvable (supprimée ?).',
  };
}
