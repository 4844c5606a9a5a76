import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { blankToNull } from '@cpts/platform-core';
import { CallProject, ProjectPerson } from '../calls.types';

@ObjectType({
  description: "A workshop of a project, held: a meeting of the project (meetings module) with what the speakers' payments need.",
})
export class ProjectWorkshop {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field({ description: 'YYYY-MM-DD, Europe/Paris.' }) heldOn: string;
  @Field({ description: 'HH:MM, Europe/Paris: when it started.' }) startTime: string;
  @Field(() => Int) minutes: number;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => Int, { description: 'Everyone who took part, the speakers included, known by name or not (the public).' })
  participants: number;
  @Field(() => Int, { description: 'Those of them the directory knows (the speakers included): the meeting’s attendees present.' })
  knownParticipants: number;
  @Field(() => [ProjectPerson], { description: 'Who led it (the proposer or co-carriers), each paid for it.' }) speakers: ProjectPerson[];
  @Field(() => ID, { description: 'Its meeting (owner kind "call_project"): attendance, minutes, documents.' }) meetingId: string;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

/** A workshop as read from the database, its speakers still ids. */
export type WorkshopRow = Omit<ProjectWorkshop, 'speakers'> & { speakerIds: string[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'A workshop held, recorded afterwards: its meeting, its row, and its speakers’ payment lines, all or nothing.' })
export class RecordWorkshopInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Projet introuvable.' })
  projectId: string;

  @Field({ description: 'YYYY-MM-DD, Europe/Paris; today or before.' })
  @Matches(DATE, { message: "Date de l'atelier invalide (AAAA-MM-JJ)." })
  heldOn: string;

  @Field({
    nullable: true,
    defaultValue: '14:00',
    description: 'HH:MM, Europe/Paris; 14:00 when not given. On a meeting scheduled beforehand, its own time stands.',
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Heure de début invalide (HH:MM).' })
  @Transform(({ value }) => value ?? '14:00')
  startTime: string = '14:00';

  @Field(() => Int, { description: 'Its length in minutes (the hourly fee is paid on it).' })
  @IsInt({ message: 'La durée se compte en minutes entières.' })
  @Min(1, { message: 'Un atelier de 0 heure ne se paie pas : indiquez sa durée, en minutes.' })
  @Max(1440, { message: 'Un atelier dure au plus 24 heures (1 440 minutes).' })
  minutes: number;

  @Field(() => String, {
    nullable: true,
    description: 'Where it was held; needed unless it is recorded on a meeting scheduled beforehand (whose place stands).',
  })
  @IsOptional()
  @IsString()
  @blankToNull()
  @MaxLength(300, { message: 'Le lieu compte au plus 300 caractères.' })
  place: string | null = null;

  @Field(() => Int, { description: 'Everyone who took part, the speakers included, known by name or not: at least the known ones.' })
  @IsInt({ message: 'Le nombre de participants est un entier.' })
  @Min(1, { message: 'Au moins une personne a participé : les intervenants.' })
  @Max(10_000, { message: 'Au plus 10 000 participants.' })
  participants: number;

  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: 'Professionals of the directory who took part (besides the speakers).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'Un des participants est introuvable.' })
  @Transform(({ value }) => value ?? [])
  participantIds: string[] = [];

  @Field(() => [ID], { description: "Who led it: one or more of the project's proposer and co-carriers." })
  @IsArray()
  @ArrayMinSize(1, { message: "Indiquez qui a animé l'atelier." })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'Un intervenant figure deux fois.' })
  @IsUUID('all', { each: true, message: 'Un des intervenants est introuvable.' })
  speakerIds: string[];

  @Field(() => ID, {
    nullable: true,
    description: "The project's meeting scheduled beforehand for this workshop, if any: its attendance is recorded on it.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'Réunion introuvable.' })
  meetingId: string | null = null;
}

@ObjectType()
export class RecordedWorkshop {
  @Field(() => ProjectWorkshop) workshop: ProjectWorkshop;
  @Field(() => [String], { description: 'A speaker reaching 80 % of the PASS of the year: the payments module’s warnings, in French.' })
  warnings: string[];
}

@ObjectType({ description: 'A project after a command that adds payment lines, with their 80 % of the PASS warnings.' })
export class ProjectWithWarnings {
  @Field(() => CallProject) project: CallProject;
  @Field(() => [String]) warnings: string[];
}
