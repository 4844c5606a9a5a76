import { Injectable } from '@nestjs/common';
import { requirePrincipal } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { OrganisationService, RegionalAccess } from '@cpts/platform-identity';
import { LibraryService } from './library.service';
import { ResourceUsage, ResourceUsageRow } from './resources.types';

/**
 * A resource's use by the CPTS: who adopted it, on which version, adapted or
 * not, how often its files were downloaded. The copies and downloads are CPTS
 * rows, so they are read only through RegionalAccess (logged, read-only, the
 * database confining it to the CPTS the reader is assigned): a region admin
 * sees the region's CPTS, a mission officer those they follow.
 */
@Injectable()
export class UsageService {
  constructor(
    private readonly db: Db,
    private readonly library: LibraryService,
    private readonly organisation: OrganisationService,
    private readonly regional: RegionalAccess,
  ) {}

  async usage(resourceId: string): Promise<ResourceUsage> {
    const principal = requirePrincipal();
    const regionIds = [...new Set(principal.regionRoles.map((r) => r.regionId))];
    const regionId = await this.library.regionHolding(regionIds, resourceId);
    const readable = await this.organisation.regionallyReadableTenants(principal);
    const tenants = await this.db.rows<{ id: string; name: string }>(
      `SELECT id, name FROM tenants WHERE id = ANY($1::uuid[]) AND region_id = $2 ORDER BY name, id`,
      [readable, regionId],
    );
    if (tenants.length === 0) return { resourceId, adoptions: 0, downloads: 0, cpts: [] };
    const ids = tenants.map((t) => t.id);
    const rows = await this.regional.read(principal, ids, 'resource-usage', async (m) => {
      const adoptions = (await m.query(
        `SELECT tenant_id AS "tenantId", adopted_version AS "adoptedVersion", adapted, adopted_at AS "adoptedAt"
         FROM resource_adoptions WHERE tenant_id = ANY($1::uuid[]) AND resource_id = $2`,
        [ids, resourceId],
      )) as Array<{ tenantId: string; adoptedVersion: number; adapted: boolean; adoptedAt: Date }>;
      const downloads = (await m.query(
        `SELECT tenant_id AS "tenantId", count(*)::int AS n FROM resource_downloads WHERE tenant_id = ANY($1::uuid[]) AND resource_id = $2 GROUP BY tenant_id`,
        [ids, resourceId],
      )) as Array<{ tenantId: string; n: number }>;
      return { adoptions, downloads };
    });
    const cpts: ResourceUsageRow[] = [];
    for (const t of tenants) {
      const adoption = rows.adoptions.find((a) => a.tenantId === t.id);
      const downloads = rows.downloads.find((d) => d.tenantId === t.id)?.n ?? 0;
      if (!adoption && downloads === 0) continue;
      cpts.push({
        cptsId: t.id,
        cptsName: t.name,
        adoptedVersion: adoption?.adoptedVersion ?? null,
        adapted: adoption?.adapted ?? false,
        adoptedAt: adoption?.adoptedAt ?? null,
        downloads,
      });
    }
    return {
      resourceId,
      adoptions: rows.adoptions.length,
      downloads: rows.downloads.reduce((sum, d) => sum + d.n, 0),
      cpts,
    };
  }
}
