import { Column, Entity, PrimaryColumn } from 'typeorm';

/* The tables of the calls for projects as TypeORM sees them (the schema test compares them with the migration); the services write SQL. */

@Entity({ name: 'calls' })
export class CallsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('int') year: number;
  @Column('text') slug: string;
  @Column('text') title: string;
  @Column('text') rules: string;
  @Column('date', { name: 'opens_on' }) opensOn: string;
  @Column('date', { name: 'closes_on' }) closesOn: string;
  @Column('bigint', { name: 'envelope_cents' }) envelopeCents: string;
  @Column('text', { array: true }) missions: string[];
  @Column('boolean', { name: 'members_only' }) membersOnly: boolean;
  @Column('int', { name: 'flat_fee_cents' }) flatFeeCents: number;
  @Column('int', { name: 'hourly_rate_cents' }) hourlyRateCents: number;
  @Column('text', { name: 'required_criteria', array: true, default: () => "'{}'" }) requiredCriteria: string[];
  @Column('jsonb', { default: () => "'[]'" }) rubric: unknown;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

@Entity({ name: 'call_projects' })
export class CallProjectsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'call_id' }) callId: string;
  @Column('int') seq: number;
  @Column('text') status: string;
  @Column('uuid', { name: 'proposer_id' }) proposerId: string;
  @Column('boolean', { name: 'proposer_created' }) proposerCreated: boolean;
  @Column('text', { name: 'proposer_email' }) proposerEmail: string;
  @Column('text') title: string;
  @Column('text', { default: '' }) summary: string;
  @Column('text', { array: true, default: () => "'{}'" }) missions: string[];
  @Column('text', { name: 'target_public', default: '' }) targetPublic: string;
  @Column('uuid', { name: 'co_carriers', array: true, default: () => "'{}'" }) coCarriers: string[];
  @Column('int', { name: 'workshop_count', default: 0 }) workshopCount: number;
  @Column('int', { name: 'workshop_minutes', default: 0 }) workshopMinutes: number;
  @Column('int', { default: 1 }) speakers: number;
  @Column('jsonb', { name: 'budget_lines', default: () => "'[]'" }) budgetLines: unknown;
  @Column('jsonb', { default: () => "'[]'" }) criteria: unknown;
  @Column('bigint', { name: 'budget_cents', default: 0 }) budgetCents: string;
  @Column('bigint', { name: 'approved_cents', nullable: true }) approvedCents: string | null;
  @Column('uuid', { name: 'decision_id', nullable: true }) decisionId: string | null;
  @Column('text', { name: 'debrief_worked', nullable: true }) debriefWorked: string | null;
  @Column('text', { name: 'debrief_not_worked', nullable: true }) debriefNotWorked: string | null;
  @Column('timestamptz', { name: 'debriefed_at', nullable: true }) debriefedAt: Date | null;
  @Column('timestamptz', { name: 'evaluated_at', nullable: true }) evaluatedAt: Date | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'call_project_events' })
export class CallProjectEventsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status' }) toStatus: string;
  @Column('text') actor: string;
  @Column('text', { name: 'actor_name' }) actorName: string;
  @Column('text', { nullable: true }) note: string | null;
}

@Entity({ name: 'call_project_comments' })
export class CallProjectCommentsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') author: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text', { name: 'author_name' }) authorName: string;
  @Column('text') body: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'call_project_scores' })
export class CallProjectScoresRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('int') criterion: number;
  @Column('int') score: number;
  @Column('timestamptz', { name: 'scored_at' }) scoredAt: Date;
}

@Entity({ name: 'call_envelope_changes' })
export class CallEnvelopeChangesRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'call_id' }) callId: string;
  @Column('bigint', { name: 'from_cents' }) fromCents: string;
  @Column('bigint', { name: 'to_cents' }) toCents: string;
  @Column('text') reason: string;
  @Column('uuid', { name: 'decision_id' }) decisionId: string;
  @Column('timestamptz', { name: 'applied_at', nullable: true }) appliedAt: Date | null;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
}

@Entity({ name: 'call_project_documents' })
export class CallProjectDocumentsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('bigint') bytes: string;
  @Column('text') sha256: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt: Date;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
}

@Entity({ name: 'call_workshops' })
export class CallWorkshopsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('date', { name: 'held_on' }) heldOn: string;
  @Column('int') minutes: number;
  @Column('int') participants: number;
  @Column('uuid', { array: true }) speakers: string[];
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('uuid', { name: 'recorded_by', nullable: true }) recordedBy: string | null;
}

export const callsEntities = [
  CallsRow,
  CallProjectsRow,
  CallProjectEventsRow,
  CallProjectCommentsRow,
  CallProjectScoresRow,
  CallEnvelopeChangesRow,
  CallProjectDocumentsRow,
  CallWorkshopsRow,
];
