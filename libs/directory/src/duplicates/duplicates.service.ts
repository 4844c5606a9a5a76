import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { PersonDataParts } from '@cpts/platform-persons';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { DuplicateCandidate, DuplicateReason } from './duplicate.types';
import { CandidateRow, findCandidates, pairKey, RANK } from './name-match';

/** The whole row of a professional as stored, for the merge and its snapshot. */
interface StoredProfessional {
  id: string;
  last_name: string;
  first_name: string;
  rpps: string | null;
  structure_name: string | null;
  email: string | null;
  email_is_work: boolean;
  phone: string | null;
  practice_mode: string | null;
  imported: Record<string, string | null> | null;
  imported_at: Date | null;
  main_site_id: string;
  archived_at: Date | null;
  merged_into: string | null;
  erased_at: Date | null;
  [column: string]: unknown;
}

/**
 * Fields a merge fills on the kept record when it has none, and how the
 * history names them. The site ones are the main site's (the person's row
 * holds a copy of them): they are filled on the kept record's main site.
 */
const FILLABLE = [
  ['structure_name', "structure d'exercice", 'site'],
  ['email', 'e-mail', 'person'],
  ['phone', 'téléphone', 'site'],
  ['practice_mode', "mode d'exercice", 'site'],
] as const;

