import { isValidRpps } from '@cpts/directory';
import {
  auditRows,
  checkChain,
  DECISION_CLOSE,
  DECISION_VOTE_REMINDER,
  DecisionLinks,
  DEFAULT_DELEGATION,
  Elector,
  MANDATE_END_REMINDER,
  outcomeOf,
  Result,
  Statutes,
} from '@cpts/governance';
import { loadEnv, MailEnv } from '@cpts/platform-config';
import { createDataSource, Db } from '@cpts/platform-db';
import { SECRET_PLACEHOLDER, SecretBox } from '@cpts/platform-mail';
import { seedDemo, sizeForPopulation } from './demo';
import { allMigrations } from './migrations';
import { generateProfessionals } from './seed';

describe('demo and benchmark data', () => {
  const territory = { communes: [{ code: '24322', name: 'Périgueux', population: 30000 }, { code: '24053', name: 'Boulazac Isle Manoire', population: 11000 }] };

  it('is deterministic for a seed and plausible', () => {
    const one = generateProfessionals(territory, 200, 7);
    const two = generateProfessionals(territory, 200, 7);
    expect(one.map((p) => `${p.lastName} ${p.firstName} ${p.rpps}`)).toEqual(two.map((p) => `${p.lastName} ${p.firstName} ${p.rpps}`));
    expect(one.every((p) => p.rpps === null || isValidRpps(p.rpps))).toBe(true);
    expect(new Set(one.map((p) => p.rpps).filter(Boolean)).size).toBe(one.filter((p) => p.rpps).length);
    expect(one.filter((p) => p.communeCode === '24322').length).toBeGreaterThan(one.filter((p) => p.communeCode === '24053').length);
    expect(new Set(one.map((p) => p.professionCode)).size).toBeGreaterThan(5);
  });

  it('classes CPTS sizes by population as the ACI does', () => {
    expect([20_000, 50_000, 100_000, 200_000].map(sizeForPopulation)).toEqual([1, 2, 3, 4]);
  });

  it('orders migrations by their timestamp', () => {
    const stamps = allMigrations.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect(stamps).toEqual([...stamps].sort((x, y) => x - y));
    expect(stamps.every((s) => Number.isFinite(s))).toBe(true);
  });
});

/**
 * The governance demo as `npm start` loads it, in this run's fresh database:
 * the Grand Périgueux's bureau and CA, the demo board member seated on the
 * bureau under her login's address, the open decision and its opening
 * emails, the numbered register whose results and audit chains hold.
 */
