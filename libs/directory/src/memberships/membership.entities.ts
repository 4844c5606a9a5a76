import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's membership (adhésion) of one year (tenant table). */
@Entity({ name: 'memberships' })
export class MembershipRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  @Column('int') year: number;
  /** pending, active, lapsed, resigned. */
  @Column('text') status: string;
  @Column('int', { name: 'fee_cents' }) feeCents: number;
  @Column('date', { name: 'paid_on', nullable: true }) paidOn: string | null;
  /** cheque, transfer, card, cash, other. */
  @Column('text', { name: 'payment_means', nullable: true }) paymentMeans: string | null;
  /** The governance college: liberal, msp, establishment, user. */
  @Column('text') college: string;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

/** A membership year the staff opened for renewal (tenant table). */
@Entity({ name: 'membership_years' })
export class MembershipYearRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('int') year: number;
  @Column('int', { name: 'default_fee_cents' }) defaultFeeCents: number;
  @Column('timestamptz', { name: 'opened_at', default: () => 'now()' }) openedAt: Date;
  @Column('uuid', { name: 'opened_by', nullable: true }) openedBy: string | null;
}
