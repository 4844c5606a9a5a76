import { csvTable } from '@cpts/platform-core';
import type { Professional } from '../professional.types';
import { parisToday } from '../memberships/membership-format';
import type { ProfessionalSite } from '../sites/site.types';

/** A professional as exported: with their current practice sites, the main one first. */
export type ExportedProfessional = Professional & { sites: ProfessionalSite[] };

/** « Cabinet des Halles, 2 rue Haute, 79000 Niort, 05 49 12 34 56 »: one site in a cell. */
const siteText = (s: ProfessionalSite) => [s.structureName, s.address, [s.postalCode, s.commune.name].filter(Boolean).join(' '), s.phone].filter(Boolean).join(', ');

/**
 * The columns of a directory export, CSV and XLSX alike, with the width of
 * each in a spreadsheet (characters). One row per person: commune,
 * structure, address and phone are the main site's; the other current sites
 * share one cell, separated by « ; ».
 */
export const EXPORT_COLUMNS: Array<{ header: string; width: number; value: (p: ExportedProfessional) => string | null }> = [
  { header: 'Nom', width: 22, value: (p) => p.lastName },
  { header: 'Prénom', width: 18, value: (p) => p.firstName },
  { header: 'Profession', width: 26, value: (p) => p.profession.label },
  { header: 'Code profession', width: 10, value: (p) => p.professionCode },
  { header: 'RPPS', width: 14, value: (p) => p.rpps },
  { header: 'Commune', width: 24, value: (p) => p.commune.name },
  { header: 'Code INSEE', width: 11, value: (p) => p.communeCode },
  { header: 'Structure', width: 30, value: (p) => p.structureName },
  { header: 'Adresse', width: 30, value: (p) => p.sites[0]?.address ?? null },
  { header: 'E-mail', width: 30, value: (p) => p.email },
  { header: 'Téléphone', width: 16, value: (p) => p.phone },
  { header: "Autres lieux d'exercice", width: 50, value: (p) => p.sites.slice(1).map(siteText).join(' ; ') || null },
  // The CPTS's calendar day: archived at 00:30 in Paris on 1 March is 1 March, not 28 February (UTC).
  { header: 'Archivé le', width: 12, value: (p) => (p.archivedAt ? parisToday(p.archivedAt) : null) },
];

/** The rows of an export, one array of cells per professional, in EXPORT_COLUMNS order. */
export function exportRows(professionals: ExportedProfessional[]): Array<Array<string | null>> {
  return professionals.map((p) => EXPORT_COLUMNS.map((c) => c.value(p)));
}

/** The directory as CSV for a spreadsheet (see csvTable). */
export function professionalsCsv(professionals: ExportedProfessional[]): string {
  return csvTable(EXPORT_COLUMNS.map((c) => c.header), exportRows(professionals));
}
