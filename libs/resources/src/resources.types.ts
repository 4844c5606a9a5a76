import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { trimmed } from '@cpts/platform-core';
import { AciMission } from '@cpts/platform-reference';
import { CONTENT_LIMITS, QUESTION_TYPES } from './resource-content';

export enum ResourceCategory {
  DASHBOARD_TEMPLATE = 'dashboard_template',
  RISK_MATRIX = 'risk_matrix',
  SURVEY_TEMPLATE = 'survey_template',
  COMMUNICATION_KIT = 'communication_kit',
  REFLEX_SHEET = 'reflex_sheet',
  DIALOGUE_FRAME = 'dialogue_frame',
  FICHE_ACTION_TEMPLATE = 'fiche_action_template',
}
registerEnumType(ResourceCategory, {
  name: 'ResourceCategory',
  description:
    'Dashboard template, risk matrix, survey template, communication kit, reflex sheet, methodological frame for the dialogue de gestion, fiche-action template.',
});

export enum ResourceContentKind {
  SURVEY = 'survey',
  FICHE_ACTION = 'fiche_action',
  TEXT = 'text',
}
registerEnumType(ResourceContentKind, {
  name: 'ResourceContentKind',
  description: 'A survey template, a fiche-action template, or free text.',
});

@ObjectType('TemplateQuestion', { description: 'A question of a survey template.' })
@InputType('TemplateQuestionInput')
export class TemplateQuestionData {
  @Field({ description: 'scale (1 to 5), single, multiple or text.' })
  @IsIn(QUESTION_TYPES)
  type: string;
  @Field() @IsString() @MaxLength(CONTENT_LIMITS.label) label: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.options)
  @IsString({ each: true })
  options?: string[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() required?: boolean | null;
}

@ObjectType('TemplateIndicator', { description: 'An indicator of a fiche-action template.' })
@InputType('TemplateIndicatorInput')
export class TemplateIndicatorData {
  @Field() @IsString() @MaxLength(CONTENT_LIMITS.label) label: string;
  @Field({ description: 'quantitative or qualitative.' }) @IsIn(['quantitative', 'qualitative']) kind: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(50) unit?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() target?: number | null;
}

/** The structured content, flattened for GraphQL: the fields of its kind are set (resource-content.ts validates). */
@ObjectType('ResourceContent', { description: "A resource's structured content: the fields of its kind are set." })
@InputType('ResourceContentInput')
export class ResourceContentData {
  @Field(() => ResourceContentKind) @IsEnum(ResourceContentKind) kind: ResourceContentKind;
  @Field(() => String, { nullable: true, description: 'Survey and fiche templates.' })
  @IsOptional()
  @IsString()
  @MaxLength(CONTENT_LIMITS.title)
  title?: string | null;
  @Field(() => String, { nullable: true, description: 'Survey: the introduction.' })
  @IsOptional()
  @IsString()
  @MaxLength(CONTENT_LIMITS.longText)
  intro?: string | null;
  @Field(() => [TemplateQuestionData], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => TemplateQuestionData)
  questions?: TemplateQuestionData[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(CONTENT_LIMITS.longText) objective?: string | null;
  @Field(() => AciMission, { nullable: true }) @IsOptional() @IsEnum(AciMission) mission?: AciMission | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.actions)
  @IsString({ each: true })
  actions?: string[] | null;
  @Field(() => [TemplateIndicatorData], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_LIMITS.indicators)
  @ValidateNested({ each: true })
  @Type(() => TemplateIndicatorData)
  indicators?: TemplateIndicatorData[] | null;
  @Field(() => String, { nullable: true, description: 'Text: the body (plain text, one paragraph per line).' })
  @IsOptional()
  @IsString()
  @MaxLength(CONTENT_LIMITS.longText)
  body?: string | null;
}

@ObjectType({ description: 'A file of a resource version.' })
export class ResourceFile {
  @Field(() => ID) documentId: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Float) bytes: number;
  @Field({ description: 'Where to download it with the session (GET); a CPTS download is counted.' }) url: string;
}

@ObjectType({ description: 'One published version of a resource: never changed once published (files may be added to the newest).' })
export class ResourceVersion {
  @Field(() => Int) version: number;
  @Field(() => ResourceContentData, { nullable: true }) content: ResourceContentData | null;
  @Field({ description: 'What changed, for the adopters.' }) note: string;
  @Field(() => GraphQLISODateTime) publishedAt: Date;
  @Field(() => [ResourceFile]) files: ResourceFile[];
}

@ObjectType({ description: "A resource of the region's shared library." })
export class Resource {
  @Field(() => ID) id: string;
  regionId: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => ResourceCategory) category: ResourceCategory;
  @Field(() => Int) currentVersion: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => ID, { nullable: true, description: "The caller's CPTS's adopted copy of it, if any (CPTS side only)." })
  myAdoptionId?: string | null;
}

