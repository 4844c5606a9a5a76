import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { AppProcess, SmtpSink } from '@cpts/testing';

export { waitUntil } from '@cpts/testing';

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

/** Each recipient's number of received messages, and any recipient received more than once. */
export function deliveries(sink: SmtpSink): { perRecipient: Map<string, number>; duplicates: string[] } {
  const perRecipient = new Map<string, number>();
  for (const m of sink.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  return { perRecipient, duplicates: [...perRecipient].filter(([, n]) => n > 1).map(([to]) => to) };
}
