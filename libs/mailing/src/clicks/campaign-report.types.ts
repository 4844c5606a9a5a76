import { ArgsType, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ConnectionType, PageArgs } from '@cpts/platform-core';
import { Commune, Profession } from '@cpts/platform-reference';

@ObjectType({ description: 'Clicks on one tracked link of a campaign body.' })
export class CampaignLinkClicks {
  @Field(() => Int, { description: 'Position among the tracked links of the body, in document order.' }) index: number;
  @Field({ description: 'Where the link leads (as written in the campaign).' }) url: string;
  @Field(() => Int, { description: 'Recipients who clicked it at least once: what the report trusts (a mail scanner fetching the link counts once, like a person).' })
  uniqueClickers: number;
  @Field(() => Int, { description: 'Every hit of the redirect, repeats and scanners included.' }) totalClicks: number;
}

@ObjectType({ description: 'Sent messages and clickers among the recipients of one profession.' })
export class CampaignProfessionClicks {
  @Field(() => Profession, { nullable: true, description: 'Null: recipients outside the directory (general public) or without a profession.' })
  profession: Profession | null;
  @Field(() => Int) sent: number;
  @Field(() => Int) clickers: number;
  @Field(() => Float, { nullable: true, description: 'clickers / sent, between 0 and 1; null when nothing was sent.' }) clickRate: number | null;
}

@ObjectType({ description: "A campaign's delivery and click figures (no open rate: opens cannot be measured reliably)." })
export class CampaignReport {
  @Field(() => ID) campaignId: string;
  @Field() subject: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) sendingStartedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => Int, { description: 'Messages handed to the mail server.' }) sent: number;
  @Field(() => Int, { description: 'Messages refused for good.' }) failed: number;
  @Field(() => Int, { description: 'Messages still to send (the campaign is sending or paused).' }) pending: number;
  @Field(() => Int, { description: 'Messages not sent because the campaign was cancelled.' }) cancelled: number;
  @Field(() => Int, { description: 'Messages withheld at send time (unsubscribed, erased, bounced or blocked address since the send started).' }) skipped: number;
  @Field(() => Int, { description: 'Recipients of a sent message who clicked at least one link.' }) uniqueClickers: number;
  @Field(() => Int) totalClicks: number;
  @Field(() => Float, { nullable: true, description: 'uniqueClickers / sent, between 0 and 1; null when nothing was sent.' }) clickRate: number | null;
  @Field(() => [CampaignLinkClicks], { description: 'Every tracked link of the body, in document order, clicked or not.' }) links: CampaignLinkClicks[];
  @Field(() => [CampaignProfessionClicks], { description: 'Per profession, most recipients first.' }) professions: CampaignProfessionClicks[];
}

@ObjectType({ description: 'Someone to call back: reached by a message and did not act on it (did not click, did not answer).' })
export class FollowUpContact {
  @Field(() => ID, { description: 'The message (delivery) this person was reached by.' }) deliveryId: string;
  @Field(() => ID, { nullable: true, description: 'Null for a recipient outside the directory.' }) professionalId: string | null;
  @Field(() => String, { nullable: true }) lastName: string | null;
  @Field(() => String, { nullable: true }) firstName: string | null;
  @Field(() => Profession, { nullable: true }) profession: Profession | null;
  @Field(() => Commune, { nullable: true, description: "The main practice site's commune." }) commune: Commune | null;
  @Field(() => [Commune], { description: 'The communes of every current practice site, the main one first.' }) communes: Commune[];
  @Field(() => String, { nullable: true, description: 'Null: no phone number in the directory (listed last).' }) phone: string | null;
  @Field({ description: 'The address the message went to.' }) email: string;
  /** Keyset of the list's order (phone first, then name). */
  sortName: string;
}

export const FollowUpConnection = ConnectionType(FollowUpContact, 'FollowUpContact');

@ArgsType()
export class CampaignFollowUpArgs extends PageArgs({ defaultSize: 50, maxSize: 200, noun: ['ligne', 'lignes'], atMost: 'end' }) {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant de campagne invalide.' })
  campaignId: string;
}
