/**
 * The SQL of a directory import on the professionals and their sites: the
 * records read once at the start, then each batch written as the merge rules
 * (rpps-merge-rules.ts) planned it, a few statements per batch (unnest of
 * arrays, not one statement per row), in the import's transaction.
 */
import { searchKey } from '@cpts/platform-core';
import type { QueryRunner } from 'typeorm';
import { PERSON_COLUMN, PERSON_FIELDS, PersonValues, SITE_COLUMN, SITE_FIELDS, SiteValues } from './import-fields';
import {
  BatchWrites,
  Existing,
  HistoryLine,
  KnownSite,
  PersonImported,
  PersonInsert,
  PersonUpdate,
  pick,
  SITE_IDS,
  SiteIds,
  SiteRowWrite,
  SiteUpdate,
} from './rpps-merge-rules';

/** The CPTS's professionals with an RPPS number, by RPPS number, with their practice sites (retired ones included). */
export async function readKnownPeople(runner: QueryRunner, tenantId: string): Promise<Map<string, Existing>> {
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
  return existing;
}

/** The columns last_name, first_name, search_name and profession_code of people written, in this order. */
function nameColumns(rows: Array<{ values: PersonValues }>): Array<Array<string | null>> {
  return [
    rows.map((r) => r.values.lastName),
    rows.map((r) => r.values.firstName),
    rows.map((r) => searchKey(`${r.values.lastName} ${r.values.firstName}`)),
    rows.map((r) => r.values.professionCode),
  ];
}

/** Writes the batches of one import, in its transaction. */
export class RppsBatchWriter {
  constructor(
    private readonly runner: QueryRunner,
    private readonly tenantId: string,
    private readonly importId: string,
    private readonly userId: string | null,
  ) {}

  async write({ personInserts, personUpdates, siteInserts, siteUpdates, retired, history }: BatchWrites): Promise<void> {
    await this.insertPeople(personInserts);
    await this.insertSites(siteInserts);
    await this.updateSites(siteUpdates);
    if (retired.length > 0) {
      await this.runner.query(
        `UPDATE professional_sites SET retired_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [this.tenantId, retired],
      );
    }
    // After the sites: a new main site is current when the trigger copies its values (ProfessionalSites1795401700000).
    await this.updatePeople(personUpdates);
    await this.recordHistory(history);
  }

  private async insertPeople(rows: PersonInsert[]): Promise<void> {
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
        ...nameColumns(rows),
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
        ...nameColumns(rows),
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
}
