import { Injectable } from '@nestjs/common';
import { AppError, isUuid } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { parseResourceContent, ResourceContent } from './resource-content';

/** A CPTS's adopted copy of a regional resource, as other engines read it. */
export interface AdoptedResourceContent {
  adoptionId: string;
  resourceId: string;
  title: string;
  /** The region's version the copy was made from (or last updated to). */
  version: number;
  /** The CPTS's own (possibly adapted) content; null for a files-only resource. */
  content: ResourceContent | null;
}

/**
 * What the surveys and evaluation engines read: a CPTS's adopted copy (a survey
 * from an adopted survey template, a fiche from an adopted fiche-action
 * template). In the caller's tenant transaction: RLS hides every other CPTS's
 * copies, so another CPTS's id is NOT_FOUND.
 */
@Injectable()
export class AdoptedResources {
  constructor(private readonly db: Db) {}

  async content(adoptionId: string): Promise<AdoptedResourceContent> {
    if (!isUuid(adoptionId)) throw AppError.notFound('Ressource adoptée introuvable.');
    const [row] = await this.db.tenantRows<{ adoptionId: string; resourceId: string; title: string; version: number; content: unknown }>(
      `SELECT id AS "adoptionId", resource_id AS "resourceId", title, adopted_version AS version, content
         FROM resource_adoptions WHERE id = $1`,
      [adoptionId],
    );
    if (!row) throw AppError.notFound('Ressource adoptée introuvable.');
    return { ...row, content: row.content === null ? null : parseResourceContent(row.content) };
  }
}
