import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { columnLetters, xlsxWorkbook, xmlText } from '../src/spreadsheets/xlsx';

/** Each file of the archive as the system's unzip reads it (checks CRCs and structure too); '[' is a wildcard for unzip, hence [[]. */
function unzip(buffer: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, buffer);
    execFileSync('/usr/bin/unzip', ['-tq', file]); // throws on a bad CRC or a broken directory
    const names = execFileSync('/usr/bin/unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    return Object.fromEntries(names.map((name) => [name, execFileSync('/usr/bin/unzip', ['-p', file, name.replace(/\[/g, '[[]')], { encoding: 'utf8' })]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the XLSX writer', () => {
  const book = () =>
    xlsxWorkbook({
      name: 'Annuaire',
      columns: [
        { header: 'Nom', width: 20 },
        { header: 'Structure', width: 30 },
        { header: 'Remarque', width: 12 },
      ],
      rows: [
        ['Lefèvre', 'Cabinet "A & B" <centre>', '=1+1'],
        ['Dupont', null, '+33 5 56'],
      ],
    });

  it('writes a valid archive with the parts of a workbook', () => {
    const files = unzip(book());
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(files['xl/workbook.xml']).toContain('<sheet name="Annuaire" sheetId="1" r:id="rId1"/>');
    expect(files['xl/styles.xml']).toContain('<font><b/>');
  });

  it('escapes XML, keeps accents, and stores formulas-looking text as text', () => {
    const sheet = unzip(book())['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Lefèvre</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">Cabinet &quot;A &amp; B&quot; &lt;centre&gt;</t>');
    expect(sheet).toContain('<c r="C2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">Dupont</t></is></c><c r="C3"'); // the empty cell B3 left out
  });

  it('makes the header bold and frozen, and sets the widths', () => {
    const sheet = unzip(book())['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Nom</t></is></c>');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="2" max="2" width="30" customWidth="1"/>');
  });

  it('names columns beyond Z and drops characters XML cannot carry', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(xmlText('a\u0001b\tc')).toBe('ab\tc');
  });
});
