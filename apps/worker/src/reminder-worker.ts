import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RedisEnv, WorkerEnv } from '@cpts/platform-config';
import { MembershipRenewalReminder } from '@cpts/directory';
import { CampaignFailuresDigest } from '@cpts/mailing';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { Logger, Metrics } from '@cpts/platform-observability';
import { QueueProducer, QUEUES, WorkerRunner } from '@cpts/platform-queue';
import { ReminderProcessor, ReminderReconciler } from '@cpts/platform-reminders';
import { LOGGER } from './tokens';

/**
 * Fires reminders (each checks its condition, then writes its emails to the
 * mail outbox), and every reconcile interval queues those coming within the
 * horizon, which also repairs what Redis lost. The handlers of every module
 * that schedules reminders are listed here.
 */
@Injectable()
export class ReminderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: WorkerRunner;
  private readonly processor: ReminderProcessor;
  private readonly reconciler: ReminderReconciler;
  private timer: NodeJS.Timeout | null = null;
  private reconciling: Promise<unknown> | null = null;

  constructor(db: Db, outbox: MailOutbox, producer: QueueProducer, redis: RedisEnv, private readonly worker: WorkerEnv, @Inject(LOGGER) private readonly logger: Logger, metrics: Metrics) {
    this.processor = new ReminderProcessor(db, outbox, [new MembershipRenewalReminder(db), new CampaignFailuresDigest(db)], logger);
    this.reconciler = new ReminderReconciler(db, producer, logger);
    this.runner = new WorkerRunner(redis.REDIS_URL, redis.REDIS_PREFIX, logger, metrics, worker.JOB_LOCK_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner.start([{ queue: QUEUES.reminder, concurrency: 2, process: (job, token) => this.processor.process(job, token) }]);
    await this.runner.waitUntilReady();
    this.timer = setInterval(() => this.reconcile(), this.worker.RECONCILE_INTERVAL_MS);
    this.timer.unref();
    void this.reconcile();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.reconciling;
    await this.runner.stop();
  }

  private reconcile(): Promise<unknown> {
    this.reconciling ??= this.reconciler
      .reconcileOnce()
      .catch((err) => this.logger.error({ err }, 'reminder reconciliation failed'))
      .finally(() => (this.reconciling = null));
    return this.reconciling;
  }
}
