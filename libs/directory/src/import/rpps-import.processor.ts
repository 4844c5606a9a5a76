import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { searchKey } from '@cpts/platform-core';
import type { Logger } from '@cpts/platform-observability';
import type { DirectoryImportJob } from '@cpts/platform-queue';
import { UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { DataSource, QueryRunner } from 'typeorm';
import { fieldList } from '../field-labels';
import { normalizeFrenchPhone } from '../identifiers';
import { parseRppsExtraction, RppsActivity, RppsFormatError, RppsRejection } from '../rpps';
import { ImportProgress } from './import-progress';
import { ArrivingUpload } from './import-files';
import { erasedRppsHash } from '../gdpr/erased-identifiers';

/** The fields an import fills in, in the order the report lists them. */
export const IMPORTED_FIELDS = ['lastName', 'firstName', 'professionCode', 'communeCode', 'structureName', 'phone', 'email', 'practiceMode'] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];
export type ImportedValues = Record<ImportedField, string | null>;

/** The column of each imported field in the professionals table. */
export const IMPORTED_COLUMN: Record<ImportedField, string> = {
  lastName: 'last_name',
  firstName: 'first_name',
  professionCode: 'profession_code',
  communeCode: 'commune_code',
  structureName: 'structure_name',
  phone: 'phone',
  email: 'email',
  practiceMode: 'practice_mode',
};

/** Issues kept per import (all are counted); beyond, the report says how many were left out. */
const MAX_STORED_ISSUES = 10_000;
/** Rows per INSERT or UPDATE statement. */
const BATCH = 1000;

interface Existing {
  id: string;
  rpps: string;
  current: ImportedValues;
  imported: ImportedValues | null;
}

export interface Conflict {
  professionalId: string;
  field: ImportedField;
  current: string | null;
  imported: string | null;
}

/**
 * What a newer extraction does to one professional already in the directory,
 * field by field, given the values of the previous import:
 *  - a field nobody edited since the last import takes the new value;
 *  - a field the staff edited by hand keeps their value; if the extraction
 *    changed it too, it becomes a conflict the report shows;
 *  - a professional entered by hand (never imported) keeps every field, and
 *    each field the extraction says differently is a conflict.
 */
export function mergeFields(current: ImportedValues, previous: ImportedValues | null, incoming: ImportedValues): { next: ImportedValues; conflicts: ImportedField[] } {
  const next = { ...current };
  const conflicts: ImportedField[] = [];
  for (const field of IMPORTED_FIELDS) {
    const cur = current[field];
    const inc = incoming[field];
    if (cur === inc) continue;
    if (previous === null) {
      if (cur === null) next[field] = inc; // a blank filled from the extraction is no edit to protect
      else conflicts.push(field);
      continue;
    }
    const prev = previous[field];
    if (cur === prev) next[field] = inc;
    else if (inc !== prev) conflicts.push(field);
  }
  return { next, conflicts };
}

