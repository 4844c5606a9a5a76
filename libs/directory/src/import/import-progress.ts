import type { DataSource } from 'typeorm';
import { TRANSACTION_LIMITS } from '@cpts/platform-db';

export interface ImportCounters {
  linesRead: number;
  bytesRead: number;
  kept: number;
}

/** Progress is written at most this often: the staff's screen polls every second or two. */
const WRITE_EVERY_MS = 1000;

/**
 * The live state of one import, written on a connection of its own (the
 * import's changes are in one long transaction the staff cannot see until it
 * commits). Each write is its own short tenant transaction. Writes never
 * overlap; the latest counters win.
 */
export class ImportProgress {
  private pending: ImportCounters | null = null;
  private writing: Promise<void> | null = null;
  private lastWrite = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantId: string,
    private readonly importId: string,
  ) {}

  /** Marks the import running (from queued, or running again after a crash); null when it is already over. */
  async start(): Promise<{ createdBy: string | null } | null> {
    const rows = await this.write<{ created_by: string | null }>(
      `UPDATE directory_imports SET status = 'running', started_at = now(), bytes_read = 0, lines_read = 0, kept = 0
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING created_by`,
      [],
    );
    return rows.length > 0 ? { createdBy: rows[0].created_by } : null;
  }

  /** Records the counters; written now if the last write is old enough, else with a later report. */
  report(counters: ImportCounters): void {
    this.pending = { ...counters };
    if (this.writing || Date.now() - this.lastWrite < WRITE_EVERY_MS) return;
    this.flush();
  }

  /** Waits for the write in flight, if any (before the import's final update takes the row lock). */
  async settle(): Promise<void> {
    this.pending = null;
    await this.writing;
  }

  async fail(code: string, message: string): Promise<void> {
    await this.write(
      `UPDATE directory_imports SET status = 'failed', finished_at = now(), error_code = $3, error_message = $4
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
      [code, message],
    );
  }

  private flush(): void {
    const counters = this.pending;
    if (!counters) return;
    this.pending = null;
    this.lastWrite = Date.now();
    this.writing = this.write(
      `UPDATE directory_imports SET lines_read = $3, bytes_read = $4, kept = $5 WHERE tenant_id = $1 AND id = $2 AND status = 'running'`,
      [counters.linesRead, counters.bytesRead, counters.kept],
    ).then(
      () => {
        this.writing = null;
      },
      () => {
        // A lost progress write only delays the figures on screen.
        this.writing = null;
      },
    );
  }

  private async write<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION');
      await runner.query(`SELECT ${TRANSACTION_LIMITS}, set_config('app.tenant_id', $1, true)`, [this.tenantId]);
      const result = await runner.query(sql, [this.tenantId, this.importId, ...params], true);
      await runner.query('COMMIT');
      return result.records as T[];
    } catch (err) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}
