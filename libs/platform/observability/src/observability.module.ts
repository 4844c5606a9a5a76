import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from './logger';
import { Metrics } from './metrics';

/** The app's pino logger, for providers that log (every module's, through ObservabilityModule). */
export const LOGGER = Symbol('LOGGER');

/**
 * The app's logger and metrics for every module of it, domain modules
 * included: an app creates them before Nest starts (its own logs, its
 * health server) and hands them in here.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: Metrics, useValue: metrics },
      ],
      exports: [LOGGER, Metrics],
    };
  }
}
