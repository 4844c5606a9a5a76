import { Db, tenantFailuresLog } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import { QueueProducer } from '@cpts/platform-queue';
import { enqueueReminders, REMINDER_HORIZON_MS } from './reminder-queueing';

/**
 * The scheduler of far reminders and the repair of lost ones: each pass,
 * for every CPTS (each in its own tenant transaction), queues the reminders
 * due within the horizon, overdue ones included. Jobs already queued
 * collapse (job id = reminder id), so Redis never needs to hold months of
 * delayed jobs, and losing Redis costs at most one pass of delay.
 */
export class ReminderReconciler {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
    private readonly logger: Logger,
  ) {}

  async reconcileOnce(): Promise<number> {
    let queued = 0;
    const failures = await this.db.forEachTenant('reminder-reconciler', async (tenantId) => {
      const due = await this.db.run({ tenantId, label: 'reminder-reconciler' }, () =>
        this.db.tenantRows<{ id: string; fireAt: Date }>(
          `SELECT id, fire_at AS "fireAt" FROM reminders WHERE tenant_id = $1 AND state = 'scheduled' AND fire_at < now() + make_interval(secs => $2) ORDER BY fire_at LIMIT 10000`,
          [tenantId, REMINDER_HORIZON_MS / 1000],
        ),
      );
      if (due.length === 0) return;
      await enqueueReminders(this.producer, tenantId, due);
      queued += due.length;
    });
    if (failures.length > 0)
      this.logger.error(tenantFailuresLog(failures), 'reminders of these CPTS not queued; trying again at the next pass');
    if (queued > 0) this.logger.debug?.({ queued }, 'reminders queued (due within the horizon)');
    return queued;
  }
}
