import { csvTable } from '@cpts/platform-core';
import type { Professional } from '../professional.types';
import { parisToday } from '../memberships/membership-format';

/**
 * The columns of a directory export, CSV and XLSX alike, with the width of
 * each in a spreadsheet (characters).
 */
export const EXPORT_COLUMNS: Array<{ header: string; width: number; value: (p: Professional) => string | null }> = [
  { header: 'Nom', width: 22, value: (p) => p.lastName },
  { header: 'Prénom', width: 18, value: (p) => p.firstName },
  { header: 'Profession', width: 26, value: (p) => p.profession.label },
  { header: 'Code profession', width: 10, value: (p) => p.professionCode },
  { header: 'RPPS', width: 14, value: (p) => p.rpps },
  { header: 'Commune', width: 24, value: (p) => p.commune.name },
  { header: 'Code INSEE', width: 11, value: (p) => p.communeCode },
  { header: 'Structure', width: 30, value: (p) => p.structureName },
  { header: 'E-mail', width: 30, value: (p) => p.email },
  { header: 'Téléphone', width: 16, value: (p) => p.phone },
  // The CPTS's calendar day: archived at 00:30 in Paris on 1 March is 1 March, not 28 February (UTC).
  { header: 'Archivé le', width: 12, value: (p) => (p.archivedAt ? parisToday(p.archivedAt) : null) },
];

/** The rows of an export, one array of cells per professional, in EXPORT_COLUMNS order. */
export function exportRows(professionals: Professional[]): Array<Array<string | null>> {
  return professionals.map((p) => EXPORT_COLUMNS.map((c) => c.value(p)));
}

/** The directory as CSV for a spreadsheet (see csvTable). */
export function professionalsCsv(professionals: Professional[]): string {
  return csvTable(EXPORT_COLUMNS.map((c) => c.header), exportRows(professionals));
}
