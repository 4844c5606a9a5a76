import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InvolvementLevel } from '@cpts/platform-persons';

// The levels are a person contract (@cpts/platform-persons: other modules move them); the schema names them here.
registerEnumType(InvolvementLevel, {
  name: 'InvolvementLevel',
  description: 'informed → member (adhérent) → takes part in an action → referent of an action or mission → governance (bureau, CA).',
});

/** French names, for the person's history. */
export const INVOLVEMENT_LABELS: Record<InvolvementLevel, string> = {
  informed: 'informé',
  member: 'adhérent',
  action: "participe à une action",
  referent: 'référent',
  governance: 'gouvernance',
};

/** The source the staff set by hand; other modules name theirs ('membership', 'working_group:<id>', ...). */
export const MANUAL_SOURCE = 'manual';

@ObjectType({ description: "One reason for a person's involvement level: the staff's hand setting, a membership, later a working group..." })
export class InvolvementSource {
  @Field({ description: '"manual", "membership", or a module\'s own ("working_group:<id>", ...).' }) source: string;
  @Field(() => InvolvementLevel) level: InvolvementLevel;
  @Field(() => GraphQLISODateTime) setAt: Date;
  @Field(() => String, { nullable: true, description: 'The staff member who set it; none when derived.' }) setByName: string | null;
}
