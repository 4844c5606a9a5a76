import { SmtpSink } from '@cpts/testing';
import { deliveries, namedWorker, Outbox, waitUntil, WorkerProcess, workerEnv } from './harness';

/**
 * Against real Redis, PostgreSQL and SMTP: whatever happens to workers,
 * every outbox email reaches its recipient exactly once.
 */
describe('mail worker delivery guarantees', () => {
  let sink: SmtpSink;
  let outbox: Outbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    sink = new SmtpSink();
    env = workerEnv(await sink.start());
    outbox = new Outbox();
  });
  afterAll(async () => {
    await outbox.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.delayMs = 0;
    sink.refuse = null;
  });

  const recipients = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}-${i}@exemple.fr`);

  it('sends every email exactly once when a worker is SIGKILLed mid-batch and restarted', async () => {
    const to = recipients('kill', 300);
    const ids = await outbox.add(to);
    sink.delayMs = 5; // a relay under load: the batch takes a while
    const first = new WorkerProcess(env);
    first.start();
    await sink.waitFor((m) => m.length >= 80, 30_000).catch((err) => {
      throw new Error(`${err.message}\n${first.output}`);
    });
    await first.kill('SIGKILL');
    const atKill = sink.messages.length;
    expect(atKill).toBeLessThan(to.length); // really mid-batch

    const second = new WorkerProcess(env);
    second.start();
    try {
      await waitUntil(async () => (await outbox.states(ids)).sent === to.length, 60_000, 'every email sent');
      await sink.waitFor((m) => m.length >= to.length, 5_000);
      await new Promise((r) => setTimeout(r, 1000)); // anything duplicated would arrive now
      const { perRecipient, duplicates } = deliveries(sink);
      expect(duplicates).toEqual([]);
      expect(to.every((address) => perRecipient.get(address) === 1)).toBe(true);
      expect(sink.messages).toHaveLength(to.length);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 120_000);

  it.each([
    ['in the SMTP envelope, before any data (nothing committed yet)', 'rcpt'],
    ['after the final dot, before the server answers (already committed)', 'data'],
  ] as const)('sends every email exactly once when killed mid-batch with emails frozen %s', async (_label, stage) => {
    const to = recipients(`freeze-${stage}`, 150);
    const ids = await outbox.add(to);
    const first = new WorkerProcess(env);
    first.start();
    await sink.waitFor((m) => m.length >= 40, 30_000);
    const release = sink.hold(stage);
    await waitUntil(() => sink.held[stage] === 5, 10_000, `5 sessions frozen at ${stage}`);
    const frozen = sink.messages.length;
    await first.kill('SIGKILL');
    release();

    const second = new WorkerProcess(env);
    second.start();
    try {
      await waitUntil(async () => (await outbox.states(ids)).sent === to.length, 60_000, 'every email sent');
      await sink.waitFor((m) => m.length >= to.length, 5_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(frozen).toBeLessThan(to.length);
      expect(deliveries(sink).duplicates).toEqual([]);
      expect(sink.messages).toHaveLength(to.length);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 120_000);

  it('sends every email exactly once with two workers running at once, each sending its share', async () => {
    const to = recipients('pair', 200);
    // Every session waits at its envelope until both workers hold some: the first one up cannot take every job.
    const release = sink.hold('rcpt');
    const ids = await outbox.add(to);
    const workers = ['worker-a', 'worker-b'].map((name) => new WorkerProcess(namedWorker(env, name)));
    workers.forEach((w) => w.start());
    try {
      // One worker holds at most its SMTP pool (SMTP_POOL_SIZE, 5 by default): more sessions held means both are sending.
      // Two processes booting on a loaded machine can take a while: a condition awaited, not a delay.
      await waitUntil(() => sink.held.rcpt > 5, 90_000, 'both workers sending').catch((err) => {
        throw new Error(`${err.message} (${sink.held.rcpt} sessions held)\n${workers.map((w) => w.output).join('\n')}`);
      });
      release();
      await waitUntil(async () => (await outbox.states(ids)).sent === to.length, 60_000, 'every email sent');
      await sink.waitFor((m) => m.length >= to.length, 5_000);
      await new Promise((r) => setTimeout(r, 1000));
      const { duplicates } = deliveries(sink);
      expect(duplicates).toEqual([]);
      expect(sink.messages).toHaveLength(to.length);
      expect([...new Set(sink.messages.map((m) => m.client))].sort()).toEqual(['worker-a', 'worker-b']);
    } finally {
      release();
      await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    }
  }, 150_000);

  it('finishes the jobs in hand and exits cleanly on SIGTERM', async () => {
    const to = recipients('term', 60);
    const ids = await outbox.add(to);
    sink.delayMs = 20;
    const worker = new WorkerProcess(env);
    worker.start();
    await sink.waitFor((m) => m.length >= 10, 30_000);
    expect(await worker.kill('SIGTERM')).toBe(0);
    const states = await outbox.states(ids);
    // Stopped mid-way: what was sent is marked sent, the rest waits; nothing is half-done.
    expect(states.sent).toBe(sink.messages.length);
    expect((states.sent ?? 0) + (states.pending ?? 0)).toBe(to.length);

    const again = new WorkerProcess(env);
    again.start();
    try {
      await waitUntil(async () => (await outbox.states(ids)).sent === to.length, 60_000, 'the rest sent');
      // Rows are marked sent just before the final dot: the last messages may still be on the wire.
      await sink.waitFor((m) => m.length >= to.length, 5_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(deliveries(sink).duplicates).toEqual([]);
      expect(sink.messages).toHaveLength(to.length);
    } finally {
      await again.kill('SIGTERM');
    }
  }, 90_000);

  it('re-queues emails Redis lost (reconciler), retries temporary refusals, and records permanent ones', async () => {
    const [lost] = await outbox.add(['lost@exemple.fr'], { enqueue: false, ageSeconds: 60 });
    const [flaky, refused] = await outbox.add(['flaky@exemple.fr', 'nobody@exemple.fr']);
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
      await waitUntil(async () => (await outbox.row(lost)).state === 'sent', 30_000, 'the lost email sent by the reconciler');
      await sink.waitFor(() => sink.to('flaky@exemple.fr').length === 1, 30_000);
      // COMMIT is written before the final dot, but the sink may hold the message a moment before PostgreSQL has applied it.
      await waitUntil(async () => (await outbox.row(flaky)).state === 'sent', 10_000, 'the flaky email marked sent');
      await waitUntil(async () => (await outbox.row(refused)).state === 'failed', 30_000, 'the refused email marked failed');
      expect(await outbox.row(flaky)).toMatchObject({ state: 'sent', attempts: 3 });
      expect(await outbox.row(refused)).toMatchObject({ state: 'failed', last_error: expect.stringContaining('No such user here'), secret: null });
      expect(sink.to('flaky@exemple.fr')).toHaveLength(1);
      expect(sink.to('nobody@exemple.fr')).toHaveLength(0);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it('deletes sent and failed emails past their retention, never a pending one nor a recent one', async () => {
    const [oldSent, oldFailed, recent] = await outbox.add(['ancien@exemple.fr', 'echec@exemple.fr', 'recent@exemple.fr'], { enqueue: false });
    const age = (id: string, state: string, column: string, interval: string) =>
      outbox.pool.query(`UPDATE mail_outbox SET state = $2, ${column} = now() - $3::interval WHERE id = $1`, [id, state, interval]);
    await age(oldSent, 'sent', 'sent_at', '40 days');
    await age(oldFailed, 'failed', 'failed_at', '31 days');
    await age(recent, 'sent', 'sent_at', '2 days');
    // Waiting since long ago (Redis lost its job): still due, so the reconciler sends it.
    const [waiting] = await outbox.add(['en-attente@exemple.fr'], { enqueue: false, ageSeconds: 40 * 86_400 });
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await waitUntil(async () => Object.keys(await outbox.states([oldSent, oldFailed])).length === 0, 30_000, 'old emails deleted');
      await waitUntil(async () => (await outbox.row(waiting)).state === 'sent', 30_000, 'the old pending email sent, not deleted');
      expect(await outbox.states([oldSent, oldFailed, recent, waiting])).toEqual({ sent: 2 });
      expect(sink.to('en-attente@exemple.fr')).toHaveLength(1);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);
});
