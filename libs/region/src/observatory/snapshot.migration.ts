import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableRegionRls } from '@cpts/platform-db';

/**
 * The observatory: a region's snapshots of each CPTS's figures, one per CPTS
 * and year at the year's end (kind year_end, unique) and any number on demand.
 * A region row naming a CPTS (tenant_id is not a tenancy key here: no tenant
 * policy, region_id leads every key). Never changed: the runtime role may only
 * INSERT and SELECT (APPEND_ONLY_FOR_RUNTIME in provisioning), so last year's
 * figures survive whatever the live data becomes (merges, deletions).
 */
export class RegionSnapshots1795730000000 implements MigrationInterface {
  name = 'RegionSnapshots1795730000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE region_snapshots (
        region_id uuid NOT NULL REFERENCES regions (id),
        id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        kind text NOT NULL CHECK (kind IN ('year_end', 'on_demand')),
        taken_at timestamptz NOT NULL DEFAULT now(),
        taken_by uuid,
        demo boolean NOT NULL DEFAULT false,
        indicators jsonb NOT NULL,
        PRIMARY KEY (region_id, id)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX region_snapshots_year_end_key ON region_snapshots (region_id, tenant_id, year) WHERE kind = 'year_end'`,
    );
    await runner.query(`CREATE INDEX region_snapshots_year_idx ON region_snapshots (region_id, year, tenant_id, taken_at DESC)`);
    await enableRegionRls(runner, 'region_snapshots');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE region_snapshots`);
  }
}
