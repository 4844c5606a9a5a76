import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, FieldError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RemindersService } from '@cpts/platform-reminders';
import { agendaJson } from './meeting-links';
import { MeetingMailer } from './meeting-mailer';
import { MeetingOwners } from './meeting-owners';
import { InvitedPerson, MeetingPeople } from './meeting-people';
import { Meeting, MeetingDetailsInput, MeetingInvitee, ScheduleMeetingInput } from './meeting.types';

export const MEETING_REMINDER = 'meeting.reminder';
/** Invitees are reminded a week before and the day before (J-7, J-1). */
export const MEETING_REMINDER_DAYS = [7, 1];
const DAY_MS = 86_400_000;
const NOT_FOUND = 'Réunion introuvable.';

const MEETING_COLUMNS = `m.id, m.owner_kind AS "ownerKind", m.owner_id AS "ownerId", m.owner_name AS "ownerName", m.frame, m.title,
  m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.place, m.video_url AS "videoUrl", m.status,
  ${agendaJson('m')} AS agenda,
  (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id) AS "inviteeCount",
  (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND i.reply = 'present') AS "presentCount",
  m.minutes_html AS "minutesHtml", m.minutes_decisions AS decisions, m.minutes_published_at AS "minutesPublishedAt"`;

/**
 * Meetings of any owner (working groups now, governance instances next):
 * scheduled, moved and cancelled by whoever the owner lets manage them,
 * with their invitations, updates and cancellations emailed with the event
 * for calendars, and their J-7 and J-1 reminders scheduled, moved and
 * cancelled in the same transaction.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: Db,
    private readonly owners: MeetingOwners,
    private readonly reminders: RemindersService,
    private readonly mailer: MeetingMailer,
    private readonly people: MeetingPeople,
  ) {}

  /** The owner's meetings, coming first (soonest first), then past ones (latest first). */
  async list(ownerKind: string, ownerId: string): Promise<Meeting[]> {
    if (!(await this.owners.get(ownerKind).describe(ownerId))) throw AppError.notFound('Introuvable.');
    return this.db.tenantRows<Meeting>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.tenant_id = $1 AND m.owner_kind = $2 AND m.owner_id = $3
       ORDER BY m.ends_at < now(), CASE WHEN m.ends_at >= now() THEN m.starts_at END, m.starts_at DESC, m.id`,
      [requireTenantId(), ownerKind, ownerId],
    );
  }

  /** One meeting, if its owner lets the caller see it. */
  async get(id: string): Promise<Meeting> {
    const [meeting] = await this.db.tenantRows<Meeting>(`SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.tenant_id = $1 AND m.id = $2`, [
      requireTenantId(),
      id,
    ]);
    if (!meeting || !(await this.owners.get(meeting.ownerKind).describe(meeting.ownerId))) throw AppError.notFound(NOT_FOUND);
    return meeting;
  }

  invitees(meetingId: string): Promise<MeetingInvitee[]> {
    return this.db.tenantRows<MeetingInvitee>(
      `SELECT id, professional_id AS "professionalId", user_id AS "userId", name, email IS NOT NULL AS emailed, reply, replied_at AS "repliedAt", attendance
       FROM meeting_invitees WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY lower(name), id`,
      [requireTenantId(), meetingId],
    );
  }

  async schedule(input: ScheduleMeetingInput): Promise<Meeting> {
    const owner = this.owners.get(input.ownerKind);
    await owner.requireManager(input.ownerId);
    const described = await owner.describe(input.ownerId);
    if (!described) throw AppError.notFound('Introuvable.');
    checkDetails(input);
    const people = await this.people.of([
      ...(input.inviteOwnerMembers ? await owner.invitees(input.ownerId) : []),
      ...input.professionalIds.map((professionalId) => ({ professionalId })),
    ]);
    return this.create({ kind: input.ownerKind, id: input.ownerId, ...described }, input, people);
  }

  /**
   * Writes the meeting and its invitees, emails the invitations and schedules
   * the reminders: the one path of a meeting's start, whether scheduled
   * directly or from a poll's chosen slot (the caller checked the details
   * and the caller's rights).
   */
  async create(
    owner: { kind: string; id: string; name: string; frame: string },
    details: MeetingDetailsInput,
    people: InvitedPerson[],
  ): Promise<Meeting> {
    if (people.length === 0) throw AppError.field('professionalIds', 'Personne à inviter : ajoutez des participants à la réunion.');
    await this.owners.get(owner.kind).checkSchedule?.(owner.id, details.startsAt);
    const tenantId = requireTenantId();
    const id = randomUUID();
    const userId = requirePrincipal().userId;
    await this.db.tenantRows(
      `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, video_url, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        tenantId,
        id,
        owner.kind,
        owner.id,
        owner.name,
        owner.frame,
        details.title,
        details.startsAt,
        details.endsAt,
        details.place ?? null,
        details.videoUrl ?? null,
        userId,
      ],
    );
    await this.writeAgenda(id, details);
    await this.db.tenantRows(
      `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, user_id, name, email)
       SELECT $1, gen_random_uuid(), $2, p.professional_id, p.user_id, p.name, p.email
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS p(professional_id, user_id, name, email)`,
      [
        tenantId,
        id,
        people.map((p) => p.professionalId),
        people.map((p) => p.userId),
        people.map((p) => p.name),
        people.map((p) => p.email),
      ],
    );
    await this.mailer.send(id, 'invitation');
    await this.reminders.schedule(reminderTimes(details.startsAt).map((fireAt) => ({ kind: MEETING_REMINDER, ref: id, fireAt })));
    return this.get(id);
  }

  /** New time, place or agenda: every invitee gets the change (the calendar event replaced), the reminders move with it. */
  async update(id: string, input: MeetingDetailsInput): Promise<Meeting> {
    const meeting = await this.forChange(id);
    checkDetails(input);
    // A move is a new convocation: the owner's rules (the AG's notice) apply to it.
    await this.owners.get(meeting.ownerKind).checkSchedule?.(meeting.ownerId, input.startsAt);
    await this.db.tenantRows(
      `UPDATE meetings SET title = $3, starts_at = $4, ends_at = $5, place = $6, video_url = $7, sequence = sequence + 1, updated_at = now(), updated_by = $8
       WHERE tenant_id = $1 AND id = $2`,
      [
        requireTenantId(),
        id,
        input.title,
        input.startsAt,
        input.endsAt,
        input.place ?? null,
        input.videoUrl ?? null,
        requirePrincipal().userId,
      ],
    );
    await this.db.tenantRows(`DELETE FROM meeting_agenda_items WHERE tenant_id = $1 AND meeting_id = $2`, [requireTenantId(), id]);
    await this.writeAgenda(id, input);
    await this.mailer.send(id, 'update');
    await this.reminders.reschedule(MEETING_REMINDER, id, reminderTimes(input.startsAt));
    return this.get(meeting.id);
  }

  /** Cancelled: every invitee is told (the event removed from calendars); no reminder fires. */
  async cancel(id: string): Promise<Meeting> {
    await this.forChange(id);
    await this.db.tenantRows(
      `UPDATE meetings SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, requirePrincipal().userId],
    );
    await this.mailer.send(id, 'cancellation');
    await this.reminders.cancel(MEETING_REMINDER, id);
    return this.get(id);
  }

  /** A meeting the caller may change: its owner's manager, not cancelled, not over. */
  private async forChange(id: string): Promise<{ id: string; ownerKind: string; ownerId: string }> {
    const [m] = await this.db.tenantRows<{ ownerKind: string; ownerId: string; status: string; over: boolean }>(
      `SELECT owner_kind AS "ownerKind", owner_id AS "ownerId", status, ends_at < now() AS over FROM meetings WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!m) throw AppError.notFound(NOT_FOUND);
    await this.owners.get(m.ownerKind).requireManager(m.ownerId);
    if (m.status === 'cancelled') throw AppError.conflict('Cette réunion est annulée.');
    if (m.over) throw AppError.conflict('Cette réunion est passée : elle ne peut plus être déplacée ni annulée.');
    return { id, ownerKind: m.ownerKind, ownerId: m.ownerId };
  }

  private async writeAgenda(meetingId: string, input: MeetingDetailsInput): Promise<void> {
    if (input.agenda.length === 0) return;
    await this.db.tenantRows(
      `INSERT INTO meeting_agenda_items (tenant_id, meeting_id, position, title, duration_minutes, presenter)
       SELECT $1, $2, a.n - 1, a.title, a.duration, a.presenter FROM unnest($3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS a(title, duration, presenter, n)`,
      [
        requireTenantId(),
        meetingId,
        input.agenda.map((a) => a.title),
        input.agenda.map((a) => a.durationMinutes ?? null),
        input.agenda.map((a) => a.presenter ?? null),
      ],
    );
  }
}

