import { xlsxWorkbook } from '@cpts/platform-core';
import { EXPORT_COLUMNS, ExportedProfessional, exportRows } from './professionals-csv';

/** The directory as an Excel workbook: the same columns and rows as the CSV export. */
export function professionalsXlsx(professionals: ExportedProfessional[]): Promise<Buffer> {
  return xlsxWorkbook({ name: 'Annuaire', columns: EXPORT_COLUMNS.map(({ header, width }) => ({ header, width })), rows: exportRows(professionals) });
}
