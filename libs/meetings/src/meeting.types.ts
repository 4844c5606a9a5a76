import type { Type as Class } from '@nestjs/common';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { blankToNull, collapseSpaces } from '@cpts/platform-core';

export enum MeetingStatus {
  SCHEDULED = 'scheduled',
  CANCELLED = 'cancelled',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

export enum MeetingReply {
  PRESENT = 'present',
  ABSENT = 'absent',
  EXCUSED = 'excused',
}
registerEnumType(MeetingReply, {
  name: 'MeetingReply',
  description: "An invitee's answer to the invitation: will come, will not, excused.",
});

export enum MeetingAttendance {
  PRESENT = 'present',
  VIDEO = 'video',
  EXCUSED = 'excused',
  ABSENT = 'absent',
}
registerEnumType(MeetingAttendance, {
  name: 'MeetingAttendance',
  description: 'Who was there, recorded during or after the meeting: present, by video, excused, absent.',
});

@ObjectType()
export class MeetingAgendaItem {
  @Field() title: string;
  @Field(() => Int, { nullable: true }) durationMinutes: number | null;
  @Field(() => String, { nullable: true }) presenter: string | null;
}

@ObjectType({ description: 'Someone invited to a meeting: a professional of the directory or a team user.' })
export class MeetingInvitee {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) professionalId: string | null;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field() name: string;
  @Field({ description: 'Whether the invitation could be emailed (the person has an address).' }) emailed: boolean;
  @Field(() => MeetingReply, { nullable: true }) reply: MeetingReply | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) repliedAt: Date | null;
  @Field(() => MeetingAttendance, { nullable: true, description: 'Recorded during or after the meeting.' })
  attendance: MeetingAttendance | null;
}

@ObjectType({ description: 'Someone the minutes were sent to, and when: the meeting’s history of who received them.' })
export class MeetingMinutesRecipient {
  @Field() name: string;
  @Field({ description: 'Whether the minutes could be emailed (the person has an address).' }) emailed: boolean;
  @Field(() => GraphQLISODateTime) sentAt: Date;
}

@ObjectType({ description: 'A meeting of an owner (a working group...).' })
export class Meeting {
  @Field(() => ID) id: string;
  @Field({ description: 'The kind of owner, e.g. "working_group".' }) ownerKind: string;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field({ description: "The owner's frame, shown at the start of the meeting and in the invitation." }) frame: string;
  @Field() title: string;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) videoUrl: string | null;
  @Field(() => MeetingStatus) status: MeetingStatus;
  @Field(() => [MeetingAgendaItem]) agenda: MeetingAgendaItem[];
  @Field(() => Int, { description: 'Invitees who answered present.' }) presentCount: number;
  @Field(() => Int) inviteeCount: number;
  @Field(() => String, { nullable: true, description: 'The minutes (compte rendu), sanitized rich text.' }) minutesHtml: string | null;
  @Field(() => [String], { description: 'The decisions taken, as the minutes list them.' }) decisions: string[];
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the minutes were sent to everyone; none: not yet.' })
  minutesPublishedAt: Date | null;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  inviteeId: string;

  @Field(() => MeetingAttendance)
  @IsEnum(MeetingAttendance, { message: 'Présence inconnue.' })
  attendance: MeetingAttendance;
}

@InputType()
export class MeetingMinutesInput {
  @Field({ description: 'Rich text; cut down on the server to what mail clients render.' })
  @IsString()
  @MaxLength(100000, { message: 'Le compte rendu ne peut pas dépasser 100 000 caractères.' })
  html: string;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((d) => (typeof d === 'string' ? d.trim() : d)).filter((d) => d !== '') : [],
  )
  @ArrayMaxSize(50, { message: 'Au plus 50 décisions.' })
  @IsString({ each: true })
  @MaxLength(1000, { each: true, message: 'Une décision ne peut pas dépasser 1 000 caractères.' })
  decisions: string[] = [];
}

@InputType()
export class MeetingAgendaItemInput {
  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: "Le titre du point à l'ordre du jour est obligatoire." })
  @MaxLength(200, { message: "Le titre d'un point à l'ordre du jour ne peut pas dépasser 200 caractères." })
  title: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Durée en minutes.' })
  @Min(1, { message: 'La durée est d’au moins 1 minute.' })
  @Max(600, { message: 'La durée ne peut pas dépasser 600 minutes.' })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true })
  @collapseSpaces()
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(120, { message: "Le nom de l'intervenant ne peut pas dépasser 120 caractères." })
  presenter?: string | null;
}

/** What a meeting is and where: shared by a meeting and a poll for one. */
@InputType({ isAbstract: true })
export class MeetingTitlePlaceInput {
  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le titre de la réunion est obligatoire.' })
  @MaxLength(200, { message: 'Le titre ne peut pas dépasser 200 caractères.' })
  title: string;

  @Field(() => String, { nullable: true })
  @collapseSpaces()
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'Le lieu ne peut pas dépasser 300 caractères.' })
  place?: string | null;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Le lien ne peut pas dépasser 500 caractères.' })
  @Matches(/^https:\/\/[^\s]+$/, { message: 'Le lien de visioconférence doit commencer par https://.' })
  videoUrl?: string | null;
}

/** When, where and what: the part of a meeting its invitation says, and that a change sends again. */
@InputType()
export class MeetingDetailsInput extends MeetingTitlePlaceInput {
  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate({ message: 'Date de début invalide.' })
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate({ message: 'Date de fin invalide.' })
  endsAt: Date;

  @Field(() => [MeetingAgendaItemInput], { nullable: true, defaultValue: [] })
  @Transform(({ value }) => value ?? [])
  @IsArray()
  @ArrayMaxSize(30, { message: "Au plus 30 points à l'ordre du jour." })
  @ValidateNested({ each: true })
  @Type(() => MeetingAgendaItemInput)
  agenda: MeetingAgendaItemInput[] = [];
}

/** Whose meeting, and who is asked: the owner's members and/or other people of the directory (a meeting, or a poll for one). */
export function WithInvitees<T extends Class<object>>(Base: T) {
  @InputType({ isAbstract: true })
  abstract class Invited extends Base {
    @Field({ description: 'The kind of owner, e.g. "working_group".' })
    @IsString()
    @MaxLength(40)
    ownerKind: string;

    @Field(() => ID)
    @IsUUID('all', { message: 'Identifiant invalide.' })
    ownerId: string;

    @Field({ nullable: true, defaultValue: true, description: "Invite the owner's current members (the group)." })
    @Transform(({ value }) => value ?? true)
    @IsBoolean()
    inviteOwnerMembers: boolean = true;

    @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Other people of the directory to invite.' })
    @Transform(({ value }) => value ?? [])
    @ArrayMaxSize(500, { message: 'Au plus 500 personnes.' })
    @IsUUID('all', { each: true, message: 'Identifiant de professionnel invalide.' })
    professionalIds: string[] = [];
  }
  return Invited;
}

@InputType()
export class ScheduleMeetingInput extends WithInvitees(MeetingDetailsInput) {}
