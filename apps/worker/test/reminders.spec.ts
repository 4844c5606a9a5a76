import { randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { createRedis, QueueProducer, QUEUES, REMINDER_JOB_OPTIONS } from '@cpts/platform-queue';
import { SmtpSink, TestData } from '@cpts/testing';
import { Campaigns, waitUntil, WorkerProcess, workerEnv } from './harness';

/**
 * Reminders against real Redis, PostgreSQL and SMTP: they fire at their
 * time, check their condition when they fire, go out once through the mail
 * outbox, and come back from PostgreSQL when Redis never had them.
 */
describe('reminders', () => {
  const data = new TestData();
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  let sink: SmtpSink;
  let env: Record<string, string>;
  let tenant: string;

  beforeAll(async () => {
    sink = new SmtpSink();
    env = workerEnv(await sink.start());
    tenant = (await data.cpts(await data.region(), { name: 'CPTS des Rappels' })).id;
  });
  afterAll(async () => {
    await producer.close();
    redis.disconnect();
    await data.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.refuse = null;
  });

  /** A member of last year with a pending membership for this one; its id. */
  const pendingMember = async (email: string | null, year = 2027): Promise<string> => {
    const [person, membership] = [randomUUID(), randomUUID()];
    await data.inTenant(tenant, async (db) => {
      const commune = (await db.query(`SELECT commune_codes[1] AS c FROM tenants WHERE id = $1`, [tenant])).rows[0].c;
      await db.query(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code, email) VALUES ($1, $2, 'Martin', 'Claire', 'martin claire', '60', $3, $4)`,
        [tenant, person, commune, email],
      );
      await db.query(`INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, $2, $3, $4, 'pending', 2000, 'liberal')`, [tenant, membership, person, year]);
    });
    return membership;
  };
  const remind = async (kind: string, ref: string, fireAt: Date, options: { enqueue?: boolean } = {}): Promise<string> => {
    const id = randomUUID();
    await data.inTenant(tenant, (db) => db.query(`INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) VALUES ($1, $2, $3, $4, $5)`, [tenant, id, kind, ref, fireAt]));
    if (options.enqueue !== false) {
      await producer
        .queue(QUEUES.reminder)
        .add(QUEUES.reminder, { tenantId: tenant, reminderId: id }, { ...REMINDER_JOB_OPTIONS, jobId: id, delay: Math.max(0, fireAt.getTime() - Date.now()) });
    }
    return id;
  };
  const reminder = async (id: string) =>
    (await data.inTenant(tenant, (db) => db.query(`SELECT state, outcome, fired_at AS "firedAt" FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenant, id]))).rows[0] as {
      state: string;
      outcome: string | null;
      firedAt: Date | null;
    };

  it('reminds a member whose renewal is still pending, once, and not one who renewed since', async () => {
    const waiting = await pendingMember('claire.attente@exemple.fr');
    const renewed = await pendingMember('claire.renouvelee@exemple.fr');
    await data.inTenant(tenant, (db) => db.query(`UPDATE memberships SET status = 'active', paid_on = '2027-01-05', payment_means = 'cheque' WHERE tenant_id = $1 AND id = $2`, [tenant, renewed]));
    const toWaiting = await remind('membership.renewal', waiting, new Date());
    const toRenewed = await remind('membership.renewal', renewed, new Date());
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await waitUntil(async () => (await reminder(toWaiting)).state === 'sent' && (await reminder(toRenewed)).state !== 'scheduled', 30_000, 'both reminders fired');
      await sink.waitFor(() => sink.to('claire.attente@exemple.fr').length === 1, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(sink.messages.map((m) => [m.to[0], m.subject])).toEqual([['claire.attente@exemple.fr', 'Renouvellement de votre adhésion 2027 à la CPTS des Rappels']]);
      expect(sink.messages[0].text).toContain('La cotisation est de 20,00 €.');
      expect(await reminder(toRenewed)).toMatchObject({ state: 'skipped', outcome: 'adhésion 2027 déjà traitée (active)' });
      // The same job delivered again changes nothing.
      await producer.queue(QUEUES.reminder).add(QUEUES.reminder, { tenantId: tenant, reminderId: toWaiting }, { ...REMINDER_JOB_OPTIONS, jobId: `${toWaiting}-again` });
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.messages).toHaveLength(1);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it('fires at its time, never a cancelled one, and queues from PostgreSQL what Redis never had', async () => {
    const later = await remind('membership.renewal', await pendingMember('plus.tard@exemple.fr'), new Date(Date.now() + 4000));
    const cancelledRef = await pendingMember('annule@exemple.fr');
    const cancelled = await remind('membership.renewal', cancelledRef, new Date());
    await data.inTenant(tenant, (db) => db.query(`UPDATE reminders SET state = 'cancelled' WHERE tenant_id = $1 AND id = $2`, [tenant, cancelled]));
    const lost = await remind('membership.renewal', await pendingMember('perdu@exemple.fr'), new Date(Date.now() - 60_000), { enqueue: false });
    const noEmail = await remind('membership.renewal', await pendingMember(null), new Date());
    const started = Date.now();
    const worker = new WorkerProcess({ ...env, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    try {
      await waitUntil(async () => (await reminder(lost)).state === 'sent', 30_000, 'the reminder Redis never had, sent by the reconciler');
      await waitUntil(async () => (await reminder(later)).state === 'sent', 30_000, 'the later reminder sent');
      const firedAt = (await reminder(later)).firedAt!;
      expect(firedAt.getTime()).toBeGreaterThanOrEqual(started + 3000);
      await sink.waitFor(() => sink.to('plus.tard@exemple.fr').length === 1 && sink.to('perdu@exemple.fr').length === 1, 30_000);
      expect(await reminder(noEmail)).toMatchObject({ state: 'skipped', outcome: 'pas d’adresse e-mail' });
      expect(await reminder(cancelled)).toMatchObject({ state: 'cancelled' });
      expect(sink.to('annule@exemple.fr')).toHaveLength(0);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it("sends the CPTS team a digest of a campaign's failed deliveries when it ends", async () => {
    const coordinator = await data.user([{ role: Role.COORDINATOR, tenantId: tenant }], 'coordination@cpts-rappels.fr');
    await data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant }], 'bureau@cpts-rappels.fr');
    const campaigns = new Campaigns();
    try {
      const { campaignId } = await campaigns.create(tenant, ['lu@exemple.fr', 'inconnu@exemple.fr']);
      sink.refuse = (to) => (to.includes('inconnu@exemple.fr') ? { code: 550, message: 'No such user here' } : null);
      const worker = new WorkerProcess({ ...env, RECONCILE_INTERVAL_MS: '1000' });
      worker.start();
      try {
        await sink.waitFor(() => sink.to(coordinator.email).length === 1, 30_000);
        const [digest] = sink.to(coordinator.email);
        expect(digest.subject).toBe('Campagne « Lettre de novembre » : 1 envoi en échec');
        expect(digest.text).toContain('inconnu@exemple.fr : ');
        expect(digest.text).toContain('No such user here');
        expect(sink.to('bureau@cpts-rappels.fr')).toHaveLength(0);
        expect(await campaigns.status(tenant, campaignId)).toBe('sent');
      } finally {
        await worker.kill('SIGTERM');
      }
    } finally {
      await campaigns.close();
    }
  }, 60_000);
});
