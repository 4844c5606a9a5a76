import { QueueProducer, QUEUES, REMINDER_JOB_OPTIONS } from '@cpts/platform-queue';

/** Reminders due within this horizon have their job in Redis; later ones wait in PostgreSQL only. */
export const REMINDER_HORIZON_MS = 60 * 60_000;

/** One delayed job per reminder (job id = reminder id: queueing twice keeps one). */
export async function enqueueReminders(
  producer: QueueProducer,
  tenantId: string,
  reminders: Array<{ id: string; fireAt: Date }>,
): Promise<void> {
  const queue = producer.queue(QUEUES.reminder);
  const now = Date.now();
  for (let i = 0; i < reminders.length; i += 1000) {
    await queue.addBulk(
      reminders.slice(i, i + 1000).map((r) => ({
        name: QUEUES.reminder,
        data: { tenantId, reminderId: r.id },
        opts: { ...REMINDER_JOB_OPTIONS, jobId: r.id, delay: Math.max(0, r.fireAt.getTime() - now) },
      })),
    );
  }
}
