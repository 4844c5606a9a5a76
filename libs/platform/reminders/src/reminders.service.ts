import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { afterCommit, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { QueueProducer } from '@cpts/platform-queue';
import { enqueueReminders, REMINDER_HORIZON_MS } from './reminder-queueing';

export interface ReminderPlan {
  kind: string;
  ref: string;
  fireAt: Date;
}

/**
 * Schedules, moves and cancels reminders, in the caller's transaction; their
 * jobs are queued once it commits (delayed until each fires). Redis losing
 * them is repaired by the reconciler; a job that fires for a reminder moved
 * or cancelled since finds it so and does nothing.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
  ) {}

  async schedule(plans: ReminderPlan[]): Promise<string[]> {
    if (plans.length === 0) return [];
    const tenantId = requireTenantId();
    const ids = plans.map(() => randomUUID());
    await this.db.tenantRows(
      `INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) SELECT $1, u.id, u.kind, u.ref, u.fire_at FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS u(id, kind, ref, fire_at)`,
      [tenantId, ids, plans.map((p) => p.kind), plans.map((p) => p.ref), plans.map((p) => p.fireAt)],
    );
    // Near ones are queued now; the reconciler queues the others as they come within its horizon.
    const near = ids.map((id, i) => ({ id, fireAt: plans[i].fireAt })).filter((r) => r.fireAt.getTime() < Date.now() + REMINDER_HORIZON_MS);
    if (near.length > 0) afterCommit(() => enqueueReminders(this.producer, tenantId, near));
    return ids;
  }

  /** Cancels the scheduled reminders of a thing (its date is gone, or the thing is). */
  async cancel(kind: string, ref: string): Promise<number> {
    const rows = await this.db.tenantRows(
      `UPDATE reminders SET state = 'cancelled', fired_at = now() WHERE tenant_id = $1 AND kind = $2 AND ref = $3 AND state = 'scheduled' RETURNING id`,
      [requireTenantId(), kind, ref],
    );
    return rows.length;
  }

  /** Moves a thing's reminders: the scheduled ones are cancelled, the new times scheduled. */
  async reschedule(kind: string, ref: string, fireAts: Date[]): Promise<string[]> {
    await this.cancel(kind, ref);
    return this.schedule(fireAts.map((fireAt) => ({ kind, ref, fireAt })));
  }
}
