/**
 * Memberships (adhésions) as other modules need them. The directory keeps
 * one membership per person and calendar year, with no dates of its own
 * inside the year: an active membership of year N covers every day of N.
 * "Active" is the directory's status `active` (a fee paid, or a free
 * membership), as the staff keep it today: a membership resigned or lapsed
 * since no longer counts.
 */
export abstract class PersonMemberships {
  /**
   * Of these people (ids as PersonDirectory resolves them: a merge moves the
   * merged record's memberships onto the kept one), those with an active
   * membership of the CPTS for this calendar year.
   */
  abstract activeIn(year: number, professionalIds: readonly string[]): Promise<Set<string>>;
}
