import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'region_snapshots' })
export class RegionSnapshotRow {
  @PrimaryColumn('uuid', { name: 'region_id' }) regionId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('int') year: number;
  @Column('text') kind: string;
  @Column('timestamptz', { name: 'taken_at' }) takenAt: Date;
  @Column('uuid', { name: 'taken_by', nullable: true }) takenBy: string | null;
  @Column('boolean') demo: boolean;
  @Column('jsonb') indicators: unknown;
}
