import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RedisEnv, WorkerEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { Logger, LOGGER, Metrics } from '@cpts/platform-observability';
import { Periodic, QueueProducer, QUEUES, WorkerRunner } from '@cpts/platform-queue';
import { REMINDER_HANDLERS, ReminderHandler, ReminderProcessor, ReminderReconciler } from '@cpts/platform-reminders';

/**
 * Fires reminders (each checks its condition, then writes its emails to the
 * mail outbox), and every reconcile interval queues those coming within the
 * horizon, which also repairs what Redis lost. The handlers are every
 * domain's (`reminderHandlers` in its DomainLibrary).
 */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: WorkerRunner;
  private readonly processor: ReminderProcessor;
  private readonly reconciler: ReminderReconciler;
  private readonly reconciling: Periodic;

  constructor(
    db: Db,
    outbox: MailOutbox,
    producer: QueueProducer,
    redis: RedisEnv,
    private readonly worker: WorkerEnv,
    @Inject(LOGGER) logger: Logger,
    metrics: Metrics,
    @Inject(REMINDER_HANDLERS) handlers: ReminderHandler[],
  ) {
    this.processor = new ReminderProcessor(db, outbox, handlers, logger);
    this.reconciler = new ReminderReconciler(db, producer, logger);
    this.reconciling = new Periodic('reminder reconciliation', () => this.reconciler.reconcileOnce(), logger);
    this.runner = new WorkerRunner(redis, redis.REDIS_PREFIX, logger, metrics, worker.JOB_LOCK_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner.start([{ queue: QUEUES.reminder, concurrency: 2, process: (job, token) => this.processor.process(job, token) }]);
    await this.runner.waitUntilReady();
    this.reconciling.start(this.worker.RECONCILE_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reconciling.stop();
    await this.runner.stop();
  }
}
