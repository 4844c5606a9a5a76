import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, ValidateNested } from 'class-validator';
import { MeetingTitlePlaceInput, WithInvitees } from './meeting.types';

export enum PollAnswer {
  YES = 'yes',
  IF_NEED_BE = 'if_need_be',
  NO = 'no',
}
registerEnumType(PollAnswer, { name: 'PollAnswer', description: 'An answer for one slot: yes, if need be, no.' });

export enum MeetingPollStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(MeetingPollStatus, {
  name: 'MeetingPollStatus',
  description: 'OPEN: invitees answer; CLOSED: a slot was chosen and the meeting scheduled.',
});

@ObjectType({ description: 'A proposed slot, with the answers so far.' })
export class MeetingPollSlot {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
  @Field(() => Int) yes: number;
  @Field(() => Int) ifNeedBe: number;
  @Field(() => Int) no: number;
}

@ObjectType()
export class PollSlotAnswer {
  @Field(() => ID) slotId: string;
  @Field(() => PollAnswer) answer: PollAnswer;
}

@ObjectType({ description: 'Someone asked which slots suit them.' })
export class MeetingPollInvitee {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'Whether the poll could be emailed (the person has an address).' }) emailed: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When they last answered; none: not yet.' }) answeredAt: Date | null;
  @Field(() => [PollSlotAnswer]) answers: PollSlotAnswer[];
}

@ObjectType({ description: 'A scheduling poll (which dates suit the group), for an owner of meetings.' })
export class MeetingPoll {
  @Field(() => ID) id: string;
  @Field() ownerKind: string;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) videoUrl: string | null;
  @Field(() => MeetingPollStatus) status: MeetingPollStatus;
  @Field(() => ID, { nullable: true, description: 'The meeting the chosen slot became.' }) meetingId: string | null;
  @Field(() => [MeetingPollSlot]) slots: MeetingPollSlot[];
  @Field(() => Int) inviteeCount: number;
  @Field(() => Int) answeredCount: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@InputType()
export class PollSlotInput {
  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate({ message: 'Date de début invalide.' })
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate({ message: 'Date de fin invalide.' })
  endsAt: Date;
}

@InputType()
export class CreateMeetingPollInput extends WithInvitees(MeetingTitlePlaceInput) {
  @Field(() => [PollSlotInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'Proposez au moins un créneau.' })
  @ArrayMaxSize(30, { message: 'Au plus 30 créneaux.' })
  @ValidateNested({ each: true })
  @Type(() => PollSlotInput)
  slots: PollSlotInput[];
}
