/**
 * The fields a national import fills in: the person's, on `professionals`,
 * and each practice site's, on `professional_sites`. Each row keeps the
 * values of its last import (`imported` jsonb), which tell a hand edit from
 * an imported value (mergeFields).
 */
export const PERSON_FIELDS = ['lastName', 'firstName', 'professionCode', 'email'] as const;
export const SITE_FIELDS = ['structureName', 'address', 'postalCode', 'communeCode', 'phone', 'practiceMode'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type SiteField = (typeof SITE_FIELDS)[number];
export type ImportedField = PersonField | SiteField;
/** Every imported field, in the order the report lists them. */
export const IMPORTED_FIELDS: readonly ImportedField[] = [...PERSON_FIELDS, ...SITE_FIELDS];

export type PersonValues = Record<PersonField, string | null>;
export type SiteValues = Record<SiteField, string | null>;

export const PERSON_COLUMN: Record<PersonField, string> = {
  lastName: 'last_name',
  firstName: 'first_name',
  professionCode: 'profession_code',
  email: 'email',
};

export const SITE_COLUMN: Record<SiteField, string> = {
  structureName: 'structure_name',
  address: 'address',
  postalCode: 'postal_code',
  communeCode: 'commune_code',
  phone: 'phone',
  practiceMode: 'practice_mode',
};

export const isSiteField = (field: string): field is SiteField => (SITE_FIELDS as readonly string[]).includes(field);
export const isPersonField = (field: string): field is PersonField => (PERSON_FIELDS as readonly string[]).includes(field);

/**
 * What a newer extraction does to a row already in the directory (a person
 * or one of their sites), field by field, given the values of the previous import:
 *  - a field nobody edited since the last import takes the new value;
 *  - a field the staff edited by hand keeps their value; if the extraction
 *    changed it too, it becomes a conflict the report shows;
 *  - a row entered by hand (never imported) keeps every field, and each
 *    field the extraction says differently is a conflict; a blank is filled.
 */
export function mergeFields<F extends string>(
  fields: readonly F[],
  current: Record<F, string | null>,
  previous: Record<F, string | null> | null,
  incoming: Record<F, string | null>,
): { next: Record<F, string | null>; conflicts: F[] } {
  // Copied only when a field changes: a re-import compares tens of thousands of unchanged rows.
  let next: Record<F, string | null> | null = null;
  const conflicts: F[] = [];
  for (const field of fields) {
    const cur = current[field] ?? null;
    const inc = incoming[field] ?? null;
    if (cur === inc) continue;
    if (previous === null) {
      // A blank filled from the extraction is no edit to protect.
      if (cur === null) (next ??= { ...current })[field] = inc;
      else conflicts.push(field);
      continue;
    }
    const prev = previous[field] ?? null;
    if (cur === prev) (next ??= { ...current })[field] = inc;
    else if (inc !== prev) conflicts.push(field);
  }
  return { next: next ?? current, conflicts };
}

/** Whether two rows of values are the same on these fields (a missing key is null). */
export function sameValues<F extends string>(
  fields: readonly F[],
  a: Partial<Record<F, string | null>> | null,
  b: Partial<Record<F, string | null>>,
): boolean {
  return a !== null && fields.every((f) => (a[f] ?? null) === (b[f] ?? null));
}
