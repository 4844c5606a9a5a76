import { CallsService } from '@cpts/calls';
import { isValidRpps } from '@cpts/directory';
import {
  auditRows,
  checkChain,
  DECISION_CLOSE,
  DECISION_VOTE_REMINDER,
  DecisionLinks,
  DEFAULT_DELEGATION,
  Elector,
  INSTANCE_OWNER,
  MANDATE_END_REMINDER,
  outcomeOf,
  registerNumber,
  Result,
  Statutes,
} from '@cpts/governance';
import { amountForMinutes, MEETING_SOURCE } from '@cpts/payments';
import { loadEnv, MailEnv } from '@cpts/platform-config';
import { createDataSource, Db } from '@cpts/platform-db';
import { SECRET_PLACEHOLDER, SecretBox } from '@cpts/platform-mail';
import { RemindersService } from '@cpts/platform-reminders';
import { seedDemo, sizeForPopulation } from './demo';
import { planCallsDemo } from './demo-calls';
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
    // Its own (the calls demo opens another, on a project: see below).
    const open = await rows<{ id: string; kind: string; deadline: Date }>(
      `SELECT d.id, i.kind, d.deadline FROM governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id
       WHERE d.tenant_id = $1 AND d.status = 'open' AND d.subject_kind IS NULL`,
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

    const emails = await openingEmails(db, mail, tenantId, voters);
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
      subjectKind: string | null;
    }>(
      `SELECT id, source, outcome, closed_because AS "closedBecause", result, statutes, register_year AS year, register_seq AS seq, closed_at AS "closedAt",
              reopens_id AS "reopensId", meeting_id AS "meetingId", subject_kind AS "subjectKind"
       FROM governance_decisions WHERE tenant_id = $1 AND status = 'closed' ORDER BY closed_at`,
    );
    // Its own; the calls demo's votes on projects are numbered among them (checked with them below).
    const own = closed.filter((d) => !d.subjectKind);
    expect(own.length).toBeGreaterThanOrEqual(6);
    expect(own.length).toBeLessThanOrEqual(10);
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

/** The opening emails in the outbox whose sealed link is one of these voters' (each open decision mails its own voters). */
async function openingEmails(db: Db, mail: MailEnv, tenantId: string, voters: Array<{ id: string }>) {
  const links = DecisionLinks.fromEnv(mail);
  const box = new SecretBox(mail.LINK_SECRET);
  const emails = await db.run({ tenantId: null }, () =>
    db.rows<{ to: string; subject: string; text: string; secret: Buffer; state: string }>(
      `SELECT to_address AS to, subject, text_body AS text, secret, state FROM mail_outbox WHERE tenant_id = $1 AND kind = 'decision_opening'`,
      [tenantId],
    ),
  );
  return emails.filter((e) => voters.some((v) => v.id === links.read(box.open(e.secret))?.voterId));
}

/**
 * The calls demo as `npm start` loads it: this year's Pro Actif call with a
 * project at each stage, the bureau's votes on them in the register (one
 * open, mailed to the bureau), the workshops held as the projects' meetings,
 * the speakers' payment lines, the indemnités of the CA meeting, and an
 * envelope whose figures are the platform's own.
 */
