import { Client } from 'pg';
import { MixedList } from 'typeorm';
import { createDataSource } from './data-source';

/** Reference data: the runtime role reads it, only migrations write it. */
const READ_ONLY_FOR_RUNTIME = ['professions', 'departements', 'communes'];
/** Tables the runtime role may add to and read, never change: the decisions' audit chain (docs/governance.md), the observatory's snapshots (docs/region.md). */
const APPEND_ONLY_FOR_RUNTIME = ['governance_audit', 'region_snapshots'];

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return name;
}

/**
 * The role the regional read path switches to (SET LOCAL ROLE) for its
 * read-only transactions. It holds SELECT only, and the regional_read
 * policies apply to it alone: the runtime role is a member without inheriting
 * it (NOINHERIT), so a normal request is confined by tenant_isolation only,
 * with no OR in its plans.
 */
export function regionalRoleOf(runtimeRole: string): string {
  return ident(`${runtimeRole}_regional`);
}

export interface LocalDatabase {
  database: string;
  ownerRole: string;
  runtimeRole: string;
  ownerUrl: string;
  runtimeUrl: string;
}

/**
 * Connection URLs for a database on the server of `adminUrl`, as the owner and
 * as the runtime role. For local and test servers with trust authentication;
 * in production the URLs (with passwords) come from the environment.
 */
export function localDatabase(adminUrl: string, database: string, ownerRole = 'cpts_owner', runtimeRole = 'cpts_app'): LocalDatabase {
  const url = (user: string) => {
    const u = new URL(adminUrl);
    u.username = user;
    u.password = '';
    u.pathname = `/${database}`;
    return u.toString();
  };
  return { database: ident(database), ownerRole: ident(ownerRole), runtimeRole: ident(runtimeRole), ownerUrl: url(ownerRole), runtimeUrl: url(runtimeRole) };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the roles and the database when missing (needs an admin URL: a role
 * with CREATEROLE and CREATEDB). The owner role owns the schema and runs
 * migrations; the runtime role owns nothing and cannot bypass RLS; the
 * regional role (see regionalRoleOf) is granted to the runtime role without
 * inheritance. Safe to run again.
 */
export async function provisionDatabase(adminUrl: string, db: LocalDatabase): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const role of [db.ownerRole, db.runtimeRole]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (!rowCount) {
        try {
          await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
        } catch (err) {
          if ((err as { code?: string }).code !== '42710' && (err as { code?: string }).code !== '23505') throw err; // created concurrently
        }
      }
    }
    const regional = regionalRoleOf(db.runtimeRole);
    const { rowCount: hasRegional } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [regional]);
    if (!hasRegional) {
      try {
        await client.query(`CREATE ROLE ${regional} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
      } catch (err) {
        if ((err as { code?: string }).code !== '42710' && (err as { code?: string }).code !== '23505') throw err;
      }
    }
    // Only when needed: test projects provision in parallel, and two ALTER ROLE
    // or GRANT on one role at once fail with "tuple concurrently updated".
    await onceNeeded(
      client,
      `SELECT rolinherit AS needed FROM pg_roles WHERE rolname = '${db.runtimeRole}'`,
      `ALTER ROLE ${db.runtimeRole} NOINHERIT`,
    );
    await onceNeeded(client, `SELECT NOT pg_has_role('${db.runtimeRole}', '${regional}', 'MEMBER') AS needed`, `GRANT ${regional} TO ${db.runtimeRole}`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${db.database} OWNER ${db.ownerRole} ENCODING 'UTF8' TEMPLATE template0`);
  });
  await withClient(db.ownerUrl, async (client) => {
    await client.query(`REVOKE ALL ON DATABASE ${db.database} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${db.database} TO ${db.runtimeRole}`);
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  });
}

/** Runs `change` when `check` says it is needed, retrying once if a concurrent provisioning raced it. */
async function onceNeeded(client: Client, check: string, change: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const { rows } = await client.query<{ needed: boolean }>(check);
    if (!rows[0]?.needed) return;
    try {
      await client.query(change);
      return;
    } catch (err) {
      if (attempt > 0 || (err as { code?: string }).code !== 'XX000') throw err;
    }
  }
}

/**
 * Applies pending migrations as the owner, then (re)grants the runtime role
 * exactly what it needs: DML on application tables, SELECT on reference data,
 * INSERT and SELECT only on the append-only audit chain,
 * nothing on the migrations table; the regional role SELECT only, and the
 * regional_read policies scoped to it. Returns the names of applied migrations.
 */
export async function migrate(ownerUrl: string, runtimeRole: string, migrations: MixedList<new () => unknown>): Promise<string[]> {
  const dataSource = createDataSource({ url: ownerUrl, entities: [], migrations, applicationName: 'cpts-migrator', poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const role = ident(runtimeRole);
    await dataSource.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await dataSource.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await dataSource.query(`REVOKE ALL ON schema_migrations FROM ${role}`);
    for (const table of READ_ONLY_FOR_RUNTIME) {
      const [{ exists }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
      if (exists) await dataSource.query(`REVOKE INSERT, UPDATE, DELETE ON ${table} FROM ${role}`);
    }
    for (const table of APPEND_ONLY_FOR_RUNTIME) {
      const [{ exists }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
      if (exists) await dataSource.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${role}`);
    }
    const regional = regionalRoleOf(runtimeRole);
    const [{ found }] = await dataSource.query(`SELECT count(*)::int AS found FROM pg_roles WHERE rolname = $1`, [regional]);
    if (!found) {
      throw new Error(
        `The database role "${regional}" is missing. Create it once as an administrator: ` +
          `CREATE ROLE ${regional} NOLOGIN; GRANT ${regional} TO ${role}; ALTER ROLE ${role} NOINHERIT; (npm start and npm test do it.)`,
      );
    }
    await dataSource.query(`GRANT USAGE ON SCHEMA public TO ${regional}`);
    await dataSource.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${regional}`);
    await dataSource.query(`REVOKE ALL ON schema_migrations FROM ${regional}`);
    const policies: Array<{ table: string }> = await dataSource.query(
      `SELECT tablename AS "table" FROM pg_policies WHERE schemaname = 'public' AND policyname = 'regional_read' ORDER BY 1`,
    );
    for (const { table } of policies) await dataSource.query(`ALTER POLICY regional_read ON ${ident(table)} TO ${regional}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
