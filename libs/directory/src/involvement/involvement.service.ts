import { Injectable } from '@nestjs/common';
import { AppError, currentScope, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { INVOLVEMENT_ORDER, InvolvementLevel, PersonDataPart, PersonInvolvement } from '@cpts/platform-persons';
import { INVOLVEMENT_LABELS, InvolvementSource, MANUAL_SOURCE } from './involvement.types';

const SOURCE = /^[a-z_]{1,40}(:[A-Za-z0-9-]{1,80})?$/;
/** The rank of a level in SQL, the same order as INVOLVEMENT_ORDER. */
const RANK = (column: string) => `array_position(ARRAY['${INVOLVEMENT_ORDER.join("','")}'], ${column})`;

/**
 * A person's involvement level: one row per source, and on the professional
 * the highest of them (informed when none), recomputed in the same
 * transaction as every change of a source. Modules raise the level from what
 * people do by owning a source: memberships own 'membership', the staff own
 * 'manual', working groups will own 'working_group:<id>'.
 */
@Injectable()
export class InvolvementService implements PersonDataPart, PersonInvolvement {
  readonly key = 'involvements';

  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
  ) {}

  /** Sets (or with null removes) one source's level for one person. */
  setSource(professionalId: string, source: string, level: InvolvementLevel | null): Promise<void> {
    return this.setSourceFor([professionalId], source, level);
  }

  /**
   * The same for many people at once (bulk renewals), and the person
   * contract other modules use. 'informed' is the floor everyone has, so it
   * removes the source like null.
   */
  async setSourceFor(professionalIds: readonly string[], source: string, level: InvolvementLevel | null): Promise<void> {
    if (!SOURCE.test(source)) throw new Error(`Invalid involvement source: ${source}`);
    if (professionalIds.length === 0) return;
    const tenantId = requireTenantId();
    if (level === null || level === InvolvementLevel.INFORMED) {
      await this.db.tenantRows(`DELETE FROM involvements WHERE tenant_id = $1 AND professional_id = ANY($2) AND source = $3`, [tenantId, professionalIds, source]);
    } else {
      // set_at moves only when the level does: it says since when the source gives this level.
      await this.db.tenantRows(
        `INSERT INTO involvements (tenant_id, professional_id, source, level, set_by)
         SELECT $1, id, $3, $4, $5 FROM unnest($2::uuid[]) AS id
         ON CONFLICT (tenant_id, professional_id, source) DO UPDATE SET level = EXCLUDED.level, set_at = now(), set_by = EXCLUDED.set_by
           WHERE involvements.level IS DISTINCT FROM EXCLUDED.level`,
        [tenantId, professionalIds, source, level, currentScope()?.principal?.userId ?? null],
      );
    }
    await this.recompute([...professionalIds]);
  }

  /** The staff's hand setting, recorded in the person's history. */
  async setManual(professionalId: string, level: InvolvementLevel): Promise<void> {
    await this.requirePerson(professionalId);
    await this.setSource(professionalId, MANUAL_SOURCE, level);
    const [row] = await this.db.tenantRows<{ level: InvolvementLevel }>(
      `SELECT involvement_level AS level FROM professionals WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), professionalId],
    );
    await this.history.record(
      professionalId,
      'involvement.set',
      `Niveau d'implication fixé à la main : ${INVOLVEMENT_LABELS[level]} (niveau retenu : ${INVOLVEMENT_LABELS[row.level]}).`,
      { source: MANUAL_SOURCE, level, resulting: row.level },
    );
  }

  /** The stored maximum over sources of each person. */
  async levels(professionalIds: readonly string[]): Promise<Map<string, InvolvementLevel>> {
    const rows = await this.db.tenantRows<{ id: string; level: InvolvementLevel }>(
      `SELECT id, involvement_level AS level FROM professionals WHERE tenant_id = $1 AND id = ANY($2)`,
      [requireTenantId(), [...professionalIds]],
    );
    return new Map(rows.map((r) => [r.id, r.level]));
  }

  /** Each person's sources, highest level first. */
  async sources(professionalIds: readonly string[]): Promise<Map<string, InvolvementSource[]>> {
    const rows = await this.db.tenantRows<InvolvementSource & { professionalId: string }>(
      `SELECT i.professional_id AS "professionalId", i.source, i.level, i.set_at AS "setAt", u.display_name AS "setByName"
       FROM involvements i LEFT JOIN users u ON u.id = i.set_by
       WHERE i.tenant_id = $1 AND i.professional_id = ANY($2) ORDER BY ${RANK('i.level')} DESC, i.source`,
      [requireTenantId(), [...professionalIds]],
    );
    const out = new Map<string, InvolvementSource[]>();
    for (const { professionalId, ...source } of rows) out.set(professionalId, [...(out.get(professionalId) ?? []), source]);
    return out;
  }

  /** Writes on each professional the highest level over their sources. */
  private async recompute(professionalIds: string[]): Promise<void> {
    await this.db.tenantRows(
      `UPDATE professionals p SET involvement_level = coalesce(
         (SELECT i.level FROM involvements i WHERE i.tenant_id = p.tenant_id AND i.professional_id = p.id ORDER BY ${RANK('i.level')} DESC LIMIT 1), 'informed')
       WHERE p.tenant_id = $1 AND p.id = ANY($2)`,
      [requireTenantId(), professionalIds],
    );
  }

  private async requirePerson(professionalId: string): Promise<void> {
    const rows = await this.db.tenantRows(`SELECT 1 FROM professionals WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), professionalId]);
    if (rows.length === 0) throw AppError.notFound('Professionnel introuvable.');
  }

  async exportPerson(professionalId: string): Promise<unknown> {
    const [level] = (await this.levels([professionalId])).values();
    return { level: level ?? InvolvementLevel.INFORMED, sources: (await this.sources([professionalId])).get(professionalId) ?? [] };
  }

  /** Levels say nothing that identifies the person; the anonymous counts keep them. */
  async erasePerson(): Promise<void> {}

  /** The kept record gets, per source, the higher of the two levels. */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `INSERT INTO involvements (tenant_id, professional_id, source, level, set_at, set_by)
       SELECT tenant_id, $2, source, level, set_at, set_by FROM involvements WHERE tenant_id = $1 AND professional_id = $3
       ON CONFLICT (tenant_id, professional_id, source) DO UPDATE SET level = EXCLUDED.level, set_at = EXCLUDED.set_at, set_by = EXCLUDED.set_by
         WHERE ${RANK('EXCLUDED.level')} > ${RANK('involvements.level')}`,
      [tenantId, keptId, mergedId],
    );
    await this.db.tenantRows(`DELETE FROM involvements WHERE tenant_id = $1 AND professional_id = $2`, [tenantId, mergedId]);
    await this.recompute([keptId, mergedId]);
  }
}
