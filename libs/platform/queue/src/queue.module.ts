import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { RedisEnv } from '@cpts/platform-config';
import { QueueProducer } from './producer';
import { createRedis, RedisConnection } from './redis';

/** The shared Redis client of a process (rate limits, health, producers). */
export const REDIS = Symbol('REDIS');

@Injectable()
class QueueShutdown implements OnApplicationShutdown {
  constructor(
    private readonly producer: QueueProducer,
    @Inject(REDIS) private readonly redis: RedisConnection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.producer.close();
    this.redis.disconnect();
  }
}

@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [
        { provide: REDIS, inject: [RedisEnv], // Lazy: no connection until first used, so a process that fails to boot leaves nothing open.
        useFactory: (env: RedisEnv) => createRedis(env, 'client', { lazyConnect: true }) },
        { provide: QueueProducer, inject: [REDIS, RedisEnv], useFactory: (redis: RedisConnection, env: RedisEnv) => new QueueProducer(redis, env.REDIS_PREFIX) },
        QueueShutdown,
      ],
      exports: [REDIS, QueueProducer],
    };
  }
}
