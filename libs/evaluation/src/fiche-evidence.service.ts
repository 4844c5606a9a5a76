import { Injectable } from '@nestjs/common';
import { StorageEnv } from '@cpts/platform-config';
import { afterCommit, AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DocumentStore, uploadBody } from '@cpts/meetings';
import { ReferenceService } from '@cpts/platform-reference';
import { SurveyEvidence } from '@cpts/surveys';
import type { FastifyRequest } from 'fastify';
import { callProjectEvidence } from './evidence/call-projects';
import { campaignEvidence } from './evidence/campaigns';
import { membershipEvidence } from './evidence/memberships';
import { EvidenceReader, Rows } from './evidence/read';
import { surveyEvidence } from './evidence/surveys';
import { workingGroupEvidence } from './evidence/working-groups';
import { FicheEvidence, FicheEvidenceTextInput, FicheSourceKind } from './fiche.types';
import { FicheRow, FichesService, IndicatorRow } from './fiches.service';

export const EVIDENCE_NOT_FOUND = 'Preuve introuvable.';
/** A fiche's manual evidence stays a file, not an archive. */
export const MAX_MANUAL_EVIDENCE = 30;

/** The sources read with SQL from this library's read models (evidence/*.ts); surveys and memberships apart. */
const READERS: Record<FicheSourceKind.WORKING_GROUP | FicheSourceKind.CALL_PROJECT | FicheSourceKind.CAMPAIGN, EvidenceReader> = {
  [FicheSourceKind.WORKING_GROUP]: workingGroupEvidence,
  [FicheSourceKind.CALL_PROJECT]: callProjectEvidence,
  [FicheSourceKind.CAMPAIGN]: campaignEvidence,
};

interface ManualRow {
  id: string;
  ficheId: string;
  kind: 'text' | 'file';
  title: string;
  body: string;
  datedOn: string;
  fileName: string | null;
  contentType: string | null;
  bytes: number | null;
}

export const evidenceFileUrl = (id: string) => `/api/evaluation/evidence/${id}`;

/**
 * A fiche's evidence: read from the sources it links, in the fiche's year,
 * each time it is asked (so the file shows the work as recorded today), and
 * the evidence the team added by hand (a text, or a file kept in the
 * meetings module's document storage with its checks).
 */
@Injectable()
export class FicheEvidenceService {
  private readonly store: DocumentStore;

  constructor(
    private readonly db: Db,
    private readonly fiches: FichesService,
    private readonly reference: ReferenceService,
    private readonly surveys: SurveyEvidence,
    storage: StorageEnv,
  ) {
    this.store = new DocumentStore(storage.UPLOAD_DIR, 'fiche-evidence');
  }

  private readonly rows: Rows = (sql, params) => this.db.tenantRows(sql, params);

  /** The automatic evidence of each fiche (by fiche id), its sources' order kept. */
  async automatic(fiches: readonly FicheRow[]): Promise<Map<string, FicheEvidence[]>> {
    const tenantId = requireTenantId();
    const sources = await this.fiches.sources(fiches.map((f) => f.id));
    const out = new Map<string, FicheEvidence[]>();
    for (const fiche of fiches) {
      const own = sources.filter((s) => s.ficheId === fiche.id);
      const found: FicheEvidence[] = [];
      for (const kind of Object.keys(READERS) as Array<keyof typeof READERS>) {
        const ids = own.filter((s) => s.kind === kind).map((s) => s.id);
        if (ids.length) found.push(...(await READERS[kind](this.rows, tenantId, ids, fiche.year)));
      }
      const surveyIds = own.filter((s) => s.kind === FicheSourceKind.SURVEY).map((s) => s.id);
      if (surveyIds.length) found.push(...(await surveyEvidence(this.surveys, surveyIds)));
      if (own.some((s) => s.kind === FicheSourceKind.MEMBERSHIPS))
        found.push(await membershipEvidence(this.rows, tenantId, fiche.year, await this.reference.catalog()));
      out.set(fiche.id, found);
    }
    return out;
  }

  async manual(ficheIds: readonly string[]): Promise<ManualRow[]> {
    return this.db.tenantRows<ManualRow>(
      `SELECT id, fiche_id AS "ficheId", kind, title, body, to_char(dated_on, 'YYYY-MM-DD') AS "datedOn", file_name AS "fileName",
              content_type AS "contentType", bytes::float8 AS bytes
       FROM fiche_evidence WHERE tenant_id = $1 AND fiche_id = ANY($2::uuid[]) ORDER BY dated_on, created_at, id`,
      [requireTenantId(), [...ficheIds]],
    );
  }

  /** Every piece of evidence of these fiches: the linked sources' first, then the manual ones by date. */
  async ofFiches(fiches: readonly FicheRow[]): Promise<Map<string, FicheEvidence[]>> {
    const auto = await this.automatic(fiches);
    const manual = await this.manual(fiches.map((f) => f.id));
    return new Map(fiches.map((f) => [f.id, [...(auto.get(f.id) ?? []), ...manual.filter((m) => m.ficheId === f.id).map(toEvidence)]]));
  }

  /** The computed actuals of a fiche's indicators: each adds up its figure over the fiche's automatic evidence. */
  async actuals(fiche: FicheRow, indicators: IndicatorRow[]): Promise<Map<string, number | null>> {
    const evidence = (await this.automatic([fiche])).get(fiche.id) ?? [];
    return new Map(indicators.map((i) => [i.id, i.computedFrom ? computedActual(i.computedFrom, evidence) : i.actual]));
  }

