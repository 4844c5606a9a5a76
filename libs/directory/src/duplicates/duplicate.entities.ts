import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A pair of professionals the staff said are two different people (tenant table; first_id < second_id). */
@Entity({ name: 'duplicate_dismissals' })
export class DuplicateDismissalRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'first_id' }) firstId: string;
  @PrimaryColumn('uuid', { name: 'second_id' }) secondId: string;
  @Column('uuid', { name: 'dismissed_by', nullable: true }) dismissedBy: string | null;
  @Column('timestamptz', { name: 'dismissed_at', default: () => 'now()' }) dismissedAt: Date;
}

/** One merge of two records of a person, with the merged record as it was (tenant table). */
@Entity({ name: 'professional_merges' })
export class ProfessionalMergeRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'kept_id' }) keptId: string;
  @Column('uuid', { name: 'merged_id' }) mergedId: string;
  @Column('jsonb') snapshot: Record<string, unknown>;
  @Column('uuid', { name: 'merged_by', nullable: true }) mergedBy: string | null;
  @Column('timestamptz', { name: 'merged_at', default: () => 'now()' }) mergedAt: Date;
}
