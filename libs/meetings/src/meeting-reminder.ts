import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DueReminder, ReminderDecision, ReminderHandler } from '@cpts/platform-reminders';
import { MeetingEmails, PollEmails } from './meeting-mailer';
import { POLL_REMINDER } from './meeting-polls.service';
import { MEETING_REMINDER } from './meetings.service';

/**
 * J-7 and J-1: the meeting's reminder to its invitees, except those who
 * answered they would not come; nothing for a cancelled meeting (its
 * reminders were cancelled with it: this is the check when it fires).
 */
@Injectable()
export class MeetingReminder implements ReminderHandler {
  readonly kind = MEETING_REMINDER;
  private readonly emails: MeetingEmails;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.emails = new MeetingEmails(db, mail);
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const [meeting] = await this.db.tenantRows<{ status: string; started: boolean }>(
      `SELECT status, starts_at <= now() AS started FROM meetings WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), reminder.ref],
    );
    if (!meeting) return { send: false, reason: 'réunion supprimée' };
    if (meeting.status === 'cancelled') return { send: false, reason: 'réunion annulée' };
    if (meeting.started) return { send: false, reason: 'réunion déjà commencée' };
    const emails = await this.emails.compose(reminder.ref, 'reminder');
    if (emails.length === 0) return { send: false, reason: 'personne à rappeler' };
    return { send: true, emails };
  }
}

/** The poll's reminder to those who have not answered (three days after it was sent, or when the organiser asks); nothing once it is closed. */
@Injectable()
export class MeetingPollReminder implements ReminderHandler {
  readonly kind = POLL_REMINDER;
  private readonly emails: PollEmails;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.emails = new PollEmails(db, mail);
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const [poll] = await this.db.tenantRows<{ status: string }>(`SELECT status FROM meeting_polls WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      reminder.ref,
    ]);
    if (!poll) return { send: false, reason: 'sondage supprimé' };
    if (poll.status !== 'open') return { send: false, reason: 'sondage clos' };
    const emails = await this.emails.compose(reminder.ref, 'reminder');
    if (emails.length === 0) return { send: false, reason: 'tout le monde a répondu' };
    return { send: true, emails };
  }
}