/** J-7 and J-1 before the start, those still to come. */
function reminderTimes(startsAt: Date): Date[] {
  return MEETING_REMINDER_DAYS.map((days) => new Date(startsAt.getTime() - days * DAY_MS)).filter((at) => at.getTime() > Date.now());
}

/** What is wrong with a slot (to come, ending after it starts, within a day), as field errors under `prefix`. */
export function slotProblems(slot: { startsAt: Date; endsAt: Date }, prefix = ''): FieldError[] {
  const fields: FieldError[] = [];
  if (slot.startsAt.getTime() < Date.now())
    fields.push({ field: `${prefix}startsAt`, message: 'La réunion ne peut pas commencer dans le passé.' });
  if (slot.endsAt.getTime() <= slot.startsAt.getTime()) fields.push({ field: `${prefix}endsAt`, message: 'La fin doit suivre le début.' });
  else if (slot.endsAt.getTime() - slot.startsAt.getTime() > DAY_MS)
    fields.push({ field: `${prefix}endsAt`, message: 'Une réunion dure au plus 24 heures.' });
  return fields;
}

/** A meeting to come, ending after it starts, somewhere (a place, a video link, or both). */
function checkDetails(input: MeetingDetailsInput): void {
  const fields = slotProblems(input);
  if (!input.place && !input.videoUrl) fields.push({ field: 'place', message: 'Indiquez un lieu ou un lien de visioconférence.' });
  if (fields.length > 0) throw AppError.badInput('La réunion ne peut pas être enregistrée : vérifiez les champs signalés.', fields);
}
