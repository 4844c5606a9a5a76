import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'working_groups' })
export class WorkingGroupRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { array: true }) missions: string[];
  @Column('text', { nullable: true }) theme: string | null;
  @Column('text') description: string;
  @Column('text') status: string;
  @Column('text', { name: 'frame_purpose' }) framePurpose: string;
  @Column('text', { name: 'frame_rules' }) frameRules: string;
  @Column('text', { name: 'frame_confidentiality' }) frameConfidentiality: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'working_group_members' })
export class WorkingGroupMemberRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'group_id' }) groupId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') role: string;
  @Column('timestamptz', { name: 'joined_at' }) joinedAt: Date;
  @Column('uuid', { name: 'added_by', nullable: true }) addedBy: string | null;
  @Column('timestamptz', { name: 'left_at', nullable: true }) leftAt: Date | null;
  @Column('uuid', { name: 'left_by', nullable: true }) leftBy: string | null;
}

@Entity({ name: 'working_group_join_requests' })
export class WorkingGroupJoinRequestRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'group_id' }) groupId: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('text') email: string;
  @Column('text') profession: string;
  @Column('text') message: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
}

export const workingGroupEntities = [WorkingGroupRow, WorkingGroupMemberRow, WorkingGroupJoinRequestRow];
