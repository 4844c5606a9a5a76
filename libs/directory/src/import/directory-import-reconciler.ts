import { rm, stat } from 'node:fs/promises';
import { Db, tenantFailuresLog } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';
import { DirectoryImportStatus } from './directory-import.types';
import { ACTIVE_IMPORT_STATUSES } from './import-admission';
import { importFilePath, importPartPath, UPLOAD_INTERRUPTED_MESSAGE, UPLOAD_STALL_MS } from './import-files';

interface ActiveImport {
  id: string;
  status: DirectoryImportStatus;
  createdAt: Date;
}

type Repair = 'requeued' | 'failed' | null;

/**
 * PostgreSQL says which imports are under way; Redis may have lost their jobs
 * (a restart without persistence, a job never added because Redis was down
 * when the upload ended), and a gateway may have died while receiving a file.
 * Each pass of the worker, for every CPTS (each in its own tenant
 * transaction), it:
 *  - queues again a queued or running import whose job Redis does not hold
 *    (same job id: a job Redis still holds is never doubled), or fails it as
 *    interrupted when its file is gone;
 *  - fails an upload from which nothing has arrived for UPLOAD_STALL_MS, and
 *    deletes its part; queues one whose whole file arrived but whose gateway
 *    died before queueing it.
 * A CPTS has at most one import under way, so a pass costs one indexed read
 * per CPTS and, rarely, one Redis lookup.
 */
export class DirectoryImportReconciler {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
    private readonly uploadDir: string,
    private readonly logger: Logger,
    private readonly stallMs = UPLOAD_STALL_MS,
  ) {}

  async reconcileOnce(): Promise<{ requeued: number; failed: number }> {
    const done = { requeued: 0, failed: 0 };
    const failures = await this.db.forEachTenant('directory-import-reconciler', async (tenantId) => {
      const active = await this.db.run({ tenantId, label: 'directory-import-reconciler' }, () =>
        this.db.tenantRows<ActiveImport>(
          `SELECT id, status, created_at AS "createdAt" FROM directory_imports WHERE tenant_id = $1 AND status = ANY($2::text[])`,
          [tenantId, ACTIVE_IMPORT_STATUSES],
        ),
      );
      for (const found of active) {
        const repair =
          found.status === DirectoryImportStatus.UPLOADING
            ? await this.watchUpload(tenantId, found)
            : await this.requeueIfLost(tenantId, found.id);
        if (repair) done[repair]++;
      }
    });
    if (failures.length > 0)
      this.logger.error(tenantFailuresLog(failures), 'directory imports of these CPTS not reconciled; trying again at the next pass');
    if (done.requeued + done.failed > 0) this.logger.info(done, 'directory imports reconciled');
    return done;
  }

  private async requeueIfLost(tenantId: string, id: string): Promise<Repair> {
    if ((await this.producer.liveJobIds(QUEUES.directoryImport, [id])).has(id)) return null;
    if (!(await lastWrite(importFilePath(this.uploadDir, tenantId, id)))) {
      return (await this.fail(tenantId, id, [DirectoryImportStatus.QUEUED, DirectoryImportStatus.RUNNING])) ? 'failed' : null;
    }
    await this.producer.removeFinished(QUEUES.directoryImport, id);
    await this.producer.add(QUEUES.directoryImport, { tenantId, importId: id }, id, { attempts: 3 });
    return 'requeued';
  }

  /**
   * An upload is left alone while something arrived within the stall limit
   * (the gateway renames the whole file and queues its job within
   * milliseconds: a file that old whose row still says uploading lost its gateway).
   */
  private async watchUpload(tenantId: string, found: ActiveImport): Promise<Repair> {
    const part = importPartPath(this.uploadDir, tenantId, found.id);
    const whole = importFilePath(this.uploadDir, tenantId, found.id);
    const wholeWritten = await lastWrite(whole);
    const written = wholeWritten ?? (await lastWrite(part)) ?? found.createdAt.getTime();
    if (Date.now() - written < this.stallMs) return null;
    if (wholeWritten) {
      const queued = await this.db.run({ tenantId, label: 'directory-import-reconciler' }, () =>
        this.db.tenantRows(
          `UPDATE directory_imports SET status = 'queued' WHERE tenant_id = $1 AND id = $2 AND status = 'uploading' RETURNING id`,
          [tenantId, found.id],
        ),
      );
      if (queued.length === 0) return null;
      await this.producer.add(QUEUES.directoryImport, { tenantId, importId: found.id }, found.id, { attempts: 3 });
      return 'requeued';
    }
    const failed = await this.fail(tenantId, found.id, [DirectoryImportStatus.UPLOADING]);
    await rm(part, { force: true });
    return failed ? 'failed' : null;
  }

  private async fail(tenantId: string, id: string, from: DirectoryImportStatus[]): Promise<boolean> {
    const rows = await this.db.run({ tenantId, label: 'directory-import-reconciler' }, () =>
      this.db.tenantRows(
        `UPDATE directory_imports SET status = 'failed', finished_at = now(), error_code = 'UPLOAD_INTERRUPTED', error_message = $3
         WHERE tenant_id = $1 AND id = $2 AND status = ANY($4::text[]) RETURNING id`,
        [tenantId, id, UPLOAD_INTERRUPTED_MESSAGE, from],
      ),
    );
    return rows.length > 0;
  }
}

/** When the file was last written (ms), or null when it does not exist. */
async function lastWrite(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
