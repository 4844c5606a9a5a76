import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
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
import { collapseSpaces, trimmed } from '@cpts/platform-core';
import { DecisionOutcome, DecisionStatus } from '@cpts/governance';
import { AciMission } from '@cpts/platform-reference';

export enum ProjectStatus {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  UNDER_REVIEW = 'under_review',
  CHANGES_REQUESTED = 'changes_requested',
  READY_FOR_BUREAU = 'ready_for_bureau',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  EVALUATED = 'evaluated',
}
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description:
    "A project's life: DRAFT (the proposer writes) → SUBMITTED → UNDER_REVIEW (the team helps) ⇄ CHANGES_REQUESTED (the form reopens) → READY_FOR_BUREAU (put to the bureau: a governance decision) → APPROVED / REJECTED → IN_PROGRESS (a workshop held) → COMPLETED (the debrief filed) → EVALUATED (the criteria measured).",
});

export enum CallState {
  DRAFT = 'draft',
  UPCOMING = 'upcoming',
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(CallState, {
  name: 'CallState',
  description:
    'DRAFT: not published; UPCOMING: published, before its opening date; OPEN: submissions accepted; CLOSED: after its closing date (Europe/Paris).',
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType({ description: 'A line of the review grid: scored 0 to 5 by each member of the team, weighted.' })
@InputType('RubricLineInput')
export class RubricLine {
  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: 'Nommez chaque critère de la grille.' })
  @MaxLength(200)
  label: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'Le poids d’un critère est un entier de 1 à 10.' })
  @Max(10, { message: 'Le poids d’un critère est un entier de 1 à 10.' })
  weight: number;
}

@ObjectType({ description: 'The money of a call, wherever a decision is made: every amount in cents.' })
export class CallEnvelope {
  @Field(() => Float) envelopeCents: number;
  @Field(() => Float, { description: 'The budgets the bureau approved (approved, in progress, completed, evaluated projects).' })
  committedCents: number;
  @Field(() => Float, { description: 'The budgets of the projects the bureau is voting on now.' }) pendingCents: number;
  @Field(() => Float, { description: "Paid to the projects' speakers (payment lines marked paid)." }) paidCents: number;
  @Field(() => Float, { description: 'Envelope − committed.' }) remainingCents: number;
  @Field(() => Float, { description: 'Envelope − committed − pending: what the bureau may still approve.' }) availableCents: number;
}

@ObjectType({ description: "A raise of a call's envelope: by a decision of the bureau, applied when it is adopted." })
export class EnvelopeRaise {
  @Field(() => ID) id: string;
  @Field(() => Float) fromCents: number;
  @Field(() => Float) toCents: number;
  @Field() reason: string;
  @Field(() => ID) decisionId: string;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the adopted decision applied it; null while voted on or if not adopted.',
  })
  appliedAt: Date | null;
}

@ObjectType({ description: "A CPTS's call for projects (Pro Actif) of a year." })
export class Call {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field({ description: 'The public page: /cpts/<cpts slug>/appels/<slug>.' }) slug: string;
  @Field() title: string;
  @Field({ description: 'The rules, plain text.' }) rules: string;
  @Field({ description: 'First day of submissions (Europe/Paris).' }) opensOn: string;
  @Field({ description: 'Last day of submissions, until 23:59 Europe/Paris.' }) closesOn: string;
  @Field(() => Float) envelopeCents: number;
  @Field(() => [AciMission]) missions: AciMission[];
  @Field({ description: 'Only members of the year may submit.' }) membersOnly: boolean;
  @Field(() => Int, { description: 'Paid to each speaker once, for setting up and debriefing (a rémunération).' }) flatFeeCents: number;
  @Field(() => Int, { description: "Each speaker's fee per hour of workshop." }) hourlyRateCents: number;
  @Field(() => [String], { description: 'Criteria every project must give an indicator and a target for.' }) requiredCriteria: string[];
  @Field(() => [RubricLine]) rubric: RubricLine[];
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt: Date | null;
  @Field(() => CallState) state: CallState;
  @Field(() => Int) projectCount: number;
}

@InputType()
export class CallInput {
  @Field(() => Int)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year: number;

