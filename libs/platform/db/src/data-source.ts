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
      statement_timeout: 15000,
      idle_in_transaction_session_timeout: 30000,
    },
  });
}
