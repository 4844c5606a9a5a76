import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox, RenderedEmail, SECRET_PLACEHOLDER } from '@cpts/platform-mail';
import { agendaJson, MeetingLinks, organizerEmail } from './meeting-links';
import { meetingEmail, MeetingEmailKind, MeetingEmailParams, pollEmail } from './meeting-emails';

/** A meeting as its emails need it (read in the caller's tenant transaction). */
type MailedMeeting = MeetingEmailParams['meeting'];

/** One email of a meeting to one invitee, with the token of their own links (SECRET_PLACEHOLDER in the email; a cancellation has none). */
export interface MeetingMessage {
  to: string;
  email: RenderedEmail;
  secret?: string;
}

/**
 * Composes a meeting's emails, one per invitee with an address, each with
 * the invitee's own reply link (kept encrypted in the outbox until sent).
 * The gateway writes them to the outbox in the change's transaction; the
 * worker's reminders hand them to the reminder engine.
 */
export class MeetingEmails {
  private readonly links: MeetingLinks;
  private readonly organizerEmail: string;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
    this.organizerEmail = organizerEmail(mail);
  }

  /** The emails of `kind` to the meeting's invitees (a reminder skips those who said they would not come). */
  async compose(meetingId: string, kind: MeetingEmailKind): Promise<MeetingMessage[]> {
    const tenantId = requireTenantId();
    const meeting = await this.meeting(meetingId);
    const invitees = await this.db.tenantRows<{ id: string; email: string }>(
      `SELECT id, email FROM meeting_invitees WHERE tenant_id = $1 AND meeting_id = $2 AND email IS NOT NULL
       ${kind === 'reminder' ? "AND reply IS DISTINCT FROM 'absent' AND reply IS DISTINCT FROM 'excused'" : ''} ORDER BY id`,
      [tenantId, meetingId],
    );
    const email = meetingEmail({
      kind,
      meeting,
      cptsName: meeting.cptsName,
      replyUrl: this.links.replyUrl(meeting.cptsSlug, SECRET_PLACEHOLDER),
      calendarUrl: this.links.calendarUrl(SECRET_PLACEHOLDER),
      organizer: { name: meeting.cptsName, email: this.organizerEmail },
    });
    const linked = kind !== 'cancellation';
    return invitees.map((invitee) => ({
      to: invitee.email,
      email,
      secret: linked ? this.links.token({ tenantId, inviteeId: invitee.id }) : undefined,
    }));
  }

  async meeting(meetingId: string): Promise<MailedMeeting & { cptsName: string; cptsSlug: string }> {
    const tenantId = requireTenantId();
    const [m] = await this.db.tenantRows<MailedMeeting & { cptsName: string; cptsSlug: string }>(
      `SELECT m.id, m.tenant_id AS "tenantId", m.title, m.owner_name AS "ownerName", m.frame, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
              m.place, m.video_url AS "videoUrl", m.sequence, m.status = 'cancelled' AS cancelled, t.name AS "cptsName", t.slug AS "cptsSlug",
              ${agendaJson('m')} AS agenda
       FROM meetings m JOIN tenants t ON t.id = m.tenant_id WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, meetingId],
    );
    return m;
  }
}

/** Writes a meeting's emails to the outbox, in the caller's transaction: sent once it commits. */
@Injectable()
export class MeetingMailer {
  private readonly emails: MeetingEmails;

  constructor(
    db: Db,
    private readonly outbox: MailOutbox,
    mail: MailEnv,
  ) {
    this.emails = new MeetingEmails(db, mail);
  }

  async send(meetingId: string, kind: MeetingEmailKind): Promise<number> {
    const tenantId = requireTenantId();
    const messages = await this.emails.compose(meetingId, kind);
    // One statement and one Redis call for the whole group (MailOutbox.addMany).
    await this.outbox.addMany(messages.map((m) => ({ kind: `meeting_${kind}`, to: m.to, tenantId, email: m.email, secret: m.secret })));
    return messages.length;
  }
}

/** A scheduling poll's emails, one per invitee with an address, each with their own answer link (a reminder: those who have not answered). */
export class PollEmails {
  private readonly links: MeetingLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
  }

  async compose(pollId: string, kind: 'invitation' | 'reminder'): Promise<MeetingMessage[]> {
    const tenantId = requireTenantId();
    const [poll] = await this.db.tenantRows<{
      title: string;
      ownerName: string;
      frame: string;
      cptsName: string;
      cptsSlug: string;
      slots: Array<{ startsAt: string; endsAt: string }>;
    }>(
      `SELECT p.title, p.owner_name AS "ownerName", p.frame, t.name AS "cptsName", t.slug AS "cptsSlug",
              (SELECT json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at) ORDER BY s.starts_at) FROM meeting_poll_slots s WHERE s.tenant_id = p.tenant_id AND s.poll_id = p.id) AS slots
       FROM meeting_polls p JOIN tenants t ON t.id = p.tenant_id WHERE p.tenant_id = $1 AND p.id = $2`,
      [tenantId, pollId],
    );
    const invitees = await this.db.tenantRows<{ id: string; email: string }>(
      `SELECT id, email FROM meeting_poll_invitees WHERE tenant_id = $1 AND poll_id = $2 AND email IS NOT NULL ${kind === 'reminder' ? 'AND answered_at IS NULL' : ''} ORDER BY id`,
      [tenantId, pollId],
    );
    const email = pollEmail({
      kind,
      poll: { ...poll, slots: poll.slots.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })) },
      cptsName: poll.cptsName,
      answerUrl: this.links.pollUrl(poll.cptsSlug, SECRET_PLACEHOLDER),
    });
    return invitees.map((i) => ({ to: i.email, email, secret: this.links.pollToken({ tenantId, inviteeId: i.id }) }));
  }
}