  async addText(input: FicheEvidenceTextInput): Promise<string> {
    this.fiches.requireWriter();
    await this.fiches.row(input.ficheId);
    await this.checkRoom(input.ficheId);
    await this.db.tenantRows(
      `INSERT INTO fiche_evidence (tenant_id, id, fiche_id, kind, title, body, dated_on, created_by) VALUES ($1, gen_random_uuid(), $2, 'text', $3, $4, $5, $6)`,
      [requireTenantId(), input.ficheId, input.title, input.body ?? '', input.datedOn, requirePrincipal().userId],
    );
    return input.ficheId;
  }

  /** A file as evidence: the body is the file, its name in X-File-Name; checked as the meetings' documents are. */
  async addFile(
    ficheId: string,
    req: FastifyRequest,
    rawName: string | undefined,
    title: string | undefined,
    datedOn: string | undefined,
  ): Promise<FicheEvidence> {
    this.fiches.requireWriter();
    const tenantId = requireTenantId();
    const { body, declaredBytes } = uploadBody(req);
    const fileName = this.store.precheck(rawName, declaredBytes);
    const day = datedOn && /^\d{4}-\d{2}-\d{2}$/.test(datedOn) && !Number.isNaN(Date.parse(datedOn)) ? datedOn : null;
    if (datedOn && !day) throw AppError.field('datedOn', 'Date invalide.');
    let label = fileName;
    try {
      label =
        decodeURIComponent(title ?? '')
          .trim()
          .replace(/\s+/g, ' ') || fileName;
    } catch {
      throw AppError.field('title', 'Titre illisible.');
    }
    if (label.length > 200) throw AppError.field('title', 'Le titre compte au plus 200 caractères.');
    await this.fiches.row(ficheId);
    await this.checkRoom(ficheId);
    await this.db.releaseReads();
    const doc = await this.store.receive(tenantId, fileName, body, async (d) => {
      await this.fiches.row(ficheId);
      await this.db.tenantRows(
        `INSERT INTO fiche_evidence (tenant_id, id, fiche_id, kind, title, dated_on, file_name, content_type, bytes, sha256, created_by)
         VALUES ($1, $2, $3, 'file', $4, coalesce($5::date, (now() AT TIME ZONE 'Europe/Paris')::date), $6, $7, $8, $9, $10)`,
        [tenantId, d.id, ficheId, label, day, d.fileName, d.contentType, d.bytes, d.sha256, requirePrincipal().userId],
      );
    });
    const [row] = (await this.manual([ficheId])).filter((m) => m.id === doc.id);
    return toEvidence(row);
  }

  async remove(id: string): Promise<string> {
    this.fiches.requireWriter();
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ ficheId: string; kind: string }>(
      `DELETE FROM fiche_evidence WHERE tenant_id = $1 AND id = $2 RETURNING fiche_id AS "ficheId", kind`,
      [tenantId, id],
    );
    if (!row) throw AppError.notFound(EVIDENCE_NOT_FOUND);
    if (row.kind === 'file') afterCommit(() => this.store.remove(tenantId, id));
    return row.ficheId;
  }

  /** A file of the evidence, for whoever reads fiches, in the caller's CPTS only. */
  async file(id: string): Promise<{ fileName: string; contentType: string; bytes: number; file: string }> {
    this.fiches.requireReader();
    const [row] = await this.db.tenantRows<ManualRow>(
      `SELECT id, file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes FROM fiche_evidence WHERE tenant_id = $1 AND id = $2 AND kind = 'file'`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(EVIDENCE_NOT_FOUND);
    return {
      fileName: row.fileName!,
      contentType: row.contentType!,
      bytes: row.bytes!,
      file: await this.store.existing(requireTenantId(), id, EVIDENCE_NOT_FOUND),
    };
  }

  private async checkRoom(ficheId: string): Promise<void> {
    const [{ n }] = await this.db.tenantRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM fiche_evidence WHERE tenant_id = $1 AND fiche_id = $2`,
      [requireTenantId(), ficheId],
    );
    if (n >= MAX_MANUAL_EVIDENCE)
      throw AppError.conflict(`Cette fiche a déjà ${MAX_MANUAL_EVIDENCE} preuves ajoutées à la main : retirez-en une avant d'en ajouter.`);
  }
}

/** The sum of a figure over the evidence; "projects" and "campaigns" count the linked ones found. */
export function computedActual(figure: string, evidence: readonly FicheEvidence[]): number {
  if (figure === 'projects') return evidence.filter((e) => e.kind === 'call_project' && !e.gap).length;
  if (figure === 'campaigns') return evidence.filter((e) => e.kind === 'campaign' && !e.gap && e.from !== null).length;
  return evidence.flatMap((e) => e.figures).reduce((sum, f) => sum + (f.key === figure && f.value !== null ? f.value : 0), 0);
}

function toEvidence(m: ManualRow): FicheEvidence {
  return {
    id: m.id,
    kind: m.kind,
    automatic: false,
    title: m.title,
    from: m.datedOn,
    to: null,
    figures: [],
    details: m.kind === 'text' ? (m.body ? [m.body] : []) : [`Fichier : ${m.fileName}`],
    url: m.kind === 'file' ? evidenceFileUrl(m.id) : null,
    gap: null,
  };
}
