import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Parses one line of RFC 4180 CSV (quoted fields with "" escapes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Reads a reference data file shipped in ./data as objects keyed by its header. */
export function readReferenceCsv(file: string): Array<Record<string, string>> {
  const lines = readFileSync(path.join(__dirname, 'data', file), 'utf8').split('\n').filter((l) => l.length > 0);
  const header = parseCsvLine(lines[0]);
  return lines.slice(1).map((line) => {
    const values = parseCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, values[i] ?? '']));
  });
}
