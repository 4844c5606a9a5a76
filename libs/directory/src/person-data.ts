/**
 * What a module holds on a person of the directory, for the operations that
 * must reach all of it: the GDPR export, the erasure and the merge of two
 * records of one person. Every module that stores rows about a professional
 * (memberships, consents, labels, and later working groups, governance...)
 * provides one part; DirectoryModule lists them under PERSON_DATA_PARTS.
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

export const PERSON_DATA_PARTS = Symbol('PERSON_DATA_PARTS');
