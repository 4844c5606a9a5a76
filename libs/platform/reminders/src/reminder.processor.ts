import { DelayedError, Job } from 'bullmq';
import { Db } from '@cpts/platform-db';
import { MailOutbox, RetryLater } from '@cpts/platform-mail';
import type { Logger } from '@cpts/platform-observability';
import type { ReminderJob } from './reminder.job';
import { DueReminder, ReminderHandler } from './reminder-handler';

export type ReminderResult = 'sent' | 'skipped' | 'already-done' | 'gone';

/**
 * Fires one reminder: in one tenant transaction, locks it, asks its handler
 * whether it still applies, writes its emails to the mail outbox (sent
 * exactly once by the mail worker) and marks it done. A job delivered twice,
 * or for a reminder moved or cancelled since, finds it done and does nothing.
 */
export class ReminderProcessor {
  private readonly handlers: Map<string, ReminderHandler>;

  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    handlers: ReminderHandler[],
    private readonly logger: Logger,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.kind, h]));
  }

  async process(job: Job<ReminderJob>, token?: string): Promise<ReminderResult> {
    const { tenantId, reminderId } = job.data;
    const early = await this.db.run({ tenantId, label: `reminder ${reminderId}` }, async () => {
      const [reminder] = await this.db.tenantRows<DueReminder & { state: string }>(
        `SELECT id, tenant_id AS "tenantId", kind, ref, fire_at AS "fireAt", state FROM reminders WHERE tenant_id = $1 AND id = $2 FOR UPDATE SKIP LOCKED`,
        [tenantId, reminderId],
      );
      if (!reminder) {
        const [exists] = await this.db.tenantRows(`SELECT 1 FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenantId, reminderId]);
        if (exists) throw new RetryLater('reminder is being fired by another worker');
        return 'gone' as const;
      }
      if (reminder.state !== 'scheduled') return 'already-done' as const;
      if (reminder.fireAt.getTime() > Date.now() + 1000) return reminder.fireAt; // queued too early (clock, or moved later)
      const handler = this.handlers.get(reminder.kind);
      if (!handler) {
        this.logger.error({ tenantId, reminderId, kind: reminder.kind }, 'no handler for this kind of reminder');
        await this.done(tenantId, reminderId, 'skipped', 'aucun traitement pour ce type de rappel');
        return 'skipped' as const;
      }
      const decision = await handler.decide(reminder);
      if (!decision.send) {
        await this.done(tenantId, reminderId, 'skipped', decision.reason);
        return 'skipped' as const;
      }
      // One statement and one Redis call for all of them: a decision's outcome or reminder goes to a whole AG.
      await this.outbox.addMany(decision.emails.map((message) => ({ kind: reminder.kind, to: message.to, tenantId, email: message.email, secret: message.secret })));
      await this.done(tenantId, reminderId, 'sent', `${decision.emails.length} e-mail(s)`);
      return 'sent' as const;
    });
    if (early instanceof Date) {
      if (!token) throw new RetryLater('reminder queued before its time');
      await job.moveToDelayed(early.getTime(), token);
      throw new DelayedError();
    }
    return early;
  }

  private async done(tenantId: string, id: string, state: 'sent' | 'skipped', outcome: string): Promise<void> {
    await this.db.tenantRows(`UPDATE reminders SET state = $3, outcome = $4, fired_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, state, outcome.slice(0, 500)]);
  }
}
