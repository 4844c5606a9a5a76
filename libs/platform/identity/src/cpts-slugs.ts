import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, isUuid, proposeSlug, SLUG_MAX_LENGTH, slugProblem } from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';

/**
 * A permanent redirect from an address of before (a former slug, an id) to
 * the current one: 301 for a page, 308 for an API route (it keeps the
 * method). Not cached by browsers: a CPTS may take a former address back,
 * and a cached redirect the other way would then loop.
 */
export async function redirectPermanently(reply: FastifyReply, status: 301 | 308, location: string): Promise<void> {
  await reply.status(status).header('cache-control', 'no-store').header('location', location).send();
}

/** Said for an address that names no CPTS, now or before. */
export const UNKNOWN_CPTS = 'Aucune CPTS n’a cette adresse. Vérifiez le lien, ou demandez-le à la CPTS.';

/** The CPTS a public address names, with its current address. */
export interface AddressedCpts {
  tenantId: string;
  slug: string;
  name: string;
}

/**
 * The first free address from `$1` (proposeSlug's): it, else it with "-2",
 * "-3"… An address is free unless a CPTS other than `$2` holds it or held it
 * (former addresses stay with their CPTS, see CptsSlugs).
 */
export const FREE_SLUG_SQL = `SELECT c.slug FROM generate_series(1, 1000) AS n
  CROSS JOIN LATERAL (SELECT CASE WHEN n = 1 THEN $1 ELSE rtrim(left($1, ${SLUG_MAX_LENGTH} - 1 - length(n::text)), '-') || '-' || n END AS slug) c
  WHERE NOT EXISTS (SELECT 1 FROM tenant_slugs s WHERE s.slug = c.slug AND s.tenant_id IS DISTINCT FROM $2::uuid)
  ORDER BY n LIMIT 1`;

/**
 * The readable addresses of the CPTS' public pages (/cpts/grand-perigueux/…):
 * set by the region admin, changeable. Every address a CPTS ever had is kept
 * in `tenant_slugs` and keeps leading to it (links already printed or
 * mailed), and it stays that CPTS's: another CPTS can never take it, so an
 * old link never shows another CPTS's page. The CPTS itself may take a
 * former address back.
 */
@Injectable()
export class CptsSlugs {
  constructor(private readonly db: Db) {}

  /**
   * The CPTS a public address names: by its current address, a former one,
   * or its id (the addresses of before); null when none. When the returned
   * slug differs from what was asked, the caller redirects to it. Read in a
   * read-only unit of its own, on platform tables only: it runs before any
   * tenant transaction, whoever calls.
   */
  resolve(addressed: string): Promise<AddressedCpts | null> {
    const key = addressed.toLowerCase();
    if (key.length > SLUG_MAX_LENGTH) return Promise.resolve(null);
    return this.db.runApart({ tenantId: null, label: 'cpts-address', readOnly: true }, async () => {
      const [row] = isUuid(key)
        ? await this.db.rows<AddressedCpts>(`SELECT id AS "tenantId", slug, name FROM tenants WHERE id = $1`, [key])
        : await this.db.rows<AddressedCpts>(
            `SELECT t.id AS "tenantId", t.slug, t.name FROM tenant_slugs s JOIN tenants t ON t.id = s.tenant_id WHERE s.slug = $1`,
            [key],
          );
      return row ?? null;
    });
  }

  /** A free address proposed from a CPTS name; `tenantId`'s own addresses, current and former, count as free. */
  async suggest(name: string, tenantId: string | null): Promise<string> {
    const [row] = await this.db.rows<{ slug: string }>(FREE_SLUG_SQL, [proposeSlug(name), tenantId]);
    return row.slug;
  }

  /**
   * Makes `slug` an address of `tenantId` in the current transaction (its
   * current one is the caller's to write, in `tenants.slug`): refused in
   * French when it is malformed, reserved, or another CPTS's, now or before.
   * Returns it normalised.
   */
  async claim(tenantId: string, typed: string, userId: string): Promise<string> {
    const slug = typed.trim().toLowerCase();
    const problem = slugProblem(slug);
    if (problem) throw AppError.field('slug', problem);
    const [holder] = await this.db.rows<{ tenantId: string; name: string; current: boolean }>(
      `SELECT t.id AS "tenantId", t.name, t.slug = s.slug AS current FROM tenant_slugs s JOIN tenants t ON t.id = s.tenant_id WHERE s.slug = $1`,
      [slug],
    );
    if (holder && holder.tenantId !== tenantId) throw taken(holder);
    if (!holder) {
      try {
        await this.db.rows(`INSERT INTO tenant_slugs (slug, tenant_id, created_by) VALUES ($1, $2, $3)`, [slug, tenantId, userId]);
      } catch (err) {
        // Claimed by another region admin in the same instant.
        if (isUniqueViolation(err, 'tenant_slugs_pkey')) throw taken(null);
        throw err;
      }
    }
    return slug;
  }
}

function taken(holder: { name: string; current: boolean } | null): AppError {
  const message = !holder
    ? 'Cette adresse vient d’être prise par une autre CPTS : choisissez-en une autre.'
    : holder.current
      ? `Cette adresse est déjà celle de ${holder.name} : choisissez-en une autre.`
      : `Cette adresse a été celle de ${holder.name}, et les liens déjà diffusés y mènent toujours : choisissez-en une autre.`;
  return AppError.conflict(message, [{ field: 'slug', message: 'Adresse déjà utilisée.' }]);
}
