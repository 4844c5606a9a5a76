import { REGION_TABLES } from './region-tables';
import { SHARED_TABLES } from './shared-tables';
import { REGION_POLICY_CONDITION, REGIONAL_TENANTS_FUNCTION, TENANT_POLICY_CONDITIONS } from './tenant-schema';

interface TableRow {
  table: string;
  rls: boolean;
  forced: boolean;
  tenantColumn: { type: string; notNull: boolean } | null;
  regionColumn: { type: string; notNull: boolean } | null;
}

/**
 * Reads the live catalog and lists every way a table breaks the tenancy rules
 * (see tenant-schema.ts): tenant tables confined to app.tenant_id,
 * region-owned tables (REGION_TABLES) to app.region_id. Empty means the
 * schema is sound.
 */
export async function tenancyViolations(
  db: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sharedTables: Record<string, string> = SHARED_TABLES,
  regionTables: Record<string, string> = REGION_TABLES,
): Promise<string[]> {
  const q = async <T>(sql: string, params: unknown[] = []) => {
    const result = (await db.query(sql, params)) as T[] | { rows: T[] };
    return Array.isArray(result) ? result : result.rows;
  };
  const violations: string[] = [];

  const tables = await q<TableRow>(`
    SELECT c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
      (SELECT json_build_object('type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull)
         FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS "tenantColumn",
      (SELECT json_build_object('type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull)
         FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'region_id' AND NOT a.attisdropped) AS "regionColumn"
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`);
  const tenantTables = new Set(tables.filter((t) => !(t.table in sharedTables) && !(t.table in regionTables)).map((t) => t.table));
  const regionOwned = new Set(tables.filter((t) => t.table in regionTables).map((t) => t.table));
  // The leading column of each table's keys and indexes, by the rules it follows.
  const leading = (table: string) => (tenantTables.has(table) ? 'tenant_id' : regionOwned.has(table) ? 'region_id' : null);

  for (const t of tables) {
    if (t.table in sharedTables) continue;
    if (regionOwned.has(t.table)) {
      const where = `table ${t.table} (listed in REGION_TABLES)`;
      if (!t.regionColumn) violations.push(`${where}: has no region_id column`);
      else if (t.regionColumn.type !== 'uuid' || !t.regionColumn.notNull) violations.push(`${where}: region_id must be uuid not null`);
      if (!t.rls) violations.push(`${where}: row level security is not enabled`);
      if (!t.forced) violations.push(`${where}: row level security is not forced`);
      continue;
    }
    const where = `table ${t.table} (not listed in SHARED_TABLES, so a tenant table)`;
    if (!t.tenantColumn) {
      violations.push(`${where}: has no tenant_id column`);
      continue;
    }
    if (t.tenantColumn.type !== 'uuid' || !t.tenantColumn.notNull) violations.push(`${where}: tenant_id must be uuid not null`);
    if (!t.rls) violations.push(`${where}: row level security is not enabled`);
    if (!t.forced) violations.push(`${where}: row level security is not forced`);
  }

  // Permissive policies are OR-ed: each one must be exactly one of the two enableTenantRls creates, or it widens
  // what a request sees. Restrictive ones (AND-ed) can only narrow it.
  const policies = await q<{ table: string; name: string; cmd: string; qual: string | null; check: string | null; roles: string[] }>(`
    SELECT tablename AS "table", policyname AS name, cmd, qual, with_check AS "check", roles::text[] AS roles
    FROM pg_policies WHERE schemaname = 'public' AND permissive = 'PERMISSIVE'`);
  const { isolation, regional } = TENANT_POLICY_CONDITIONS;
  const confining = (p: (typeof policies)[number]) => p.cmd === 'ALL' && p.qual === isolation && p.check === isolation;
  for (const table of tenantTables) {
    const ofTable = policies.filter((p) => p.table === table);
    if (!ofTable.some(confining)) {
      violations.push(`table ${table}: no policy confining reads and writes to app.tenant_id (USING and WITH CHECK exactly ${isolation}, as enableTenantRls creates)`);
    }
    for (const p of ofTable.filter((p) => !confining(p))) {
      if (p.cmd !== 'SELECT') violations.push(`table ${table}: policy ${p.name} widens ${p.cmd}; only the regional SELECT policy may be added`);
      else if (p.qual !== regional)
        violations.push(`table ${table}: policy ${p.name} reads beyond the assigned tenants of app.tenant_ids; its USING must be exactly ${regional}`);
      else if (p.roles.includes('public')) violations.push(`table ${table}: policy ${p.name} applies to every role; scope it TO the regional role`);
    }
  }

  // The regional policies read what regional_tenant_ids returns: it must be the function enableTenantRls writes
  // (the assigned CPTS among those named), not one replaced by a wider body.
  const [fn] = await q<{ body: string; definer: boolean }>(
    `SELECT prosrc AS body, prosecdef AS definer FROM pg_proc WHERE proname = 'regional_tenant_ids' AND pronamespace = 'public'::regnamespace`,
  );
  const expectedBody = REGIONAL_TENANTS_FUNCTION.split('$$')[1];
  if (tenantTables.size > 0 && (!fn || fn.body !== expectedBody || !fn.definer))
    violations.push('function regional_tenant_ids: missing or not the one enableTenantRls writes (REGIONAL_TENANTS_FUNCTION): the regional policies would read beyond the assignments');

  // A region-owned table has one permissive policy, exactly enableRegionRls's: nothing reads it more widely.
  const regionConfining = (p: (typeof policies)[number]) => p.cmd === 'ALL' && p.qual === REGION_POLICY_CONDITION && p.check === REGION_POLICY_CONDITION;
  for (const table of regionOwned) {
    const ofTable = policies.filter((p) => p.table === table);
    if (!ofTable.some(regionConfining)) {
      violations.push(`table ${table}: no policy confining reads and writes to app.region_id (USING and WITH CHECK exactly ${REGION_POLICY_CONDITION}, as enableRegionRls creates)`);
    }
    for (const p of ofTable.filter((p) => !regionConfining(p))) violations.push(`table ${table}: policy ${p.name} widens ${p.cmd}; a region-owned table has its region policy only`);
  }

  // Constraints: primary and unique keys, and foreign keys between tenant tables (or between region tables).
  const constraints = await q<{ table: string; name: string; type: string; firstColumn: string; refTable: string | null; refFirstColumn: string | null }>(`
    SELECT rel.relname AS "table", con.conname AS name, con.contype AS type,
      (SELECT attname FROM pg_attribute WHERE attrelid = con.conrelid AND attnum = con.conkey[1]) AS "firstColumn",
      ref.relname AS "refTable",
      (SELECT attname FROM pg_attribute WHERE attrelid = con.confrelid AND attnum = con.confkey[1]) AS "refFirstColumn"
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = rel.relnamespace
    LEFT JOIN pg_class ref ON ref.oid = con.confrelid
    WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f')`);
  for (const c of constraints) {
    const column = leading(c.table);
    if (!column) continue;
    if ((c.type === 'p' || c.type === 'u') && c.firstColumn !== column) {
      violations.push(`table ${c.table}: key ${c.name} does not start with ${column}`);
    }
    if (c.type === 'f' && c.refTable && leading(c.refTable) === column && (c.firstColumn !== column || c.refFirstColumn !== column)) {
      const kind = column === 'tenant_id' ? 'tenant' : 'region';
      violations.push(`table ${c.table}: foreign key ${c.name} to ${kind} table ${c.refTable} does not start with ${column}`);
    }
  }

  const indexes = await q<{ table: string; name: string; firstColumn: string | null }>(`
    SELECT t.relname AS "table", i.relname AS name,
      (SELECT attname FROM pg_attribute WHERE attrelid = t.oid AND attnum = ix.indkey[0]) AS "firstColumn"
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'`);
  for (const ix of indexes) {
    const column = leading(ix.table);
    if (column && ix.firstColumn !== column) violations.push(`table ${ix.table}: index ${ix.name} does not start with ${column}`);
  }

  return violations;
}
