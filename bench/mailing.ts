/**
 * Mailing benchmark: one campaign of N recipients, with the real components,
 * against a baseline measured in the same run. The receiving end is an SMTP
 * server in a process of its own (bench/smtp-counter.ts) that only counts.
 *  (a) baseline: nodemailer's pooled transport sending the same messages
 *      in a loop, straight to the sink, with as many connections as a worker
 *      has (BENCH_MAILING_CONCURRENCY, default 10): each rendered for its
 *      recipient by the worker's renderer, with its own signed links;
 *  (b) the platform with one worker process: the campaign's N delivery rows
 *      written in one transaction (the outbox), their jobs queued with
 *      addBulk in chunks (CampaignDispatcher), the worker rendering and
 *      sending each with commit-before-dot;
 *  (c) the same with two worker processes;
 *  (b) on a Redis Cluster of 3 masters and 3 replicas started for the run,
 *      when BENCH_MAILING_REDIS_CLUSTER=1.
 * The clock of the platform runs goes from the start of the outbox write to
 * the sink counting N messages; "enqueue" is the time the send command takes
 * (outbox write + addBulk). The sink also counts duplicates: there must be
 * none.
 *
 * The machine has 2 cores for everything, so throughput that needs more
 * cannot show; what the runs compare is the cost of a message: the CPU time
 * of every process that works for it (from /proc), per message. Targets at
 * N = 10,000: (b) <= 1.5 x (a) and (c) <= 1.15 x (b) in CPU per message;
 * enqueue < 2 s; worker peak RSS < 250 MB.
 *
 * Run: BENCH=mailing npm run bench (bench/run.sh sets up the database and
 * builds). BENCH_MAILING_N sets N; BENCH_MAILING_CPTS the bench CPTS used.
 */
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { CampaignContent, CampaignDispatcher, CampaignEmailRenderer, CampaignLinks, mailingEntities } from '@cpts/mailing';
import { loadEnv, MailEnv } from '@cpts/platform-config';
import { createDataSource, Db } from '@cpts/platform-db';
import { createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { startRedisCluster } from '@cpts/testing';
import { cpuSince, cpuSnapshot, freePort, Parts, postgresBackends, redisServers, rssSampler, start, stop } from './processes';

const N = Number(process.env.BENCH_MAILING_N ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_MAILING_CONCURRENCY ?? 10);
/** Messages per transaction in the worker (MAILING_GROUP_SIZE); the worker's default when unset. */
const GROUP = process.env.BENCH_MAILING_GROUP;
const CPTS = Number(process.env.BENCH_MAILING_CPTS ?? 3);
const WITH_CLUSTER = process.env.BENCH_MAILING_REDIS_CLUSTER === '1';
const FROM = 'no-reply@bench.cpts.fr';
const WORKER_MAIL_FROM = `Plateforme CPTS <${FROM}>`;
const BODY = `<h2>La lettre de la CPTS</h2><p>Bonjour,</p><p>Voici les <strong>rendez-vous du mois</strong> : la soirée sur les soins non programmés,
 le groupe de travail <a href="https://cpts.example/parcours">parcours des personnes âgées</a> et la journée de dépistage.</p>
<ul><li>Jeudi 3 : soirée d'échanges (19 h 30)</li><li>Mardi 8 : groupe de travail</li><li>Samedi 12 : dépistage sur le marché</li></ul>
<p>Bonne lecture,<br>L'équipe de coordination</p>`.repeat(3);
/** The parts whose CPU a message costs, in the tables' order. */
const PARTS = ['bench', 'worker', 'PostgreSQL', 'Redis', 'sink'] as const;
/** Targets, in CPU per message: the platform against the bare loop, and what a second worker may add. */
const TARGET_ONE_VS_RAW = 1.5;
const TARGET_TWO_VS_ONE = 1.15;

/** What the sink received since its last reset: messages, duplicates among them, and their bytes. */
interface Counts {
  count: number;
  duplicates: number;
  bytes: number;
}

/** The sink process: its port, and its counts on request. */
class Sink {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<Sink> {
    const child = fork(path.join(__dirname, 'smtp-counter.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    return new Sink(child, port);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  counts(reset = false): Promise<Counts> {
    return new Promise((resolve) => {
      this.child.once('message', (m: Counts) => resolve(m));
      this.child.send({ reset });
    });
  }

  async waitFor(n: number): Promise<Counts> {
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const c = await this.counts();
      if (c.count >= n) return c;
      if (Date.now() > deadline) throw new Error(`the sink got ${c.count} of ${n} messages in 30 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  stop(): void {
    this.child.disconnect();
  }
}

/** The Redis a platform run uses: the workers' settings for it, the bench's producer on it, and its servers' pids. */
interface RedisTarget {
  label: string;
  workerEnv: Record<string, string>;
  producer: QueueProducer;
  servers: () => number[];
  close(): Promise<void>;
}

/** The Redis of REDIS_URL (bench/run.sh's: the machine's own, shared with other work). */
function urlRedis(url: string, prefix: string): RedisTarget {
  const redis = createRedis(url, 'client');
  const producer = new QueueProducer(redis, prefix);
  const { hostname, port } = new URL(url);
  return {
    label: `the server at ${hostname}:${port || 6379}`,
    workerEnv: {},
    producer,
    servers: () => redisServers([Number(port || 6379)]),
    close: async () => {
      await producer.close();
      redis.disconnect();
    },
  };
}

/**
 * A Redis Cluster of 3 masters and 3 replicas started for the run (the failover tests' own, from
 * @cpts/testing), which the workers reach through REDIS_CLUSTER_NODES. Its 6 servers count as Redis:
 * a replica's copying is part of what a message costs there.
 */
async function clusterRedis(prefix: string): Promise<RedisTarget> {
  const cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
  const redis = createRedis({ REDIS_CLUSTER_NODES: cluster.nodes }, 'client');
  const producer = new QueueProducer(redis, prefix);
  return {
    label: `the cluster's ${cluster.ports.length} servers, masters and replicas`,
    workerEnv: { REDIS_CLUSTER_NODES: cluster.nodes },
    producer,
    servers: () => redisServers(cluster.ports),
    close: async () => {
      await producer.close();
      redis.disconnect();
      await cluster.stop();
    },
  };
}

interface Run {
  name: string;
  seconds: number;
  /** Bytes per message, as the sink received them. */
  messageBytes: number;
  /** CPU seconds per part of the run. */
  cpu: Record<string, number>;
  /** The platform's runs only. */
  redis?: string;
  enqueueSeconds?: number;
  duplicates?: number;
  peakMb?: number;
}

/**
 * The platform's SMTP connections turn Nagle's algorithm off (SmtpSender);
 * nodemailer's pooled transport has no option for it, so the baseline's
 * sockets get it here: like against like. With Nagle on, the baseline does
 * ~210 messages/s on this machine (the final dot waits for a delayed ACK).
 */
function withoutNagle(): void {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.setNoDelay(true);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
}

/** One recipient's message, rendered as the worker renders it. */
type Render = (email: string) => Promise<string>;

/**
 * (a) nodemailer's pooled transport, N messages, CONCURRENCY in flight: this process (rendering and sending) and the sink work.
 * Also returns the CPU that the Redis of the platform's runs used meanwhile: (a) does not use it, so that is
 * other work on a shared server, which the platform's runs count too.
 */
async function rawLoop(sink: Sink, render: Render, redis: RedisTarget): Promise<{ run: Run; redisBackground: number }> {
  await sink.counts(true);
  const cpuBefore = cpuSnapshot({ bench: () => [process.pid], sink: () => [sink.pid], Redis: redis.servers });
  const transport = nodemailer.createTransport({ pool: true, host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, maxConnections: CONCURRENCY, maxMessages: Infinity });
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const to = `raw-${next++}@bench.cpts.fr`;
        await transport.sendMail({ envelope: { from: FROM, to }, raw: await render(to) });
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const { Redis: redisBackground, ...cpu } = cpuSince(cpuBefore);
  transport.close();
  const { count, bytes } = await sink.counts();
  if (count !== N) throw new Error(`raw loop: the sink got ${count} messages, not ${N}`);
  return { run: { name: '(a) nodemailer pooled loop (baseline)', seconds, messageBytes: bytes / N, cpu }, redisBackground: redisBackground / seconds };
}

/**
 * Earlier runs' campaigns go, and their dead rows with them: every run starts
 * from the same tables. VACUUM by hand because the CI machine's PostgreSQL
 * runs without autovacuum (which production has): without it each run left
 * N dead deliveries behind and the next run's PostgreSQL CPU per message grew
 * (1.1 ms instead of 0.4 ms after ~800,000 dead rows).
 */
async function freshTables(db: Db, tenantId: string): Promise<void> {
  await db.run({ tenantId }, async () => {
    await db.tenantRows(`DELETE FROM campaign_deliveries WHERE tenant_id = $1`, [tenantId]);
    await db.tenantRows(`DELETE FROM campaigns WHERE tenant_id = $1`, [tenantId]);
  });
  const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await owner.connect();
  try {
    await owner.query('VACUUM (ANALYZE) campaign_deliveries, campaigns');
  } finally {
    await owner.end();
  }
}

/** The platform's runs: the campaign through the outbox, the queue on `redis` and `workers` worker processes. */
async function platformRun(name: string, workers: number, sink: Sink, db: Db, redis: RedisTarget, tenantId: string): Promise<Run> {
  await sink.counts(true);
  await freshTables(db, tenantId);
  await redis.producer.queue(QUEUES.campaignDelivery).obliterate({ force: true });
  const children: ChildProcess[] = [];
  // BENCH_WORKER_PROF=dir: each worker writes a CPU profile there when it stops.
  const profile = process.env.BENCH_WORKER_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(process.env.BENCH_WORKER_PROF)}`] : [];
  const samplers: Array<{ stop: () => number }> = [];
  try {
    for (let i = 0; i < workers; i++) {
      const port = await freePort();
      const child = await start(
        'dist/apps/worker/src/main.js',
        {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          SMTP_URL: `smtp://127.0.0.1:${sink.port}?tls=off`,
          MAIL_FROM: WORKER_MAIL_FROM,
          MAILING_CONCURRENCY: String(CONCURRENCY),
          ...(GROUP ? { MAILING_GROUP_SIZE: String(GROUP) } : {}),
          MAILING_RATE_PER_CPTS: '100000',
          WORKER_HTTP_PORT: String(port),
          RECONCILE_INTERVAL_MS: '600000',
          ...redis.workerEnv,
        },
        `http://127.0.0.1:${port}`,
        profile,
      );
      children.push(child);
      samplers.push(rssSampler(child.pid!));
    }
    const database = new URL(process.env.DATABASE_URL as string).pathname.slice(1);
    const parts: Parts = {
      // The send command (as the gateway runs it) and the polling of the sink.
      bench: () => [process.pid],
      worker: () => children.map((c) => c.pid as number),
      PostgreSQL: () => postgresBackends(database),
      Redis: redis.servers,
      sink: () => [sink.pid],
    };
    const cpuBefore = cpuSnapshot(parts);
    const started = Date.now();
    // The send command: the outbox rows in one transaction, then their jobs.
    const campaignId = await db.run({ tenantId, label: 'bench-send' }, async () => {
      const [campaign] = await db.tenantRows<{ id: string }>(
        `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at)
         VALUES ($1, gen_random_uuid(), 'professionals', 'pro_newsletter', 'La lettre de novembre', $2, 'CPTS Bench', 'sending', now()) RETURNING id`,
        [tenantId, BODY],
      );
      await db.tenantRows(
        `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, email, basis)
         SELECT $1, gen_random_uuid(), $2, 'r' || i || '@bench.cpts.fr', 'work_address_opt_out' FROM generate_series(1, $3) AS i`,
        [tenantId, campaign.id, N],
      );
      return campaign.id;
    });
    await new CampaignDispatcher(db, redis.producer).enqueue(tenantId, campaignId);
    const enqueueSeconds = (Date.now() - started) / 1000;
    const { duplicates, bytes } = await sink.waitFor(N);
    const seconds = (Date.now() - started) / 1000;
    const cpu = cpuSince(cpuBefore);
    await new Promise((r) => setTimeout(r, 500)); // anything duplicated would arrive now
    const after = await sink.counts();
    const [sent] = await db.run({ tenantId }, () =>
      db.tenantRows<{ n: number }>(`SELECT count(*)::int AS n FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'sent'`, [tenantId, campaignId]),
    );
    if (sent.n !== N) throw new Error(`${name}: ${sent.n} deliveries marked sent, not ${N}`);
    return { name, redis: redis.label, enqueueSeconds, seconds, messageBytes: bytes / N, duplicates: Math.max(duplicates, after.duplicates) + (after.count - N), peakMb: Math.max(...samplers.map((s) => s.stop())), cpu };
  } finally {
    samplers.forEach((s) => s.stop());
    await Promise.all(children.map((c) => stop(c)));
  }
}

