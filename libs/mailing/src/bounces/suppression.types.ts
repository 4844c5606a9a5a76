import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SuppressionReason {
  HARD_BOUNCE = 'hard_bounce',
  COMPLAINT = 'complaint',
  UNSUBSCRIBED = 'unsubscribed',
}
registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description:
    'HARD_BOUNCE: the address does not exist (or 5 soft bounces). COMPLAINT: the person marked a message as spam. UNSUBSCRIBED: an address without a person record used its unsubscribe link.',
});

@ObjectType({ description: "An address of the CPTS's mailings that bounced or was blocked (docs/bounces.md)." })
export class EmailSuppression {
  @Field() email: string;
  @Field(() => SuppressionReason, { nullable: true, description: 'Why campaigns skip it; none: soft bounces only, still mailed.' })
  reason: SuppressionReason | null;
  @Field(() => Int) softBounces: number;
  @Field(() => GraphQLISODateTime) lastEventAt: Date;
  @Field(() => String, { nullable: true, description: "The server's or the report's words, for the last event." }) lastDetail:
    string | null;
}
