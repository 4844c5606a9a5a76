import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { blankToNull, collapseSpaces, trimmed } from '@cpts/platform-core';
import { AciMission } from '@cpts/platform-reference';

export enum WorkingGroupStatus {
  ACTIVE = 'active',
  PAUSED = 'paused',
  CLOSED = 'closed',
}
registerEnumType(WorkingGroupStatus, {
  name: 'WorkingGroupStatus',
  description: 'ACTIVE: meets and acts; PAUSED: kept, not meeting for now; CLOSED: done, kept for its history.',
});

export enum WorkingGroupRole {
  MEMBER = 'member',
  REFERENT = 'referent',
}
registerEnumType(WorkingGroupRole, {
  name: 'WorkingGroupRole',
  description: 'REFERENT: leads the group (two or three per group, so no one carries it alone).',
});

export enum WorkingGroupMemberKind {
  PROFESSIONAL = 'professional',
  USER = 'user',
}
registerEnumType(WorkingGroupMemberKind, {
  name: 'WorkingGroupMemberKind',
  description: 'PROFESSIONAL: a person of the directory; USER: a member of the CPTS team.',
});

@ObjectType({ description: "The group's frame (cadre), shown at the start of every meeting and in every invitation." })
export class WorkingGroupFrame {
  @Field() purpose: string;
  @Field() rules: string;
  @Field() confidentiality: string;
}

@ObjectType({ description: 'Someone in a working group, now or before (leftAt).' })
export class WorkingGroupMember {
  @Field(() => ID) id: string;
  @Field(() => WorkingGroupMemberKind) kind: WorkingGroupMemberKind;
  @Field(() => ID, { nullable: true, description: 'The person of the directory (PROFESSIONAL); a merged record leads to the kept one.' })
  professionalId: string | null;
  @Field(() => ID, { nullable: true, description: 'The team user (USER).' }) userId: string | null;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'RPPS profession code (PROFESSIONAL).' }) professionCode: string | null;
  @Field(() => WorkingGroupRole) role: WorkingGroupRole;
  @Field(() => GraphQLISODateTime) joinedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) leftAt: Date | null;
}

@ObjectType({ description: 'A working group (groupe de travail) of the CPTS.' })
export class WorkingGroup {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [AciMission]) missions: AciMission[];
  @Field(() => String, { nullable: true }) theme: string | null;
  @Field() description: string;
  @Field(() => WorkingGroupStatus) status: WorkingGroupStatus;
  @Field(() => WorkingGroupFrame) frame: WorkingGroupFrame;
  @Field(() => Int, { description: 'Current members, referents included.' }) memberCount: number;
  @Field(() => Int) referentCount: number;
  @Field(() => String, {
    nullable: true,
    description: 'Why the referents need attention (none, or only one), in French; null when two or more.',
  })
  referentWarning: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@InputType()
export class WorkingGroupFrameInput {
  @Field(() => String, { nullable: true, defaultValue: '' })
  @trimmed()
  @IsString({ message: 'Texte attendu.' })
  @MaxLength(2000, { message: "L'objet du groupe ne peut pas dépasser 2 000 caractères." })
  purpose: string = '';

  @Field(() => String, { nullable: true, defaultValue: '' })
  @trimmed()
  @IsString({ message: 'Texte attendu.' })
  @MaxLength(2000, { message: 'Les règles du groupe ne peuvent pas dépasser 2 000 caractères.' })
  rules: string = '';

  @Field(() => String, { nullable: true, defaultValue: '' })
  @trimmed()
  @IsString({ message: 'Texte attendu.' })
  @MaxLength(2000, { message: 'La règle de confidentialité ne peut pas dépasser 2 000 caractères.' })
  confidentiality: string = '';
}

@InputType()
export class WorkingGroupInput {
  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le nom du groupe est obligatoire.' })
  @MaxLength(120, { message: 'Le nom du groupe ne peut pas dépasser 120 caractères.' })
  name: string;

  @Field(() => [AciMission], { description: 'One or more of the six ACI missions.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Choisissez au moins une mission ACI.' })
  @ArrayMaxSize(6)
  @IsEnum(AciMission, { each: true, message: 'Mission ACI inconnue.' })
  missions: AciMission[];

  @Field(() => String, { nullable: true })
  @collapseSpaces()
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(120, { message: 'Le thème ne peut pas dépasser 120 caractères.' })
  theme?: string | null;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @trimmed()
  @IsString({ message: 'Texte attendu.' })
  @MaxLength(5000, { message: 'La description ne peut pas dépasser 5 000 caractères.' })
  description: string = '';

  @Field(() => WorkingGroupStatus, { nullable: true, defaultValue: WorkingGroupStatus.ACTIVE })
  @Transform(({ value }) => value ?? WorkingGroupStatus.ACTIVE)
  @IsEnum(WorkingGroupStatus, { message: 'Statut inconnu.' })
  status: WorkingGroupStatus = WorkingGroupStatus.ACTIVE;

  @Field(() => WorkingGroupFrameInput)
  @ValidateNested()
  @Type(() => WorkingGroupFrameInput)
  frame: WorkingGroupFrameInput;
}

@ArgsType()
export class AddWorkingGroupMembersArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant de groupe invalide.' })
  groupId: string;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'People of the directory.' })
  @Transform(({ value }) => value ?? [])
  @ArrayMaxSize(200, { message: 'Au plus 200 personnes à la fois.' })
  @IsUUID('all', { each: true, message: 'Identifiant de professionnel invalide.' })
  professionalIds: string[] = [];

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Team users of the CPTS.' })
  @Transform(({ value }) => value ?? [])
  @ArrayMaxSize(50, { message: 'Au plus 50 utilisateurs à la fois.' })
  @IsUUID('all', { each: true, message: "Identifiant d'utilisateur invalide." })
  userIds: string[] = [];

  @Field(() => WorkingGroupRole, { nullable: true, defaultValue: WorkingGroupRole.MEMBER })
  @Transform(({ value }) => value ?? WorkingGroupRole.MEMBER)
  @IsEnum(WorkingGroupRole, { message: 'Rôle inconnu.' })
  role: WorkingGroupRole = WorkingGroupRole.MEMBER;
}
