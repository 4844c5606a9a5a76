import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, Principal } from '@cpts/platform-core';
import { Db, RegionalReader } from '@cpts/platform-db';
import { EntityManager } from 'typeorm';
import { OrganisationService } from './organisation.service';

/**
 * Cross-CPTS reads for region admins (their region's CPTS) and mission
 * officers (the CPTS they follow). Checks the tenants asked for against what
 * the person may read, records the access, and reads through the read-only
 * regional path. Never used for a person's own CPTS.
 */
@Injectable()
export class RegionalAccess {
  constructor(
    private readonly db: Db,
    private readonly reader: RegionalReader,
    private readonly organisation: OrganisationService,
  ) {}

  async read<T>(principal: Principal, tenantIds: readonly string[], purpose: string, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const allowed = new Set(await this.organisation.regionallyReadableTenants(principal));
    if (tenantIds.some((id) => !allowed.has(id))) throw AppError.forbidden("Vous ne suivez pas l'une de ces CPTS.");
    await this.db.rows(`INSERT INTO regional_access_log (id, user_id, tenant_ids, purpose) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      principal.userId,
      [...new Set(tenantIds)],
      purpose,
    ]);
    return this.reader.read(principal.userId, tenantIds, fn);
  }
}
