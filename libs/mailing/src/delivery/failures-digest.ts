import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { renderEmail } from '@cpts/platform-mail';
import { DueReminder, ReminderDecision, ReminderHandler } from '@cpts/platform-reminders';

export const FAILURES_DIGEST = 'campaign.failures_digest';

/** Addresses listed in the digest; the rest are counted. */
const LISTED = 30;

/**
 * When a campaign ends with failed deliveries, the CPTS team (coordination
 * and staff) receive one email listing them, so they can correct addresses
 * or call the people. A campaign without failures sends nothing.
 */
@Injectable()
export class CampaignFailuresDigest implements ReminderHandler {
  readonly kind = FAILURES_DIGEST;

  constructor(private readonly db: Db) {}

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    const [campaign] = await this.db.tenantRows<{ subject: string; cpts: string }>(
      `SELECT c.subject, t.name AS cpts FROM campaigns c JOIN tenants t ON t.id = c.tenant_id WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, reminder.ref],
    );
    if (!campaign) return { send: false, reason: 'campagne supprimée' };
    const failed = await this.db.tenantRows<{ email: string; error: string | null; total: number }>(
      `SELECT email, last_error AS error, count(*) OVER ()::int AS total FROM campaign_deliveries
       WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'failed' ORDER BY email LIMIT $3`,
      [tenantId, reminder.ref, LISTED],
    );
    if (failed.length === 0) return { send: false, reason: 'aucun envoi en échec' };
    const staff = await this.db.tenantRows<{ email: string }>(
      `SELECT DISTINCT u.email FROM role_assignments r JOIN users u ON u.id = r.user_id
       WHERE r.tenant_id = $1 AND r.role IN ('COORDINATOR', 'STAFF') AND u.disabled_at IS NULL ORDER BY u.email`,
      [tenantId],
    );
    if (staff.length === 0) return { send: false, reason: 'aucun membre de l’équipe à prévenir' };
    const total = failed[0].total;
    const lines = failed.map((f) => `${f.email} : ${f.error ?? 'erreur inconnue'}`);
    const email = renderEmail({
      subject: `Campagne « ${campaign.subject} » : ${total} envoi${total > 1 ? 's' : ''} en échec`,
      preheader: `${total} destinataire${total > 1 ? 's' : ''} n’ont pas reçu la campagne.`,
      title: `${total} envoi${total > 1 ? 's' : ''} en échec`,
      paragraphs: [
        `La campagne « ${campaign.subject} » de la ${campaign.cpts} est terminée. Ces adresses l’ont refusée : corrigez-les dans l’annuaire, ou appelez les personnes.`,
        ...lines,
        ...(total > LISTED ? [`… et ${total - LISTED} autre${total - LISTED > 1 ? 's' : ''}.`] : []),
      ],
      footer: [`Vous recevez ce message en tant que membre de l’équipe de la ${campaign.cpts}.`],
    });
    return { send: true, emails: staff.map((s) => ({ to: s.email, email })) };
  }
}
