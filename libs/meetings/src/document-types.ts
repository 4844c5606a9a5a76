/**
 * The kinds of files a meeting may carry, recognised from their first bytes
 * and checked against their name's extension: a PDF must start like a PDF, so
 * an executable renamed "ordre-du-jour.pdf" is refused, and a file is served
 * back with the type found here, never the one the browser claimed.
 */
export interface DocumentType {
  contentType: string;
  /** What the refusal calls it, in French. */
  label: string;
}

type Signature = (head: Buffer) => boolean;

const startsWith =
  (...bytes: number[]): Signature =>
  (head) =>
    head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

const PDF = startsWith(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
const ZIP = startsWith(0x50, 0x4b, 0x03, 0x04); // the container of Office Open XML and OpenDocument files
const OLE = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1); // Office 97-2003
const PNG = startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = startsWith(0xff, 0xd8, 0xff);
/** Text: no NUL byte and valid UTF-8 in what was read (a cut multi-byte character at the very end is fine). */
const TEXT: Signature = (head) => {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimCutCharacter(head));
    return true;
  } catch {
    return false;
  }
};

function trimCutCharacter(head: Buffer): Buffer {
  // Up to 3 trailing bytes may be the start of a character the read cut.
  for (let back = 1; back <= Math.min(3, head.length); back++) {
    const byte = head[head.length - back];
    if ((byte & 0xc0) === 0xc0) return head.subarray(0, head.length - back);
    if ((byte & 0x80) === 0) break;
  }
  return head;
}

const TYPES: Record<string, DocumentType & { matches: Signature }> = {
  pdf: { contentType: 'application/pdf', label: 'PDF', matches: PDF },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', matches: ZIP },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', matches: ZIP },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint', matches: ZIP },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument', matches: ZIP },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument', matches: ZIP },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', label: 'OpenDocument', matches: ZIP },
  doc: { contentType: 'application/msword', label: 'Word', matches: OLE },
  xls: { contentType: 'application/vnd.ms-excel', label: 'Excel', matches: OLE },
  ppt: { contentType: 'application/vnd.ms-powerpoint', label: 'PowerPoint', matches: OLE },
  png: { contentType: 'image/png', label: 'PNG', matches: PNG },
  jpg: { contentType: 'image/jpeg', label: 'JPEG', matches: JPEG },
  jpeg: { contentType: 'image/jpeg', label: 'JPEG', matches: JPEG },
  txt: { contentType: 'text/plain; charset=utf-8', label: 'texte', matches: TEXT },
  csv: { contentType: 'text/csv; charset=utf-8', label: 'CSV', matches: TEXT },
};

/** The extensions accepted, for the message that lists them. */
export const DOCUMENT_EXTENSIONS = Object.keys(TYPES);

/** How many first bytes the check needs (and reads before deciding). */
export const SNIFF_BYTES = 4096;

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Whether a file of this name could be accepted at all (checked before any byte is read). */
export function acceptedName(fileName: string): boolean {
  return extensionOf(fileName) in TYPES;
}

/**
 * The file's type if its first bytes are what its extension says; null when
 * they are not (a renamed executable, a corrupt file).
 */
export function recognise(fileName: string, head: Buffer): DocumentType | null {
  const type = TYPES[extensionOf(fileName)];
  if (!type || !type.matches(head)) return null;
  return { contentType: type.contentType, label: type.label };
}

/** The label of the type the name announces, for the refusal ("ce fichier n'est pas un vrai PDF"). */
export function announcedLabel(fileName: string): string | null {
  return TYPES[extensionOf(fileName)]?.label ?? null;
}
