/**
 * Mailing benchmark: one campaign of N recipients, with the real components,
 * against a baseline measured in the same run. The receiving end is an SMTP
 * server in a process of its own (bench/smtp-counter.ts) that only counts.
 *  (a) baseline: nodemailer's pooled transport sending the same rendered
 *      message N times in a loop, straight to the sink, with as many
 *      connections as a worker has (BENCH_MAILING_CONCURRENCY, default 10);
 *  (b) the platform with one worker process: the campaign's N delivery rows
 *      written in one transaction (the outbox), their jobs queued with
 *      addBulk in chunks (CampaignDispatcher), the worker rendering and
 *      sending each with commit-before-dot;
 *  (c) the same with two worker processes.
 * The clock of (b) and (c) runs from the start of the outbox write to the
 * sink counting N messages; "enqueue" is the time the send command takes
 * (outbox write + addBulk). The sink also counts duplicates: there must be
 * none. Targets at N = 10,000: enqueue < 2 s; (b) >= 0.7 x (a);
 * (c) >= 1.6 x (b); worker peak RSS < 250 MB.
 *
 * Run: BENCH=mailing npm run bench (bench/run.sh sets up the database and
 * builds). BENCH_MAILING_N sets N; BENCH_MAILING_CPTS the bench CPTS used.
 */
import { ChildProcess, fork } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { CampaignDispatcher, CampaignEmailRenderer, mailingEntities } from '@cpts/mailing';
import { createDataSource, Db } from '@cpts/platform-db';
import { createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { cpuSince, cpuSnapshot, freePort, rssSampler, start, stop } from './processes';

const N = Number(process.env.BENCH_MAILING_N ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_MAILING_CONCURRENCY ?? 10);
/** Messages per transaction in the worker (MAILING_GROUP_SIZE); the worker's default when unset. */
const GROUP = process.env.BENCH_MAILING_GROUP;
const CPTS = Number(process.env.BENCH_MAILING_CPTS ?? 3);
const FROM = 'no-reply@bench.cpts.fr';
const BODY = `<h2>La lettre de la CPTS</h2><p>Bonjour,</p><p>Voici les <strong>rendez-vous du mois</strong> : la soirée sur les soins non programmés,
 le groupe de travail <a href="https://cpts.example/parcours">parcours des personnes âgées</a> et la journée de dépistage.</p>
<ul><li>Jeudi 3 : soirée d'échanges (19 h 30)</li><li>Mardi 8 : groupe de travail</li><li>Samedi 12 : dépistage sur le marché</li></ul>
<p>Bonne lecture,<br>L'équipe de coordination</p>`.repeat(3);

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

  counts(reset = false): Promise<{ count: number; duplicates: number }> {
    return new Promise((resolve) => {
      this.child.once('message', (m: { count: number; duplicates: number }) => resolve(m));
      this.child.send({ reset });
    });
  }

  async waitFor(n: number): Promise<{ count: number; duplicates: number }> {
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

interface Platform {
  name: string;
  workers: number;
  enqueueSeconds: number;
  seconds: number;
  duplicates: number;
  peakMb: number;
  /** CPU seconds per part of the run (worker, PostgreSQL, Redis, sink, this process). */
  cpu: Record<string, number>;
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

/** (a) nodemailer's pooled transport, N messages, CONCURRENCY in flight. */
async function rawLoop(sink: Sink, raw: string): Promise<{ seconds: number; cpu: Record<string, number> }> {
  await sink.counts(true);
  const cpuBefore = cpuSnapshot();
  const transport = nodemailer.createTransport({ pool: true, host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, maxConnections: CONCURRENCY, maxMessages: Infinity });
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        await transport.sendMail({ envelope: { from: FROM, to: `raw-${i}@bench.cpts.fr` }, raw });
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore);
  transport.close();
  const { count } = await sink.counts();
  if (count !== N) throw new Error(`raw loop: the sink got ${count} messages, not ${N}`);
  return { seconds, cpu };
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

/** (b) and (c): the campaign through the outbox, the queue and `workers` worker processes. */
async function platformRun(name: string, workers: number, sink: Sink, db: Db, producer: QueueProducer, tenantId: string): Promise<Platform> {
  await sink.counts(true);
  await freshTables(db, tenantId);
  await producer.queue(QUEUES.campaignDelivery).obliterate({ force: true });
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
          MAIL_FROM: `Plateforme CPTS <${FROM}>`,
          MAILING_CONCURRENCY: String(CONCURRENCY),
          ...(GROUP ? { MAILING_GROUP_SIZE: String(GROUP) } : {}),
          MAILING_RATE_PER_CPTS: '100000',
          WORKER_HTTP_PORT: String(port),
          RECONCILE_INTERVAL_MS: '600000',
        },
        `http://127.0.0.1:${port}`,
        profile,
      );
      children.push(child);
      samplers.push(rssSampler(child.pid!));
    }
    const cpuBefore = cpuSnapshot();
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
    await new CampaignDispatcher(db, producer).enqueue(tenantId, campaignId);
    const enqueueSeconds = (Date.now() - started) / 1000;
    const { duplicates } = await sink.waitFor(N);
    const seconds = (Date.now() - started) / 1000;
    const cpu = cpuSince(cpuBefore);
    await new Promise((r) => setTimeout(r, 500)); // anything duplicated would arrive now
    const after = await sink.counts();
    const [sent] = await db.run({ tenantId }, () =>
      db.tenantRows<{ n: number }>(`SELECT count(*)::int AS n FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'sent'`, [tenantId, campaignId]),
    );
    if (sent.n !== N) throw new Error(`${name}: ${sent.n} deliveries marked sent, not ${N}`);
    return { name, workers, enqueueSeconds, seconds, duplicates: Math.max(duplicates, after.duplicates) + (after.count - N), peakMb: Math.max(...samplers.map((s) => s.stop())), cpu };
  } finally {
    samplers.forEach((s) => s.stop());
    await Promise.all(children.map((c) => stop(c)));
  }
}

