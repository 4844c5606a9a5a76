import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Logger, Metrics } from '@cpts/platform-observability';
import { JobPayload, QueueName, queuePrefix } from './queues';
import { createRedis, RedisTarget } from './redis';

/** A processor of one queue. Jobs carry ids only; the processor re-reads state from PostgreSQL. */
export interface QueueConsumer<Q extends QueueName = QueueName> {
  readonly queue: Q;
  readonly concurrency: number;
  /** `token` is the job's lock token (for job.moveToDelayed). */
  process(job: Job<JobPayload<Q>>, token?: string): Promise<unknown>;
}

/**
 * Runs BullMQ workers for the given consumers and stops them gracefully: on
 * stop, no new job is taken and active ones finish (or, if the process is
 * killed, BullMQ's stalled-job check hands them to another worker).
 */
export class WorkerRunner {
  private readonly workers: Worker[] = [];

  constructor(
    /** A URL, or the environment's RedisEnv (a single server or a cluster). */
    private readonly redis: RedisTarget,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly lockMs = 30_000,
  ) {}

  start<Q extends QueueName>(consumers: Array<QueueConsumer<Q>>): void {
    for (const consumer of consumers) {
      const worker = new Worker(consumer.queue, (job, token) => consumer.process(job as Job<never>, token), {
        connection: createRedis(this.redis, 'worker'),
        prefix: queuePrefix(this.prefix, consumer.queue),
        concurrency: consumer.concurrency,
        // A killed worker's jobs come back after this lock expires.
        lockDuration: this.lockMs,
        stalledInterval: Math.max(500, Math.floor(this.lockMs / 2)),
      });
      worker.on('completed', () => this.metrics.jobsProcessed.inc({ queue: consumer.queue, outcome: 'completed' }));
      worker.on('failed', (job, err) => {
        const forGood = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
        this.metrics.jobsProcessed.inc({ queue: consumer.queue, outcome: forGood ? 'failed' : 'retried' });
        const log = { queue: consumer.queue, jobId: job?.id, attempt: job?.attemptsMade, error: err.message };
        if (forGood) this.logger.error(log, 'job failed for good');
        else this.logger.warn(log, 'job failed, will retry');
      });
      worker.on('error', (err) => this.logger.error({ queue: consumer.queue, error: err.message }, 'worker error'));
      this.workers.push(worker);
      this.logger.info({ queue: consumer.queue, concurrency: consumer.concurrency }, 'worker started');
    }
  }

  async waitUntilReady(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        await worker.close();
        await worker.disconnect();
      }),
    );
    this.workers.length = 0;
  }
}
