import { Column, Entity, PrimaryColumn } from 'typeorm';

/* The tables of payments as TypeORM sees them (the schema test compares them with the migration); the services write SQL. */

@Entity({ name: 'pass_ceilings' })
export class PassCeilingsRow {
  @PrimaryColumn('int') year: number;
  @Column('bigint', { name: 'amount_cents' }) amountCents: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'payment_settings' })
export class PaymentSettingsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('int', { name: 'indemnity_hourly_rate_cents' }) indemnityHourlyRateCents: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'payment_lines' })
export class PaymentLinesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  @Column('text') kind: string;
  @Column('date', { name: 'work_date' }) workDate: string;
  @Column('int') year: number;
  @Column('int', { nullable: true }) minutes: number | null;
  @Column('bigint', { name: 'amount_cents' }) amountCents: string;
  @Column('text') label: string;
  @Column('text') source: string;
  @Column('uuid', { name: 'source_ref' }) sourceRef: string;
  @Column('text') status: string;
  @Column('date', { name: 'paid_on', nullable: true }) paidOn: string | null;
  @Column('text', { name: 'paid_reference', nullable: true }) paidReference: string | null;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt: Date | null;
  @Column('uuid', { name: 'paid_by', nullable: true }) paidBy: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('uuid', { name: 'cancelled_by', nullable: true }) cancelledBy: string | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

export const paymentsEntities = [PassCeilingsRow, PaymentSettingsRow, PaymentLinesRow];
