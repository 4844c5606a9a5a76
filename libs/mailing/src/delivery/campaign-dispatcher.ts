import { Db } from '@cpts/platform-db';
import { CAMPAIGN_JOB_OPTIONS, QueueProducer, QUEUES } from '@cpts/platform-queue';
import type { CampaignDeliveryJob } from './campaign-delivery.job';

/** Jobs per addBulk call. */
const BULK = 1000;

type JobOptions = typeof CAMPAIGN_JOB_OPTIONS | { [key: string]: unknown };

/** The job of each chunk: its id is `<campaignId>.<chunk>`, so queueing a chunk twice keeps one job. */
export function chunkJobs(tenantId: string, campaignId: string, chunks: string[], options: JobOptions = CAMPAIGN_JOB_OPTIONS) {
  return chunks.map((chunk) => ({
    name: QUEUES.campaignDelivery,
    data: { tenantId, campaignId, chunk } satisfies CampaignDeliveryJob,
    opts: { ...options, jobId: `${campaignId}.${chunk}` },
  }));
}

/**
 * Queues the chunks of a campaign that still have pending deliveries: one
 * job per chunk of about 100 recipients (campaign_deliveries.chunk). A chunk
 * already queued or running keeps its one job; a delivery already sent is
 * skipped by the worker. Used when a campaign starts or resumes, and by the
 * reconciler after Redis lost jobs.
 */
export class CampaignDispatcher {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
    /** Tests shorten the retries. */
    private readonly jobOptions: JobOptions = CAMPAIGN_JOB_OPTIONS,
  ) {}

  /** Runs in a unit of work of its own (after the sending transaction committed); how many chunks were queued. */
  async enqueue(tenantId: string, campaignId: string): Promise<number> {
    const rows = await this.db.run({ tenantId, label: 'campaign-enqueue' }, () =>
      this.db.tenantRows<{ chunk: string }>(
        `SELECT DISTINCT chunk FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending' ORDER BY chunk`,
        [tenantId, campaignId],
      ),
    );
    const queue = this.producer.queue(QUEUES.campaignDelivery);
    const jobs = chunkJobs(tenantId, campaignId, rows.map((r) => r.chunk), this.jobOptions);
    for (let i = 0; i < jobs.length; i += BULK) await queue.addBulk(jobs.slice(i, i + BULK));
    return jobs.length;
  }
}
