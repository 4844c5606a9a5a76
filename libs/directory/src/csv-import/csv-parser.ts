import { searchKey } from '@cpts/platform-core';

/** A file the parser cannot read: its French reason, for the staff. */
export class CsvFormatError extends Error {}

export interface CsvRecord {
  /** Line of the file where the record starts (1-based, header included), as a spreadsheet numbers it. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: string;
  header: string[];
  records: CsvRecord[];
}

const DELIMITERS = [';', ',', '\t'];

/**
 * The delimiter of a file: the one of ; , and tab that occurs most, outside
 * quotes, in its first line. French Excel writes ';', others ',', some tools
 * tab; a file of one column has none and is read with ';'.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ';';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Reads a CSV file as spreadsheets write it (RFC 4180 and its habits): a BOM,
 * CRLF, LF or CR line ends, fields in double quotes with "" for a quote and
 * line breaks inside. Blank lines are skipped but counted, so the line
 * numbers of the report are those the staff see in their spreadsheet... or
 * text editor. The first non-blank record is the header.
 */
export function parseCsv(content: string, maxRecords: number): ParsedCsv {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') {
      if (records.length > maxRecords) throw new CsvFormatError(`Le fichier dépasse ${maxRecords} lignes.`);
      records.push({ line: recordLine, cells: cells.map((c) => c.trim()) });
    }
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvFormatError(`Guillemet ouvert ligne ${quoteLine} et jamais refermé.`);
  endRecord();
  const [first, ...rest] = records;
  if (!first) throw new CsvFormatError('Le fichier est vide.');
  return { delimiter, header: first.cells, records: rest };
}

/** What a column of the file may hold. */
export enum CsvField {
  LAST_NAME = 'LAST_NAME',
  FIRST_NAME = 'FIRST_NAME',
  PROFESSION = 'PROFESSION',
  COMMUNE = 'COMMUNE',
  RPPS = 'RPPS',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  STRUCTURE = 'STRUCTURE',
}

/** Header names as people write them, after searchKey, by field. The INSEE code is preferred to the commune's name. */
const HEADER_NAMES: Array<[CsvField, string[]]> = [
  [CsvField.LAST_NAME, ['nom', 'nom de famille', 'nom d exercice', 'nom d usage']],
  [CsvField.FIRST_NAME, ['prenom', 'prenom d exercice', 'prenoms']],
  [CsvField.PROFESSION, ['profession', 'metier', 'specialite', 'code profession']],
  [CsvField.COMMUNE, ['code insee', 'insee', 'code commune']],
  [CsvField.COMMUNE, ['commune', 'ville', 'localite', 'commune d exercice']],
  [CsvField.RPPS, ['rpps', 'n rpps', 'numero rpps', 'no rpps', 'identifiant rpps']],
  [CsvField.EMAIL, ['email', 'e mail', 'mail', 'courriel', 'adresse mail', 'adresse e mail', 'adresse email']],
  [CsvField.PHONE, ['telephone', 'tel', 'portable', 'mobile', 'numero de telephone', 'n telephone']],
  [CsvField.STRUCTURE, ['structure', 'cabinet', 'structure d exercice', 'lieu d exercice', 'etablissement', 'msp']],
];

/**
 * The mapping suggested from the header names, accents and case ignored:
 * for each field, the first column with one of its known names (for the
 * commune, an INSEE code column before a name column).
 */
export function suggestMapping(header: string[]): Array<{ column: number; field: CsvField }> {
  const keys = header.map((h) => searchKey(h));
  const out: Array<{ column: number; field: CsvField }> = [];
  const used = new Set<number>();
  for (const [field, names] of HEADER_NAMES) {
    if (out.some((m) => m.field === field)) continue;
    const column = keys.findIndex((k, i) => names.includes(k) && !used.has(i));
    if (column >= 0) {
      out.push({ column, field });
      used.add(column);
    }
  }
  return out.sort((a, b) => a.column - b.column);
}
