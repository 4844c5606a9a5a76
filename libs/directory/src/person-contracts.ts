import { Injectable, Provider } from '@nestjs/common';
import { AppError, isUuid, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DIRECTORY_SQL, PersonConsents, PersonDirectory, PersonHistory, PersonIntake, PersonInvolvement, PersonMemberships, PersonRef } from '@cpts/platform-persons';
import { DirectoryPersonConsents } from './consents/person-consents';
import { PersonHistoryService } from './history/person-history.service';
import { InvolvementService } from './involvement/involvement.service';
import { DirectoryPersonIntake } from './person-intake.contract';
import { DirectoryPersonMemberships } from './person-memberships.contract';
import { directorySql } from './sites/practice-sites-sql';

/** PersonDirectory on the professionals table; a merged record stands for the one it was merged into (merges are one hop deep). */
@Injectable()
export class DirectoryPersons implements PersonDirectory {
  constructor(private readonly db: Db) {}

  async resolve(professionalIds: readonly string[]): Promise<Map<string, PersonRef>> {
    // An id that is no uuid names nobody (rather than failing the statement).
    const ids = professionalIds.filter(isUuid);
    if (ids.length === 0) return new Map();
    const rows = await this.db.tenantRows<PersonRef & { askedId: string }>(
      `SELECT asked.id AS "askedId", p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.profession_code AS "professionCode",
              nullif(btrim(p.email), '') AS email, p.archived_at IS NOT NULL AS archived, p.erased_at IS NOT NULL AS erased
       FROM professionals asked
       JOIN professionals p ON p.tenant_id = asked.tenant_id AND p.id = coalesce(asked.merged_into, asked.id)
       WHERE asked.tenant_id = $1 AND asked.id = ANY($2::uuid[])`,
      [requireTenantId(), ids],
    );
    return new Map(rows.map(({ askedId, ...person }) => [askedId, person]));
  }

  async require(professionalId: string): Promise<PersonRef> {
    const person = (await this.resolve([professionalId])).get(professionalId);
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    return person;
  }

  withEmail(email: string): Promise<PersonRef[]> {
    return this.db.tenantRows<PersonRef>(
      `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.profession_code AS "professionCode",
              nullif(btrim(p.email), '') AS email, false AS archived, false AS erased
       FROM professionals p
       WHERE p.tenant_id = $1 AND lower(btrim(p.email)) = lower(btrim($2)) AND p.merged_into IS NULL AND p.archived_at IS NULL AND p.erased_at IS NULL
       ORDER BY p.last_name, p.first_name, p.id`,
      [requireTenantId(), email],
    );
  }
}

/**
 * The person contracts as the directory implements them, provided by the
 * (global) DirectoryModule to every module of the gateway: a domain injects
 * PersonDirectory, PersonHistory, PersonInvolvement, PersonConsents or
 * DIRECTORY_SQL and never imports this library.
 */
export const personContractProviders: Provider[] = [
  DirectoryPersons,
  DirectoryPersonConsents,
  { provide: PersonDirectory, useExisting: DirectoryPersons },
  { provide: PersonHistory, useExisting: PersonHistoryService },
  { provide: PersonInvolvement, useExisting: InvolvementService },
  { provide: PersonConsents, useExisting: DirectoryPersonConsents },
  DirectoryPersonIntake,
  { provide: PersonIntake, useExisting: DirectoryPersonIntake },
  { provide: PersonMemberships, useClass: DirectoryPersonMemberships },
  { provide: DIRECTORY_SQL, useValue: directorySql },
];

export const PERSON_CONTRACTS = [PersonDirectory, PersonHistory, PersonInvolvement, PersonConsents, PersonIntake, PersonMemberships, DIRECTORY_SQL];
