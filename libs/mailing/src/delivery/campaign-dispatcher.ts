import { Db } from '@cpts/platform-db';
import { CAMPAIGN_JOB_OPTIONS, QueueProducer, QUEUES } from '@cpts/platform-queue';

/** Ids read per statement, and jobs per addBulk call. */
const PAGE = 5000;
const CHUNK = 1000;

/**
 * Queues the pending deliveries of a campaign: one job per delivery, whose
 * id is the delivery's id, so queueing twice keeps one job and a delivery
 * already sent is skipped by the worker. Used when a campaign starts or
 * resumes, and by the reconciler after Redis lost jobs.
 */
export class CampaignDispatcher {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
  ) {}

  /** Runs in a unit of work of its own (after the sending transaction committed); how many were queued. */
  async enqueue(tenantId: string, campaignId: string): Promise<number> {
    const queue = this.producer.queue(QUEUES.campaignDelivery);
    let after = '00000000-0000-0000-0000-000000000000';
    let queued = 0;
    for (;;) {
      const rows = await this.db.run({ tenantId, label: 'campaign-enqueue' }, () =>
        this.db.tenantRows<{ id: string }>(
          `SELECT id FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending' AND id > $3 ORDER BY id LIMIT $4`,
          [tenantId, campaignId, after, PAGE],
        ),
      );
      for (let i = 0; i < rows.length; i += CHUNK) {
        await queue.addBulk(
          rows.slice(i, i + CHUNK).map((r) => ({
            name: QUEUES.campaignDelivery,
            data: { tenantId, deliveryId: r.id },
            opts: { ...CAMPAIGN_JOB_OPTIONS, jobId: r.id },
          })),
        );
      }
      queued += rows.length;
      if (rows.length < PAGE) return queued;
      after = rows[rows.length - 1].id;
    }
  }
}
