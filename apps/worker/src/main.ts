import { startWorker } from './worker';

startWorker({ handleSignals: true })
  .then(({ logger, healthPort }) => logger.info({ healthPort }, `worker running (health and metrics on port ${healthPort})`))
  .catch((err) => {
    process.stderr.write(`worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
