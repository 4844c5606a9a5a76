/**
 * The job side of a directory import: the BullMQ processor (the file read as
 * a stream, the lines kept or rejected, the progress, the one transaction,
 * the failures). Kept apart from what the lines change in the directory (the
 * merge rules, rpps-merge-rules.ts) and from the SQL that writes it (the batch
 * writer, rpps-batch-writer.ts), so that each reads on its own.
 */
import { access, rm } from 'node:fs/promises';
import { TRANSACTION_LIMITS } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import type { DirectoryImportJob } from './directory-import.job';
import { UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { DataSource, QueryRunner } from 'typeorm';
import { parseRppsExtraction, RppsActivity, RppsFormatError, RppsRejection } from '../rpps';
import { ImportProgress } from './import-progress';
import { importFilePath, UPLOAD_INTERRUPTED_MESSAGE } from './import-files';
import { erasedRppsHash } from '../gdpr/erased-identifiers';
import { readKnownPeople, RppsBatchWriter } from './rpps-batch-writer';
import { Conflict, DirectoryMerge } from './rpps-merge-rules';

/** Issues kept per import (all are counted); beyond, the report says how many were left out. */
const MAX_STORED_ISSUES = 10_000;
/** Rows per INSERT or UPDATE statement. */
const BATCH = 1000;

/**
 * The `directory-import` job: streams the uploaded extraction, keeps the lines
 * on the CPTS's territory, and merges them into its directory by RPPS number
 * in ONE transaction, so a wrong or corrupt file changes nothing. Progress
 * goes through a second connection (ImportProgress) so the staff see it live.
 *
 * Memory: the file is streamed; what is held is bounded by the territory,
 * not the file: the CPTS's professionals with an RPPS number (DirectoryMerge)
 * and the people read but not yet written (at most 2 x batchSize).
 */
export class RppsImportProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadDir: string,
    private readonly logger: Logger,
    /** People written per statement (tests make it small to exercise writing while parsing). */
    private readonly batchSize = BATCH,
  ) {}

  async process(job: Job<DirectoryImportJob>): Promise<void> {
    const { tenantId, importId } = job.data;
    const progress = new ImportProgress(this.dataSource, tenantId, importId);
    const started = await progress.start();
    if (!started) return; // done or failed already (a job delivered twice)
    // Queued once the whole file had arrived; gone means the upload folder lost it.
    const file = importFilePath(this.uploadDir, tenantId, importId);
    if (!(await access(file).then(() => true, () => false))) {
      await progress.fail('UPLOAD_INTERRUPTED', UPLOAD_INTERRUPTED_MESSAGE);
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let finished = false;
    try {
      await runner.query('START TRANSACTION');
      await runner.query(`SELECT ${TRANSACTION_LIMITS}, set_config('app.tenant_id', $1, true)`, [tenantId]);
      // Between two writes the transaction waits for the parser, and a small
      // territory writes its first batch only at the end of the file: on a slow
      // shared volume, reading 1.5 GB may outlast the pool's idle limit. What
      // bounds it is the file's size, and the worker's connection (a dead
      // worker's transaction ends with it).
      await runner.query(`SELECT set_config('idle_in_transaction_session_timeout', '0', true)`);
      const report = await this.importInto(runner, tenantId, importId, started.createdBy, file, progress);
      await progress.settle();
      await runner.query(
        `UPDATE directory_imports SET status = 'done', finished_at = clock_timestamp(), bytes_read = $3, lines_read = $4, kept = $5, created = $6, updated = $7,
           unchanged = $8, rejected = $9, conflicts = $10
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, importId, report.bytesRead, report.linesRead, report.kept, report.created, report.updated, report.unchanged, report.rejected, report.conflicts],
      );
      await runner.query('COMMIT');
      finished = true;
      this.logger.info({ tenantId, importId, ...report }, 'directory import done');
    } catch (err) {
      await runner.query('ROLLBACK').catch(() => undefined);
      await progress.settle();
      if (err instanceof RppsFormatError) {
        await progress.fail(err.code, err.message);
        finished = true;
        this.logger.info({ tenantId, importId, code: err.code }, 'directory import refused the file');
        return;
      }
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) {
        await progress.fail('INTERNAL', "L'import a échoué à cause d'une erreur technique. Réessayez ; si cela se reproduit, contactez le support.");
        finished = true;
        throw new UnrecoverableError((err as Error).message);
      }
      throw err;
    } finally {
      await runner.release();
      // The file is only needed until the import ends, either way.
      if (finished) await rm(file, { force: true });
    }
  }

  private async importInto(runner: QueryRunner, tenantId: string, importId: string, userId: string | null, file: string, progress: ImportProgress) {
    const [tenant] = await runner.query(`SELECT commune_codes FROM tenants WHERE id = $1`, [tenantId]);
    const territory = new Set<string>(tenant?.commune_codes ?? []);
    const professions = new Set<string>((await runner.query(`SELECT code FROM professions`)).map((r: { code: string }) => r.code));
    // People erased on request: their (public) RPPS numbers are not imported again.
    const erased = new Set<string>((await runner.query(`SELECT encode(rpps_hash, 'hex') AS hash FROM erased_identifiers WHERE tenant_id = $1`, [tenantId])).map((r: { hash: string }) => r.hash));
    const communeNames = new Map<string, string>(
      (await runner.query(`SELECT insee_code, name FROM communes WHERE insee_code = ANY($1::text[])`, [[...territory]])).map((r: { insee_code: string; name: string }) => [r.insee_code, r.name]),
    );
    const merge = new DirectoryMerge(await readKnownPeople(runner, tenantId), communeNames);
    const writer = new RppsBatchWriter(runner, tenantId, importId, userId);
    const rejections: RppsRejection[] = [];
    let kept = 0;
    let linesRead = 0;
    let bytesRead = 0;
    const activities = parseRppsExtraction(file, {
      keep: (communeCode) => territory.has(communeCode),
      onRejected: (r) => rejections.push(r),
      onLine: (lines, bytes) => {
        linesRead = Math.max(lines - 1, 0); // the header is no professional's line
        bytesRead = bytes;
        progress.report({ linesRead, bytesRead: bytes, kept });
      },
    });
    // People waiting to be written, with their lines, in the order they appeared.
    // The extraction lists a person's activities together, so once 2 x batchSize
    // people wait, the oldest batchSize are complete: they are written while
    // parsing goes on (PostgreSQL works on the other core). A later line of a
    // person already written still counts: it is merged into what was written.
    const waiting = new Map<string, RppsActivity[]>();
    let writing: Promise<void> = Promise.resolve();
    // Planned when the previous batch is written (the merge's records then stand as written), written while parsing goes on.
    const mergeAndWrite = async (batch: RppsActivity[][]) => writer.write(merge.plan(batch));
    const write = async (batch: RppsActivity[][]) => {
      await writing;
      writing = mergeAndWrite(batch);
      writing.catch(() => undefined); // awaited (and thrown) by the next write or at the end
    };
    for await (const activity of activities) {
      if (!professions.has(activity.professionCode)) {
        rejections.push({ line: activity.line, reason: `Profession inconnue de la plateforme (code ${activity.professionCode}).` });
        continue;
      }
      if (activity.lastName.length > 100 || activity.firstName.length > 100) {
        rejections.push({ line: activity.line, reason: 'Nom ou prénom de plus de 100 caractères.' });
        continue;
      }
      if (erased.size > 0 && erased.has(erasedRppsHash(tenantId, activity.rpps).toString('hex'))) {
        rejections.push({ line: activity.line, reason: 'Personne effacée à sa demande (droit à l’effacement) : elle n’est pas réimportée.' });
        continue;
      }
      kept++;
      // Every line on the territory is one of the person's practice sites (practiceOf).
      const lines = waiting.get(activity.rpps) ?? [];
      lines.push(activity);
      waiting.delete(activity.rpps); // re-inserted last: it waits as a new arrival
      waiting.set(activity.rpps, lines);
      if (waiting.size >= 2 * this.batchSize) await write(take(waiting, this.batchSize));
    }
    while (waiting.size > 0) await write(take(waiting, this.batchSize));
    await writing;
    progress.report({ linesRead, bytesRead, kept });
    const report = merge.report();
    await this.storeIssues(runner, tenantId, importId, rejections, report.conflicts);
    return { linesRead, bytesRead, kept, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: rejections.length, conflicts: report.conflicts.length };
  }

  private async storeIssues(runner: QueryRunner, tenantId: string, importId: string, rejections: RppsRejection[], conflicts: Conflict[]) {
    const issues = [
      ...rejections.sort((a, b) => a.line - b.line).map((r) => ({ kind: 'rejected', line: r.line, reason: r.reason, professionalId: null, siteId: null, field: null, current: null, imported: null })),
      ...conflicts.map((c) => ({
        kind: 'conflict',
        line: null,
        reason: 'Modifié à la main ; la nouvelle extraction indique une autre valeur.',
        professionalId: c.professionalId,
        siteId: c.siteId,
        field: c.field,
        current: c.current,
        imported: c.imported,
      })),
    ].slice(0, MAX_STORED_ISSUES);
    for (let i = 0; i < issues.length; i += BATCH) {
      const batch = issues.slice(i, i + BATCH);
      await runner.query(
        `INSERT INTO directory_import_issues (tenant_id, import_id, seq, kind, line, reason, professional_id, site_id, field, current_value, imported_value)
         SELECT $1, $2, u.* FROM unnest($3::int[], $4::text[], $5::int[], $6::text[], $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::text[])
           AS u(seq, kind, line, reason, professional_id, site_id, field, current_value, imported_value)`,
        [
          tenantId,
          importId,
          batch.map((_, j) => i + j + 1),
          batch.map((x) => x.kind),
          batch.map((x) => x.line),
          batch.map((x) => x.reason),
          batch.map((x) => x.professionalId),
          batch.map((x) => x.siteId),
          batch.map((x) => x.field),
          batch.map((x) => x.current),
          batch.map((x) => x.imported),
        ],
      );
    }
  }
}

/** The first `n` entries of a map, in insertion order, taken out of it. */
function take<K, V>(map: Map<K, V>, n: number): V[] {
  const out: V[] = [];
  for (const [key, value] of map) {
    if (out.length === n) break;
    out.push(value);
    map.delete(key);
  }
  return out;
}
