import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/**
 * A person's practice sites as a part of their file: exported whole (the
 * retired ones too), erased down to the commune and the mode of practice
 * (what counts per commune need), moved by a merge.
 */
@Injectable()
export class SitesPersonData implements PersonDataPart {
  readonly key = 'sites';

  constructor(private readonly db: Db) {}

  exportPerson(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(
      `SELECT s.id, s.structure_name AS "structureName", s.address, s.postal_code AS "postalCode", s.commune_code AS "communeCode", c.name AS commune, s.phone,
              s.practice_mode AS "practiceMode", s.id = p.main_site_id AS "isMain", s.source, s.structure_id AS "structureId", s.siret, s.siren, s.finess,
              s.finess_legal AS "finessLegal", s.imported AS "lastImportedValues", s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.retired_at AS "retiredAt"
       FROM professional_sites s JOIN professionals p ON p.tenant_id = s.tenant_id AND p.id = s.professional_id JOIN communes c ON c.insee_code = s.commune_code
       WHERE s.tenant_id = $1 AND s.professional_id = $2 ORDER BY s.retired_at IS NOT NULL, s.created_at, s.id`,
      [requireTenantId(), professionalId],
    );
  }

  /** The person's sites and those of the records merged into theirs; the trigger empties the copies on the rows. */
  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(
      `UPDATE professional_sites SET structure_name = NULL, address = NULL, postal_code = NULL, phone = NULL, site_key = NULL, structure_id = NULL, siret = NULL,
         siren = NULL, finess = NULL, finess_legal = NULL, imported = NULL, updated_at = now()
       WHERE tenant_id = $1 AND (professional_id = $2 OR professional_id IN (SELECT id FROM professionals WHERE tenant_id = $1 AND merged_into = $2))`,
      [requireTenantId(), professionalId],
    );
  }

  /**
   * The merged record's current sites become the kept record's (never its
   * main one: the kept record's stays), except a site the kept record has
   * already: the same site of the extraction, or the same structure name in
   * the same commune. Those stay on the merged record, with its history.
   */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    await this.db.tenantRows(
      `UPDATE professional_sites m SET professional_id = $2, updated_at = now()
       WHERE m.tenant_id = $1 AND m.professional_id = $3 AND m.retired_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM professional_sites k WHERE k.tenant_id = $1 AND k.professional_id = $2 AND k.site_key = m.site_key)
         AND NOT EXISTS (SELECT 1 FROM professional_sites k WHERE k.tenant_id = $1 AND k.professional_id = $2 AND k.retired_at IS NULL
                           AND k.commune_code = m.commune_code AND lower(coalesce(k.structure_name, '')) = lower(coalesce(m.structure_name, '')))`,
      [requireTenantId(), keptId, mergedId],
    );
  }
}
