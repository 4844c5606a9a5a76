import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MailEnv, RedisEnv, WorkerEnv } from '@cpts/platform-config';
import { OutboxProcessor, OutboxReconciler, OutboxRetention, SecretBox, senderOf, SmtpSender } from '@cpts/platform-mail';
import { Logger, LOGGER, Metrics } from '@cpts/platform-observability';
import { HOUR_MS, Periodic, QueueProducer, QUEUES, WorkerRunner } from '@cpts/platform-queue';
import { DataSource } from 'typeorm';

/**
 * The worker's jobs: the mail queue's consumer, the outbox reconciler and the outbox's retention.
 * Started once the application is up; stopped gracefully (active jobs
 * finish) before the connections close.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: WorkerRunner;
  private readonly sender: SmtpSender;
  private readonly processor: OutboxProcessor;
  private readonly reconciler: OutboxReconciler;
  private readonly reconciling: Periodic;
  private readonly retention: Periodic;

  constructor(
    dataSource: DataSource,
    producer: QueueProducer,
    mail: MailEnv,
    redis: RedisEnv,
    private readonly worker: WorkerEnv,
    @Inject(LOGGER) logger: Logger,
    metrics: Metrics,
  ) {
    this.sender = new SmtpSender(mail.SMTP_URL, { poolSize: mail.SMTP_POOL_SIZE });
    const { domain } = senderOf(mail.MAIL_FROM);
    this.processor = new OutboxProcessor(dataSource, this.sender, new SecretBox(mail.LINK_SECRET), mail.MAIL_FROM, domain, logger);
    this.reconciler = new OutboxReconciler(dataSource, producer, logger);
    this.reconciling = new Periodic('outbox reconciliation', () => this.reconciler.reconcileOnce(), logger);
    const retention = new OutboxRetention(dataSource);
    this.retention = new Periodic('outbox retention', () => retention.purgeOnce(), logger);
    this.runner = new WorkerRunner(redis, redis.REDIS_PREFIX, logger, metrics, worker.JOB_LOCK_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner.start([{ queue: QUEUES.mail, concurrency: this.worker.MAIL_CONCURRENCY, process: (job) => this.processor.process(job) }]);
    await this.runner.waitUntilReady();
    this.reconciling.start(this.worker.RECONCILE_INTERVAL_MS);
    this.retention.start(HOUR_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reconciling.stop();
    await this.retention.stop();
    await this.runner.stop();
    this.sender.close();
  }
}
