import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { newScope, Role, runInScope } from '@cpts/platform-core';
import { TestData } from '@cpts/testing';
import {
  assertRuntimeRoleIsConfined,
  ClientGoneError,
  createDataSource,
  Db,
  enableRegionRls,
  enableTenantRls,
  REGION_TABLES,
  REGIONAL,
  RegionalReader,
  regionalRoleOf,
  SHARED_TABLES,
  tenancyViolations,
  tenantFailuresLog,
} from '../src';

describe('tenancy: the database wall', () => {
  let data: TestData;
  let runtime: DataSource;
  let db: Db;
  let a: { id: string; communes: string[] };
  let b: { id: string; communes: string[] };
  let region: string;

  beforeAll(async () => {
    data = new TestData();
    region = await data.region();
    a = await data.cpts(region, { departement: '24' });
    b = await data.cpts(region, { departement: '24' });
    await data.professional(a.id, a.communes[0], { lastName: 'Alpha' });
    await data.professional(a.id, a.communes[0], { lastName: 'Alpha2' });
    await data.professional(b.id, b.communes[0], { lastName: 'Bravo' });
    // One connection: every scope reuses it, so a tenant leaking across scopes would show.
    runtime = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'test', poolSize: 1 });
    await runtime.initialize();
    db = new Db(runtime);
  });

  afterAll(async () => {
    await runtime.destroy();
    await data.close();
  });

  const names = (tenantId: string | null) =>
    db.run({ tenantId }, async () => (await db.rows<{ last_name: string; tenant_id: string }>(`SELECT last_name, tenant_id FROM professionals ORDER BY 1`)));

  it('shows a tenant transaction its own rows only, even without a WHERE clause', async () => {
    expect((await names(a.id)).map((r) => r.last_name)).toEqual(['Alpha', 'Alpha2']);
    expect((await names(b.id)).map((r) => r.last_name)).toEqual(['Bravo']);
  });

  it('shows nothing to a transaction without a tenant, and the data layer refuses tenant queries there', async () => {
    expect(await names(null)).toEqual([]);
    await expect(db.run({ tenantId: null }, () => db.tenantRows('SELECT 1 FROM professionals'))).rejects.toThrow(/outside a tenant scope/);
  });

  it('refuses to write a row of another tenant (WITH CHECK) and cannot touch its rows', async () => {
    await expect(
      db.run({ tenantId: a.id }, () =>
        db.tenantRows(
          `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code) VALUES ($1, $2, 'X', 'Y', 'x y', '10', $3)`,
          [b.id, randomUUID(), b.communes[0]],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.run({ tenantId: a.id }, () => db.tenantRows(`UPDATE professionals SET last_name = 'Pirate' WHERE tenant_id = $1 RETURNING id`, [b.id]));
    expect(updated).toEqual([]);
    const deleted = await db.run({ tenantId: a.id }, () => db.tenantRows(`DELETE FROM professionals WHERE tenant_id = $1 RETURNING id`, [b.id]));
    expect(deleted).toEqual([]);
    expect((await names(b.id)).map((r) => r.last_name)).toEqual(['Bravo']);
  });

  it('keeps tenants apart under concurrent requests on shared pooled connections', async () => {
    const pooled = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'test', poolSize: 3 });
    await pooled.initialize();
    const pdb = new Db(pooled);
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const tenantId = i % 3 === 2 ? null : i % 2 ? a.id : b.id;
          return pdb.run({ tenantId }, async () => ({ tenantId, rows: await pdb.rows<{ tenant_id: string }>(`SELECT tenant_id FROM professionals`) }));
        }),
      );
      for (const { tenantId, rows } of results) {
        if (tenantId === null) expect(rows).toHaveLength(0);
        else expect(rows.every((r) => r.tenant_id === tenantId)).toBe(true);
      }
    } finally {
      await pooled.destroy();
    }
  });

  it('reads several tenants only through the read-only regional path, never writing', async () => {
    const reader = new RegionalReader(db, regionalRoleOf(process.env.DATABASE_RUNTIME_ROLE as string));
    const officer = await data.user([{ role: Role.MISSION_OFFICER, regionId: region }]);
    await data.follow(officer.id, [a.id, b.id]);
    const tenantsOf = (rows: Array<{ tenant_id: string }>) => rows.map((r) => r.tenant_id).sort();
    const both = await reader.read(officer.id, [a.id, b.id], (m) => m.query(`SELECT DISTINCT tenant_id FROM professionals`));
    expect(tenantsOf(both)).toEqual([a.id, b.id].sort());
    const onlyA = await reader.read(officer.id, [a.id], (m) => m.query(`SELECT DISTINCT tenant_id FROM professionals`));
    expect(onlyA).toEqual([{ tenant_id: a.id }]);
    await expect(reader.read(officer.id, [a.id], (m) => m.query(`UPDATE professionals SET last_name = 'X'`))).rejects.toThrow(/read-only transaction/);
    // SELECT is all the regional role may do, read-only transaction or not.
    const [{ may }] = await db.dataSource.query(
      `SELECT has_table_privilege($1, 'professionals', 'UPDATE') OR has_table_privilege($1, 'professionals', 'INSERT') AS may`,
      [regionalRoleOf(process.env.DATABASE_RUNTIME_ROLE as string)],
    );
    expect(may).toBe(false);
    // The regional path does not widen a request that runs alongside it.
    const scope = newScope({ requestId: 'r', tenantId: b.id });
    await runInScope(scope, async () => {
      await reader.read(officer.id, [a.id, b.id], async () => undefined);
      const rows = await db.rows<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM professionals`);
      expect(rows).toEqual([{ tenant_id: b.id }]);
      await db.finishScope(scope, false);
    });
  });

  it('reads, through the regional path, only the CPTS the reader is assigned, whatever list the application gives', async () => {
    const reader = new RegionalReader(db, regionalRoleOf(process.env.DATABASE_RUNTIME_ROLE as string));
    const read = (userId: string, tenantIds: string[]) =>
      reader.read(userId, tenantIds, async (m) => ((await m.query(`SELECT DISTINCT tenant_id FROM professionals ORDER BY 1`)) as Array<{ tenant_id: string }>).map((r) => r.tenant_id));
    // An officer following A only, given A and B by a faulty application: A's rows only.
    const followsA = await data.user([{ role: Role.MISSION_OFFICER, regionId: region }]);
    await data.follow(followsA.id, [a.id]);
    expect(await read(followsA.id, [a.id, b.id])).toEqual([a.id]);
    expect(await read(followsA.id, [b.id])).toEqual([]);
    // The region's admin reads every CPTS of the region, and nothing of another region's.
    const admin = await data.user([{ role: Role.REGION_ADMIN, regionId: region }]);
    expect(await read(admin.id, [a.id, b.id])).toEqual([a.id, b.id].sort());
    const otherRegion = await data.region('76');
    const c = await data.cpts(otherRegion, { departement: '24' });
    await data.professional(c.id, c.communes[0], { lastName: 'Charlie' });
    expect(await read(admin.id, [a.id, c.id])).toEqual([a.id]);
    // No reader, or a tenant user, reads nothing.
    const coordinator = await data.user([{ role: Role.COORDINATOR, tenantId: a.id }]);
    expect(await read(coordinator.id, [a.id, b.id])).toEqual([]);
  });

  it('ignores app.tenant_ids in a normal request: the regional policy applies to the regional role only', async () => {
    const rows = await db.run({ tenantId: b.id }, async () => {
      await db.rows(`SELECT set_config('app.tenant_ids', $1, true)`, [`${a.id},${b.id}`]);
      return db.rows<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM professionals`);
    });
    expect(rows).toEqual([{ tenant_id: b.id }]);
  });

  it('rolls back a request whose client went away, and tells late work so instead of failing as a bug', async () => {
    const scope = newScope({ requestId: randomUUID(), tenantId: a.id });
    await runInScope(scope, async () => {
      await db.tenantRows(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code) VALUES ($1, $2, 'Abandon', 'Y', 'abandon y', '10', $3)`,
        [a.id, randomUUID(), a.communes[0]],
      );
      await db.finishTransaction(scope, false, { clientGone: true });
      await expect(db.tenantRows(`SELECT 1`)).rejects.toBeInstanceOf(ClientGoneError);
    });
    expect((await names(a.id)).map((r) => r.last_name)).toEqual(['Alpha', 'Alpha2']);
  });

  it("goes on with a periodic pass over every CPTS when one CPTS's turn fails, and says which", async () => {
    const visited: string[] = [];
    const failures = await db.forEachTenant('test-pass', async (tenantId) => {
      visited.push(tenantId);
      if (tenantId === a.id) throw new Error('bad row');
      await db.run({ tenantId }, () => db.tenantRows(`SELECT 1 FROM professionals WHERE tenant_id = $1`, [tenantId]));
    });
    expect(visited).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(visited).toEqual([...visited].sort());
    expect(failures).toEqual([{ tenantId: a.id, error: new Error('bad row') }]);
    expect(tenantFailuresLog(failures)).toEqual({ err: new Error('bad row'), tenants: [a.id] });
  });

  it('accepts the runtime role and refuses the owner and a superuser', async () => {
    await expect(assertRuntimeRoleIsConfined(runtime)).resolves.toBe(process.env.DATABASE_RUNTIME_ROLE);
    for (const url of [process.env.MIGRATION_DATABASE_URL as string, (process.env.DATABASE_ADMIN_URL as string).replace(/\/[^/]*$/, new URL(process.env.DATABASE_URL as string).pathname)]) {
      const ds = createDataSource({ url, entities: [], applicationName: 'test', poolSize: 1 });
      await ds.initialize();
      try {
        await expect(assertRuntimeRoleIsConfined(ds)).rejects.toThrow(/Refusing to start/);
      } finally {
        await ds.destroy();
      }
    }
  });
});

describe('tenancy: the live catalog', () => {
  let owner: Client;
  beforeAll(async () => {
    owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
  });
  afterAll(() => owner.end());

  it('has no table breaking the tenant rules', async () => {
    expect(await tenancyViolations(owner)).toEqual([]);
  });

  it('catches every kind of mistake a new table can make', async () => {
    await owner.query('BEGIN');
    try {
      await owner.query(`CREATE TABLE unlisted (id uuid PRIMARY KEY)`);
      await owner.query(`CREATE TABLE no_rls (tenant_id uuid NOT NULL, id uuid, PRIMARY KEY (tenant_id, id))`);
      await owner.query(`CREATE TABLE bad_keys (tenant_id uuid NOT NULL, id uuid, code text, PRIMARY KEY (id, tenant_id), UNIQUE (code))`);
      await owner.query(`CREATE INDEX bad_keys_code_idx ON bad_keys (code)`);
      await owner.query(`ALTER TABLE bad_keys ENABLE ROW LEVEL SECURITY`);
      await owner.query(`CREATE POLICY loose ON bad_keys USING (true)`);
      await owner.query(`CREATE POLICY peek ON bad_keys FOR SELECT USING (true)`);
      await owner.query(`CREATE POLICY peek_everyone ON bad_keys FOR SELECT USING (${REGIONAL})`);
      const violations = (await tenancyViolations(owner)).join('\n');
      expect(violations).toMatch(/table unlisted .* has no tenant_id column/);
      expect(violations).toMatch(/table no_rls .* row level security is not enabled/);
      expect(violations).toMatch(/table no_rls .* row level security is not forced/);
      expect(violations).toMatch(/table no_rls: no policy confining/);
      expect(violations).toMatch(/table bad_keys: key bad_keys_pkey does not start with tenant_id/);
      expect(violations).toMatch(/table bad_keys: key bad_keys_code_key does not start with tenant_id/);
      expect(violations).toMatch(/table bad_keys: index bad_keys_code_idx does not start with tenant_id/);
      expect(violations).toMatch(/table bad_keys: policy loose widens ALL/);
      expect(violations).toMatch(/table bad_keys: policy peek reads beyond the assigned tenants of app.tenant_ids/);
      expect(violations).toMatch(/table bad_keys: policy peek_everyone applies to every role/);
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('accepts only the exact conditions enableTenantRls writes: a policy that merely mentions app.tenant_id is too permissive', async () => {
    const regional = regionalRoleOf(process.env.DATABASE_RUNTIME_ROLE as string);
    const runner = { query: (sql: string) => owner.query(sql) } as unknown as QueryRunner;
    const table = async (name: string) => {
      await owner.query(`CREATE TABLE ${name} (tenant_id uuid NOT NULL, id uuid, PRIMARY KEY (tenant_id, id))`);
      await enableTenantRls(runner, name);
      await owner.query(`ALTER POLICY regional_read ON ${name} TO ${regional}`);
    };
    const MINE = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
    await owner.query('BEGIN');
    try {
      await table('sound'); // as a migration makes it: no violation
      await table('or_true');
      await owner.query(`DROP POLICY tenant_isolation ON or_true`);
      await owner.query(`CREATE POLICY tenant_isolation ON or_true USING (${MINE} OR true) WITH CHECK (${MINE} OR true)`);
      await table('open_check');
      await owner.query(`ALTER POLICY tenant_isolation ON open_check WITH CHECK (tenant_id IS NOT NULL)`);
      await table('open_regional');
      await owner.query(`ALTER POLICY regional_read ON open_regional USING (tenant_id IS NOT NULL OR current_setting('app.tenant_id', true) <> '')`);
      await table('second_door'); // the exact policy, plus a permissive one beside it
      await owner.query(`CREATE POLICY also_mine ON second_door USING (${MINE} OR tenant_id IS NOT NULL)`);
      await table('narrowed'); // a restrictive policy only narrows: allowed
      await owner.query(`CREATE POLICY only_recent ON narrowed AS RESTRICTIVE USING (id IS NOT NULL)`);
      const violations = (await tenancyViolations(owner)).filter((v) => /^table (sound|or_true|open_check|open_regional|second_door|narrowed):/.test(v));
      expect(violations.sort()).toEqual(
        [
          expect.stringMatching(/^table open_check: no policy confining reads and writes to app.tenant_id/),
          expect.stringMatching(/^table open_check: policy tenant_isolation widens ALL/),
          expect.stringMatching(/^table open_regional: policy regional_read reads beyond the assigned tenants of app.tenant_ids/),
          expect.stringMatching(/^table or_true: no policy confining reads and writes to app.tenant_id/),
          expect.stringMatching(/^table or_true: policy tenant_isolation widens ALL/),
          expect.stringMatching(/^table second_door: policy also_mine widens ALL/),
        ],
      );
      // The exact policies, but the function they call replaced by one that reads every CPTS named.
      await owner.query(
        `CREATE OR REPLACE FUNCTION regional_tenant_ids() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT string_to_array(current_setting('app.tenant_ids', true), ',')::uuid[] $$`,
      );
      expect(await tenancyViolations(owner)).toContain(
        'function regional_tenant_ids: missing or not the one enableTenantRls writes (REGIONAL_TENANTS_FUNCTION): the regional policies would read beyond the assignments',
      );
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});

describe('tenancy: region-owned tables', () => {
  // A table as a migration of the regional layer makes it (committed: the runtime connection must see it).
  const TABLE = 'region_notes_test';
  const regionTables = { ...REGION_TABLES, [TABLE]: 'test: notes of a region' };
  let data: TestData;
  let runtime: DataSource;
  let db: Db;
  let owner: Client;
  let r1: string;
  let r2: string;
  let cptsOfR1: string;
  beforeAll(async () => {
    data = new TestData();
    r1 = await data.region('75');
    r2 = await data.region('76');
    cptsOfR1 = (await data.cpts(r1, { departement: '24' })).id;
    runtime = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'test', poolSize: 1 });
    await runtime.initialize();
    db = new Db(runtime);
    owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    const runner = { query: (sql: string) => owner.query(sql) } as unknown as QueryRunner;
    await owner.query(`CREATE TABLE ${TABLE} (region_id uuid NOT NULL REFERENCES regions (id), id uuid NOT NULL, body text NOT NULL, PRIMARY KEY (region_id, id))`);
    await enableRegionRls(runner, TABLE);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLE} TO ${process.env.DATABASE_RUNTIME_ROLE}`);
    // Row-level security is forced on the owner too: each region's team writes its own note.
    for (const [regionId, body] of [
      [r1, 'note of region 1'],
      [r2, 'note of region 2'],
    ]) {
      await db.run({ tenantId: null, regionId }, () => db.regionRows(`INSERT INTO ${TABLE} VALUES ($1, $2, $3)`, [regionId, randomUUID(), body]));
    }
  });
  afterAll(async () => {
    await owner.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await owner.end();
    await runtime.destroy();
    await data.close();
  });

  const notes = (options: { tenantId?: string | null; regionId?: string | null }) =>
    db.run({ tenantId: options.tenantId ?? null, regionId: options.regionId }, async () => (await db.rows<{ body: string }>(`SELECT body FROM ${TABLE} ORDER BY body`)).map((r) => r.body));

  it("shows a region's team its region's rows only; a CPTS request, even of that region, or no region sees none", async () => {
    expect(await notes({ regionId: r1 })).toEqual(['note of region 1']);
    expect(await notes({ regionId: r2 })).toEqual(['note of region 2']);
    expect(await notes({ tenantId: cptsOfR1 })).toEqual([]);
    expect(await notes({})).toEqual([]);
    await expect(db.run({ tenantId: cptsOfR1 }, () => db.regionRows(`SELECT 1 FROM ${TABLE}`))).rejects.toThrow(/outside a region scope/);
  });

  it("refuses to write another region's row and cannot touch its rows", async () => {
    await expect(db.run({ tenantId: null, regionId: r1 }, () => db.regionRows(`INSERT INTO ${TABLE} VALUES ($1, $2, 'planted')`, [r2, randomUUID()]))).rejects.toThrow(/row-level security/);
    const updated = await db.run({ tenantId: null, regionId: r1 }, () => db.regionRows(`UPDATE ${TABLE} SET body = 'pirate' WHERE region_id = $1 RETURNING id`, [r2]));
    expect(updated).toEqual([]);
    const deleted = await db.run({ tenantId: null, regionId: r1 }, () => db.regionRows(`DELETE FROM ${TABLE} RETURNING id`));
    expect(deleted).toHaveLength(1);
    expect(await notes({ regionId: r2 })).toEqual(['note of region 2']);
    await db.run({ tenantId: null, regionId: r1 }, () => db.regionRows(`INSERT INTO ${TABLE} VALUES ($1, $2, 'note of region 1')`, [r1, randomUUID()]));
    expect(await notes({ regionId: r1 })).toEqual(['note of region 1']);
  });

  it('holds region-owned tables to their own rules in the catalog check', async () => {
    // Listed, and made by enableRegionRls: sound. Not listed: a tenant table without tenant_id.
    expect((await tenancyViolations(owner, SHARED_TABLES, regionTables)).filter((v) => v.includes(TABLE))).toEqual([]);
    expect((await tenancyViolations(owner)).filter((v) => v.includes(TABLE))).toContainEqual(expect.stringMatching(new RegExp(`table ${TABLE} .*has no tenant_id column`)));
    await owner.query('BEGIN');
    try {
      const MINE = `region_id = nullif(current_setting('app.region_id', true), '')::uuid`;
      await owner.query(`CREATE TABLE region_loose (region_id uuid NOT NULL, id uuid, code text, PRIMARY KEY (id, region_id), UNIQUE (code))`);
      await owner.query(`ALTER TABLE region_loose ENABLE ROW LEVEL SECURITY`);
      await owner.query(`CREATE POLICY region_isolation ON region_loose USING (${MINE} OR true) WITH CHECK (${MINE})`);
      await owner.query(`CREATE TABLE region_peek (region_id uuid NOT NULL, id uuid, PRIMARY KEY (region_id, id))`);
      await enableRegionRls({ query: (sql: string) => owner.query(sql) } as unknown as QueryRunner, 'region_peek');
      await owner.query(`CREATE POLICY cpts_read ON region_peek FOR SELECT USING (true)`);
      const listed = { ...regionTables, region_loose: 'test', region_peek: 'test' };
      const violations = (await tenancyViolations(owner, SHARED_TABLES, listed)).filter((v) => /region_(loose|peek)/.test(v));
      const expected = [
        /^table region_loose \(listed in REGION_TABLES\): row level security is not forced/,
        /^table region_loose: key region_loose_code_key does not start with region_id/,
        /^table region_loose: key region_loose_pkey does not start with region_id/,
        /^table region_loose: index region_loose_code_key does not start with region_id/,
        /^table region_loose: index region_loose_pkey does not start with region_id/,
        /^table region_loose: no policy confining reads and writes to app.region_id/,
        /^table region_loose: policy region_isolation widens ALL/,
        /^table region_peek: policy cpts_read widens SELECT/,
      ];
      for (const pattern of expected) expect(violations).toContainEqual(expect.stringMatching(pattern));
      expect(violations).toHaveLength(expected.length);
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
