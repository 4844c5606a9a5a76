import { isUtf8 } from 'node:buffer';
import { readHeader, RppsLayout } from './columns';
import { RppsFormatError } from './rpps-format-error';
import { siteKeyOf } from './site-key';
import { ExtractionSource, openExtraction } from './source';

/** One line of the extraction: one practice of one professional, at one site. */
export interface RppsActivity {
  /** 1-based line number in the text file (the header is line 1). */
  line: number;
  /** 11 digits. */
  rpps: string;
  lastName: string;
  firstName: string;
  professionCode: string;
  professionLabel: string | null;
  /** L libéral, S salarié, B bénévole. */
  practiceMode: 'L' | 'S' | 'B' | null;
  /** Raison sociale site, else Enseigne commerciale site. */
  structureName: string | null;
  /** INSEE code, 5 characters. */
  communeCode: string;
  communeName: string | null;
  postalCode: string | null;
  /** As in the file, not normalised. */
  phone: string | null;
  /** Trimmed, lower-cased. */
  email: string | null;
  /** The site's street address on one line: complement, number, repetition index, street type and name, distribution mention. */
  address: string | null;
  /** The site's identifiers, as in the file (null when blank, or when the file has no such column). */
  structureId: string | null;
  siret: string | null;
  siren: string | null;
  finess: string | null;
  finessLegal: string | null;
  /** The site among the person's sites, from one extraction to the next (siteKeyOf). */
  siteKey: string;
}

/** A line left out, with why in French (shown to the staff in the import report). */
export interface RppsRejection {
  line: number;
  reason: string;
}

export interface RppsParseOptions {
  onRejected?: (rejection: RppsRejection) => void;
  /** Progress: lines read (header included, so the last line's number) and bytes of the file read; every 10,000 lines and at the end. */
  onLine?: (linesRead: number, bytesRead: number) => void;
  /**
   * Cheap pre-filter on the raw commune code, called before anything else is
   * read from the line: only kept lines are checked, built and yielded; the
   * others are only counted (a CPTS keeps a few hundred lines of a million).
   */
  keep?: (communeCode: string) => boolean;
}

const PROGRESS_EVERY = 10_000;
/** A "line" longer than this is no extraction line, and buffering it whole would defeat streaming. */
const MAX_LINE_BYTES = 1 << 20;
const BAR = 124; // '|'
const COMMUNE_CODE = /^(?:[0-9]{5}|2[AB][0-9]{3})$/;
const DIGITS = /^[0-9]+$/;

/**
 * Streams the activities of an Annuaire Santé extraction
 * (PS_LibreAcces_Personne_activite_*.txt, or the .zip that holds it), given
 * the path of the file. Bad lines go to onRejected; a file that cannot be
 * imported at all throws RppsFormatError, before anything is yielded when its
 * header is wrong.
 */
export async function* parseRppsExtraction(path: string, options: RppsParseOptions = {}): AsyncGenerator<RppsActivity> {
  const source = await openExtraction(path);
  const parser = new LineParser(source, options);
  const chunks = source.chunks[Symbol.asyncIterator]();
  try {
    let pending: Buffer | null = null; // the start of a line not finished in the previous chunk
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = next.value;
      // Pieces are cut after a '\n': a byte that never occurs inside a multi-byte
      // UTF-8 character, so each piece is validated and decoded alone, and holds whole lines.
      let from = 0;
      if (pending) {
        const nl = chunk.indexOf(10);
        if (nl === -1) {
          pending = Buffer.concat([pending, chunk]);
          if (pending.length > MAX_LINE_BYTES) throw lineTooLong(parser.line + 1);
          continue;
        }
        yield* parser.parse(Buffer.concat([pending, chunk.subarray(0, nl + 1)]));
        from = nl + 1;
      }
      const cut = chunk.lastIndexOf(10) + 1;
      if (cut > from) yield* parser.parse(chunk.subarray(from, cut));
      pending = cut < chunk.length ? chunk.subarray(cut) : null;
      if (pending && pending.length > MAX_LINE_BYTES) throw lineTooLong(parser.line + 1);
    }
    if (pending) yield* parser.parse(pending); // a last line without '\n'
    parser.finish();
  } catch (err) {
    // Damaged compressed data may inflate to garbage (not UTF-8, no header...)
    // before the zip's checksum, checked at the end of the entry, says so: read
    // on, so that the staff are told the zip is damaged rather than the text wrong.
    if (source.zip && err instanceof RppsFormatError && err.code !== 'CORRUPT_ZIP') {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        // only the checksum at the end matters
      }
    }
    throw err;
  } finally {
    await chunks.return?.(); // closes the file when the reader stops early
  }
}

