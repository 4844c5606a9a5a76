import { registerEnumType } from '@nestjs/graphql';

/**
 * The colleges of a CPTS's members, as typical statutes split them: the
 * members' college of the year (memberships) and the CA's seats follow them,
 * and the AG's results are given per college where the statutes say so.
 */
export enum MembershipCollege {
  LIBERAL = 'liberal',
  MSP = 'msp',
  ESTABLISHMENT = 'establishment',
  USER = 'user',
}
registerEnumType(MembershipCollege, {
  name: 'MembershipCollege',
  description: 'The college of the board (CA) the member votes in: liberal professionals, primary-care teams (MSP), establishments, users.',
});

/** French names of the colleges, as the default CA colleges are called. */
export const COLLEGE_LABELS_FR: Record<MembershipCollege, string> = {
  [MembershipCollege.LIBERAL]: 'Professionnels libéraux',
  [MembershipCollege.MSP]: 'Équipes de soins primaires et maisons de santé',
  [MembershipCollege.ESTABLISHMENT]: 'Établissements sanitaires et médico-sociaux',
  [MembershipCollege.USER]: 'Usagers',
};
