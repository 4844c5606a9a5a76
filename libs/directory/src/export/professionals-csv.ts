import type { Professional } from '../professional.types';

/**
 * The directory as CSV for a spreadsheet, the way French Excel and
 * LibreOffice open it without an import dialog: UTF-8 with a BOM, `;` between
 * fields, CRLF line ends, every field quoted when it needs to be.
 */
const COLUMNS: Array<[string, (p: Professional) => string | null]> = [
  ['Nom', (p) => p.lastName],
  ['Prénom', (p) => p.firstName],
  ['Profession', (p) => p.profession.label],
  ['Code profession', (p) => p.professionCode],
  ['RPPS', (p) => p.rpps],
  ['Commune', (p) => p.commune.name],
  ['Code INSEE', (p) => p.communeCode],
  ['Structure', (p) => p.structureName],
  ['E-mail', (p) => p.email],
  ['Téléphone', (p) => p.phone],
  ['Archivé le', (p) => (p.archivedAt ? p.archivedAt.toISOString().slice(0, 10) : null)],
];

function field(value: string | null): string {
  if (value === null || value === '') return '';
  // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection): prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function professionalsCsv(professionals: Professional[]): string {
  const lines = [COLUMNS.map(([name]) => field(name)).join(';')];
  for (const p of professionals) lines.push(COLUMNS.map(([, value]) => field(value(p))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
