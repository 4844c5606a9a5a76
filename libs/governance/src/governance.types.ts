import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
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
import { blankToNull, collapseSpaces, ConnectionType, PageArgs, trimmed } from '@cpts/platform-core';
import { AciMission, MembershipCollege } from '@cpts/platform-reference';
import { MajorityRule } from './statutes';

registerEnumType(MajorityRule, {
  name: 'MajorityRule',
  description:
    'SIMPLE: more for than against among the votes cast; ABSOLUTE_OF_SEATS: more than half of the seats; TWO_THIRDS: two thirds of the votes cast.',
});

export enum InstanceKind {
  BUREAU = 'bureau',
  CA = 'ca',
  AG = 'ag',
  COMMISSION = 'commission',
}
registerEnumType(InstanceKind, {
  name: 'InstanceKind',
  description: "BUREAU; CA: conseil d'administration, seats in colleges; AG: assemblée générale, the year's members; COMMISSION.",
});

export enum MandateOffice {
  PRESIDENT = 'president',
  VICE_PRESIDENT = 'vice_president',
  TREASURER = 'treasurer',
  SECRETARY = 'secretary',
  MEMBER = 'member',
}
registerEnumType(MandateOffice, { name: 'MandateOffice' });

export enum MandateObtained {
  ELECTED = 'elected',
  COOPTED = 'coopted',
  APPOINTED = 'appointed',
  EX_OFFICIO = 'ex_officio',
}
registerEnumType(MandateObtained, {
  name: 'MandateObtained',
  description: 'How the seat was obtained: elected (at an AG), co-opted, appointed, ex officio.',
});