function valuesOf(activity: RppsActivity): ImportedValues {
  return {
    lastName: activity.lastName,
    firstName: activity.firstName,
    professionCode: activity.professionCode,
    communeCode: activity.communeCode,
    structureName: activity.structureName,
    phone: activity.phone ? normalizeFrenchPhone(activity.phone) : null,
    email: activity.email,
    practiceMode: activity.practiceMode,
  };
}

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
    // The file may still be arriving: the import reads it as the gateway writes it.
    const file = ArrivingUpload.of(this.uploadDir, tenantId, importId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let finished = false;
    try {
      await runner.query('START TRANSACTION');
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      // While a slow upload arrives, the transaction may wait between two writes
      // for as long as the upload lasts (a small territory writes its first batch
      // only at the end): no idle limit for it. What bounds it is the upload's own
      // stall limit (ArrivingUpload), and the worker's connection (a dead worker's
      // transaction ends with it).
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
        await progress.fail(err.code, err.message); // no-op when the gateway gave the upload up first: it said why
        finished = true;
        // Nothing arrives any more: whoever was writing the part is gone.
        if (err.code === 'UPLOAD_INTERRUPTED') await rm(file.partPath, { force: true });
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
      await file.close();
      await runner.release();
      // The file is only needed until the import ends, either way. A file
      // refused before it was complete is deleted by the gateway once it is.
      if (finished) await rm(file.finalPath, { force: true });
    }
  }

  private async importInto(runner: QueryRunner, tenantId: string, importId: string, userId: string | null, file: ArrivingUpload, progress: ImportProgress) {
    const [tenant] = await runner.query(`SELECT commune_codes FROM tenants WHERE id = $1`, [tenantId]);
    const territory = new Set<string>(tenant?.commune_codes ?? []);
    const professions = new Set<string>((await runner.query(`SELECT code FROM professions`)).map((r: { code: string }) => r.code));
    // People erased on request: their (public) RPPS numbers are not imported again.
    const erased = new Set<string>((await runner.query(`SELECT encode(rpps_hash, 'hex') AS hash FROM erased_identifiers WHERE tenant_id = $1`, [tenantId])).map((r: { hash: string }) => r.hash));
    const merge = await DirectoryMerge.open(runner, tenantId, importId, userId);
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
    // People waiting to be written, in the order they appeared. The extraction
    // lists a person's activities together, so once 2 x batchSize people wait,
    // the oldest batchSize are complete: they are written while parsing goes on
    // (PostgreSQL works on the other core). A later line of a person already
    // written still counts: the person is written again if that line wins.
    const waiting = new Map<string, RppsActivity>();
    let writing: Promise<void> = Promise.resolve();
    const write = async (batch: RppsActivity[]) => {
      await writing;
      writing = merge.write(batch);
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
      // One professional per RPPS number: the liberal practice first, else the first line.
      const previous = waiting.get(activity.rpps) ?? merge.written(activity.rpps);
      if (previous && !(previous.practiceMode !== 'L' && activity.practiceMode === 'L')) continue;
      waiting.delete(activity.rpps); // re-inserted last: it waits as a new arrival
      waiting.set(activity.rpps, activity);
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
      ...rejections.sort((a, b) => a.line - b.line).map((r) => ({ kind: 'rejected', line: r.line, reason: r.reason, professionalId: null, field: null, current: null, imported: null })),
      ...conflicts.map((c) => ({
        kind: 'conflict',
        line: null,
        reason: 'Modifié à la main ; la nouvelle extraction indique une autre valeur.',
        professionalId: c.professionalId,
        field: c.field,
        current: c.current,
        imported: c.imported,
      })),
    ].slice(0, MAX_STORED_ISSUES);
    for (let i = 0; i < issues.length; i += BATCH) {
      const batch = issues.slice(i, i + BATCH);
      await runner.query(
        `INSERT INTO directory_import_issues (tenant_id, import_id, seq, kind, line, reason, professional_id, field, current_value, imported_value)
         SELECT $1, $2, u.* FROM unnest($3::int[], $4::text[], $5::int[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[])
           AS u(seq, kind, line, reason, professional_id, field, current_value, imported_value)`,
        [
          tenantId,
          importId,
          batch.map((_, j) => i + j + 1),
          batch.map((x) => x.kind),
          batch.map((x) => x.line),
          batch.map((x) => x.reason),
          batch.map((x) => x.professionalId),
          batch.map((x) => x.field),
          batch.map((x) => x.current),
          batch.map((x) => x.imported),
        ],
      );
    }
  }
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'conflicted';

interface HistoryLine {
  professionalId: string;
  kind: 'import.updated' | 'import.conflict';
  summary: string;
  fields: ImportedField[];
}

/**
 * The directory side of one import: the CPTS's professionals with an RPPS
 * number, read once at the start (bounded by the territory, like the import
 * itself), then batches written against them in the import's transaction.
 * A person written twice (a later, liberal line) keeps one outcome and its
 * latest conflicts.
 */
