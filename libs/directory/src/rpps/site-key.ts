import { createHash } from 'node:crypto';
import { searchKey } from '@cpts/platform-core';

/** What identifies a practice site in the extraction (the fields of RppsActivity that siteKeyOf reads). */
export interface SiteIdentity {
  structureId: string | null;
  siret: string | null;
  finess: string | null;
  address: string | null;
  postalCode: string | null;
  communeCode: string;
}

/**
 * The key of a practice site among one person's sites, stable from one
 * extraction to the next, by the first identifier the line has:
 *  1. `Identifiant technique de la structure` (the directory's own id of the site);
 *  2. else `Numéro SIRET site` (one per establishment of a company);
 *  3. else `Numéro FINESS site` (one per health or social establishment);
 *  4. else a hash of the address, postal code and commune, accents, case and
 *     spacing ignored (a site without any identifier, or a file without those
 *     columns): such a site that moves is a new site, and the old one is
 *     retired; a structure renamed at the same address stays the same site
 *     (its name is a field like the others: a hand edit of it is kept).
 * SIREN alone is not used: it names a company, which may have many sites.
 */
export function siteKeyOf(site: SiteIdentity): string {
  if (site.structureId) return `structure:${site.structureId}`;
  if (site.siret) return `siret:${site.siret}`;
  if (site.finess) return `finess:${site.finess}`;
  const text = [site.address, site.postalCode, site.communeCode].map((v) => searchKey(v ?? '')).join('|');
  return `address:${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
}
