/**
 * The merge rules of a directory import: how the lines of the extraction meet
 * the records of the directory (hand edits kept, conflicts reported, sites
 * matched by their key, the main site chosen, sites retired), and what each
 * person's history says of it. Plain data in and out, no SQL: the batch
 * writer (rpps-batch-writer.ts) reads the records and writes what these rules
 * decide; the processor (rpps-import.processor.ts) runs the job.
 */
import { randomUUID } from 'node:crypto';
import { fieldList } from '../field-labels';
import { normalizeFrenchPhone } from '../identifiers';
import { RppsActivity } from '../rpps';
import {
  IMPORTED_FIELDS,
  ImportedField,
  mergeFields,
  PERSON_FIELDS,
  PersonValues,
  sameValues,
  SITE_FIELDS,
  SiteValues,
} from './import-fields';

export interface Conflict {
  professionalId: string;
  /** The site of a site field's conflict. */
  siteId: string | null;
  field: ImportedField;
  current: string | null;
  imported: string | null;
}

/** The values of the last import on a person: their fields, and the key of the site that import made their main one. */
export type PersonImported = PersonValues & { mainSite?: string | null };

export interface SiteIds {
  structureId: string | null;
  siret: string | null;
  siren: string | null;
  finess: string | null;
  finessLegal: string | null;
}

export interface KnownSite {
  id: string;
  key: string | null;
  source: 'import' | 'manual';
  current: SiteValues;
  imported: SiteValues | null;
  ids: SiteIds;
  retired: boolean;
}

export interface Existing {
  id: string;
  rpps: string;
  current: PersonValues;
  imported: PersonImported | null;
  mainSiteId: string | null;
  sites: KnownSite[];
}

export interface IncomingSite {
  key: string;
  values: SiteValues;
  ids: SiteIds;
}

