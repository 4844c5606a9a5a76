import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { INVOLVEMENT_ORDER } from './involvement-level';
import type { MailedPurpose } from './mailed-purposes';

/**
 * A segment of the directory: who a mailing campaign or a survey goes to.
 * One definition for both (mailing's campaigns keep the GraphQL name
 * CampaignSegmentInput they were published with); the people it selects
 * come from SegmentAudience, implemented by mailing with its consent rule.
 */

/** Membership statuses, as the directory stores them. */
export const MEMBERSHIP_STATUSES = ['pending', 'active', 'lapsed', 'resigned'] as const;

@InputType()
export class SegmentMembershipInput {
  @Field(() => Int)
  @IsInt({ message: "L'année doit être un nombre entier." })
  @Min(2000, { message: "L'année doit être 2000 ou après." })
  @Max(2200, { message: "L'année est trop loin dans le futur." })
  year: number;

  @Field(() => [String], { nullable: true, description: 'pending, active, lapsed, resigned; empty: any status.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsIn(MEMBERSHIP_STATUSES, { each: true, message: "Statut d'adhésion inconnu." })
  statuses?: string[] | null;
}

@InputType()
export class CampaignSegmentInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[0-9]{2}$/, { each: true, message: 'Code de profession invalide.' })
  professionCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { each: true, message: 'Code INSEE invalide.' })
  communeCodes?: string[] | null;

  @Field(() => SegmentMembershipInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SegmentMembershipInput)
  membership?: SegmentMembershipInput | null;

  @Field(() => String, { nullable: true, description: 'informed, member, action, referent, governance.' })
  @IsOptional()
  @IsIn(INVOLVEMENT_ORDER, { message: "Niveau d'implication inconnu." })
  minInvolvementLevel?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Identifiant invalide.' })
  labelIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5000, { message: 'Au plus 5000 personnes ajoutées une à une.' })
  @IsUUID('all', { each: true, message: 'Identifiant invalide.' })
  includeIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5000, { message: 'Au plus 5000 personnes retirées une à une.' })
  @IsUUID('all', { each: true, message: 'Identifiant invalide.' })
  excludeIds?: string[] | null;
}

/** A segment as stored in campaigns.segment (every list present, lower-case values). */
export interface StoredSegment {
  professionCodes: string[];
  communeCodes: string[];
  membership: { year: number; statuses: string[] } | null;
  minInvolvementLevel: string | null;
  labelIds: string[];
  includeIds: string[];
  excludeIds: string[];
}

export function normalizeSegment(input: CampaignSegmentInput | Partial<StoredSegment> | null | undefined): StoredSegment {
  const ids = (list: string[] | null | undefined) => [...new Set((list ?? []).map((id) => id.toLowerCase()))];
  return {
    professionCodes: [...new Set(input?.professionCodes ?? [])],
    communeCodes: [...new Set(input?.communeCodes ?? [])],
    membership: input?.membership ? { year: input.membership.year, statuses: [...new Set(input.membership.statuses ?? [])] } : null,
    minInvolvementLevel: input?.minInvolvementLevel ?? null,
    labelIds: ids(input?.labelIds),
    includeIds: ids(input?.includeIds),
    excludeIds: ids(input?.excludeIds),
  };
}

/** One person a segment reaches for a purpose: allowed by the contact rule, address not suppressed. */
export interface SegmentPerson {
  id: string;
  name: string;
  /** Lower-cased. */
  email: string;
}

/**
 * The people of a segment who may be written to for a purpose, as mailing's
 * audience selects them (consent rule, suppressed addresses, one per
 * address), in the caller's tenant transaction. Implemented by libs/mailing,
 * provided globally: an engine (surveys) sends to a segment without
 * importing mailing.
 */
export abstract class SegmentAudience {
  abstract reachable(segment: StoredSegment, purpose: MailedPurpose): Promise<SegmentPerson[]>;
}
