import { Column, Entity, PrimaryColumn } from 'typeorm';

/* The tables of the fiches action as TypeORM sees them (the schema test compares them with the migration); the services write SQL. */

@Entity({ name: 'fiches_action' })
export class FichesActionRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('int') year: number;
  @Column('text') title: string;
  @Column('text', { default: '' }) objective: string;
  @Column('text', { nullable: true }) mission: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) actions: string[];
  @Column('uuid', { name: 'responsible_professional_id', nullable: true }) responsibleProfessionalId: string | null;
  @Column('uuid', { name: 'responsible_user_id', nullable: true }) responsibleUserId: string | null;
  @Column('date', { name: 'starts_on', nullable: true }) startsOn: string | null;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn: string | null;
  @Column('text', { default: 'planned' }) status: string;
  @Column('uuid', { name: 'template_adoption_id', nullable: true }) templateAdoptionId: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'fiche_indicators' })
export class FicheIndicatorsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'fiche_id' }) ficheId: string;
  @Column('int') position: number;
  @Column('text') label: string;
  @Column('text') kind: string;
  @Column('text', { nullable: true }) unit: string | null;
  @Column('numeric', { nullable: true }) target: string | null;
  @Column('numeric', { nullable: true }) actual: string | null;
  @Column('text', { name: 'computed_from', nullable: true }) computedFrom: string | null;
  @Column('text', { nullable: true }) assessment: string | null;
}

@Entity({ name: 'fiche_sources' })
export class FicheSourcesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'fiche_id' }) ficheId: string;
  @PrimaryColumn('text', { name: 'source_kind' }) sourceKind: string;
  @PrimaryColumn('uuid', { name: 'source_id' }) sourceId: string;
  @Column('timestamptz', { name: 'linked_at' }) linkedAt: Date;
  @Column('uuid', { name: 'linked_by', nullable: true }) linkedBy: string | null;
}

@Entity({ name: 'fiche_evidence' })
export class FicheEvidenceRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'fiche_id' }) ficheId: string;
  @Column('text') kind: string;
  @Column('text') title: string;
  @Column('text', { default: '' }) body: string;
  @Column('date', { name: 'dated_on' }) datedOn: string;
  @Column('text', { name: 'file_name', nullable: true }) fileName: string | null;
  @Column('text', { name: 'content_type', nullable: true }) contentType: string | null;
  @Column('bigint', { nullable: true }) bytes: string | null;
  @Column('text', { nullable: true }) sha256: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

@Entity({ name: 'fiche_review_meetings' })
export class FicheReviewMeetingsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId: string;
  @PrimaryColumn('uuid', { name: 'fiche_id' }) ficheId: string;
}

export const evaluationEntities = [FichesActionRow, FicheIndicatorsRow, FicheSourcesRow, FicheEvidenceRow, FicheReviewMeetingsRow];
