import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RenderedEmail } from '@cpts/platform-mail';
import { DueReminder, ReminderDecision, ReminderHandler } from '@cpts/platform-reminders';
import { surveyEmail } from './survey-emails';
import { SurveyLinks } from './survey-links';

export const SURVEY_REMINDER = 'surveys.reminder';

/**
 * The reminder's emails to a survey's non-answerers, each with their own
 * link, counted on their rows; none when the survey is not open (a draft,
 * closed by hand or past its closing). In the caller's tenant transaction,
 * the survey's row locked. Shared by « relancer maintenant » and the
 * scheduled reminder.
 */
export async function nonAnswererEmails(
  db: Db,
  links: SurveyLinks,
  surveyId: string,
): Promise<Array<{ to: string; email: RenderedEmail; secret: string }>> {
  const tenantId = requireTenantId();
  const [s] = await db.tenantRows<{ title: string; intro: string; anonymous: boolean; closesAt: Date; cptsName: string; cptsSlug: string }>(
    `SELECT s.title, s.intro, s.anonymous, s.closes_at AS "closesAt", t.name AS "cptsName", t.slug AS "cptsSlug"
     FROM surveys s JOIN tenants t ON t.id = s.tenant_id
     WHERE s.tenant_id = $1 AND s.id = $2 AND s.status = 'sent' AND s.closes_at > now() FOR UPDATE OF s`,
    [tenantId, surveyId],
  );
  if (!s) return [];
  const rows = await db.tenantRows<{ id: string; email: string }>(
    `UPDATE survey_recipients SET reminders = reminders + 1 WHERE tenant_id = $1 AND survey_id = $2 AND NOT answered RETURNING id, email`,
    [tenantId, surveyId],
  );
  const email = surveyEmail('reminder', s, links);
  return rows
    .sort((a, b) => a.email.localeCompare(b.email))
    .map((r) => ({ to: r.email, email, secret: links.token(tenantId, r.id, s.closesAt) }));
}

/**
 * reminderDays before a survey closes (SurveysService.send schedules it,
 * ref: the survey): those who have not answered get a reminder with their
 * link; a survey closed meanwhile, or answered by everyone, sends nothing.
 * Built from global providers only: it runs in the worker.
 */
@Injectable()
export class SurveyReminderHandler implements ReminderHandler {
  readonly kind = SURVEY_REMINDER;
  private readonly links: SurveyLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = SurveyLinks.fromEnv(mail);
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const emails = await nonAnswererEmails(this.db, this.links, reminder.ref);
    if (emails.length === 0) return { send: false, reason: "l'enquête n'est plus ouverte, ou tout le monde a répondu" };
    return { send: true, emails };
  }
}
