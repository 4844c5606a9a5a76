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
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';
import { DirectoryImport, DirectoryImportCheck, DirectoryImportIssue } from './directory-import.types';
import { ImportAdmission, importUnderWay, NewerImport, olderExtractionRefusal, olderExtractionSummary } from './import-admission';
import { importFilePath, importPartPath, UPLOAD_INTERRUPTED_MESSAGE } from './import-files';
import { ISSUE_COLUMNS, ISSUE_JOINS } from './issue-columns';

/** The national extraction is ~1.5 GB as text; well above, it is not an extraction. */
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;

const tooLarge = () => AppError.field('file', 'Fichier trop volumineux (4 Go au plus) : est-ce bien une extraction ?');

const IMPORT_COLUMNS = `i.id, i.file_name AS "fileName", i.file_bytes::float8 AS "fileBytes", i.extracted_at AS "extractedAt", i.status,
  i.bytes_read::float8 AS "bytesRead", i.lines_read AS "linesRead", i.kept, i.created, i.updated, i.unchanged, i.rejected, i.conflicts,
  i.error_code AS "errorCode", i.error_message AS "errorMessage", i.created_at AS "createdAt", i.started_at AS "startedAt", i.finished_at AS "finishedAt",
  i.older_confirmed_at AS "olderConfirmedAt", u.display_name AS "olderConfirmedByName", i.newer_extracted_at AS "newerExtractedAt", i.newer_imported_at AS "newerImportedAt"`;
const IMPORTS = `directory_imports i LEFT JOIN users u ON u.id = i.older_confirmed_by`;

type ImportRow = Omit<DirectoryImport, 'olderConfirmation'> & {
  olderConfirmedAt: Date | null;
  olderConfirmedByName: string | null;
  newerExtractedAt: Date | null;
  newerImportedAt: Date | null;
};

function toImport({ olderConfirmedAt, olderConfirmedByName, newerExtractedAt, newerImportedAt, ...row }: ImportRow): DirectoryImport {
  const newer: NewerImport | null = newerExtractedAt && newerImportedAt ? { extractedAt: newerExtractedAt, importedAt: newerImportedAt } : null;
  return {
    ...row,
    olderConfirmation:
      olderConfirmedAt && newer && row.extractedAt
        ? { confirmedAt: olderConfirmedAt, confirmedByName: olderConfirmedByName, newerExtractedAt: newer.extractedAt, newerImportedAt: newer.importedAt, summary: olderExtractionSummary(row.extractedAt, newer) }
        : null,
  };
}

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
 * whole file is there, and reading progress and reports.
 */
