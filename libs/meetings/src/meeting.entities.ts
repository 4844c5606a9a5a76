import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'meetings' })
export class MeetingRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'owner_kind' }) ownerKind: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('text', { name: 'owner_name' }) ownerName: string;
  @Column('text') frame: string;
  @Column('text') title: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('text', { nullable: true }) place: string | null;
  @Column('text', { name: 'video_url', nullable: true }) videoUrl: string | null;
  @Column('text') status: string;
  @Column('int') sequence: number;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
  @Column('text', { name: 'minutes_html', nullable: true }) minutesHtml: string | null;
  @Column('text', { name: 'minutes_decisions', array: true }) minutesDecisions: string[];
  @Column('timestamptz', { name: 'minutes_updated_at', nullable: true }) minutesUpdatedAt: Date | null;
  @Column('timestamptz', { name: 'minutes_published_at', nullable: true }) minutesPublishedAt: Date | null;
  @Column('uuid', { name: 'minutes_published_by', nullable: true }) minutesPublishedBy: string | null;
  @Column('int', { name: 'guest_count' }) guestCount: number;
}

@Entity({ name: 'meeting_minutes_recipients' })
export class MeetingMinutesRecipientRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') name: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('timestamptz', { name: 'sent_at' }) sentAt: Date;
}

@Entity({ name: 'meeting_agenda_items' })
export class MeetingAgendaItemRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId: string;
  @PrimaryColumn('int') position: number;
  @Column('text') title: string;
  @Column('int', { name: 'duration_minutes', nullable: true }) durationMinutes: number | null;
  @Column('text', { nullable: true }) presenter: string | null;
}

@Entity({ name: 'meeting_invitees' })
export class MeetingInviteeRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') name: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('timestamptz', { name: 'invited_at' }) invitedAt: Date;
  @Column('text', { nullable: true }) reply: string | null;
  @Column('timestamptz', { name: 'replied_at', nullable: true }) repliedAt: Date | null;
  @Column('text', { nullable: true }) attendance: string | null;
}

@Entity({ name: 'meeting_polls' })
export class MeetingPollRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'owner_kind' }) ownerKind: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('text', { name: 'owner_name' }) ownerName: string;
  @Column('text') frame: string;
  @Column('text') title: string;
  @Column('text', { nullable: true }) place: string | null;
  @Column('text', { name: 'video_url', nullable: true }) videoUrl: string | null;
  @Column('text') status: string;
  @Column('uuid', { name: 'meeting_id', nullable: true }) meetingId: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

@Entity({ name: 'meeting_poll_slots' })
export class MeetingPollSlotRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'poll_id' }) pollId: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
}

@Entity({ name: 'meeting_poll_invitees' })
export class MeetingPollInviteeRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'poll_id' }) pollId: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text') name: string;
  @Column('text', { nullable: true }) email: string | null;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt: Date | null;
}

@Entity({ name: 'meeting_poll_answers' })
export class MeetingPollAnswerRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'invitee_id' }) inviteeId: string;
  @PrimaryColumn('uuid', { name: 'slot_id' }) slotId: string;
  @Column('text') answer: string;
}

@Entity({ name: 'action_items' })
export class ActionItemRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'owner_kind' }) ownerKind: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('text', { name: 'owner_name' }) ownerName: string;
  @Column('uuid', { name: 'meeting_id', nullable: true }) meetingId: string | null;
  @Column('text') title: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text', { name: 'assignee_name' }) assigneeName: string;
  @Column('text', { name: 'assignee_email', nullable: true }) assigneeEmail: string | null;
  @Column('date', { name: 'due_on' }) dueOn: string;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'status_at', nullable: true }) statusAt: Date | null;
  @Column('uuid', { name: 'status_by', nullable: true }) statusBy: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

@Entity({ name: 'meeting_documents' })
export class MeetingDocumentRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('bigint') bytes: string;
  @Column('text') sha256: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt: Date;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
}

@Entity({ name: 'action_item_digests' })
export class ActionItemDigestRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('text', { name: 'owner_kind' }) ownerKind: string;
  @PrimaryColumn('uuid', { name: 'owner_id' }) ownerId: string;
  @PrimaryColumn('date') week: string;
  @Column('int') recipients: number;
  @Column('int') items: number;
  @Column('timestamptz', { name: 'sent_at' }) sentAt: Date;
}

export const meetingEntities = [
  ActionItemDigestRow,
  ActionItemRow,
  MeetingRow,
  MeetingMinutesRecipientRow,
  MeetingAgendaItemRow,
  MeetingInviteeRow,
  MeetingPollRow,
  MeetingPollSlotRow,
  MeetingPollInviteeRow,
  MeetingPollAnswerRow,
  MeetingDocumentRow,
];
