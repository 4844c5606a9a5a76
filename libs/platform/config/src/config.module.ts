import { DynamicModule, Module } from '@nestjs/common';
import { loadEnv } from './env';

/**
 * Provides each requested env group as an injectable, validated at boot:
 * `ConfigModule.forRoot([DatabaseEnv, RedisEnv])`, then inject `DatabaseEnv`.
 */
@Module({})
export class ConfigModule {
  static forRoot(groups: Array<new () => object>, source: NodeJS.ProcessEnv = process.env): DynamicModule {
    const providers = groups.map((group) => ({ provide: group, useValue: loadEnv(group, source) }));
    return { module: ConfigModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
