import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * The region's table reads each CPTS's figures from here: one row per CPTS
 * and year, written by the worker in that CPTS's own transaction
 * (LiveFiguresRefresher) and read through the regional path. Counting two
 * years of raw rows for 100 CPTS took 1.5–2 s per request (bench/region-table.ts);
 * reading these rows takes milliseconds.
 */
export class CptsFigures1795750000000 implements MigrationInterface {
  name = 'CptsFigures1795750000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cpts_figures (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        figures jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, year)
      )`);
    await enableTenantRls(runner, 'cpts_figures');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cpts_figures`);
  }
}
