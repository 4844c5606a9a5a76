import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';

/**
 * An XLSX workbook of one sheet or several, written by exceljs: a bold,
 * frozen header row, column widths, text cells, and number cells where the
 * sheet is to add them up (amounts with two decimals, `whole` counts
 * without). A string is always written as a string (shared strings), never
 * as a formula, so a value starting with = + - @ stays text (no formula
 * injection, unlike CSV).
 */
export interface XlsxSheet {
  name: string;
  /** `whole`: the column's numbers are counts, shown without decimals (other numbers are amounts). */
  columns: Array<{ header: string; width: number; whole?: boolean }>;
  rows: Array<Array<string | number | null>>;
}

/** Built-in formats 4 and 3 of every spreadsheet: thousands separated, two decimals or none. */
const AMOUNT_FORMAT = '#,##0.00';
const WHOLE_FORMAT = '#,##0';
/** The header's font: exceljs's default one (Calibri 11), bold. */
const BOLD: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11, bold: true };
const TEXT: Partial<ExcelJS.Style> = {};
const AMOUNT: Partial<ExcelJS.Style> = { numFmt: AMOUNT_FORMAT };
const WHOLE: Partial<ExcelJS.Style> = { numFmt: WHOLE_FORMAT };

/**
 * Rows written between two turns of the event loop: the compressor then
 * drains what was written, and other requests are served, during a long export.
 */
const YIELD_EVERY = 1000;

/** Characters XML 1.0 cannot carry: exceljs drops the control characters but not U+FFFE and U+FFFF, which would make the file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Excel's rules for a sheet name: 31 characters, none of : \ / ? * [ ], no apostrophe at either end, unique regardless of case. */
const NAME_MAX = 31;
/** Excel keeps "History" for its change tracking. */
const RESERVED_NAMES = ['history'];

/** The names of the sheets as Excel accepts them, made distinct with a « (2) » suffix where two would be the same. */
function sheetNames(names: string[]): string[] {
  const taken = new Set(RESERVED_NAMES);
  return names.map((raw, i) => {
    const cleaned = raw
      .replace(NOT_XML, '')
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, NAME_MAX)
      .replace(/^[\s']+|[\s']+$/g, '');
    const base = cleaned || `Feuille${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function cellValue(value: string | number | null): string | number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`xlsx: ${value} is not a number a sheet can hold`);
    return value;
  }
  if (value === null) return null;
  return value.replace(NOT_XML, '') || null;
}

/**
 * A workbook of one sheet, or of several in the order given. Written with
 * exceljs's streaming writer: each row is serialised as it is added and
 * then dropped, so a directory of 100,000 people keeps its XML, the
 * distinct strings and the compressed file in memory, not a cell object per
 * value (exceljs's in-memory Workbook needed 1.5 GB for that directory).
 */
export async function xlsxWorkbook(sheetOrSheets: XlsxSheet | XlsxSheet[]): Promise<Buffer> {
  const sheets = Array.isArray(sheetOrSheets) ? sheetOrSheets : [sheetOrSheets];
  if (sheets.length === 0) throw new RangeError('xlsx: a workbook has at least one sheet');
  const names = sheetNames(sheets.map((s) => s.name));
  const out = new PassThrough();
  const bytes = buffer(out);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  for (const [i, sheet] of sheets.entries()) {
    const ws = book.addWorksheet(names[i], { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    const header = ws.addRow(sheet.columns.map((c) => cellValue(c.header)));
    header.font = BOLD;
    header.commit();
    const numberStyles = sheet.columns.map((c) => (c.whole ? WHOLE : AMOUNT));
    for (const [r, values] of sheet.rows.entries()) {
      if (r > 0 && r % YIELD_EVERY === 0) await new Promise(setImmediate);
      const row = ws.addRow(values.map(cellValue));
      // One style object per kind of cell, shared: exceljs then finds its id by reference, not by comparing each cell's.
      values.forEach((value, c) => (row.getCell(c + 1).style = typeof value === 'number' ? (numberStyles[c] ?? AMOUNT) : TEXT));
      row.commit();
    }
    ws.commit();
  }
  const [file] = await Promise.all([bytes, book.commit()]);
  return file;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
