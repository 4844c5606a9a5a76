import { InvolvementLevel } from './involvement-level';
import { MailedPurpose, PurposeStanding } from './mailed-purposes';

/**
 * What every domain needs of the directory, as contracts the directory
 * implements (libs/directory/src/person-contracts.providers.ts) and provides
 * to the whole gateway: a domain injects these classes and never imports the
 * directory's library, nor needs an adapter in an app.
 *
 * Every method runs in the calling request's tenant scope and transaction:
 * what a domain writes about a person commits or rolls back with its own change.
 */

/** A person of the CPTS's directory, as other modules see them. */
export interface PersonRef {
  /** The record's id today: a merged record's id resolves to the record it was merged into. */
  id: string;
  firstName: string;
  lastName: string;
  professionCode: string;
  email: string | null;
  /** Left the directory (archived): kept for history, not invited anymore. */
  archived: boolean;
  /** Erased on request: no identity left. */
  erased: boolean;
}

/** Finding people: ids that modules stored may name a record merged since. */
export abstract class PersonDirectory {
  /** The people of these ids in the current CPTS, each following merges; an unknown id is absent from the map. */
  abstract resolve(professionalIds: readonly string[]): Promise<Map<string, PersonRef>>;
  /** One person, following merges; a French NOT_FOUND error when the CPTS has no such person. */
  abstract require(professionalId: string): Promise<PersonRef>;
  /** The living people (not archived, not erased, not merged away) with this email address, whatever its case. */
  abstract withEmail(email: string): Promise<PersonRef[]>;
}

/** A person's history: the line the staff read on the person's page, with its facts for the GDPR export. */
export abstract class PersonHistory {
  /** `kind`: `<module>.<event>` (e.g. `working_group.joined`); `summary`: the French sentence. */
  abstract record(professionalId: string, kind: string, summary: string, details?: Record<string, unknown>): Promise<void>;
}

/**
 * A person's involvement level is the highest of its sources; a module owns
 * its sources (`membership`, `working_group:<id>`...) and sets them from what
 * people do, never by hand.
 */
export abstract class PersonInvolvement {
  /** Sets (or with null removes) one source's level for these people; the level on each record follows in the same transaction. */
  abstract setSourceFor(professionalIds: readonly string[], source: string, level: InvolvementLevel | null): Promise<void>;
}

/** A person's choices about the messages the CPTS sends, recorded as the directory's consents (proof, history line). */
export abstract class PersonConsents {
  /** The person's standing for each mailed purpose, in MAILED_PURPOSES order. */
  abstract standing(professionalId: string): Promise<PurposeStanding[]>;
  /** Records a withdrawal with the method unsubscribe_link; a second one changes nothing. */
  abstract withdraw(professionalId: string, purpose: MailedPurpose, note: string | null): Promise<void>;
  /** Records a consent given with the method form and this wording version, which must be the purpose's current one. */
  abstract give(professionalId: string, purpose: MailedPurpose, wordingVersion: string, note: string | null): Promise<void>;
}
