import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, waitUntil } from './processes';
import { REPO_ROOT } from './repo-root';
const BINARY = '/usr/sbin/pgbouncer';
/** The admin console's user (SHOW POOLS, SHOW STATS): known to PgBouncer only, never to PostgreSQL. */
const ADMIN_USER = 'pgbouncer_admin';

export interface PgBouncerOptions {
  /** The runtime connection to put PgBouncer in front of (default DATABASE_URL): same role and database. */
  databaseUrl?: string;
  /** Server connections per role and database: small, so that many clients share few and a leak between them would show. */
  poolSize?: number;
  /** Client connections PgBouncer accepts (every app's pool together). */
  maxClients?: number;
}

export interface PgBouncer {
  /** `databaseUrl` through PgBouncer: same role and database, PgBouncer's port. */
  url: string;
  /** PgBouncer's admin console (SHOW POOLS, SHOW STATS, SHOW SERVERS). */
  adminUrl: string;
  /** Its server connections for the role and database at most (default_pool_size). */
  poolSize: number;
  /** Runs one command on the admin console (its answers are text columns). */
  show(what: 'POOLS' | 'STATS' | 'SERVERS' | 'CLIENTS'): Promise<Array<Record<string, string>>>;
  /** What PgBouncer logged: for a failing test's message. */
  readonly log: string;
  /** Stops PgBouncer and removes its files (safe to call twice). */
  stop(): Promise<void>;
}

/**
 * PgBouncer (Debian's package) in pool_mode = transaction on a free loopback
 * port, in front of the local PostgreSQL, as production runs it in front of
 * many replicas (docs/scaling.md): each transaction of a client runs on
 * whichever server connection is free. Its files live under .data/scale/.
 * auth_type = trust, as the local PostgreSQL: PgBouncer still only admits the
 * roles of its auth file. Its server connections log in as the client's role
 * (no user forced in [databases]): the apps' boot check sees the runtime
 * role, which may take its regional role (SET LOCAL ROLE) as on a direct
 * connection.
 */
export async function startPgBouncer(options: PgBouncerOptions = {}): Promise<PgBouncer> {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: apt-get install pgbouncer (npm test installs it when run as root).`);
  const target = new URL(options.databaseUrl ?? (process.env.DATABASE_URL as string));
  const user = decodeURIComponent(target.username);
  const database = target.pathname.slice(1);
  const port = await freePort();
  const poolSize = options.poolSize ?? 3;
  const dir = path.join(REPO_ROOT, '.data/scale', `pgbouncer-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(
    path.join(dir, 'userlist.txt'),
    `${quoted(user)} ${quoted(decodeURIComponent(target.password))}\n${quoted(ADMIN_USER)} ""\n`,
  );
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      '',
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      `admin_users = ${ADMIN_USER}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'min_pool_size = 0',
      'reserve_pool_size = 0',
      `max_client_conn = ${options.maxClients ?? 200}`,
      // Transaction mode: nothing of a session is kept for the next client, so there is nothing to reset.
      'server_reset_query =',
      // The apps send their limits as connection parameters too (for a direct connection); here each transaction brings them.
      'ignore_startup_parameters = statement_timeout,idle_in_transaction_session_timeout',
      // A client waiting this long for a server connection fails, rather than a test hanging.
      'query_wait_timeout = 30',
      // Warnings and errors only: a test's message shows them when it fails.
      'log_connections = 0',
      'log_disconnections = 0',
      'logfile =',
      'pidfile =',
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root: it switches to the postgres user (-u). It writes no file (it logs to stderr).
  const asRoot = userInfo().uid === 0;
  const child = spawn(BINARY, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const adminUrl = `postgres://${ADMIN_USER}@127.0.0.1:${port}/pgbouncer`;
  const show: PgBouncer['show'] = async (what) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      // Without parameters: the simple query protocol, the only one the admin console speaks.
      return (await client.query(`SHOW ${what}`)).rows as Array<Record<string, string>>;
    } finally {
      await client.end();
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopChild(child, exited);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      () =>
        child.exitCode !== null ||
        show('POOLS').then(
          () => true,
          () => false,
        ),
      30_000,
      `PgBouncer listening on port ${port}`,
    );
    if (child.exitCode !== null) throw new Error(`PgBouncer exited (${child.exitCode})`);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    adminUrl,
    poolSize,
    show,
    get log() {
      return log;
    },
    stop,
  };
}

/** SIGTERM (PgBouncer's fast shutdown: clients are cut), SIGKILL if it lingers. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
