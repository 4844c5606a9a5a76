import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JobPayload, QUEUES, QueueName, queuePrefix } from './queues';
import type { RedisConnection } from './redis';

/**
 * Puts jobs on queues; the only way the gateway touches BullMQ. The job id is
 * the idempotency key of the outbox row behind the job: adding the same id
 * twice keeps one job, and the consumer checks the row before acting.
 */
export class QueueProducer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: RedisConnection,
    private readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: queuePrefix(this.prefix, name) });
      // A Queue re-emits its connection's errors; unheard, that 'error' event would crash the process when Redis
      // restarts. Redis being down is reported by /health/ready, and the reconcilers re-queue what was missed.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<Q extends QueueName>(name: Q, payload: JobPayload<Q>, jobId: string, options: { delayMs?: number; attempts?: number } = {}): Promise<void> {
    await this.queue(name).add(name, payload, { ...DEFAULT_JOB_OPTIONS, jobId, delay: options.delayMs, attempts: options.attempts ?? DEFAULT_JOB_OPTIONS.attempts });
  }

  /** Ids among `jobIds` that Redis holds as waiting, delayed or active jobs. */
  async liveJobIds(name: QueueName, jobIds: string[]): Promise<Set<string>> {
    const queue = this.queue(name);
    const live = new Set<string>();
    const states = await Promise.all(jobIds.map((id) => queue.getJobState(id)));
    states.forEach((state, i) => {
      if (state === 'waiting' || state === 'delayed' || state === 'active' || state === 'prioritized' || state === 'waiting-children') {
        live.add(jobIds[i]);
      }
    });
    return live;
  }

  /** Removes a finished (completed or failed) job so the same id can be added again. */
  async removeFinished(name: QueueName, jobId: string): Promise<void> {
    const job = await this.queue(name).getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') await job.remove();
  }

  async counts(name: QueueName): Promise<Record<string, number>> {
    return this.queue(name).getJobCounts('waiting', 'delayed', 'active', 'failed');
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

export { QUEUES };
