import type { Logger, Metrics } from '@cpts/platform-observability';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { isUnavailable } from './pg-errors';
import { assertRuntimeRoleIsConfined, UnsafeDatabaseRoleError } from './runtime-role';

/** in_use: reads go to the replica; lagging, down: to the primary until the next check; refused: its role failed the check, never used. */
export type ReplicaState = 'in_use' | 'lagging' | 'down' | 'refused';

export interface ReplicaStatus {
  state: ReplicaState;
  lagSeconds: number | null;
  maxLagSeconds: number;
  checkedAt: string | null;
}

export interface ReadReplicaOptions {
  /** A DataSource to the replica (not initialized yet): called again after a failed connection. */
  create: () => DataSource;
  /** The primary's runtime role: the replica must be reached as the same one (its regional role is the one SET LOCAL ROLE names). */
  role: string;
  maxLagSeconds: number;
  logger: Logger;
  metrics: Metrics;
}

/** The replication lag is measured at most this often: a request does not pay one more round trip each time. */
const CHECK_EVERY_MS = 2_000;
/** After a failure, the primary serves for this long before the replica is tried again. */
const DOWN_FOR_MS = 5_000;
/** A replica that does not answer its check within this time counts as down (a blackholed host must not hold requests). */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Seconds the replica's data is behind: 0 once it has replayed all it
 * received (`>=`, not `=`: after a restart the receive position starts at
 * the segment's beginning, behind the replay position, until the primary
 * writes again), else the age of the last transaction it replayed. NULL
 * (nothing replayed since it started, while behind) counts as lagging. A
 * server not in recovery (a promoted replica) is never behind.
 */
const LAG_SQL = `SELECT CASE
  WHEN NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() THEN 0
  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
END::float8 AS lag`;

/** A standby cancels a query whose rows its replay must remove (40001, 40P01): the primary answers that one. */
const isRecoveryConflict = (err: unknown): boolean => {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  return ['40001', '40P01'].includes(String((e?.driverError ?? e)?.code));
};

/**
 * A streaming replica for pure reads (the regional read path): used while
 * it answers and its lag is within DATABASE_REPLICA_MAX_LAG_SECONDS, else
 * the reads go to the primary. Never an error for the user: a replica that
 * lags, stops or cannot be reached only moves the reads, with one log line
 * per change of state (and the db_replica_* metrics, /health/ready's
 * "replica"). Checked at boot like the primary (the confined runtime role);
 * a replica down at boot is tried again later.
 */
export class ReadReplica {
  private source: DataSource | null = null;
  private connecting: Promise<DataSource> | null = null;
  private checking: Promise<void> | null = null;
  private state: ReplicaState | null = null;
  private lagSeconds: number | null = null;
  private checkedAt = 0;
  private closed = false;
  private readonly inUse: Gauge;
  private readonly lag: Gauge;

  private constructor(private readonly options: ReadReplicaOptions) {
    this.inUse = new Gauge({
      name: 'db_replica_in_use',
      help: 'Whether the regional reads go to the read replica (1) or fall back to the primary (0)',
      registers: [options.metrics.registry],
    });
    this.lag = new Gauge({
      name: 'db_replica_lag_seconds',
      help: 'Replication lag of the read replica at its last check',
      registers: [options.metrics.registry],
    });
  }

  /** Connects and checks the replica once; an unsafe role stops the app (UnsafeDatabaseRoleError), an unreachable replica does not. */
  static async open(options: ReadReplicaOptions): Promise<ReadReplica> {
    const replica = new ReadReplica(options);
    await replica.check({ atBoot: true });
    return replica;
  }

  /**
   * `read` on the replica when it is usable, else on the primary. A replica
   * lost during the read (or cancelling it for its replay) has the primary
   * answer instead: `read` may run twice, so it must only read.
   */
  async read<T>(primary: DataSource, read: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const replica = await this.usable();
    if (replica) {
      try {
        return await read(replica);
      } catch (err) {
        if (isUnavailable(err)) this.markDown(err);
        else if (!isRecoveryConflict(err)) throw err;
      }
    }
    return read(primary);
  }

  /** The state as last checked, for /health/ready (information only: the primary serves without the replica); starts a check when stale, without waiting. */
  status(): ReplicaStatus {
    if (this.stale()) void this.refresh();
    return {
      state: this.state ?? 'down',
      lagSeconds: this.lagSeconds,
      maxLagSeconds: this.options.maxLagSeconds,
      checkedAt: this.checkedAt ? new Date(this.checkedAt).toISOString() : null,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const source = this.source ?? (await this.connecting?.catch(() => null));
    if (source?.isInitialized) await source.destroy();
  }

  private async usable(): Promise<DataSource | null> {
    if (this.closed || this.state === 'refused') return null;
    if (this.stale()) await this.refresh();
    return this.state === 'in_use' ? this.source : null;
  }

  private stale(): boolean {
    return Date.now() - this.checkedAt >= (this.state === 'down' ? DOWN_FOR_MS : CHECK_EVERY_MS);
  }

  /** One check at a time, shared by the requests that find the state stale. */
  private refresh(): Promise<void> {
    this.checking ??= this.check({ atBoot: false }).finally(() => (this.checking = null));
    return this.checking;
  }

  private async check({ atBoot }: { atBoot: boolean }): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const lag = await Promise.race([
        this.measure(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
      this.lagSeconds = lag;
      this.enter(lag !== null && lag <= this.options.maxLagSeconds ? 'in_use' : 'lagging');
    } catch (err) {
      if (!(err instanceof UnsafeDatabaseRoleError)) this.enter('down', err);
      else if (atBoot) throw err;
      else this.enter('refused', err);
    } finally {
      clearTimeout(timer);
      this.checkedAt = Date.now();
    }
  }

  private async measure(): Promise<number | null> {
    this.source ??= await (this.connecting ??= this.connect().finally(() => (this.connecting = null)));
    const [row] = (await this.source.query(LAG_SQL)) as Array<{ lag: number | null }>;
    return row.lag;
  }

  /** A fresh DataSource each time: one whose first connection failed is not reused. */
  private async connect(): Promise<DataSource> {
    const dataSource = this.options.create();
    await dataSource.initialize();
    try {
      const role = await assertRuntimeRoleIsConfined(dataSource);
      if (role !== this.options.role) {
        throw new UnsafeDatabaseRoleError(
          `Refusing the read replica: DATABASE_REPLICA_URL connects as "${role}", DATABASE_URL as "${this.options.role}"; both must use the runtime role.`,
        );
      }
      if (this.closed) throw new Error('closed');
      return dataSource;
    } catch (err) {
      await dataSource.destroy();
      throw err;
    }
  }

  private markDown(err: unknown): void {
    this.checkedAt = Date.now();
    this.enter('down', err);
  }

  private enter(state: ReplicaState, err?: unknown): void {
    const was = this.state;
    this.state = state;
    this.inUse.set(state === 'in_use' ? 1 : 0);
    if (this.lagSeconds !== null) this.lag.set(this.lagSeconds);
    if (state === was) return;
    const { logger, maxLagSeconds } = this.options;
    const facts = { replica: state, lagSeconds: this.lagSeconds, maxLagSeconds };
    if (state === 'in_use') logger.info(facts, 'read replica in use: the regional reads go to it');
    else if (state === 'lagging') logger.warn(facts, 'read replica lagging behind the primary: the regional reads go to the primary');
    else if (state === 'down') logger.warn({ ...facts, err }, 'read replica unreachable: the regional reads go to the primary');
    else logger.error({ ...facts, err }, 'read replica refused (its role failed the check): the regional reads stay on the primary');
  }
}
