import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';
import { Memberships1795400800000 } from './memberships/memberships.migration';
import { Consents1795400900000 } from './consents/consents.migration';
import { Duplicates1795401000000 } from './duplicates/duplicates.migration';
import { ProfessionalSites1795401700000 } from './sites/sites.migration';
import { ProfessionalSearchRuns1795402100001 } from './name-search.migration';
import { DirectoryImportAdmission1795401800000 } from './import/import-admission.migration';

export class Professionals1795400500000 implements MigrationInterface {
  name = 'Professionals1795400500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE professionals (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        search_name text NOT NULL,
        profession_code text NOT NULL REFERENCES professions (code),
        rpps text NULL CHECK (rpps ~ '^[0-9]{11}$'),
        commune_code text NOT NULL REFERENCES communes (insee_code),
        structure_name text NULL,
        email text NULL,
        phone text NULL,
        archived_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX professionals_rpps_key ON professionals (tenant_id, rpps) WHERE rpps IS NOT NULL`);
    await runner.query(`CREATE INDEX professionals_name_idx ON professionals (tenant_id, search_name, id)`);
    await runner.query(`CREATE INDEX professionals_profession_idx ON professionals (tenant_id, profession_code)`);
    await runner.query(`CREATE INDEX professionals_commune_idx ON professionals (tenant_id, commune_code)`);
    await enableTenantRls(runner, 'professionals');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE professionals`);
  }
}

/**
 * Imports of the national directory (RPPS extraction): the import itself
 * (status, progress, report counts), its issues (rejected lines, fields the
 * staff edited by hand that the extraction would change), and on each
 * professional the values of the last import, which tell a hand edit from an
 * imported value on the next import.
 */
export class DirectoryImports1795400600000 implements MigrationInterface {
  name = 'DirectoryImports1795400600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE professionals ADD COLUMN practice_mode text NULL CHECK (practice_mode IN ('L', 'S', 'B'))`);
    await runner.query(`ALTER TABLE professionals ADD COLUMN imported jsonb NULL`);
    await runner.query(`ALTER TABLE professionals ADD COLUMN imported_at timestamptz NULL`);
    await runner.query(`
      CREATE TABLE directory_imports (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        file_name text NOT NULL,
        file_bytes bigint NOT NULL CHECK (file_bytes >= 0),
        extracted_at timestamptz NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        bytes_read bigint NOT NULL DEFAULT 0,
        lines_read int NOT NULL DEFAULT 0,
        kept int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        rejected int NOT NULL DEFAULT 0,
        conflicts int NOT NULL DEFAULT 0,
        error_code text NULL,
        error_message text NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX directory_imports_created_idx ON directory_imports (tenant_id, created_at DESC)`);
    await enableTenantRls(runner, 'directory_imports');
    await runner.query(`
      CREATE TABLE directory_import_issues (
        tenant_id uuid NOT NULL,
        import_id uuid NOT NULL,
        seq int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('rejected', 'conflict')),
        line int NULL,
        reason text NOT NULL,
        professional_id uuid NULL,
        field text NULL,
        current_value text NULL,
        imported_value text NULL,
        PRIMARY KEY (tenant_id, import_id, seq),
        FOREIGN KEY (tenant_id, import_id) REFERENCES directory_imports (tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRls(runner, 'directory_import_issues');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE directory_import_issues`);
    await runner.query(`DROP TABLE directory_imports`);
    await runner.query(`ALTER TABLE professionals DROP COLUMN practice_mode, DROP COLUMN imported, DROP COLUMN imported_at`);
  }
}

/**
 * A person's history: one line per event any module records about a
 * professional (membership renewed, consent withdrawn, merged, data exported,
 * erased...). The merge moves it, the GDPR export includes it, the erasure
 * keeps its kinds and dates and drops its details.
 */
export class PersonHistory1795400700000 implements MigrationInterface {
  name = 'PersonHistory1795400700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_history (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        professional_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind ~ '^[a-z_.]{1,60}$'),
        summary text NOT NULL DEFAULT '',
        details jsonb NOT NULL DEFAULT '{}',
        actor_id uuid NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX person_history_person_idx ON person_history (tenant_id, professional_id, at DESC)`);
    await enableTenantRls(runner, 'person_history');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE person_history`);
  }
}

/** The staff's choice on each conflict of an import report (one click: keep theirs, or take the extraction's). */
export class ImportConflictChoices1795400710000 implements MigrationInterface {
  name = 'ImportConflictChoices1795400710000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE directory_import_issues ADD COLUMN resolution text NULL CHECK (resolution IN ('current', 'imported'))`);
    await runner.query(`ALTER TABLE directory_import_issues ADD COLUMN resolved_at timestamptz NULL`);
    await runner.query(`ALTER TABLE directory_import_issues ADD COLUMN resolved_by uuid NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE directory_import_issues DROP COLUMN resolution, DROP COLUMN resolved_at, DROP COLUMN resolved_by`);
  }
}

/**
 * The import that created a professional. The person's history shows it as
 * its first line; a column written with the row costs nothing, where a
 * history row per created person doubled the time of a first import.
 * No foreign key: it would be one more check per row on the import's hot
 * path, and imports are never deleted.
 */
export class ProfessionalImportOrigin1795401050000 implements MigrationInterface {
  name = 'ProfessionalImportOrigin1795401050000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE professionals ADD COLUMN import_id uuid NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE professionals DROP COLUMN import_id`);
  }
}

/** The RPPS numbers of people erased on request, hashed, so imports do not bring them back (see erased-identifiers.ts). */
export class ErasedIdentifiers1795401070000 implements MigrationInterface {
  name = 'ErasedIdentifiers1795401070000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE erased_identifiers (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        rpps_hash bytea NOT NULL CHECK (length(rpps_hash) = 32),
        erased_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, rpps_hash)
      )`);
    await enableTenantRls(runner, 'erased_identifiers');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erased_identifiers`);
  }
}

export const directoryMigrations = [
  Professionals1795400500000,
  DirectoryImports1795400600000,
  PersonHistory1795400700000,
  ImportConflictChoices1795400710000,
  Memberships1795400800000,
  Consents1795400900000,
  Duplicates1795401000000,
  ProfessionalImportOrigin1795401050000,
  ErasedIdentifiers1795401070000,
  ProfessionalSites1795401700000,
  ProfessionalSearchRuns1795402100001,
  DirectoryImportAdmission1795401800000,
];
