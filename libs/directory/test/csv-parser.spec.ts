import { CsvField, CsvFormatError, detectDelimiter, parseCsv, suggestMapping } from '../src/csv-import/csv-parser';

describe('reading a CSV file as spreadsheets write it', () => {
  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('Nom;Prénom;Ville\r\n')).toBe(';');
    expect(detectDelimiter('Nom,Prénom,Ville\n')).toBe(',');
    expect(detectDelimiter('Nom\tPrénom\tVille\n')).toBe('\t');
    expect(detectDelimiter('"Nom, prénom";Ville;Profession\n')).toBe(';');
    expect(detectDelimiter('Nom\n')).toBe(';');
  });

  it('strips the BOM, reads CRLF, LF and CR line ends, quotes and doubled quotes', () => {
    const parsed = parseCsv('\uFEFFNom;Prénom;Structure\r\nDupont;Marie;"Cabinet ""Les Pins""; Niort"\nMartin;Paul;\rDurand;Léa;MSP', 100);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['Nom', 'Prénom', 'Structure']);
    expect(parsed.records).toEqual([
      { line: 2, cells: ['Dupont', 'Marie', 'Cabinet "Les Pins"; Niort'] },
      { line: 3, cells: ['Martin', 'Paul', ''] },
      { line: 4, cells: ['Durand', 'Léa', 'MSP'] },
    ]);
  });

  it('keeps line breaks inside quotes and numbers records by the line they start on, blank lines skipped but counted', () => {
    const parsed = parseCsv('Nom,Adresse\n\n"Dupont","1 rue A\r\nbâtiment B"\n,\nMartin,"x"\n', 100);
    expect(parsed.records).toEqual([
      { line: 3, cells: ['Dupont', '1 rue A\r\nbâtiment B'] },
      { line: 5, cells: ['', ''] },
      { line: 6, cells: ['Martin', 'x'] },
    ]);
  });

  it('refuses an unclosed quote, an empty file and too many lines, in French', () => {
    expect(() => parseCsv('Nom;Prénom\nDupont;"Marie\n', 100)).toThrow(new CsvFormatError('Guillemet ouvert ligne 2 et jamais refermé.'));
    expect(() => parseCsv('\uFEFF\r\n\r\n', 100)).toThrow(new CsvFormatError('Le fichier est vide.'));
    expect(() => parseCsv('Nom\na\nb\nc\n', 2)).toThrow(CsvFormatError);
    expect(parseCsv('Nom\na\nb\n', 2).records).toHaveLength(2);
  });
});

describe('the mapping suggested from the header names', () => {
  it('recognises the usual names, accents and case ignored', () => {
    expect(suggestMapping(['NOM', 'prénom', 'Profession', 'Commune', 'Courriel', 'Tél.', 'Cabinet', 'N° RPPS', 'Remarques'])).toEqual([
      { column: 0, field: CsvField.LAST_NAME },
      { column: 1, field: CsvField.FIRST_NAME },
      { column: 2, field: CsvField.PROFESSION },
      { column: 3, field: CsvField.COMMUNE },
      { column: 4, field: CsvField.EMAIL },
      { column: 5, field: CsvField.PHONE },
      { column: 6, field: CsvField.STRUCTURE },
      { column: 7, field: CsvField.RPPS },
    ]);
  });

  it('prefers the INSEE code to the name of the commune, and maps each field once', () => {
    expect(suggestMapping(['Commune', 'Code INSEE', 'Mail', 'E-mail'])).toEqual([
      { column: 1, field: CsvField.COMMUNE },
      { column: 2, field: CsvField.EMAIL },
    ]);
  });
});
