import { Role } from '@cpts/platform-core';
import { createDataSource, Db } from '@cpts/platform-db';
import {
  ownDatabase,
  PgBouncer,
  SmtpSink,
  startPgBouncer,
  startTenantLoad,
  TenantLoadReport,
  TEST_PASSWORD,
  TestData,
  waitUntil,
} from '@cpts/testing';
import { client, MAILING_CONCURRENCY, Running, startAll, stop } from './support/many-processes';
import { backendsAroundPgBouncer, Cpts, people, scheduleForNobody } from './support/pgbouncer';

const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { status } }`;
const RECIPIENTS = 25; // three groups of MAILING_CONCURRENCY: three transactions on the chunk's one connection

/**
 * The gateway and a worker, each its own process, through PgBouncer in
 * transaction mode (a few server connections for every client, each
 * transaction on whichever is free): two CPTS's users read in parallel while
 * the worker sends both CPTS's campaigns, invitations and reminders, and
 * nobody ever gets another CPTS's rows or mail. The tenant and the limits
 * are transaction-local, so they hold on shared server connections.
 */
describe('the platform through PgBouncer (pool_mode = transaction)', () => {
  const started: Running[] = [];
  let own: { restore(): Promise<void> } | null = null;
  let pgbouncer: PgBouncer | null = null;
  let sink: SmtpSink;
  let data: TestData;
  let gateway: Running;
  let load: { stop(): Promise<TenantLoadReport> } | null = null;
  const cpts: Record<'a' | 'b', Cpts> = {} as never;

  beforeAll(async () => {
    // A database of its own: every worker sends the whole outbox of its database, and this file counts its mail.
    own = ownDatabase();
    pgbouncer = await startPgBouncer({ poolSize: 3 });
    sink = new SmtpSink();
    const smtpPort = await sink.start();
    data = new TestData();
    const region = await data.region();
    for (const [key, name, departement] of [
      ['a', 'CPTS Alpha Mutualisée', '19'],
      ['b', 'CPTS Bravo Mutualisée', '23'],
    ] as const) {
      const tenant = await data.cpts(region, { name, departement, communes: 1 });
      const team = [
        await data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }]),
        await data.user([{ role: Role.STAFF, tenantId: tenant.id }]),
      ];
      await people(data, tenant, key, RECIPIENTS);
      cpts[key] = { ...tenant, name, key, team: team.map((u) => u.email) };
    }
    const throughPgBouncer = { DATABASE_URL: pgbouncer.url, DATABASE_TRANSACTION_POOLING: 'true', DATABASE_POOL_SIZE: '10' };
    [gateway] = await startAll(
      [
        { app: 'gateway', name: 'gateway', env: { ...throughPgBouncer, TRUST_PROXY: 'true' } },
        {
          app: 'worker',
          name: 'worker',
          env: {
            ...throughPgBouncer,
            SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`,
            MAILING_CONCURRENCY: String(MAILING_CONCURRENCY),
            MAILING_GROUP_SIZE: String(MAILING_CONCURRENCY),
            MAILING_RATE_PER_CPTS: '100000',
            RECONCILE_INTERVAL_MS: '1000',
          },
        },
      ],
      started,
    );
  }, 180_000);
  afterAll(async () => {
    await load?.stop().catch(() => undefined);
    await Promise.all(started.map(stop));
    await pgbouncer?.stop();
    await sink?.stop();
    await data?.close();
    await own?.restore();
  }, 60_000);

  it("keeps each CPTS's rows and mail to itself under a mixed load, the worker's work included, on PgBouncer's three server connections", async () => {
    const signedIn = async (email: string) => {
      const c = client(gateway);
      const result = await c.login(email, TEST_PASSWORD);
      if (result.errors) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
      return c;
    };
    const teams = { a: await Promise.all(cpts.a.team.map(signedIn)), b: await Promise.all(cpts.b.team.map(signedIn)) };
    const users = (['a', 'b'] as const).flatMap((k) => teams[k].map((c) => ({ tenantId: cpts[k].id, client: c })));
    const running = startTenantLoad(users, { year: new Date().getFullYear(), pauseMs: 20 });
    load = { stop: () => running.stop(data) };
    // The apps' own transaction path, through PgBouncer: the connection parameter is dropped, each transaction brings its limit.
    const pooled = createDataSource({ url: (pgbouncer as PgBouncer).url, entities: [], applicationName: 'pgbouncer-spec', poolSize: 2 });
    await pooled.initialize();
    try {
      const db = new Db(pooled);
      const sleeping = db
        .run({ tenantId: null, label: 'too-long' }, () => db.rows(`SELECT pg_sleep(20)`))
        .then(
          () => 'finished',
          (err: { code?: string }) => err.code,
        );
      expect(await pooled.query(`SHOW statement_timeout`)).toEqual([{ statement_timeout: '0' }]);
      expect(
        await db.run({ tenantId: null }, () =>
          db.rows(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`),
        ),
      ).toEqual([{ s: '15s', i: '30s' }]);

      // Both CPTS at once: a campaign each, sent now; an invitation each; a scheduled campaign that reaches nobody (its notice is a reminder).
      const work = await Promise.all(
        (['a', 'b'] as const).map(async (k) => {
          const coordinator = teams[k][0];
          const { createCampaign } = await coordinator.ok<{ createCampaign: { id: string } }>(
            `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
            {
              i: {
                subject: `Lettre ${cpts[k].name}`,
                bodyHtml: '<p>Les rencontres du mois.</p>',
                senderName: cpts[k].name,
                audienceType: 'PROFESSIONALS',
                purpose: 'PRO_NEWSLETTER',
                segment: { professionCodes: ['60'] },
              },
            },
          );
          await coordinator.ok(`mutation($id: ID!) { sendCampaign(id: $id) { status } }`, { id: createCampaign.id });
          await coordinator.ok(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, {
            i: { email: `invite-${k}@exemple.fr`, role: 'STAFF' },
          });
          await scheduleForNobody(data, cpts[k], `Lettre sans public ${cpts[k].name}`);
          return { coordinator, campaign: createCampaign.id };
        }),
      );
      // Meanwhile, PostgreSQL sees the apps through PgBouncer's server connections only, three at most.
      const around = await backendsAroundPgBouncer(pgbouncer as PgBouncer);
      expect(around).toEqual({ outside: [], servers: expect.any(Number) });
      expect(around.servers).toBeLessThanOrEqual(3);

      for (const [i, k] of (['a', 'b'] as const).entries()) {
        await waitUntil(
          async () =>
            (await work[i].coordinator.ok<{ campaign: { status: string } }>(CAMPAIGN, { id: work[i].campaign })).campaign.status === 'SENT',
          60_000,
          `${k}'s campaign sent`,
        ).catch((err: Error) => {
          throw new Error(`${err.message}\n${started.map((app) => app.process.output).join('\n')}\n${pgbouncer?.log}`);
        });
      }
      await sink.waitFor((m) => m.filter((x) => /^(Invitation|Campagne)/.test(x.subject)).length >= 2 + 2 * 2, 60_000);
      expect(await sleeping).toBe('57014'); // query_canceled: statement_timeout, 15 s
    } finally {
      await pooled.destroy();
    }
    load = null;
    const report = await running.stop(data);
    expect({ foreign: report.foreign, errors: report.errors }).toEqual({ foreign: [], errors: [] });
    for (const k of ['a', 'b'] as const) {
      expect(report.requests[cpts[k].id]).toBeGreaterThan(50);
      expect(report.rows[cpts[k].id]).toBeGreaterThanOrEqual(RECIPIENTS);
    }

    // Mail: each CPTS's campaign to its own people, once each; its invitation and its notices (one per team member) name it, never the other.
    for (const [k, other] of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const letters = sink.messages.filter((m) => m.subject === `Lettre ${cpts[k].name}`);
      expect(letters.flatMap((m) => m.to).sort()).toEqual(Array.from({ length: RECIPIENTS }, (_, i) => `${k}-${i + 1}@exemple.fr`).sort());
      const invitation = sink.messages.filter((m) => m.to.includes(`invite-${k}@exemple.fr`));
      expect(invitation.map((m) => m.subject)).toEqual([`Invitation : ${cpts[k].name}`]);
      const notices = sink.messages.filter((m) => m.subject.startsWith(`Campagne « Lettre sans public ${cpts[k].name} »`));
      expect(notices.flatMap((m) => m.to).sort()).toEqual([...cpts[k].team].sort());
      for (const m of [...letters, ...invitation, ...notices]) expect(m.text + m.html).not.toContain(cpts[other].name);
    }
    // PgBouncer carried the apps' transactions: far more than its server connections, which it shared.
    const [stats] = (await (pgbouncer as PgBouncer).show('STATS')).filter(
      (s) => s.database === new URL((pgbouncer as PgBouncer).url).pathname.slice(1),
    );
    expect(Number(stats.total_xact_count)).toBeGreaterThan(report.requests[cpts.a.id] + report.requests[cpts.b.id]);
    // Both apps among its clients (it lends each client's application_name to the server connection it runs on).
    const clients = new Set((await (pgbouncer as PgBouncer).show('CLIENTS')).map((c) => c.application_name));
    expect([...clients].filter((n) => n.startsWith('cpts-')).sort()).toEqual(['cpts-gateway', 'cpts-worker']);
    // Nothing failed on the way, not even once before a retry (a named statement missing on another server connection, a wait for one).
    const failures = started.flatMap((app) => app.process.output.split('\n').filter((line) => /"level":(50|60)|job failed/.test(line)));
    expect(failures).toEqual([]);
  }, 150_000);
});