export enum DecisionStatus {
  DRAFT = 'draft',
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

export enum DecisionOutcome {
  ADOPTED = 'adopted',
  REJECTED = 'rejected',
  NO_QUORUM = 'no_quorum',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

export enum DecisionSource {
  WRITTEN = 'written',
  SESSION = 'session',
  SPENDING = 'spending',
}
registerEnumType(DecisionSource, {
  name: 'DecisionSource',
  description:
    'WRITTEN: an asynchronous written consultation; SESSION: voted in a meeting of the instance; SPENDING: opened by a spending request above the thresholds.',
});

export enum VoteChoice {
  FOR = 'for',
  AGAINST = 'against',
  ABSTAIN = 'abstain',
}
registerEnumType(VoteChoice, { name: 'VoteChoice' });

export enum VoteChannel {
  LINK = 'link',
  WEB = 'web',
}
registerEnumType(VoteChannel, { name: 'VoteChannel', description: 'LINK: from the email link, without signing in; WEB: signed in.' });

export enum SpendingRoute {
  STAFF = 'staff',
  BUREAU = 'bureau',
  CA = 'ca',
}
registerEnumType(SpendingRoute, {
  name: 'SpendingRoute',
  description:
    'Who decides a spending: STAFF alone under the first threshold (the treasurer checks afterwards), the BUREAU up to the second, the CA above.',
});

export enum SpendingCheck {
  PENDING = 'pending',
  CHECKED = 'checked',
  QUERIED = 'queried',
}
registerEnumType(SpendingCheck, {
  name: 'SpendingCheck',
  description: "The treasurer's after-the-fact check of a spending the staff approved alone.",
});

@ObjectType({ description: "The statutes' rules of an instance (règles)." })
export class GovernanceStatutes {
  @Field(() => Float, { description: 'Share of the electorate present or represented for a vote to count (0: no quorum).' })
  quorumShare: number;
  @Field(() => MajorityRule) majority: MajorityRule;
  @Field() abstentionsCountAsCast: boolean;
  @Field(() => Int, { description: 'Proxies one voter may hold (0: none).' }) proxiesPerHolder: number;
  @Field(() => Int, { description: 'Days of notice to convene a meeting of the instance (the AG).' }) noticeDays: number;
  @Field() perCollege: boolean;
}

@ObjectType({ description: 'A college of an instance: a share of its seats (CA), or of its members (AG).' })
export class GovernanceCollege {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => MembershipCollege, { nullable: true, description: "The members' college it stands for (the AG's results per college)." })
  membershipCollege: MembershipCollege | null;
  @Field(() => Int) seats: number;
  @Field(() => Int, { description: 'Current mandates in this college.' }) filled: number;
}

@ObjectType({ description: 'A seat held by a person on an instance, for a term.' })
export class Mandate {
  @Field(() => ID) id: string;
  @Field(() => ID) instanceId: string;
  @Field() instanceName: string;
  @Field(() => ID, { description: 'The person of the directory (a user or not).' }) professionalId: string;
  @Field() name: string;
  @Field(() => MandateOffice) office: MandateOffice;
  @Field(() => ID, { nullable: true }) collegeId: string | null;
  @Field(() => String, { nullable: true }) collegeName: string | null;
  @Field({ description: 'YYYY-MM-DD.' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'The end of the term as given (YYYY-MM-DD); null: open-ended.' }) endsOn:
    string | null;
  @Field(() => MandateObtained) obtained: MandateObtained;
  @Field({ description: 'E.g. "AG du 12 juin 2025".' }) obtainedNote: string;
  @Field(() => String, { nullable: true, description: 'When it stopped before its term (YYYY-MM-DD).' }) endedOn: string | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
  @Field({ description: 'Held today (Paris).' }) current: boolean;
  @Field(() => Int, { nullable: true, description: 'Days until the end of a current mandate with an end date.' }) daysLeft: number | null;
}

@ObjectType({ description: "A body of the CPTS's governance: the bureau, the CA, the AG, a commission." })
export class GovernanceInstance {
  @Field(() => ID) id: string;
  @Field(() => InstanceKind) kind: InstanceKind;
  @Field() name: string;
  @Field(() => Int, { nullable: true, description: 'Seats (null for the AG: its electorate is the active members of the year).' }) seats:
    number | null;
  @Field(() => GovernanceStatutes) statutes: GovernanceStatutes;
  @Field(() => [GovernanceCollege]) colleges: GovernanceCollege[];
  @Field(() => Int, { description: 'Current mandates (the AG: active members of the year).' }) currentCount: number;
  @Field(() => Int, { description: 'Seats without a current mandate (0 for the AG).' }) seatsToFill: number;
  @Field(() => Int, { description: 'Current mandates ending within 90 days.' }) endingSoon: number;
}

@ObjectType({ description: "A decision's count under the rules in force when it was opened." })
export class DecisionTally {
  @Field(() => Int) for: number;
  @Field(() => Int) against: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int, { description: 'Voters who count: all but those who declared a conflict of interest.' }) eligible: number;
  @Field(() => Int, { description: 'Votes expressed, in person or by proxy.' }) participating: number;
  @Field(() => Int) byProxy: number;
  @Field(() => Int) cast: number;
  @Field(() => Int) quorumNeeded: number;
  @Field() quorumMet: boolean;
}

@ObjectType({ description: "One college's result (the AG, where the statutes ask for it)." })
export class CollegeResult {
  @Field() college: string;
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @Field(() => DecisionTally) tally: DecisionTally;
}

@ObjectType({ description: 'One person who may vote on a decision (frozen at the opening).' })
export class DecisionVoter {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) college: string | null;
  @Field({ description: 'Has voted (in person).' }) voted: boolean;
  @Field(() => VoteChoice, {
    nullable: true,
    description: 'Their vote: shown to the team and to the person; to the other voters once closed.',
  })
  choice: VoteChoice | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) votedAt: Date | null;
  @Field(() => VoteChannel, { nullable: true }) channel: VoteChannel | null;
  @Field(() => Int, { description: 'Times the vote was changed.' }) changes: number;
  @Field({ description: 'Declared a conflict of interest: out of the quorum and the count.' }) conflict: boolean;
  @Field(() => String, { nullable: true }) conflictNote: string | null;
  @Field(() => ID, { nullable: true, description: 'The voter they gave their vote to.' }) proxyToId: string | null;
  @Field(() => String, { nullable: true }) proxyToName: string | null;
  @Field(() => [String], { description: 'Whose proxies they hold.' }) holdsProxiesOf: string[];
}

