import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDirectory } from '@cpts/platform-persons';
import { QueueProducer } from '@cpts/platform-queue';
import { DueReminder, ReminderDecision, ReminderHandler, RemindersService } from '@cpts/platform-reminders';
import { appendAudit } from './audit-chain';
import { DECISION_CLOSE, DECISION_VOTE_REMINDER, DecisionCloser } from './decision-closing';
import { mandateEndEmail } from './decision-emails';
import { DecisionMailer } from './decision-mailer';
import { frDate, HELD_ON, MANDATE_END_REMINDER, OFFICE_LABELS_FR, PARIS_TODAY } from './instances.service';
import { MandateOffice } from './governance.types';

/**
 * The deadline of a decision: closes it (a decision never stays open past
 * its deadline: the reminder engine's reconciler queues the job again if
 * Redis lost it) and sends the outcome to the voters and the team.
 */
@Injectable()
export class DecisionCloseHandler implements ReminderHandler {
  readonly kind = DECISION_CLOSE;
  private readonly closer: DecisionCloser;

  constructor(db: Db, mail: MailEnv, producer: QueueProducer) {
    this.closer = new DecisionCloser(db, mail, new RemindersService(db, producer));
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const emails = await this.closer.close(reminder.ref, 'deadline');
    if (emails === null) return { send: false, reason: 'décision déjà close' };
    if (emails.length === 0) return { send: false, reason: 'décision close, personne à prévenir' };
    return { send: true, emails };
  }
}

/** 48 h and 4 h before the deadline: to the voters who have not expressed a vote, never to the others. */
@Injectable()
export class DecisionVoteReminder implements ReminderHandler {
  readonly kind = DECISION_VOTE_REMINDER;
  private readonly mailer: DecisionMailer;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.mailer = new DecisionMailer(db, mail);
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    // The decision's lock: a vote arriving now is either counted here or waits for the reminder to be written.
    const [d] = await this.db.tenantRows<{ status: string }>(
      `SELECT status FROM governance_decisions WHERE tenant_id = $1 AND id = $2 FOR NO KEY UPDATE`,
      [tenantId, reminder.ref],
    );
    if (!d || d.status !== 'open') return { send: false, reason: 'décision close' };
    const emails = await this.mailer.compose(reminder.ref, 'reminder');
    if (emails.length === 0) return { send: false, reason: 'tout le monde a voté' };
    await appendAudit(this.db, tenantId, reminder.ref, [
      { event: 'reminder', actor: 'system', channel: 'system', data: { recipients: emails.length } },
    ]);
    return { send: true, emails };
  }
}

/** 90 and 30 days before a mandate's end: to the coordinators, unless it ended earlier or was extended since. */
@Injectable()
export class MandateEndReminder implements ReminderHandler {
  readonly kind = MANDATE_END_REMINDER;
  private readonly appUrl: string;

  constructor(
    private readonly db: Db,
    private readonly people: PersonDirectory,
    mail: MailEnv,
  ) {
    this.appUrl = mail.APP_URL.replace(/\/+$/, '');
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    const [m] = await this.db.tenantRows<{
      professionalId: string;
      office: MandateOffice;
      instanceId: string;
      instanceName: string;
      endsOn: string;
      daysLeft: number;
      cptsName: string;
    }>(
      `SELECT m.professional_id AS "professionalId", m.office, m.instance_id AS "instanceId", i.name AS "instanceName", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn",
              m.ends_on - ${PARIS_TODAY} AS "daysLeft", t.name AS "cptsName"
       FROM governance_mandates m JOIN governance_instances i ON i.tenant_id = m.tenant_id AND i.id = m.instance_id JOIN tenants t ON t.id = m.tenant_id
       WHERE m.tenant_id = $1 AND m.id = $2 AND m.ended_on IS NULL AND m.ends_on IS NOT NULL AND ${HELD_ON('m', PARIS_TODAY)}`,
      [tenantId, reminder.ref],
    );
    if (!m) return { send: false, reason: 'mandat terminé ou sans fin' };
    if (m.daysLeft > 95) return { send: false, reason: 'fin de mandat repoussée' };
    const coordinators = await this.db.rows<{ email: string }>(
      `SELECT u.email FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE ra.tenant_id = $1 AND ra.role = 'COORDINATOR' AND u.disabled_at IS NULL ORDER BY u.email`,
      [tenantId],
    );
    if (coordinators.length === 0) return { send: false, reason: 'aucun·e coordinateur·rice' };
    const person = (await this.people.resolve([m.professionalId])).get(m.professionalId);
    const email = mandateEndEmail({
      personName: person ? `${person.firstName} ${person.lastName}` : 'Une personne',
      office: OFFICE_LABELS_FR[m.office],
      instanceName: m.instanceName,
      endsOn: frDate(m.endsOn),
      daysLeft: m.daysLeft,
      cptsName: m.cptsName,
      url: `${this.appUrl}/gouvernance/instances/${m.instanceId}`,
    });
    return { send: true, emails: coordinators.map((c) => ({ to: c.email, email })) };
  }
}
