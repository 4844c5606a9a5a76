import { SmtpSink } from '@cpts/testing';
import { Campaigns, deliveries, namedWorker, PrivateRedis, waitUntil, WorkerProcess, workerEnv } from './harness';

/**
 * Campaigns against real Redis, PostgreSQL and an SMTP sink: whatever
 * happens to workers or to Redis, every recipient gets exactly one message,
 * and the staff's pause, resume and cancel take effect.
 */
describe('campaign delivery guarantees', () => {
  let sink: SmtpSink;
  let campaigns: Campaigns;
  let env: Record<string, string>;
  let tenant: string;

  beforeAll(async () => {
    sink = new SmtpSink();
    env = { ...workerEnv(await sink.start()), MAILING_CONCURRENCY: '8', MAILING_RATE_PER_CPTS: '100000' };
    campaigns = new Campaigns();
    tenant = await campaigns.tenant('CPTS Campagnes');
  });
  afterAll(async () => {
    await campaigns.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.delayMs = 0;
    sink.refuse = null;
  });

  const recipients = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}-${i}@exemple.fr`);
  const settled = async (tenantId: string, campaignId: string, n: number) => {
    await waitUntil(async () => (await campaigns.states(tenantId, campaignId)).sent === n, 60_000, 'every delivery sent');
    await sink.waitFor((m) => m.length >= n, 5_000);
    await new Promise((r) => setTimeout(r, 1000)); // anything duplicated would arrive now
  };

  it('renders a responsive email with a plain-text part, the CPTS and why the person receives it', async () => {
    const { campaignId } = await campaigns.create(tenant, ['lecteur@exemple.fr']);
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await settled(tenant, campaignId, 1);
      const [mail] = sink.messages;
      expect(mail.subject).toBe('Lettre de novembre');
      expect(mail.raw).toMatch(/^From: CPTS Test <no-reply@cpts\.localhost>$/m);
      expect(mail.html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
      expect(mail.html).toContain('CPTS Campagnes');
      // The body's link goes through the signed click-tracking redirect; the unsubscribe is one click away.
      expect(mail.text).toMatch(/Les rencontres \(http:\/\/[^/]+\/api\/public\/c\/[A-Za-z0-9_-]+\) du mois\./);
      // Under the CPTS's readable address (CPTS Campagnes: campagnes), no id in sight.
      expect(mail.raw).toMatch(/^List-Unsubscribe: <http:\/\/[^/]+\/api\/public\/cpts\/campagnes\/unsubscribe\/[A-Za-z0-9_-]+>$/m);
      expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(mail.text).toMatch(
        /Se désinscrire ou choisir ce que vous recevez : http:\/\/[^/]+\/cpts\/campagnes\/preferences\/[A-Za-z0-9_-]+/,
      );
      expect(mail.text).toContain('Vous recevez ce message à votre adresse professionnelle, en tant que professionnel de santé du territoire. Expéditeur : CPTS Campagnes.');
      // The reconciler closes a campaign with nobody left to send to.
      await waitUntil(async () => (await campaigns.status(tenant, campaignId)) === 'sent', 10_000, 'the campaign closed');
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it('sends every message exactly once when a worker is SIGKILLed mid-campaign and restarted', async () => {
    const to = recipients('kill', 300);
    const { campaignId } = await campaigns.create(tenant, to);
    sink.delayMs = 5;
    const first = new WorkerProcess(env);
    first.start();
    await sink.waitFor((m) => m.length >= 80, 30_000).catch((err) => {
      throw new Error(`${err.message}\n${first.output}`);
    });
    await first.kill('SIGKILL');
    expect(sink.messages.length).toBeLessThan(to.length);
    const second = new WorkerProcess(env);
    second.start();
    try {
      await settled(tenant, campaignId, to.length);
      const { perRecipient, duplicates } = deliveries(sink);
      expect(duplicates).toEqual([]);
      expect(to.every((address) => perRecipient.get(address) === 1)).toBe(true);
      expect(sink.messages).toHaveLength(to.length);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 120_000);

  it('sends every message exactly once with two workers running at once, each sending its share', async () => {
    const to = recipients('pair', 300);
    // Every session waits at its envelope until both workers hold some: the first one up cannot take every chunk.
    const release = sink.hold('rcpt');
    const { campaignId } = await campaigns.create(tenant, to);
    const workers = ['worker-a', 'worker-b'].map((name) => new WorkerProcess(namedWorker(env, name)));
    workers.forEach((w) => w.start());
    try {
      // One worker holds at most its SMTP pool (MAILING_CONCURRENCY): more sessions held means both are sending.
      // Two processes booting on a loaded machine can take a while: a condition awaited, not a delay.
      await waitUntil(() => sink.held.rcpt > Number(env.MAILING_CONCURRENCY), 90_000, 'both workers sending').catch((err) => {
        throw new Error(`${err.message} (${sink.held.rcpt} sessions held)\n${workers.map((w) => w.output).join('\n')}`);
      });
      release();
      await settled(tenant, campaignId, to.length);
      expect(deliveries(sink).duplicates).toEqual([]);
      expect(sink.messages).toHaveLength(to.length);
      expect([...new Set(sink.messages.map((m) => m.client))].sort()).toEqual(['worker-a', 'worker-b']);
    } finally {
      release();
      await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    }
  }, 150_000);

  it('sends every message exactly once when Redis restarts empty mid-campaign (the reconciler re-queues from PostgreSQL)', async () => {
    const redis = new PrivateRedis(16_379 + Math.floor(Math.random() * 1000));
    await redis.start();
    const worker = new WorkerProcess({ ...env, REDIS_URL: redis.url });
    let release = () => undefined as void;
    try {
      const to = recipients('redis', 300);
      // Queued through a client of the private Redis, closed before Redis dies: only the worker lives through it.
      const local = new Campaigns(redis.url);
      const { campaignId } = await local.create(tenant, to).finally(() => local.close());
      worker.start();
      await sink.waitFor((m) => m.length >= 60, 30_000);
      // The sink stops taking envelopes: the campaign cannot finish before Redis goes, whatever the machine's speed.
      release = sink.hold('rcpt');
      const atLoss = await campaigns.states(tenant, campaignId);
      expect(atLoss.pending ?? 0).toBeGreaterThan(0); // recovery has work to do
      await redis.kill(); // every job, waiting or active, is gone
      await redis.start();
      release();
      await settled(tenant, campaignId, to.length);
      expect(deliveries(sink).duplicates).toEqual([]);
      expect(sink.messages).toHaveLength(to.length);
    } finally {
      release();
      await worker.kill('SIGTERM');
      await redis.kill();
    }
  }, 120_000);

  it('pauses (nothing more goes out), resumes (the rest goes, once), and cancels (the pending are not sent)', async () => {
    const to = recipients('pause', 200);
    const { campaignId } = await campaigns.create(tenant, to);
    sink.delayMs = 20;
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await sink.waitFor((m) => m.length >= 30, 30_000);
      await campaigns.status(tenant, campaignId, 'paused');
      await new Promise((r) => setTimeout(r, 1500)); // the messages in flight land
      const atPause = sink.messages.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.messages.length).toBe(atPause);
      expect(atPause).toBeLessThan(to.length);
      // Resuming queues the pending again (what the gateway does).
      await campaigns.status(tenant, campaignId, 'sending');
      await campaigns.enqueue(tenant, campaignId);
      await settled(tenant, campaignId, to.length);
      expect(deliveries(sink).duplicates).toEqual([]);

      sink.messages.length = 0;
      const second = await campaigns.create(tenant, recipients('cancel', 200));
      await sink.waitFor((m) => m.length >= 20, 30_000);
      await campaigns.status(tenant, second.campaignId, 'cancelled');
      await waitUntil(async () => ((await campaigns.states(tenant, second.campaignId)).pending ?? 0) === 0, 30_000, 'no delivery left pending');
      const states = await campaigns.states(tenant, second.campaignId);
      expect(states.cancelled).toBeGreaterThan(0);
      expect(sink.messages).toHaveLength(states.sent);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 120_000);

  it('retries a temporary refusal and records a permanent one without retrying it', async () => {
    const { ids } = await campaigns.create(tenant, ['flaky@exemple.fr', 'nobody@exemple.fr']);
    let flakyRefusals = 0;
    sink.refuse = (to) => {
      if (to.includes('nobody@exemple.fr')) return { code: 550, message: 'No such user here' };
      if (to.includes('flaky@exemple.fr') && flakyRefusals < 2) {
        flakyRefusals += 1;
        return { code: 451, message: 'Try again later' };
      }
      return null;
    };
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      // The sink refuses at the end of data, after the row was marked sent (then set back to pending): wait for the real delivery.
      await sink.waitFor(() => sink.to('flaky@exemple.fr').length === 1, 30_000);
      await waitUntil(async () => (await campaigns.delivery(tenant, ids[0])).state === 'sent', 30_000, 'the flaky one sent');
      await waitUntil(async () => (await campaigns.delivery(tenant, ids[1])).state === 'failed', 30_000, 'the refused one failed');
      expect(await campaigns.delivery(tenant, ids[0])).toMatchObject({ state: 'sent', attempts: 3 });
      expect(await campaigns.delivery(tenant, ids[1])).toMatchObject({ state: 'failed', attempts: 1, last_error: expect.stringContaining('No such user here') });
      expect(sink.to('nobody@exemple.fr')).toHaveLength(0);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it("holds each CPTS to its rate, without slowing another CPTS's campaign", async () => {
    const other = await campaigns.tenant('CPTS Voisine');
    const slow = await campaigns.create(tenant, recipients('slow', 60));
    const fast = await campaigns.create(other, recipients('fast', 10));
    const started = Date.now();
    const worker = new WorkerProcess({ ...env, MAILING_RATE_PER_CPTS: '20' });
    worker.start();
    try {
      await waitUntil(async () => (await campaigns.states(other, fast.campaignId)).sent === 10, 30_000, "the other CPTS's campaign sent");
      const otherDone = Date.now();
      expect((await campaigns.states(tenant, slow.campaignId)).sent ?? 0).toBeLessThan(60);
      await waitUntil(async () => (await campaigns.states(tenant, slow.campaignId)).sent === 60, 30_000, 'the rate-limited campaign sent');
      // 60 messages at 20 a second: at least two more seconds after the first 20.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(otherDone - started).toBeLessThan(Date.now() - started);
      expect(deliveries(sink).duplicates).toEqual([]);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);
});