@ObjectType({ description: 'A comment on a decision, by a voter or the team.' })
export class DecisionComment {
  @Field(() => ID) id: string;
  @Field() authorName: string;
  @Field() body: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType({ description: 'A file attached to a decision.' })
export class DecisionDocument {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Float) bytes: number;
  @Field(() => GraphQLISODateTime) uploadedAt: Date;
  @Field({ description: 'Where to download it with the session.' }) url: string;
}

@ObjectType({ description: "A decision put to an instance: a written consultation, a vote in session, a spending's approval." })
export class Decision {
  @Field(() => ID) id: string;
  @Field(() => ID) instanceId: string;
  @Field() instanceName: string;
  @Field(() => InstanceKind) instanceKind: InstanceKind;
  @Field(() => DecisionSource) source: DecisionSource;
  @Field() title: string;
  @Field({ description: 'The file: the context as plain text.' }) context: string;
  @Field() question: string;
  @Field(() => [VoteChoice]) options: VoteChoice[];
  @Field(() => Float, { nullable: true, description: 'In cents.' }) amountCents: number | null;
  @Field(() => [AciMission]) missions: AciMission[];
  @Field(() => GraphQLISODateTime, { nullable: true }) deadline: Date | null;
  @Field(() => DecisionStatus) status: DecisionStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) openedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'deadline, all_voted or session.' }) closedBecause: string | null;
  @Field(() => DecisionOutcome, { nullable: true }) outcome: DecisionOutcome | null;
  @Field(() => String, { nullable: true, description: 'Its number in the register, e.g. 2026-014 (closed decisions).' }) registerNumber:
    string | null;
  @Field(() => GovernanceStatutes, { nullable: true, description: 'The rules in force at the opening.' })
  statutes: GovernanceStatutes | null;
  @Field(() => DecisionTally, { nullable: true, description: 'The count so far, or the final one (null for a draft).' })
  tally: DecisionTally | null;
  @Field(() => [CollegeResult]) colleges: CollegeResult[];
  @Field(() => Int, { description: 'Voters.' }) voterCount: number;
  @Field(() => Int, { description: 'Voters who have voted in person.' }) votedCount: number;
  @Field(() => String, {
    nullable: true,
    description: 'What another module put to the vote (e.g. "call_project": a project of a call for projects); its id is subjectRef.',
  })
  subjectKind: string | null;
  @Field(() => ID, { nullable: true }) subjectRef: string | null;
  @Field(() => ID, { nullable: true, description: 'The decision without quorum this one puts to the vote again.' }) reopensId:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The decision that put this one to the vote again.' }) reopenedById: string | null;
  @Field(() => ID, { nullable: true }) meetingId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When an AG decision was published to the members.' })
  publishedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  /** Who wrote it (not in the API: canEditDraft says what it means for the caller). */
  createdBy?: string | null;
}

export const DecisionConnection = ConnectionType(Decision, 'Decision');

@ObjectType({ description: "One entry of a decision's audit trail: each carries the hash of the one before." })
export class DecisionAuditEntry {
  @Field(() => Int) seq: number;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({
    description: 'opened, vote, vote_changed, conflict, proxy_given, proxy_withdrawn, comment, reminder, closed, reopened, published.',
  })
  event: string;
  @Field({ description: 'Who: "voter:<id>", "user:<id>" or "system".' }) actor: string;
  @Field(() => String, { nullable: true }) channel: string | null;
  @Field({ description: 'The details, as JSON.' }) data: string;
  @Field() hash: string;
}

@ObjectType({ description: "The result of recomputing a decision's audit chain." })
export class AuditVerification {
  @Field() ok: boolean;
  @Field(() => Int) entries: number;
  @Field(() => Int, { nullable: true, description: 'The first entry that does not hold.' }) brokenAt: number | null;
  @Field(() => String, { nullable: true, description: 'What is wrong, in French.' }) problem: string | null;
}

