import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "One event of a person's history, recorded by the module that made the change." })
export class PersonHistoryEvent {
  @Field(() => ID) id: string;
  @Field({ description: 'Dotted, module first: membership.saved, consent.withdrawn, person.merged, person.exported...' }) kind: string;
  @Field({ description: 'What happened, in French (empty after an erasure).' }) summary: string;
  @Field(() => String, { nullable: true, description: 'The staff member who acted; none for the person themself or a job.' }) actorName: string | null;
  @Field(() => GraphQLISODateTime) at: Date;
}
