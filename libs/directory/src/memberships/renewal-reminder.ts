import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { renderEmail } from '@cpts/platform-mail';
import { DueReminder, ReminderDecision, ReminderHandler, ReminderPlan } from '@cpts/platform-reminders';
import { euros } from './membership-format';

export const RENEWAL_REMINDER = 'membership.renewal';

/** After a year is opened, the pending members are reminded twice: two weeks later, then six weeks later. */
export const RENEWAL_REMINDER_DAYS = [14, 42];

/** The renewal reminders of the memberships a year's opening created. */
export function renewalReminderPlans(membershipIds: string[], openedAt = new Date()): ReminderPlan[] {
  return membershipIds.flatMap((id) => RENEWAL_REMINDER_DAYS.map((days) => ({ kind: RENEWAL_REMINDER, ref: id, fireAt: new Date(openedAt.getTime() + days * 86_400_000) })));
}

/**
 * "Your membership for the year is waiting": sent to a member whose
 * membership of the year is still pending when the reminder fires; a member
 * who renewed, resigned or lapsed since, was archived, or has no email, gets
 * nothing (and the reminder says why).
 */
@Injectable()
export class MembershipRenewalReminder implements ReminderHandler {
  readonly kind = RENEWAL_REMINDER;

  constructor(private readonly db: Db) {}

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const [m] = await this.db.tenantRows<{ status: string; year: number; fee: number; email: string | null; firstName: string; archived: boolean; cpts: string }>(
      `SELECT m.status, m.year, m.fee_cents AS fee, p.email, p.first_name AS "firstName", p.archived_at IS NOT NULL AS archived, t.name AS cpts
       FROM memberships m
       JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
       JOIN tenants t ON t.id = m.tenant_id
       WHERE m.tenant_id = $1 AND m.id = $2`,
      [requireTenantId(), reminder.ref],
    );
    if (!m) return { send: false, reason: 'adhésion supprimée' };
    if (m.status !== 'pending') return { send: false, reason: `adhésion ${m.year} déjà traitée (${m.status})` };
    if (m.archived) return { send: false, reason: 'personne retirée de l’annuaire' };
    if (!m.email) return { send: false, reason: 'pas d’adresse e-mail' };
    const fee = m.fee > 0 ? `La cotisation est de ${euros(m.fee)}.` : 'L’adhésion est gratuite.';
    return {
      send: true,
      emails: [
        {
          to: m.email,
          email: renderEmail({
            subject: `Renouvellement de votre adhésion ${m.year} à la ${m.cpts}`,
            preheader: `Votre adhésion ${m.year} attend votre renouvellement.`,
            title: `Votre adhésion ${m.year}`,
            paragraphs: [
              `Bonjour ${m.firstName},`,
              `Vous étiez adhérent·e de la ${m.cpts} l’an dernier : merci ! Votre adhésion pour ${m.year} attend votre renouvellement. ${fee}`,
              'Pour renouveler, répondez simplement à l’équipe de coordination, qui vous indiquera les modalités de règlement.',
            ],
            footer: [`Vous recevez ce rappel en tant qu’adhérent·e de la ${m.cpts} en ${m.year - 1}. Il s’arrête dès que votre adhésion ${m.year} est enregistrée.`],
          }),
        },
      ],
    };
  }
}
