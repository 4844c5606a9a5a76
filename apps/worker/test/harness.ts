import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { CAMPAIGN_JOB_OPTIONS, createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { chunkJobs } from '@cpts/mailing';
import { AppProcess, SmtpSink, TestData, waitUntil } from '@cpts/testing';

export { waitUntil };

/** The worker as a real process (dist build), so a test can SIGKILL it. */
export class WorkerProcess extends AppProcess {
  constructor(env: Record<string, string>) {
    super('worker', env);
  }
}

/** Emails written to the outbox the way the gateway does: the row, then the job. */
export class Outbox {
  readonly pool = new Pool({ connectionString: process.env.MIGRATION_DATABASE_URL, max: 2 });
  private readonly redis = createRedis(process.env.REDIS_URL as string, 'client');
  readonly producer = new QueueProducer(this.redis, process.env.REDIS_PREFIX as string);

  async add(recipients: string[], options: { enqueue?: boolean; ageSeconds?: number } = {}): Promise<string[]> {
    const ids = recipients.map(() => randomUUID());
    await this.pool.query(
      `INSERT INTO mail_outbox (id, kind, to_address, subject, html, text_body, created_at)
       SELECT id, 'test', to_address, 'Sujet ' || to_address, '<p>Bonjour</p>', 'Bonjour', now() - make_interval(secs => $3)
       FROM unnest($1::uuid[], $2::text[]) AS t(id, to_address)`,
      [ids, recipients, options.ageSeconds ?? 0],
    );
    if (options.enqueue !== false) {
      await this.producer.queue(QUEUES.mail).addBulk(ids.map((id) => ({ name: QUEUES.mail, data: { outboxId: id }, opts: { jobId: id, attempts: 12, backoff: { type: 'exponential', delay: 300 } } })));
    }
    return ids;
  }

  async states(ids: string[]): Promise<Record<string, number>> {
    const { rows } = await this.pool.query(`SELECT state, count(*)::int AS n FROM mail_outbox WHERE id = ANY($1) GROUP BY state`, [ids]);
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  async row(id: string) {
    const { rows } = await this.pool.query(`SELECT state, attempts, last_error, secret FROM mail_outbox WHERE id = $1`, [id]);
    return rows[0];
  }

  async close(): Promise<void> {
    await this.producer.close();
    this.redis.disconnect();
    await this.pool.end();
  }
}

export function workerEnv(sinkPort: number): Record<string, string> {
  return {
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}?tls=off`,
    MAIL_CONCURRENCY: '5',
    RECONCILE_INTERVAL_MS: '1000',
    JOB_LOCK_MS: '2000',
    WORKER_HTTP_PORT: '0',
  };
}

/** The same worker, introducing itself to SMTP servers as `name` (EHLO): the sink then tells which worker sent each message. */
export function namedWorker(env: Record<string, string>, name: string): Record<string, string> {
  return { ...env, SMTP_URL: `${env.SMTP_URL}&name=${name}` };
}

/** Each recipient's number of received messages, and any recipient received more than once. */
export function deliveries(sink: SmtpSink): { perRecipient: Map<string, number>; duplicates: string[] } {
  const perRecipient = new Map<string, number>();
  for (const m of sink.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  return { perRecipient, duplicates: [...perRecipient].filter(([, n]) => n > 1).map(([to]) => to) };
}

/** Campaigns written the way the gateway will: the campaign, its deliveries (one per recipient), then their jobs. */
export class Campaigns {
  readonly data = new TestData();
  private readonly redis: Redis;
  readonly producer: QueueProducer;

  constructor(redisUrl = process.env.REDIS_URL as string) {
    this.redis = createRedis(redisUrl, 'client');
    this.producer = new QueueProducer(this.redis, process.env.REDIS_PREFIX as string);
  }

  async tenant(name: string): Promise<string> {
    return (await this.data.cpts(await this.data.region(), { name })).id;
  }

  async create(tenantId: string, recipients: string[], options: { enqueue?: boolean } = {}): Promise<{ campaignId: string; ids: string[] }> {
    const campaignId = randomUUID();
    const ids = recipients.map(() => randomUUID());
    await this.data.inTenant(tenantId, async (db) => {
      await db.query(
        `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at)
         VALUES ($1, $2, 'professionals', 'pro_newsletter', 'Lettre de novembre', '<h2>Bonjour</h2><p>Les <a href="https://cpts.test/agenda">rencontres</a> du mois.</p>', 'CPTS Test', 'sending', now())`,
        [tenantId, campaignId],
      );
      await db.query(
        `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, email, basis) SELECT $1, u.id, $2, u.email, 'work_address_opt_out' FROM unnest($3::uuid[], $4::text[]) AS u(id, email)`,
        [tenantId, campaignId, ids, recipients],
      );
    });
    if (options.enqueue !== false) await this.enqueue(tenantId, campaignId);
    return { campaignId, ids };
  }

  /** What CampaignDispatcher does (the same jobs), with short retries for the tests. */
  async enqueue(tenantId: string, campaignId: string): Promise<void> {
    const { rows } = await this.data.inTenant(tenantId, (db) =>
      db.query(`SELECT DISTINCT chunk FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending'`, [tenantId, campaignId]),
    );
    const chunks = rows.map((r: { chunk: string }) => r.chunk);
    await this.producer.queue(QUEUES.campaignDelivery).addBulk(chunkJobs(tenantId, campaignId, chunks, { ...CAMPAIGN_JOB_OPTIONS, backoff: { type: 'exponential', delay: 300 } }));
  }

  async states(tenantId: string, campaignId: string): Promise<Record<string, number>> {
    const { rows } = await this.data.inTenant(tenantId, (db) =>
      db.query(`SELECT state, count(*)::int AS n FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 GROUP BY state`, [tenantId, campaignId]),
    );
    return Object.fromEntries(rows.map((r: { state: string; n: number }) => [r.state, r.n]));
  }

  async delivery(tenantId: string, id: string): Promise<{ state: string; attempts: number; last_error: string | null }> {
    const { rows } = await this.data.inTenant(tenantId, (db) => db.query(`SELECT state, attempts, last_error FROM campaign_deliveries WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    return rows[0];
  }

  async status(tenantId: string, campaignId: string, status?: string): Promise<string> {
    const { rows } = await this.data.inTenant(tenantId, (db) =>
      status
        ? db.query(`UPDATE campaigns SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING status`, [tenantId, campaignId, status])
        : db.query(`SELECT status FROM campaigns WHERE tenant_id = $1 AND id = $2`, [tenantId, campaignId]),
    );
    return rows[0].status;
  }

  async close(): Promise<void> {
    await this.producer.close();
    this.redis.disconnect();
    await this.data.close();
  }
}

/** A Redis server of the test's own (no persistence), which the test may kill and restart empty. */
export class PrivateRedis {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await waitUntil(async () => (await client.connect().then(() => client.ping(), () => null)) === 'PONG', 10_000, 'the private Redis');
    client.disconnect();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}
