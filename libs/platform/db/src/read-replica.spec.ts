import { Metrics } from '@cpts/platform-observability';
import { DataSource } from 'typeorm';
import { ReadReplica } from './read-replica';
import { UnsafeDatabaseRoleError } from './runtime-role';

/**
 * The replica's state machine on a stub DataSource (the real replica, its
 * lag, crash and return: apps/scale-e2e/test/replica.spec.ts): how often the
 * lag is measured, what sends a read to the primary, what is logged.
 */
describe('ReadReplica', () => {
  let now: number;
  let server: { lag: number | null; down: boolean; role: string; superuser: boolean; lagChecks: number; connects: number };
  let logs: Array<{ level: string; msg: string }>;
  const primary = { name: 'primary' } as unknown as DataSource;

  const stub = (): DataSource => {
    let initialized = false;
    const source = {
      name: 'replica',
      get isInitialized() {
        return initialized;
      },
      async initialize() {
        server.connects++;
        if (server.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
        initialized = true;
      },
      async destroy() {
        initialized = false;
      },
      async query(sql: string) {
        if (server.down) throw new Error('Connection terminated unexpectedly');
        if (sql.includes('rolsuper AS super')) return [{ name: server.role, super: server.superuser, bypass: false }];
        if (sql.includes('relkind')) return [];
        if (sql.includes('pg_has_role(current_user, r.oid')) return [{ unsafe: false, member: true, inherits: false }];
        server.lagChecks++;
        return [{ lag: server.lag }];
      },
    };
    return source as unknown as DataSource;
  };
  const open = () =>
    ReadReplica.open({
      create: stub,
      role: 'cpts_app',
      maxLagSeconds: 30,
      logger: {
        info: (_: unknown, msg: string) => logs.push({ level: 'info', msg }),
        warn: (_: unknown, msg: string) => logs.push({ level: 'warn', msg }),
        error: (_: unknown, msg: string) => logs.push({ level: 'error', msg }),
      } as never,
      metrics: new Metrics('test'),
    });
  const where = (replica: ReadReplica) => replica.read(primary, async (ds) => (ds as unknown as { name: string }).name);

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    server = { lag: 0, down: false, role: 'cpts_app', superuser: false, lagChecks: 0, connects: 0 };
    logs = [];
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads on the replica, measuring its lag once per 2 s, not per read', async () => {
    const replica = await open();
    for (let i = 0; i < 10; i++) expect(await where(replica)).toBe('replica');
    expect(server.lagChecks).toBe(1); // at boot
    now += 2_000;
    await Promise.all([where(replica), where(replica), where(replica)]);
    expect(server.lagChecks).toBe(2); // one check, shared
    expect(logs).toEqual([{ level: 'info', msg: 'read replica in use: the regional reads go to it' }]);
  });

  it('sends the reads to the primary while the lag is over the maximum (or unknown), with one warning', async () => {
    const replica = await open();
    server.lag = 31;
    for (let i = 0; i < 3; i++) {
      now += 2_000;
      expect(await where(replica)).toBe('primary');
    }
    server.lag = null;
    now += 2_000;
    expect(await where(replica)).toBe('primary');
    server.lag = 0.2;
    now += 2_000;
    expect(await where(replica)).toBe('replica');
    expect(logs.map((l) => l.level)).toEqual(['info', 'warn', 'info']);
    expect(replica.status()).toMatchObject({ state: 'in_use', lagSeconds: 0.2, maxLagSeconds: 30 });
  });

  it('answers from the primary when the replica fails mid-read, and leaves it alone for 5 s', async () => {
    const replica = await open();
    let attempts = 0;
    const read = () =>
      replica.read(primary, async (ds) => {
        attempts++;
        if (ds !== primary) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        return 'primary';
      });
    expect(await read()).toBe('primary');
    expect(attempts).toBe(2);
    expect(await read()).toBe('primary');
    expect(attempts).toBe(3); // not tried again
    now += 5_000;
    expect(await where(replica)).toBe('replica'); // the check found it answering
    expect(logs.map((l) => `${l.level} ${l.msg}`)).toEqual([
      'info read replica in use: the regional reads go to it',
      'warn read replica unreachable: the regional reads go to the primary',
      'info read replica in use: the regional reads go to it',
    ]);
  });

  it('has the primary answer a read the standby cancelled for its replay, and keeps the replica', async () => {
    const replica = await open();
    const conflict = Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' });
    const answer = await replica.read(primary, async (ds) => {
      if (ds !== primary) throw conflict;
      return 'primary';
    });
    expect(answer).toBe('primary');
    expect(await where(replica)).toBe('replica');
    expect(logs).toHaveLength(1);
  });

  it('lets a statement error through: it would fail on the primary alike', async () => {
    const replica = await open();
    const bad = Object.assign(new Error('relation "nope" does not exist'), { code: '42P01' });
    await expect(replica.read(primary, async () => Promise.reject(bad))).rejects.toBe(bad);
  });

  it('starts without a replica down at boot, and uses it once it answers', async () => {
    server.down = true;
    const replica = await open();
    expect(await where(replica)).toBe('primary');
    expect(replica.status().state).toBe('down');
    server.down = false;
    now += 5_000;
    expect(await where(replica)).toBe('replica');
    expect(server.connects).toBe(2); // a fresh DataSource after the failed one
  });

  it('refuses at boot a replica reached as another role, or one that could bypass row-level security', async () => {
    server.role = 'cpts_owner';
    await expect(open()).rejects.toThrow(/DATABASE_REPLICA_URL connects as "cpts_owner", DATABASE_URL as "cpts_app"/);
    server.role = 'cpts_app';
    server.superuser = true;
    await expect(open()).rejects.toThrow(UnsafeDatabaseRoleError);
  });
});
