import { xlsxWorkbook } from '@cpts/platform-core';
import type { Professional } from '../professional.types';
import { EXPORT_COLUMNS, exportRows } from './professionals-csv';

/** The directory as an Excel workbook: the same columns and rows as the CSV export. */
export function professionalsXlsx(professionals: Professional[]): Buffer {
  return xlsxWorkbook({ name: 'Annuaire', columns: EXPORT_COLUMNS.map(({ header, width }) => ({ header, width })), rows: exportRows(professionals) });
}
