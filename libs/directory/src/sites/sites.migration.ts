import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * A professional's practice sites (several per person: a liberal practice
 * and a hospital, two offices...). The sites are the source of truth for
 * where a person practises; `professionals.commune_code, structure_name,
 * phone, practice_mode` are the MAIN site's values (`main_site_id`), copied
 * by the triggers below in the statement that changes them, so every list,
 * count and module that reads them stays right without knowing of sites.
 *  - A professional inserted without a main site (entered by hand, the CSV
 *    import, seeds) gets one made of those values (source `manual`).
 *  - Changing `main_site_id` copies the new main site's values (and refuses a
 *    site that is not a current site of that person).
 *  - Changing the main site's values copies them.
 * Nothing else writes those four columns, but the national import (which
 * inserts a person with their main site's values) and the erasure (which
 * empties them).
 *
 * `main_site_id` has no foreign key: the import inserts people and their
 * sites in two statements per batch, and a check per row would be paid on
 * its hot path; the trigger checks it whenever it changes.
 */
export class ProfessionalSites1795401700000 implements MigrationInterface {
  name = 'ProfessionalSites1795401700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE professional_sites (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        professional_id uuid NOT NULL,
        site_key text NULL,
        source text NOT NULL CHECK (source IN ('import', 'manual')),
        structure_name text NULL CHECK (length(structure_name) <= 200),
        address text NULL CHECK (length(address) <= 300),
        postal_code text NULL CHECK (length(postal_code) <= 10),
        commune_code text NOT NULL REFERENCES communes (insee_code),
        phone text NULL,
        practice_mode text NULL CHECK (practice_mode IN ('L', 'S', 'B')),
        structure_id text NULL,
        siret text NULL,
        siren text NULL,
        finess text NULL,
        finess_legal text NULL,
        imported jsonb NULL,
        retired_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id)
      )`);
    // One row per site of the extraction and person: a site retired and back again is the same row.
    await runner.query(
      `CREATE UNIQUE INDEX professional_sites_key ON professional_sites (tenant_id, professional_id, site_key) WHERE site_key IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX professional_sites_person_idx ON professional_sites (tenant_id, professional_id)`);
    // Filters by commune (directory, campaigns) look for a current site there.
    await runner.query(
      `CREATE INDEX professional_sites_commune_idx ON professional_sites (tenant_id, commune_code, professional_id) WHERE retired_at IS NULL`,
    );
    await enableTenantRls(runner, 'professional_sites');
    await runner.query(`ALTER TABLE professionals ADD COLUMN main_site_id uuid NULL`);
    await runner.query(`ALTER TABLE directory_import_issues ADD COLUMN site_id uuid NULL`);

    // Every existing professional gets their one site, as the main one: imported people's with the
    // site part of their last import's values (so hand edits stay hand edits); the import matches it
    // to the main site of the next extraction (it has no key yet). Row-level security is forced on the
    // owner too: lifted for these statements only, inside this migration's transaction. Before the
    // triggers exist, so the backfill costs no trigger call per row; without the pool's 15 s statement
    // limit, which a region's directory (100 CPTS x 900, a busy 2-core machine) exceeded.
    await runner.query(`SET LOCAL statement_timeout = 0`);
    for (const table of ['professionals', 'professional_sites', 'directory_import_issues'])
      await runner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    await runner.query(`
      INSERT INTO professional_sites (tenant_id, id, professional_id, source, structure_name, commune_code, phone, practice_mode, imported, created_at, updated_at)
      SELECT tenant_id, gen_random_uuid(), id, CASE WHEN imported IS NULL THEN 'manual' ELSE 'import' END, structure_name, commune_code, phone, practice_mode,
             CASE WHEN imported IS NOT NULL THEN jsonb_build_object('structureName', imported -> 'structureName', 'address', NULL, 'postalCode', NULL,
               'communeCode', imported -> 'communeCode', 'phone', imported -> 'phone', 'practiceMode', imported -> 'practiceMode') END,
             created_at, updated_at
      FROM professionals`);
    await runner.query(`
      UPDATE professionals p SET main_site_id = s.id, imported = p.imported - 'structureName' - 'communeCode' - 'phone' - 'practiceMode'
      FROM professional_sites s WHERE s.tenant_id = p.tenant_id AND s.professional_id = p.id`);
    // Open conflicts on those fields are about that site.
    await runner.query(`
      UPDATE directory_import_issues i SET site_id = p.main_site_id FROM professionals p
      WHERE p.tenant_id = i.tenant_id AND p.id = i.professional_id AND i.field IN ('structureName', 'communeCode', 'phone', 'practiceMode')`);
    for (const table of ['professionals', 'professional_sites', 'directory_import_issues'])
      await runner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);

    await runner.query(`
      CREATE FUNCTION professional_main_site_create() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE site uuid := gen_random_uuid();
      BEGIN
        INSERT INTO professional_sites (tenant_id, id, professional_id, source, structure_name, commune_code, phone, practice_mode, created_at, updated_at)
        VALUES (NEW.tenant_id, site, NEW.id, 'manual', NEW.structure_name, NEW.commune_code, NEW.phone, NEW.practice_mode, NEW.created_at, NEW.created_at);
        UPDATE professionals SET main_site_id = site WHERE tenant_id = NEW.tenant_id AND id = NEW.id;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER professionals_main_site_create AFTER INSERT ON professionals
      FOR EACH ROW WHEN (NEW.main_site_id IS NULL) EXECUTE FUNCTION professional_main_site_create()`);
    await runner.query(`
      CREATE FUNCTION professional_main_site_copy() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT s.commune_code, s.structure_name, s.phone, s.practice_mode INTO NEW.commune_code, NEW.structure_name, NEW.phone, NEW.practice_mode
        FROM professional_sites s
        WHERE s.tenant_id = NEW.tenant_id AND s.id = NEW.main_site_id AND s.professional_id = NEW.id AND s.retired_at IS NULL;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'site % is not a current site of professional %', NEW.main_site_id, NEW.id;
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER professionals_main_site_copy BEFORE UPDATE OF main_site_id ON professionals
      FOR EACH ROW WHEN (NEW.main_site_id IS NOT NULL AND NEW.main_site_id IS DISTINCT FROM OLD.main_site_id) EXECUTE FUNCTION professional_main_site_copy()`);
    await runner.query(`
      CREATE FUNCTION professional_site_copy() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE professionals p SET commune_code = NEW.commune_code, structure_name = NEW.structure_name, phone = NEW.phone, practice_mode = NEW.practice_mode
        WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.professional_id AND p.main_site_id = NEW.id
          AND (p.commune_code, p.structure_name, p.phone, p.practice_mode) IS DISTINCT FROM (NEW.commune_code, NEW.structure_name, NEW.phone, NEW.practice_mode);
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER professional_sites_copy AFTER UPDATE OF commune_code, structure_name, phone, practice_mode ON professional_sites
      FOR EACH ROW WHEN ((NEW.commune_code, NEW.structure_name, NEW.phone, NEW.practice_mode) IS DISTINCT FROM (OLD.commune_code, OLD.structure_name, OLD.phone, OLD.practice_mode))
      EXECUTE FUNCTION professional_site_copy()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER professional_sites_copy ON professional_sites`);
    await runner.query(`DROP TRIGGER professionals_main_site_copy ON professionals`);
    await runner.query(`DROP TRIGGER professionals_main_site_create ON professionals`);
    await runner.query(`DROP FUNCTION professional_site_copy(), professional_main_site_copy(), professional_main_site_create()`);
    await runner.query(`ALTER TABLE directory_import_issues DROP COLUMN site_id`);
    await runner.query(`ALTER TABLE professionals DROP COLUMN main_site_id`);
    await runner.query(`DROP TABLE professional_sites`);
  }
}
