/**
 * How far a person takes part in the CPTS, lowest first. The directory
 * stores it; the modules whose activity makes it (memberships, working
 * groups, governance) move it through PersonInvolvement.
 */
export enum InvolvementLevel {
  INFORMED = 'informed',
  MEMBER = 'member',
  ACTION = 'action',
  REFERENT = 'referent',
  GOVERNANCE = 'governance',
}

/** The levels in rising order: the index is the rank. */
export const INVOLVEMENT_ORDER: readonly InvolvementLevel[] = [
  InvolvementLevel.INFORMED,
  InvolvementLevel.MEMBER,
  InvolvementLevel.ACTION,
  InvolvementLevel.REFERENT,
  InvolvementLevel.GOVERNANCE,
];
