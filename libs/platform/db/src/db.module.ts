import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DatabaseEnv } from '@cpts/platform-config';
import { Logger, LOGGER, Metrics } from '@cpts/platform-observability';
import { DataSource, MixedList } from 'typeorm';
import { createDataSource } from './data-source';
import { Db } from './db';
import { ReadReplica } from './read-replica';
import { RegionalReader } from './regional-reader';
import { regionalRoleOf } from './provisioning';
import { assertRuntimeRoleIsConfined } from './runtime-role';

export interface DbModuleOptions {
  entities: MixedList<new () => unknown>;
  applicationName: string;
  /** Open DATABASE_REPLICA_URL for the regional reads (the gateway); an app without regional readers leaves it off. */
  readReplica?: boolean;
}

/** The runtime connection, once its role passed the boot check, with that role's name. */
abstract class CheckedConnection {
  abstract dataSource: DataSource;
  abstract role: string;
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReadReplica) private readonly replica: ReadReplica | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The runtime database connection of an app (gateway, worker), checked at
 * boot, and the read replica when DATABASE_REPLICA_URL is set (ReadReplica,
 * null otherwise), which only the regional read path uses.
 */
@Module({})
export class DbModule {
  static forRoot(options: DbModuleOptions): DynamicModule {
    return {
      module: DbModule,
      global: true,
      providers: [
        {
          provide: CheckedConnection,
          inject: [DatabaseEnv],
          useFactory: async (env: DatabaseEnv) => {
            const dataSource = createDataSource({
              url: env.DATABASE_URL,
              entities: options.entities,
              poolSize: env.DATABASE_POOL_SIZE,
              applicationName: options.applicationName,
            });
            await dataSource.initialize();
            try {
              return { dataSource, role: await assertRuntimeRoleIsConfined(dataSource) };
            } catch (err) {
              await dataSource.destroy();
              throw err;
            }
          },
        },
        { provide: DataSource, inject: [CheckedConnection], useFactory: (c: CheckedConnection) => c.dataSource },
        { provide: Db, inject: [DataSource], useFactory: (dataSource: DataSource) => new Db(dataSource) },
        {
          provide: ReadReplica,
          inject: [DatabaseEnv, CheckedConnection, LOGGER, Metrics],
          useFactory: (env: DatabaseEnv, c: CheckedConnection, logger: Logger, metrics: Metrics) => {
            const url = env.DATABASE_REPLICA_URL;
            if (!url || !options.readReplica) return null;
            return ReadReplica.open({
              create: () => createDataSource({ url, entities: options.entities, poolSize: env.DATABASE_POOL_SIZE, applicationName: `${options.applicationName}-replica` }),
              role: c.role,
              maxLagSeconds: env.DATABASE_REPLICA_MAX_LAG_SECONDS,
              logger: logger.child({ context: 'read-replica' }),
              metrics,
            });
          },
        },
        {
          provide: RegionalReader,
          inject: [Db, CheckedConnection, ReadReplica],
          useFactory: (db: Db, c: CheckedConnection, replica: ReadReplica | null) => new RegionalReader(db, regionalRoleOf(c.role), replica),
        },
        DataSourceCloser,
      ],
      exports: [DataSource, Db, RegionalReader, ReadReplica],
    };
  }
}
