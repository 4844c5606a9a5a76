import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DueReminder, ReminderDecision, ReminderHandler } from '@cpts/platform-reminders';
import { CALL_STATE_SQL, DRAFT_REMINDER } from '../calls.service';
import { CallState } from '../calls.types';
import { ProposerLinks } from '../project-links';
import { composeProposerEmail } from '../projects.service';

/**
 * 7 days and 1 day before a call's closing day (CallsService schedules it,
 * ref: the call): each project of the call still a draft gets a reminder
 * with a fresh link; a project submitted since, or a call closed (or its
 * dates moved so that it is not open), gets nothing. Built from global
 * providers only: it runs in the worker.
 */
@Injectable()
export class DraftReminderHandler implements ReminderHandler {
  readonly kind = DRAFT_REMINDER;
  private readonly links: ProposerLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = ProposerLinks.fromEnv(mail);
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    const [call] = await this.db.tenantRows<{ state: CallState; daysLeft: number }>(
      `SELECT ${CALL_STATE_SQL('c')} AS state, c.closes_on - (now() AT TIME ZONE 'Europe/Paris')::date AS "daysLeft"
       FROM calls c WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, reminder.ref],
    );
    if (!call) return { send: false, reason: 'appel introuvable' };
    if (call.state !== CallState.OPEN) return { send: false, reason: "l'appel n'est pas ouvert" };
    // The drafts' locks: a submission arriving now is either seen here (no reminder) or waits until the reminder is written.
    const drafts = await this.db.tenantRows<{ id: string }>(
      `SELECT id FROM call_projects WHERE tenant_id = $1 AND call_id = $2 AND status = 'draft' ORDER BY seq FOR NO KEY UPDATE`,
      [tenantId, reminder.ref],
    );
    if (drafts.length === 0) return { send: false, reason: 'aucun brouillon à déposer' };
    const emails = [];
    for (const d of drafts) emails.push(await composeProposerEmail(this.db, this.links, d.id, 'draft_reminder', undefined, call.daysLeft));
    return { send: true, emails };
  }
}