class LineParser {
  /** Lines read so far: the number of the last line. */
  line = 0;
  private layout: RppsLayout | null = null;
  /** Where each field of the current line ends (the index of its '|'). */
  private bars = new Int32Array(0);
  private lastProgress = 0;
  private readonly onRejected: (rejection: RppsRejection) => void;

  constructor(
    private readonly source: ExtractionSource,
    private readonly options: RppsParseOptions,
  ) {
    this.onRejected = options.onRejected ?? (() => undefined);
  }

  /** Whole lines: validates and decodes them, and returns the kept activities (at most a chunk's worth in memory). */
  parse(bytes: Buffer): RppsActivity[] {
    if (!isUtf8(bytes)) throw notUtf8(this.line + firstInvalidLine(bytes));
    // The lines are scanned in a Latin-1 reading of the bytes: one character per
    // byte, so an index in `text` is an offset in `bytes`, and '|', '\n' and commune
    // codes are ASCII, the same in both. It is several times faster than decoding
    // UTF-8 (accents make V8 build two-byte strings); only the fields of kept lines
    // are decoded as UTF-8, from `bytes`.
    const text = bytes.toString('latin1');
    const out: RppsActivity[] = [];
    let pos = this.line === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // BOM
    while (pos < text.length) {
      let eol = text.indexOf('\n', pos);
      if (eol === -1) eol = text.length;
      const end = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol; // CRLF
      this.line++;
      if (this.layout === null) {
        this.layout = readHeader(bytes.toString('utf8', pos, end));
        this.bars = new Int32Array(this.layout.count + 1);
      } else if (end > pos) {
        const activity = this.readLine(bytes, text, pos, end, this.layout);
        if (activity) out.push(activity);
      }
      if (this.line % PROGRESS_EVERY === 0) this.progress();
      pos = eol + 1;
    }
    return out;
  }

  finish(): void {
    if (this.layout === null) throw new RppsFormatError('EMPTY_FILE', "Le fichier est vide : téléchargez à nouveau l'extraction.");
    if (this.lastProgress !== this.line) this.progress();
  }

  private progress(): void {
    this.lastProgress = this.line;
    this.options.onLine?.(this.line, this.source.bytesRead());
  }

  private reject(reason: string): null {
    this.onRejected({ line: this.line, reason });
    return null;
  }

