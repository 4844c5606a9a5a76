import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, currentScope, requireTenantId, searchKey } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { erasedRppsHash } from './erased-identifiers';
import { PersonDataParts } from '@cpts/platform-persons';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';

/** What an erased person's row keeps of a name: a placeholder the CHECKs accept and the staff understand. */
export const ERASED_LAST_NAME = 'Personne effacée';
export const ERASED_FIRST_NAME = '—';

export interface PersonDataExport {
  format: 'cpts-person-data/1';
  exportedAt: string;
  cpts: { id: string; name: string };
  professional: Record<string, unknown>;
  [part: string]: unknown;
}

/**
 * The person's GDPR rights, as the staff exercise them on request: the
 * export (everything every module holds, as JSON) and the erasure (identity
 * and contacts removed everywhere, anonymous counts kept). Both are logged
 * in gdpr_requests and in the person's history.
 */
@Injectable()
export class GdprService {
  constructor(
    private readonly db: Db,
    private readonly professionals: ProfessionalsService,
    private readonly history: PersonHistoryService,
    private readonly parts: PersonDataParts,
  ) {}

  async export(professionalId: string): Promise<PersonDataExport> {
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ person: Record<string, unknown>; erased: boolean; cptsName: string }>(
      `SELECT to_jsonb(p) - 'tenant_id' - 'search_name' - 'search_runs' AS person, p.erased_at IS NOT NULL AS erased, t.name AS "cptsName"
       FROM professionals p JOIN tenants t ON t.id = p.tenant_id WHERE p.tenant_id = $1 AND p.id = $2`,
      [tenantId, professionalId],
    );
    if (!row) throw AppError.notFound('Professionnel introuvable.');
    if (row.erased) throw AppError.conflict('Les données de cette personne ont été effacées : il n’y a plus rien à exporter.');
    // Logged before the parts are read, so the export shows its own request in the history.
    await this.log(professionalId, 'export');
    await this.history.record(professionalId, 'person.exported', 'Données personnelles exportées (droit d’accès).');
    const professional = await this.professionals.get(professionalId);
    const out: PersonDataExport = {
      format: 'cpts-person-data/1',
      exportedAt: new Date().toISOString(),
      cpts: { id: tenantId, name: row.cptsName },
      professional: { ...row.person, profession: professional.profession.label, commune: professional.commune.name },
    };
    for (const part of this.parts.all()) out[part.key] = await part.exportPerson(professionalId);
    return out;
  }

  /**
   * Erasure, all-or-nothing in the request's transaction: every module's
   * part first, then the row's identity and contacts, then the import issues
   * that hold copies of its values. Profession, commune and dates stay, so
   * counts per profession or commune do not change.
   */
  async erase(professionalId: string, confirmation: string): Promise<Professional> {
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ lastName: string; rpps: string | null; erased: boolean }>(
      `SELECT last_name AS "lastName", rpps, erased_at IS NOT NULL AS erased FROM professionals WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, professionalId],
    );
    if (!row) throw AppError.notFound('Professionnel introuvable.');
    if (row.erased) throw AppError.conflict('Les données de cette personne ont déjà été effacées.');
    if (confirmation.length > 200) throw AppError.field('confirmation', 'Au plus 200 caractères.');
    // Typing the name is the confirmation: an erasure cannot be undone.
    if (searchKey(confirmation) !== searchKey(row.lastName)) {
      throw AppError.field('confirmation', `Pour confirmer, tapez le nom de la personne : ${row.lastName}.`);
    }
    for (const part of this.parts.all()) await part.erasePerson(professionalId);
    if (row.rpps) {
      // The number is public: without this, the next import of the national extraction would bring the person back.
      await this.db.tenantRows(`INSERT INTO erased_identifiers (tenant_id, rpps_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [tenantId, erasedRppsHash(tenantId, row.rpps)]);
    }
    await this.db.tenantRows(
      `UPDATE professionals SET last_name = $3, first_name = $4, search_name = $5, rpps = NULL, email = NULL, phone = NULL, structure_name = NULL,
         imported = NULL, archived_at = coalesce(archived_at, now()), erased_at = now(), updated_at = now(), updated_by = $6
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        professionalId,
        ERASED_LAST_NAME,
        ERASED_FIRST_NAME,
        searchKey(`${ERASED_LAST_NAME} ${ERASED_FIRST_NAME}`),
        currentScope()?.principal?.userId ?? null,
      ],
    );
    await this.db.tenantRows(`DELETE FROM directory_import_issues WHERE tenant_id = $1 AND professional_id = $2`, [
      tenantId,
      professionalId,
    ]);
    await this.log(professionalId, 'erasure');
    await this.history.record(professionalId, 'person.erased', 'Données personnelles effacées (droit à l’effacement).');
    return this.professionals.get(professionalId);
  }

  private async log(professionalId: string, kind: 'export' | 'erasure'): Promise<void> {
    await this.db.tenantRows(`INSERT INTO gdpr_requests (tenant_id, id, professional_id, kind, by) VALUES ($1, $2, $3, $4, $5)`, [
      requireTenantId(),
      randomUUID(),
      professionalId,
      kind,
      currentScope()?.principal?.userId ?? null,
    ]);
  }
}