@ObjectType({ description: 'A spending recorded by the team, decided under the delegation thresholds.' })
export class SpendingRequest {
  @Field(() => ID) id: string;
  @Field(() => Float) amountCents: number;
  @Field() purpose: string;
  @Field(() => AciMission, { nullable: true }) mission: AciMission | null;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => String, { nullable: true }) requestedByName: string | null;
  @Field(() => SpendingRoute) route: SpendingRoute;
  @Field(() => ID, { nullable: true, description: 'The decision it opened (BUREAU, CA).' }) decisionId: string | null;
  @Field(() => DecisionStatus, { nullable: true }) decisionStatus: DecisionStatus | null;
  @Field(() => DecisionOutcome, { nullable: true }) decisionOutcome: DecisionOutcome | null;
  @Field(() => SpendingCheck, { nullable: true }) check: SpendingCheck | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) checkedAt: Date | null;
  @Field(() => String, { nullable: true }) checkedByName: string | null;
  @Field(() => String, { nullable: true }) checkNote: string | null;
}

@ObjectType({ description: 'The spending thresholds of the CPTS (delegation levels), in cents.' })
export class DelegationSettings {
  @Field(() => Float, { description: 'Up to this, the staff decide alone and the treasurer checks afterwards.' }) staffLimitCents: number;
  @Field(() => Float, { description: 'Up to this, the bureau decides; above, the CA.' }) bureauLimitCents: number;
  @Field({ description: "The caller may check the spending the staff approved alone: the coordinator, or the bureau's current treasurer." })
  canCheck: boolean;
}

// ---- Inputs

const toNumber = () => Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value));

@InputType()
export class StatutesInput {
  @Field(() => Float)
  @IsNumber({}, { message: 'Quorum invalide.' })
  @Min(0, { message: 'Le quorum va de 0 à 100 %.' })
  @Max(1, { message: 'Le quorum va de 0 à 100 %.' })
  quorumShare: number;

  @Field(() => MajorityRule)
  @IsEnum(MajorityRule, { message: 'Règle de majorité inconnue.' })
  majority: MajorityRule;

  @Field()
  @IsBoolean()
  abstentionsCountAsCast: boolean;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Le nombre de pouvoirs par personne va de 0 à 10.' })
  @Max(10, { message: 'Le nombre de pouvoirs par personne va de 0 à 10.' })
  proxiesPerHolder: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Le délai de convocation va de 0 à 90 jours.' })
  @Max(90, { message: 'Le délai de convocation va de 0 à 90 jours.' })
  noticeDays: number;

  @Field()
  @IsBoolean()
  perCollege: boolean;
}

@InputType()
export class InstanceInput {
  @Field(() => InstanceKind)
  @IsEnum(InstanceKind, { message: "Type d'instance inconnu." })
  kind: InstanceKind;

