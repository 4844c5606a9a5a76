import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { AuthEnv, ConfigModule, DatabaseEnv, GatewayEnv, MailEnv, RedisEnv, RuntimeEnv, StorageEnv } from '@cpts/platform-config';
import { DOMAINS } from '@cpts/domains';
import { DbModule } from '@cpts/platform-db';
import { gatewayDomains } from '@cpts/platform-domain';
import { reminderEntities } from '@cpts/platform-reminders';
import { AccessGuard, IdentityModule, identityEntities } from '@cpts/platform-identity';
import { MailOutboxRow } from '@cpts/platform-mail';
import { Logger, Metrics, ObservabilityModule } from '@cpts/platform-observability';
import { QueueModule } from '@cpts/platform-queue';
import { ReferenceModule, referenceEntities } from '@cpts/platform-reference';
import { GraphQLErrorPassThrough } from './graphql-error.filter';
import { complexityLimit } from './complexity';
import { mercuriusErrorFormatter } from './errors';
import { HealthController } from './health.controller';
import { PublicRateGuard } from './public-rate.guard';
import { createValidationPipe } from './validation';

export const GRAPHQL_PATH = '/graphql';

export const gatewayEntities = [...referenceEntities, ...identityEntities, MailOutboxRow, ...reminderEntities, ...DOMAINS.flatMap((d) => d.entities)];

/** The gateway: GraphQL for the web app, plus health and metrics; each domain library's module (DOMAINS). */
export function gatewayModule(logger: Logger, metrics: Metrics) {
  @Module({
    imports: [
      ObservabilityModule.forRoot(logger, metrics),
      ConfigModule.forRoot([RuntimeEnv, DatabaseEnv, RedisEnv, AuthEnv, MailEnv, GatewayEnv, StorageEnv]),
      DbModule.forRoot({ entities: gatewayEntities, applicationName: 'cpts-gateway', readReplica: true }),
      QueueModule.forRoot(),
      GraphQLModule.forRootAsync<MercuriusDriverConfig>({
        driver: MercuriusDriver,
        inject: [GatewayEnv, RuntimeEnv],
        useFactory: (gateway: GatewayEnv, runtime: RuntimeEnv) => ({
          autoSchemaFile: true,
          sortSchema: true,
          path: GRAPHQL_PATH,
          graphiql: runtime.NODE_ENV === 'development',
          // Compile an operation to JavaScript once it has run once.
          jit: 1,
          queryDepth: gateway.GRAPHQL_MAX_DEPTH,
          allowBatchedQueries: false,
          validationRules: runtime.NODE_ENV === 'production' ? [NoSchemaIntrospectionCustomRule] : [],
          hooks: { preExecution: [complexityLimit(gateway.GRAPHQL_MAX_COMPLEXITY)] },
          errorFormatter: mercuriusErrorFormatter(logger),
          context: (req: unknown, reply: unknown) => ({ req, reply }),
        }),
      }),
      ReferenceModule,
      IdentityModule,
      gatewayDomains(DOMAINS),
    ],
    controllers: [HealthController],
    providers: [
      { provide: APP_GUARD, useExisting: AccessGuard },
      { provide: APP_GUARD, useClass: PublicRateGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_FILTER, useClass: GraphQLErrorPassThrough },
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
