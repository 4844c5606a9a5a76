import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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
} from 'class-validator';
import { collapseSpaces } from '@cpts/platform-core';

/**
 * Decree 2022-375: an indemnité compensates income lost to governance work
 * (board meetings, AG); a rémunération pays work on the CPTS's missions
 * (a Pro Actif workshop, its set-up and debrief, an RCP).
 */
export enum PaymentKind {
  INDEMNITY = 'indemnity',
  REMUNERATION = 'remuneration',
}
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'indemnity (governance work, lost income) or remuneration (work on a mission).',
});

export enum PaymentStatus {
  TO_PAY = 'to_pay',
  PAID = 'paid',
  CANCELLED = 'cancelled',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

/** Why a generated line was not created for someone. */
export enum PaymentSkipReason {
  NOT_MEMBER = 'not_member',
  OVER_PASS = 'over_pass',
  ALREADY_GENERATED = 'already_generated',
  /** Erased from the directory on request: no one left to pay. */
  ERASED = 'erased',
}
registerEnumType(PaymentSkipReason, { name: 'PaymentSkipReason' });

export const KIND_LABELS_FR: Record<PaymentKind, string> = { indemnity: 'Indemnité', remuneration: 'Rémunération' };
export const STATUS_LABELS_FR: Record<PaymentStatus, string> = { to_pay: 'À payer', paid: 'Payée', cancelled: 'Annulée' };

/** A line to add, from what happened (a workshop, a debrief, a meeting attended): never an amount typed out of nothing. */
export interface NewPaymentLine {
  /** A person of the directory (a merged record's id stands for the kept one). */
  professionalId: string;
  kind: PaymentKind;
  /** 'YYYY-MM-DD', the Europe/Paris date of the work: its year is the year of the PASS. */
  workDate: string;
  /** Length of the work when paid by time; null for a flat fee. */
  minutes: number | null;
  /** Integer > 0, computed by the caller (which documents its own rounding). */
  amountCents: number;
  /** French, e.g. "Atelier du 12/03/2026 (1 h 30) — Jeu de prévention". */
  label: string;
  /** What generated it: 'call_workshop', 'call_debrief', 'meeting'... */
  source: string;
  /** The uuid of the thing that generated it. */
  sourceRef: string;
}

@ObjectType({ description: 'A sum the CPTS owes (or paid) a professional for one piece of work. Amounts in integer cents.' })
export class PaymentLine {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field({ description: 'Last name and first name, as the directory has them.' }) professionalName: string;
  @Field(() => PaymentKind) kind: PaymentKind;
  @Field({ description: 'YYYY-MM-DD, Paris date of the work.' }) workDate: string;
  @Field(() => Int) year: number;
  @Field(() => Int, { nullable: true, description: 'Length of the work in minutes; null for a flat fee.' }) minutes: number | null;
  @Field(() => Float, { description: 'In cents.' }) amountCents: number;
  @Field() label: string;
  @Field() source: string;
  @Field(() => ID) sourceRef: string;
  @Field(() => PaymentStatus) status: PaymentStatus;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) paidOn: string | null;
  @Field(() => String, { nullable: true, description: 'The bank transfer reference.' }) paidReference: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType({ description: 'A line just added, with the warning when the person reaches 80 % of the PASS.' })
export class AddedPaymentLine {
  @Field(() => PaymentLine) line: PaymentLine;
  @Field(() => String, { nullable: true }) warning: string | null;
}

@ObjectType()
export class SkippedPayment {
  @Field(() => ID) professionalId: string;
  @Field() name: string;
  @Field(() => PaymentSkipReason) reason: PaymentSkipReason;
  @Field({ description: 'Why, in French, with the figures.' }) message: string;
}

@ObjectType({
  description: 'The indemnities of a meeting of an instance: one line per member present (or by video), and who was left out and why.',
})
export class MeetingIndemnities {
  @Field(() => ID) meetingId: string;
  @Field(() => Int) minutes: number;
  @Field(() => Int) hourlyRateCents: number;
  @Field(() => Float, { description: 'Each line: minutes × rate / 60, rounded half-up to the cent.' }) amountCents: number;
  @Field(() => [AddedPaymentLine]) created: AddedPaymentLine[];
  @Field(() => [SkippedPayment]) skipped: SkippedPayment[];
}

@ObjectType({ description: "A professional's payments of one year (lines not cancelled), against the PASS." })
export class ProfessionalPayments {
  @Field(() => ID) professionalId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) rpps: string | null;
  @Field(() => String, { nullable: true }) professionLabel: string | null;
  @Field(() => Float) indemnityCents: number;
  @Field(() => Float) remunerationCents: number;
  @Field(() => Float) totalCents: number;
  @Field(() => Float) paidCents: number;
  @Field(() => Float) toPayCents: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Share of the PASS in tenths of a percent, rounded down (800 = 80.0 %); null without a PASS.',
  })
  passPermille: number | null;
  @Field(() => String, { nullable: true, description: 'Set from 80 % of the PASS.' }) warning: string | null;
}

