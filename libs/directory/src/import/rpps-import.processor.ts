import { randomUUID } from 'node:crypto';
import { access, rm } from 'node:fs/promises';
import { searchKey } from '@cpts/platform-core';
import type { Logger } from '@cpts/platform-observability';
import type { DirectoryImportJob } from './directory-import.job';
import { UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { DataSource, QueryRunner } from 'typeorm';
import { fieldList } from '../field-labels';
import { normalizeFrenchPhone } from '../identifiers';
import { parseRppsExtraction, RppsActivity, RppsFormatError, RppsRejection } from '../rpps';
import { IMPORTED_FIELDS, ImportedField, mergeFields, PERSON_COLUMN, PERSON_FIELDS, PersonValues, sameValues, SITE_COLUMN, SITE_FIELDS, SiteValues } from './import-fields';
import { ImportProgress } from './import-progress';
import { importFilePath, UPLOAD_INTERRUPTED_MESSAGE } from './import-files';
import { erasedRppsHash } from '../gdpr/erased-identifiers';

/** Issues kept per import (all are counted); beyond, the report says how many were left out. */
const MAX_STORED_ISSUES = 10_000;
/** Rows per INSERT or UPDATE statement. */
const BATCH = 1000;

export interface Conflict {
  professionalId: string;
  /** The site of a site field's conflict. */
  siteId: string | null;
  field: ImportedField;
  current: string | null;
  imported: string | null;
}

/** The values of the last import on a person: their fields, and the key of the site that import made their main one. */
type PersonImported = PersonValues & { mainSite?: string | null };

interface SiteIds {
  structureId: string | null;
  siret: string | null;
  siren: string | null;
  finess: string | null;
  finessLegal: string | null;
}

interface KnownSite {
  id: string;
  key: string | null;
  source: 'import' | 'manual';
  current: SiteValues;
  imported: SiteValues | null;
  ids: SiteIds;
  retired: boolean;
}

interface Existing {
  id: string;
  rpps: string;
  current: PersonValues;
  imported: PersonImported | null;
  mainSiteId: string | null;
  sites: KnownSite[];
}

interface IncomingSite {
  key: string;
  values: SiteValues;
  ids: SiteIds;
}

/** These fields of a row of values (a missing one is null). */
function pick<F extends string>(fields: readonly F[], values: Partial<Record<F, string | null>>): Record<F, string | null> {
  const out = {} as Record<F, string | null>;
  for (const f of fields) out[f] = values[f] ?? null;
  return out;
}

function personValuesOf(activity: RppsActivity): PersonValues {
  return { lastName: activity.lastName, firstName: activity.firstName, professionCode: activity.professionCode, email: activity.email };
}

function siteValuesOf(activity: RppsActivity): SiteValues {
  return {
    structureName: activity.structureName,
    address: activity.address,
    postalCode: activity.postalCode,
    communeCode: activity.communeCode,
    phone: activity.phone ? normalizeFrenchPhone(activity.phone) : null,
    practiceMode: activity.practiceMode,
  };
}

const SITE_IDS = ['structureId', 'siret', 'siren', 'finess', 'finessLegal'] as const;
const idsOf = (activity: RppsActivity): SiteIds => ({
  structureId: activity.structureId,
  siret: activity.siret,
  siren: activity.siren,
  finess: activity.finess,
  finessLegal: activity.finessLegal,
});

/**
 * A person's lines of the extraction as what the directory keeps: the main
 * line (the liberal practice first, else the first line: the person's fields
 * and their main site come from it), and one site per site key, in the order
 * the lines come (a key seen twice keeps its liberal line, else its first).
 */
function practiceOf(lines: RppsActivity[]): { main: RppsActivity; sites: IncomingSite[] } {
  const main = lines.find((l) => l.practiceMode === 'L') ?? lines[0];
  const byKey = new Map<string, RppsActivity>();
  for (const line of lines) {
    const seen = byKey.get(line.siteKey);
    if (!seen || (seen.practiceMode !== 'L' && line.practiceMode === 'L')) byKey.set(line.siteKey, line);
  }
  return { main, sites: [...byKey.values()].map((l) => ({ key: l.siteKey, values: siteValuesOf(l), ids: idsOf(l) })) };
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
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
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
    const merge = await DirectoryMerge.open(runner, tenantId, importId, userId, communeNames);
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
    const write = async (batch: RppsActivity[][]) => {
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

type Outcome = 'created' | 'updated' | 'unchanged' | 'conflicted';

interface HistoryLine {
  professionalId: string;
  kind: 'import.updated' | 'import.conflict';
  summary: string;
  fields: ImportedField[];
}

interface SiteRowWrite extends IncomingSite {
  id: string;
  professionalId: string;
}

interface SiteUpdate {
  id: string;
  key: string;
  values: SiteValues;
  imported: SiteValues;
  ids: SiteIds;
  changed: boolean;
}

interface PersonUpdate {
  id: string;
  values: PersonValues;
  imported: PersonImported;
  mainSiteId: string;
  changed: boolean;
}

/**
 * The directory side of one import: the CPTS's professionals with an RPPS
 * number and their practice sites, read once at the start (bounded by the
 * territory, like the import itself), then batches of people, each with all
 * their lines, written against them in the import's transaction. A person
 * written twice (a later line of theirs) keeps one outcome and their latest
 * conflicts.
 *
 * Sites: each incoming site is matched by its key (siteKeyOf) among the
 * person's sites, retired ones included (a site back in the extraction is the
 * same row again); a person's main site without a key (imported before sites
 * had keys, or typed by hand) is the extraction's main site. A matched site
 * is merged field by field like the person (hand edits kept, conflicts
 * reported); an unmatched one is added; an imported site the extraction no
 * longer lists is retired (kept, no longer current); a site typed by hand is
 * never retired. The main site is the extraction's (liberal first), unless
 * the staff chose another one since the last import and it is still current.
 */
class DirectoryMerge {
  private readonly outcomes = new Map<string, Outcome>();
  /** The main line of each person this import wrote: a later line of theirs only adds a site, or becomes the main one. */
  private readonly mains = new Map<string, { mode: RppsActivity['practiceMode']; key: string }>();
  private readonly conflicts = new Map<string, Conflict[]>();

  private constructor(
    private readonly runner: QueryRunner,
    private readonly tenantId: string,
    private readonly importId: string,
    private readonly userId: string | null,
    private readonly communeNames: Map<string, string>,
    private readonly rows: Map<string, Existing>,
  ) {}

  static async open(runner: QueryRunner, tenantId: string, importId: string, userId: string | null, communeNames: Map<string, string>): Promise<DirectoryMerge> {
    const rows: Array<Record<string, unknown>> = await runner.query(
      `SELECT id, rpps, ${PERSON_FIELDS.map((f) => `${PERSON_COLUMN[f]} AS "${f}"`).join(', ')}, imported, main_site_id AS "mainSiteId"
       FROM professionals WHERE tenant_id = $1 AND rpps IS NOT NULL`,
      [tenantId],
    );
    const existing = new Map<string, Existing>();
    const byId = new Map<string, Existing>();
    for (const r of rows) {
      const person: Existing = {
        id: r.id as string,
        rpps: r.rpps as string,
        current: pick(PERSON_FIELDS, r as Partial<PersonValues>),
        imported: (r.imported as PersonImported | null) ?? null,
        mainSiteId: (r.mainSiteId as string | null) ?? null,
        sites: [],
      };
      existing.set(person.rpps, person);
      byId.set(person.id, person);
    }
    // Every site of the CPTS, attached here to the people with an RPPS number: one scan, no join, whose plan
    // cannot go wrong when the statistics still say the directory is empty (a first import just committed).
    const sites: Array<Record<string, unknown>> = await runner.query(
      `SELECT professional_id AS "professionalId", id, site_key AS key, source, retired_at IS NOT NULL AS retired, imported,
              ${SITE_FIELDS.map((f) => `${SITE_COLUMN[f]} AS "${f}"`).join(', ')}, structure_id AS "structureId", siret, siren, finess, finess_legal AS "finessLegal"
       FROM professional_sites WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    );
    for (const r of sites) {
      byId.get(r.professionalId as string)?.sites.push({
        id: r.id as string,
        key: (r.key as string | null) ?? null,
        source: r.source as KnownSite['source'],
        current: pick(SITE_FIELDS, r as Partial<SiteValues>),
        imported: (r.imported as SiteValues | null) ?? null,
        ids: pick(SITE_IDS, r as Partial<SiteIds>) as unknown as SiteIds,
        retired: r.retired as boolean,
      });
    }
    return new DirectoryMerge(runner, tenantId, importId, userId, communeNames, existing);
  }


  private siteName(values: SiteValues): string {
    const commune = values.communeCode ? (this.communeNames.get(values.communeCode) ?? values.communeCode) : null;
    return `« ${[values.structureName, commune].filter(Boolean).join(', ')} »`;
  }

  async write(batch: RppsActivity[][]): Promise<void> {
    const personInserts: Array<{ id: string; rpps: string; values: PersonValues; imported: PersonImported; mainSiteId: string; main: SiteValues }> = [];
    const personUpdates: PersonUpdate[] = [];
    const siteInserts: SiteRowWrite[] = [];
    const siteUpdates: SiteUpdate[] = [];
    const retired: string[] = [];
    const history: HistoryLine[] = [];
    for (const lines of batch) {
      const rpps = lines[0].rpps;
      const { main, sites: incoming } = practiceOf(lines);
      const found = this.rows.get(rpps);
      // A person this import already wrote: these are later lines of theirs (a file not sorted by person).
      // Their main line stays unless a later one is the liberal practice it was not; nothing is retired.
      const prior = this.mains.get(rpps);
      const mainWins = !prior || (prior.mode !== 'L' && main.practiceMode === 'L');
      const mainKey = mainWins ? main.siteKey : (prior as { key: string }).key;
      if (mainWins) this.mains.set(rpps, { mode: main.practiceMode, key: main.siteKey });
      const personIn = mainWins || !found?.imported ? personValuesOf(main) : pick(PERSON_FIELDS, found.imported);
      if (!found) {
        const id = randomUUID();
        const sites = incoming.map((s) => ({ ...s, id: randomUUID(), professionalId: id }));
        const mainSite = sites.find((s) => s.key === main.siteKey) as SiteRowWrite;
        const imported: PersonImported = { ...personIn, mainSite: mainSite.key };
        personInserts.push({ id, rpps, values: personIn, imported, mainSiteId: mainSite.id, main: mainSite.values });
        siteInserts.push(...sites);
        this.rows.set(rpps, {
          id,
          rpps,
          current: personIn,
          imported,
          mainSiteId: mainSite.id,
          sites: sites.map((s) => ({ id: s.id, key: s.key, source: 'import', current: s.values, imported: s.values, ids: s.ids, retired: false })),
        });
        this.outcomes.set(rpps, 'created');
        continue;
      }
      // A person created by this very import (a later line of theirs) has no history to tell yet.
      const createdNow = this.outcomes.get(rpps) === 'created';
      const merged = mergeFields(PERSON_FIELDS, found.current, found.imported, personIn);
      const conflicts: Conflict[] = merged.conflicts.map((field) => ({ professionalId: found.id, siteId: null, field, current: found.current[field], imported: personIn[field] }));
      const changedFields: ImportedField[] = merged.next === found.current ? [] : PERSON_FIELDS.filter((f) => merged.next[f] !== found.current[f]);
      const events: string[] = [];

      // A person has a few sites: searched in place rather than indexed.
      const siteWithKey = (key: string) => found.sites.find((s) => s.key === key);
      const currentMain = found.sites.find((s) => s.id === found.mainSiteId && !s.retired);
      const matched: KnownSite[] = [];
      let incomingMain: KnownSite | undefined;
      for (const site of incoming) {
        let row = siteWithKey(site.key);
        if (!row && site.key === mainKey && currentMain && currentMain.key === null) row = currentMain;
        if (!row) {
          const id = randomUUID();
          siteInserts.push({ ...site, id, professionalId: found.id });
          row = { id, key: site.key, source: 'import', current: site.values, imported: site.values, ids: site.ids, retired: false };
          found.sites.push(row);
          events.push(`lieu ajouté ${this.siteName(site.values)}`);
        } else {
          const m = mergeFields(SITE_FIELDS, row.current, row.imported, site.values);
          for (const field of m.conflicts) conflicts.push({ professionalId: found.id, siteId: row.id, field, current: row.current[field], imported: site.values[field] });
          const siteChanged = m.next === row.current ? [] : SITE_FIELDS.filter((f) => m.next[f] !== (row as KnownSite).current[f]);
          changedFields.push(...siteChanged);
          if (row.retired) events.push(`lieu de retour ${this.siteName(m.next)}`);
          const keyOrIdsChanged = row.key !== site.key || SITE_IDS.some((f) => (row as KnownSite).ids[f] !== site.ids[f]);
          if (siteChanged.length > 0 || row.retired || keyOrIdsChanged || !sameValues(SITE_FIELDS, row.imported, site.values)) {
            siteUpdates.push({ id: row.id, key: site.key, values: m.next, imported: site.values, ids: site.ids, changed: siteChanged.length > 0 || row.retired });
          }
          row.key = site.key;
          row.current = m.next;
          row.imported = site.values;
          row.ids = site.ids;
          row.retired = false;
        }
        matched.push(row);
        if (site.key === mainKey) incomingMain = row;
      }
      for (const row of found.sites) {
        // A site the staff typed by hand is theirs: an import never retires it.
        if (prior || matched.includes(row) || row.retired || row.source !== 'import') continue;
        retired.push(row.id);
        row.retired = true;
        events.push(`lieu retiré ${this.siteName(row.current)}`);
      }
      // The main site is the extraction's, unless the staff chose another one since the last import.
      const chosenByHand = currentMain !== undefined && found.imported?.mainSite !== undefined && currentMain.key !== found.imported.mainSite;
      incomingMain ??= siteWithKey(mainKey); // a later line that is not the main one: the main site was written before
      const mainSite = chosenByHand && !(currentMain as KnownSite).retired ? (currentMain as KnownSite) : (incomingMain as KnownSite);
      if (mainSite.id !== found.mainSiteId) events.push(`lieu principal ${this.siteName(mainSite.current)}`);

      const fields = changedFields.length === 0 ? changedFields : IMPORTED_FIELDS.filter((f) => changedFields.includes(f));
      const changed = fields.length > 0 || events.length > 0;
      if (changed && !createdNow) {
        const parts = [fields.length > 0 ? fieldList(fields) : null, ...events].filter(Boolean);
        history.push({ professionalId: found.id, kind: 'import.updated', summary: `Mise à jour par l'import de l'Annuaire Santé : ${parts.join(' ; ')}.`, fields });
      }
      if (conflicts.length > 0 && !createdNow) {
        const conflictFields = IMPORTED_FIELDS.filter((f) => conflicts.some((c) => c.field === f));
        history.push({
          professionalId: found.id,
          kind: 'import.conflict',
          summary: `Import de l'Annuaire Santé : modification à la main conservée (${fieldList(conflictFields)}) ; l'extraction indique une autre valeur.`,
          fields: conflictFields,
        });
      }
      // The person's latest conflicts replace those of an earlier write of theirs in this import.
      if (conflicts.length > 0 || this.conflicts.has(found.id)) this.conflicts.set(found.id, conflicts);
      const importedChanged = !sameValues(PERSON_FIELDS, found.imported, personIn) || found.imported?.mainSite !== mainKey;
      const imported: PersonImported = importedChanged || !found.imported ? { ...personIn, mainSite: mainKey } : found.imported;
      if (changed || importedChanged) personUpdates.push({ id: found.id, values: merged.next, imported, mainSiteId: mainSite.id, changed });
      found.current = merged.next;
      found.imported = imported;
      found.mainSiteId = mainSite.id;
      const before = this.outcomes.get(rpps);
      if (before === 'created') continue; // created by this import: a later line only completes it
      if (changed) this.outcomes.set(rpps, 'updated');
      else if (before !== 'updated') this.outcomes.set(rpps, conflicts.length > 0 ? 'conflicted' : 'unchanged');
    }
    await this.insertPeople(personInserts);
    await this.insertSites(siteInserts);
    await this.updateSites(siteUpdates);
    if (retired.length > 0) {
      await this.runner.query(`UPDATE professional_sites SET retired_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [this.tenantId, retired]);
    }
    // After the sites: a new main site is current when the trigger copies its values (ProfessionalSites1795401700000).
    await this.updatePeople(personUpdates);
    await this.recordHistory(history);
  }

  private async insertPeople(rows: Array<{ id: string; rpps: string; values: PersonValues; imported: PersonImported; mainSiteId: string; main: SiteValues }>): Promise<void> {
    if (rows.length === 0) return;
    // The main site's values are written with the row (the copy the trigger keeps in step afterwards).
    await this.runner.query(
      `INSERT INTO professionals (tenant_id, id, rpps, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email,
         practice_mode, imported, imported_at, created_by, updated_by, import_id, main_site_id)
       SELECT $1, u.id, u.rpps, u.last_name, u.first_name, u.search_name, u.profession_code, u.commune_code, u.structure_name, u.phone, u.email,
         u.practice_mode, u.imported, now(), $2, $2, $3, u.main_site_id
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::jsonb[], $16::uuid[])
         AS u(id, rpps, last_name, first_name, search_name, profession_code, commune_code, structure_name, phone, email, practice_mode, imported, main_site_id)`,
      [
        this.tenantId,
        this.userId,
        this.importId,
        rows.map((r) => r.id),
        rows.map((r) => r.rpps),
        rows.map((r) => r.values.lastName),
        rows.map((r) => r.values.firstName),
        rows.map((r) => searchKey(`${r.values.lastName} ${r.values.firstName}`)),
        rows.map((r) => r.values.professionCode),
        rows.map((r) => r.main.communeCode),
        rows.map((r) => r.main.structureName),
        rows.map((r) => r.main.phone),
        rows.map((r) => r.values.email),
        rows.map((r) => r.main.practiceMode),
        rows.map((r) => JSON.stringify(r.imported)),
        rows.map((r) => r.mainSiteId),
      ],
    );
  }

  private async insertSites(rows: SiteRowWrite[]): Promise<void> {
    if (rows.length === 0) return;
    await this.runner.query(
      `INSERT INTO professional_sites (tenant_id, id, professional_id, site_key, source, structure_name, address, postal_code, commune_code, phone, practice_mode,
         structure_id, siret, siren, finess, finess_legal, imported)
       SELECT $1, u.id, u.professional_id, u.site_key, 'import', u.structure_name, u.address, u.postal_code, u.commune_code, u.phone, u.practice_mode,
         u.structure_id, u.siret, u.siren, u.finess, u.finess_legal, u.imported
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::jsonb[])
         AS u(id, professional_id, site_key, structure_name, address, postal_code, commune_code, phone, practice_mode, structure_id, siret, siren, finess, finess_legal, imported)`,
      [
        this.tenantId,
        rows.map((r) => r.id),
        rows.map((r) => r.professionalId),
        rows.map((r) => r.key),
        ...SITE_FIELDS.map((f) => rows.map((r) => r.values[f])),
        ...SITE_IDS.map((f) => rows.map((r) => r.ids[f])),
        rows.map((r) => JSON.stringify(r.values)),
      ],
    );
  }

  private async updateSites(rows: SiteUpdate[]): Promise<void> {
    if (rows.length === 0) return;
    await this.runner.query(
      `UPDATE professional_sites s SET site_key = u.site_key, structure_name = u.structure_name, address = u.address, postal_code = u.postal_code, commune_code = u.commune_code,
         phone = u.phone, practice_mode = u.practice_mode, structure_id = u.structure_id, siret = u.siret, siren = u.siren, finess = u.finess, finess_legal = u.finess_legal,
         imported = u.imported, retired_at = NULL, updated_at = CASE WHEN u.changed THEN now() ELSE s.updated_at END
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::jsonb[], $16::bool[])
         AS u(id, site_key, structure_name, address, postal_code, commune_code, phone, practice_mode, structure_id, siret, siren, finess, finess_legal, imported, changed)
       WHERE s.tenant_id = $1 AND s.id = u.id`,
      [
        this.tenantId,
        rows.map((r) => r.id),
        rows.map((r) => r.key),
        ...SITE_FIELDS.map((f) => rows.map((r) => r.values[f])),
        ...SITE_IDS.map((f) => rows.map((r) => r.ids[f])),
        rows.map((r) => JSON.stringify(r.imported)),
        rows.map((r) => r.changed),
      ],
    );
  }

  private async updatePeople(rows: PersonUpdate[]): Promise<void> {
    if (rows.length === 0) return;
    await this.runner.query(
      `UPDATE professionals p SET last_name = u.last_name, first_name = u.first_name, search_name = u.search_name, profession_code = u.profession_code,
         email = u.email, main_site_id = u.main_site_id, imported = u.imported, imported_at = now(),
         updated_at = CASE WHEN u.changed THEN now() ELSE p.updated_at END,
         updated_by = CASE WHEN u.changed THEN $2 ELSE p.updated_by END
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::jsonb[], $11::bool[])
         AS u(id, last_name, first_name, search_name, profession_code, email, main_site_id, imported, changed)
       WHERE p.tenant_id = $1 AND p.id = u.id`,
      [
        this.tenantId,
        this.userId,
        rows.map((r) => r.id),
        rows.map((r) => r.values.lastName),
        rows.map((r) => r.values.firstName),
        rows.map((r) => searchKey(`${r.values.lastName} ${r.values.firstName}`)),
        rows.map((r) => r.values.professionCode),
        rows.map((r) => r.values.email),
        rows.map((r) => r.mainSiteId),
        rows.map((r) => JSON.stringify(r.imported)),
        rows.map((r) => r.changed),
      ],
    );
  }

  private async recordHistory(history: HistoryLine[]): Promise<void> {
    if (history.length === 0) return;
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

  report(): { created: number; updated: number; unchanged: number; conflicts: Conflict[] } {
    const count = (outcome: Outcome) => [...this.outcomes.values()].filter((o) => o === outcome).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), conflicts: [...this.conflicts.values()].flat() };
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
