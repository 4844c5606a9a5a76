import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DatabaseEnv } from '@cpts/platform-config';
import { DataSource, MixedList } from 'typeorm';
import { createDataSource } from './data-source';
import { Db } from './db';
import { RegionalReader } from './regional-reader';
import { regionalRoleOf } from './provisioning';
import { assertRuntimeRoleIsConfined } from './runtime-role';

export interface DbModuleOptions {
  entities: MixedList<new () => unknown>;
  applicationName: string;
}

/** The runtime connection, once its role passed the boot check, with that role's name. */
abstract class CheckedConnection {
  abstract dataSource: DataSource;
  abstract role: string;
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The runtime database connection of an app (gateway, worker), checked at boot. */
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
        { provide: RegionalReader, inject: [Db, CheckedConnection], useFactory: (db: Db, c: CheckedConnection) => new RegionalReader(db, regionalRoleOf(c.role)) },
        DataSourceCloser,
      ],
      exports: [DataSource, Db, RegionalReader],
    };
  }
}