/** CPU milliseconds per message, all parts. */
const cpuPerMessage = (run: Run) => (1000 * Object.values(run.cpu).reduce((sum, s) => sum + s, 0)) / N;

function report(raw: Run, one: Run, two: Run, onCluster: Run | null, redisBackground: number): string {
  const rate = (r: Run) => N / r.seconds;
  const fixed = (x: number | undefined, digits: number) => (x === undefined ? '–' : x.toFixed(digits));
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const runs = [raw, one, two, ...(onCluster ? [onCluster] : [])];
  const platform = runs.slice(1);
  return [
    `Mailing: one campaign of ${N.toLocaleString('en')} recipients, ${CONCURRENCY} SMTP connections per sender, ` +
      `${GROUP ?? 'default'} messages per transaction, sink in its own process; node ${process.version}`,
    '',
    '| Run | KB per message (at the sink) | Wall (s) | Messages/s | Messages/s vs (a) | Enqueue (s) | Duplicates | Worker peak RSS (MB) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.name} | ${(r.messageBytes / 1024).toFixed(2)} | ${r.seconds.toFixed(1)} | ${Math.round(rate(r)).toLocaleString('en')} | ${(rate(r) / rate(raw)).toFixed(2)} | ${fixed(r.enqueueSeconds, 2)} | ${r.duplicates ?? '–'} | ${fixed(r.peakMb, 0)} |`,
    ),
    '',
    'CPU per message (ms), from /proc, over the run\'s wall time; "cores busy" = CPU seconds / wall seconds:',
    '',
    `| Run | ${PARTS.join(' | ')} | Total | Total vs (a) | Cores busy |`,
    `| --- |${' --- |'.repeat(PARTS.length + 3)}`,
    ...runs.map((r) => {
      const total = cpuPerMessage(r);
      const parts = PARTS.map((part) => (part in r.cpu ? ((1000 * r.cpu[part]) / N).toFixed(3) : '–'));
      return `| ${r.name} | ${parts.join(' | ')} | ${total.toFixed(3)} | ${(total / cpuPerMessage(raw)).toFixed(2)} | ${((total * N) / 1000 / r.seconds).toFixed(2)} |`;
    }),
    '',
    'bench: this process (in (a), rendering each message and sending it; in the platform\'s runs, the send command and the sink\'s polling). ' +
      'PostgreSQL: the backends connected to the bench database; the server\'s WAL writer, checkpointer and background writer serve every database and are not counted. ' +
      `Redis: the redis-server processes of the run (${platform.map((r) => `${r.name}: ${r.redis}`).join('; ')}); ` +
      `while (a) ran, ${one.redis} used ${(1000 * redisBackground).toFixed(1)} ms of CPU per second for other work on the machine, which (b) and (c) count too.`,
    '',
    `CPU per message: (b) / (a) = ${(cpuPerMessage(one) / cpuPerMessage(raw)).toFixed(2)} (target <= ${TARGET_ONE_VS_RAW}: ${met(cpuPerMessage(one) <= TARGET_ONE_VS_RAW * cpuPerMessage(raw))}); ` +
      `(c) / (b) = ${(cpuPerMessage(two) / cpuPerMessage(one)).toFixed(2)} (target <= ${TARGET_TWO_VS_ONE}: ${met(cpuPerMessage(two) <= TARGET_TWO_VS_ONE * cpuPerMessage(one))})` +
      (onCluster ? `; (b) on the cluster / (b) = ${(cpuPerMessage(onCluster) / cpuPerMessage(one)).toFixed(2)}` : ''),
    `Enqueue < 2 s: ${met(Math.max(...platform.map((r) => r.enqueueSeconds ?? 0)) < 2)}; worker peak RSS < 250 MB: ${met(Math.max(...platform.map((r) => r.peakMb ?? 0)) < 250)}; ` +
      `duplicates: ${platform.reduce((n, r) => n + (r.duplicates ?? 0), 0)}`,
    `Throughput, for comparison with earlier figures: (b) / (a) = ${(rate(one) / rate(raw)).toFixed(2)} (former target >= 0.7); (c) / (b) = ${(rate(two) / rate(one)).toFixed(2)} (former target >= 1.6)`,
    '',
  ].join('\n');
}

