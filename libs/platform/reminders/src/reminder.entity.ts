import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One reminder to send at one time, unless its handler finds it no longer applies (tenant table). */
@Entity({ name: 'reminders' })
export class ReminderRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  /** The handler's kind, module first: membership.renewal, campaign.failures_digest, meeting.before... */
  @Column('text') kind: string;
  /** What it is about, for its handler (a membership id, a campaign id...). */
  @Column('text') ref: string;
  @Column('timestamptz', { name: 'fire_at' }) fireAt: Date;
  /** scheduled, sent, skipped (its condition had become false), cancelled. */
  @Column('text', { default: 'scheduled' }) state: string;
  /** Why it was skipped, or how many emails it wrote. */
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'fired_at', nullable: true }) firedAt: Date | null;
}

export const reminderEntities = [ReminderRow];
