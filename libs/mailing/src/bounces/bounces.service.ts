import { Injectable } from '@nestjs/common';
import { Db } from '@cpts/platform-db';
import { CampaignLinks } from '../links/campaign-links';
import { PreferencesService } from '../preferences/preferences.service';
import { InboundEvent, readInboundEvent, readInboundMail } from './inbound-mail';
import { RECORD_SUPPRESSION_SQL, recordSuppressionParams } from './suppressions';

/** What the webhook did with what it received. */
export interface InboundResult {
  result: 'hard_bounce' | 'soft_bounce' | 'complaint' | 'unsubscribed' | 'ignored';
  /** The address's standing after it (suppressed reason, soft-bounce count); for a bounce or complaint. */
  suppression?: { reason: string | null; softBounces: number };
  reason?: string;
}

/**
 * Bounces and complaints that come back after a message left, and emails to
 * the unsubscribe mailbox (docs/bounces.md). Each applies to the delivery its
 * signed token names, in that delivery's CPTS only, in one transaction: the
 * delivery keeps what came back (one soft bounce counted per message, however
 * often a provider repeats it) and the address's suppression moves.
 */
@Injectable()
export class BouncesService {
  constructor(
    private readonly db: Db,
    private readonly links: CampaignLinks,
    private readonly preferences: PreferencesService,
  ) {}

  async mail(raw: string | Buffer): Promise<InboundResult> {
    return this.apply(await readInboundMail(raw, this.links));
  }

  /** A JSON event; null when it is malformed (the caller answers 400). */
  async event(body: unknown): Promise<InboundResult | { invalid: string }> {
    const event = readInboundEvent(body, this.links);
    if (event.kind === 'invalid') return { invalid: event.reason };
    return this.apply(event);
  }

  private async apply(event: InboundEvent): Promise<InboundResult> {
    switch (event.kind) {
      case 'ignored':
        return { result: 'ignored', reason: event.reason };
      case 'unsubscribe':
        await this.preferences.unsubscribe(await this.preferences.locate(event.token, null), 'mailto');
        return { result: 'unsubscribed' };
      default: {
        const { tenantId, deliveryId } = event.target;
        const kind = event.kind;
        return this.db.runApart({ tenantId, label: 'bounce' }, async () => {
          const [delivery] = await this.db.tenantRows<{ email: string; bounce: string | null }>(
            `SELECT email, bounce FROM campaign_deliveries WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
            [tenantId, deliveryId],
          );
          if (!delivery) return { result: 'ignored', reason: 'delivery no longer exists' } as InboundResult;
          // One soft bounce per message: a report repeated (or a soft one after a hard one) counts nothing more.
          if (kind === 'soft_bounce' && delivery.bounce !== null) return { result: 'ignored', reason: 'already counted for this message' } as InboundResult;
          const stronger = kind === 'complaint' || delivery.bounce !== 'complaint';
          if (stronger) {
            await this.db.tenantRows(`UPDATE campaign_deliveries SET bounce = $3, bounced_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, deliveryId, kind]);
          }
          // The address of the delivery, never one the report names: a report cannot suppress an address we did not mail.
          const [suppression] = await this.db.tenantRows<{ reason: string | null; softBounces: number }>(
            RECORD_SUPPRESSION_SQL,
            recordSuppressionParams(tenantId, delivery.email, kind, event.detail),
          );
          return { result: kind, suppression };
        });
      }
    }
  }
}
