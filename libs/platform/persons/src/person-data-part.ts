import { Inject, Injectable, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * What a module holds on a person of the directory, for the operations that
 * must reach all of it: the GDPR export, the erasure and the merge of two
 * records of one person. Every domain that stores rows about a professional
 * (memberships, consents, mailings, and later working groups, governance...)
 * names its parts in its DomainLibrary (`personData`) and provides them in its
 * gateway module; the directory runs them all through PersonDataParts.
 *
 * Every method runs inside the calling request's tenant transaction: an
 * erasure or a merge is all-or-nothing across modules.
 */
export interface PersonDataPart {
  /** The key of this part in the export (e.g. "memberships"). */
  readonly key: string;
  /** Everything this module holds on the person, as plain JSON (the GDPR export). */
  exportPerson(professionalId: string): Promise<unknown>;
  /**
   * Erasure: removes the person's identity and contacts from this module's
   * rows, keeping only what anonymous counts need (a year, a status, a profession).
   */
  erasePerson(professionalId: string): Promise<void>;
  /** Merge: moves the merged record's rows onto the kept one, losing nothing. */
  mergePerson(keptId: string, mergedId: string): Promise<void>;
}

/** The classes of every domain's parts, in the order of the domain list (the gateway provides it). */
export const PERSON_DATA_PART_TYPES = Symbol('PERSON_DATA_PART_TYPES');

/**
 * Every domain's person-data parts, as instances. Each class is a provider of
 * its own domain's module (it injects that domain's services); this looks
 * them up once across modules, so the directory needs to import none of them.
 */
@Injectable()
export class PersonDataParts {
  private parts: PersonDataPart[] | null = null;

  constructor(
    @Inject(PERSON_DATA_PART_TYPES) private readonly types: ReadonlyArray<Type<PersonDataPart>>,
    private readonly modules: ModuleRef,
  ) {}

  all(): PersonDataPart[] {
    this.parts ??= this.types.map((type) => this.modules.get(type, { strict: false }));
    return this.parts;
  }
}
