import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { xlsxWorkbook, XlsxSheet } from '../src/spreadsheets/xlsx';

/** The workbook as a spreadsheet program reads it back. */
async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** One part of the archive as the system's unzip reads it, after checking the whole archive (CRCs, directory). */
function part(bytes: Buffer, name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    execFileSync('/usr/bin/unzip', ['-tq', file]);
    return execFileSync('/usr/bin/unzip', ['-p', file, name], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const directory: XlsxSheet = {
  name: 'Annuaire',
  columns: [
    { header: 'Nom', width: 20 },
    { header: 'Structure', width: 30 },
    { header: 'Remarque', width: 12 },
  ],
  rows: [
    ['Lefèvre', 'Cabinet "A & B" <centre>', '=1+1'],
    ['Dupont', null, '+33 5 56'],
    ['@SOMME(A1:A2)', '', '-2+3'],
  ],
};

const sheetNames = async (names: string[]) =>
  (await read(await xlsxWorkbook(names.map((name) => ({ name, columns: [], rows: [] }))))).worksheets.map((ws) => ws.name);

describe('the XLSX writer', () => {
  it('writes a valid archive of one named sheet, its header bold and frozen, its columns as wide as asked', async () => {
    const bytes = await xlsxWorkbook(directory);
    expect(part(bytes, 'xl/workbook.xml')).toContain('name="Annuaire"');
    const ws = (await read(bytes)).getWorksheet('Annuaire')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Nom', 'Structure', 'Remarque']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([20, 30, 12]);
    expect(ws.rowCount).toBe(4);
  });

  it('keeps text as text: accents, quotes and markup as typed, and a value starting with = + - @ a plain string, never a formula', async () => {
    const bytes = await xlsxWorkbook(directory);
    const ws = (await read(bytes)).getWorksheet('Annuaire')!;
    expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['Lefèvre', 'Cabinet "A & B" <centre>']);
    for (const ref of ['C2', 'C3', 'A4', 'C4']) {
      expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).formula).toBeUndefined();
    }
    expect([ws.getCell('C2').value, ws.getCell('C3').value, ws.getCell('A4').value, ws.getCell('C4').value]).toEqual([
      '=1+1',
      '+33 5 56',
      '@SOMME(A1:A2)',
      '-2+3',
    ]);
    const sheetXml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).toMatch(/<c r="C2" t="s">/); // a shared string
  });

  it('leaves null and empty values as empty cells', async () => {
    const ws = (await read(await xlsxWorkbook(directory))).getWorksheet('Annuaire')!;
    expect([ws.getCell('B3').type, ws.getCell('B4').type]).toEqual([ExcelJS.ValueType.Null, ExcelJS.ValueType.Null]);
  });

  it('writes several sheets in order, counts as whole numbers and amounts with two decimals, both numbers to add up', async () => {
    const book = await read(
      await xlsxWorkbook([
        {
          name: 'Synthèse',
          columns: [
            { header: 'Libellé', width: 20 },
            { header: 'Nombre', width: 8, whole: true },
            { header: 'Montant', width: 10 },
          ],
          rows: [
            ['Ateliers', 2, 55.56],
            ['Payé', 1234, 1234567.5],
            ['Sans montant', 0, null],
          ],
        },
        { name: 'Ateliers', columns: [{ header: 'Date', width: 12 }], rows: [['12/03/2026']] },
      ]),
    );
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Synthèse', 'Ateliers']);
    const ws = book.getWorksheet('Synthèse')!;
    expect([
      ws.getCell('B2').value,
      ws.getCell('C2').value,
      ws.getCell('B3').value,
      ws.getCell('C3').value,
      ws.getCell('B4').value,
    ]).toEqual([2, 55.56, 1234, 1234567.5, 0]);
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect([ws.getCell('B2').numFmt, ws.getCell('C2').numFmt]).toEqual(['#,##0', '#,##0.00']);
    expect(ws.getCell('C4').type).toBe(ExcelJS.ValueType.Null);
    expect(book.getWorksheet('Ateliers')!.getCell('A2').value).toBe('12/03/2026');
  });

  it('refuses a number no sheet can hold, and a workbook without a sheet', async () => {
    await expect(xlsxWorkbook({ name: 'A', columns: [{ header: 'x', width: 5 }], rows: [[Number.NaN]] })).rejects.toThrow(RangeError);
    await expect(xlsxWorkbook([])).rejects.toThrow(RangeError);
  });

  it('names sheets as Excel accepts them: 31 characters, none of : \\ / ? * [ ], no apostrophe at an end, all distinct', async () => {
    expect(
      await sheetNames(['Paiements: 2026/2027', 'Question? [brouillon]*\\', "'Cité'", '', 'Une instance au nom bien trop long pour Excel']),
    ).toEqual(['Paiements  2026 2027', 'Question   brouillon', 'Cité', 'Feuille4', 'Une instance au nom bien trop l']);
    expect(
      await sheetNames(['Projets', 'projets', 'History', 'Une instance au nom bien trop long', 'Une instance au nom bien trop long aussi']),
    ).toEqual(['Projets', 'projets (2)', 'History (2)', 'Une instance au nom bien trop l', 'Une instance au nom bien tr (2)']);
  });

  it('drops the characters XML cannot carry, keeping tabs and line breaks', async () => {
    const ws = (
      await read(
        await xlsxWorkbook({
          name: 'A\u0001',
          columns: [{ header: 'Note\u0000', width: 10 }],
          rows: [['a\u0001b\u000Bc\uFFFEd\te\nf'], ['\u0002']],
        }),
      )
    ).worksheets[0];
    expect(ws.name).toBe('A');
    expect([ws.getCell('A1').value, ws.getCell('A2').value, ws.getCell('A3').type]).toEqual(['Note', 'abcd\te\nf', ExcelJS.ValueType.Null]);
  });
});
