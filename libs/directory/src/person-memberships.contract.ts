import { Injectable } from '@nestjs/common';
import { isUuid, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonMemberships } from '@cpts/platform-persons';

/** PersonMemberships on the memberships table: one row per person and year, `active` the member's status. */
@Injectable()
export class DirectoryPersonMemberships implements PersonMemberships {
  constructor(private readonly db: Db) {}

  async activeIn(year: number, professionalIds: readonly string[]): Promise<Set<string>> {
    const ids = professionalIds.filter(isUuid);
    if (ids.length === 0 || !Number.isInteger(year)) return new Set();
    const rows = await this.db.tenantRows<{ id: string }>(
      `SELECT professional_id AS id FROM memberships WHERE tenant_id = $1 AND year = $2 AND status = 'active' AND professional_id = ANY($3::uuid[])`,
      [requireTenantId(), year, ids],
    );
    return new Set(rows.map((r) => r.id));
  }
}
