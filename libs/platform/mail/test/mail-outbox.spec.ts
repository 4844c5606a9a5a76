import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, Db } from '@cpts/platform-db';
import { createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { MailOutbox, OutboxEmail, SECRET_PLACEHOLDER, SecretBox } from '../src';

/**
 * MailOutbox.addMany against the run's database and Redis: what one batch
 * writes and queues must be what as many add() calls would (the worker
 * cannot tell them apart), and nothing of either before the commit.
 */
describe('MailOutbox.addMany', () => {
  let runtime: DataSource;
  let owner: Client;
  let db: Db;
  let producer: QueueProducer;
  let redis: ReturnType<typeof createRedis>;
  const secrets = new SecretBox('s'.repeat(40));
  let outbox: MailOutbox;

  beforeAll(async () => {
    runtime = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'test', poolSize: 2 });
    await runtime.initialize();
    db = new Db(runtime);
    owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    redis = createRedis(process.env.REDIS_URL as string, 'client');
    producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
    outbox = new MailOutbox(db, producer, secrets);
  });

  afterAll(async () => {
    await producer.close();
    redis.disconnect();
    await owner.end();
    await runtime.destroy();
  });

  const email = (n: number, withLink = false): OutboxEmail => ({
    kind: 'test_batch',
    to: `personne${n}@exemple.fr`,
    email: {
      subject: 'Compte rendu : Bilan',
      html: `<p>Bonjour ${n}${withLink ? ` <a href="https://cpts.test/${SECRET_PLACEHOLDER}">répondre</a>` : ''}</p>`,
      text: `Bonjour ${n}${withLink ? ` https://cpts.test/${SECRET_PLACEHOLDER}` : ''}`,
      ...(n === 1 ? { calendar: { method: 'REQUEST' as const, ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' } } : {}),
    },
    ...(withLink ? { secret: `jeton-${n}` } : {}),
  });
  const rows = async (ids: string[]) =>
    (
      await owner.query(
        `SELECT id, kind, to_address, subject, html, text_body, secret, calendar_method, calendar_ics, state FROM mail_outbox WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows;

  it('writes one row per email and queues their jobs once committed, as add() does', async () => {
    const messages = [email(1), email(2, true), email(3)];
    let ids: string[] = [];
    let beforeCommit: unknown[] = [];
    const single = await db.run({ tenantId: null }, async () => {
      ids = await outbox.addMany(messages);
      beforeCommit = await Promise.all(ids.map((id) => producer.queue(QUEUES.mail).getJob(id)));
      return outbox.add(email(4));
    });
    expect(beforeCommit.map(Boolean)).toEqual([false, false, false]);
    expect(new Set(ids).size).toBe(3);
    const written = new Map((await rows(ids)).map((r) => [r.id, r]));
    expect(ids.map((id) => written.get(id)?.to_address)).toEqual(['personne1@exemple.fr', 'personne2@exemple.fr', 'personne3@exemple.fr']);
    const [first, second, third] = ids.map((id) => written.get(id));
    expect(first).toMatchObject({
      kind: 'test_batch',
      subject: 'Compte rendu : Bilan',
      state: 'pending',
      calendar_method: 'REQUEST',
      secret: null,
    });
    expect(first.calendar_ics).toContain('BEGIN:VCALENDAR');
    expect(third).toMatchObject({ calendar_method: null, calendar_ics: null, html: '<p>Bonjour 3</p>', text_body: 'Bonjour 3' });
    // The secret is kept sealed, never in clear, and opens to the right person's.
    expect(second.secret.toString('utf8')).not.toContain('jeton-2');
    expect(secrets.open(second.secret)).toBe('jeton-2');

    const jobs = await Promise.all([...ids, single].map((id) => producer.queue(QUEUES.mail).getJob(id)));
    expect(jobs.map((j) => j?.data)).toEqual([...ids, single].map((outboxId) => ({ outboxId })));
    const options = ({ attempts, backoff, removeOnComplete, removeOnFail }: NonNullable<(typeof jobs)[number]>['opts']) => ({
      attempts,
      backoff,
      removeOnComplete,
      removeOnFail,
    });
    for (const job of jobs.slice(0, 3)) expect(options(job!.opts)).toEqual(options(jobs[3]!.opts));
  });

  it('writes nothing and queues nothing when the transaction rolls back', async () => {
    let ids: string[] = [];
    await expect(
      db.run({ tenantId: null }, async () => {
        ids = await outbox.addMany([email(5), email(6)]);
        throw new Error('the command failed after');
      }),
    ).rejects.toThrow('the command failed after');
    expect(await rows(ids)).toEqual([]);
    expect((await Promise.all(ids.map((id) => producer.queue(QUEUES.mail).getJob(id)))).map(Boolean)).toEqual([false, false]);
  });

  it('refuses the whole batch when one email has a link but no secret (or the reverse)', async () => {
    const broken: OutboxEmail = { ...email(8, true), secret: undefined };
    await expect(db.run({ tenantId: null }, () => outbox.addMany([email(7), broken]))).rejects.toThrow(/secret placeholder/);
    await expect(db.run({ tenantId: null }, () => outbox.addMany([{ ...email(9), secret: 'inutile' }]))).rejects.toThrow(
      /secret placeholder/,
    );
    expect(
      (await owner.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE to_address IN ('personne7@exemple.fr', 'personne9@exemple.fr')`))
        .rows[0].n,
    ).toBe(0);
  });

  it('splits a large send into several statements and job batches, and loses none', async () => {
    const messages = Array.from({ length: 2_500 }, (_, i) => email(100 + i));
    const ids = await db.run({ tenantId: null }, () => outbox.addMany(messages));
    expect(new Set(ids).size).toBe(2_500);
    expect((await owner.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n).toBe(2_500);
    const jobs = await Promise.all(ids.map((id) => producer.queue(QUEUES.mail).getJob(id)));
    expect(jobs.filter(Boolean)).toHaveLength(2_500);
    expect(await db.run({ tenantId: null }, () => outbox.addMany([]))).toEqual([]);
  });
});
