import { QueryRunner } from 'typeorm';

const ISOLATION = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
const REGION_ISOLATION = `region_id = nullif(current_setting('app.region_id', true), '')::uuid`;
/** Once per statement (an InitPlan), not per row: the CPTS the regional read names and the reader is assigned. */
export const REGIONAL = `tenant_id = ANY ((SELECT regional_tenant_ids())::uuid[])`;

/**
 * The CPTS a regional read may see, decided by the database too: of those
 * the transaction names (app.tenant_ids, set by RegionalReader), the ones
 * the reader (app.user_id) is assigned: the CPTS of the regions they
 * administer, the CPTS they follow as a mission officer. A wrong list from
 * the application reads nothing more than the assignments allow; no user,
 * nothing. SECURITY DEFINER: the regional role has no privilege on the
 * assignment tables; STABLE, and called through a sub-select, so it runs
 * once per statement.
 */
export const REGIONAL_TENANTS_FUNCTION = `
  CREATE OR REPLACE FUNCTION regional_tenant_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(array_agg(t.id), '{}') FROM tenants t
    WHERE t.id = ANY (string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[])
      AND (EXISTS (SELECT 1 FROM role_assignments ra
                   WHERE ra.user_id = nullif(current_setting('app.user_id', true), '')::uuid AND ra.role = 'REGION_ADMIN' AND ra.region_id = t.region_id)
           OR EXISTS (SELECT 1 FROM mission_officer_tenants m
                      WHERE m.user_id = nullif(current_setting('app.user_id', true), '')::uuid AND m.tenant_id = t.id))
  $$`;

/**
 * The two policies' conditions as PostgreSQL deparses them into pg_policies:
 * the catalog check (tenancy-catalog.ts) compares them exactly, so a policy
 * that merely mentions app.tenant_id (`... OR true`) is caught.
 */
export const TENANT_POLICY_CONDITIONS = {
  isolation: `(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)`,
  regional: `(tenant_id = ANY (( SELECT regional_tenant_ids() AS regional_tenant_ids)::uuid[]))`,
} as const;

/** The region-owned tables' policy condition, as pg_policies shows it (compared exactly, like the tenants'). */
export const REGION_POLICY_CONDITION = `(region_id = (NULLIF(current_setting('app.region_id'::text, true), ''::text))::uuid)`;

/**
 * DDL shared by every migration that creates a tenant table. A tenant table
 * has `tenant_id uuid not null` leading its primary key, unique keys, foreign
 * keys to other tenant tables and indexes (so it can be distributed by
 * tenant_id with Citus), and two row-level security policies:
 *  - tenant_isolation: reads and writes confined to app.tenant_id;
 *  - regional_read: SELECT only, for the tenants named in app.tenant_ids
 *    (set only by the read-only regional path), and only for the regional
 *    role: migrate() scopes it TO that role (see regionalRoleOf), so it never
 *    joins a normal request's plans.
 * The catalog test (libs/platform/db/test/tenancy.spec.ts) checks all of it on the live schema.
 */
export async function enableTenantRls(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await runner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await runner.query(`
    CREATE POLICY tenant_isolation ON ${table}
      USING (${ISOLATION})
      WITH CHECK (${ISOLATION})`);
  await runner.query(REGIONAL_TENANTS_FUNCTION);
  await runner.query(`CREATE POLICY regional_read ON ${table} FOR SELECT USING (${REGIONAL})`);
}

/**
 * DDL of a region-owned table (listed in REGION_TABLES): what a region's
 * team publishes for its CPTS (shared library, survey templates, regional
 * figures). `region_id uuid not null` leads its keys and indexes, and one
 * policy confines reads and writes to the region of the unit of work
 * (app.region_id, set by Db.run({ regionId })): a region's team reads and
 * writes its own region's rows, a CPTS request or another region sees none.
 * What a CPTS may read of its region's rows goes through a service that
 * opens a region unit of work for it, never through a wider policy.
 */
export async function enableRegionRls(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await runner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await runner.query(`
    CREATE POLICY region_isolation ON ${table}
      USING (${REGION_ISOLATION})
      WITH CHECK (${REGION_ISOLATION})`);
}
