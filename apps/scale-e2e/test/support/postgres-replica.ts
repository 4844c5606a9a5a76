import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, REPO_ROOT } from '@cpts/testing';
import { Client } from 'pg';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** PostgreSQL's binaries refuse to run as root: as the postgres user then. */
function pg(binary: string, args: string[]): Promise<unknown> {
  const file = path.join(BIN, binary);
  return asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

/** One server of the pair: its port, its data directory, its log (every statement of the runtime role, with the client's application_name). */
export class PgServer {
  constructor(
    readonly name: string,
    readonly port: number,
    readonly dir: string,
    private readonly socketDir: string,
  ) {}

  get log(): string {
    return path.join(this.socketDir, `${this.name}.log`);
  }

  adminUrl(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): Promise<unknown> {
    // fsync off: a test server, whose data dies with it. log_line_prefix names the client (application_name).
    const options = `-p ${this.port} -k ${this.socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB -c log_line_prefix=%a:`;
    return pg('pg_ctl', ['-D', this.dir, '-l', this.log, '-w', '-t', '60', '-o', options, 'start']);
  }

  /** `immediate`: as a crash (what the fallback must survive); `fast`: a clean stop. */
  async stop(mode: 'immediate' | 'fast'): Promise<void> {
    if (existsSync(path.join(this.dir, 'postmaster.pid'))) await pg('pg_ctl', ['-D', this.dir, '-m', mode, '-w', 'stop']);
  }

  /** The server log's current length: what `logSince` reads from. */
  logSize(): number {
    return existsSync(this.log) ? statSync(this.log).size : 0;
  }

  logSince(offset: number): string {
    return existsSync(this.log) ? readFileSync(this.log).subarray(offset).toString('utf8') : '';
  }

  /** One statement as the superuser. */
  async sql<T = Record<string, unknown>>(database: string, text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.adminUrl(database) });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}

/**
 * A PostgreSQL primary of the test's own (the machine's server has no
 * replication line in pg_hba.conf, and its configuration is not ours to
 * change) and, once `addReplica` is called, a streaming replica of it:
 * pg_basebackup -R, hot standby. Under .data/scale/replica-<id>/, removed by
 * close(). Timings of each step in `timings` (ms).
 */
export class PostgresPair {
  readonly timings: Record<string, number> = {};
  replica: PgServer | null = null;

  private constructor(
    readonly dir: string,
    readonly primary: PgServer,
  ) {}

  static async start(): Promise<PostgresPair> {
    const dir = path.join(REPO_ROOT, '.data/scale', `replica-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
    const pair = new PostgresPair(dir, new PgServer('primary', await freePort(), path.join(dir, 'primary'), dir));
    // trust for every local client, replication included (initdb's default lines); wal_level is replica by default.
    await pair.timed('initdb', () => pg('initdb', ['-D', pair.primary.dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']));
    await pair.timed('primary start', () => pair.primary.start());
    return pair;
  }

  /** A base backup of the primary, started as a hot standby that streams from it. */
  async addReplica(): Promise<PgServer> {
    const replica = new PgServer('replica', await freePort(), path.join(this.dir, 'replica'), this.dir);
    await this.timed('basebackup', () =>
      pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(this.primary.port), '-U', 'postgres', '-D', replica.dir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']),
    );
    await this.timed('replica start', () => replica.start());
    this.replica = replica;
    return replica;
  }

  async timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      this.timings[step] = Date.now() - started;
    }
  }

  /** Both servers stopped (each even if the other fails), then the directory removed. */
  async close(): Promise<void> {
    const stops = await Promise.allSettled([this.replica?.stop('immediate'), this.primary.stop('immediate')]);
    rmSync(this.dir, { recursive: true, force: true });
    const failed = stops.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