  @Field(() => String, {
    nullable: true,
    description: 'Default: the usual name of the kind (Bureau, Conseil d’administration, Assemblée générale).',
  })
  @collapseSpaces()
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(120, { message: 'Le nom ne peut pas dépasser 120 caractères.' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats (not for the AG).' })
  @IsOptional()
  @IsInt({ message: 'Nombre de sièges invalide.' })
  @Min(1, { message: 'Au moins 1 siège.' })
  @Max(200, { message: 'Au plus 200 sièges.' })
  seats?: number | null;
}

@InputType()
export class UpdateInstanceInput {
  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le nom est obligatoire.' })
  @MaxLength(120, { message: 'Le nom ne peut pas dépasser 120 caractères.' })
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Nombre de sièges invalide.' })
  @Min(1, { message: 'Au moins 1 siège.' })
  @Max(200, { message: 'Au plus 200 sièges.' })
  seats?: number | null;

  @Field(() => StatutesInput)
  @ValidateNested()
  @Type(() => StatutesInput)
  statutes: StatutesInput;
}

@InputType()
export class CollegeInput {
  @Field(() => ID, { nullable: true, description: 'An existing college (kept with its mandates), or none for a new one.' })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant de collège invalide.' })
  id?: string | null;

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le nom du collège est obligatoire.' })
  @MaxLength(120, { message: 'Le nom du collège ne peut pas dépasser 120 caractères.' })
  name: string;

  @Field(() => MembershipCollege, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipCollege, { message: 'Collège des adhérents inconnu.' })
  membershipCollege?: MembershipCollege | null;

  @Field(() => Int)
  @IsInt({ message: 'Nombre de sièges invalide.' })
  @Min(0, { message: 'Le nombre de sièges va de 0 à 200.' })
  @Max(200, { message: 'Le nombre de sièges va de 0 à 200.' })
  seats: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class MandateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant de professionnel invalide.' })
  professionalId: string;

  @Field(() => MandateOffice)
  @IsEnum(MandateOffice, { message: 'Fonction inconnue.' })
  office: MandateOffice;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant de collège invalide.' })
  collegeId?: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @trimmed()
  @Matches(DATE, { message: 'Date de début invalide (AAAA-MM-JJ).' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; none: open-ended.' })
  @blankToNull()
  @IsOptional()
  @Matches(DATE, { message: 'Date de fin invalide (AAAA-MM-JJ).' })
  endsOn?: string | null;

  @Field(() => MandateObtained)
  @IsEnum(MandateObtained, { message: "Mode d'obtention inconnu." })
  obtained: MandateObtained;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : (value ?? '')))
  @IsString()
  @MaxLength(200, { message: 'La précision ne peut pas dépasser 200 caractères.' })
  obtainedNote: string = '';
}

@InputType()
export class EndMandateInput {
  @Field({ description: 'YYYY-MM-DD: the last day of the mandate.' })
  @trimmed()
  @Matches(DATE, { message: 'Date de fin invalide (AAAA-MM-JJ).' })
  endedOn: string;

  @Field({ description: 'Resignation, revocation, death…' })
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le motif est obligatoire.' })
  @MaxLength(500, { message: 'Le motif ne peut pas dépasser 500 caractères.' })
  reason: string;
}

@InputType()
export class DecisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: "Identifiant d'instance invalide." })
  instanceId: string;

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le titre est obligatoire.' })
  @MaxLength(200, { message: 'Le titre ne peut pas dépasser 200 caractères.' })
  title: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : (value ?? '')))
  @IsString()
  @MaxLength(20000, { message: 'Le contexte ne peut pas dépasser 20 000 caractères.' })
  context: string = '';

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'La question posée est obligatoire.' })
  @MaxLength(1000, { message: 'La question ne peut pas dépasser 1 000 caractères.' })
  question: string;

  @Field(() => [VoteChoice], { nullable: true, defaultValue: [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN] })
  @Transform(({ value }) => value ?? [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN])
  @IsArray()
  @ArrayUnique({ message: 'Une option est en double.' })
  @IsEnum(VoteChoice, { each: true, message: 'Option inconnue.' })
  options: VoteChoice[] = [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN];

  @Field(() => Float, { nullable: true, description: 'In cents.' })
  @toNumber()
  @IsOptional()
  @IsInt({ message: 'Montant invalide (en centimes).' })
  @Min(0, { message: 'Le montant ne peut pas être négatif.' })
  @Max(1e12, { message: 'Montant trop élevé.' })
  amountCents?: number | null;

  @Field(() => [AciMission], { nullable: true, defaultValue: [] })
  @Transform(({ value }) => value ?? [])
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'Une mission est en double.' })
  @IsEnum(AciMission, { each: true, message: 'Mission inconnue.' })
  missions: AciMission[] = [];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the vote closes; required to open it.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Échéance invalide.' })
  deadline?: Date | null;
}

