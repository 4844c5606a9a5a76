import { startGateway } from './gateway';

startGateway()
  .then(({ logger, url }) => logger.info({ url }, `gateway listening on ${url}`))
  .catch((err) => {
    // A bad configuration or an unsafe database role stops the process with a clear message.
    process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
