import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, isUuid, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db, RegionUnits, isUniqueViolation } from '@cpts/platform-db';
import { contentFromInput, contentToOutput } from './content-mapping';
import { LibraryFilter, LibraryService, VersionRow } from './library.service';
import { versionChanges } from './resource-diff';
import {
  AdaptResourceAdoptionInput,
  ChangeKind,
  DiffLineKind,
  Resource,
  ResourceAdoption,
  ResourceFile,
  ResourceUpdateDiff,
} from './resources.types';

const NOT_FOUND = 'Ressource adoptée introuvable.';

interface AdoptionRow {
  id: string;
  resourceId: string;
  regionId: string;
  category: ResourceAdoption['category'];
  title: string;
  content: unknown;
  adoptedVersion: number;
  adapted: boolean;
  adaptedAt: Date | null;
  adoptedAt: Date;
  dismissedVersion: number | null;
}

const ADOPTION_COLUMNS = `a.id, a.resource_id AS "resourceId", a.region_id AS "regionId", a.category, a.title, a.content,
  a.adopted_version AS "adoptedVersion", a.adapted, a.adapted_at AS "adaptedAt", a.adopted_at AS "adoptedAt", a.dismissed_version AS "dismissedVersion"`;

/**
 * The CPTS's side of the library: it browses its own region's library (read
 * in a unit of work of that region, never another), adopts a resource (its
 * own copy, a tenant row), adapts the copy, and takes or dismisses the
 * region's newer versions after reading what changed.
 */
@Injectable()
export class AdoptionsService {
  constructor(
    private readonly db: Db,
    private readonly units: RegionUnits,
    private readonly library: LibraryService,
  ) {}

  /** The caller's CPTS's region. */
  region(): Promise<string> {
    return this.units.regionOfTenant(requireTenantId());
  }

  async browse(filter: LibraryFilter): Promise<Resource[]> {
    const resources = await this.library.list(await this.region(), filter);
    const mine = await this.db.tenantRows<{ id: string; resourceId: string }>(
      `SELECT id, resource_id AS "resourceId" FROM resource_adoptions WHERE tenant_id = $1`,
      [requireTenantId()],
    );
    const byResource = new Map(mine.map((m) => [m.resourceId, m.id]));
    return resources.map((r) => ({ ...r, myAdoptionId: byResource.get(r.id) ?? null }));
  }

  async resource(id: string): Promise<Resource> {
    const resource = await this.library.get(await this.region(), id);
    const [mine] = await this.db.tenantRows<{ id: string }>(`SELECT id FROM resource_adoptions WHERE tenant_id = $1 AND resource_id = $2`, [
      requireTenantId(),
      resource.id,
    ]);
    return { ...resource, myAdoptionId: mine?.id ?? null };
  }