@ObjectType({ description: "A year of the CPTS's payments: the PASS, what the caller may do, the totals per professional." })
export class PaymentYear {
  @Field(() => Int) year: number;
  @Field(() => Float, { nullable: true, description: 'The PASS of the year in cents; null until the platform admin enters it.' })
  passCents: number | null;
  @Field({ description: 'Coordinator or staff: cancels lines, generates indemnities.' }) canManage: boolean;
  @Field({ description: 'The team or the bureau’s treasurer: marks lines paid.' }) canMarkPaid: boolean;
  @Field(() => [ProfessionalPayments]) professionals: ProfessionalPayments[];
}

@ObjectType()
export class StatementPerson {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) rpps: string | null;
  @Field(() => String, { nullable: true }) professionLabel: string | null;
}

@ObjectType({
  description: "A professional's yearly statement (état annuel): each line of the year not cancelled, and the totals by kind.",
})
export class PaymentStatement {
  @Field(() => Int) year: number;
  @Field() cptsName: string;
  @Field(() => StatementPerson) professional: StatementPerson;
  @Field(() => [PaymentLine]) lines: PaymentLine[];
  @Field(() => Float) indemnityCents: number;
  @Field(() => Float) remunerationCents: number;
  @Field(() => Float) totalCents: number;
  @Field(() => Float) paidCents: number;
  @Field(() => Float) toPayCents: number;
  @Field(() => Float, { nullable: true }) passCents: number | null;
  @Field(() => Int, { nullable: true }) passPermille: number | null;
}

@ObjectType({ description: "The CPTS's payment settings (its règlement intérieur)." })
export class PaymentSettings {
  @Field(() => Int, { nullable: true, description: 'The hourly rate of the indemnities, in cents; null until the coordinator sets it.' })
  indemnityHourlyRateCents: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt: Date | null;
  @Field(() => String, { nullable: true }) updatedByName: string | null;
}

@ObjectType({ description: 'The plafond annuel de la sécurité sociale of a year, in cents.' })
export class PassCeiling {
  @Field(() => Int) year: number;
  @Field(() => Float) amountCents: number;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => String, { nullable: true, description: 'Null for the values the migration seeded.' }) updatedByName: string | null;
}

// ---- Inputs

const YEAR_MESSAGE = { message: 'Année invalide.' };

@InputType()
export class PaymentLinesFilter {
  @Field(() => Int)
  @IsInt(YEAR_MESSAGE)
  @Min(2000, YEAR_MESSAGE)
  @Max(2200, YEAR_MESSAGE)
  year: number;

  @Field(() => PaymentStatus, { nullable: true, defaultValue: null })
  @IsOptional()
  @IsEnum(PaymentStatus, { message: 'Statut inconnu.' })
  status?: PaymentStatus | null;

  @Field(() => PaymentKind, { nullable: true, defaultValue: null })
  @IsOptional()
  @IsEnum(PaymentKind, { message: 'Nature inconnue.' })
  kind?: PaymentKind | null;

  @Field(() => ID, { nullable: true, defaultValue: null })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant invalide.' })
  professionalId?: string | null;
}

@ArgsType()
export class PaymentYearArgs {
  @Field(() => Int)
  @IsInt(YEAR_MESSAGE)
  @Min(2000, YEAR_MESSAGE)
  @Max(2200, YEAR_MESSAGE)
  year: number;
}

@ArgsType()
export class PaymentStatementArgs extends PaymentYearArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  professionalId: string;
}

@InputType({ description: 'Lines paid by one transfer (or one batch of transfers): the day and the reference.' })
export class MarkPaidInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'Choisissez au moins une ligne.' })
  @ArrayMaxSize(500, { message: 'Au plus 500 lignes à la fois.' })
  @ArrayUnique({ message: 'Une ligne est cochée deux fois.' })
  @IsUUID('all', { each: true, message: 'Identifiant invalide.' })
  lineIds: string[];

  @Field({ description: 'YYYY-MM-DD: the day of the transfer.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date invalide (AAAA-MM-JJ).' })
  paidOn: string;

  @Field({ description: 'The bank transfer reference.' })
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Indiquez la référence du virement.' })
  @MaxLength(100, { message: 'La référence ne peut pas dépasser 100 caractères.' })
  reference: string;
}

@ArgsType()
export class PaymentSettingsArgs {
  @Field(() => Int, { description: 'The hourly rate of the indemnities, in cents.' })
  @IsInt({ message: 'Taux invalide (en centimes).' })
  @Min(1, { message: 'Le taux horaire doit être supérieur à zéro.' })
  @Max(100_000, { message: 'Le taux horaire ne peut pas dépasser 1 000 € de l’heure.' })
  indemnityHourlyRateCents: number;
}

@ArgsType()
export class PassCeilingArgs {
  @Field(() => Int)
  @IsInt(YEAR_MESSAGE)
  @Min(2000, YEAR_MESSAGE)
  @Max(2200, YEAR_MESSAGE)
  year: number;

  @Field(() => Float, { description: 'In cents.' })
  @IsInt({ message: 'Montant invalide (en centimes).' })
  @Min(1, { message: 'Le plafond doit être supérieur à zéro.' })
  @Max(100_000_000, { message: 'Plafond trop élevé.' })
  amountCents: number;
}
