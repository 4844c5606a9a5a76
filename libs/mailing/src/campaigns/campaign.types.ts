import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { blankToNull, ConnectionType, PageArgs, trimmed } from '@cpts/platform-core';
import { IsDate, IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';

export enum CampaignStatus {
  DRAFT = 'draft',
  SCHEDULED = 'scheduled',
  SENDING = 'sending',
  PAUSED = 'paused',
  SENT = 'sent',
  CANCELLED = 'cancelled',
}
registerEnumType(CampaignStatus, { name: 'CampaignStatus', description: 'draft → scheduled → sending ⇄ paused → sent, or cancelled.' });

export enum CampaignAudience {
  PROFESSIONALS = 'professionals',
  PUBLIC = 'public',
}
registerEnumType(CampaignAudience, { name: 'CampaignAudience', description: 'Professionals of the directory, or the general public: never mixed in one campaign.' });

export enum CampaignPurpose {
  PRO_NEWSLETTER = 'pro_newsletter',
  EVENT_INVITATIONS = 'event_invitations',
  PUBLIC_NEWSLETTER = 'public_newsletter',
}
registerEnumType(CampaignPurpose, {
  name: 'CampaignPurpose',
  description: "What the campaign is, checked against each recipient's consent: professionals get pro_newsletter or event_invitations, the public public_newsletter.",
});

export enum ExclusionReason {
  NO_EMAIL = 'no_email',
  WITHDRAWN = 'withdrawn',
  NO_CONSENT = 'no_consent',
  BOUNCED = 'bounced',
  BLOCKED = 'blocked',
}
registerEnumType(ExclusionReason, {
  name: 'ExclusionReason',
  description: 'Why a person of the segment is left out: no address, unsubscribed (withdrawn), no consent where one is needed, address bounced (hard bounce) or blocked (complaint).',
});

/** Purposes allowed for each audience. */
export const AUDIENCE_PURPOSES: Record<CampaignAudience, readonly CampaignPurpose[]> = {
  professionals: [CampaignPurpose.PRO_NEWSLETTER, CampaignPurpose.EVENT_INVITATIONS],
  public: [CampaignPurpose.PUBLIC_NEWSLETTER],
};

export const NEWSLETTER_PURPOSES: readonly CampaignPurpose[] = [CampaignPurpose.PRO_NEWSLETTER, CampaignPurpose.PUBLIC_NEWSLETTER];

/** The segment's input and stored shape are shared with the surveys engine: one definition, in @cpts/platform-persons. */
import { CampaignSegmentInput, MEMBERSHIP_STATUSES, normalizeSegment, SegmentMembershipInput, type StoredSegment } from '@cpts/platform-persons';
export { CampaignSegmentInput, MEMBERSHIP_STATUSES, normalizeSegment, SegmentMembershipInput };
export type { StoredSegment };

@ObjectType({ description: "A membership condition of a segment: a membership of that year, in one of those statuses (any status when empty)." })
export class SegmentMembership {
  @Field(() => Int) year: number;
  @Field(() => [String], { description: 'pending, active, lapsed, resigned.' }) statuses: string[];
}

@ObjectType({
  description:
    'Who a campaign goes to, evaluated when it is sent. Filters combine with AND (a filter left empty does not restrict); explicitly included people are added, excluded ones removed. Consent and bounces apply to everyone.',
})
export class CampaignSegment {
  @Field(() => [String]) professionCodes: string[];
  @Field(() => [String], { description: 'INSEE codes.' }) communeCodes: string[];
  @Field(() => SegmentMembership, { nullable: true }) membership: SegmentMembership | null;
  @Field(() => String, { nullable: true, description: 'Lowest involvement level: informed, member, action, referent, governance.' }) minInvolvementLevel: string | null;
  @Field(() => [ID], { description: 'Directory labels: people carrying at least one.' }) labelIds: string[];
  @Field(() => [ID]) includeIds: string[];
  @Field(() => [ID]) excludeIds: string[];
}

@ObjectType({ description: "A campaign's deliveries by state (live)." })
export class CampaignProgress {
  @Field(() => Int) total: number;
  @Field(() => Int) sent: number;
  @Field(() => Int) failed: number;
  @Field(() => Int, { description: 'Still to send.' }) pending: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Int, { description: 'Withheld at send time: the person unsubscribed, was erased, or the address bounced or complained since the send started.' }) skipped: number;
}

