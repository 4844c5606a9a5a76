import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

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

export const directoryMigrations = [Professionals1795400500000];
