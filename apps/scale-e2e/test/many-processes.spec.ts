import { Role } from '@cpts/platform-core';
import { QUEUES } from '@cpts/platform-queue';
import { errorCode, GraphQLClient, SmtpSink, TEST_PASSWORD, TestData, waitUntil } from '@cpts/testing';
import { client, clientIp, extraction, jobsCompleted, MAILING_CONCURRENCY, pollUntilRefused, rpps, Running, startAll, stop } from './support/many-processes';

const ME = `{ me { activeCpts { id } } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;
const PROGRESS = `status progress { total sent failed pending cancelled skipped }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { ${PROGRESS} } }`;
const IMPORT = `query($id: ID!) { directoryImport(id: $id) { status created updated kept rejected } }`;
interface Campaign {
  status: string;
  progress: { total: number; sent: number; failed: number; pending: number; cancelled: number; skipped: number };
}

/**
 * Scale-out on real processes: two gateways and two workers from dist/, each
 * its own Node.js process, on one PostgreSQL, one Redis and one SMTP sink.
 * What one replica knows, the others must too (sessions, rate limits), and
 * the workers share the jobs without doing one twice, even when one stops.
 */
describe('two gateways and two workers, as separate processes', () => {
  const started: Running[] = [];
  let gateways: Running[];
  let workers: Running[];
  let sink: SmtpSink;
  let data: TestData;
  let tenant: { id: string; communes: string[] };
  let staffEmail: string;

  /** `count` nurses (60) or physiotherapists (70) with a work address each: a campaign's audience. */
  const people = (profession: string, tag: string, count: number) =>
    data.inTenant(tenant.id, (db) =>
      db.query(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code, email)
         SELECT $1, gen_random_uuid(), 'Nom' || i, 'Prénom', 'nom' || i || ' prenom', $2, $3, $4 || '-' || i || '@exemple.fr' FROM generate_series(1, $5) i`,
        [tenant.id, profession, tenant.communes[0], tag, count],
      ),
    );
  const signedIn = async (gateway: Running) => {
    const c = client(gateway);
    const result = await c.login(staffEmail, TEST_PASSWORD);
    if (result.errors) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return c;
  };
  /** Creates a campaign to one profession and sends it, through `c`'s gateway. */
  const sendCampaign = async (c: GraphQLClient, subject: string, profession: string) => {
    const input = {
      subject,
      bodyHtml: '<p>Les <a href="https://cpts.test/agenda">rencontres</a> du mois.</p>',
      senderName: 'CPTS Processus',
      audienceType: 'PROFESSIONALS',
      purpose: 'PRO_NEWSLETTER',
      segment: { professionCodes: [profession] },
    };
    const { createCampaign } = await c.ok<{ createCampaign: { id: string } }>(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, { i: input });
    const { sendCampaign } = await c.ok<{ sendCampaign: Campaign }>(`mutation($id: ID!) { sendCampaign(id: $id) { ${PROGRESS} } }`, { id: createCampaign.id });
    return { id: createCampaign.id, sent: sendCampaign };
  };
  const campaign = async (c: GraphQLClient, id: string) => (await c.ok<{ campaign: Campaign }>(CAMPAIGN, { id })).campaign;
  /** Waits until the reconciler closed the campaign, then until the sink has its messages (the last ones may be on the wire). */
  const campaignSent = async (c: GraphQLClient, id: string, subject: string, total: number) => {
    await waitUntil(async () => (await campaign(c, id)).status === 'SENT', 60_000, 'the campaign sent and closed');
    await sink.waitFor((m) => m.filter((x) => x.subject === subject).length >= total, 10_000);
    await new Promise((r) => setTimeout(r, 1000)); // a message sent twice would arrive now
    return sink.messages.filter((m) => m.subject === subject);
  };
  const perRecipient = (messages: Array<{ to: string[] }>) => {
    const counts = new Map<string, number>();
    for (const m of messages) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  };
  /** Resolves once both workers send: each holds at most MAILING_CONCURRENCY sessions, so more held means two senders. */
  const bothSending = () =>
    waitUntil(() => sink.held.rcpt > MAILING_CONCURRENCY, 60_000, 'both workers sending').catch((err: Error) => {
      throw new Error(`${err.message} (${sink.held.rcpt} sessions held)\n${workers.map((w) => w.process.output).join('\n')}`);
    });

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtpPort = await sink.start();
    data = new TestData();
    tenant = await data.cpts(await data.region(), { name: 'CPTS Plusieurs Processus', departement: '17', communes: 2 });
    staffEmail = (await data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email;
    const worker = (name: string) => ({
      app: 'worker' as const,
      name,
      env: {
        // The EHLO name tells the sink which worker sent each message.
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off&name=${name}`,
        MAILING_CONCURRENCY: String(MAILING_CONCURRENCY),
        MAILING_GROUP_SIZE: String(MAILING_CONCURRENCY),
        MAILING_RATE_PER_CPTS: '100000',
        RECONCILE_INTERVAL_MS: '1000',
      },
    });
    // Behind a (pretend) load balancer: X-Forwarded-For is the client's address.
    const gateway = (name: string) => ({ app: 'gateway' as const, name, env: { TRUST_PROXY: 'true' } });
    const apps = await startAll([gateway('gateway-1'), gateway('gateway-2'), worker('worker-1'), worker('worker-2')], started);
    gateways = apps.slice(0, 2);
    workers = apps.slice(2);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(started.map(stop));
    await sink?.stop();
    await data?.close();
  });

  it('refreshes on one gateway a session begun on the other, and each accepts the tokens the other issued', async () => {
    const ip = clientIp();
    const first = client(gateways[0], ip);
    expect((await first.login(staffEmail, TEST_PASSWORD)).errors).toBeUndefined();
    const cookie = first.cookie('cpts_refresh') as string;
    expect(cookie).toBeTruthy();

    const second = client(gateways[1], ip);
    second.setCookie('cpts_refresh', cookie);
    const { refreshSession } = await second.ok<{ refreshSession: { accessToken: string } }>(REFRESH);
    expect(second.cookie('cpts_refresh')).not.toBe(cookie); // rotated, in the shared database

    const back = client(gateways[0], ip);
    back.accessToken = refreshSession.accessToken;
    expect((await back.ok<{ me: { activeCpts: { id: string } } }>(ME)).me.activeCpts.id).toBe(tenant.id);
    // The token gateway 2 rotated refreshes on gateway 1 in turn.
    back.setCookie('cpts_refresh', second.cookie('cpts_refresh') as string);
    expect((await back.ok<{ refreshSession: { accessToken: string } }>(REFRESH)).refreshSession.accessToken).toBeTruthy();
  });

  it('counts failed sign-ins on both gateways against one limit, per account and per address', async () => {
    // All at once, alternating between the gateways: the counters are shared, and counted atomically.
    const attempts = (n: number, attempt: (gateway: Running, i: number) => Promise<string | undefined>) =>
      Promise.all(Array.from({ length: n }, (_, i) => attempt(gateways[i % 2], i)));
    // Per account: 5 failures pause it, even for the right password, on either gateway.
    const victim = (await data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email;
    const ip = clientIp();
    expect(await attempts(5, async (gateway, i) => errorCode(await client(gateway, ip).login(victim, `faux ${i}`)))).toEqual(Array(5).fill('UNAUTHENTICATED'));
    for (const gateway of gateways) expect(errorCode(await client(gateway, ip).login(victim, TEST_PASSWORD))).toBe('RATE_LIMITED');

    // Per address: 30 attempts in all, whichever gateway each reaches, then both refuse.
    const attacker = clientIp();
    expect(await attempts(30, async (gateway, i) => errorCode(await client(gateway, attacker).login(`inconnu${i}@exemple.fr`, 'devine')))).toEqual(
      Array(30).fill('UNAUTHENTICATED'),
    );
    for (const gateway of gateways) expect(errorCode(await client(gateway, attacker).login(staffEmail, TEST_PASSWORD))).toBe('RATE_LIMITED');
  });

  it('carries out a campaign and a directory import started on one gateway exactly once, the campaign on both workers', async () => {
    const subject = 'Lettre à deux workers';
    const recipients = 300; // three chunks of deliveries, three jobs
    await people('60', 'lettre', recipients);
    const staff = await signedIn(gateways[0]);
    // Every session waits at its envelope until both workers hold some: the first one up cannot take every chunk.
    const release = sink.hold('rcpt');
    let campaignId = '';
    let importId = '';
    try {
      const started = await sendCampaign(staff, subject, '60');
      expect(started.sent).toMatchObject({ status: 'SENDING', progress: { total: recipients, pending: recipients } });
      campaignId = started.id;
      const upload = await fetch(`${gateways[0].url}/api/directory/imports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': 'PS_LibreAcces_Personne_activite_202611010930.txt',
          authorization: `Bearer ${staff.accessToken}`,
        },
        body: extraction(40, tenant.communes[1]),
      });
      expect(upload.status).toBe(201);
      importId = ((await upload.json()) as { data: { directoryImport: { id: string } } }).data.directoryImport.id;
      await bothSending();
    } finally {
      release();
    }

    // Followed on the other gateway, with the access token the first one issued.
    const follower = client(gateways[1]);
    follower.accessToken = staff.accessToken;
    const messages = await campaignSent(follower, campaignId, subject, recipients);
    expect(await campaign(follower, campaignId)).toEqual({ status: 'SENT', progress: { total: recipients, sent: recipients, failed: 0, pending: 0, cancelled: 0, skipped: 0 } });
    const counts = perRecipient(messages);
    expect(counts.size).toBe(recipients);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(messages.map((m) => m.client))).toEqual(new Set(['worker-1', 'worker-2']));

    await waitUntil(async () => (await follower.ok<{ directoryImport: { status: string } }>(IMPORT, { id: importId })).directoryImport.status === 'DONE', 60_000, 'the import done');
    expect((await follower.ok<{ directoryImport: unknown }>(IMPORT, { id: importId })).directoryImport).toEqual({ status: 'DONE', created: 40, updated: 0, kept: 40, rejected: 0 });
    const { rows } = await data.inTenant(tenant.id, (db) =>
      db.query(
        `SELECT count(DISTINCT p.id)::int AS people, count(s.*)::int AS sites FROM professionals p LEFT JOIN professional_sites s ON s.tenant_id = p.tenant_id AND s.professional_id = p.id
         WHERE p.tenant_id = $1 AND p.rpps = ANY($2::text[])`,
        [tenant.id, Array.from({ length: 40 }, (_, i) => rpps(i + 1))],
      ),
    );
    expect(rows[0]).toEqual({ people: 40, sites: 40 });

    // Each worker's own counters: both completed campaign chunks, and the import ran once, on one of them.
    const chunks = await Promise.all(workers.map((w) => jobsCompleted(w, QUEUES.campaignDelivery)));
    expect(chunks.every((n) => n > 0)).toBe(true);
    const imports = await Promise.all(workers.map((w) => jobsCompleted(w, QUEUES.directoryImport)));
    expect(imports[0] + imports[1]).toBe(1);
  });

  it('drains the jobs in hand of a worker stopped by SIGTERM mid-campaign, while the other finishes the campaign', async () => {
    const subject = 'Campagne pendant un arrêt';
    const recipients = 400; // four chunks: each worker takes one, the one left running takes the others
    await people('70', 'arret', recipients);
    const staff = await signedIn(gateways[0]);
    const release = sink.hold('rcpt');
    let id = '';
    let exit: Promise<number | null> = Promise.resolve(null);
    let stoppingAt = new Date();
    try {
      ({ id } = await sendCampaign(staff, subject, '70'));
      await bothSending();
      // A scraper polls its metrics all along, on one keep-alive connection: the worker must not wait for it to leave.
      const refused = pollUntilRefused(`${workers[1].url}/metrics`, 30_000);
      stoppingAt = new Date();
      exit = workers[1].process.kill('SIGTERM');
      // It closes its HTTP, then stops taking jobs; the chunk it holds at the sink is still to finish.
      await refused.catch((err: Error) => {
        throw new Error(`${err.message}\n${workers[1].process.output}`);
      });
    } finally {
      release();
    }
    expect(await exit).toBe(0);
    const drained = sink.messages.filter((m) => m.subject === subject && m.client === 'worker-2');
    expect(drained.length).toBeGreaterThan(0);
    expect(drained.every((m) => m.receivedAt >= stoppingAt)).toBe(true);

    const messages = await campaignSent(staff, id, subject, recipients);
    expect(await campaign(staff, id)).toEqual({ status: 'SENT', progress: { total: recipients, sent: recipients, failed: 0, pending: 0, cancelled: 0, skipped: 0 } });
    const counts = perRecipient(messages);
    expect(counts.size).toBe(recipients);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Worker 2 sent only the chunk it had in hand; worker 1 sent the rest.
    expect(messages.filter((m) => m.client === 'worker-1').length).toBe(recipients - drained.length);
    expect(drained.length).toBeLessThan(recipients / 2);
  });
});