@ObjectType({ description: 'A newsletter or targeted mailing of the CPTS.' })
export class Campaign {
  @Field(() => ID) id: string;
  @Field(() => CampaignAudience) audienceType: CampaignAudience;
  @Field(() => CampaignPurpose) purpose: CampaignPurpose;
  @Field() subject: string;
  @Field({ description: 'The body, sanitized HTML (h2, h3, p, br, strong, em, a, ul, ol, li, img).' }) bodyHtml: string;
  @Field() senderName: string;
  @Field(() => String, { nullable: true }) replyTo: string | null;
  @Field(() => CampaignSegment) segment: CampaignSegment;
  @Field(() => CampaignStatus) status: CampaignStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) scheduledAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) sendingStartedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  /** Attached by the service (one grouped count for a whole list). */
  @Field(() => CampaignProgress) progress: CampaignProgress;
}

@ObjectType({ description: 'People of the segment left out, by reason.' })
export class ExclusionCounts {
  @Field(() => Int) noEmail: number;
  @Field(() => Int, { description: 'Unsubscribed from (objected to) this purpose.' }) withdrawn: number;
  @Field(() => Int) noConsent: number;
  @Field(() => Int, { description: 'Address undeliverable (hard bounce).' }) bounced: number;
  @Field(() => Int, { description: 'Address blocked after a complaint.' }) blocked: number;
}

@ObjectType()
export class ExcludedPerson {
  @Field(() => ID) professionalId: string;
  @Field() name: string;
  @Field(() => ExclusionReason) reason: ExclusionReason;
}

@ObjectType({ description: 'The live count of a segment: who would receive the campaign now, and who is left out and why.' })
export class AudiencePreview {
  @Field(() => Int, { description: 'Distinct addresses that would receive it.' }) recipients: number;
  @Field(() => Int, { description: 'People the segment selects, before consent and bounces.' }) matched: number;
  @Field(() => Int, { description: 'People allowed but sharing an address with another recipient (one message per address).' }) sharedAddresses: number;
  @Field(() => ExclusionCounts) excluded: ExclusionCounts;
  @Field(() => [ExcludedPerson], { description: 'A few of the people left out, with the reason.' }) excludedSample: ExcludedPerson[];
}


@InputType({ description: 'A campaign as the composer writes it.' })
export class CampaignInput {
  @Field()
  @trimmed()
  @IsString()
  @MinLength(1, { message: "L'objet est obligatoire." })
  @MaxLength(200, { message: "L'objet ne peut pas dépasser 200 caractères." })
  subject: string;

  @Field({ description: 'HTML from the editor; sanitized on the server to the allowed elements.' })
  @IsString()
  @MaxLength(200_000, { message: 'Le message est trop long (200 000 caractères au plus).' })
  bodyHtml: string;

  @Field()
  @trimmed()
  @IsString()
  @MinLength(1, { message: "Le nom de l'expéditeur est obligatoire." })
  @MaxLength(100, { message: "Le nom de l'expéditeur ne peut pas dépasser 100 caractères." })
  senderName: string;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse de réponse invalide.' })
  @MaxLength(254, { message: 'Adresse de réponse trop longue.' })
  replyTo?: string | null;

  @Field(() => CampaignAudience)
  @IsEnum(CampaignAudience, { message: 'Public inconnu.' })
  audienceType: CampaignAudience;

  @Field(() => CampaignPurpose)
  @IsEnum(CampaignPurpose, { message: 'Objet de campagne inconnu.' })
  purpose: CampaignPurpose;

  @Field(() => CampaignSegmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignSegmentInput)
  segment?: CampaignSegmentInput | null;
}

@ArgsType()
export class AudiencePreviewArgs {
  @Field(() => CampaignAudience)
  @IsEnum(CampaignAudience, { message: 'Public inconnu.' })
  audienceType: CampaignAudience;

  @Field(() => CampaignPurpose)
  @IsEnum(CampaignPurpose, { message: 'Objet de campagne inconnu.' })
  purpose: CampaignPurpose;

  @Field(() => CampaignSegmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignSegmentInput)
  segment?: CampaignSegmentInput | null;
}

export const CampaignConnection = ConnectionType(Campaign, 'Campaign');

@ArgsType()
export class CampaignsArgs extends PageArgs({ defaultSize: 20, maxSize: 100, noun: ['campagne', 'campagnes'], atMost: 'end' }) {
  @Field(() => CampaignStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CampaignStatus)
  status?: CampaignStatus | null;
}

@ArgsType()
export class ScheduleCampaignArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When to start sending; in the future.' })
  @Type(() => Date)
  @IsDate({ message: 'Date invalide.' })
  at: Date;
}

@ArgsType()
export class NewslettersInMonthArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'An instant of the month to count (Paris time); now when omitted.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Date invalide.' })
  at?: Date;

  @Field(() => ID, { nullable: true, description: 'The campaign about to be sent or scheduled: not counted.' })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant invalide.' })
  exceptCampaignId?: string;
}

