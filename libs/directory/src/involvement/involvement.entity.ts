import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One source of a person's involvement level (tenant table): 'manual', 'membership', later 'working_group:<id>'... */
@Entity({ name: 'involvements' })
export class InvolvementRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'professional_id' }) professionalId: string;
  @PrimaryColumn('text') source: string;
  /** informed, member, action, referent, governance. */
  @Column('text') level: string;
  @Column('timestamptz', { name: 'set_at', default: () => 'now()' }) setAt: Date;
  @Column('uuid', { name: 'set_by', nullable: true }) setBy: string | null;
}