describe('the governance demo', () => {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'seed-test', poolSize: 2 });
  const db = new Db(dataSource);
  const mail = loadEnv(MailEnv);
  let tenantId: string;
  const inTenant = <T>(fn: () => Promise<T>) => db.run({ tenantId, label: 'seed-test' }, fn);
  const rows = <T>(sql: string, params: unknown[] = []) => inTenant(() => db.tenantRows<T>(sql, [tenantId, ...params]));

  beforeAll(async () => {
    await dataSource.initialize();
    expect(await seedDemo(db, mail)).not.toBeNull();
    [{ id: tenantId }] = await db.run({ tenantId: null }, () =>
      db.rows<{ id: string }>(`SELECT id FROM tenants WHERE name = 'CPTS du Grand Périgueux'`),
    );
  }, 120_000);
  afterAll(() => dataSource.destroy());

  it('is loaded once', async () => {
    expect(await seedDemo(db, mail)).toBeNull();
    const [{ count }] = await rows<{ count: number }>(`SELECT count(*)::int AS count FROM governance_instances WHERE tenant_id = $1`);
    expect(count).toBe(2);
  });

  it('has a bureau and a CA with its colleges, the demo board member on the bureau, and a mandate ending within 90 days', async () => {
    const current = await rows<{ kind: string; office: string; college: string | null; email: string | null; daysLeft: number | null }>(
      `SELECT i.kind, m.office, c.membership_college AS college, p.email, least(m.ends_on, m.ended_on) - (now() AT TIME ZONE 'Europe/Paris')::date AS "daysLeft"
       FROM governance_mandates m JOIN governance_instances i ON i.tenant_id = m.tenant_id AND i.id = m.instance_id
       JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
       LEFT JOIN governance_colleges c ON c.tenant_id = m.tenant_id AND c.id = m.college_id
       WHERE m.tenant_id = $1 AND m.starts_on <= (now() AT TIME ZONE 'Europe/Paris')::date
         AND coalesce(least(m.ends_on, m.ended_on), 'infinity') >= (now() AT TIME ZONE 'Europe/Paris')::date`,
    );
    const bureau = current.filter((m) => m.kind === 'bureau');
    expect(bureau.map((m) => m.office).sort()).toEqual(['president', 'secretary', 'treasurer', 'vice_president']);
    // The platform knows a signed-in user is a voter by the address: the board member's login is the présidente's.
    expect(bureau.find((m) => m.office === 'president')?.email).toBe('bureau@demo.cpts.fr');
    const [board] = await db.run({ tenantId: null }, () =>
      db.rows<{ role: string; tenantId: string }>(
        `SELECT ra.role, ra.tenant_id AS "tenantId" FROM users u JOIN role_assignments ra ON ra.user_id = u.id WHERE u.email = 'bureau@demo.cpts.fr'`,
      ),
    );
    expect(board).toEqual({ role: 'BOARD_MEMBER', tenantId });

    const ca = current.filter((m) => m.kind === 'ca');
    expect(ca.length).toBeGreaterThanOrEqual(8);
    expect(ca.length).toBeLessThanOrEqual(12);
    const colleges = await rows<{ code: string }>(
      `SELECT c.membership_college AS code FROM governance_colleges c JOIN governance_instances i ON i.tenant_id = c.tenant_id AND i.id = c.instance_id WHERE c.tenant_id = $1 AND i.kind = 'ca'`,
    );
    expect(colleges.map((c) => c.code).sort()).toEqual(['establishment', 'liberal', 'msp', 'user']);
    expect(ca.every((m) => m.college)).toBe(true);

    const ending = await rows<{ id: string; endsOn: Date }>(
      `SELECT id, ends_on AS "endsOn" FROM governance_mandates WHERE tenant_id = $1 AND ended_on IS NULL
         AND ends_on BETWEEN (now() AT TIME ZONE 'Europe/Paris')::date AND (now() AT TIME ZONE 'Europe/Paris')::date + 89`,
    );
    expect(ending).toHaveLength(1);
    const reminders = await rows<{ fireAt: Date }>(
      `SELECT fire_at AS "fireAt" FROM reminders WHERE tenant_id = $1 AND kind = $2 AND ref = $3 AND state = 'scheduled'`,
      [MANDATE_END_REMINDER, ending[0].id],
    );
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(reminders.every((r) => r.fireAt.getTime() > Date.now())).toBe(true);
    const [{ past }] = await rows<{ past: number }>(
      `SELECT count(*)::int AS past FROM governance_mandates WHERE tenant_id = $1 AND least(ends_on, ended_on) < (now() AT TIME ZONE 'Europe/Paris')::date`,
    );
    expect(past).toBeGreaterThanOrEqual(2);
  });

  it("has one open bureau decision whose opening emails, with each voter's own link, wait in the outbox", async () => {
    const open = await rows<{ id: string; kind: string; deadline: Date }>(
      `SELECT d.id, i.kind, d.deadline FROM governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id
       WHERE d.tenant_id = $1 AND d.status = 'open'`,
    );
    expect(open).toHaveLength(1);
    const [decision] = open;
    expect(decision.kind).toBe('bureau');
    expect(decision.deadline.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    expect(decision.deadline.getTime()).toBeLessThan(Date.now() + 10 * 86_400_000);
    const voters = await rows<{ id: string; email: string; choice: string | null }>(
      `SELECT id, email, choice FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`,
      [decision.id],
    );
    expect(voters).toHaveLength(4);
    expect(voters.find((v) => v.email === 'bureau@demo.cpts.fr')?.choice).toBeNull();

    const emails = await db.run({ tenantId: null }, () =>
      db.rows<{ to: string; subject: string; text: string; secret: Buffer; state: string }>(
        `SELECT to_address AS to, subject, text_body AS text, secret, state FROM mail_outbox WHERE tenant_id = $1 AND kind = 'decision_opening'`,
        [tenantId],
      ),
    );
    expect(emails.map((e) => e.to).sort()).toEqual(voters.map((v) => v.email).sort());
    const links = DecisionLinks.fromEnv(mail);
    const box = new SecretBox(mail.LINK_SECRET);
    for (const e of emails) {
      expect(e.state).toBe('pending');
      expect(e.subject).toMatch(/^Vote : /);
      expect(e.text).toContain(`${SECRET_PLACEHOLDER}?choix=pour`);
      // The sealed secret is the token of the recipient's own voter row, which the gateway accepts.
      expect(links.read(box.open(e.secret))).toEqual({ tenantId, voterId: voters.find((v) => v.email === e.to)!.id });
    }
    const reminders = await rows<{ kind: string; fireAt: Date }>(
      `SELECT kind, fire_at AS "fireAt" FROM reminders WHERE tenant_id = $1 AND ref = $2 AND state = 'scheduled' ORDER BY fire_at`,
      [decision.id],
    );
    expect(reminders.find((r) => r.kind === DECISION_CLOSE)?.fireAt).toEqual(decision.deadline);
    expect(reminders.filter((r) => r.kind === DECISION_VOTE_REMINDER).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a register numbered per year, over two years, with the outcomes the frozen statutes give', async () => {
    const closed = await rows<{
      id: string;
      source: string;
      outcome: string;
      closedBecause: string;
      result: Result;
      statutes: Statutes;
      year: number;
      seq: number;
      closedAt: Date;
      reopensId: string | null;
      meetingId: string | null;
    }>(
      `SELECT id, source, outcome, closed_because AS "closedBecause", result, statutes, register_year AS year, register_seq AS seq, closed_at AS "closedAt",
              reopens_id AS "reopensId", meeting_id AS "meetingId"
       FROM governance_decisions WHERE tenant_id = $1 AND status = 'closed' ORDER BY closed_at`,
    );
    expect(closed.length).toBeGreaterThanOrEqual(6);
    expect(closed.length).toBeLessThanOrEqual(10);
    const counters = await rows<{ year: number; last: number }>(
      `SELECT year, last FROM governance_register_counters WHERE tenant_id = $1 ORDER BY year`,
    );
    expect(counters.length).toBeGreaterThanOrEqual(2);
    for (const { year, last } of counters) {
      const numbered = closed.filter((d) => d.year === year);
      // In the order they closed, from 1, without a gap; the counter at the last one.
      expect(numbered.map((d) => d.seq)).toEqual(numbered.map((_, i) => i + 1));
      expect(last).toBe(numbered.length);
      expect(
        numbered.every(
          (d) => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(d.closedAt)) === year,
        ),
      ).toBe(true);
    }
    expect(new Set(closed.map((d) => d.year)).size).toBe(counters.length);

    for (const d of closed.filter((x) => x.source !== 'session')) {
      const electors = await rows<Elector>(
        `SELECT id, college, choice AS vote, conflict_at IS NOT NULL AS conflict, proxy_to AS "proxyTo" FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`,
        [d.id],
      );
      const result = outcomeOf(electors, d.statutes);
      expect(d.result).toEqual(result);
      expect(d.outcome).toBe(result.outcome);
      expect(d.closedBecause === 'all_voted').toBe(result.tally.participating === result.tally.eligible);
    }
    const outcomes = closed.map((d) => `${d.source}:${d.outcome}`);
    expect(outcomes).toEqual(
      expect.arrayContaining(['written:adopted', 'written:rejected', 'written:no_quorum', 'spending:adopted', 'session:adopted']),
    );
    const session = closed.filter((d) => d.source === 'session');
    expect(session.length).toBeGreaterThanOrEqual(2);
    expect(new Set(session.map((d) => d.meetingId)).size).toBe(1);
    expect(session.every((d) => d.outcome === d.result.outcome && d.result.tally.quorumMet)).toBe(true);
    const noQuorum = closed.find((d) => d.outcome === 'no_quorum')!;
    expect(closed.find((d) => d.reopensId === noQuorum.id)?.outcome).toBe('adopted');
  });

  it("writes every decision's audit chain so that it verifies, the votes as the table holds them", async () => {
    const decisions = await rows<{ id: string; status: string }>(`SELECT id, status FROM governance_decisions WHERE tenant_id = $1`);
    for (const d of decisions) {
      const chain = await inTenant(() => auditRows(db, tenantId, d.id));
      expect(checkChain(tenantId, d.id, chain)).toMatchObject({ ok: true });
      expect(chain[0].event).toMatch(/^(opened|recorded_in_session)$/);
      if (d.status === 'closed') expect(chain.some((e) => e.event === 'closed')).toBe(true);
      // Replayed as DecisionsService.verify does: each voter's last vote, conflict and proxy are the table's.
      const replay = new Map<string, { choice: unknown; conflict: boolean; proxyTo: unknown }>();
      const of = (id: string) => replay.get(id) ?? { choice: null, conflict: false, proxyTo: null };
      for (const e of chain) {
        const voter = e.data.voter as string | undefined;
        if (!voter) continue;
        if (e.event === 'vote' || e.event === 'vote_changed') replay.set(voter, { ...of(voter), choice: e.data.choice });
        if (e.event === 'conflict') replay.set(voter, { choice: null, conflict: true, proxyTo: null });
        if (e.event === 'proxy_given') replay.set(voter, { ...of(voter), proxyTo: e.data.holder });
      }
      const voters = await rows<{ id: string; choice: string | null; conflict: boolean; proxyTo: string | null }>(
        `SELECT id, choice, conflict_at IS NOT NULL AS conflict, proxy_to AS "proxyTo" FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`,
        [d.id],
      );
      for (const v of voters) expect(of(v.id)).toEqual({ choice: v.choice, conflict: v.conflict, proxyTo: v.proxyTo });
    }
  });

  it("has spending under the default thresholds, one awaiting the treasurer's check", async () => {
    expect(await rows(`SELECT 1 FROM governance_settings WHERE tenant_id = $1`)).toEqual([]);
    const spending = await rows<{ route: string; amount: number; check: string | null; outcome: string | null }>(
      `SELECT s.route, s.amount_cents::float8 AS amount, s.check_status AS check, d.outcome FROM spending_requests s
       LEFT JOIN governance_decisions d ON d.tenant_id = s.tenant_id AND d.id = s.decision_id WHERE s.tenant_id = $1`,
    );
    const pending = spending.filter((s) => s.check === 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ route: 'staff' });
    expect(pending[0].amount).toBeLessThanOrEqual(DEFAULT_DELEGATION.staffLimitCents);
    const bureau = spending.find((s) => s.route === 'bureau')!;
    expect(bureau.amount).toBeGreaterThan(DEFAULT_DELEGATION.staffLimitCents);
    expect(bureau.amount).toBeLessThanOrEqual(DEFAULT_DELEGATION.bureauLimitCents);
    expect(bureau.outcome).toBe('adopted');
  });
});
