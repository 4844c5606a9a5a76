import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, FieldError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { RemindersService } from '@cpts/platform-reminders';
import { PollEmails } from './meeting-mailer';
import { MeetingOwners } from './meeting-owners';
import { MeetingPeople } from './meeting-people';
import { CreateMeetingPollInput, MeetingPoll, MeetingPollInvitee } from './meeting-poll.types';
import { Meeting } from './meeting.types';
import { MeetingsService, slotProblems } from './meetings.service';

export const POLL_REMINDER = 'meeting_poll.reminder';
/** Those who have not answered are reminded three days after the poll is sent (and whenever the organiser asks). */
const POLL_REMINDER_AFTER_MS = 3 * 86_400_000;
const NOT_FOUND = 'Sondage introuvable.';

const POLL_COLUMNS = `p.id, p.owner_kind AS "ownerKind", p.owner_id AS "ownerId", p.owner_name AS "ownerName", p.title, p.place, p.video_url AS "videoUrl",
  p.status, p.meeting_id AS "meetingId", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM meeting_poll_invitees i WHERE i.tenant_id = p.tenant_id AND i.poll_id = p.id) AS "inviteeCount",
  (SELECT count(*)::int FROM meeting_poll_invitees i WHERE i.tenant_id = p.tenant_id AND i.poll_id = p.id AND i.answered_at IS NOT NULL) AS "answeredCount",
  (SELECT json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
          'yes', (SELECT count(*) FROM meeting_poll_answers a WHERE a.tenant_id = s.tenant_id AND a.slot_id = s.id AND a.answer = 'yes'),
          'ifNeedBe', (SELECT count(*) FROM meeting_poll_answers a WHERE a.tenant_id = s.tenant_id AND a.slot_id = s.id AND a.answer = 'if_need_be'),
          'no', (SELECT count(*) FROM meeting_poll_answers a WHERE a.tenant_id = s.tenant_id AND a.slot_id = s.id AND a.answer = 'no')) ORDER BY s.starts_at, s.ends_at)
   FROM meeting_poll_slots s WHERE s.tenant_id = p.tenant_id AND s.poll_id = p.id) AS slots`;

type PollRow = Omit<MeetingPoll, 'slots'> & {
  slots: Array<{ id: string; startsAt: string; endsAt: string; yes: number; ifNeedBe: number; no: number }>;
};

const toPoll = (row: PollRow): MeetingPoll => ({
  ...row,
  slots: row.slots.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
});

/**
 * Scheduling polls (what Doodle did), for any owner of meetings: the
 * organiser proposes slots and asks the group; each invitee answers per
 * slot from their email link; the tallies are live; those who have not
 * answered are reminded (never those who have); closing on a slot schedules
 * the meeting with the poll's invitees, the one way meetings start.
 */
@Injectable()
export class MeetingPollsService {
  private readonly emails: PollEmails;

  constructor(
    private readonly db: Db,
    private readonly owners: MeetingOwners,
    private readonly people: MeetingPeople,
    private readonly meetings: MeetingsService,
    private readonly reminders: RemindersService,
    private readonly outbox: MailOutbox,
    mail: MailEnv,
  ) {
    this.emails = new PollEmails(db, mail);
  }

  async list(ownerKind: string, ownerId: string): Promise<MeetingPoll[]> {
    if (!(await this.owners.get(ownerKind).describe(ownerId))) throw AppError.notFound('Introuvable.');
    const rows = await this.db.tenantRows<PollRow>(
      `SELECT ${POLL_COLUMNS} FROM meeting_polls p WHERE p.tenant_id = $1 AND p.owner_kind = $2 AND p.owner_id = $3 ORDER BY p.status = 'closed', p.created_at DESC, p.id`,
      [requireTenantId(), ownerKind, ownerId],
    );
    return rows.map(toPoll);
  }

  async get(id: string): Promise<MeetingPoll> {
    const [row] = await this.db.tenantRows<PollRow>(`SELECT ${POLL_COLUMNS} FROM meeting_polls p WHERE p.tenant_id = $1 AND p.id = $2`, [
      requireTenantId(),
      id,
    ]);
    if (!row || !(await this.owners.get(row.ownerKind).describe(row.ownerId))) throw AppError.notFound(NOT_FOUND);
    return toPoll(row);
  }

  /** Who was asked, with their answers (the organiser's view). */
  invitees(pollId: string): Promise<MeetingPollInvitee[]> {
    return this.db.tenantRows<MeetingPollInvitee>(
      `SELECT i.id, i.name, i.email IS NOT NULL AS emailed, i.answered_at AS "answeredAt",
              coalesce((SELECT json_agg(json_build_object('slotId', a.slot_id, 'answer', a.answer)) FROM meeting_poll_answers a WHERE a.tenant_id = i.tenant_id AND a.invitee_id = i.id), '[]') AS answers
       FROM meeting_poll_invitees i WHERE i.tenant_id = $1 AND i.poll_id = $2 ORDER BY lower(i.name), i.id`,
      [requireTenantId(), pollId],
    );
  }