@Injectable()
export class DirectoryImportsService {
  private readonly admission: ImportAdmission;

  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
    private readonly storage: StorageEnv,
  ) {
    this.admission = new ImportAdmission(db);
  }

  /**
   * What the upload of this file would meet, for the web app to ask before
   * sending hundreds of megabytes: a wrong name or an import under way are
   * refused (as the upload would), an older extraction comes with the
   * warning the staff confirm.
   */
  async check(rawName: string): Promise<DirectoryImportCheck> {
    const tenantId = requireTenantId();
    const fileName = checkedName(path.basename(rawName).trim());
    await this.admission.assertNoneActive(tenantId);
    const extractedAt = extractionDate(fileName);
    const newer = await this.admission.newerImport(tenantId, extractedAt);
    return { extractedAt, olderWarning: newer && extractedAt ? olderExtractionRefusal(extractedAt, newer).message : null };
  }

  /**
   * Stores the file, then queues its import: the row comes first (status
   * `uploading`, the CPTS's one import slot), the job only once the whole
   * file is renamed into place, so a slow upload holds no worker. An upload
   * that fails (cut off, too big, empty) marks its import failed and deletes
   * the part. An extraction older than the last one imported needs
   * `confirmOlder`, recorded on the import. The import's id, once the whole
   * file has arrived.
   */
  async upload(body: Readable, rawName: string | undefined, declaredBytes: number | null, confirmOlder: boolean): Promise<string> {
    const tenantId = requireTenantId();
    const userId = requirePrincipal().userId;
    const fileName = checkedName(decodeName(rawName));
    if (declaredBytes !== null && declaredBytes > MAX_IMPORT_BYTES) throw tooLarge();
    const extractedAt = extractionDate(fileName);
    const id = randomUUID();
    const part = importPartPath(this.storage.UPLOAD_DIR, tenantId, id);
    const final = importFilePath(this.storage.UPLOAD_DIR, tenantId, id);
    await mkdir(path.dirname(part), { recursive: true });
    // Fewer, larger writes: chunks gather while one is written (a bare Node server received the 397 MB bench file in 0.6 s so, 0.9 s with the default 16 KiB).
    const out = createWriteStream(part, { flags: 'wx', highWaterMark: 1 << 20 });
    try {
      await once(out, 'open'); // the part exists while its row says `uploading` (the worker's periodic pass watches it)
      // A unit of work of its own: the request's transaction commits only when the upload is over.
      await this.db.runApart({ tenantId, label: 'directory-import' }, async () => {
        await this.admission.assertNoneActive(tenantId);
        const newer = await this.admission.newerImport(tenantId, extractedAt);
        if (newer && extractedAt && !confirmOlder) throw olderExtractionRefusal(extractedAt, newer);
        try {
          await this.db.tenantRows(
            `INSERT INTO directory_imports (tenant_id, id, file_name, file_bytes, extracted_at, status, created_by,
               older_confirmed_by, older_confirmed_at, newer_extracted_at, newer_imported_at)
             VALUES ($1, $2, $3, $4, $5, 'uploading', $6, $7, CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE now() END, $8, $9)`,
            [tenantId, id, fileName, declaredBytes ?? 0, extractedAt, userId, newer ? userId : null, newer?.extractedAt ?? null, newer?.importedAt ?? null],
          );
        } catch (err) {
          // Another upload of the CPTS started in between (the unique index lets one in).
          if (isUniqueViolation(err, 'directory_imports_one_active')) throw importUnderWay();
          throw err;
        }
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
             WHERE tenant_id = $1 AND id = $2 AND status = 'uploading'`,
            [tenantId, id, code, message],
          ),
        );
      } finally {
        // If the row could not be written, the worker's periodic pass fails the import once it sees the part gone.
        await rm(part, { force: true });
      }
      throw err;
    }
    const queued = await this.db.runApart({ tenantId, label: 'directory-import' }, async () => {
      const rows = await this.db.tenantRows(
        `UPDATE directory_imports SET status = 'queued', file_bytes = $3 WHERE tenant_id = $1 AND id = $2 AND status = 'uploading' RETURNING id`,
        [tenantId, id, bytes],
      );
      // A file refused is not retried (the job marks it failed); a technical failure is, a few times.
      if (rows.length > 0) afterCommit(() => this.producer.add(QUEUES.directoryImport, { tenantId, importId: id }, id, { attempts: 3 }));
      return rows.length > 0;
    });
    if (!queued) {
      // Given up meanwhile by the worker's periodic pass (nothing had arrived for minutes): it said why on the import.
      await rm(final, { force: true });
      throw AppError.conflict(UPLOAD_INTERRUPTED_MESSAGE);
    }
    return id;
  }

  async list(first: number): Promise<DirectoryImport[]> {
    const rows = await this.db.tenantRows<ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM ${IMPORTS} WHERE i.tenant_id = $1 ORDER BY i.created_at DESC LIMIT $2`, [
      requireTenantId(),
      first,
    ]);
    return rows.map(toImport);
  }

  async get(id: string): Promise<DirectoryImport> {
    const [row] = await this.db.tenantRows<ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM ${IMPORTS} WHERE i.tenant_id = $1 AND i.id = $2`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound('Import introuvable.');
    return toImport(row);
  }

  async issues(importId: string, first: number, afterSeq: number): Promise<DirectoryImportIssue[]> {
    return this.db.tenantRows<DirectoryImportIssue>(
      `SELECT ${ISSUE_COLUMNS} FROM directory_import_issues i ${ISSUE_JOINS}
       WHERE i.tenant_id = $1 AND i.import_id = $2 AND i.seq > $3 ORDER BY i.seq LIMIT $4`,
      [requireTenantId(), importId, afterSeq, first],
    );
  }
}

/** The name of an extraction file, or the French refusal. */
function checkedName(fileName: string | null): string {
  if (!fileName || !/\.(txt|zip)$/i.test(fileName) || fileName.length > 200) {
    throw AppError.field('file', "Choisissez le fichier de l'extraction de l'Annuaire Santé (.txt ou .zip).");
  }
  return fileName;
}

function decodeName(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    return path.basename(decodeURIComponent(raw)).trim() || null;
  } catch {
    return null;
  }
}