class DirectoryMerge {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly modes = new Map<string, RppsActivity['practiceMode']>();
  private readonly conflicts = new Map<string, Conflict>();

  private constructor(
    private readonly runner: QueryRunner,
    private readonly tenantId: string,
    private readonly importId: string,
    private readonly userId: string | null,
    private readonly rows: Map<string, Existing>,
  ) {}

  static async open(runner: QueryRunner, tenantId: string, importId: string, userId: string | null): Promise<DirectoryMerge> {
    const rows: Array<Record<string, unknown>> = await runner.query(
      `SELECT id, rpps, ${IMPORTED_FIELDS.map((f) => `${IMPORTED_COLUMN[f]} AS "${f}"`).join(', ')}, imported
       FROM professionals WHERE tenant_id = $1 AND rpps IS NOT NULL`,
      [tenantId],
    );
    const existing = new Map<string, Existing>();
    for (const r of rows) {
      existing.set(r.rpps as string, {
        id: r.id as string,
        rpps: r.rpps as string,
        current: Object.fromEntries(IMPORTED_FIELDS.map((f) => [f, (r[f] as string | null) ?? null])) as ImportedValues,
        imported: (r.imported as ImportedValues | null) ?? null,
      });
    }
    return new DirectoryMerge(runner, tenantId, importId, userId, existing);
  }

  /** The practice mode of the line written for this RPPS number in this import, if any. */
  written(rpps: string): { practiceMode: RppsActivity['practiceMode'] } | undefined {
    return this.modes.has(rpps) ? { practiceMode: this.modes.get(rpps) ?? null } : undefined;
  }

