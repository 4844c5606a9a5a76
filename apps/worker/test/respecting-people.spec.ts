import { randomUUID } from 'node:crypto';
import { LinkSigner } from '@cpts/platform-mail';
import { CampaignLinks } from '@cpts/mailing';
import { SmtpSink } from '@cpts/testing';
import { Campaigns, waitUntil, WorkerProcess, workerEnv } from './harness';

/**
 * What the worker checks when it sends: a person who objected since the
 * campaign was sent (or was erased), or an address suppressed by a bounce or
 * a complaint, gets nothing more: the delivery is skipped, with its reason.
 * A permanent refusal of the address records a hard bounce in the
 * transaction of the failure. Real Redis, PostgreSQL and SMTP sink.
 */
describe('respecting people at send time', () => {
  let sink: SmtpSink;
  let campaigns: Campaigns;
  let env: Record<string, string>;
  let tenant: string;
  let communes: string[];
  let worker: WorkerProcess;
  let links: CampaignLinks;

  beforeAll(async () => {
    sink = new SmtpSink();
    env = {
      ...workerEnv(await sink.start()),
      // One message at a time, in queue order: "mid-campaign" is then a known point.
      MAILING_CONCURRENCY: '1',
      MAILING_RATE_PER_CPTS: '100000',
      MAIL_BOUNCE_ADDRESS: 'bounces@cpts.test',
      MAIL_UNSUBSCRIBE_ADDRESS: 'desinscription@cpts.test',
    };
    campaigns = new Campaigns();
    const cpts = await campaigns.data.cpts(await campaigns.data.region(), { name: 'CPTS Respect', departement: '24', communes: 2 });
    tenant = cpts.id;
    communes = cpts.communes;
    links = new CampaignLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string, null, null);
    worker = new WorkerProcess(env);
    worker.start();
  });
  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await campaigns.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.refuse = null;
    sink.delayMs = 0;
  });

  const db = <T>(fn: (q: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>) =>
    campaigns.data.inTenant(tenant, (client) => fn(async (sql, params = []) => (await client.query(sql, params)).rows));

  const person = async (email: string) => {
    const id = await campaigns.data.professional(tenant, communes[0]);
    await db((q) => q(`UPDATE professionals SET email = $3 WHERE tenant_id = $1 AND id = $2`, [tenant, id, email]));
    return id;
  };

  /**
   * A sending campaign and its deliveries, queued. One chunk, sent in this
   * order (a chunk sends by delivery id: the ids are made to sort as listed).
   */
  const campaign = async (recipients: Array<{ professionalId: string | null; email: string }>, purpose = 'pro_newsletter') => {
    const campaignId = randomUUID();
    const ids = recipients.map((_, i) => `${String(i).padStart(8, '0')}-${randomUUID().slice(9)}`);
    const chunk = String(1e15 + Math.floor(Math.random() * 1e12));
    await db(async (q) => {
      await q(
        `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at)
         VALUES ($1, $2, 'professionals', $3, 'Lettre', '<p>Bonjour</p>', 'CPTS Respect', 'sending', now())`,
        [tenant, campaignId, purpose],
      );
      for (const [i, r] of recipients.entries()) {
        await q(`INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, professional_id, email, basis, chunk) VALUES ($1, $2, $3, $4, $5, 'work_address_opt_out', $6)`, [
          tenant,
          ids[i],
          campaignId,
          r.professionalId,
          r.email,
          chunk,
        ]);
      }
    });
    await campaigns.enqueue(tenant, campaignId);
    const byEmail = Object.fromEntries(recipients.map((r, i) => [r.email, ids[i]]));
    return { campaignId, ids, byEmail };
  };

  const deliveryRow = async (id: string) =>
    (await db((q) => q(`SELECT state, skip_reason, bounce, last_error FROM campaign_deliveries WHERE tenant_id = $1 AND id = $2`, [tenant, id])))[0];
  const suppressionOf = async (email: string) =>
    (await db((q) => q(`SELECT reason, soft_bounces FROM email_suppressions WHERE tenant_id = $1 AND email = $2`, [tenant, email])))[0] ?? null;
  const settle = (campaignId: string) => waitUntil(async () => (await campaigns.status(tenant, campaignId)) === 'sent', 30_000, 'the campaign closed');

  /** What the gateway's one-click unsubscribe records (ConsentsService.withdraw), written straight here. */
  const withdraw = (professionalId: string, purpose: string) =>
    db(async (q) => {
      const eventId = randomUUID();
      await q(`INSERT INTO consent_events (tenant_id, id, professional_id, purpose, action, method) VALUES ($1, $2, $3, $4, 'withdrawn', 'unsubscribe_link')`, [
        tenant,
        eventId,
        professionalId,
        purpose,
      ]);
      await q(
        `INSERT INTO consents (tenant_id, professional_id, purpose, status, event_id) VALUES ($1, $2, $3, 'withdrawn', $4)
         ON CONFLICT (tenant_id, professional_id, purpose) DO UPDATE SET status = 'withdrawn', event_id = EXCLUDED.event_id`,
        [tenant, professionalId, purpose, eventId],
      );
    });

  it('sends a person nothing more of a purpose once they unsubscribe mid-campaign, and still the purposes they keep', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`lecteur-${i}@exemple.fr`)));
    const leaving = await person('partant@exemple.fr');
    const recipients = [...people.map((id, i) => ({ professionalId: id, email: `lecteur-${i}@exemple.fr` })), { professionalId: leaving, email: 'partant@exemple.fr' }];
    // 300 ms a message, one at a time: the leaving person, last of the chunk, unsubscribes while the first ones go.
    sink.delayMs = 300;
    const { campaignId, byEmail } = await campaign(recipients);
    await sink.waitFor((m) => m.length >= 1, 30_000).catch((err) => {
      throw new Error(`${err.message}\n${worker.output}`);
    });
    await withdraw(leaving, 'pro_newsletter');
    expect(sink.messages.length).toBeLessThan(6);
    await settle(campaignId);
    sink.delayMs = 0;
    // Each message carried its own VERP envelope sender and both unsubscribe ways.
    const first = sink.messages[0];
    const target = links.readBounce(/^bounces\+([A-Za-z0-9_-]+)@cpts\.test$/.exec(first.from)![1]);
    expect(target).toEqual({ tenantId: tenant, deliveryId: byEmail[first.to[0]] });
    expect(first.raw).toMatch(
      /List-Unsubscribe: <http:\/\/cpts\.test\/api\/public\/cpts\/respect\/unsubscribe\/[A-Za-z0-9_-]+>,\r\n <mailto:desinscription@cpts\.test\?subject=unsubscribe-[A-Za-z0-9_-]+>/,
    );

    expect(await deliveryRow(byEmail['partant@exemple.fr'])).toMatchObject({ state: 'skipped', skip_reason: 'withdrawn' });
    // Skipped counts as done: the campaign closed.
    expect(await campaigns.states(tenant, campaignId)).toEqual({ sent: 6, skipped: 1 });

    // The next newsletter skips them too; an invitation (a purpose they kept) still reaches them.
    const next = await campaign([{ professionalId: leaving, email: 'partant@exemple.fr' }, { professionalId: people[0], email: 'lecteur-0@exemple.fr' }]);
    const invitation = await campaign([{ professionalId: leaving, email: 'partant@exemple.fr' }], 'event_invitations');
    await settle(next.campaignId);
    await settle(invitation.campaignId);
    expect(await deliveryRow(next.byEmail['partant@exemple.fr'])).toMatchObject({ state: 'skipped', skip_reason: 'withdrawn' });
    expect(await deliveryRow(invitation.ids[0])).toMatchObject({ state: 'sent' });
    expect(sink.to('partant@exemple.fr')).toHaveLength(1);
    expect(sink.to('partant@exemple.fr')[0].raw).toContain(`X-Cpts-Campaign: ${invitation.campaignId}`);
  }, 60_000);

  it('skips suppressed addresses (hard bounce, complaint, whatever their case) and erased people', async () => {
    const erased = await person('efface@exemple.fr');
    await db(async (q) => {
      await q(`INSERT INTO email_suppressions (tenant_id, email, reason, last_detail) VALUES ($1, 'rebond@exemple.fr', 'hard_bounce', '550 5.1.1'), ($1, 'plainte@exemple.fr', 'complaint', 'abuse')`, [tenant]);
      await q(`INSERT INTO email_suppressions (tenant_id, email, reason, soft_bounces) VALUES ($1, 'pleine@exemple.fr', NULL, 3)`, [tenant]);
      await q(`UPDATE professionals SET erased_at = now(), email = NULL WHERE tenant_id = $1 AND id = $2`, [tenant, erased]);
    });
    const { campaignId, byEmail } = await campaign([
      { professionalId: null, email: 'Rebond@Exemple.fr' },
      { professionalId: null, email: 'plainte@exemple.fr' },
      { professionalId: null, email: 'pleine@exemple.fr' },
      { professionalId: erased, email: 'efface@exemple.fr' },
      { professionalId: null, email: 'bienvenu@exemple.fr' },
    ]);
    await settle(campaignId);
    expect(await deliveryRow(byEmail['Rebond@Exemple.fr'])).toMatchObject({ state: 'skipped', skip_reason: 'hard_bounce' });
    expect(await deliveryRow(byEmail['plainte@exemple.fr'])).toMatchObject({ state: 'skipped', skip_reason: 'complaint' });
    expect(await deliveryRow(byEmail['efface@exemple.fr'])).toMatchObject({ state: 'skipped', skip_reason: 'erased' });
    // Soft bounces below the limit do not stop the mail.
    expect(await deliveryRow(byEmail['pleine@exemple.fr'])).toMatchObject({ state: 'sent' });
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['bienvenu@exemple.fr', 'pleine@exemple.fr']);
  }, 60_000);

  it('records a 5xx refusal of the address as a hard bounce with the failure, and skips the address from then on; a policy refusal suppresses nothing', async () => {
    sink.refuse = (to) => {
      if (to.includes('inconnu@exemple.fr')) return { code: 550, message: '5.1.1 No such user here' };
      if (to.includes('filtre@exemple.fr')) return { code: 554, message: '5.7.1 Message refused by policy' };
      return null;
    };
    const { campaignId, byEmail } = await campaign([
      { professionalId: null, email: 'Inconnu@exemple.fr' },
      { professionalId: null, email: 'filtre@exemple.fr' },
    ]);
    await settle(campaignId);
    expect(await deliveryRow(byEmail['Inconnu@exemple.fr'])).toMatchObject({ state: 'failed', bounce: 'hard_bounce', last_error: expect.stringContaining('No such user here') });
    expect(await suppressionOf('inconnu@exemple.fr')).toEqual({ reason: 'hard_bounce', soft_bounces: 0 });
    expect(await deliveryRow(byEmail['filtre@exemple.fr'])).toMatchObject({ state: 'failed', bounce: null });
    expect(await suppressionOf('filtre@exemple.fr')).toBeNull();

    sink.refuse = null;
    const next = await campaign([{ professionalId: null, email: 'inconnu@exemple.fr' }, { professionalId: null, email: 'filtre@exemple.fr' }]);
    await settle(next.campaignId);
    expect(await deliveryRow(next.byEmail['inconnu@exemple.fr'])).toMatchObject({ state: 'skipped', skip_reason: 'hard_bounce' });
    expect(sink.messages.map((m) => m.to[0])).toEqual(['filtre@exemple.fr']);
  }, 60_000);
});
