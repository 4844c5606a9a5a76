import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Professional } from '../professional.types';

export enum DuplicateReason {
  SAME_RPPS = 'same_rpps',
  SAME_NAME = 'same_name',
  CLOSE_NAME = 'close_name',
}
registerEnumType(DuplicateReason, {
  name: 'DuplicateReason',
  description: 'Why two records may be one person: the same RPPS; the same name (accents, case or order aside); a close name (a typing mistake).',
});

@ObjectType({ description: 'Two records of the directory that may be one person (same profession and commune, or same RPPS).' })
export class DuplicateCandidate {
  @Field(() => Professional) first: Professional;
  @Field(() => Professional) second: Professional;
  @Field(() => DuplicateReason) reason: DuplicateReason;
}