/** These fields of a row of values (a missing one is null). */
export function pick<F extends string>(fields: readonly F[], values: Partial<Record<F, string | null>>): Record<F, string | null> {
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

export const SITE_IDS = ['structureId', 'siret', 'siren', 'finess', 'finessLegal'] as const;
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

type Outcome = 'created' | 'updated' | 'unchanged' | 'conflicted';

export interface HistoryLine {
  professionalId: string;
  kind: 'import.updated' | 'import.conflict';
  summary: string;
  fields: ImportedField[];
}

export interface SiteRowWrite extends IncomingSite {
  id: string;
  professionalId: string;
}

export interface SiteUpdate {
  id: string;
  key: string;
  values: SiteValues;
  imported: SiteValues;
  ids: SiteIds;
  changed: boolean;
}

export interface PersonUpdate {
  id: string;
  values: PersonValues;
  imported: PersonImported;
  mainSiteId: string;
  changed: boolean;
}

export interface PersonInsert {
  id: string;
  rpps: string;
  values: PersonValues;
  imported: PersonImported;
  mainSiteId: string;
  /** The main site's values, written with the row. */
  main: SiteValues;
}

/** What one batch of people changes in the directory, for the batch writer. */
export interface BatchWrites {
  personInserts: PersonInsert[];
  personUpdates: PersonUpdate[];
  siteInserts: SiteRowWrite[];
  siteUpdates: SiteUpdate[];
  /** Ids of the sites the extraction no longer lists. */
  retired: string[];
  history: HistoryLine[];
}

/**
 * The directory side of one import: the CPTS's professionals with an RPPS
 * number and their practice sites, read once at the start (bounded by the
 * territory, like the import itself), then batches of people, each with all
 * their lines, merged against them: plan() tells what a batch changes, and
 * keeps the records as they will be once it is written. A person written
 * twice (a later line of theirs) keeps one outcome and their latest conflicts.
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
export class DirectoryMerge {
  private readonly outcomes = new Map<string, Outcome>();
  /** The main line of each person this import wrote: a later line of theirs only adds a site, or becomes the main one. */
  private readonly mains = new Map<string, { mode: RppsActivity['practiceMode']; key: string }>();
  private readonly conflicts = new Map<string, Conflict[]>();

  /**
   * @param rows the CPTS's professionals with an RPPS number, by RPPS number,
   *   with their sites (readKnownPeople): kept up to date as batches are planned
   * @param communeNames the territory's commune names, for the history
   */
  constructor(
    private readonly rows: Map<string, Existing>,
    private readonly communeNames: Map<string, string>,
  ) {}

  private siteName(values: SiteValues): string {
    const commune = values.communeCode ? (this.communeNames.get(values.communeCode) ?? values.communeCode) : null;
    return `« ${[values.structureName, commune].filter(Boolean).join(', ')} »`;
  }

  /** What a batch of people (each with all their lines read so far) changes; run in order, one batch after the other is written. */
  plan(batch: RppsActivity[][]): BatchWrites {
    const personInserts: PersonInsert[] = [];
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
          sites: sites.map((s) => ({
            id: s.id,
            key: s.key,
            source: 'import',
            current: s.values,
            imported: s.values,
            ids: s.ids,
            retired: false,
          })),
        });
        this.outcomes.set(rpps, 'created');
        continue;
      }
      // A person created by this very import (a later line of theirs) has no history to tell yet.
      const createdNow = this.outcomes.get(rpps) === 'created';
      const merged = mergeFields(PERSON_FIELDS, found.current, found.imported, personIn);
      const conflicts: Conflict[] = merged.conflicts.map((field) => ({
        professionalId: found.id,
        siteId: null,
        field,
        current: found.current[field],
        imported: personIn[field],
      }));
      const changedFields: ImportedField[] =
        merged.next === found.current ? [] : PERSON_FIELDS.filter((f) => merged.next[f] !== found.current[f]);
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
          for (const field of m.conflicts)
            conflicts.push({ professionalId: found.id, siteId: row.id, field, current: row.current[field], imported: site.values[field] });
          const siteChanged = m.next === row.current ? [] : SITE_FIELDS.filter((f) => m.next[f] !== (row as KnownSite).current[f]);
          changedFields.push(...siteChanged);
          if (row.retired) events.push(`lieu de retour ${this.siteName(m.next)}`);
          const keyOrIdsChanged = row.key !== site.key || SITE_IDS.some((f) => (row as KnownSite).ids[f] !== site.ids[f]);
          if (siteChanged.length > 0 || row.retired || keyOrIdsChanged || !sameValues(SITE_FIELDS, row.imported, site.values)) {
            siteUpdates.push({
              id: row.id,
              key: site.key,
              values: m.next,
              imported: site.values,
              ids: site.ids,
              changed: siteChanged.length > 0 || row.retired,
            });
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
      const chosenByHand =
        currentMain !== undefined && found.imported?.mainSite !== undefined && currentMain.key !== found.imported.mainSite;
      incomingMain ??= siteWithKey(mainKey); // a later line that is not the main one: the main site was written before
      const mainSite = chosenByHand && !(currentMain as KnownSite).retired ? (currentMain as KnownSite) : (incomingMain as KnownSite);
      if (mainSite.id !== found.mainSiteId) events.push(`lieu principal ${this.siteName(mainSite.current)}`);

      const fields = changedFields.length === 0 ? changedFields : IMPORTED_FIELDS.filter((f) => changedFields.includes(f));
      const changed = fields.length > 0 || events.length > 0;
      if (changed && !createdNow) {
        const parts = [fields.length > 0 ? fieldList(fields) : null, ...events].filter(Boolean);
        history.push({
          professionalId: found.id,
          kind: 'import.updated',
          summary: `Mise à jour par l'import de l'Annuaire Santé : ${parts.join(' ; ')}.`,
          fields,
        });
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
    return { personInserts, personUpdates, siteInserts, siteUpdates, retired, history };
  }

  report(): { created: number; updated: number; unchanged: number; conflicts: Conflict[] } {
    const count = (outcome: Outcome) => [...this.outcomes.values()].filter((o) => o === outcome).length;
    return {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      conflicts: [...this.conflicts.values()].flat(),
    };
  }
}
