import { DataSource } from 'typeorm';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';
import type { Logger } from '@cpts/platform-observability';

/**
 * PostgreSQL says what is due; Redis may have lost it (restart without AOF,
 * enqueue that failed after commit, a job completed by a worker that then
 * died). Every pass re-queues due pending rows that Redis does not hold.
 */
export class OutboxReconciler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    private readonly logger: Logger,
    /** Rows younger than this are left to the normal path. */
    private readonly graceMs = 10_000,
  ) {}

  async reconcileOnce(limit = 1000): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM mail_outbox WHERE state = 'pending' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [this.graceMs / 1000, limit],
    )) as Array<{ id: string }>;
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    const live = await this.producer.liveJobIds(QUEUES.mail, ids);
    let requeued = 0;
    for (const id of ids) {
      if (live.has(id)) continue;
      await this.producer.removeFinished(QUEUES.mail, id);
      await this.producer.add(QUEUES.mail, { outboxId: id }, id);
      requeued += 1;
    }
    if (requeued > 0) this.logger.info({ requeued }, 'outbox reconciler re-queued emails Redis did not hold');
    return requeued;
  }
}
