import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { searchKey } from '@cpts/platform-core';
import type { Logger } from '@cpts/platform-observability';
import type { DirectoryImportJob } from '@cpts/platform-queue';
import { UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { DataSource, QueryRunner } from 'typeorm';
import { normalizeFrenchPhone } from '../identifiers';
import { parseRppsExtraction, RppsActivity, RppsFormatError, RppsRejection } from '../rpps';
import { ImportProgress } from './import-progress';
import { importFilePath } from './import-files';

/** The fields an import fills in, in the order the report lists them. */
export const IMPORTED_FIELDS = ['lastName', 'firstName', 'professionCode', 'communeCode', 'structureName', 'phone', 'email', 'practiceMode'] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];
export type ImportedValues = Record<ImportedField, string | null>;

const COLUMN: Record<ImportedField, string> = {
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
 * Memory: the file is streamed; what is held is one activity per professional
 * of the territory (tens of thousands at most), to choose each one's main
 * practice (the liberal one first) when the file has several lines.
 */
export class RppsImportProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadDir: string,
    private readonly logger: Logger,
  ) {}

  async process(job: Job<DirectoryImportJob>): Promise<void> {
    const { tenantId, importId } = job.data;
    const progress = new ImportProgress(this.dataSource, tenantId, importId);
    const started = await progress.start();
    if (!started) return; // done or failed already (a job delivered twice)
    const path = importFilePath(this.uploadDir, tenantId, importId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let finished = false;
    try {
      await runner.query('START TRANSACTION');
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const report = await this.importInto(runner, tenantId, importId, started.createdBy, path, progress);
      await progress.settle();
      await runner.query(
        `UPDATE directory_imports SET status = 'done', finished_at = now(), bytes_read = $3, lines_read = $4, kept = $5, created = $6, updated = $7,
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
      if (finished) await rm(path, { force: true });
    }
  }

  private async importInto(runner: QueryRunner, tenantId: string, importId: string, userId: string | null, path: string, progress: ImportProgress) {
    const [tenant] = await runner.query(`SELECT commune_codes FROM tenants WHERE id = $1`, [tenantId]);
    const territory = new Set<string>(tenant?.commune_codes ?? []);
    const professions = new Set<string>((await runner.query(`SELECT code FROM professions`)).map((r: { code: string }) => r.code));
    const rejections: RppsRejection[] = [];
    const people = new Map<string, RppsActivity>();
    let kept = 0;
    let linesRead = 0;
    let bytesRead = 0;
    const activities = parseRppsExtraction(path, {
      keep: (communeCode) => territory.has(communeCode),
      onRejected: (r) => rejections.push(r),
      onLine: (lines, bytes) => {
        linesRead = Math.max(lines - 1, 0); // the header is no professional's line
        bytesRead = bytes;
        progress.report({ linesRead: lines, bytesRead: bytes, kept });
      },
    });
    for await (const activity of activities) {
      if (!professions.has(activity.professionCode)) {
        rejections.push({ line: activity.line, reason: `Profession inconnue de la plateforme (code ${activity.professionCode}).` });
        continue;
      }
      if (activity.lastName.length > 100 || activity.firstName.length > 100) {
        rejections.push({ line: activity.line, reason: 'Nom ou prénom de plus de 100 caractères.' });
        continue;
      }
      kept++;
      // One professional per RPPS number: the liberal practice first, else the first line.
      const previous = people.get(activity.rpps);
      if (!previous || (previous.practiceMode !== 'L' && activity.practiceMode === 'L')) people.set(activity.rpps, activity);
    }
    progress.report({ linesRead, bytesRead, kept });

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const conflicts: Conflict[] = [];
    const all = [...people.values()];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const result = await this.mergeBatch(runner, tenantId, userId, batch);
      created += result.created;
      updated += result.updated;
      unchanged += result.unchanged;
      conflicts.push(...result.conflicts);
    }
    await this.storeIssues(runner, tenantId, importId, rejections, conflicts);
    return { linesRead, bytesRead, kept, created, updated, unchanged, rejected: rejections.length, conflicts: conflicts.length };
  }

  private async mergeBatch(runner: QueryRunner, tenantId: string, userId: string | null, batch: RppsActivity[]) {
    const rows: Array<Record<string, unknown>> = await runner.query(
      `SELECT id, rpps, ${IMPORTED_FIELDS.map((f) => `${COLUMN[f]} AS "${f}"`).join(', ')}, imported
       FROM professionals WHERE tenant_id = $1 AND rpps = ANY($2)`,
      [tenantId, batch.map((a) => a.rpps)],
    );
    const existing = new Map<string, Existing>(
      rows.map((r) => [
        r.rpps as string,
        {
          id: r.id as string,
          rpps: r.rpps as string,
          current: Object.fromEntries(IMPORTED_FIELDS.map((f) => [f, (r[f] as string | null) ?? null])) as ImportedValues,
          imported: (r.imported as ImportedValues | null) ?? null,
        },
      ]),
    );
    const inserts: Array<{ id: string; values: ImportedValues; rpps: string }> = [];
    const updates: Array<{ id: string; values: ImportedValues; imported: ImportedValues; changed: boolean }> = [];
    const conflicts: Conflict[] = [];
    let unchanged = 0;
    for (const activity of batch) {
      const incoming = valuesOf(activity);
      const found = existing.get(activity.rpps);
      if (!found) {
        inserts.push({ id: randomUUID(), values: incoming, rpps: activity.rpps });
        continue;
      }
      const merged = mergeFields(found.current, found.imported, incoming);
      for (const field of merged.conflicts) conflicts.push({ professionalId: found.id, field, current: found.current[field], imported: incoming[field] });
      const changed = IMPORTED_FIELDS.some((f) => merged.next[f] !== found.current[f]);
      const importedChanged = !found.imported || IMPORTED_FIELDS.some((f) => found.imported?.[f] !== incoming[f]);
      if (changed || importedChanged) updates.push({ id: found.id, values: merged.next, imported: incoming, changed });
      if (!changed && merged.conflicts.length === 0) unchanged++;
    }
    if (inserts.length > 0) {
      await runner.query(
        `INSERT INTO professionals (tenant_id, id, rpps, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email,
           practice_mode, imported, imported_at, created_by, updated_by)
         SELECT $1, u.id, u.rpps, u.last_name, u.first_name, u.search_name, u.profession_code, u.commune_code, u.structure_name, u.phone, u.email,
           u.practice_mode, u.imported, now(), $2, $2
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::jsonb[])
           AS u(id, rpps, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email, practice_mode, imported)`,
        [
          tenantId,
          userId,
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
        ],
      );
    }
    if (updates.length > 0) {
      await runner.query(
        `UPDATE professionals p SET last_name = u.last_name, first_name = u.first_name, search_name = u.search_name, profession_code = u.profession_code,
           commune_code = u.commune_code, structure_name = u.structure_name, phone = u.phone, email = u.email, practice_mode = u.practice_mode,
           imported = u.imported, imported_at = now(),
           updated_at = CASE WHEN u.changed THEN now() ELSE p.updated_at END,
           updated_by = CASE WHEN u.changed THEN $2 ELSE p.updated_by END
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::jsonb[], $14::bool[])
           AS u(id, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email, practice_mode, imported, changed)
         WHERE p.tenant_id = $1 AND p.id = u.id`,
        [
          tenantId,
          userId,
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
    return { created: inserts.length, updated: updates.filter((u) => u.changed).length, unchanged, conflicts };
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
