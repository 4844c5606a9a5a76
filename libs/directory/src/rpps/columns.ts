import { RppsFormatError } from './rpps-format-error';

/**
 * The columns the parser reads, by their header name. Nothing else in the file
 * is looked at: the national directory adds, drops and moves other columns
 * between releases (the savoir-faire ones moved to another file, for one).
 */
export const RPPS_COLUMNS = {
  nationalId: 'Identification nationale PP',
  lastName: "Nom d'exercice",
  firstName: "Prénom d'exercice",
  professionCode: 'Code profession',
  communeCode: 'Code commune (coord. structure)',
  rppsId: 'Identifiant PP',
  professionLabel: 'Libellé profession',
  practiceMode: 'Code mode exercice',
  companyName: 'Raison sociale site',
  tradeName: 'Enseigne commerciale site',
  communeName: 'Libellé commune (coord. structure)',
  postalCode: 'Code postal (coord. structure)',
  phone: 'Téléphone (coord. structure)',
  email: 'Adresse e-mail (coord. structure)',
  // The practice site: its identifiers (see siteKeyOf) and its address.
  structureId: 'Identifiant technique de la structure',
  siret: 'Numéro SIRET site',
  siren: 'Numéro SIREN site',
  finess: 'Numéro FINESS site',
  finessLegal: 'Numéro FINESS établissement juridique',
  addressComplement: 'Complément point géographique (coord. structure)',
  streetNumber: 'Numéro Voie (coord. structure)',
  streetRepeat: 'Indice répétition voie (coord. structure)',
  streetType: 'Libellé type de voie (coord. structure)',
  streetName: 'Libellé Voie (coord. structure)',
  distribution: 'Mention distribution (coord. structure)',
} as const;

export type RppsColumn = keyof typeof RPPS_COLUMNS;

const REQUIRED: RppsColumn[] = ['nationalId', 'lastName', 'firstName', 'professionCode', 'communeCode'];

export interface RppsLayout {
  /** Fields on a line, not counting the empty one after the trailing `|`. */
  count: number;
  /** Position of each column; -1 when an optional column is absent. */
  index: Record<RppsColumn, number>;
}

/** Header names as people and tools write them: spaces, case, typographic apostrophes, composed accents. */
function normalizeName(name: string): string {
  return name.trim().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').normalize('NFC').toLowerCase();
}

const NOT_AN_EXTRACTION =
  "Ce fichier n'est pas une extraction « PS_LibreAcces_Personne_activite » de l'Annuaire Santé : sa première ligne ne contient pas les noms de colonnes attendus. Déposez le fichier .txt ou .zip tel qu'il a été téléchargé.";

/** Reads the header line (BOM and line end already removed); throws when the required columns are not all there. */
export function readHeader(line: string): RppsLayout {
  const names = line.split('|');
  if (names.length > 1 && names[names.length - 1].trim() === '') names.pop();
  const positions = new Map<string, number>();
  names.forEach((name, i) => {
    const key = normalizeName(name);
    if (!positions.has(key)) positions.set(key, i); // a duplicated name: the first one counts
  });
  const index = {} as Record<RppsColumn, number>;
  for (const key of Object.keys(RPPS_COLUMNS) as RppsColumn[]) {
    index[key] = positions.get(normalizeName(RPPS_COLUMNS[key])) ?? -1;
  }
  const missing = REQUIRED.filter((key) => index[key] === -1).map((key) => RPPS_COLUMNS[key]);
  // Not one expected name (or no `|` at all): some other file, not a damaged extraction.
  if (!line.includes('|') || missing.length === REQUIRED.length) throw new RppsFormatError('NOT_AN_EXTRACTION', NOT_AN_EXTRACTION, missing);
  if (missing.length > 0) {
    throw new RppsFormatError(
      'MISSING_COLUMNS',
      `Colonnes manquantes : ${missing.join(', ')}. Ce fichier n'est pas l'extraction « PS_LibreAcces_Personne_activite » complète de l'Annuaire Santé : déposez le fichier tel qu'il a été téléchargé.`,
      missing,
    );
  }
  return { count: names.length, index };
}
