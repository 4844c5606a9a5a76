import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { StorageEnv } from '@cpts/platform-config';
import { afterCommit, AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';
import { DirectoryImport, DirectoryImportIssue, DirectoryImportStatus } from './directory-import.types';
import { importFilePath, importPartPath, UPLOAD_INTERRUPTED_MESSAGE } from './import-files';

/** The national extraction is ~1.5 GB as text; well above, it is not an extraction. */
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;

const tooLarge = () => AppError.field('file', 'Fichier trop volumineux (4 Go au plus) : est-ce bien une extraction ?');

const IMPORT_COLUMNS = `id, file_name AS "fileName", file_bytes::float8 AS "fileBytes", extracted_at AS "extractedAt", status,
  bytes_read::float8 AS "bytesRead", lines_read AS "linesRead", kept, created, updated, unchanged, rejected, conflicts,
  error_code AS "errorCode", error_message AS "errorMessage", created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/**
 * An import still queued or running this long after it started, whose job
 * Redis no longer holds (Redis lost it, or the job was never added because
 * Redis was down at upload), is queued again when someone looks at it.
 */
const LOST_AFTER_MS = 60_000;

const PARIS = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });

/** How far Paris clocks are ahead of UTC at `instant` (1 or 2 hours). */
function parisOffsetMs(instant: number): number {
  const parts = Object.fromEntries(PARIS.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - Math.floor(instant / 60_000) * 60_000;
}

/** "PS_LibreAcces_Personne_activite_202611010930.txt" → 1 November 2026, 09:30 in Paris (08:30 UTC). */
export function extractionDate(fileName: string): Date | null {
  const m = /(20\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(fileName);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const date = new Date(asUtc);
  if (Number.isNaN(asUtc) || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3] || +m[4] > 23 || +m[5] > 59) return null;
  return new Date(asUtc - parisOffsetMs(asUtc));
}

/**
 * Imports of the national directory: receiving the file (streamed to the
 * shared upload folder, never held in memory), queueing its job once the
 * import row is committed, and reading progress and reports.
 */
@Injectable()
export class DirectoryImportsService {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
    private readonly storage: StorageEnv,
  ) {}

  /**
   * Stores the file and imports it: the import row and its job come first,
   * so the worker reads the file while it arrives (see ArrivingUpload); the
   * whole file is renamed into place once received. An upload that fails
   * (cut off, too big, empty) marks its import failed and deletes the part.
   * The import's id, once the whole file has arrived.
   */
  async upload(body: Readable, rawName: string | undefined, declaredBytes: number | null): Promise<string> {
    const tenantId = requireTenantId();
    const userId = requirePrincipal().userId;
    const fileName = decodeName(rawName);
    if (!fileName || !/\.(txt|zip)$/i.test(fileName) || fileName.length > 200) {
      throw AppError.field('file', "Choisissez le fichier de l'extraction de l'Annuaire Santé (.txt ou .zip).");
    }
    if (declaredBytes !== null && declaredBytes > MAX_IMPORT_BYTES) throw tooLarge();
    const id = randomUUID();
    const part = importPartPath(this.storage.UPLOAD_DIR, tenantId, id);
    const final = importFilePath(this.storage.UPLOAD_DIR, tenantId, id);
    await mkdir(path.dirname(part), { recursive: true });
    // Fewer, larger writes: chunks gather while one is written (a bare Node server received the 397 MB bench file in 0.6 s so, 0.9 s with the default 16 KiB).
    const out = createWriteStream(part, { flags: 'wx', highWaterMark: 1 << 20 });
    try {
      await once(out, 'open'); // the part exists before its job can look for it
      // A unit of work of its own: the request's transaction commits only when the upload is over.
      await this.db.runApart({ tenantId, label: 'directory-import' }, async () => {
        await this.db.tenantRows(
          `INSERT INTO directory_imports (tenant_id, id, file_name, file_bytes, extracted_at, status, created_by) VALUES ($1, $2, $3, $4, $5, 'queued', $6)`,
          [tenantId, id, fileName, declaredBytes ?? 0, extractionDate(fileName), userId],
        );
        // A file refused is not retried (the job marks it failed); a technical failure is, a few times.
        afterCommit(() => this.producer.add(QUEUES.directoryImport, { tenantId, importId: id }, id, { attempts: 3 }));
      });
    } catch (err) {
      out.destroy();
      await rm(part, { force: true });
      throw err;
    }
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > MAX_IMPORT_BYTES) done(tooLarge());
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, count, out);
      if (bytes === 0) throw AppError.field('file', 'Le fichier est vide.');
      await rename(part, final);
    } catch (err) {
      const [code, message] = err instanceof AppError ? [bytes === 0 ? 'EMPTY_FILE' : 'TOO_LARGE', err.message] : ['UPLOAD_INTERRUPTED', UPLOAD_INTERRUPTED_MESSAGE];
      try {
        await this.db.runApart({ tenantId, label: 'directory-import' }, () =>
          this.db.tenantRows(
            `UPDATE directory_imports SET status = 'failed', finished_at = now(), error_code = $3, error_message = $4
             WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
            [tenantId, id, code, message],
          ),
        );
      } finally {
        // After the row says why: the worker reading the part then stops without a word (or, if the row
        // could not be written, fails the import itself as interrupted).
        await rm(part, { force: true });
      }
      throw err;
    }
    const [row] = await this.db.runApart({ tenantId, label: 'directory-import' }, () =>
      this.db.tenantRows<{ status: string }>(`UPDATE directory_imports SET file_bytes = $3 WHERE tenant_id = $1 AND id = $2 RETURNING status`, [tenantId, id, bytes]),
    );
    // Refused by the worker before it was whole (a wrong header): nobody will read it.
    if (row?.status === DirectoryImportStatus.FAILED) await rm(final, { force: true });
    return id;
  }

  async list(first: number): Promise<DirectoryImport[]> {
    return this.db.tenantRows<DirectoryImport>(`SELECT ${IMPORT_COLUMNS} FROM directory_imports WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2`, [
      requireTenantId(),
      first,
    ]);
  }

  async get(id: string): Promise<DirectoryImport> {
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<DirectoryImport>(`SELECT ${IMPORT_COLUMNS} FROM directory_imports WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    if (!row) throw AppError.notFound('Import introuvable.');
    const since = (row.startedAt ?? row.createdAt).getTime();
    if ((row.status === DirectoryImportStatus.QUEUED || row.status === DirectoryImportStatus.RUNNING) && Date.now() - since > LOST_AFTER_MS) {
      await this.requeueIfLost(tenantId, id);
    }
    return row;
  }

  /**
   * The staff watching a stuck import is what brings it back: imports are
   * tenant rows, so no process scans them across CPTS. Same job id: a job
   * Redis still holds is never doubled. A Redis failure here leaves the read
   * alone; the next read tries again.
   */
  private async requeueIfLost(tenantId: string, id: string): Promise<void> {
    try {
      const live = await this.producer.liveJobIds(QUEUES.directoryImport, [id]);
      if (live.has(id)) return;
      await this.producer.removeFinished(QUEUES.directoryImport, id);
      await this.producer.add(QUEUES.directoryImport, { tenantId, importId: id }, id, { attempts: 3 });
    } catch {
      // Redis unreachable: the import waits for the next look.
    }
  }

  async issues(importId: string, first: number, afterSeq: number): Promise<DirectoryImportIssue[]> {
    return this.db.tenantRows<DirectoryImportIssue>(
      `SELECT i.seq, i.kind, i.line, i.reason, i.professional_id AS "professionalId", p.first_name || ' ' || p.last_name AS "professionalName",
              i.field, i.current_value AS "currentValue", i.imported_value AS "importedValue", i.resolution, i.resolved_at AS "resolvedAt"
       FROM directory_import_issues i LEFT JOIN professionals p ON p.tenant_id = i.tenant_id AND p.id = i.professional_id
       WHERE i.tenant_id = $1 AND i.import_id = $2 AND i.seq > $3 ORDER BY i.seq LIMIT $4`,
      [requireTenantId(), importId, afterSeq, first],
    );
  }
}

function decodeName(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    return path.basename(decodeURIComponent(raw)).trim() || null;
  } catch {
    return null;
  }
}
