import { Role } from '@cpts/platform-core';
import { AppProcess, freePort, GraphQLClient, ownDatabase, TestData, waitUntil } from '@cpts/testing';
import { Client } from 'pg';
import { PgServer, PostgresPair } from './support/postgres-replica';

const OVERVIEW = `query($ids: [ID!]) { regionOverview(cptsIds: $ids) { rows { cptsId current { professionals } } } }`;
type Overview = { regionOverview: { rows: Array<{ cptsId: string; current: { professionals: number } }> } };

/** What marks a regional read in a server's statement log: only the regional path takes that role. */
const REGIONAL = /SET LOCAL ROLE \w+_regional/g;
const regionalReads = (log: string) => log.match(REGIONAL)?.length ?? 0;

/**
 * The regional read path on a real streaming replica: the officers' table
 * read there (its own statement log says so, the primary's does not), under
 * the regional role and row-level security; a paused replay (lag past the
 * maximum) and a crashed replica send the reads back to the primary with one
 * warning each and no error for the officer; they return to the replica
 * once it has caught up or is back.
 */
describe('regional reads on a PostgreSQL streaming replica', () => {
  let pair: PostgresPair;
  let replica: PgServer;
  let own: { restore(): Promise<void> } | null = null;
  let data: TestData | null = null;
  let gateway: AppProcess | null = null;
  let officer: GraphQLClient;
  let officerId: string;
  let url: string;
  let database: string;
  let a: { id: string; communes: string[] };
  let b: { id: string; communes: string[] };
  const savedAdminUrl = process.env.DATABASE_ADMIN_URL;
  const started = Date.now();

  /** Messages the gateway logged (JSON lines) that contain `text`. */
  const logged = (text: string) =>
    (gateway?.output ?? '')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; level: number })
      .filter((entry) => entry.msg.includes(text));
  const overview = (ids?: string[]) => officer.ok<Overview>(OVERVIEW, ids ? { ids } : {});
  /** Reads the officers' table until the gateway has logged `text` `times` times: state changes show on the next checks. */
  const readUntilLogged = async (text: string, times: number) => {
    await waitUntil(async () => (await overview(), logged(text).length >= times), 30_000, `"${text}" logged ${times} time(s)`).catch((err) => {
      throw new Error(`${(err as Error).message}\n${gateway?.output.slice(-3000)}`);
    });
  };

  beforeAll(async () => {
    pair = await PostgresPair.start();
    // The platform's database on our primary: provisioned and migrated by the migrator, with a Redis prefix of its own.
    process.env.DATABASE_ADMIN_URL = pair.primary.adminUrl();
    own = await pair.timed('provision + migrate', async () => ownDatabase());
    database = new URL(process.env.DATABASE_URL as string).pathname.slice(1);
    const runtimeRole = process.env.DATABASE_RUNTIME_ROLE as string;
    // Every statement of the runtime role in the server logs (role settings are catalog rows: the replica gets it too).
    await pair.primary.sql(database, `ALTER ROLE ${runtimeRole} SET log_statement = 'all'`);
    replica = await pair.addReplica();

    data = new TestData();
    const region = await data.region('27');
    a = await data.cpts(region, { departement: '19' });
    b = await data.cpts(region, { departement: '23' });
    await data.professional(a.id, a.communes[0]);
    await data.professional(b.id, b.communes[0]);
    const o = await data.user([{ role: Role.MISSION_OFFICER, regionId: region }]);
    officerId = o.id;
    await data.follow(o.id, [a.id]);

    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const replicaUrl = new URL(process.env.DATABASE_URL as string);
    replicaUrl.port = String(replica.port);
    gateway = new AppProcess('gateway', {
      GATEWAY_PORT: String(port),
      DATABASE_REPLICA_URL: replicaUrl.toString(),
      DATABASE_REPLICA_MAX_LAG_SECONDS: '1',
      // info: the replica's return to use is an info line.
      LOG_LEVEL: 'info',
    });
    await pair.timed('gateway start', async () => {
      gateway!.start();
      await gateway!.ready(url);
    });
    officer = new GraphQLClient(url);
    const login = await officer.login(o.email, 'mot de passe de test');
    if (login.errors) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
  }, 120_000);

  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    await data?.close();
    try {
      await own?.restore();
    } finally {
      process.env.DATABASE_ADMIN_URL = savedAdminUrl;
      await pair?.close();
    }
    // The steps' durations, for the record.
    console.info(`replica spec: ${JSON.stringify({ ...pair?.timings, total: Date.now() - started })} ms`);
  }, 60_000);

  it('reads the officers’ table on the replica, and logs the access on the primary', async () => {
    expect(logged('read replica in use')).toHaveLength(1); // checked at boot
    const [onPrimary, onReplica] = [pair.primary.logSize(), replica.logSize()];
    const [{ n: accessesBefore }] = await pair.primary.sql<{ n: number }>(database, `SELECT count(*)::int AS n FROM regional_access_log`);

    const { regionOverview } = await overview();
    expect(regionOverview.rows).toEqual([{ cptsId: a.id, current: { professionals: 1 } }]);

    expect(regionalReads(replica.logSince(onReplica))).toBe(1);
    expect(replica.logSince(onReplica)).toMatch(/^cpts-gateway-replica:.*SET LOCAL ROLE/m);
    expect(regionalReads(pair.primary.logSince(onPrimary))).toBe(0);
    const [{ n: accessesAfter }] = await pair.primary.sql<{ n: number }>(database, `SELECT count(*)::int AS n FROM regional_access_log`);
    expect(accessesAfter).toBe(accessesBefore + 1);
    const health = (await (await fetch(`${url}/health/ready`)).json()) as { status: string; replica: { state: string } };
    expect(health).toMatchObject({ status: 'ok', replica: { state: 'in_use' } });
  });

  it('reads the observatory on the replica too', async () => {
    const [onPrimary, onReplica] = [pair.primary.logSize(), replica.logSize()];
    const trend = await officer.ok<{ observatoryTrend: { indicator: string } }>(
      `query { observatoryTrend(indicator: PROFESSIONALS) { indicator years cpts { cptsId } } }`,
    );
    expect(trend.observatoryTrend.indicator).toBe('PROFESSIONALS');
    expect(replica.logSince(onReplica)).toContain('FROM region_snapshots');
    expect(pair.primary.logSince(onPrimary)).not.toContain('FROM region_snapshots');
  });

  it('keeps the regional role and row-level security on the replica', async () => {
    // As the gateway's regional path does it, asking for A and B: the officer follows A only, so the database shows A only.
    const runtime = new URL(process.env.DATABASE_URL as string);
    runtime.port = String(replica.port);
    const client = new Client({ connectionString: runtime.toString() });
    await client.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`SET LOCAL ROLE ${process.env.DATABASE_RUNTIME_ROLE}_regional`);
      await client.query(`SELECT set_config('app.tenant_ids', $1, true), set_config('app.user_id', $2, true)`, [`${a.id},${b.id}`, officerId]);
      const { rows } = await client.query(`SELECT DISTINCT tenant_id FROM professionals`);
      expect(rows.map((r) => r.tenant_id)).toEqual([a.id]);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    // Through the gateway: B is not the officer's.
    const result = await officer.request(OVERVIEW, { ids: [b.id] });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reads on the primary while the replica lags past the maximum, then on the replica again', async () => {
    await replica.sql(database, 'SELECT pg_wal_replay_pause()');
    try {
      await data!.professional(a.id, a.communes[0]); // on the primary only, while the replay waits
      await readUntilLogged('read replica lagging', 1);
      const onPrimary = pair.primary.logSize();
      const { regionOverview } = await overview();
      expect(regionOverview.rows[0].current.professionals).toBe(2); // the primary's figure: the paused replica still has 1
      expect(regionalReads(pair.primary.logSince(onPrimary))).toBe(1);
    } finally {
      await replica.sql(database, 'SELECT pg_wal_replay_resume()');
    }
    await readUntilLogged('read replica in use', 2);
    const onReplica = replica.logSize();
    expect((await overview()).regionOverview.rows[0].current.professionals).toBe(2);
    expect(regionalReads(replica.logSince(onReplica))).toBe(1);
    expect(logged('read replica lagging')).toHaveLength(1);
    expect(logged('read replica lagging')[0].level).toBe(40); // warn
  });

  it('reads on the primary while the replica is down, without an error, then on the replica once it is back', async () => {
    await replica.stop('immediate');
    const onPrimary = pair.primary.logSize();
    // The first read after the crash finds the replica's connections gone: the primary answers it.
    expect((await overview()).regionOverview.rows[0].current.professionals).toBe(2);
    expect((await overview()).regionOverview.rows[0].current.professionals).toBe(2);
    expect(regionalReads(pair.primary.logSince(onPrimary))).toBe(2);
    expect(logged('read replica unreachable')).toHaveLength(1);
    expect(logged('read replica unreachable')[0].level).toBe(40);
    const health = await fetch(`${url}/health/ready`);
    expect(health.status).toBe(200); // information only: the gateway stays ready
    expect(((await health.json()) as { replica: { state: string } }).replica.state).toBe('down');

    await replica.start();
    await readUntilLogged('read replica in use', 3);
    const onReplica = replica.logSize();
    await overview();
    expect(regionalReads(replica.logSince(onReplica))).toBe(1);
    expect(logged('read replica unreachable')).toHaveLength(1);
  });
});