  async write(batch: RppsActivity[]): Promise<void> {
    const inserts: Array<{ id: string; values: ImportedValues; rpps: string }> = [];
    const updates: Array<{ id: string; values: ImportedValues; imported: ImportedValues; changed: boolean }> = [];
    const history: HistoryLine[] = [];
    for (const activity of batch) {
      this.modes.set(activity.rpps, activity.practiceMode);
      const incoming = valuesOf(activity);
      const found = this.rows.get(activity.rpps);
      if (!found) {
        const id = randomUUID();
        inserts.push({ id, values: incoming, rpps: activity.rpps });
        this.rows.set(activity.rpps, { id, rpps: activity.rpps, current: incoming, imported: incoming });
        this.outcomes.set(activity.rpps, 'created');
        continue;
      }
      const merged = mergeFields(found.current, found.imported, incoming);
      for (const field of IMPORTED_FIELDS) this.conflicts.delete(`${found.id}:${field}`);
      for (const field of merged.conflicts) {
        this.conflicts.set(`${found.id}:${field}`, { professionalId: found.id, field, current: found.current[field], imported: incoming[field] });
      }
      const changedFields = IMPORTED_FIELDS.filter((f) => merged.next[f] !== found.current[f]);
      const changed = changedFields.length > 0;
      // A person created by this very import (a later line of theirs) has no history to tell yet.
      const createdNow = this.outcomes.get(activity.rpps) === 'created';
      if (changed && !createdNow) {
        history.push({ professionalId: found.id, kind: 'import.updated', summary: `Mise à jour par l'import de l'Annuaire Santé : ${fieldList(changedFields)}.`, fields: changedFields });
      }
      if (merged.conflicts.length > 0 && !createdNow) {
        history.push({
          professionalId: found.id,
          kind: 'import.conflict',
          summary: `Import de l'Annuaire Santé : modification à la main conservée (${fieldList(merged.conflicts)}) ; l'extraction indique une autre valeur.`,
          fields: merged.conflicts,
        });
      }
      const importedChanged = !found.imported || IMPORTED_FIELDS.some((f) => found.imported?.[f] !== incoming[f]);
      if (changed || importedChanged) updates.push({ id: found.id, values: merged.next, imported: incoming, changed });
      this.rows.set(activity.rpps, { ...found, current: merged.next, imported: incoming });
      const before = this.outcomes.get(activity.rpps);
      if (before === 'created') continue; // created by this import: a later line only completes it
      if (changed) this.outcomes.set(activity.rpps, 'updated');
      else if (before !== 'updated') this.outcomes.set(activity.rpps, merged.conflicts.length > 0 ? 'conflicted' : 'unchanged');
    }
    if (inserts.length > 0) {
      await this.runner.query(
        `INSERT INTO professionals (tenant_id, id, rpps, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email,
           practice_mode, imported, imported_at, created_by, updated_by, import_id)
         SELECT $1, u.id, u.rpps, u.last_name, u.first_name, u.search_name, u.profession_code, u.commune_code, u.structure_name, u.phone, u.email,
           u.practice_mode, u.imported, now(), $2, $2, $15
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::jsonb[])
           AS u(id, rpps, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email, practice_mode, imported)`,
        [
          this.tenantId,
          this.userId,
          inserts.map((r) => r.id),
          inserts.map((r) => r.rpps),
          inserts.map((r) => r.values.lastName),
          inserts.map((r) => r.values.firstName),
          inserts.map((r) => searchKey(`${r.values.lastName} ${r.values.firstName}`)),
          inserts.map((r) => r.values.professionCode),
          inserts.map((r) => r.values.communeCode),
          inserts.map((r) => r.values.structureName),
          inserts.map((r) => r.values.phone),
          inserts.map((r) => r.values.email),
          inserts.map((r) => r.values.practiceMode),
          inserts.map((r) => JSON.stringify(r.values)),
          this.importId,
        ],
      );
    }
    if (updates.length > 0) {
      await this.runner.query(
        `UPDATE professionals p SET last_name = u.last_name, first_name = u.first_name, search_name = u.search_name, profession_code = u.profession_code,
           commune_code = u.commune_code, structure_name = u.structure_name, phone = u.phone, email = u.email, practice_mode = u.practice_mode,
           imported = u.imported, imported_at = now(),
           updated_at = CASE WHEN u.changed THEN now() ELSE p.updated_at END,
           updated_by = CASE WHEN u.changed THEN $2 ELSE p.updated_by END
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::jsonb[], $14::bool[])
           AS u(id, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email, practice_mode, imported, changed)
         WHERE p.tenant_id = $1 AND p.id = u.id`,
        [
          this.tenantId,
          this.userId,
          updates.map((r) => r.id),
          updates.map((r) => r.values.lastName),
          updates.map((r) => r.values.firstName),
          updates.map((r) => searchKey(`${r.values.lastName} ${r.values.firstName}`)),
          updates.map((r) => r.values.professionCode),
          updates.map((r) => r.values.communeCode),
          updates.map((r) => r.values.structureName),
          updates.map((r) => r.values.phone),
          updates.map((r) => r.values.email),
          updates.map((r) => r.values.practiceMode),
          updates.map((r) => JSON.stringify(r.imported)),
          updates.map((r) => r.changed),
        ],
      );
    }
    if (history.length > 0) {
      // The person's page tells what each later import did to them (person_history, as every module does).
      // Their creation is not a line here: it is the row's import_id, 1 column instead of 1 row per person.
      await this.runner.query(
        `INSERT INTO person_history (tenant_id, id, professional_id, kind, summary, details, actor_id)
         SELECT $1, gen_random_uuid(), u.professional_id, u.kind, u.summary, jsonb_build_object('importId', $2::uuid, 'fields', u.fields), $3
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::jsonb[]) AS u(professional_id, kind, summary, fields)`,
        [
          this.tenantId,
          this.importId,
          this.userId,
          history.map((h) => h.professionalId),
          history.map((h) => h.kind),
          history.map((h) => h.summary),
          history.map((h) => JSON.stringify(h.fields)),
        ],
      );
    }
  }

  report(): { created: number; updated: number; unchanged: number; conflicts: Conflict[] } {
    const count = (outcome: Outcome) => [...this.outcomes.values()].filter((o) => o === outcome).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), conflicts: [...this.conflicts.values()] };
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
