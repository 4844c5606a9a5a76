import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
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
import { collapseSpaces, trimmed } from '@cpts/platform-core';
import { MeetingDetailsInput } from '@cpts/meetings';
import { AciMission } from '@cpts/platform-reference';
import { COMPUTED_FIGURES } from './fiches.migration';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export enum FicheStatus {
  PLANNED = 'planned',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  ABANDONED = 'abandoned',
}
registerEnumType(FicheStatus, { name: 'FicheStatus', description: 'Where the action stands: planned, in progress, done, abandoned.' });

export enum IndicatorKind {
  QUANTITATIVE = 'quantitative',
  QUALITATIVE = 'qualitative',
}
registerEnumType(IndicatorKind, { name: 'IndicatorKind' });

export enum FicheSourceKind {
  WORKING_GROUP = 'working_group',
  CALL_PROJECT = 'call_project',
  CAMPAIGN = 'campaign',
  SURVEY = 'survey',
  MEMBERSHIPS = 'memberships',
}
registerEnumType(FicheSourceKind, {
  name: 'FicheSourceKind',
  description:
    'Recorded work a fiche links as evidence: a working group, a Pro Actif project, a mailing, a survey, the memberships of the year.',
});

export type ComputedFigure = (typeof COMPUTED_FIGURES)[number];

@ObjectType()
export class FicheResponsible {
  @Field({ description: "'professional' (a person of the directory) or 'user' (a member of the team)." }) kind: string;
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType()
export class FicheIndicator {
  @Field(() => ID) id: string;
  @Field() label: string;
  @Field(() => IndicatorKind) kind: IndicatorKind;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field(() => Float, { nullable: true }) target: number | null;
  @Field(() => Float, { nullable: true, description: 'Entered by hand, or computed from the linked evidence (computedFrom).' }) actual:
    number | null;
  @Field(() => String, { nullable: true, description: 'The figure of the linked evidence the actual adds up, if computed.' })
  computedFrom: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Actual ≥ target; null without both (or for a qualitative indicator).' })
  met: boolean | null;
  @Field(() => String, { nullable: true, description: 'The assessment of a qualitative indicator.' }) assessment: string | null;
}

@ObjectType()
export class FicheSource {
  @Field(() => FicheSourceKind) kind: FicheSourceKind;
  @Field(() => ID) id: string;
}

@ObjectType()
export class FicheAction {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field() title: string;
  @Field() objective: string;
  @Field(() => AciMission, { nullable: true }) mission: AciMission | null;
  @Field(() => [String]) actions: string[];
  @Field(() => FicheResponsible, { nullable: true }) responsible: FicheResponsible | null;
  @Field(() => String, { nullable: true }) startsOn: string | null;
  @Field(() => String, { nullable: true }) endsOn: string | null;
  @Field(() => FicheStatus) status: FicheStatus;
  @Field(() => [FicheIndicator]) indicators: FicheIndicator[];
  @Field(() => [FicheSource]) sources: FicheSource[];
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  responsibleProfessionalId: string | null;
  responsibleUserId: string | null;
}

@ObjectType()
export class EvidenceFigure {
  @Field() label: string;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field(() => String, { nullable: true, description: 'What an indicator may compute its actual from (meetings, attendances...).' }) key:
    string | null;
}

@ObjectType({ description: 'One piece of evidence: read from a linked source (automatic) or added by the staff (text, file).' })
export class FicheEvidence {
  @Field(() => ID, { description: 'The source (group, project, campaign...) or the manual evidence.' }) id: string;
  @Field({ description: 'working_group, call_project, campaign, survey, memberships, text or file.' }) kind: string;
  @Field() automatic: boolean;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: 'First date of the evidence (YYYY-MM-DD).' }) from: string | null;
  @Field(() => String, { nullable: true, description: 'Last date, if a period.' }) to: string | null;
  @Field(() => [EvidenceFigure]) figures: EvidenceFigure[];
  @Field(() => [String], { description: 'Details, one line each (a meeting, a status, a profession).' }) details: string[];
  @Field(() => String, { nullable: true, description: 'The source page in the web app, or the file to download.' }) url: string | null;
  @Field(() => String, { nullable: true, description: 'Why the source shows nothing (gone, not readable yet).' }) gap: string | null;
}

