import { DynamicModule, Module, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import { PERSON_DATA_PART_TYPES, PersonDataPart, PersonDataParts } from '@cpts/platform-persons';
import { REMINDER_HANDLERS, ReminderHandler } from '@cpts/platform-reminders';

/**
 * Everything the apps need of one domain library (directory, mailing, and
 * the modules to come), declared once in `libs/<domain>/src/<domain>.domain.ts`.
 * The gateway, the worker and the migrator each read the one list of them
 * (`DOMAINS` in @cpts/domains); nothing else in an app names a domain.
 */
export interface DomainLibrary {
  /** Its name, as in its path (`libs/<name>`). */
  readonly name: string;
  /** The TypeORM entities of its tables. */
  readonly entities: readonly Type[];
  /** The migrations of its tables; the migrator runs every domain's in timestamp order. */
  readonly migrations: ReadonlyArray<Type<MigrationInterface>>;
  /** Its GraphQL resolver classes: the gateway's schema and docs/permissions.md are built from them (they are providers of `gateway`). */
  readonly resolvers: readonly Type[];
  /** The Nest module the gateway imports: its resolvers, services and public routes (controllers). */
  readonly gateway: Type | DynamicModule;
  /** Its rows about a person, for the GDPR export, the erasure and the merge (providers of `gateway`). */
  readonly personData?: ReadonlyArray<Type<PersonDataPart>>;
  /** The Nest module the worker imports: its queue consumers and periodic passes. */
  readonly worker?: Type | DynamicModule;
  /** Its kinds of reminders, fired by the worker (their constructors inject global providers only, such as Db). */
  readonly reminderHandlers?: ReadonlyArray<Type<ReminderHandler>>;
  /** The addresses its public pages had before, which printed or mailed links still use (providers of `gateway`). */
  readonly formerPages?: ReadonlyArray<Type<FormerPageAddress>>;
}

/**
 * A public page's address of before, `/<prefix>/<token>`: the gateway
 * answers it with a permanent redirect to where the page is today.
 */
export interface FormerPageAddress {
  readonly prefix: string;
  /** The page's path today (under /cpts/<slug>/), or null when the token names nothing. */
  locate(token: string): Promise<string | null>;
}

@Module({})
class GatewayDomainsModule {}

/**
 * The gateway's side of the domains: each one's module, and every domain's
 * person-data parts for the directory's export, erasure and merge
 * (PersonDataParts, available to every module).
 */
export function gatewayDomains(domains: readonly DomainLibrary[]): DynamicModule {
  return {
    module: GatewayDomainsModule,
    global: true,
    imports: domains.map((d) => d.gateway),
    providers: [{ provide: PERSON_DATA_PART_TYPES, useValue: domains.flatMap((d) => d.personData ?? []) }, PersonDataParts],
    exports: [PersonDataParts],
  };
}

@Module({})
class WorkerDomainsModule {}

/** The worker's side of the domains: each one's worker module, and every domain's reminder handlers (REMINDER_HANDLERS). */
export function workerDomains(domains: readonly DomainLibrary[]): DynamicModule {
  const handlers = domains.flatMap((d) => d.reminderHandlers ?? []);
  return {
    module: WorkerDomainsModule,
    global: true,
    imports: domains.flatMap((d) => (d.worker ? [d.worker] : [])),
    providers: [...handlers, { provide: REMINDER_HANDLERS, inject: handlers, useFactory: (...instances: ReminderHandler[]) => instances }],
    exports: [REMINDER_HANDLERS],
  };
}