describe('the calls demo', () => {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'seed-test', poolSize: 2 });
  const db = new Db(dataSource);
  const mail = loadEnv(MailEnv);
  let tenantId: string;
  const inTenant = <T>(fn: () => Promise<T>) => db.run({ tenantId, label: 'seed-test' }, fn);
  const rows = <T>(sql: string, params: unknown[] = []) => inTenant(() => db.tenantRows<T>(sql, [tenantId, ...params]));
  // Reads only (row, envelope): no reminder is scheduled through it here.
  const calls = new CallsService(db, null as unknown as RemindersService);
  interface ProjectRow {
    id: string;
    seq: number;
    status: string;
    budget: number;
    approved: number | null;
    decisionId: string | null;
    criteria: Array<{ actual: string | null }>;
  }
  let call: { id: string; hourlyRateCents: number; flatFeeCents: number };
  let projects: ProjectRow[];

  beforeAll(async () => {
    await dataSource.initialize();
    // Loaded by the governance demo's tests when they ran first; here when run alone.
    await seedDemo(db, mail);
    [{ id: tenantId }] = await db.run({ tenantId: null }, () =>
      db.rows<{ id: string }>(`SELECT id FROM tenants WHERE name = 'CPTS du Grand Périgueux'`),
    );
    const { year } = planCallsDemo();
    [call] = await rows(`SELECT id, hourly_rate_cents AS "hourlyRateCents", flat_fee_cents AS "flatFeeCents" FROM calls WHERE tenant_id = $1 AND year = $2`, [year]);
    projects = await rows<ProjectRow>(
      `SELECT id, seq, status, budget_cents::float8 AS budget, approved_cents::float8 AS approved, decision_id AS "decisionId", criteria
       FROM call_projects WHERE tenant_id = $1 AND call_id = $2 ORDER BY seq`,
      [call.id],
    );
  }, 120_000);
  afterAll(() => dataSource.destroy());

  it("has this year's call closed with a project at every stage, and next year's published, upcoming, its drafts' reminders scheduled", async () => {
    const { year } = planCallsDemo();
    const [thisYear, nextYear] = await inTenant(async () => {
      const ids = await db.tenantRows<{ id: string }>(`SELECT id FROM calls WHERE tenant_id = $1 ORDER BY year`, [tenantId]);
      return Promise.all(ids.map((c) => calls.row(c.id)));
    });
    expect(thisYear).toMatchObject({ year, slug: `pro-actif-${year}`, state: 'closed', opensOn: `${year}-01-15`, closesOn: `${year}-03-31` });
    expect(thisYear).toMatchObject({ envelopeCents: 1_500_000, flatFeeCents: 10_000, hourlyRateCents: 6_000, membersOnly: false, requiredCriteria: ['Participation'] });
    expect(thisYear.rubric.map((l) => l.weight)).toEqual([3, 2, 1]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect(nextYear).toMatchObject({
      year: year + 1,
      publishedAt: expect.any(Date),
      state: today < `${year + 1}-01-15` ? 'upcoming' : today <= `${year + 1}-03-31` ? 'open' : 'closed',
    });
    const reminders = await rows<{ fireAt: Date }>(`SELECT fire_at AS "fireAt" FROM reminders WHERE tenant_id = $1 AND ref = $2 AND state = 'scheduled'`, [
      nextYear.id,
    ]);
    expect(reminders).toHaveLength(2);
    expect(reminders.every((r) => r.fireAt.getTime() > Date.now())).toBe(true);

    const count = (status: string) => projects.filter((p) => p.status === status).length;
    expect(projects.map((p) => p.seq)).toEqual(projects.map((_, i) => i + 1));
    expect(
      Object.fromEntries(['evaluated', 'completed', 'in_progress', 'approved', 'rejected', 'ready_for_bureau', 'changes_requested'].map((s) => [s, count(s)])),
    ).toEqual({ evaluated: 1, completed: 1, in_progress: 2, approved: 1, rejected: 1, ready_for_bureau: 1, changes_requested: 1 });
  });

  it("puts the bureau's outcome on each project voted on, the decision in the register, and one vote open with its emails to the bureau", async () => {
    const decisions = await rows<{ id: string; status: string; outcome: string | null; subjectKind: string; subjectRef: string; year: number; seq: number; deadline: Date }>(
      `SELECT id, status, outcome, subject_kind AS "subjectKind", subject_ref AS "subjectRef", register_year AS year, register_seq AS seq, deadline
       FROM governance_decisions WHERE tenant_id = $1 AND subject_kind IS NOT NULL`,
    );
    const committed = ['approved', 'in_progress', 'completed', 'evaluated'];
    for (const p of projects.filter((x) => x.decisionId)) {
      const d = decisions.find((x) => x.id === p.decisionId)!;
      expect(d).toMatchObject({ subjectKind: 'call_project', subjectRef: p.id });
      if (p.status === 'ready_for_bureau') continue;
      expect(d.status).toBe('closed');
      expect(d.outcome).toBe(committed.includes(p.status) ? 'adopted' : 'rejected');
      expect(p.approved).toBe(committed.includes(p.status) ? p.budget : null);
      const [outcome] = await rows<{ actorName: string }>(
        `SELECT actor_name AS "actorName" FROM call_project_events WHERE tenant_id = $1 AND project_id = $2 AND actor = 'system'`,
        [p.id],
      );
      expect(outcome.actorName).toBe(`Bureau (décision ${registerNumber(d.year, d.seq)})`);
    }
    expect(projects.filter((p) => p.decisionId).map((p) => p.status).sort()).toEqual(
      ['approved', 'completed', 'evaluated', 'in_progress', 'in_progress', 'ready_for_bureau', 'rejected'].sort(),
    );

    const voting = projects.find((p) => p.status === 'ready_for_bureau')!;
    const open = decisions.find((d) => d.id === voting.decisionId)!;
    expect(open.status).toBe('open');
    const voters = await rows<{ id: string; email: string; choice: string | null }>(
      `SELECT id, email, choice FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`,
      [open.id],
    );
    expect(voters).toHaveLength(4);
    expect(voters.find((v) => v.email === 'bureau@demo.cpts.fr')?.choice).toBeNull();
    const emails = await openingEmails(db, mail, tenantId, voters);
    expect(emails.map((e) => e.to).sort()).toEqual(voters.map((v) => v.email).sort());
    expect(emails.every((e) => e.state === 'pending' && e.subject.includes('P07'))).toBe(true);
    const [close] = await rows<{ fireAt: Date }>(`SELECT fire_at AS "fireAt" FROM reminders WHERE tenant_id = $1 AND ref = $2 AND kind = $3`, [
      open.id,
      DECISION_CLOSE,
    ]);
    expect(close.fireAt).toEqual(open.deadline);
  });

  it("tells each project's history in order, from the draft to its status, with the team's notes in the thread and its scores", async () => {
    for (const p of projects) {
      const events = await rows<{ at: Date; from: string | null; to: string; actor: string; note: string | null }>(
        `SELECT at, from_status AS from, to_status AS to, actor, note FROM call_project_events WHERE tenant_id = $1 AND project_id = $2 ORDER BY at, id`,
        [p.id],
      );
      expect(events[0]).toMatchObject({ from: null, to: 'draft', actor: 'proposer' });
      events.slice(1).forEach((e, i) => expect(e.from).toBe(events[i].to));
      expect(events[events.length - 1].to).toBe(p.status);
      const comments = await rows<{ author: string; body: string }>(
        `SELECT author, body FROM call_project_comments WHERE tenant_id = $1 AND project_id = $2`,
        [p.id],
      );
      expect(comments.length).toBeGreaterThanOrEqual(2);
      for (const e of events.filter((x) => x.to === 'changes_requested'))
        expect(comments).toContainEqual({ author: 'team', body: e.note });
      const [scores] = await rows<{ n: number; bad: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE score NOT BETWEEN 0 AND 5 OR criterion NOT BETWEEN 0 AND 2)::int AS bad
         FROM call_project_scores WHERE tenant_id = $1 AND project_id = $2`,
        [p.id],
      );
      expect(scores.n).toBeGreaterThanOrEqual(3);
      expect(scores.bad).toBe(0);
      expect(p.criteria.every((c) => (p.status === 'evaluated') === Boolean(c.actual))).toBe(true);
    }
  });

  it('holds the workshops as meetings of their project, guests counted, and pays each speaker from the fee schedule', async () => {
    const workshops = await rows<{
      id: string;
      projectId: string;
      minutes: number;
      participants: number;
      speakers: string[];
      ownerKind: string;
      ownerId: string;
      held: boolean;
      guests: number;
      present: number;
    }>(
      `SELECT w.id, w.project_id AS "projectId", w.minutes, w.participants, w.speakers, m.owner_kind AS "ownerKind", m.owner_id AS "ownerId",
              m.status = 'scheduled' AND m.ends_at < now() AS held, m.guest_count AS guests,
              (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND i.attendance = 'present') AS present
       FROM call_workshops w JOIN meetings m ON m.tenant_id = w.tenant_id AND m.id = w.meeting_id WHERE w.tenant_id = $1`,
    );
    const lines = await rows<{ professionalId: string; amount: number; source: string; ref: string; status: string; kind: string }>(
      `SELECT professional_id AS "professionalId", amount_cents::float8 AS amount, source, source_ref AS ref, status, kind FROM payment_lines WHERE tenant_id = $1`,
    );
    const of = (status: string) => projects.filter((p) => p.status === status).map((p) => p.id);
    expect(new Set(workshops.map((w) => w.projectId))).toEqual(new Set([...of('evaluated'), ...of('completed'), ...of('in_progress')]));
    for (const w of workshops) {
      expect(w).toMatchObject({ ownerKind: 'call_project', ownerId: w.projectId, held: true });
      expect(w.guests + w.present).toBe(w.participants);
      expect(w.guests).toBeGreaterThan(0);
      const mine = lines.filter((l) => l.source === 'call_workshop' && l.ref === w.id);
      expect(mine.map((l) => l.professionalId).sort()).toEqual([...w.speakers].sort());
      expect(mine.every((l) => l.kind === 'remuneration' && l.amount === amountForMinutes(w.minutes, call.hourlyRateCents))).toBe(true);
    }
    for (const p of projects) {
      const speakers = new Set(workshops.filter((w) => w.projectId === p.id).flatMap((w) => w.speakers));
      const debrief = lines.filter((l) => l.source === 'call_debrief' && l.ref === p.id);
      const debriefed = ['completed', 'evaluated'].includes(p.status);
      expect(new Set(debrief.map((l) => l.professionalId))).toEqual(debriefed ? speakers : new Set());
      expect(debrief.every((l) => l.amount === call.flatFeeCents)).toBe(true);
      const fees = [...debrief, ...lines.filter((l) => l.source === 'call_workshop' && workshops.some((w) => w.id === l.ref && w.projectId === p.id))];
      // In progress: to pay; evaluated: partly paid.
      if (p.status === 'in_progress') expect(fees.every((l) => l.status === 'to_pay')).toBe(true);
      if (p.status === 'evaluated') expect(new Set(fees.map((l) => l.status))).toEqual(new Set(['paid', 'to_pay']));
    }
  });

  it("adds up the envelope as the platform does: committed the approved budgets, pending the one voted on, paid the call's lines paid", async () => {
    const envelope = await inTenant(async () => calls.envelope(await calls.row(call.id)));
    const committed = projects.filter((p) => ['approved', 'in_progress', 'completed', 'evaluated'].includes(p.status));
    expect(envelope.committedCents).toBe(committed.reduce((s, p) => s + p.budget, 0));
    expect(envelope.committedCents).toBe(committed.reduce((s, p) => s + p.approved!, 0));
    expect(envelope.pendingCents).toBe(projects.find((p) => p.status === 'ready_for_bureau')!.budget);
    const [{ paid }] = await rows<{ paid: number }>(
      `SELECT coalesce(sum(l.amount_cents), 0)::float8 AS paid FROM payment_lines l
       WHERE l.tenant_id = $1 AND l.status = 'paid'
         AND ((l.source = 'call_workshop' AND l.source_ref IN (SELECT w.id FROM call_workshops w JOIN call_projects p ON p.tenant_id = w.tenant_id AND p.id = w.project_id
                                                              WHERE w.tenant_id = $1 AND p.call_id = $2))
              OR (l.source = 'call_debrief' AND l.source_ref IN (SELECT id FROM call_projects WHERE tenant_id = $1 AND call_id = $2)))`,
      [call.id],
    );
    expect(paid).toBeGreaterThan(0);
    expect(envelope.paidCents).toBe(paid);
    expect(envelope.paidCents).toBeLessThan(envelope.committedCents);
    expect(envelope.availableCents).toBeGreaterThanOrEqual(0);
  });

  it("pays only members of the year, within the PASS, and the CA meeting's attendance as indemnités at the CPTS's rate", async () => {
    const [{ broken }] = await rows<{ broken: number }>(
      `SELECT count(*)::int AS broken FROM payment_lines l WHERE l.tenant_id = $1 AND l.status <> 'cancelled'
         AND NOT EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = l.tenant_id AND s.professional_id = l.professional_id AND s.year = l.year AND s.status = 'active')`,
    );
    expect(broken).toBe(0);
    const [{ over }] = await rows<{ over: number }>(
      `SELECT count(*)::int AS over FROM (SELECT professional_id, year, sum(amount_cents) AS total FROM payment_lines WHERE tenant_id = $1 AND status <> 'cancelled' GROUP BY 1, 2) t
       LEFT JOIN pass_ceilings c ON c.year = t.year WHERE c.amount_cents IS NULL OR t.total > c.amount_cents`,
    );
    expect(over).toBe(0);
    const [settings] = await rows<{ rate: number }>(`SELECT indemnity_hourly_rate_cents AS rate FROM payment_settings WHERE tenant_id = $1`);
    const indemnities = await rows<{ kind: string; amount: number; minutes: number; ownerKind: string; attended: boolean }>(
      `SELECT l.kind, l.amount_cents::float8 AS amount, floor(extract(epoch FROM m.ends_at - m.starts_at) / 60)::int AS minutes, m.owner_kind AS "ownerKind",
              EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND i.professional_id = l.professional_id
                        AND i.attendance IN ('present', 'video')) AS attended
       FROM payment_lines l JOIN meetings m ON m.tenant_id = l.tenant_id AND m.id = l.source_ref WHERE l.tenant_id = $1 AND l.source = $2`,
      [MEETING_SOURCE],
    );
    expect(indemnities.length).toBeGreaterThanOrEqual(3);
    for (const l of indemnities)
      expect(l).toEqual({ kind: 'indemnity', amount: amountForMinutes(l.minutes, settings.rate), minutes: l.minutes, ownerKind: INSTANCE_OWNER, attended: true });
  });
});
