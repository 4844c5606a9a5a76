import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * Duplicates and merges: on each professional the record it was merged into
 * (its old address redirects there), the pairs the staff said are two
 * different people, and one line per merge with the merged record as it was.
 */
export class Duplicates1795401000000 implements MigrationInterface {
  name = 'Duplicates1795401000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE professionals ADD COLUMN merged_into uuid NULL CHECK (merged_into <> id)`);
    await runner.query(`ALTER TABLE professionals ADD CONSTRAINT professionals_merged_into_fkey FOREIGN KEY (tenant_id, merged_into) REFERENCES professionals (tenant_id, id)`);
    // Finds the records merged into a person (erasure, chained merges) and keeps the foreign key's checks off a scan of the directory.
    await runner.query(`CREATE INDEX professionals_merged_into_idx ON professionals (tenant_id, merged_into) WHERE merged_into IS NOT NULL`);
    await runner.query(`
      CREATE TABLE duplicate_dismissals (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        first_id uuid NOT NULL,
        second_id uuid NOT NULL,
        dismissed_by uuid NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, first_id, second_id),
        -- One row per pair whichever way round it was dismissed.
        CHECK (first_id < second_id),
        FOREIGN KEY (tenant_id, first_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, second_id) REFERENCES professionals (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX duplicate_dismissals_second_idx ON duplicate_dismissals (tenant_id, second_id)`);
    await enableTenantRls(runner, 'duplicate_dismissals');
    await runner.query(`
      CREATE TABLE professional_merges (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        kept_id uuid NOT NULL,
        merged_id uuid NOT NULL,
        snapshot jsonb NOT NULL,
        merged_by uuid NULL,
        merged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, merged_id),
        FOREIGN KEY (tenant_id, kept_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, merged_id) REFERENCES professionals (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX professional_merges_kept_idx ON professional_merges (tenant_id, kept_id)`);
    await enableTenantRls(runner, 'professional_merges');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE professional_merges`);
    await runner.query(`DROP TABLE duplicate_dismissals`);
    await runner.query(`ALTER TABLE professionals DROP COLUMN merged_into`);
  }
}
