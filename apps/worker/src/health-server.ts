import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkReadiness, HealthCheck, Metrics } from '@cpts/platform-observability';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';

/** The worker's only HTTP: liveness, readiness (database, Redis) and Prometheus metrics. */
export async function startHealthServer(options: {
  host: string;
  port: number;
  checks: HealthCheck[];
  metrics: Metrics;
  producer: QueueProducer;
}): Promise<{ server: Server; port: number }> {
  const { checks, metrics, producer } = options;
  const server = createServer(async (req, res) => {
    try {
      if (req.url === '/health/live') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      } else if (req.url === '/health/ready') {
        const report = await checkReadiness(checks);
        res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
      } else if (req.url === '/metrics') {
        for (const queue of Object.values(QUEUES)) {
          const counts = await producer.counts(queue).catch(() => ({}) as Record<string, number>);
          for (const [state, n] of Object.entries(counts)) metrics.queueDepth.set({ queue, state }, n);
        }
        res.writeHead(200, { 'content-type': metrics.contentType() }).end(await metrics.render());
      } else {
        res.writeHead(404).end();
      }
    } catch (err) {
      res.writeHead(500).end((err as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
