import type { PersonRef } from './person-contracts';

/** Who someone says they are on a public form (a call for projects' proposal). */
export interface SelfIdentification {
  /** The RPPS number, when they give it: it decides alone. */
  rpps: string | null;
  firstName: string;
  lastName: string;
  professionCode: string;
  communeCode: string;
  /** Required of whoever fills the form (their link goes there); null for a co-carrier they name. */
  email: string | null;
}

/**
 * People who come to the CPTS through a public form, without an account:
 * matched to the directory, or entered in it. A record created this way is
 * for the staff to check: its history says where it came from, and when it
 * is a duplicate of another the directory's duplicates list shows the pair
 * (the existing deduplication: candidates are computed on read).
 */
export abstract class PersonIntake {
  /**
   * The person of the directory this is: by RPPS number when given, else by
   * address (one living record with it), else by name, profession and
   * commune; otherwise a new record (the commune must be on the territory,
   * the profession known: French field errors), with `origin` in its history.
   */
  abstract findOrCreate(who: SelfIdentification, origin: string): Promise<{ person: PersonRef; created: boolean }>;
}
