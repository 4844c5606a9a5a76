import { Injectable } from '@nestjs/common';
import { isTenantRole, Principal, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { Cpts, Me, Region } from './identity.types';
import { OrganisationService } from './organisation.service';

@Injectable()
export class MeService {
  constructor(
    private readonly db: Db,
    private readonly organisation: OrganisationService,
  ) {}

  async me(principal: Principal): Promise<Me> {
    const [user] = await this.db.rows<{ id: string; email: string; displayName: string }>(
      `SELECT id, email, display_name AS "displayName" FROM users WHERE id = $1`,
      [principal.userId],
    );
    const assignments = await this.db.rows<{ role: Role; tenant_id: string | null; region_id: string | null }>(
      `SELECT role, tenant_id, region_id FROM role_assignments WHERE user_id = $1`,
      [principal.userId],
    );
    const tenantIds = [...new Set(assignments.filter((a) => a.tenant_id && isTenantRole(a.role)).map((a) => a.tenant_id as string))];
    const cpts = await this.db.rows<Cpts>(
      `SELECT id, region_id AS "regionId", name, size, departement_codes AS "departementCodes", commune_codes AS "communeCodes",
              inhabitants, contact_email AS "contactEmail", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM tenants WHERE id = ANY($1) ORDER BY name`,
      [tenantIds],
    );
    const regions = new Map<string, Region>();
    for (const a of assignments) {
      if (a.region_id && !regions.has(a.region_id)) {
        const region = await this.organisation.region(a.region_id);
        if (region) regions.set(a.region_id, region);
      }
    }
    return {
      user,
      activeCpts: cpts.find((c) => c.id === principal.tenantId) ?? null,
      activeRoles: assignments.filter((a) => principal.tenantId && a.tenant_id === principal.tenantId).map((a) => a.role),
      memberships: cpts.map((c) => ({ cpts: c, roles: assignments.filter((a) => a.tenant_id === c.id).map((a) => a.role) })),
      regionRoles: assignments.filter((a) => a.region_id && regions.has(a.region_id)).map((a) => ({ role: a.role, region: regions.get(a.region_id as string) as Region })),
      platformAdmin: principal.platformAdmin,
    };
  }
}
