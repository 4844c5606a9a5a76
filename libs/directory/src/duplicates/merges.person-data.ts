import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ERASED_FIRST_NAME, ERASED_LAST_NAME } from '../gdpr/gdpr.service';
import { PersonDataPart } from '@cpts/platform-persons';

/**
 * The merges of a person's records, as a part of their data: the records
 * merged into theirs (archived rows, and the snapshot of each merge) still
 * name them, so the GDPR export lists them and the erasure empties them.
 */
@Injectable()
export class MergesPersonData implements PersonDataPart {
  readonly key = 'merges';

  constructor(private readonly db: Db) {}

  exportPerson(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(
      `SELECT merged_id AS "mergedId", snapshot AS "mergedRecord", merged_at AS "mergedAt" FROM professional_merges WHERE tenant_id = $1 AND kept_id = $2 ORDER BY merged_at`,
      [requireTenantId(), professionalId],
    );
  }

  async erasePerson(professionalId: string): Promise<void> {
    const tenantId = requireTenantId();
    // The snapshots keep only what a count needs: which record, merged when.
    await this.db.tenantRows(`UPDATE professional_merges SET snapshot = jsonb_build_object('id', merged_id) WHERE tenant_id = $1 AND kept_id = $2`, [tenantId, professionalId]);
    // Import reports still hold the merged records' values (a hand-typed phone, the extraction's): they go too.
    await this.db.tenantRows(
      `DELETE FROM directory_import_issues WHERE tenant_id = $1 AND professional_id IN (SELECT id FROM professionals WHERE tenant_id = $1 AND merged_into = $2)`,
      [tenantId, professionalId],
    );
    await this.db.tenantRows(
      `UPDATE professionals SET last_name = $3, first_name = $4, search_name = '', rpps = NULL, structure_name = NULL, email = NULL, phone = NULL, imported = NULL,
         erased_at = coalesce(erased_at, now())
       WHERE tenant_id = $1 AND merged_into = $2`,
      [tenantId, professionalId, ERASED_LAST_NAME, ERASED_FIRST_NAME],
    );
  }

  /** Records merged earlier into the merged one now count as merged into the kept one. */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE professional_merges SET kept_id = $2 WHERE tenant_id = $1 AND kept_id = $3`, [requireTenantId(), keptId, mergedId]);
  }
}
