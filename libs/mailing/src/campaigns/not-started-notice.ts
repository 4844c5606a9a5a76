import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { renderEmail } from '@cpts/platform-mail';
import { DueReminder, ReminderDecision, ReminderHandler } from '@cpts/platform-reminders';

export const NOT_STARTED_NOTICE = 'campaign.not_started';

/**
 * A scheduled campaign whose segment reached nobody when its time came goes
 * back to draft (CampaignStarter.startDue). The CPTS team, who expected it
 * to leave on Friday evening, are told at once by email rather than finding
 * out on Monday. Nothing is sent if the campaign was sent or deleted since.
 */
@Injectable()
export class CampaignNotStartedNotice implements ReminderHandler {
  readonly kind = NOT_STARTED_NOTICE;

  constructor(private readonly db: Db) {}

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    const [campaign] = await this.db.tenantRows<{ subject: string; status: string; cpts: string }>(
      `SELECT c.subject, c.status, t.name AS cpts FROM campaigns c JOIN tenants t ON t.id = c.tenant_id WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, reminder.ref],
    );
    if (!campaign) return { send: false, reason: 'campagne supprimée' };
    if (campaign.status !== 'draft') return { send: false, reason: 'campagne reprogrammée ou envoyée depuis' };
    const staff = await this.db.tenantRows<{ email: string }>(
      `SELECT DISTINCT u.email FROM role_assignments r JOIN users u ON u.id = r.user_id
       WHERE r.tenant_id = $1 AND r.role IN ('COORDINATOR', 'STAFF') AND u.disabled_at IS NULL ORDER BY u.email`,
      [tenantId],
    );
    if (staff.length === 0) return { send: false, reason: 'aucun membre de l’équipe à prévenir' };
    const email = renderEmail({
      subject: `Campagne « ${campaign.subject} » non envoyée : personne ne l’aurait reçue`,
      preheader: 'La campagne programmée est revenue en brouillon.',
      title: 'Campagne programmée non envoyée',
      paragraphs: [
        `La campagne « ${campaign.subject} » de la ${campaign.cpts} devait partir maintenant, mais son public ne comptait plus personne à qui l’envoyer (adresses manquantes, désinscriptions, consentements ou filtres trop restrictifs).`,
        'Elle est revenue en brouillon : élargissez le public ou vérifiez les consentements, puis programmez-la à nouveau.',
      ],
      footer: [`Vous recevez ce message en tant que membre de l’équipe de la ${campaign.cpts}.`],
    });
    return { send: true, emails: staff.map((s) => ({ to: s.email, email })) };
  }
}
