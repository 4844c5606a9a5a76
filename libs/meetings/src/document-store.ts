import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@cpts/platform-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedName, announcedLabel, DOCUMENT_EXTENSIONS, recognise, SNIFF_BYTES } from './document-types';

/** 20 MB: an agenda's files, slides, a scanned attendance sheet, a quote; not videos. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const tooLarge = () => AppError.field('file', 'Fichier trop volumineux : 20 Mo au plus par document.');
const notAccepted = () =>
  AppError.field('file', `Type de fichier non accepté. Formats possibles : ${DOCUMENT_EXTENSIONS.filter((e) => e !== 'jpeg').join(', ')}.`);

/** A file received and checked, on disk under a temporary name until `record` keeps it. */
export interface ReceivedDocument {
  id: string;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

/** The name as the browser sent it (URI-encoded in X-File-Name), reduced to a safe base name. */
function fileNameFrom(raw: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = '';
  }
  // No folders, no control characters (they would break the Content-Disposition header), not too long.
  name = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!name) throw AppError.field('file', 'Le nom du fichier manque.');
  if (name.length > 200) throw AppError.field('file', 'Nom de fichier trop long (200 caractères au plus).');
  return name;
}

/**
 * Where documents of the platform live: one folder per kind and CPTS under
 * the upload directory (`<UPLOAD_DIR>/<folder>/<tenant>/<id>`). Received as a
 * stream (never held whole in memory), checked (size, and type from the
 * first bytes against the extension), and kept only once the caller has
 * recorded the row; the meetings' documents and the decisions' file use it.
 */
export class DocumentStore {
  constructor(
    private readonly uploadDir: string,
    private readonly folder: string,
  ) {}

  path(tenantId: string, id: string): string {
    return path.join(this.uploadDir, this.folder, tenantId, id.toLowerCase());
  }

  /** Checks the name and the announced size before a byte is read (browsers announce it). */
  precheck(rawName: string | undefined, declaredBytes: number | null): string {
    const fileName = fileNameFrom(rawName);
    if (!acceptedName(fileName)) throw notAccepted();
    if (declaredBytes !== null && declaredBytes > MAX_DOCUMENT_BYTES) throw tooLarge();
    return fileName;
  }

  /**
   * Receives the body, checks it, then calls `record` (which checks the
   * rights again and writes the row) and moves the file to its place; on any
   * failure the bytes are removed.
   */
  async receive(
    tenantId: string,
    fileName: string,
    body: Readable,
    record: (doc: ReceivedDocument) => Promise<void>,
  ): Promise<ReceivedDocument> {
    const id = randomUUID();
    const final = this.path(tenantId, id);
    const part = `${final}.part`;
    await mkdir(path.dirname(part), { recursive: true });
    let bytes = 0;
    let head = Buffer.alloc(0);
    const hash = createHash('sha256');
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > MAX_DOCUMENT_BYTES) return done(tooLarge());
        if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      const out = await open(part, 'wx');
      await pipeline(body, check, out.createWriteStream());
      if (bytes === 0) throw AppError.field('file', 'Le fichier est vide.');
      const type = recognise(fileName, head);
      if (!type) throw AppError.field('file', `Ce fichier n'est pas un vrai fichier ${announcedLabel(fileName)} : il n'a pas été ajouté.`);
      const doc = { id, fileName, contentType: type.contentType, bytes, sha256: hash.digest('hex') };
      await rename(part, final);
      await record(doc);
      return doc;
    } catch (err) {
      await rm(part, { force: true });
      await rm(final, { force: true });
      throw err;
    }
  }

  /** The file of a row, NOT_FOUND when its bytes are gone. */
  async existing(tenantId: string, id: string, notFound: string): Promise<string> {
    const file = this.path(tenantId, id);
    if (!(await stat(file).catch(() => null))) throw AppError.notFound(notFound);
    return file;
  }

  /** The same bytes under another id (a hard link: no copy, and either can be removed alone). */
  async link(tenantId: string, fromId: string, toId: string): Promise<void> {
    await link(this.path(tenantId, fromId), this.path(tenantId, toId));
  }

  remove(tenantId: string, id: string): Promise<void> {
    return rm(this.path(tenantId, id), { force: true });
  }
}

/** The body of an upload request as a stream, its announced size, or a French error. */
export function uploadBody(req: FastifyRequest): { body: Readable; declaredBytes: number | null } {
  if (!(req.body instanceof Readable)) throw AppError.field('file', 'Envoyez le fichier tel quel (application/octet-stream).');
  const declared = Number(req.headers['content-length']);
  return { body: req.body, declaredBytes: Number.isSafeInteger(declared) && declared >= 0 ? declared : null };
}

/** Sends a stored document as an attachment, with the type recognised at upload, never cached by a shared cache. */
export async function sendDocument(
  reply: FastifyReply,
  doc: { fileName: string; contentType: string; bytes: number; file: string },
): Promise<void> {
  const ascii = doc.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  await reply
    .header('content-type', doc.contentType)
    .header('content-length', String(doc.bytes))
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(createReadStream(doc.file));
}
