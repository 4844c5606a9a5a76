import { Column, Entity, PrimaryColumn } from 'typeorm';

/* The tables of governance as TypeORM sees them (the schema test compares them with the migrations); the services write SQL. */

@Entity({ name: 'governance_instances' })
export class GovernanceInstancesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: string;
  @Column('text') name: string;
  @Column('int', { nullable: true }) seats: number | null;
  @Column('jsonb') statutes: unknown;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'governance_colleges' })
export class GovernanceCollegesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text') name: string;
  @Column('text', { name: 'membership_college', nullable: true }) membershipCollege: string | null;
  @Column('int') seats: number;
  @Column('int') position: number;
}

@Entity({ name: 'governance_mandates' })
export class GovernanceMandatesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  @Column('text') office: string;
  @Column('uuid', { name: 'college_id', nullable: true }) collegeId: string | null;
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on', nullable: true }) endsOn: string | null;
  @Column('text') obtained: string;
  @Column('text', { name: 'obtained_note' }) obtainedNote: string;
  @Column('date', { name: 'ended_on', nullable: true }) endedOn: string | null;
  @Column('text', { name: 'end_reason', nullable: true }) endReason: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'governance_settings' })
export class GovernanceSettingsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('bigint', { name: 'staff_limit_cents' }) staffLimitCents: string;
  @Column('bigint', { name: 'bureau_limit_cents' }) bureauLimitCents: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'governance_decisions' })
export class GovernanceDecisionsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'instance_id' }) instanceId: string;
  @Column('text') source: string;
  @Column('text') title: string;
  @Column('text') context: string;
  @Column('text') question: string;
  @Column('text', { array: true }) options: string[];
  @Column('bigint', { name: 'amount_cents', nullable: true }) amountCents: string | null;
  @Column('text', { array: true }) missions: string[];
  @Column('timestamptz', { nullable: true }) deadline: Date | null;
  @Column('text') status: string;
  @Column('jsonb', { nullable: true }) statutes: unknown | null;
  @Column('timestamptz', { name: 'opened_at', nullable: true }) openedAt: Date | null;
  @Column('uuid', { name: 'opened_by', nullable: true }) openedBy: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { name: 'closed_because', nullable: true }) closedBecause: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('jsonb', { nullable: true }) result: unknown | null;
  @Column('int', { name: 'register_year', nullable: true }) registerYear: number | null;
  @Column('int', { name: 'register_seq', nullable: true }) registerSeq: number | null;
  @Column('uuid', { name: 'reopens_id', nullable: true }) reopensId: string | null;
  @Column('uuid', { name: 'meeting_id', nullable: true }) meetingId: string | null;
  @Column('int', { name: 'agenda_position', nullable: true }) agendaPosition: number | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
  @Column('text', { name: 'subject_kind', nullable: true }) subjectKind: string | null;
  @Column('uuid', { name: 'subject_ref', nullable: true }) subjectRef: string | null;
}

@Entity({ name: 'governance_register_counters' })
export class GovernanceRegisterCountersRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('int') year: number;
  @Column('int') last: number;
}

@Entity({ name: 'governance_voters' })
export class GovernanceVotersRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'decision_id' }) decisionId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'mandate_id', nullable: true }) mandateId: string | null;
  @Column('uuid', { name: 'membership_id', nullable: true }) membershipId: string | null;
  @Column('text', { nullable: true }) college: string | null;
  @Column('text') name: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) choice: string | null;
  @Column('timestamptz', { name: 'voted_at', nullable: true }) votedAt: Date | null;
  @Column('text', { nullable: true }) channel: string | null;
  @Column('int') changes: number;
  @Column('timestamptz', { name: 'conflict_at', nullable: true }) conflictAt: Date | null;
  @Column('text', { name: 'conflict_note', nullable: true }) conflictNote: string | null;
  @Column('uuid', { name: 'proxy_to', nullable: true }) proxyTo: string | null;
  @Column('timestamptz', { name: 'proxy_at', nullable: true }) proxyAt: Date | null;
}

@Entity({ name: 'governance_comments' })
export class GovernanceCommentsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'decision_id' }) decisionId: string;
  @Column('uuid', { name: 'voter_id', nullable: true }) voterId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text', { name: 'author_name' }) authorName: string;
  @Column('text') body: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'governance_audit' })
export class GovernanceAuditRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'decision_id' }) decisionId: string;
  @PrimaryColumn('int') seq: number;
  @Column('timestamptz') at: Date;
  @Column('text') event: string;
  @Column('text') actor: string;
  @Column('text', { nullable: true }) channel: string | null;
  @Column('jsonb') data: unknown;
  @Column('text', { name: 'prev_hash' }) prevHash: string;
  @Column('text') hash: string;
}

@Entity({ name: 'decision_documents' })
export class DecisionDocumentsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'decision_id' }) decisionId: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('bigint') bytes: string;
  @Column('text') sha256: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt: Date;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
}

@Entity({ name: 'spending_requests' })
export class SpendingRequestsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('bigint', { name: 'amount_cents' }) amountCents: string;
  @Column('text') purpose: string;
  @Column('text', { nullable: true }) mission: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('text') route: string;
  @Column('uuid', { name: 'decision_id', nullable: true }) decisionId: string | null;
  @Column('text', { name: 'check_status', nullable: true }) checkStatus: string | null;
  @Column('timestamptz', { name: 'checked_at', nullable: true }) checkedAt: Date | null;
  @Column('uuid', { name: 'checked_by', nullable: true }) checkedBy: string | null;
  @Column('text', { name: 'check_note', nullable: true }) checkNote: string | null;
}

@Entity({ name: 'governance_meeting_proxies' })
export class GovernanceMeetingProxiesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId: string;
  @PrimaryColumn('uuid', { name: 'giver_id' }) giverId: string;
  @Column('uuid', { name: 'holder_id' }) holderId: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('uuid', { name: 'recorded_by', nullable: true }) recordedBy: string | null;
}

@Entity({ name: 'governance_minutes_approvals' })
export class GovernanceMinutesApprovalsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('uuid', { name: 'approved_at_meeting_id' }) approvedAtMeetingId: string;
  @Column('timestamptz', { name: 'approved_at' }) approvedAt: Date;
  @Column('uuid', { name: 'approved_by', nullable: true }) approvedBy: string | null;
}

export const governanceEntities = [
  GovernanceInstancesRow,
  GovernanceCollegesRow,
  GovernanceMandatesRow,
  GovernanceSettingsRow,
  GovernanceDecisionsRow,
  GovernanceRegisterCountersRow,
  GovernanceVotersRow,
  GovernanceCommentsRow,
  GovernanceAuditRow,
  DecisionDocumentsRow,
  SpendingRequestsRow,
  GovernanceMeetingProxiesRow,
  GovernanceMinutesApprovalsRow,
];
