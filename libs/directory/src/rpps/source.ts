import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import type { Inflate } from 'node:zlib';
import { corruptZip, RppsFormatError } from './rpps-format-error';

/**
 * Read size. Measured on a million lines: 64 KiB is as fast as 1 MiB with half
 * the memory, and 256 KiB is markedly slower (the parser's per-chunk string
 * then lands in V8's large-object space).
 */
const CHUNK_BYTES = 64 << 10;
const ENTRY_NAME = /PS_LibreAcces_Personne_activite.*\.txt$/i;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
/** The national extraction's zip has a handful of entries; more than this is not it. */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 << 20;

/** The extraction's text as Buffers, whatever the file is (txt or zip). */
export interface ExtractionSource {
  chunks: AsyncIterable<Buffer>;
  /** A zip entry: its checksum is verified when the last chunk has been read. */
  zip: boolean;
  /** Bytes of the file on disk consumed so far (compressed bytes for a zip), to compare with its size. */
  bytesRead(): number;
}

/** Opens a plain text extraction, or the extraction inside a zip; zip is told by its first bytes, never by the name. */
export async function openExtraction(path: string): Promise<ExtractionSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    if (size >= 4 && magic.readUInt32LE(0) === LOCAL_HEADER) {
      return zipSource(path, await findEntry(handle, size));
    }
  } finally {
    await handle.close();
  }
  let bytes = 0;
  async function* chunks() {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  return { chunks: chunks(), zip: false, bytesRead: () => bytes };
}

interface ZipEntry {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/**
 * Finds the extraction in the zip's central directory (at the end of the file)
 * rather than by walking local headers from the start: the central directory
 * has the sizes even when the zip was written as a stream (data descriptors),
 * and a truncated download has no central directory, so it fails here, at once.
 */
async function findEntry(handle: FileHandle, zipSize: number): Promise<ZipEntry> {
  const readAt = async (position: number, length: number): Promise<Buffer> => {
    if (position < 0 || position + length > zipSize) throw corruptZip();
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    if (bytesRead < length) throw corruptZip();
    return buffer;
  };
  try {
    // End of central directory record: 22 bytes, followed by a comment of at most 64 KiB.
    const tailStart = Math.max(0, zipSize - (22 + 0xffff));
    const tail = await readAt(tailStart, zipSize - tailStart);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end === -1 || end + 22 > tail.length || tail.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) throw corruptZip();
    let entries = tail.readUInt16LE(end + 10);
    let directorySize = tail.readUInt32LE(end + 12);
    let directoryStart = tail.readUInt32LE(end + 16);
    if (entries === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff) {
      // Zip64 (archives over 4 GiB, or tools that always write it): a locator just before points to the real record.
      const locator = await readAt(tailStart + end - 20, 20);
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw corruptZip();
      const record = await readAt(Number(locator.readBigUInt64LE(8)), 56);
      if (record.readUInt32LE(0) !== ZIP64_END) throw corruptZip();
      entries = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryStart = Number(record.readBigUInt64LE(48));
    }
    if (directorySize > MAX_CENTRAL_DIRECTORY_BYTES) throw corruptZip();
    const directory = await readAt(directoryStart, directorySize);
    let p = 0;
    for (let i = 0; i < entries; i++) {
      if (directory.readUInt32LE(p) !== CENTRAL_HEADER) throw corruptZip();
      const flags = directory.readUInt16LE(p + 8);
      const method = directory.readUInt16LE(p + 10);
      const crc = directory.readUInt32LE(p + 16);
      let compressedSize = directory.readUInt32LE(p + 20);
      let size = directory.readUInt32LE(p + 24);
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      let offset = directory.readUInt32LE(p + 42);
      const nameEnd = p + 46 + nameLength;
      // Bit 11: the name is UTF-8; otherwise CP437, which matches Latin-1 on the ASCII names looked for.
      const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, nameEnd);
      // Zip64 extra field: the 64-bit values, in this order, of those whose 32-bit field is saturated.
      for (let e = nameEnd; e + 4 <= nameEnd + extraLength; e += 4 + directory.readUInt16LE(e + 2)) {
        if (directory.readUInt16LE(e) !== 0x0001) continue;
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(directory.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(directory.readBigUInt64LE(q));
          q += 8;
        }
        if (offset === 0xffffffff) offset = Number(directory.readBigUInt64LE(q));
      }
      p = nameEnd + extraLength + commentLength;
      if (!ENTRY_NAME.test(name)) continue;
      if (flags & 0x1) throw corruptZip("Le fichier .zip est protégé par un mot de passe : déposez l'extraction telle qu'elle a été téléchargée.");
      if (method !== 0 && method !== 8) {
        // Deflate64 for instance, which Windows uses for large files.
        throw corruptZip("Le fichier .zip utilise une compression non prise en charge : décompressez-le et déposez le fichier .txt qu'il contient.");
      }
      // The local header's name and extra field may differ in length from the central directory's.
      const local = await readAt(offset, 30);
      if (local.readUInt32LE(0) !== LOCAL_HEADER) throw corruptZip();
      const dataStart = offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + compressedSize > zipSize) throw corruptZip();
      return { method, crc, compressedSize, size, dataStart };
    }
  } catch (err) {
    // Offsets that point outside the buffers read: the same damaged file.
    if (err instanceof RangeError) throw corruptZip();
    throw err;
  }
  throw new RppsFormatError(
    'NOT_AN_EXTRACTION',
    "Le fichier .zip ne contient pas de fichier « PS_LibreAcces_Personne_activite_….txt » : déposez l'extraction des professionnels de l'Annuaire Santé.",
  );
}

function zipSource(path: string, entry: ZipEntry): ExtractionSource {
  let inflate: Inflate | null = null;
  let stored = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw corruptZip();
      return;
    }
    const file = createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1, highWaterMark: CHUNK_BYTES });
    // pipeline destroys both streams when either fails or when the reader stops early.
    const stream = entry.method === 8 ? pipeline(file, (inflate = createInflateRaw({ chunkSize: CHUNK_BYTES })), () => undefined) : file;
    let crc = 0;
    let length = 0;
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        if (!inflate) stored += buffer.length;
        crc = crc32(buffer, crc);
        length += buffer.length;
        if (length > entry.size) throw corruptZip();
        yield buffer;
      }
    } catch (err) {
      // zlib's "invalid block type", "unexpected end of file"...: damaged compressed data.
      if (typeof (err as { code?: unknown }).code === 'string' && (err as { code: string }).code.startsWith('Z_')) throw corruptZip();
      throw err;
    }
    if (length !== entry.size || crc !== entry.crc) throw corruptZip();
  }
  return { chunks: chunks(), zip: true, bytesRead: () => entry.dataStart + (inflate ? inflate.bytesWritten : stored) };
}
