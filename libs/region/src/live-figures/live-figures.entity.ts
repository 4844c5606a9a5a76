import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'cpts_figures' })
export class CptsFiguresRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('int') year: number;
  @Column('jsonb') figures: unknown;
  @Column('timestamptz', { name: 'computed_at' }) computedAt: Date;
}
