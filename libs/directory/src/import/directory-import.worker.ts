import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RedisEnv, StorageEnv, WorkerEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { Logger, LOGGER, Metrics } from '@cpts/platform-observability';
import { Periodic, QueueProducer, QUEUES, WorkerRunner } from '@cpts/platform-queue';
import { DataSource } from 'typeorm';
import { DirectoryImportReconciler } from './directory-import-reconciler';
import { RppsImportProcessor } from './rpps-import.processor';

/**
 * Consumes directory imports (the national extraction into a CPTS
 * directory), and every reconcile interval repairs what PostgreSQL says is
 * under way but Redis lost, or what a dead gateway left half-received.
 */
@Injectable()
export class DirectoryImportWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: WorkerRunner;
  private readonly processor: RppsImportProcessor;
  private readonly reconciling: Periodic;

  constructor(
    dataSource: DataSource,
    db: Db,
    producer: QueueProducer,
    redis: RedisEnv,
    storage: StorageEnv,
    private readonly worker: WorkerEnv,
    @Inject(LOGGER) logger: Logger,
    metrics: Metrics,
  ) {
    this.processor = new RppsImportProcessor(dataSource, storage.UPLOAD_DIR, logger);
    const reconciler = new DirectoryImportReconciler(db, producer, storage.UPLOAD_DIR, logger);
    this.reconciling = new Periodic('directory import reconciliation', () => reconciler.reconcileOnce(), logger);
    this.runner = new WorkerRunner(redis, redis.REDIS_PREFIX, logger, metrics, worker.JOB_LOCK_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner.start([
      { queue: QUEUES.directoryImport, concurrency: this.worker.IMPORT_CONCURRENCY, process: (job) => this.processor.process(job) },
    ]);
    await this.runner.waitUntilReady();
    this.reconciling.start(this.worker.RECONCILE_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reconciling.stop();
    await this.runner.stop();
  }
}
