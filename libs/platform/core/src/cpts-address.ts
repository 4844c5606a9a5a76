import { isUuid } from './uuid.pipe';

/*
 * The readable address of a CPTS's public pages (its slug: /cpts/<slug>/…),
 * as words: what the platform proposes from a name, what it accepts, and the
 * address of a page. Kept, claimed and looked up by CptsSlugs (identity);
 * see docs/adr/0011-cpts-public-addresses.md.
 */

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 60;
const SLUG_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_LENGTH_MESSAGE = `L’adresse doit compter de ${SLUG_MIN_LENGTH} à ${SLUG_MAX_LENGTH} caractères.`;
const SLUG_FORMAT_MESSAGE =
  'L’adresse ne peut contenir que des lettres sans accents, des chiffres et des tirets entre les mots (ex. : grand-perigueux).';

/**
 * Words no CPTS may take as its address: the names under /cpts/ that the
 * staff app uses or may use one day (/cpts is its home page), and words
 * that would lend a page an authority it does not have (/cpts/connexion/…).
 */
const RESERVED = new Set([
  'admin',
  'administration',
  'aide',
  'annuaire',
  'api',
  'assets',
  'compte',
  'connexion',
  'contact',
  'cpts',
  'graphql',
  'health',
  'invitation',
  'login',
  'metrics',
  'modifier',
  'mot-de-passe',
  'nouveau',
  'nouvelle',
  'parametres',
  'plateforme',
  'preferences',
  'public',
  'region',
  'securite',
  'support',
  'www',
]);

/**
 * What names say before the territory: "CPTS du Grand Périgueux" is the
 * Grand Périgueux's. Only prepositions go; an article that is part of the
 * place's name stays ("CPTS Les Portes du Médoc": les-portes-du-medoc).
 */
const NAME_PREFIX = /^(?:cpts|communaute professionnelle territoriale de sante)(?:$|\s+(?:(?:du|des|de la|de l|de|d)(?:$|\s+))?)/;

/** Lower case, accents and ligatures dropped, every other sign a space. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The address proposed for a CPTS from its name: lower case, no accents,
 * words joined by hyphens, "CPTS du/de la/des…" left out, at most 60
 * characters cut between words. Always valid: a reserved word or a name
 * too short gets "cpts-" before it; a name of nothing else than "CPTS",
 * "cpts-territoire".
 */
export function proposeSlug(name: string): string {
  const words = plain(name).replace(NAME_PREFIX, '').split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX_LENGTH) break;
    slug = next;
  }
  // A first word longer than an address: cut, rather than nothing.
  if (!slug) slug = words[0]?.slice(0, SLUG_MAX_LENGTH) ?? '';
  if (!slug) return 'cpts-territoire';
  return RESERVED.has(slug) || slug.length < SLUG_MIN_LENGTH || isUuid(slug) ? `cpts-${slug}`.slice(0, SLUG_MAX_LENGTH) : slug;
}

/** What is wrong with an address a person typed, in French; null when it may be used (if free). */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) return SLUG_LENGTH_MESSAGE;
  if (!SLUG_FORMAT.test(slug)) return SLUG_FORMAT_MESSAGE;
  // The addresses of before named a CPTS by its id: an id-shaped address would be read as one.
  if (RESERVED.has(slug) || isUuid(slug)) return `« ${slug} » est réservé : choisissez une autre adresse.`;
  return null;
}

/** The address of a public page of a CPTS, e.g. /cpts/grand-perigueux/annuaire. */
export function cptsPagePath(slug: string, ...segments: string[]): string {
  return `/cpts/${slug}${segments.map((s) => `/${encodeURIComponent(s)}`).join('')}`;
}
