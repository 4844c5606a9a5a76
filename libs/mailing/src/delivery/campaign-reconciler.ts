import { Db, tenantFailuresLog } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import { RemindersService } from '@cpts/platform-reminders';
import { CampaignDispatcher } from './campaign-dispatcher';
import { FAILURES_DIGEST } from './failures-digest';

/**
 * PostgreSQL says which deliveries are due; Redis may have lost their jobs
 * (a restart without persistence, an enqueue cut short). Each pass, for
 * every CPTS, queues again the chunks of its sending campaigns that have
 * pending deliveries (a chunk already queued keeps its one job) and closes
 * the campaigns with none left,
 * scheduling the digest of their failed deliveries to the CPTS team.
 * CPTS are visited one by one, each in its own tenant transaction; one
 * that fails is logged and the others are still reconciled.
 */
export class CampaignReconciler {
  constructor(
    private readonly db: Db,
    private readonly dispatcher: CampaignDispatcher,
    private readonly reminders: RemindersService,
    private readonly logger: Logger,
  ) {}

  async reconcileOnce(): Promise<{ requeued: number; finished: number }> {
    let requeued = 0;
    let finished = 0;
    const failures = await this.db.forEachTenant('campaign-reconciler', async (tenantId) => {
      const campaigns = await this.db.run({ tenantId, label: 'campaign-reconciler' }, async () => {
        const closed = (await this.db.tenantRows(
          `UPDATE campaigns c SET status = 'sent', finished_at = now()
           WHERE c.tenant_id = $1 AND c.status = 'sending'
             AND NOT EXISTS (SELECT 1 FROM campaign_deliveries d WHERE d.tenant_id = c.tenant_id AND d.campaign_id = c.id AND d.state = 'pending')
           RETURNING id`,
          [tenantId],
        )) as Array<{ id: string }>;
        finished += closed.length;
        // In the closing transaction: the digest is scheduled exactly once per campaign (it checks for failures when it fires).
        await this.reminders.schedule(closed.map((c) => ({ kind: FAILURES_DIGEST, ref: c.id, fireAt: new Date() })));
        return this.db.tenantRows<{ id: string }>(`SELECT id FROM campaigns WHERE tenant_id = $1 AND status = 'sending'`, [tenantId]);
      });
      for (const campaign of campaigns) requeued += await this.dispatcher.enqueue(tenantId, campaign.id);
    });
    if (failures.length > 0)
      this.logger.error(tenantFailuresLog(failures), 'campaigns of these CPTS not reconciled; trying again at the next pass');
    if (finished > 0) this.logger.info({ finished }, 'campaigns finished');
    return { requeued, finished };
  }
}
