import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { blankToNull, collapseSpaces } from '@cpts/platform-core';

export enum ActionItemStatus {
  OPEN = 'open',
  DONE = 'done',
  DROPPED = 'dropped',
}
registerEnumType(ActionItemStatus, {
  name: 'ActionItemStatus',
  description: 'OPEN: to do; DONE: done (a small victory); DROPPED: given up.',
});

@ObjectType({ description: 'An action item: what, who, by when, for which owner (a working group...).' })
export class ActionItem {
  @Field(() => ID) id: string;
  @Field() ownerKind: string;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field(() => ID, { nullable: true, description: 'The meeting whose minutes it comes from, if any.' }) meetingId: string | null;
  @Field() title: string;
  @Field() assigneeName: string;
  @Field(() => ID, { nullable: true }) professionalId: string | null;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field({ description: 'YYYY-MM-DD.' }) dueOn: string;
  @Field(() => ActionItemStatus) status: ActionItemStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) statusAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The team user who marked it done or dropped (see statusByName).' })
  statusBy: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Who marked it done or dropped, a user of the team; none while open, or when the person marked it done from the email link.',
  })
  statusByName: string | null;
  @Field({ description: 'Open and past its due date (Europe/Paris).' }) overdue: boolean;
  @Field({ description: 'Carried by the caller (as a user of the team): they may mark it done, whatever their role in the group.' })
  mine: boolean;
}

@InputType()
export class ActionItemInput {
  @Field()
  @IsString()
  @MaxLength(40)
  ownerKind: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  ownerId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant de réunion invalide.' })
  meetingId?: string | null;

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: "L'action est obligatoire." })
  @MaxLength(300, { message: "L'action ne peut pas dépasser 300 caractères." })
  title: string;

  @Field(() => ID, { nullable: true, description: 'Who: a person of the directory…' })
  @blankToNull()
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant de professionnel invalide.' })
  professionalId?: string | null;

  @Field(() => ID, { nullable: true, description: '…or a user of the team.' })
  @blankToNull()
  @IsOptional()
  @IsUUID('all', { message: "Identifiant d'utilisateur invalide." })
  userId?: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Échéance invalide (AAAA-MM-JJ).' })
  dueOn: string;
}

@InputType()
export class ActionItemFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  ownerKind?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant invalide.' })
  ownerId?: string;

  @Field(() => ActionItemStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;

  @Field({ nullable: true, description: 'Only open items past their due date.' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "Only the items of this person: a professional of the directory's id, or a team user's.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant de personne invalide.' })
  assigneeId?: string;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Only the items done at or after this instant (e.g. the start of the quarter in Paris): the small victories.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide.' })
  doneSince?: Date;
}
