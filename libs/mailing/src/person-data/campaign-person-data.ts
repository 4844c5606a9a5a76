import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/** An erased recipient's address in the deliveries: unique per delivery (the table is unique per campaign and address), never deliverable. */
const ERASED_ADDRESS = `'erased-' || id || '@invalid.invalid'`;

/**
 * What the mailings hold on a person of the directory, for the GDPR export,
 * the erasure and the merge (a PersonDataPart, named in mailingDomain).
 * Runs in the calling request's tenant transaction.
 */
@Injectable()
export class CampaignPersonData implements PersonDataPart {
  readonly key = 'mailings';

  constructor(private readonly db: Db) {}

  /**
   * The messages sent to the person (with the clicks on their links) and whether their address is blocked.
   * The clicks are counted through their (tenant, campaign, delivery) index: without the campaign, each message
   * scanned every click of the CPTS (measured: 456 ms instead of 15 ms for 90 messages among 54,000 clicks).
   */
  async exportPerson(professionalId: string): Promise<unknown> {
    const tenantId = requireTenantId();
    const messages = await this.db.tenantRows(
      `SELECT c.subject, c.purpose, d.email, d.basis, d.state, d.sent_at AS "sentAt",
              (SELECT count(*)::int FROM campaign_clicks k
               WHERE k.tenant_id = d.tenant_id AND k.campaign_id = d.campaign_id AND k.delivery_id = d.id) AS clicks
       FROM campaign_deliveries d JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
       WHERE d.tenant_id = $1 AND d.professional_id = $2
       ORDER BY d.sent_at NULLS LAST, c.subject`,
      [tenantId, professionalId],
    );
    const blocked = await this.db.tenantRows(
      `SELECT s.email, s.reason, s.soft_bounces AS "softBounces", s.last_event_at AS "lastEventAt"
       FROM email_suppressions s WHERE s.tenant_id = $1 AND s.email IN (${this.addresses})`,
      [tenantId, professionalId],
    );
    return { messages, blockedAddresses: blocked };
  }

  /**
   * The addresses go: in every delivery (kept, anonymous, for the campaigns'
   * counts and the clicks per link) and in the list of blocked addresses,
   * unless someone else of the CPTS still uses the address (a practice's
   * shared mailbox): its block (a complaint, a hard bounce, an unsubscribe)
   * is theirs too, and erasing one of them must not mail it again.
   * Runs before the directory erases the row's own address.
   */
  async erasePerson(professionalId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `DELETE FROM email_suppressions s WHERE s.tenant_id = $1 AND s.email IN (${this.addresses})
         AND NOT EXISTS (SELECT 1 FROM professionals o
                         WHERE o.tenant_id = $1 AND o.id <> $2 AND o.erased_at IS NULL AND o.merged_into IS NULL AND lower(btrim(o.email)) = s.email)`,
      [tenantId, professionalId],
    );
    await this.db.tenantRows(`UPDATE campaign_deliveries SET email = ${ERASED_ADDRESS}, last_error = NULL WHERE tenant_id = $1 AND professional_id = $2`, [
      tenantId,
      professionalId,
    ]);
  }

  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE campaign_deliveries SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [requireTenantId(), keptId, mergedId]);
  }

  /** The person's addresses, as blocked addresses are keyed: the directory's and every one a campaign went to ($1 tenant, $2 person). */
  private readonly addresses = `
    SELECT lower(btrim(p.email)) FROM professionals p WHERE p.tenant_id = $1 AND p.id = $2 AND p.email IS NOT NULL
    UNION SELECT lower(btrim(d.email)) FROM campaign_deliveries d WHERE d.tenant_id = $1 AND d.professional_id = $2`;
}
