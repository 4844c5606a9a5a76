import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONAL, REGIONAL_TENANTS_FUNCTION } from '@cpts/platform-db';

/**
 * Defence in depth for the regional read path: every tenant table's
 * regional_read policy now reads only the CPTS the reader is assigned
 * (regional_tenant_ids: of the CPTS the transaction names, those of the
 * regions the user administers or that they follow), so the application's
 * list alone no longer decides. Tables created from now on get it from
 * enableTenantRls; this rewrites the existing ones.
 */
export class RegionalAssignments1795620000000 implements MigrationInterface {
  name = 'RegionalAssignments1795620000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(REGIONAL_TENANTS_FUNCTION);
    const tables = (await runner.query(
      `SELECT tablename AS "table" FROM pg_policies WHERE schemaname = 'public' AND policyname = 'regional_read' ORDER BY 1`,
    )) as Array<{ table: string }>;
    for (const { table } of tables) await runner.query(`ALTER POLICY regional_read ON "${table}" USING (${REGIONAL})`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const tables = (await runner.query(
      `SELECT tablename AS "table" FROM pg_policies WHERE schemaname = 'public' AND policyname = 'regional_read' ORDER BY 1`,
    )) as Array<{ table: string }>;
    for (const { table } of tables)
      await runner.query(
        `ALTER POLICY regional_read ON "${table}" USING (tenant_id = ANY (string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[]))`,
      );
    await runner.query(`DROP FUNCTION regional_tenant_ids()`);
  }
}