@ObjectType({ description: "A CPTS's own copy of a regional resource: adapted freely, never written back to the region." })
export class ResourceAdoption {
  @Field(() => ID) id: string;
  @Field(() => ID) resourceId: string;
  regionId: string;
  @Field(() => ResourceCategory) category: ResourceCategory;
  @Field() title: string;
  @Field(() => ResourceContentData, { nullable: true }) content: ResourceContentData | null;
  @Field(() => Int, { description: "The region's version the copy was made from (or last updated to)." }) adoptedVersion: number;
  @Field(() => Int, { description: "The region's newest version." }) latestVersion: number;
  @Field({ description: '« Nouvelle version disponible »: the region published a newer version, not dismissed.' }) updateAvailable: boolean;
  @Field({ description: 'The CPTS edited its copy.' }) adapted: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) adaptedAt: Date | null;
  @Field(() => GraphQLISODateTime) adoptedAt: Date;
  @Field(() => [ResourceFile], { description: "The files of the adopted version (the region's; downloads are counted)." })
  files: ResourceFile[];
  dismissedVersion: number | null;
}

export enum DiffLineKind {
  SAME = 'same',
  ADDED = 'added',
  REMOVED = 'removed',
}
registerEnumType(DiffLineKind, { name: 'DiffLineKind' });

export enum ChangeKind {
  ADDED = 'added',
  REMOVED = 'removed',
  CHANGED = 'changed',
}
registerEnumType(ChangeKind, { name: 'ChangeKind' });

@ObjectType({ description: 'A line of a text diff.' })
export class DiffLine {
  @Field(() => DiffLineKind) kind: DiffLineKind;
  @Field() text: string;
}

@ObjectType({ description: 'One field, question, action or indicator that changed between two versions.' })
export class ResourceChange {
  @Field(() => ChangeKind) kind: ChangeKind;
  @Field({ description: 'What changed, in French (« Question 3 », « Objectif »).' }) label: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
  @Field(() => [DiffLine], { description: 'For long texts: a line diff (else empty).' }) lines: DiffLine[];
}

@ObjectType({ description: 'What changed between the version a CPTS adopted and the newest one.' })
export class ResourceUpdateDiff {
  @Field(() => ID) adoptionId: string;
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field({ description: "The region's note on the newest version." }) note: string;
  @Field({ description: 'The CPTS adapted its copy: taking the update replaces its edits.' }) adapted: boolean;
  @Field(() => [ResourceChange]) changes: ResourceChange[];
}

@ObjectType({ description: 'A CPTS using a resource.' })
export class ResourceUsageRow {
  @Field(() => ID) cptsId: string;
  @Field() cptsName: string;
  @Field(() => Int, { nullable: true, description: 'Adopted version; null when the CPTS only downloaded.' }) adoptedVersion: number | null;
  @Field() adapted: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) adoptedAt: Date | null;
  @Field(() => Int) downloads: number;
}

@ObjectType({ description: "A resource's use by the CPTS the caller may read (region admin: the region's; officer: those they follow)." })
export class ResourceUsage {
  @Field(() => ID) resourceId: string;
  @Field(() => Int) adoptions: number;
  @Field(() => Int) downloads: number;
  @Field(() => [ResourceUsageRow]) cpts: ResourceUsageRow[];
}

@InputType()
export class PublishResourceInput {
  @Field(() => ID, { nullable: true, description: 'Needed only by an admin of several regions.' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;
  @Field() @trimmed() @IsString() @MaxLength(200) title: string;
  @Field(() => String, { nullable: true, defaultValue: '' }) @IsOptional() @trimmed() @IsString() @MaxLength(5000) description?:
    string | null;
  @Field(() => ResourceCategory) @IsEnum(ResourceCategory) category: ResourceCategory;
  @Field(() => ResourceContentData, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceContentData)
  content?: ResourceContentData | null;
  @Field(() => String, { nullable: true, defaultValue: '' }) @IsOptional() @trimmed() @IsString() @MaxLength(2000) note?: string | null;
}

@InputType()
export class PublishResourceVersionInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @trimmed() @IsString() @MaxLength(200) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @trimmed() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => ResourceContentData, { nullable: true, description: 'The new content; null keeps none.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceContentData)
  content?: ResourceContentData | null;
  @Field({ description: 'What changed (shown to the adopters).' }) @trimmed() @IsString() @MaxLength(2000) note: string;
  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Files of the previous version not carried over (by documentId).' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  dropFileIds?: string[] | null;
}

@InputType()
export class AdaptResourceAdoptionInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field() @trimmed() @IsString() @MaxLength(200) title: string;
  @Field(() => ResourceContentData, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceContentData)
  content?: ResourceContentData | null;
}