/**
 * Duplicates of the directory: the candidates, computed on read (a CPTS has
 * at most a few thousand professionals), the pairs the staff dismissed, and
 * the merge of two records into one.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly db: Db,
    private readonly professionals: ProfessionalsService,
    private readonly history: PersonHistoryService,
    private readonly parts: PersonDataParts,
  ) {}

  async candidates(): Promise<DuplicateCandidate[]> {
    const tenantId = requireTenantId();
    const rows = await this.db.tenantRows<CandidateRow>(
      `SELECT id, last_name AS "lastName", first_name AS "firstName", profession_code AS "professionCode", commune_code AS "communeCode", rpps
       FROM professionals WHERE tenant_id = $1 AND archived_at IS NULL AND merged_into IS NULL`,
      [tenantId],
    );
    const dismissed = new Set(
      (await this.db.tenantRows<{ key: string }>(`SELECT first_id || ' ' || second_id AS key FROM duplicate_dismissals WHERE tenant_id = $1`, [tenantId])).map((r) => r.key),
    );
    const pairs = findCandidates(rows).filter((p) => !dismissed.has(`${p.firstId} ${p.secondId}`));
    const byId = new Map((await this.professionals.getMany([...new Set(pairs.flatMap((p) => [p.firstId, p.secondId]))])).map((p) => [p.id, p]));
    const out: DuplicateCandidate[] = [];
    for (const pair of pairs) {
      // The older record first: usually the one to keep.
      const [first, second] = [byId.get(pair.firstId), byId.get(pair.secondId)].sort((a, b) => (a?.createdAt.getTime() ?? 0) - (b?.createdAt.getTime() ?? 0));
      if (first && second) out.push({ first, second, reason: pair.reason as DuplicateReason });
    }
    return out.sort((a, b) => RANK[a.reason] - RANK[b.reason] || a.first.searchName.localeCompare(b.first.searchName) || a.first.id.localeCompare(b.first.id));
  }

  /** "Not the same person": the pair leaves the candidates for good. */
  async dismiss(aId: string, bId: string): Promise<boolean> {
    if (aId === bId) throw AppError.badInput('Choisissez deux fiches différentes.');
    const [firstId, secondId] = pairKey(aId, bId);
    const found = await this.db.tenantRows(`SELECT id FROM professionals WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [requireTenantId(), [firstId, secondId]]);
    if (found.length !== 2) throw AppError.notFound('Professionnel introuvable.');
    await this.db.tenantRows(
      `INSERT INTO duplicate_dismissals (tenant_id, first_id, second_id, dismissed_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [requireTenantId(), firstId, secondId, requirePrincipal().userId],
    );
    return true;
  }

  /**
   * Merges `mergedId` into `keptId`, in the request's transaction: the kept
   * record's values win and its blank fields are filled from the merged one
   * (RPPS included); every module moves its rows about the person
   * (PersonDataParts: history, memberships, consents...); the merged record
   * is archived and points to the kept one; the merge is recorded with the
   * merged record as it was.
   */
  async merge(keptId: string, mergedId: string): Promise<Professional> {
    const tenantId = requireTenantId();
    const userId = requirePrincipal().userId;
    if (keptId === mergedId) throw AppError.badInput('Choisissez deux fiches différentes.');
    // Locked: two staff members merging the same record at once get one merge, not two.
    const rows = await this.db.tenantRows<StoredProfessional>(`SELECT * FROM professionals WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [
      tenantId,
      [keptId, mergedId],
    ]);
    const kept = rows.find((r) => r.id === keptId);
    const merged = rows.find((r) => r.id === mergedId);
    if (!kept || !merged) throw AppError.notFound('Professionnel introuvable.');
    if (kept.merged_into || merged.merged_into) throw AppError.conflict('Cette fiche a déjà été fusionnée avec une autre.');
    if (kept.erased_at || merged.erased_at) throw AppError.conflict('Les données de cette personne ont été effacées : sa fiche ne peut plus être fusionnée.');

    const filled: string[] = [];
    const sets: string[] = [];
    const params: unknown[] = [tenantId, keptId, userId];
    const siteSets: string[] = [];
    const siteParams: unknown[] = [tenantId, kept.main_site_id];
    for (const [column, label, owner] of FILLABLE) {
      if ((kept[column] ?? '') === '' && (merged[column] ?? '') !== '') {
        if (owner === 'site') {
          siteParams.push(merged[column]);
          siteSets.push(`${column} = $${siteParams.length}`);
          filled.push(label);
          continue;
        }
        params.push(merged[column]);
        sets.push(`${column} = $${params.length}`);
        filled.push(label);
        if (column === 'email') {
          // The address comes with what it is: a personal address marked so must not become a "work" one,
          // which newsletters may reach without consent (contact rule).
          params.push(merged.email_is_work);
          sets.push(`email_is_work = $${params.length}`);
        }
      }
    }
    const takesRpps = !kept.rpps && Boolean(merged.rpps);
    // The merged record lets go of its RPPS in every case (unique per CPTS): a later import finds the kept one.
    await this.db.tenantRows(
      `UPDATE professionals SET rpps = NULL, archived_at = coalesce(archived_at, now()), merged_into = $3, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, mergedId, keptId, userId],
    );
    if (takesRpps) {
      // With the number come the values of its last national import, which tell hand edits from imported values.
      params.push(merged.rpps, merged.imported === null ? null : JSON.stringify(merged.imported), merged.imported_at);
      sets.push(`rpps = $${params.length - 2}`, `imported = coalesce(imported, $${params.length - 1}::jsonb)`, `imported_at = coalesce(imported_at, $${params.length})`);
      filled.push('RPPS');
    }
    await this.db.tenantRows(`UPDATE professionals SET ${[...sets, 'updated_at = now()', 'updated_by = $3'].join(', ')} WHERE tenant_id = $1 AND id = $2`, params);
    // The trigger copies the main site's filled values onto the kept record (ProfessionalSites1795401700000).
    if (siteSets.length > 0) await this.db.tenantRows(`UPDATE professional_sites SET ${[...siteSets, 'updated_at = now()'].join(', ')} WHERE tenant_id = $1 AND id = $2`, siteParams);
    // Records merged earlier into the merged one now lead straight to the kept one (and their merges follow: MergesPersonData).
    await this.db.tenantRows(`UPDATE professionals SET merged_into = $2 WHERE tenant_id = $1 AND merged_into = $3`, [tenantId, keptId, mergedId]);
    // Pairs dismissed with the merged record no longer mean anything.
    await this.db.tenantRows(`DELETE FROM duplicate_dismissals WHERE tenant_id = $1 AND (first_id = $2 OR second_id = $2)`, [tenantId, mergedId]);
    for (const part of this.parts.all()) await part.mergePerson(keptId, mergedId);

    const { merged_into: _ignored, ...snapshot } = merged;
    await this.db.tenantRows(`INSERT INTO professional_merges (tenant_id, id, kept_id, merged_id, snapshot, merged_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      tenantId,
      randomUUID(),
      keptId,
      mergedId,
      JSON.stringify(snapshot),
      userId,
    ]);
    const mergedName = `${merged.first_name} ${merged.last_name}`;
    await this.history.record(
      keptId,
      'person.merged',
      `Fiche fusionnée avec celle de ${mergedName}${filled.length > 0 ? ` (complétée : ${filled.join(', ')})` : ''}.`,
      { mergedId, mergedName, filled },
    );
    return this.professionals.get(keptId);
  }
}
