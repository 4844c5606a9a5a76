import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A newsletter or targeted mailing of a CPTS (tenant table). */
@Entity({ name: 'campaigns' })
export class CampaignRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  /** professionals or public: the two audiences are never mixed in one campaign. */
  @Column('text', { name: 'audience_type' }) audienceType: string;
  /** The purpose a recipient's consent (or work-address basis) is checked against. */
  @Column('text') purpose: string;
  @Column('text') subject: string;
  @Column('text', { name: 'body_html' }) bodyHtml: string;
  @Column('text', { name: 'sender_name' }) senderName: string;
  @Column('text', { name: 'reply_to', nullable: true }) replyTo: string | null;
  @Column('jsonb', { default: () => "'{}'" }) segment: Record<string, unknown>;
  /** draft, scheduled, sending, paused, sent, cancelled. */
  @Column('text') status: string;
  @Column('timestamptz', { name: 'scheduled_at', nullable: true }) scheduledAt: Date | null;
  @Column('timestamptz', { name: 'sending_started_at', nullable: true }) sendingStartedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
  /** The list's order, stored and indexed: started, else scheduled, else last changed. */
  @Column({
    type: 'timestamptz',
    name: 'listed_at',
    generatedType: 'STORED',
    asExpression: 'coalesce(sending_started_at, scheduled_at, updated_at)',
  })
  listedAt: Date;
}

/** One recipient of a campaign: its outbox row, and the id of its job (tenant table). */
@Entity({ name: 'campaign_deliveries' })
export class CampaignDeliveryRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'campaign_id' }) campaignId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('text') email: string;
  /** Why this person may receive it: consent, or work_address_opt_out (the legal mention says which). */
  @Column('text', { nullable: true }) basis: string | null;
  /** pending, sent, failed, cancelled, skipped (not sent: see skipReason). */
  @Column('text', { default: 'pending' }) state: string;
  /** Why a skipped delivery was not sent: withdrawn (the person objected since), erased, or the address is suppressed (hard_bounce, complaint, unsubscribed). */
  @Column('text', { name: 'skip_reason', nullable: true }) skipReason: string | null;
  /** What came back for this message after it left: soft_bounce, hard_bounce or complaint (one soft bounce counted per message). */
  @Column('text', { nullable: true }) bounce: string | null;
  @Column('timestamptz', { name: 'bounced_at', nullable: true }) bouncedAt: Date | null;
  @Column('int', { default: 0 }) attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt: Date | null;
  /** The job that sends it: deliveries go by chunks of about 100 (set from a sequence at insert). */
  @Column('bigint', { default: () => "nextval('campaign_delivery_chunk_seq') / 100" }) chunk: string;
}

/**
 * A campaign's deliveries counted by state (tenant table): moved by the
 * triggers on campaign_deliveries in the same statement, never written by the
 * application (see the CampaignListAtScale migration).
 */
@Entity({ name: 'campaign_progress' })
export class CampaignProgressRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'campaign_id' }) campaignId: string;
  @Column('int', { default: 0 }) pending: number;
  @Column('int', { default: 0 }) sent: number;
  @Column('int', { default: 0 }) failed: number;
  @Column('int', { default: 0 }) cancelled: number;
  @Column('int', { default: 0 }) skipped: number;
}

/** An address not to mail again in this CPTS (hard bounce, complaint) or its soft-bounce count (tenant table). */
@Entity({ name: 'email_suppressions' })
export class EmailSuppressionRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  /** Lower-cased. */
  @PrimaryColumn('text') email: string;
  /**
   * hard_bounce, complaint, or unsubscribed (an address without a person record that used its unsubscribe link):
   * never mailed again; NULL: soft bounces only, still mailed.
   */
  @Column('text', { nullable: true }) reason: string | null;
  @Column('int', { name: 'soft_bounces', default: 0 }) softBounces: number;
  @Column('timestamptz', { name: 'last_event_at', default: () => 'now()' }) lastEventAt: Date;
  @Column('text', { name: 'last_detail', nullable: true }) lastDetail: string | null;
}

/** One hit of a campaign's click-tracking redirect (tenant table). */
@Entity({ name: 'campaign_clicks' })
export class CampaignClickRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'campaign_id' }) campaignId: string;
  @Column('uuid', { name: 'delivery_id' }) deliveryId: string;
  /** The link's position among the body's tracked links (campaignLinks()). */
  @Column('int', { name: 'link_index' }) linkIndex: number;
  @Column('timestamptz', { name: 'clicked_at', default: () => 'now()' }) clickedAt: Date;
}

export const mailingEntities = [CampaignRow, CampaignDeliveryRow, CampaignProgressRow, EmailSuppressionRow, CampaignClickRow];
