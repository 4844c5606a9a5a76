import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DatabaseEnv, MailEnv, RedisEnv, WorkerEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { senderOf, SmtpSender } from '@cpts/platform-mail';
import { Logger, LOGGER, Metrics } from '@cpts/platform-observability';
import { DIRECTORY_SQL, DirectorySql } from '@cpts/platform-persons';
import { RemindersService } from '@cpts/platform-reminders';
import { HOUR_MS, Periodic, QueueProducer, QUEUES, REDIS, RedisConnection, WorkerRunner } from '@cpts/platform-queue';
import { DataSource } from 'typeorm';
import { CampaignStarter } from '../campaigns/campaign-starter';
import { ClickRetention } from '../clicks/click-retention';
import { CampaignLinks } from '../links/campaign-links';
import { CampaignDeliveryProcessor } from './campaign-delivery.processor';
import { CampaignDispatcher } from './campaign-dispatcher';
import { CampaignEmailRenderer } from './campaign-email';
import { CampaignReconciler } from './campaign-reconciler';
import { TenantRateLimiter } from './tenant-rate';

/**
 * Sends campaigns: one job per chunk of ~100 recipients, on its own SMTP
 * connections (so a newsletter of thousands never delays an invitation on
 * the mail queue), at the CPTS's rate; plus the reconciler that re-queues
 * what Redis lost and closes finished campaigns, the scheduler that starts
 * the scheduled campaigns whose time has come (the same code path as "send
 * now"), and the deletion of clicks past their retention.
 */
@Injectable()
export class CampaignWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: WorkerRunner;
  private readonly sender: SmtpSender;
  private readonly processor: CampaignDeliveryProcessor;
  /** Messages per transaction, never more than the SMTP connections. */
  private readonly groupSize: number;
  private readonly reconciler: CampaignReconciler;
  private readonly reconciling: Periodic;
  private readonly scheduling: Periodic;
  private readonly retention: Periodic;

  constructor(
    dataSource: DataSource,
    db: Db,
    producer: QueueProducer,
    reminders: RemindersService,
    @Inject(REDIS) redisClient: RedisConnection,
    mail: MailEnv,
    redis: RedisEnv,
    private readonly worker: WorkerEnv,
    @Inject(LOGGER) logger: Logger,
    metrics: Metrics,
    @Inject(DIRECTORY_SQL) directorySql: DirectorySql,
    database: DatabaseEnv,
  ) {
    this.sender = new SmtpSender(mail.SMTP_URL, { poolSize: worker.MAILING_CONCURRENCY });
    this.groupSize = Math.min(worker.MAILING_GROUP_SIZE, worker.MAILING_CONCURRENCY);
    const { address } = senderOf(mail.MAIL_FROM);
    const rate = new TenantRateLimiter(redisClient, `${redis.REDIS_PREFIX}:campaigns`, worker.MAILING_RATE_PER_CPTS);
    const renderer = CampaignEmailRenderer.fromMailFrom(mail.MAIL_FROM);
    this.processor = new CampaignDeliveryProcessor(
      dataSource,
      this.sender,
      renderer,
      rate,
      address,
      CampaignLinks.fromEnv(mail),
      logger,
      this.groupSize,
      !database.DATABASE_TRANSACTION_POOLING,
    );
    const dispatcher = new CampaignDispatcher(db, producer);
    this.reconciler = new CampaignReconciler(db, dispatcher, reminders, logger);
    this.reconciling = new Periodic('campaign reconciliation', () => this.reconciler.reconcileOnce(), logger);
    const starter = new CampaignStarter(db, dispatcher, directorySql);
    this.scheduling = new Periodic('scheduled campaigns', () => starter.startDue(logger, reminders), logger);
    const clicks = new ClickRetention(db, logger);
    this.retention = new Periodic('click retention', () => clicks.purgeOnce(), logger);
    this.runner = new WorkerRunner(redis, redis.REDIS_PREFIX, logger, metrics, worker.JOB_LOCK_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Each chunk in hand holds up to a group's SMTP connections at once: together no more than the pool has.
    const chunks = Math.floor(this.worker.MAILING_CONCURRENCY / this.groupSize);
    this.runner.start([
      { queue: QUEUES.campaignDelivery, concurrency: chunks, process: (job, token) => this.processor.process(job, token) },
    ]);
    await this.runner.waitUntilReady();
    this.reconciling.start(this.worker.RECONCILE_INTERVAL_MS);
    this.scheduling.start(this.worker.RECONCILE_INTERVAL_MS);
    this.retention.start(HOUR_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reconciling.stop();
    await this.scheduling.stop();
    await this.retention.stop();
    await this.runner.stop();
    this.sender.close();
  }
}
