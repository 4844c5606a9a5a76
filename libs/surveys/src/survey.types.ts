import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trimmed } from '@cpts/platform-core';
import { CampaignSegmentInput } from '@cpts/platform-persons';

export enum SurveyStatus {
  DRAFT = 'draft',
  SENT = 'sent',
  CLOSED = 'closed',
}
registerEnumType(SurveyStatus, { name: 'SurveyStatus', description: 'draft → sent → closed (by hand, or on its own at closesAt).' });

/** The same four kinds as the regional survey templates (libs/resources, TemplateQuestion). */
export enum SurveyQuestionType {
  SCALE = 'scale',
  SINGLE = 'single',
  MULTIPLE = 'multiple',
  TEXT = 'text',
}
registerEnumType(SurveyQuestionType, {
  name: 'SurveyQuestionType',
  description: 'scale: 1 to 5; single: one option; multiple: any options; text: free text.',
});

export const SURVEY_LIMITS = { title: 200, intro: 5000, label: 500, option: 200, options: 30, questions: 100, text: 5000 } as const;

@ObjectType()
export class SurveyQuestion {
  @Field(() => ID) id: string;
  @Field(() => SurveyQuestionType) type: SurveyQuestionType;
  @Field() label: string;
  @Field(() => [String], { description: 'The choices of a single or multiple question; empty otherwise.' }) options: string[];
  @Field() required: boolean;
}

@ObjectType({ description: 'A satisfaction or needs survey of the CPTS, answered from a personal link without login.' })
export class Survey {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() intro: string;
  @Field({ description: 'Anonymous: answers are stored without the recipient (announced on the answer page).' }) anonymous: boolean;
  @Field(() => SurveyStatus) status: SurveyStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) closesAt: Date | null;
  @Field(() => Int, { description: 'The reminder to those who have not answered, this many days before closesAt (0: none).' })
  reminderDays: number;
  @Field(() => ID, { nullable: true, description: 'The adopted regional template it was created from.' }) adoptionId: string | null;
  @Field(() => String, { nullable: true }) audienceLabel: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => Int) recipientCount: number;
  @Field(() => Int) answerCount: number;
  @Field(() => [SurveyQuestion]) questions: SurveyQuestion[];
}

@ObjectType({ description: 'Someone the survey was sent to; whether they answered (never what, for an anonymous survey).' })
export class SurveyRecipient {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
  @Field() answered: boolean;
  @Field(() => Int) reminders: number;
}

@ObjectType()
export class SurveyCount {
  @Field() label: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: "One question's results: a distribution (scale, choices) or the texts written." })
export class SurveyQuestionResult {
  @Field(() => ID) questionId: string;
  @Field(() => SurveyQuestionType) type: SurveyQuestionType;
  @Field() label: string;
  @Field(() => Int, { description: 'Responses that answered this question.' }) answered: number;
  @Field(() => Float, { nullable: true, description: 'Scale questions: the mean, 1 to 5.' }) mean: number | null;
  @Field(() => [SurveyCount], { description: 'Scale: 1 to 5; choices: each option in order.' }) counts: SurveyCount[];
  @Field(() => [String], { description: 'Text questions: every answer written.' }) texts: string[];
}

@ObjectType()
export class SurveyResults {
  @Field(() => ID) surveyId: string;
  @Field(() => Int) recipients: number;
  @Field(() => Int) answers: number;
  @Field(() => Float, { description: 'answers / recipients, 0 to 1 (0 when sent to nobody).' }) responseRate: number;
  @Field(() => [SurveyQuestionResult]) questions: SurveyQuestionResult[];
}

@InputType({ description: 'A survey as the team writes it (its questions apart: setSurveyQuestions).' })
export class SurveyInput {
  @Field()
  @trimmed()
  @IsString()
  @MinLength(1, { message: 'Le titre est obligatoire.' })
  @MaxLength(SURVEY_LIMITS.title, { message: 'Le titre ne peut pas dépasser 200 caractères.' })
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(SURVEY_LIMITS.intro, { message: "L'introduction ne peut pas dépasser 5000 caractères." })
  intro?: string | null;

  @Field()
  @IsBoolean({ message: 'Dites si les réponses sont anonymes.' })
  anonymous: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When answers stop being accepted; required to send.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date de clôture invalide.' })
  closesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Days before closesAt for the reminder (default 3; 0: none).' })
  @IsOptional()
  @IsInt({ message: 'Le nombre de jours doit être un entier.' })
  @Min(0, { message: 'Le nombre de jours ne peut pas être négatif.' })
  @Max(60, { message: 'La relance se fait au plus 60 jours avant la clôture.' })
  reminderDays?: number | null;
}

@InputType()
export class SurveyQuestionInput {
  @Field(() => SurveyQuestionType)
  @IsEnum(SurveyQuestionType, { message: 'Type de question inconnu.' })
  type: SurveyQuestionType;

  @Field()
  @trimmed()
  @IsString()
  @MinLength(1, { message: 'Chaque question a un libellé.' })
  @MaxLength(SURVEY_LIMITS.label, { message: 'Un libellé de question ne peut pas dépasser 500 caractères.' })
  label: string;

  @Field(() => [String], { nullable: true, description: 'For single and multiple questions: 2 to 30 distinct choices.' })
  @IsOptional()
  @ArrayMaxSize(SURVEY_LIMITS.options, { message: 'Au plus 30 choix par question.' })
  @IsString({ each: true })
  @MaxLength(SURVEY_LIMITS.option, { each: true, message: 'Un choix ne peut pas dépasser 200 caractères.' })
  options?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean | null;
}

@InputType({ description: "A draft survey's questions, in order (they replace the previous ones)." })
export class SurveyQuestionsInput {
  @Field(() => [SurveyQuestionInput])
  @ArrayMinSize(1, { message: 'Ajoutez au moins une question.' })
  @ArrayMaxSize(SURVEY_LIMITS.questions, { message: 'Au plus 100 questions.' })
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions: SurveyQuestionInput[];
}

@InputType({ description: 'Who a survey goes to: a segment of the directory, or the participants of a meeting (exactly one).' })
export class SurveyAudienceInput {
  @Field(() => CampaignSegmentInput, {
    nullable: true,
    description: 'The same segments as the mailings (consent for professional information applies).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignSegmentInput)
  segment?: CampaignSegmentInput | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant invalide.' })
  meetingId?: string | null;
}

/** What a fiche action shows of a survey attached as evidence (libs/evaluation reads it through SurveyEvidence). */
export interface SurveySummary {
  surveyId: string;
  title: string;
  sentAt: Date | null;
  closesAt: Date | null;
  recipients: number;
  answers: number;
  /** 0 to 1. */
  responseRate: number;
  scaleMeans: Array<{ label: string; mean: number }>;
}

export interface SurveyListItem {
  id: string;
  title: string;
  status: SurveyStatus;
  sentAt: Date | null;
}
