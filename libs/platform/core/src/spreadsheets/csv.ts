/**
 * A table as CSV for a spreadsheet, the way French Excel and LibreOffice
 * open it without an import dialog: UTF-8 with a BOM, `;` between fields,
 * CRLF line ends, every field quoted when it needs to be.
 */
export function csvTable(headers: string[], rows: Array<Array<string | null>>): string {
  const lines = [headers.map(csvField).join(';')];
  for (const row of rows) lines.push(row.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection): prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