  @Field()
  @IsString()
  @trimmed()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Adresse : des minuscules, des chiffres et des tirets (ex. pro-actif-2026).' })
  @MaxLength(60)
  slug: string;

  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: "Donnez un titre à l'appel." })
  @MaxLength(200)
  title: string;

  @Field()
  @IsString()
  @MaxLength(20000)
  rules: string;

  @Field()
  @Matches(DATE, { message: "Date d'ouverture invalide." })
  opensOn: string;

  @Field()
  @Matches(DATE, { message: 'Date de clôture invalide.' })
  closesOn: string;

  @Field(() => Int, { description: 'In cents.' })
  @IsInt({ message: "L'enveloppe est un montant en centimes." })
  @Min(0, { message: "L'enveloppe ne peut pas être négative." })
  @Max(100_000_000_00, { message: "L'enveloppe dépasse ce qu'un appel peut engager." })
  envelopeCents: number;

  @Field(() => [AciMission])
  @IsArray()
  @ArrayMinSize(1, { message: 'Choisissez au moins une mission éligible.' })
  @ArrayUnique()
  @IsEnum(AciMission, { each: true })
  missions: AciMission[];

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  @Transform(({ value }) => value ?? false)
  membersOnly: boolean = false;

  @Field(() => Int, { nullable: true, defaultValue: 10_000, description: 'In cents; 100 EUR by default.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Le forfait ne peut pas être négatif.' })
  @Max(1_000_000)
  @Transform(({ value }) => value ?? 10_000)
  flatFeeCents: number = 10_000;

  @Field(() => Int, { description: 'In cents, per hour of workshop: the rate the CPTS sets.' })
  @IsInt()
  @Min(0, { message: 'Le taux horaire ne peut pas être négatif.' })
  @Max(1_000_000)
  hourlyRateCents: number;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Transform(({ value }) => ((value ?? []) as string[]).map((v) => String(v).trim()).filter(Boolean))
  requiredCriteria: string[] = [];

  @Field(() => [RubricLine], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RubricLine)
  @Transform(({ value }) => value ?? [])
  rubric: RubricLine[] = [];
}

@ObjectType()
export class ProjectPerson {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() professionCode: string;
}

@ObjectType({ description: 'The proposer: a person of the directory, matched or entered by their proposal.' })
export class ProjectProposer extends ProjectPerson {
  @Field({ description: 'The address the proposal gave: where the magic link goes.' }) email: string;
  @Field({ description: 'Their record was created by the proposal: for the team to check (and merge if a duplicate).' }) created: boolean;
}

@ObjectType()
@InputType('ProjectBudgetLineInput')
export class ProjectBudgetLine {
  @Field({ description: '"materials" or "other".' })
  @IsIn(['materials', 'other'], { message: 'Une ligne de budget est du matériel ou autre chose.' })
  kind: 'materials' | 'other';

  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: 'Décrivez chaque ligne de budget.' })
  @MaxLength(200)
  label: string;

  @Field(() => Int, { description: 'In cents.' })
  @IsInt({ message: 'Un montant est en centimes entiers.' })
  @Min(1, { message: 'Un montant doit être positif.' })
  @Max(10_000_000, { message: 'Ce montant dépasse ce que le budget d’un projet peut porter.' })
  amountCents: number;
}

@ObjectType({
  description:
    'An evaluation criterion, set when the project is designed: what is measured, how, the target; the actual at the evaluation.',
})
export class ProjectCriterion {
  @Field() criterion: string;
  @Field() indicator: string;
  @Field() target: string;
  @Field(() => String, { nullable: true }) actual: string | null;
}

@InputType()
export class ProjectCriterionInput {
  @Field()
  @IsString()
  @collapseSpaces()
  @MaxLength(200)
  criterion: string;

  @Field()
  @IsString()
  @collapseSpaces()
  @MaxLength(500)
  indicator: string;

  @Field()
  @IsString()
  @collapseSpaces()
  @MaxLength(500)
  target: string;
}

/** The proposer's form; saved as a draft at any time (the checks for submission come at the submission). */
@InputType()
export class ProjectFormInput {
  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: 'Donnez un titre au projet.' })
  @MaxLength(200)
  title: string;

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Transform(({ value }) => value ?? '')
  summary: string = '';

  @Field(() => [AciMission], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(AciMission, { each: true })
  @Transform(({ value }) => value ?? [])
  missions: AciMission[] = [];

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Transform(({ value }) => value ?? '')
  targetPublic: string = '';

  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Other professionals of the directory who carry the project.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  @Transform(({ value }) => value ?? [])
  coCarrierIds: string[] = [];

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200, { message: 'Au plus 200 ateliers par projet.' })
  @Transform(({ value }) => value ?? 0)
  workshopCount: number = 0;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Length of each workshop, in minutes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440, { message: 'Un atelier dure au plus 24 heures.' })
  @Transform(({ value }) => value ?? 0)
  workshopMinutes: number = 0;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'How many carriers lead each workshop (each is paid).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'Au moins une personne anime chaque atelier.' })
  @Max(20)
  @Transform(({ value }) => value ?? 1)
  speakers: number = 1;

  @Field(() => [ProjectBudgetLine], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProjectBudgetLine)
  @Transform(({ value }) => value ?? [])
  budgetLines: ProjectBudgetLine[] = [];

  @Field(() => [ProjectCriterionInput], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProjectCriterionInput)
  @Transform(({ value }) => value ?? [])
  criteria: ProjectCriterionInput[] = [];
}

