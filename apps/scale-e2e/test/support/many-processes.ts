import { randomInt } from 'node:crypto';
import { withRppsCheckDigit } from '@cpts/directory';
import { AppProcess, freePort, GraphQLClient } from '@cpts/testing';

/** A gateway or a worker of dist/ as its own process, on a port of its own. */
export interface Running {
  name: string;
  process: AppProcess;
  /** Where it answers: the gateway's API, or the worker's health and metrics. */
  url: string;
}

/** SMTP connections (and campaign messages in flight) of each worker: more sessions at the sink than this means both send. */
export const MAILING_CONCURRENCY = 10;

/** Spawns the apps, all on the run's database and Redis (the global setup's environment), and waits until each is ready. */
export async function startAll(specs: Array<{ app: 'gateway' | 'worker'; name: string; env?: Record<string, string> }>, started: Running[]): Promise<Running[]> {
  const apps: Running[] = [];
  for (const spec of specs) {
    const port = String(await freePort());
    const env: Record<string, string> = spec.app === 'gateway' ? { GATEWAY_PORT: port } : { WORKER_HTTP_PORT: port };
    const running = { name: spec.name, process: new AppProcess(spec.app, { ...env, ...spec.env }), url: `http://127.0.0.1:${port}` };
    running.process.start();
    // Known to the caller at once: stopped in its afterAll even if another one never gets ready.
    started.push(running);
    apps.push(running);
  }
  await Promise.all(apps.map((a) => a.process.ready(a.url)));
  return apps;
}

/** SIGTERM, then SIGKILL if still there after 15 s: an afterAll never hangs on a stuck process. */
export async function stop(app: Running): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => void app.process.kill('SIGKILL').then(() => resolve()), 15_000);
  });
  await Promise.race([app.process.kill('SIGTERM'), killed]);
  clearTimeout(timer);
}

/** A client address of its own per call (198.18.0.0/15, for tests): the per-IP limits of one test touch no other. */
export function clientIp(): string {
  return `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function client(app: Running, ip = clientIp()): GraphQLClient {
  return new GraphQLClient(app.url, { 'x-forwarded-for': ip });
}

/** Jobs of `queue` this worker process has completed so far (its own Prometheus counter, per process). */
export async function jobsCompleted(worker: Running, queue: string): Promise<number> {
  const text = await (await fetch(`${worker.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('jobs_processed_total{') && l.includes(`queue="${queue}"`) && l.includes('outcome="completed"'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/**
 * Polls `url` back to back, like an eager scraper on one keep-alive connection, until the server refuses it.
 * A Node.js server closed while that connection is busy goes on serving it as long as the client keeps asking.
 */
export async function pollUntilRefused(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await fetch(url).then((r) => r.arrayBuffer().then(() => true), () => false))) return;
  }
  throw new Error(`${url} still answers after ${timeoutMs} ms`);
}

export const rpps = (n: number) => withRppsCheckDigit(`1000${String(n).padStart(6, '0')}`);

/** A national extraction (Annuaire Santé) of `count` physicians practising in `commune`, one line each. */
export function extraction(count: number, commune: string): Buffer {
  const header = ['Identifiant PP', 'Identification nationale PP', "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Code mode exercice', 'Code commune (coord. structure)'];
  const lines = Array.from({ length: count }, (_, i) => [rpps(i + 1), `8${rpps(i + 1)}`, `IMPORT${i}`, 'Claire', '10', 'L', commune].join('|') + '|');
  return Buffer.from(`${header.join('|')}|\n${lines.join('\n')}\n`, 'utf8');
}