@InputType()
export class FicheIndicatorInput {
  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: "Donnez un libellé à l'indicateur." })
  @MaxLength(500)
  label: string;

  @Field(() => IndicatorKind)
  @IsEnum(IndicatorKind)
  kind: IndicatorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @trimmed()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'La cible est un nombre.' })
  @Min(0, { message: 'La cible ne peut pas être négative.' })
  @Max(1_000_000_000)
  target?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'Le réalisé est un nombre.' })
  @Min(0, { message: 'Le réalisé ne peut pas être négatif.' })
  @Max(1_000_000_000)
  actual?: number | null;

  @Field(() => String, { nullable: true, description: `Compute the actual from the linked evidence: ${COMPUTED_FIGURES.join(', ')}.` })
  @IsOptional()
  @IsIn([...COMPUTED_FIGURES], { message: 'Calcul du réalisé inconnu.' })
  computedFrom?: ComputedFigure | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @trimmed()
  @MaxLength(5000)
  assessment?: string | null;
}

@InputType()
export class FicheInput {
  @Field(() => Int)
  @IsInt()
  @Min(2020, { message: 'Année invalide.' })
  @Max(2100, { message: 'Année invalide.' })
  year: number;

  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: 'Donnez un titre à la fiche.' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @trimmed()
  @MaxLength(5000)
  objective: string;

  @Field(() => AciMission, { nullable: true })
  @IsOptional()
  @IsEnum(AciMission)
  mission?: AciMission | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  actions: string[];

  @Field(() => ID, { nullable: true, description: 'A person of the directory.' })
  @IsOptional()
  @IsUUID()
  responsibleProfessionalId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A member of the team (coordinator or staff).' })
  @IsOptional()
  @IsUUID()
  responsibleUserId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'Date de début invalide.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'Date de fin invalide.' })
  endsOn?: string | null;

  @Field(() => FicheStatus, { nullable: true, defaultValue: FicheStatus.PLANNED })
  @IsOptional()
  @IsEnum(FicheStatus)
  status: FicheStatus;

  @Field(() => [FicheIndicatorInput], { nullable: true, description: 'Replaces the indicators, in this order (omitted: unchanged).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FicheIndicatorInput)
  indicators?: FicheIndicatorInput[] | null;
}

@InputType()
export class FicheEvidenceTextInput {
  @Field(() => ID)
  @IsUUID()
  ficheId: string;

  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: 'Donnez un titre à la preuve.' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @trimmed()
  @MaxLength(10000)
  body: string;

  @Field()
  @Matches(DATE, { message: 'Date invalide.' })
  datedOn: string;
}

@InputType()
export class PlanFicheReviewInput extends MeetingDetailsInput {
  @Field(() => [ID], { description: 'The fiches the meeting reviews; the first owns the meeting.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Choisissez au moins une fiche à revoir.' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  ficheIds: string[];

  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: 'People of the directory to invite (the responsibles of the fiches are invited too).',
  })
  @Transform(({ value }) => value ?? [])
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  professionalIds: string[];
}

@ObjectType()
export class FicheReviewMeeting {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
  @Field() status: string;
  @Field(() => [ID], { description: 'Every fiche the meeting reviews.' }) ficheIds: string[];
}

@ObjectType()
export class EvaluationFileFiche {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => AciMission, { nullable: true }) mission: AciMission | null;
  @Field(() => FicheStatus) status: FicheStatus;
  @Field(() => Int) indicators: number;
  @Field(() => Int) indicatorsMet: number;
  @Field(() => Int) evidence: number;
}

@ObjectType({ description: "The year's file (dossier du dialogue de gestion) in figures; the PDF and XLSX are its downloads." })
export class EvaluationFile {
  @Field(() => Int) year: number;
  @Field() cptsName: string;
  @Field(() => Int) fiches: number;
  @Field(() => Int) quantitativeIndicators: number;
  @Field(() => Int) indicatorsMet: number;
  @Field(() => Int) evidence: number;
  @Field(() => [EvaluationFileFiche]) perFiche: EvaluationFileFiche[];
  @Field() pdfUrl: string;
  @Field() xlsxUrl: string;
}

@ObjectType({ description: 'Something a fiche may link: its kind, id and name.' })
export class FicheSourceChoice {
  @Field(() => FicheSourceKind) kind: FicheSourceKind;
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) detail: string | null;
}