@ObjectType({ description: 'A change of status: when, by whom (a member of the team, the proposer, or the bureau through its decision).' })
export class ProjectEvent {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => ProjectStatus, { nullable: true }) fromStatus: ProjectStatus | null;
  @Field(() => ProjectStatus) toStatus: ProjectStatus;
  @Field() actorName: string;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType({ description: 'The methodological help: a message of the thread between the team and the proposer.' })
export class ProjectComment {
  @Field(() => ID) id: string;
  @Field({ description: '"team" or "proposer".' }) author: string;
  @Field() authorName: string;
  @Field() body: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType({ description: "A line of the call's grid with the team's scores." })
export class ProjectScoreLine {
  @Field() label: string;
  @Field(() => Int) weight: number;
  @Field(() => Float, { nullable: true, description: "The team's average, 0 to 5; null before anyone scored." }) average: number | null;
  @Field(() => Int) scorers: number;
  @Field(() => Int, { nullable: true, description: "The caller's own score." }) mine: number | null;
}

@ObjectType({ description: 'The review: the grid scored by the team, visible to the bureau.' })
export class ProjectScores {
  @Field(() => [ProjectScoreLine]) lines: ProjectScoreLine[];
  @Field(() => Float, { nullable: true, description: 'Weighted average of the lines scored, 0 to 5.' }) weighted: number | null;
}

@ObjectType({ description: "The bureau's decision on the project, as governance holds it." })
export class ProjectDecision {
  @Field(() => ID) id: string;
  @Field(() => DecisionStatus) status: DecisionStatus;
  @Field(() => DecisionOutcome, { nullable: true }) outcome: DecisionOutcome | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) deadline: Date | null;
  @Field(() => String, { nullable: true }) registerNumber: string | null;
}

@ObjectType({ description: 'A project proposed to a call.' })
export class CallProject {
  @Field(() => ID) id: string;
  @Field(() => ID) callId: string;
  @Field({ description: '"P03": its number in the call.' }) number: string;
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field(() => ProjectProposer) proposer: ProjectProposer;
  @Field() title: string;
  @Field() summary: string;
  @Field(() => [AciMission]) missions: AciMission[];
  @Field() targetPublic: string;
  @Field(() => [ProjectPerson]) coCarriers: ProjectPerson[];
  @Field(() => Int) workshopCount: number;
  @Field(() => Int) workshopMinutes: number;
  @Field(() => Int) speakers: number;
  @Field(() => [ProjectBudgetLine]) budgetLines: ProjectBudgetLine[];
  @Field(() => [ProjectCriterion]) criteria: ProjectCriterion[];
  @Field(() => Float, { description: "The speakers' fees from the call's schedule, in cents." }) speakerFeesCents: number;
  @Field(() => Float, { description: 'The budget asked, in cents.' }) budgetCents: number;
  @Field(() => Float, { nullable: true, description: 'The budget the bureau approved, in cents.' }) approvedCents: number | null;
  @Field(() => ProjectDecision, { nullable: true }) decision: ProjectDecision | null;
  @Field(() => String, { nullable: true }) debriefWorked: string | null;
  @Field(() => String, { nullable: true }) debriefNotWorked: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) debriefedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) evaluatedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@InputType()
export class PutToBureauInput {
  @Field(() => [ID], { description: 'One project, or a batch: one decision (one vote) per project.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Choisissez au moins un projet.' })
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  projectIds: string[];

  @Field(() => GraphQLISODateTime, { description: 'When the votes close.' })
  @Type(() => Date)
  @IsDate({ message: "Fixez l'échéance du vote." })
  deadline: Date;
}

@InputType()
export class EnvelopeRaiseInput {
  @Field(() => ID)
  @IsUUID()
  callId: string;

  @Field(() => Int, { description: 'The new envelope, in cents.' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_00)
  toCents: number;

  @Field()
  @IsString()
  @collapseSpaces()
  @MinLength(1, { message: 'Dites pourquoi relever l’enveloppe.' })
  @MaxLength(2000)
  reason: string;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate({ message: "Fixez l'échéance du vote." })
  deadline: Date;
}