  async create(input: CreateMeetingPollInput): Promise<MeetingPoll> {
    const tenantId = requireTenantId();
    const owner = this.owners.get(input.ownerKind);
    await owner.requireManager(input.ownerId);
    const described = await owner.describe(input.ownerId);
    if (!described) throw AppError.notFound('Introuvable.');
    const fields: FieldError[] = input.slots.flatMap((slot, i) => slotProblems(slot, `slots.${i}.`));
    if (!input.place && !input.videoUrl) fields.push({ field: 'place', message: 'Indiquez un lieu ou un lien de visioconférence.' });
    const keys = input.slots.map((s) => `${s.startsAt.getTime()}-${s.endsAt.getTime()}`);
    if (new Set(keys).size !== keys.length) fields.push({ field: 'slots', message: 'Deux créneaux sont identiques.' });
    if (fields.length > 0) throw AppError.badInput('Le sondage ne peut pas être enregistré : vérifiez les champs signalés.', fields);
    const people = await this.people.of([
      ...(input.inviteOwnerMembers ? await owner.invitees(input.ownerId) : []),
      ...input.professionalIds.map((professionalId) => ({ professionalId })),
    ]);
    if (people.length === 0) throw AppError.field('professionalIds', 'Personne à interroger : ajoutez des participants.');
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO meeting_polls (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, place, video_url, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        tenantId,
        id,
        input.ownerKind,
        input.ownerId,
        described.name,
        described.frame,
        input.title,
        input.place ?? null,
        input.videoUrl ?? null,
        requirePrincipal().userId,
      ],
    );
    await this.db.tenantRows(
      `INSERT INTO meeting_poll_slots (tenant_id, id, poll_id, starts_at, ends_at) SELECT $1, gen_random_uuid(), $2, s, e FROM unnest($3::timestamptz[], $4::timestamptz[]) AS x(s, e)`,
      [tenantId, id, input.slots.map((s) => s.startsAt), input.slots.map((s) => s.endsAt)],
    );
    await this.db.tenantRows(
      `INSERT INTO meeting_poll_invitees (tenant_id, id, poll_id, professional_id, user_id, name, email)
       SELECT $1, gen_random_uuid(), $2, p.professional_id, p.user_id, p.name, p.email FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS p(professional_id, user_id, name, email)`,
      [
        tenantId,
        id,
        people.map((p) => p.professionalId),
        people.map((p) => p.userId),
        people.map((p) => p.name),
        people.map((p) => p.email),
      ],
    );
    const messages = await this.emails.compose(id, 'invitation');
    await this.outbox.addMany(
      messages.map((m) => ({ kind: 'meeting_poll_invitation', to: m.to, tenantId, email: m.email, secret: m.secret })),
    );
    await this.reminders.schedule([{ kind: POLL_REMINDER, ref: id, fireAt: new Date(Date.now() + POLL_REMINDER_AFTER_MS) }]);
    return this.get(id);
  }

  /** Reminds, now, those who have not answered (the reminder engine sends it; those who answered in between get nothing). */
  async remind(id: string): Promise<number> {
    const poll = await this.forChange(id);
    await this.reminders.schedule([{ kind: POLL_REMINDER, ref: poll.id, fireAt: new Date() }]);
    const [{ n }] = await this.db.tenantRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM meeting_poll_invitees WHERE tenant_id = $1 AND poll_id = $2 AND answered_at IS NULL AND email IS NOT NULL`,
      [requireTenantId(), id],
    );
    return n;
  }

  /** Closes the poll on one of its slots: the meeting is scheduled with the poll's invitees, and invitations go out. */
  async close(id: string, slotId: string): Promise<Meeting> {
    const tenantId = requireTenantId();
    const poll = await this.forChange(id);
    const [slot] = await this.db.tenantRows<{ startsAt: Date; endsAt: Date }>(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM meeting_poll_slots WHERE tenant_id = $1 AND poll_id = $2 AND id = $3`,
      [tenantId, id, slotId],
    );
    if (!slot) throw AppError.field('slotId', "Ce créneau n'est pas l'un de ceux du sondage.");
    const problems = slotProblems(slot);
    if (problems.length > 0) throw AppError.field('slotId', 'Ce créneau est passé : choisissez-en un autre.');
    const people = await this.db.tenantRows<{ professionalId: string | null; userId: string | null; name: string; email: string | null }>(
      `SELECT professional_id AS "professionalId", user_id AS "userId", name, email FROM meeting_poll_invitees WHERE tenant_id = $1 AND poll_id = $2`,
      [tenantId, id],
    );
    const meeting = await this.meetings.create(
      { kind: poll.ownerKind, id: poll.ownerId, name: poll.ownerName, frame: poll.frame },
      { title: poll.title, ...slot, place: poll.place, videoUrl: poll.videoUrl, agenda: [] },
      people,
    );
    await this.db.tenantRows(
      `UPDATE meeting_polls SET status = 'closed', closed_at = now(), meeting_id = $3 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, meeting.id],
    );
    await this.reminders.cancel(POLL_REMINDER, id);
    return meeting;
  }

  /** An open poll the caller may manage. */
  private async forChange(id: string): Promise<{
    id: string;
    ownerKind: string;
    ownerId: string;
    ownerName: string;
    frame: string;
    title: string;
    place: string | null;
    videoUrl: string | null;
  }> {
    const [poll] = await this.db.tenantRows<{
      id: string;
      ownerKind: string;
      ownerId: string;
      ownerName: string;
      frame: string;
      title: string;
      place: string | null;
      videoUrl: string | null;
      status: string;
    }>(
      `SELECT id, owner_kind AS "ownerKind", owner_id AS "ownerId", owner_name AS "ownerName", frame, title, place, video_url AS "videoUrl", status
       FROM meeting_polls WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!poll) throw AppError.notFound(NOT_FOUND);
    await this.owners.get(poll.ownerKind).requireManager(poll.ownerId);
    if (poll.status !== 'open') throw AppError.conflict('Ce sondage est clos.');
    return poll;
  }
}
