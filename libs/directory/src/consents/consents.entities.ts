import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One consent given or withdrawn, with its proof (tenant table, append-only). */
@Entity({ name: 'consent_events' })
export class ConsentEventRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  @Column('text') purpose: string;
  /** given or withdrawn. */
  @Column('text') action: string;
  /** form, import, paper, request, unsubscribe_link. */
  @Column('text') method: string;
  /** The exact sentence consented to (CONSENT_WORDINGS); none for a withdrawal. */
  @Column('text', { name: 'wording_version', nullable: true }) wordingVersion: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('timestamptz', { default: () => 'clock_timestamp()' }) at: Date;
  @Column('uuid', { name: 'recorded_by', nullable: true }) recordedBy: string | null;
}

/** The current state of one person's consent to one purpose: its last event (tenant table). */
@Entity({ name: 'consents' })
export class ConsentRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'professional_id' }) professionalId: string;
  @PrimaryColumn('text') purpose: string;
  @Column('text') status: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('timestamptz', { name: 'updated_at', default: () => 'clock_timestamp()' }) updatedAt: Date;
}

/** A label the CPTS defines (e.g. "formé·e à l'habituation aux soins TND") (tenant table). */
@Entity({ name: 'directory_labels' })
export class DirectoryLabelRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}

/** A label on a professional (tenant table). */
@Entity({ name: 'professional_labels' })
export class ProfessionalLabelRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'professional_id' }) professionalId: string;
  @PrimaryColumn('uuid', { name: 'label_id' }) labelId: string;
}

/** A GDPR export or erasure, logged (tenant table). */
@Entity({ name: 'gdpr_requests' })
export class GdprRequestRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  /** export or erasure. */
  @Column('text') kind: string;
  @Column('timestamptz', { default: () => 'clock_timestamp()' }) at: Date;
  @Column('uuid', { nullable: true }) by: string | null;
}

export const consentEntities = [ConsentEventRow, ConsentRow, DirectoryLabelRow, ProfessionalLabelRow, GdprRequestRow];