  /** One non-empty line, text[start, end) without its line end. */
  private readLine(bytes: Buffer, text: string, start: number, end: number, layout: RppsLayout): RppsActivity | null {
    const { index, count } = layout;
    const bars = this.bars;
    const commune = index.communeCode;
    // Cheap part, for every line: find the '|' up to the commune field only.
    let fields = 0; // fields ended by a '|' so far
    let p = start;
    while (fields <= commune) {
      const bar = text.indexOf('|', p);
      if (bar === -1 || bar >= end) break;
      bars[fields++] = bar;
      p = bar + 1;
    }
    if (fields < commune) return this.reject(wrongCount(fields + 1, count));
    if (fields === commune) bars[fields] = end; // the commune is the last field and has no '|' after it
    const communeCode = text.slice(commune === 0 ? start : bars[commune - 1] + 1, bars[commune]).trim();
    if (this.options.keep && !this.options.keep(communeCode)) return null;

    // A kept line: count the rest of its fields.
    while (true) {
      const bar = text.indexOf('|', p);
      if (bar === -1 || bar >= end) break;
      if (fields < bars.length) bars[fields] = bar;
      fields++;
      p = bar + 1;
    }
    // The trailing '|' ends the last field; a line without it has one more, unended, field.
    const found = text.charCodeAt(end - 1) === BAR ? fields : fields + 1;
    if (found !== count) return this.reject(wrongCount(found, count));
    const field = (i: number): string => (i < 0 ? '' : bytes.toString('utf8', i === 0 ? start : bars[i - 1] + 1, i < fields ? bars[i] : end).trim());
    const optional = (i: number): string | null => field(i) || null;

    const rpps = rppsOf(field(index.rppsId), field(index.nationalId));
    if (typeof rpps !== 'string') return this.reject(rpps.error);
    const lastName = field(index.lastName);
    if (!lastName) return this.reject("Nom d'exercice manquant");
    const firstName = field(index.firstName);
    if (!firstName) return this.reject("Prénom d'exercice manquant");
    const professionCode = field(index.professionCode);
    if (!professionCode) return this.reject('Code profession manquant');
    if (!communeCode) return this.reject('Code commune manquant');
    if (!COMMUNE_CODE.test(communeCode)) return this.reject(`Code commune invalide (« ${field(commune)} »)`);
    const mode = field(index.practiceMode);
    const street = [field(index.streetNumber), field(index.streetRepeat), field(index.streetType), field(index.streetName)].filter(Boolean).join(' ');
    const activity: RppsActivity = {
      line: this.line,
      rpps,
      lastName,
      firstName,
      professionCode,
      professionLabel: optional(index.professionLabel),
      practiceMode: mode === 'L' || mode === 'S' || mode === 'B' ? mode : null,
      structureName: optional(index.companyName) ?? optional(index.tradeName),
      communeCode,
      communeName: optional(index.communeName),
      postalCode: optional(index.postalCode),
      phone: optional(index.phone),
      email: optional(index.email)?.toLowerCase() ?? null,
      address: [field(index.addressComplement), street, field(index.distribution)].filter(Boolean).join(', ') || null,
      structureId: optional(index.structureId),
      siret: optional(index.siret),
      siren: optional(index.siren),
      finess: optional(index.finess),
      finessLegal: optional(index.finessLegal),
      siteKey: '',
    };
    activity.siteKey = siteKeyOf(activity);
    return activity;
  }
}

/**
 * The RPPS number: `Identifiant PP` when it is one (11 digits), else
 * `Identification nationale PP` without its leading '8' (the RPPS type).
 * People known only by their ADELI number (type 0) have none.
 */
function rppsOf(rppsId: string, nationalId: string): string | { error: string } {
  if (rppsId.length === 11 && DIGITS.test(rppsId)) return rppsId;
  if (nationalId.length === 12 && nationalId.startsWith('8') && DIGITS.test(nationalId)) return nationalId.slice(1);
  if (nationalId.startsWith('0')) return { error: 'Numéro RPPS absent (professionnel ADELI)' };
  if (!nationalId && !rppsId) return { error: 'Numéro RPPS absent' };
  return { error: `Numéro RPPS invalide (« ${nationalId || rppsId} »)` };
}

const lineTooLong = (line: number) =>
  new RppsFormatError('NOT_AN_EXTRACTION', `La ligne ${line} dépasse 1 Mo : ce fichier n'est pas une extraction de l'Annuaire Santé.`);

const wrongCount = (found: number, expected: number) => `Nombre de colonnes incorrect (${found} au lieu de ${expected})`;

function notUtf8(line: number): RppsFormatError {
  return new RppsFormatError(
    'NOT_UTF8',
    `Le fichier n'est pas encodé en UTF-8 (caractères illisibles ligne ${line}) : il a sans doute été ouvert puis réenregistré par un tableur. Déposez l'extraction telle qu'elle a été téléchargée.`,
  );
}

/** Rare path, for the error message only: which line of these (1-based) is not UTF-8. */
function firstInvalidLine(bytes: Buffer): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
  return line; // not reached: some line is invalid
}
