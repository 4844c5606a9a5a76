import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { hasContent, MailOutbox, sanitizeEmailHtml } from '@cpts/platform-mail';
import { minutesEmail } from './meeting-emails';
import { MeetingOwners } from './meeting-owners';
import { InvitedPerson, MeetingPeople } from './meeting-people';
import { AttendanceInput, Meeting, MeetingMinutesInput, MeetingMinutesRecipient } from './meeting.types';
import { MeetingsService } from './meetings.service';

/**
 * After the meeting: who was there, then the minutes (compte rendu) and the
 * decisions taken; publishing sends them to every invitee and every
 * current member of the owner, present or not, and keeps who received them
 * and when. Published minutes are final (a correction is another message,
 * not a silent edit).
 */
@Injectable()
export class MeetingMinutesService {
  constructor(
    private readonly db: Db,
    private readonly owners: MeetingOwners,
    private readonly people: MeetingPeople,
    private readonly meetings: MeetingsService,
    private readonly outbox: MailOutbox,
  ) {}

  async recordAttendance(meetingId: string, entries: AttendanceInput[]): Promise<Meeting> {
    await this.afterStart(meetingId);
    const ids = entries.map((e) => e.inviteeId.toLowerCase());
    if (new Set(ids).size !== ids.length) throw AppError.field('entries', 'Une même personne apparaît deux fois.');
    const rows = await this.db.tenantRows(
      `UPDATE meeting_invitees i SET attendance = e.attendance FROM unnest($3::uuid[], $4::text[]) AS e(id, attendance)
       WHERE i.tenant_id = $1 AND i.meeting_id = $2 AND i.id = e.id RETURNING i.id`,
      [requireTenantId(), meetingId, ids, entries.map((e) => e.attendance)],
    );
    if (rows.length !== ids.length) throw AppError.field('entries', "Une des personnes n'est pas invitée à cette réunion.");
    return this.meetings.get(meetingId);
  }

  async save(meetingId: string, input: MeetingMinutesInput): Promise<Meeting> {
    const meeting = await this.afterStart(meetingId);
    if (meeting.published) throw AppError.conflict('Le compte rendu a déjà été envoyé : il ne peut plus être modifié.');
    await this.db.tenantRows(
      `UPDATE meetings SET minutes_html = $3, minutes_decisions = $4, minutes_updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), meetingId, sanitizeEmailHtml(input.html), input.decisions],
    );
    return this.meetings.get(meetingId);
  }

  /** Sends the minutes to every invitee and every current member of the owner, present or absent, once. */
  async publish(meetingId: string): Promise<Meeting> {
    const tenantId = requireTenantId();
    const meeting = await this.afterStart(meetingId);
    if (meeting.published) throw AppError.conflict('Le compte rendu a déjà été envoyé.');
    if (!meeting.minutesHtml || !hasContent(meeting.minutesHtml))
      throw AppError.field('html', 'Le compte rendu est vide : écrivez-le avant de l’envoyer.');
    const invitees = await this.db.tenantRows<InvitedPerson>(
      `SELECT professional_id AS "professionalId", user_id AS "userId", name, email FROM meeting_invitees WHERE tenant_id = $1 AND meeting_id = $2`,
      [tenantId, meetingId],
    );
    const members = await this.people.of(await this.owners.get(meeting.ownerKind).invitees(meeting.ownerId));
    const recipients = new Map<string, InvitedPerson>();
    for (const p of [...members, ...invitees]) recipients.set(p.professionalId ?? p.userId!, p);
    const everyone = [...recipients.values()];
    await this.db.tenantRows(
      `INSERT INTO meeting_minutes_recipients (tenant_id, id, meeting_id, professional_id, user_id, name, email)
       SELECT $1, gen_random_uuid(), $2, p.professional_id, p.user_id, p.name, p.email FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS p(professional_id, user_id, name, email)`,
      [
        tenantId,
        meetingId,
        everyone.map((p) => p.professionalId),
        everyone.map((p) => p.userId),
        everyone.map((p) => p.name),
        everyone.map((p) => p.email),
      ],
    );
    const [cpts] = await this.db.rows<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
    const email = minutesEmail({ ...meeting, minutesHtml: meeting.minutesHtml, cptsName: cpts.name });
    // One batch, not one INSERT and one Redis call per recipient: a group of 300 is queued well within a second.
    await this.outbox.addMany(everyone.flatMap((p) => (p.email ? [{ kind: 'meeting_minutes', to: p.email, tenantId, email }] : [])));
    await this.db.tenantRows(
      `UPDATE meetings SET minutes_published_at = now(), minutes_published_by = $3 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, meetingId, requirePrincipal().userId],
    );
    return this.meetings.get(meetingId);
  }

  recipients(meetingId: string): Promise<MeetingMinutesRecipient[]> {
    return this.db.tenantRows<MeetingMinutesRecipient>(
      `SELECT name, email IS NOT NULL AS emailed, sent_at AS "sentAt" FROM meeting_minutes_recipients WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY lower(name), id`,
      [requireTenantId(), meetingId],
    );
  }

  /** A meeting the caller manages, started (attendance and minutes are for during and after), not cancelled. */
  private async afterStart(meetingId: string) {
    const [m] = await this.db.tenantRows<{
      ownerKind: string;
      ownerId: string;
      title: string;
      ownerName: string;
      startsAt: Date;
      endsAt: Date;
      status: string;
      started: boolean;
      published: boolean;
      minutesHtml: string | null;
      decisions: string[];
    }>(
      `SELECT owner_kind AS "ownerKind", owner_id AS "ownerId", title, owner_name AS "ownerName", starts_at AS "startsAt", ends_at AS "endsAt", status,
              starts_at <= now() AS started, minutes_published_at IS NOT NULL AS published, minutes_html AS "minutesHtml", minutes_decisions AS decisions
       FROM meetings WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), meetingId],
    );
    if (!m) throw AppError.notFound('Réunion introuvable.');
    await this.owners.get(m.ownerKind).requireManager(m.ownerId);
    if (m.status === 'cancelled') throw AppError.conflict('Cette réunion a été annulée.');
    if (!m.started)
      throw AppError.conflict("La réunion n'a pas encore commencé : la présence et le compte rendu viennent pendant ou après.");
    return m;
  }
}