async function main() {
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through bench/run.sh`);
  }
  const dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: mailingEntities, applicationName: 'cpts-bench', poolSize: 4 });
  await dataSource.initialize();
  const db = new Db(dataSource);
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  const sink = await Sink.start();
  try {
    const [tenant] = await db.run({ tenantId: null }, () =>
      db.rows<{ id: string; name: string }>(`SELECT id, name FROM tenants WHERE contact_email = $1`, [`contact+${CPTS}@bench.cpts.fr`]),
    );
    if (!tenant) throw new Error(`no bench CPTS n° ${CPTS}: run bench/run.sh, which seeds the bench database`);
    const raw = await new CampaignEmailRenderer(FROM, 'bench.cpts.fr').render(
      { campaignId: 'bench', version: '1', cptsName: tenant.name, purpose: 'pro_newsletter', subject: 'La lettre de novembre', bodyHtml: BODY, senderName: 'CPTS Bench', replyTo: null },
      { deliveryId: 'bench-raw', email: 'raw@bench.cpts.fr', basis: 'work_address_opt_out' },
    );

    withoutNagle();
    process.stderr.write(`(a) nodemailer pooled loop, ${N} messages...\n`);
    const { seconds: rawSeconds, cpu: rawCpu } = await rawLoop(sink, raw);
    process.stderr.write(`(b) platform, 1 worker...\n`);
    const one = await platformRun('(b) platform, 1 worker', 1, sink, db, producer, tenant.id);
    process.stderr.write(`(c) platform, 2 workers...\n`);
    const two = await platformRun('(c) platform, 2 workers', 2, sink, db, producer, tenant.id);

    const rate = (seconds: number) => N / seconds;
    const row = (r: Platform) =>
      `| ${r.name} | ${r.enqueueSeconds.toFixed(2)} | ${r.seconds.toFixed(1)} | ${Math.round(rate(r.seconds)).toLocaleString('en')} | ${(rate(r.seconds) / rate(rawSeconds)).toFixed(2)} | ${r.duplicates} | ${r.peakMb.toFixed(0)} |`;
    const parts = ['bench', 'worker', 'PostgreSQL', 'Redis', 'sink'];
    const cpuRow = (name: string, cpu: Record<string, number>, seconds: number) => {
      const total = parts.reduce((sum, part) => sum + (cpu[part] ?? 0), 0);
      return `| ${name} | ${parts.map((part) => ((1000 * (cpu[part] ?? 0)) / N).toFixed(2)).join(' | ')} | ${((1000 * total) / N).toFixed(2)} | ${(total / seconds).toFixed(2)} |`;
    };
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    process.stdout.write(
      [
        `Mailing: one campaign of ${N.toLocaleString('en')} recipients (${(Buffer.byteLength(raw) / 1024).toFixed(1)} KB each), ${CONCURRENCY} SMTP connections per sender, ${GROUP ?? 'default'} messages per transaction, sink in its own process; node ${process.version}`,
        '',
        '| Run | Enqueue (s) | Total (s) | Messages/s | vs (a) | Duplicates | Worker peak RSS (MB) |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        `| (a) nodemailer pooled loop (baseline) | – | ${rawSeconds.toFixed(1)} | ${Math.round(rate(rawSeconds)).toLocaleString('en')} | 1.00 | – | – |`,
        row(one),
        row(two),
        '',
        'CPU per message (ms), from /proc; "cores busy" = CPU seconds / wall seconds:',
        '',
        `| Run | ${parts.join(' | ')} | Total | Cores busy |`,
        `| --- |${' --- |'.repeat(parts.length + 2)}`,
        cpuRow('(a) nodemailer pooled loop', rawCpu, rawSeconds),
        cpuRow(one.name, one.cpu, one.seconds),
        cpuRow(two.name, two.cpu, two.seconds),
        '',
        `Enqueue < 2 s: ${met(Math.max(one.enqueueSeconds, two.enqueueSeconds) < 2)}; (b) >= 0.7 x (a): ${(rate(one.seconds) / rate(rawSeconds)).toFixed(2)}, ${met(rate(one.seconds) >= 0.7 * rate(rawSeconds))}; ` +
          `(c) >= 1.6 x (b): ${(one.seconds / two.seconds).toFixed(2)}, ${met(one.seconds / two.seconds >= 1.6)}; worker peak RSS < 250 MB: ${met(Math.max(one.peakMb, two.peakMb) < 250)}`,
        '',
      ].join('\n'),
    );
  } finally {
    sink.stop();
    await producer.close();
    redis.disconnect();
    await dataSource.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
