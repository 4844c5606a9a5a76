import { randomUUID } from 'node:crypto';
import { Cluster } from 'ioredis';
import { DataSource } from 'typeorm';
import { CampaignDispatcher } from '@cpts/mailing';
import { Role } from '@cpts/platform-core';
import { createDataSource, Db } from '@cpts/platform-db';
import { emailKey } from '@cpts/platform-identity';
import { createRedis, QueueName, QueueProducer, queuePrefix, QUEUES } from '@cpts/platform-queue';
import { enqueueReminders } from '@cpts/platform-reminders';
import { AppProcess, freePort, GraphQLClient, RedisCluster, SmtpSink, startRedisCluster, TEST_PASSWORD, TestData, waitUntil } from '@cpts/testing';

const RECIPIENTS = 2000;
const prefix = process.env.REDIS_PREFIX as string;

/**
 * The platform on a Redis Cluster (3 masters, 3 replicas): two workers send
 * a campaign while the master of its queue's slot is SIGKILLed, a reminder
 * comes due while the master of the reminder queue's slot is, and a gateway
 * that lived through both still limits sign-in attempts. Every recipient
 * gets exactly one message: a replica takes over, and what asynchronous
 * replication lost comes back from PostgreSQL through the reconcilers.
 */
describe('on a Redis Cluster, through master failovers', () => {
  const data = new TestData();
  const sink = new SmtpSink();
  const apps: Array<{ name: string; process: AppProcess; url: string }> = [];
  let cluster: RedisCluster | undefined;
  let redis: Cluster;
  let producer: QueueProducer;
  let dataSource: DataSource;
  let tenant: string;

  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1, nodeTimeoutMs: 1000 });
    const sinkPort = await sink.start();
    // No REDIS_URL: the apps reach the cluster and nothing else.
    const env = { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes, RECONCILE_INTERVAL_MS: '1000', JOB_LOCK_MS: '5000' };
    const worker = (name: string) => ({
      ...env,
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}?tls=off&name=${name}`,
      MAILING_CONCURRENCY: '10',
      MAILING_RATE_PER_CPTS: '100000',
    });
    for (const [app, name, appEnv] of [
      ['worker', 'worker-a', worker('worker-a')],
      ['worker', 'worker-b', worker('worker-b')],
      ['gateway', 'gateway', env],
    ] as const) {
      const port = await freePort();
      const child = new AppProcess(app, { ...appEnv, [app === 'gateway' ? 'GATEWAY_PORT' : 'WORKER_HTTP_PORT']: String(port) });
      child.start();
      apps.push({ name, process: child, url: `http://127.0.0.1:${port}` });
    }
    redis = createRedis({ REDIS_CLUSTER_NODES: cluster.nodes }, 'client') as Cluster;
    producer = new QueueProducer(redis, prefix);
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'cpts-test', poolSize: 2 });
    await dataSource.initialize();
    tenant = (await data.cpts(await data.region(), { name: 'CPTS de la Bascule' })).id;
    // Ready means the cluster's state is ok as each app sees it (its Redis health check).
    await Promise.all(apps.map((a) => a.process.ready(a.url)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => stop(a.process)));
    await producer?.close();
    redis?.disconnect();
    await dataSource?.destroy();
    await cluster?.stop();
    await sink.stop();
    await data.close();
  });

  /** Kills the master serving `queue`'s slot; once a replica has taken over, starts it again (it comes back as a replica). */
  async function failover(queue: QueueName, during: () => Promise<void> = async () => undefined): Promise<void> {
    const tag = queuePrefix(prefix, queue);
    const master = await cluster!.masterOf(tag);
    await cluster!.kill(master, 'SIGKILL');
    await during();
    await cluster!.failedOver(tag, master);
    await cluster!.restart(master);
  }

  it(`sends a campaign of ${RECIPIENTS} recipients exactly once when the master of its queue's slot dies mid-campaign`, async () => {
    const campaignId = randomUUID();
    await data.inTenant(tenant, async (db) => {
      await db.query(
        `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at)
         VALUES ($1, $2, 'professionals', 'pro_newsletter', 'Lettre de la bascule', '<p>Bonjour</p>', 'CPTS de la Bascule', 'sending', now())`,
        [tenant, campaignId],
      );
      await db.query(
        `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, email, basis)
         SELECT $1, gen_random_uuid(), $2, 'r' || i || '@bascule.exemple.fr', 'work_address_opt_out' FROM generate_series(1, $3) AS i`,
        [tenant, campaignId, RECIPIENTS],
      );
    });
    // The send command's queueing: one job per chunk of ~100, on the cluster.
    await new CampaignDispatcher(new Db(dataSource), producer).enqueue(tenant, campaignId);
    await sink.waitFor((m) => m.length >= RECIPIENTS / 5, 60_000);

    await failover(QUEUES.campaignDelivery, async () => {
      const pending = await data.inTenant(tenant, (db) =>
        db.query(`SELECT count(*)::int AS n FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending'`, [tenant, campaignId]),
      );
      expect(pending.rows[0].n).toBeGreaterThan(0); // killed mid-campaign
    });

    await waitUntil(async () => (await campaignStatus(campaignId)) === 'sent', 90_000, 'the campaign sent and closed').catch((err) => {
      throw new Error(`${err.message} (${sink.messages.length} messages received)\n${apps.map((a) => a.process.output).join('\n')}`);
    });
    await sink.waitFor((m) => m.length >= RECIPIENTS, 10_000);
    await new Promise((r) => setTimeout(r, 1000)); // anything sent twice would arrive now
    const perRecipient = new Map<string, number>();
    for (const m of sink.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient].filter(([, n]) => n !== 1)).toEqual([]);
    expect(perRecipient.size).toBe(RECIPIENTS);
    expect(sink.messages).toHaveLength(RECIPIENTS);
    // Both workers sent their share.
    expect([...new Set(sink.messages.map((m) => m.client))].sort()).toEqual(['worker-a', 'worker-b']);
  }, 150_000);

  it("fires a reminder due while the master of the reminder queue's slot is down, once", async () => {
    sink.messages.length = 0;
    const email = 'rappel.bascule@exemple.fr';
    const reminderId = randomUUID();
    const fireAt = new Date(Date.now() + 2500);
    await data.inTenant(tenant, async (db) => {
      const [person, membership] = [randomUUID(), randomUUID()];
      const commune = (await db.query(`SELECT commune_codes[1] AS c FROM tenants WHERE id = $1`, [tenant])).rows[0].c;
      await db.query(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code, email) VALUES ($1, $2, 'Martin', 'Claire', 'martin claire', '60', $3, $4)`,
        [tenant, person, commune, email],
      );
      await db.query(`INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, $2, $3, 2027, 'pending', 2000, 'liberal')`, [
        tenant,
        membership,
        person,
      ]);
      await db.query(`INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) VALUES ($1, $2, 'membership.renewal', $3, $4)`, [tenant, reminderId, membership, fireAt]);
    });
    // What RemindersService.schedule queues once its transaction commits: a delayed job.
    await enqueueReminders(producer, tenant, [{ id: reminderId, fireAt }]);
    expect(await producer.queue(QUEUES.reminder).getJobState(reminderId)).toBe('delayed');

    await failover(QUEUES.reminder);

    await sink.waitFor(() => sink.to(email).length === 1, 60_000).catch((err) => {
      throw new Error(`${err.message}\n${apps.map((a) => a.process.output).join('\n')}`);
    });
    await new Promise((r) => setTimeout(r, 1500)); // a second firing would arrive now
    expect(sink.to(email)).toHaveLength(1);
    const { rows } = await data.inTenant(tenant, (db) => db.query(`SELECT state, fired_at FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenant, reminderId]));
    expect(rows[0].state).toBe('sent');
    expect(rows[0].fired_at.getTime()).toBeGreaterThanOrEqual(fireAt.getTime() - 1000);
  }, 120_000);

  it('limits sign-in attempts in the cluster, from a gateway that lived through both failovers', async () => {
    const gateway = apps.find((a) => a.name === 'gateway')!;
    const user = await data.user([{ role: Role.STAFF, tenantId: tenant }]);
    const client = new GraphQLClient(gateway.url);
    for (let i = 0; i < 5; i++) expect((await client.login(user.email, `faux ${i}`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await client.login(user.email, TEST_PASSWORD)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // The counters live in the cluster (the gateway has no other Redis).
    expect(await redis.get(`${prefix}:rl:login-account:${emailKey(user.email)}`)).toBe('5');
    for (const app of apps) expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
  }, 60_000);

  async function campaignStatus(campaignId: string): Promise<string> {
    const { rows } = await data.inTenant(tenant, (db) => db.query(`SELECT status FROM campaigns WHERE tenant_id = $1 AND id = $2`, [tenant, campaignId]));
    return rows[0].status;
  }
});

/** SIGTERM (active jobs finish), SIGKILL if still there after 15 s: afterAll never hangs on a stuck process. */
async function stop(app: AppProcess): Promise<void> {
  const timer = setTimeout(() => void app.kill('SIGKILL'), 15_000);
  await app.kill('SIGTERM');
  clearTimeout(timer);
}