@ArgsType()
export class RegisterArgs extends PageArgs({ defaultSize: 50, maxSize: 200, noun: ['décision', 'décisions'] }) {
  @Field(() => Int, { nullable: true, description: 'Only this year of the register.' })
  @IsOptional()
  @IsInt({ message: 'Année invalide.' })
  @Min(2000, { message: 'Année invalide.' })
  @Max(2200, { message: 'Année invalide.' })
  year?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: "Identifiant d'instance invalide." })
  instanceId?: string | null;
}

@InputType()
export class SpendingRequestInput {
  @Field(() => Float, { description: 'In cents.' })
  @IsInt({ message: 'Montant invalide (en centimes).' })
  @Min(1, { message: 'Le montant doit être positif.' })
  @Max(1e12, { message: 'Montant trop élevé.' })
  amountCents: number;

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: "L'objet de la dépense est obligatoire." })
  @MaxLength(500, { message: "L'objet ne peut pas dépasser 500 caractères." })
  purpose: string;

  @Field(() => AciMission, { nullable: true })
  @IsOptional()
  @IsEnum(AciMission, { message: 'Mission inconnue.' })
  mission?: AciMission | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'For a spending that goes to a vote: when the vote closes (default: in 7 days).',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Échéance invalide.' })
  deadline?: Date | null;
}

@InputType()
export class DelegationInput {
  @Field(() => Float)
  @IsInt({ message: 'Seuil invalide (en centimes).' })
  @Min(0, { message: 'Le seuil ne peut pas être négatif.' })
  @Max(1e12, { message: 'Seuil trop élevé.' })
  staffLimitCents: number;

  @Field(() => Float)
  @IsInt({ message: 'Seuil invalide (en centimes).' })
  @Min(0, { message: 'Le seuil ne peut pas être négatif.' })
  @Max(1e12, { message: 'Seuil trop élevé.' })
  bureauLimitCents: number;
}

@InputType({ description: 'Counts of a vote in session, for the whole instance or one college.' })
export class SessionCountInput {
  @Field(() => String, { nullable: true, description: "The college's name (per college at the AG where the statutes ask for it)." })
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  college?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Un nombre de voix ne peut pas être négatif.' })
  @Max(100000)
  for: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Un nombre de voix ne peut pas être négatif.' })
  @Max(100000)
  against: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Un nombre de voix ne peut pas être négatif.' })
  @Max(100000)
  abstain: number;
}

@InputType({ description: 'A vote taken in a meeting of the instance, on one item of its agenda.' })
export class SessionVoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant de réunion invalide.' })
  meetingId: string;

  @Field(() => Int, { nullable: true, description: 'The agenda item (its position, from 0).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  agendaPosition?: number | null;

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'Le titre est obligatoire.' })
  @MaxLength(200, { message: 'Le titre ne peut pas dépasser 200 caractères.' })
  title: string;

  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: 'La question posée est obligatoire.' })
  @MaxLength(1000, { message: 'La question ne peut pas dépasser 1 000 caractères.' })
  question: string;

  @Field(() => [SessionCountInput], { description: 'One line for the whole instance, or one per college.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Saisissez les voix.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionCountInput)
  counts: SessionCountInput[];
}

@ObjectType({ description: 'The quorum of a meeting of an instance, live: attendance and proxies.' })
export class MeetingQuorum {
  @Field(() => Int, { description: 'The electorate: seats with a current mandate, or the active members of the year (AG).' })
  electorate: number;
  @Field(() => Int) present: number;
  @Field(() => Int, { description: 'Proxies held by people present.' }) represented: number;
  @Field(() => Int) needed: number;
  @Field() met: boolean;
  @Field(() => [MeetingProxy]) proxies: MeetingProxy[];
}

@ObjectType({ description: 'A proxy given for a meeting: the giver is represented by the holder.' })
export class MeetingProxy {
  @Field(() => ID) giverId: string;
  @Field() giverName: string;
  @Field(() => ID) holderId: string;
  @Field() holderName: string;
}
