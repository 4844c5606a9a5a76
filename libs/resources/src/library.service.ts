import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { StorageEnv } from '@cpts/platform-config';
import { AppError, isUuid, Principal, regionsWhere, requirePrincipal, Role, searchKey } from '@cpts/platform-core';
import { Db, RegionUnits } from '@cpts/platform-db';
import { DocumentStore } from '@cpts/meetings';
import { contentFromInput } from './content-mapping';
import { ResourceContent } from './resource-content';
import { PublishResourceInput, PublishResourceVersionInput, Resource, ResourceCategory, ResourceFile } from './resources.types';

const NOT_FOUND = 'Ressource introuvable.';
/** A version's files: a kit, not an archive. */
export const MAX_FILES_PER_VERSION = 20;

export const RESOURCE_COLUMNS = `r.id, r.region_id AS "regionId", r.title, r.description, r.category, r.current_version AS "currentVersion",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

export interface VersionRow {
  version: number;
  title: string;
  content: ResourceContent | null;
  note: string;
  publishedAt: Date;
}

export interface LibraryFilter {
  search?: string | null;
  category?: ResourceCategory | null;
}

export const fileUrl = (resourceId: string, version: number, documentId: string) =>
  `/api/resources/${resourceId}/versions/${version}/files/${documentId}`;

/**
 * The region's side of the library: its team publishes resources and new
 * versions (REGION_ADMIN), reads them with the mission officers. Every read
 * and write runs in a unit of work of the region (RegionUnits), the region
 * chosen from the caller's own region roles.
 */
@Injectable()
export class LibraryService {
  /** Region files under `<UPLOAD_DIR>/region-resources/<region id>/<document id>`: the store's scope is the region. */
  readonly store: DocumentStore;

  constructor(
    private readonly db: Db,
    private readonly units: RegionUnits,
    storage: StorageEnv,
  ) {
    this.store = new DocumentStore(storage.UPLOAD_DIR, 'region-resources');
  }

  /** The region the caller writes: the one they administer (named when several). */
  writerRegion(principal: Principal, regionId?: string | null): string {
    return pickRegion(regionsWhere(principal, [Role.REGION_ADMIN]), regionId, "Vous n'administrez pas cette région.");
  }

  /** The region the caller reads: administered or where they are a mission officer. */
  readerRegion(principal: Principal, regionId?: string | null): string {
    return pickRegion(
      regionsWhere(principal, [Role.REGION_ADMIN, Role.MISSION_OFFICER]),
      regionId,
      "Vous n'êtes pas de l'équipe de cette région.",
    );
  }

  /** The resources of a region, newest first, filtered (title and description, accent-insensitive; category). */
  list(regionId: string, filter: LibraryFilter): Promise<Resource[]> {
    return this.units.run(regionId, () => this.listInUnit(regionId, filter), { readOnly: true });
  }

  private listInUnit(regionId: string, filter: LibraryFilter): Promise<Resource[]> {
    const params: unknown[] = [regionId];
    const where = ['r.region_id = $1'];
    if (filter.category) {
      params.push(filter.category);
      where.push(`r.category = $${params.length}`);
    }
    for (const word of searchKey(filter.search ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8)) {
      params.push(`%${word}%`);
      where.push(`r.search_key LIKE $${params.length}`);
    }
    return this.db.regionRows<Resource>(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE ${where.join(' AND ')} ORDER BY r.updated_at DESC, r.id LIMIT 500`,
      params,
    );
  }

  get(regionId: string, id: string): Promise<Resource> {
    return this.units.run(regionId, () => this.getInUnit(regionId, id), { readOnly: true });
  }

  async getInUnit(regionId: string, id: string, lock = false): Promise<Resource> {
    if (!isUuid(id)) throw AppError.notFound(NOT_FOUND);
    const [row] = await this.db.regionRows<Resource>(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE r.region_id = $1 AND r.id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [regionId, id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  /** Every version, newest first, with its files. */
  versions(regionId: string, resourceId: string): Promise<Array<VersionRow & { files: ResourceFile[] }>> {
    return this.units.run(regionId, () => this.versionsInUnit(regionId, resourceId), { readOnly: true });
  }

  async versionsInUnit(regionId: string, resourceId: string, only?: number[]): Promise<Array<VersionRow & { files: ResourceFile[] }>> {
    const versions = await this.db.regionRows<VersionRow>(
      `SELECT version, title, content, note, published_at AS "publishedAt" FROM resource_versions
       WHERE region_id = $1 AND resource_id = $2 AND ($3::int[] IS NULL OR version = ANY($3)) ORDER BY version DESC`,
      [regionId, resourceId, only ?? null],
    );
    const files = await this.db.regionRows<ResourceFile & { version: number }>(
      `SELECT version, document_id AS "documentId", file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes
       FROM resource_files WHERE region_id = $1 AND resource_id = $2 AND ($3::int[] IS NULL OR version = ANY($3)) ORDER BY added_at, document_id`,
      [regionId, resourceId, only ?? null],
    );
    return versions.map((v) => ({
      ...v,
      files: files
        .filter((f) => f.version === v.version)
        .map((f) => ({
          documentId: f.documentId,
          fileName: f.fileName,
          contentType: f.contentType,
          bytes: f.bytes,
          url: fileUrl(resourceId, v.version, f.documentId),
        })),
    }));
  }

  /** A new resource and its version 1 (one region transaction). */
  async publish(input: PublishResourceInput): Promise<Resource> {
    const principal = requirePrincipal();
    const regionId = this.writerRegion(principal, input.regionId);
    const title = requiredTitle(input.title);
    const content = contentFromInput(input.content);
    checkKind(input.category, content);
    const id = randomUUID();
    return this.units.run(regionId, async () => {
      await this.db.regionRows(
        `INSERT INTO resources (region_id, id, title, description, category, search_key, current_version, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7)`,
        [regionId, id, title, input.description ?? '', input.category, searchKey(`${title} ${input.description ?? ''}`), principal.userId],
      );
      await this.db.regionRows(
        `INSERT INTO resource_versions (region_id, resource_id, version, title, content, note, published_by) VALUES ($1, $2, 1, $3, $4, $5, $6)`,
        [regionId, id, title, content === null ? null : JSON.stringify(content), input.note ?? '', principal.userId],
      );
      return this.getInUnit(regionId, id);
    });
  }

  /**
   * A new version: the older ones stay as they were. The previous version's
   * files are carried over unless dropped (same stored bytes). Returns the
   * resource and the CPTS of the region, for the adopters' digest.
   */
  async publishVersion(input: PublishResourceVersionInput): Promise<Resource> {
    const principal = requirePrincipal();
    const regionIds = regionsWhere(principal, [Role.REGION_ADMIN]);
    const regionId = await this.regionHolding(regionIds, input.resourceId);
    const content = contentFromInput(input.content);
    return this.units.run(regionId, async () => {
      const current = await this.getInUnit(regionId, input.resourceId, true);
      checkKind(current.category, content);
      if (!input.note) throw AppError.field('note', 'Dites en quelques mots ce qui a changé : les CPTS qui l’ont adoptée le liront.');
      const title = input.title === undefined || input.title === null ? current.title : requiredTitle(input.title);
      const description = input.description ?? current.description;
      const version = current.currentVersion + 1;
      await this.db.regionRows(
        `INSERT INTO resource_versions (region_id, resource_id, version, title, content, note, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [regionId, current.id, version, title, content === null ? null : JSON.stringify(content), input.note, principal.userId],
      );
      await this.db.regionRows(
        `INSERT INTO resource_files (region_id, resource_id, version, document_id, file_name, content_type, bytes, sha256, added_at)
         SELECT region_id, resource_id, $3, document_id, file_name, content_type, bytes, sha256, added_at FROM resource_files
         WHERE region_id = $1 AND resource_id = $2 AND version = $4 AND NOT (document_id = ANY($5::uuid[]))`,
        [regionId, current.id, version, current.currentVersion, input.dropFileIds ?? []],
      );
      await this.db.regionRows(
        `UPDATE resources SET title = $3, description = $4, search_key = $5, current_version = $6, updated_at = now() WHERE region_id = $1 AND id = $2`,
        [regionId, current.id, title, description, searchKey(`${title} ${description}`), version],
      );
      return this.getInUnit(regionId, current.id);
    });
  }

  /** Which of these regions holds the resource (an admin of several regions need not say). NOT_FOUND if none. */
  async regionHolding(regionIds: string[], resourceId: string): Promise<string> {
    if (!isUuid(resourceId)) throw AppError.notFound(NOT_FOUND);
    for (const regionId of regionIds) {
      const found = await this.units.run(
        regionId,
        () => this.db.regionRows(`SELECT 1 FROM resources WHERE region_id = $1 AND id = $2`, [regionId, resourceId]),
        { readOnly: true },
      );
      if (found.length > 0) return regionId;
    }
    throw AppError.notFound(NOT_FOUND);
  }

  /** A file added to the resource's newest version (REGION_ADMIN), checked by the meetings' DocumentStore. */
  async addFile(resourceId: string, body: Readable, rawName: string | undefined, declaredBytes: number | null): Promise<ResourceFile> {
    const principal = requirePrincipal();
    const fileName = this.store.precheck(rawName, declaredBytes);
    const regionId = await this.regionHolding(regionsWhere(principal, [Role.REGION_ADMIN]), resourceId);
    await this.db.releaseReads();
    let added: ResourceFile | null = null;
    await this.store.receive(regionId, fileName, body, async (doc) => {
      added = await this.units.run(regionId, async () => {
        const resource = await this.getInUnit(regionId, resourceId, true);
        const [{ count }] = await this.db.regionRows<{ count: number }>(
          `SELECT count(*)::int AS count FROM resource_files WHERE region_id = $1 AND resource_id = $2 AND version = $3`,
          [regionId, resourceId, resource.currentVersion],
        );
        if (count >= MAX_FILES_PER_VERSION) throw AppError.conflict(`Une version a au plus ${MAX_FILES_PER_VERSION} fichiers.`);
        await this.db.regionRows(
          `INSERT INTO resource_files (region_id, resource_id, version, document_id, file_name, content_type, bytes, sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [regionId, resourceId, resource.currentVersion, doc.id, doc.fileName, doc.contentType, doc.bytes, doc.sha256],
        );
        return {
          documentId: doc.id,
          fileName: doc.fileName,
          contentType: doc.contentType,
          bytes: doc.bytes,
          url: fileUrl(resourceId, resource.currentVersion, doc.id),
        };
      });
    });
    return added!;
  }

  /** A file of a version of a resource of this region, and where its bytes are (NOT_FOUND otherwise). */
  async fileFor(regionId: string, resourceId: string, version: number, documentId: string) {
    const notFound = 'Fichier introuvable.';
    if (!isUuid(resourceId) || !isUuid(documentId) || !Number.isSafeInteger(version)) throw AppError.notFound(notFound);
    const [row] = await this.units.run(
      regionId,
      () =>
        this.db.regionRows<{ fileName: string; contentType: string; bytes: number }>(
          `SELECT file_name AS "fileName", content_type AS "contentType", bytes::float8 AS bytes FROM resource_files
           WHERE region_id = $1 AND resource_id = $2 AND version = $3 AND document_id = $4`,
          [regionId, resourceId, version, documentId],
        ),
      { readOnly: true },
    );
    if (!row) throw AppError.notFound(notFound);
    return { ...row, file: await this.store.existing(regionId, documentId, notFound) };
  }
}

function pickRegion(regions: string[], asked: string | null | undefined, refusal: string): string {
  if (asked) {
    if (!regions.includes(asked)) throw AppError.forbidden(refusal);
    return asked;
  }
  if (regions.length === 0) throw AppError.forbidden(refusal);
  if (regions.length > 1) throw AppError.field('regionId', 'Précisez la région.');
  return regions[0];
}

function requiredTitle(title: string): string {
  const t = title.trim();
  if (!t) throw AppError.field('title', 'Le titre est obligatoire.');
  return t;
}

/** Survey templates carry a survey, fiche templates a fiche; other categories free text (or files only). */
function checkKind(category: ResourceCategory | string, content: ResourceContent | null): void {
  if (category === ResourceCategory.SURVEY_TEMPLATE && content && content.kind !== 'survey') {
    throw AppError.field('content.kind', 'Un modèle de questionnaire contient un questionnaire.');
  }
  if (category === ResourceCategory.FICHE_ACTION_TEMPLATE && content && content.kind !== 'fiche_action') {
    throw AppError.field('content.kind', 'Un modèle de fiche action contient une fiche action.');
  }
  if (content && content.kind === 'survey' && category !== ResourceCategory.SURVEY_TEMPLATE) {
    throw AppError.field('category', 'Un questionnaire se publie dans la catégorie « Modèle de questionnaire ».');
  }
  if (content && content.kind === 'fiche_action' && category !== ResourceCategory.FICHE_ACTION_TEMPLATE) {
    throw AppError.field('category', 'Une fiche action se publie dans la catégorie « Modèle de fiche action ».');
  }
}
