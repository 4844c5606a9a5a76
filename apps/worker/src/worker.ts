import { Server } from 'node:http';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, DatabaseEnv, loadEnv, MailEnv, RedisEnv, RuntimeEnv, StorageEnv, WorkerEnv } from '@cpts/platform-config';
import { DOMAINS } from '@cpts/domains';
import { DbModule } from '@cpts/platform-db';
import { workerDomains } from '@cpts/platform-domain';
import { MailModule, MailOutboxRow } from '@cpts/platform-mail';
import { createLogger, Logger, Metrics, ObservabilityModule, PinoNestLogger } from '@cpts/platform-observability';
import { checkRedis, QueueModule, QueueProducer, REDIS, RedisConnection } from '@cpts/platform-queue';
import { DataSource } from 'typeorm';
import { startHealthServer } from './health-server';
import { MailWorker } from './mail-worker';
import { ReminderWorker } from './reminder-worker';

export interface Worker {
  app: INestApplicationContext;
  logger: Logger;
  healthPort: number;
  stop(): Promise<void>;
}

/** The worker: the platform's mail and reminder queues, and each domain library's jobs (DOMAINS). */
function workerModule(logger: Logger, metrics: Metrics) {
  @Module({
    imports: [
      ObservabilityModule.forRoot(logger, metrics),
      ConfigModule.forRoot([RuntimeEnv, DatabaseEnv, RedisEnv, MailEnv, WorkerEnv, StorageEnv]),
      DbModule.forRoot({ entities: [MailOutboxRow], applicationName: 'cpts-worker' }),
      QueueModule.forRoot(),
      MailModule,
      workerDomains(DOMAINS),
    ],
    providers: [MailWorker, ReminderWorker],
  })
  class WorkerModule {}
  return WorkerModule;
}

/** Starts the worker: BullMQ consumers and reconcilers, plus health and metrics over HTTP. */
export async function startWorker(options: { logger?: Logger; handleSignals?: boolean } = {}): Promise<Worker> {
  const runtime = loadEnv(RuntimeEnv);
  const env = loadEnv(WorkerEnv);
  const logger = options.logger ?? createLogger({ service: 'worker', level: runtime.LOG_LEVEL });
  const metrics = new Metrics('worker');
  const app = await NestFactory.createApplicationContext(workerModule(logger, metrics), {
    logger: new PinoNestLogger(logger.child({ context: 'nest' })),
    abortOnError: false,
  });
  const dataSource = app.get(DataSource);
  const redis = app.get<RedisConnection>(REDIS);
  const { server, port } = await startHealthServer({
    host: env.WORKER_HTTP_HOST,
    port: env.WORKER_HTTP_PORT,
    metrics,
    producer: app.get(QueueProducer),
    checks: [
      { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
      { name: 'redis', check: () => checkRedis(redis) },
    ],
  });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('worker stopping: finishing active jobs');
      await new Promise<void>((resolve) => {
        (server as Server).close(() => resolve());
        // close() keeps a keep-alive connection busy at that moment, which goes on serving a client polling on
        // it (a scraper): the jobs' drain below would wait for that client to leave. Health and metrics can go.
        (server as Server).closeAllConnections();
      });
      await app.close();
      logger.info('worker stopped');
    })());
  if (options.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, 'worker did not stop cleanly');
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, logger, healthPort: port, stop };
}
