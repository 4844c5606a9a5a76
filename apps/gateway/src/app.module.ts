import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { AuthEnv, ConfigModule, DatabaseEnv, GatewayEnv, MailEnv, RedisEnv, RuntimeEnv, StorageEnv } from '@cpts/platform-config';
import { DbModule } from '@cpts/platform-db';
import { ConsentsService, DirectoryModule, directoryEntities, directorySql } from '@cpts/directory';
import { CampaignClicksModule, CampaignPersonData, MailingConsents, MailingModule, mailingEntities, PreferencesModule } from '@cpts/mailing';
import { reminderEntities } from '@cpts/platform-reminders';
import { AccessGuard, IdentityModule, identityEntities } from '@cpts/platform-identity';
import { MailOutboxRow } from '@cpts/platform-mail';
import { Logger, Metrics } from '@cpts/platform-observability';
import { QueueModule } from '@cpts/platform-queue';
import { ReferenceModule, referenceEntities } from '@cpts/platform-reference';
import { GraphQLErrorPassThrough } from './graphql-error.filter';
import { complexityLimit } from './complexity';
import { mercuriusErrorFormatter } from './errors';
import { HealthController } from './health.controller';
import { DirectoryMailingConsents } from './mailing-consents';
import { PublicRateGuard } from './public-rate.guard';
import { LOGGER } from './tokens';
import { createValidationPipe } from './validation';

export const GRAPHQL_PATH = '/graphql';

export const gatewayEntities = [...referenceEntities, ...identityEntities, MailOutboxRow, ...directoryEntities, ...mailingEntities, ...reminderEntities];

/** The gateway: GraphQL for the web app, plus health and metrics. */
export function gatewayModule(logger: Logger, metrics: Metrics) {
  // The mailings' rows about a person join the GDPR export, the erasure and the merge.
  // One object, imported twice below: Nest keeps one instance of it.
  const directory = DirectoryModule.withPersonData([CampaignPersonData]);
  @Module({
    imports: [
      ConfigModule.forRoot([RuntimeEnv, DatabaseEnv, RedisEnv, AuthEnv, MailEnv, GatewayEnv, StorageEnv]),
      DbModule.forRoot({ entities: gatewayEntities, applicationName: 'cpts-gateway' }),
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
      directory,
      CampaignClicksModule.forGateway(logger, directorySql),
      // Campaigns select recipients with the directory's one contact rule, and by commune with its practice sites.
      MailingModule.forRoot({ directorySql }),
      // Unsubscribe links, the preferences page, the inbound mail webhook: choices recorded as the directory's consents.
      PreferencesModule.forRoot({
        imports: [directory],
        consents: { provide: MailingConsents, inject: [ConsentsService], useFactory: (consents: ConsentsService) => new DirectoryMailingConsents(consents) },
      }),
    ],
    controllers: [HealthController],
    providers: [
      { provide: LOGGER, useValue: logger },
      { provide: Metrics, useValue: metrics },
      { provide: APP_GUARD, useExisting: AccessGuard },
      { provide: APP_GUARD, useClass: PublicRateGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_FILTER, useClass: GraphQLErrorPassThrough },
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