  /** The CPTS's copy of the region's newest version. CONFLICT when it already has one. */
  async adopt(resourceId: string): Promise<ResourceAdoption> {
    const tenantId = requireTenantId();
    const regionId = await this.region();
    const { resource, version } = await this.units.run(
      regionId,
      async () => {
        const resource = await this.library.getInUnit(regionId, resourceId);
        const [version] = await this.library.versionsInUnit(regionId, resourceId, [resource.currentVersion]);
        return { resource, version };
      },
      { readOnly: true },
    );
    const id = randomUUID();
    try {
      await this.db.tenantRows(
        `INSERT INTO resource_adoptions (tenant_id, id, region_id, resource_id, category, adopted_version, title, content, adopted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          tenantId,
          id,
          regionId,
          resource.id,
          resource.category,
          version.version,
          version.title,
          jsonOrNull(version.content),
          requirePrincipal().userId,
        ],
      );
    } catch (err) {
      if (isUniqueViolation(err, 'resource_adoptions_resource_key'))
        throw AppError.conflict('Votre CPTS a déjà adopté cette ressource : retrouvez-la dans « Mes ressources ».');
      throw err;
    }
    return this.get(id);
  }

  async list(): Promise<ResourceAdoption[]> {
    const rows = await this.db.tenantRows<AdoptionRow>(
      `SELECT ${ADOPTION_COLUMNS} FROM resource_adoptions a WHERE a.tenant_id = $1 ORDER BY a.adopted_at DESC, a.id`,
      [requireTenantId()],
    );
    return this.withRegionFacts(rows);
  }

  async get(id: string): Promise<ResourceAdoption> {
    const [adoption] = await this.withRegionFacts([await this.row(id)]);
    return adoption;
  }

  /** The CPTS edits its copy: the region's resource is untouched. */
  async adapt(input: AdaptResourceAdoptionInput): Promise<ResourceAdoption> {
    const row = await this.row(input.id, true);
    const title = input.title.trim();
    if (!title) throw AppError.field('title', 'Le titre est obligatoire.');
    const content = contentFromInput(input.content);
    if (content && row.content && content.kind !== (row.content as { kind: string }).kind) {
      throw AppError.field('content.kind', 'Le type de contenu de votre copie ne change pas.');
    }
    await this.db.tenantRows(
      `UPDATE resource_adoptions SET title = $3, content = $4, adapted = true, adapted_at = now(), adapted_by = $5 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), row.id, title, jsonOrNull(content), requirePrincipal().userId],
    );
    return this.get(row.id);
  }

  /** What changed between the adopted version and the region's newest (NOT_FOUND for another CPTS's copy). */
  async diff(id: string): Promise<ResourceUpdateDiff> {
    const row = await this.row(id);
    const { latest, adopted } = await this.versionsOf(row);
    const changes = versionChanges(
      { title: adopted?.title ?? row.title, content: adopted?.content ?? null },
      { title: latest.title, content: latest.content },
    );
    return {
      adoptionId: row.id,
      fromVersion: row.adoptedVersion,
      toVersion: latest.version,
      note: latest.version > row.adoptedVersion ? latest.note : '',
      adapted: row.adapted,
      changes: changes.map((c) => ({
        ...c,
        kind: c.kind as ChangeKind,
        lines: c.lines.map((l) => ({ kind: l.kind as DiffLineKind, text: l.text })),
      })),
    };
  }

  /**
   * Takes the region's newest version: the copy becomes it (the CPTS's edits
   * are replaced; the screen warns first when the copy was adapted).
   */
  async takeUpdate(id: string): Promise<ResourceAdoption> {
    const row = await this.row(id, true);
    const { latest } = await this.versionsOf(row);
    if (latest.version <= row.adoptedVersion) throw AppError.conflict('Votre copie est déjà à la dernière version.');
    await this.db.tenantRows(
      `UPDATE resource_adoptions SET adopted_version = $3, title = $4, content = $5, adapted = false, adapted_at = NULL, adapted_by = NULL,
         dismissed_version = NULL, notified_version = greatest(coalesce(notified_version, 0), $3)
       WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), row.id, latest.version, latest.title, jsonOrNull(latest.content)],
    );
    return this.get(row.id);
  }

  /** Keeps the copy as it is: the notice hides until the region publishes a newer version. */
  async dismissUpdate(id: string): Promise<ResourceAdoption> {
    const row = await this.row(id, true);
    const { latest } = await this.versionsOf(row);
    if (latest.version <= row.adoptedVersion) throw AppError.conflict('Aucune nouvelle version à écarter.');
    await this.db.tenantRows(`UPDATE resource_adoptions SET dismissed_version = $3 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      row.id,
      latest.version,
    ]);
    return this.get(row.id);
  }

  private async row(id: string, lock = false): Promise<AdoptionRow> {
    if (!isUuid(id)) throw AppError.notFound(NOT_FOUND);
    const [row] = await this.db.tenantRows<AdoptionRow>(
      `SELECT ${ADOPTION_COLUMNS} FROM resource_adoptions a WHERE a.tenant_id = $1 AND a.id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  /** The region's newest version and the adopted one, read in the region's unit. */
  private versionsOf(row: AdoptionRow): Promise<{ latest: VersionRow; adopted: VersionRow | undefined }> {
    return this.units.run(
      row.regionId,
      async () => {
        const resource = await this.library.getInUnit(row.regionId, row.resourceId);
        const versions = await this.library.versionsInUnit(row.regionId, row.resourceId, [resource.currentVersion, row.adoptedVersion]);
        return { latest: versions[0], adopted: versions.find((v) => v.version === row.adoptedVersion) };
      },
      { readOnly: true },
    );
  }

  /** Each copy's newest regional version and files, in one unit of the region. */
  private async withRegionFacts(rows: AdoptionRow[]): Promise<ResourceAdoption[]> {
    if (rows.length === 0) return [];
    const regionId = rows[0].regionId;
    const facts = await this.units.run(
      regionId,
      async () => {
        const current = await this.db.regionRows<{ id: string; currentVersion: number }>(
          `SELECT id, current_version AS "currentVersion" FROM resources WHERE region_id = $1 AND id = ANY($2::uuid[])`,
          [regionId, rows.map((r) => r.resourceId)],
        );
        const files = await this.db.regionRows<ResourceFile & { resourceId: string; version: number }>(
          `SELECT f.resource_id AS "resourceId", f.version, f.document_id AS "documentId", f.file_name AS "fileName",
                  f.content_type AS "contentType", f.bytes::float8 AS bytes
           FROM resource_files f JOIN unnest($2::uuid[], $3::int[]) AS w(resource_id, version) ON w.resource_id = f.resource_id AND w.version = f.version
           WHERE f.region_id = $1 ORDER BY f.added_at, f.document_id`,
          [regionId, rows.map((r) => r.resourceId), rows.map((r) => r.adoptedVersion)],
        );
        return { current: new Map(current.map((c) => [c.id, c.currentVersion])), files };
      },
      { readOnly: true },
    );
    return rows.map((r) => {
      const latestVersion = facts.current.get(r.resourceId) ?? r.adoptedVersion;
      return {
        ...r,
        content: contentToOutput(r.content),
        latestVersion,
        updateAvailable: latestVersion > r.adoptedVersion && (r.dismissedVersion ?? 0) < latestVersion,
        files: facts.files
          .filter((f) => f.resourceId === r.resourceId && f.version === r.adoptedVersion)
          .map(({ resourceId, version, ...f }) => ({
            ...f,
            url: `/api/resources/${resourceId}/versions/${version}/files/${f.documentId}`,
          })),
      };
    });
  }
}

function jsonOrNull(content: unknown): string | null {
  return content === null || content === undefined ? null : JSON.stringify(content);
}
