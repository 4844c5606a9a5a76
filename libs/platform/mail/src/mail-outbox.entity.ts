import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type OutboxState = 'pending' | 'sent' | 'failed';

/**
 * One email to send, written in the same transaction as the change that
 * causes it. Its id is the idempotency key and the BullMQ job id.
 */
@Entity({ name: 'mail_outbox' })
@Index('mail_outbox_pending_idx', ['createdAt'], { where: `state = 'pending'` })
export class MailOutboxRow {
  @PrimaryColumn('uuid')
  id: string;

  /** What the email is for: invitation, password_reset... */
  @Column('text')
  kind: string;

  /** The CPTS the email is sent on behalf of, if any (for logs and reports). */
  @Column('uuid', { name: 'tenant_id', nullable: true })
  tenantId: string | null;

  @Column('text', { name: 'to_address' })
  toAddress: string;

  @Column('text')
  subject: string;

  @Column('text')
  html: string;

  @Column('text', { name: 'text_body' })
  textBody: string;

  /** The link token, encrypted (SecretBox) until sent, then erased. */
  @Column('bytea', { nullable: true })
  secret: Buffer | null;

  /** An event the email carries (REQUEST: an invitation or its update; CANCEL), with its iCalendar text. */
  @Column('text', { name: 'calendar_method', nullable: true })
  calendarMethod: 'REQUEST' | 'CANCEL' | null;

  @Column('text', { name: 'calendar_ics', nullable: true })
  calendarIcs: string | null;

  @Column('text', { default: 'pending' })
  state: OutboxState;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt: Date | null;
}