async function main() {
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through bench/run.sh`);
  }
  const dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: mailingEntities, applicationName: 'cpts-bench', poolSize: 4 });
  await dataSource.initialize();
  const db = new Db(dataSource);
  const redis = urlRedis(process.env.REDIS_URL as string, process.env.REDIS_PREFIX as string);
  const sink = await Sink.start();
  try {
    const [tenant] = await db.run({ tenantId: null }, () =>
      db.rows<{ id: string; name: string; slug: string }>(`SELECT id, name, slug FROM tenants WHERE contact_email = $1`, [`contact+${CPTS}@bench.cpts.fr`]),
    );
    if (!tenant) throw new Error(`no bench CPTS n° ${CPTS}: run bench/run.sh, which seeds the bench database`);
    // The worker's renderer and links, from the settings the workers get.
    const renderer = CampaignEmailRenderer.fromMailFrom(WORKER_MAIL_FROM);
    const links = CampaignLinks.fromEnv(loadEnv(MailEnv, { ...process.env, MAIL_FROM: WORKER_MAIL_FROM }));
    const content: CampaignContent = {
      campaignId: randomUUID(),
      version: '1',
      cptsName: tenant.name,
      purpose: 'pro_newsletter',
      subject: 'La lettre de novembre',
      bodyHtml: BODY,
      senderName: 'CPTS Bench',
      replyTo: null,
    };
    const render: Render = (email) => {
      const deliveryId = randomUUID();
      return renderer.render(content, { deliveryId, email, basis: 'work_address_opt_out', links: links.forDelivery(tenant.id, tenant.slug, deliveryId) });
    };

    withoutNagle();
    process.stderr.write(`(a) nodemailer pooled loop, ${N} messages...\n`);
    const { run: rawRun, redisBackground } = await rawLoop(sink, render, redis);
    process.stderr.write(`(b) platform, 1 worker...\n`);
    const one = await platformRun('(b) platform, 1 worker', 1, sink, db, redis, tenant.id);
    process.stderr.write(`(c) platform, 2 workers...\n`);
    const two = await platformRun('(c) platform, 2 workers', 2, sink, db, redis, tenant.id);
    let onCluster: Run | null = null;
    if (WITH_CLUSTER) {
      process.stderr.write(`(b) platform, 1 worker, Redis Cluster (3 masters, 3 replicas)...\n`);
      const cluster = await clusterRedis(process.env.REDIS_PREFIX as string);
      try {
        onCluster = await platformRun('(b) 1 worker, Redis Cluster 3 + 3', 1, sink, db, cluster, tenant.id);
      } finally {
        await cluster.close();
      }
    }
    process.stdout.write(report(rawRun, one, two, onCluster, redisBackground));
  } finally {
    sink.stop();
    await redis.close();
    await dataSource.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
