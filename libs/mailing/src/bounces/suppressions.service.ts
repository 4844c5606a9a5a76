import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { EmailSuppression, SuppressionReason } from './suppression.types';

/** The addresses a CPTS's campaigns skip, as its team sees them, and lifting a bounce once the address is fixed. */
@Injectable()
export class EmailSuppressionsService {
  constructor(private readonly db: Db) {}

  /** Most recent first, at most 200; `search` narrows by a part of the address. */
  list(search: string | null | undefined): Promise<EmailSuppression[]> {
    const term = search?.trim().toLowerCase() ?? '';
    return this.db.tenantRows<EmailSuppression>(
      `SELECT email, reason, soft_bounces AS "softBounces", last_event_at AS "lastEventAt", last_detail AS "lastDetail"
       FROM email_suppressions WHERE tenant_id = $1 AND ($2 = '' OR strpos(email, $2) > 0)
       ORDER BY last_event_at DESC, email LIMIT 200`,
      [requireTenantId(), term.slice(0, 200)],
    );
  }

  /** A bounce only: a complaint or an unsubscribe is the person's choice, lifted by them alone. */
  async lift(email: string): Promise<boolean> {
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ reason: string | null }>(
      `SELECT reason FROM email_suppressions WHERE tenant_id = $1 AND email = lower($2) FOR UPDATE`,
      [tenantId, email.trim()],
    );
    if (!row) throw AppError.notFound('Adresse introuvable parmi les adresses bloquées de la CPTS.');
    if (row.reason === SuppressionReason.COMPLAINT || row.reason === SuppressionReason.UNSUBSCRIBED) {
      throw AppError.conflict(
        'Cette adresse est bloquée à la demande de la personne (signalement ou désinscription) : elle seule peut la débloquer, depuis le lien de ses messages.',
      );
    }
    await this.db.tenantRows(`DELETE FROM email_suppressions WHERE tenant_id = $1 AND email = lower($2)`, [tenantId, email.trim()]);
    return true;
  }
}
