import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RedisEnv, StorageEnv, WorkerEnv } from '@cpts/platform-config';
import { RppsImportProcessor } from '@cpts/directory';
import { Logger, Metrics } from '@cpts/platform-observability';
import { QUEUES, WorkerRunner } from '@cpts/platform-queue';
import { DataSource } from 'typeorm';
import { LOGGER } from './tokens';

/** Consumes directory imports (the national extraction into a CPTS directory). */
@Injectable()
export class DirectoryImportWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: WorkerRunner;
  private readonly processor: RppsImportProcessor;

  constructor(dataSource: DataSource, redis: RedisEnv, storage: StorageEnv, private readonly worker: WorkerEnv, @Inject(LOGGER) logger: Logger, metrics: Metrics) {
    this.processor = new RppsImportProcessor(dataSource, storage.UPLOAD_DIR, logger);
    this.runner = new WorkerRunner(redis.REDIS_URL, redis.REDIS_PREFIX, logger, metrics, worker.JOB_LOCK_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner.start([{ queue: QUEUES.directoryImport, concurrency: this.worker.IMPORT_CONCURRENCY, process: (job) => this.processor.process(job) }]);
    await this.runner.waitUntilReady();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
