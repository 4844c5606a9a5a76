/**
 * The form names are compared in: lower case, accents and punctuation
 * removed, single spaces. "Lœuilly-Saint-Étienne" -> "loeuilly saint etienne".
 * Used for every accent- and case-insensitive search (names of people and
 * places), on write and on query alike.
 */
export function searchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
