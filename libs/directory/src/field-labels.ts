/** A professional's fields as the staff name them (history lines, reports). */
export const FIELD_LABELS = {
  lastName: 'nom',
  firstName: 'prénom',
  professionCode: 'profession',
  rpps: 'RPPS',
  communeCode: 'commune',
  structureName: "structure d'exercice",
  address: 'adresse',
  postalCode: 'code postal',
  email: 'e-mail',
  phone: 'téléphone',
  practiceMode: "mode d'exercice",
  emailIsWork: 'adresse e-mail professionnelle',
} as const;

export type LabelledField = keyof typeof FIELD_LABELS;

/** "téléphone, e-mail": the fields of a history line, in the order given. */
export function fieldList(fields: readonly LabelledField[]): string {
  return fields.map((f) => FIELD_LABELS[f]).join(', ');
}
