import { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface DataSourceOptions {
  url: string;
  entities: MixedList<string | (new () => unknown) | EntitySchema>;
  migrations?: MixedList<string | (new () => unknown)>;
  poolSize?: number;
  /** Shows in pg_stat_activity: which process holds a connection. */
  applicationName: string;
}

/** The one way to build a TypeORM DataSource: migrations only, never synchronize. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      // A request never waits forever for a connection or a lock.
      connectionTimeoutMillis: 5000,
      ...DATABASE_LIMITS,
    },
  });
}

/**
 * What every connection of the apps works under, in ms: no statement runs
 * longer, and no transaction stays idle longer (a stuck process holding row
 * locks). Sent as connection parameters, for the whole session.
 */
export const DATABASE_LIMITS = { statement_timeout: 15000, idle_in_transaction_session_timeout: 30000 } as const;

/**
 * The same limits for the current transaction only: items of a SELECT list,
 * for the statement that opens each transaction (with its tenant). Behind a
 * transaction pooler (PgBouncer, pool_mode = transaction), connection
 * parameters reach no server connection (PgBouncer refuses them, or drops them
 * when told to ignore them), and each transaction may run on another one:
 * the limits then hold because every transaction brings them.
 */
export const TRANSACTION_LIMITS = Object.entries(DATABASE_LIMITS)
  .map(([name, ms]) => `set_config('${name}', '${ms}', true)`)
  .join(', ');
