import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Db } from '@cpts/platform-db';
import { Logger, LOGGER } from '@cpts/platform-observability';
import { campaignLinks } from '../delivery/campaign-email';
import { CampaignLinks, ClickTarget } from '../links/campaign-links';

/** How long the redirect waits for the click to be written before leading on anyway. */
const RECORD_WAIT_MS = 300;
/**
 * Hits kept per recipient and link: enough to tell a person coming back from
 * a scanner's single fetch, and a bound on what one token hammered in a loop
 * can write.
 */
const MAX_HITS_PER_LINK = 20;

/**
 * The click-tracking redirect: a signed token names a delivery and the
 * position of a link in its campaign's body; the destination is read from
 * the campaign itself, so the redirect leads only where the CPTS linked
 * (never an open redirect). Recording the click must never stand between
 * the person and the page they asked for.
 */
@Injectable()
export class CampaignClicksService {
  constructor(
    private readonly db: Db,
    private readonly links: CampaignLinks,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The destination of a click token, or null when the token is not ours or names nothing (then nothing is recorded). */
  async follow(token: string, options: { record: boolean }): Promise<string | null> {
    const target = this.links.readClick(token);
    if (!target) return null;
    const found = await this.db.runApart({ tenantId: target.tenantId, label: 'campaign-click', readOnly: true }, () => this.destination(target));
    if (!found) return null;
    if (options.record) {
      const recording = this.record(target, found.campaignId).catch((err) => {
        this.logger.error({ err, tenantId: target.tenantId, deliveryId: target.deliveryId }, 'campaign click not recorded; redirecting anyway');
      });
      // A slow database delays the person at most this long; the write goes on behind.
      await Promise.race([recording, new Promise((resolve) => setTimeout(resolve, RECORD_WAIT_MS).unref())]);
    }
    return found.url;
  }

  private async destination(target: ClickTarget): Promise<{ campaignId: string; url: string } | null> {
    const [row] = await this.db.tenantRows<{ campaignId: string; bodyHtml: string }>(
      `SELECT d.campaign_id AS "campaignId", c.body_html AS "bodyHtml"
       FROM campaign_deliveries d JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
       WHERE d.tenant_id = $1 AND d.id = $2`,
      [target.tenantId, target.deliveryId],
    );
    const url = row ? campaignLinks(row.bodyHtml)[target.index] : undefined;
    return url ? { campaignId: row.campaignId, url } : null;
  }

  private record(target: ClickTarget, campaignId: string): Promise<void> {
    return this.db.runApart({ tenantId: target.tenantId, label: 'campaign-click' }, async () => {
      await this.db.tenantRows(
        `INSERT INTO campaign_clicks (tenant_id, id, campaign_id, delivery_id, link_index)
         SELECT $1, $2, $3, $4, $5
         WHERE (SELECT count(*) FROM campaign_clicks
                WHERE tenant_id = $1 AND campaign_id = $3 AND delivery_id = $4 AND link_index = $5) < ${MAX_HITS_PER_LINK}`,
        [target.tenantId, randomUUID(), campaignId, target.deliveryId, target.index],
      );
    });
  }
}
