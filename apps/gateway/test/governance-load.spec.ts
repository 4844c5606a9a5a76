import { randomUUID } from 'node:crypto';
import { DecisionLinks, DEFAULT_STATUTES, Elector, outcomeOf } from '@cpts/governance';
import { Role, searchKey } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { COLLEGE_LABELS_FR, MembershipCollege } from '@cpts/platform-reference';
import { errorCode, GraphQLClient, ownDatabase } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const TALLY = `tally { for against abstain eligible participating byProxy quorumNeeded quorumMet }`;
const DECISION = `query($id: ID!) { decision(id: $id) { id status outcome closedBecause registerNumber voterCount votedCount ${TALLY} colleges { college outcome ${TALLY} } } }`;
const VERIFY = `query($id: ID!) { verifyDecisionAudit(id: $id) { ok entries brokenAt problem } }`;
const AG_STATUTES = { ...DEFAULT_STATUTES.ag, majority: 'SIMPLE' };

type Choice = 'for' | 'against' | 'abstain';
type Tally = {
  for: number;
  against: number;
  abstain: number;
  eligible: number;
  participating: number;
  byProxy: number;
  quorumNeeded: number;
  quorumMet: boolean;
};
type Decision = {
  id: string;
  status: string;
  outcome: string | null;
  closedBecause: string | null;
  registerNumber: string | null;
  voterCount: number;
  votedCount: number;
  tally: Tally | null;
  colleges: Array<{ college: string; outcome: string; tally: Tally }>;
};

/** The four colleges of 100 members each, in the order of libs/governance/test/statutes.spec.ts (liberaux, msp, etablissements, usagers). */
const COLLEGES = [MembershipCollege.LIBERAL, MembershipCollege.MSP, MembershipCollege.ESTABLISHMENT, MembershipCollege.USER];
const UNIT_NAMES: Record<MembershipCollege, string> = {
  [MembershipCollege.LIBERAL]: 'liberaux',
  [MembershipCollege.MSP]: 'msp',
  [MembershipCollege.ESTABLISHMENT]: 'etablissements',
  [MembershipCollege.USER]: 'usagers',
};

/**
 * The AG of the statutes' unit test, built the same way (statutes.spec.ts, "counts an AG of 400 members with 150
 * proxies"): in each college of 100, 40 vote in person, 37 or 38 give their proxy to the first 19 of them (two
 * each at most), the others neither come nor give a proxy. Electors are listed college by college, 100 each, so
 * the n-th elector of a college is the n-th member of that college here.
 */
function agOf400(): Elector[] {
  const colleges = ['liberaux', 'msp', 'etablissements', 'usagers'];
  const choices: Record<string, (i: number) => Choice> = {
    liberaux: () => 'for',
    msp: (i) => (i % 10 === 0 ? 'against' : 'for'),
    etablissements: (i) => (i % 2 === 0 ? 'for' : 'against'),
    usagers: (i) => (i % 4 === 0 ? 'abstain' : 'against'),
  };
  const electors: Elector[] = [];
  for (const college of colleges) {
    for (let i = 0; i < 40; i++) electors.push({ id: `${college}-v${i}`, college, vote: choices[college](i) });
    const given = college === 'usagers' || college === 'etablissements' ? 37 : 38;
    for (let i = 0; i < given; i++)
      electors.push({ id: `${college}-p${i}`, college, vote: null, proxyTo: `${college}-v${Math.floor(i / 2)}` });
    for (let i = 0; i < 100 - 40 - given; i++) electors.push({ id: `${college}-n${i}`, college, vote: null });
  }
  return electors;
}

/**
 * Governance at the size of an AG, through the real gateway: 400 members
 * voting from their email links at once (with changes of vote and proxies
 * given beforehand), every vote recorded once, the count exact, the early
 * close, the audit chain whole; then an AG in session with 160 present and
 * 150 proxies, its live quorum and a vote per college that agrees with the
 * statutes' unit test for the same numbers.
 */
describe('governance at the size of an AG: 400 members', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[]; slug: string };
  let coord: GraphQLClient;
  let staff: GraphQLClient;
  let links: DecisionLinks;
  let ag: string;
  /** The 400 members: k = 100 × college position + rank in the college. */
  const members: Array<{ k: number; professionalId: string; email: string; college: MembershipCollege; rank: number }> = [];

  let own: { restore(): Promise<void> };

  beforeAll(async () => {
    // Its own database: its 800 emails would otherwise wait in the shared outbox, ahead of other files' own.
    own = ownDatabase();
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS de l’Assemblée', departement: '33', communes: 1 });
    coord = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }])).email);
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    for (let k = 0; k < 400; k++) {
      members.push({
        k,
        professionalId: randomUUID(),
        email: `membre-${k}@assemblee.exemple.fr`,
        college: COLLEGES[Math.floor(k / 100)],
        rank: k % 100,
      });
    }
    // 400 people of the directory, each an active member of this (Paris) year, 100 per college.
    await h.data.inTenant(tenant.id, async (db) => {
      const names = members.map((m) => `Membre${String(m.k).padStart(3, '0')}`);
      await db.query(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code, email)
         SELECT $1, u.id, u.last_name, 'Adhérent', u.search_name, '60', $2, u.email FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(id, last_name, search_name, email)`,
        [
          tenant.id,
          tenant.communes[0],
          members.map((m) => m.professionalId),
          names,
          names.map((n) => searchKey(`${n} Adhérent`)),
          members.map((m) => m.email),
        ],
      );
      await db.query(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college, paid_on, payment_means)
         SELECT $1, gen_random_uuid(), u.professional_id, extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int, 'active', 2000, u.college,
                (now() AT TIME ZONE 'Europe/Paris')::date, 'transfer'
         FROM unnest($2::uuid[], $3::text[]) AS u(professional_id, college)`,
        [tenant.id, members.map((m) => m.professionalId), members.map((m) => m.college)],
      );
    });
    ag = (
      await staff.ok<{ createGovernanceInstance: { id: string } }>(
        `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id } }`,
        { i: { kind: 'AG' } },
      )
    ).createGovernanceInstance.id;
  }, 90_000);
  afterAll(async () => {
    await h?.close();
    await own?.restore();
  });

  it('an AG by email: 400 members vote at once from their links, with changes and proxies; each vote once, the count exact, closed early, the chain whole', async () => {
    const title = 'Approbation des comptes 2025';
    const { createDecision } = await staff.ok<{ createDecision: { id: string } }>(
      `mutation($i: DecisionInput!) { createDecision(input: $i) { id } }`,
      {
        i: {
          instanceId: ag,
          title,
          question: 'Approuvez-vous les comptes de l’exercice 2025 ?',
          context: 'Rapport financier joint.',
          deadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        },
      },
    );
    const decisionId = createDecision.id;
    await staff.ok(`mutation($id: ID!) { openDecision(id: $id) { id } }`, { id: decisionId });
    const { rows } = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT id, professional_id AS "professionalId", college FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`, [
        tenant.id,
        decisionId,
      ]),
    );
    const voterOf = new Map<string, { id: string; college: string }>(
      rows.map((r: { id: string; professionalId: string; college: string }) => [r.professionalId, r]),
    );
    expect(voterOf.size).toBe(400);
    const voter = (k: number) => voterOf.get(members[k].professionalId)!;
    // The college each voter was given is their membership's, under its French name.
    expect(members.every((m) => voterOf.get(m.professionalId)!.college === COLLEGE_LABELS_FR[m.college])).toBe(true);

    // The plan. Each college: ranks 96 to 99 gave their proxy beforehand, 96 and 97 to rank 0, 98 and 99 to rank 1
    // (two each: the AG's limit); 98 and 99 then vote in person all the same (their proxy goes unused).
    const holderOf = (rank: number) => (rank >= 96 ? (rank < 98 ? 0 : 1) : null);
    const votesInPerson = (rank: number) => rank < 96 || rank >= 98;
    const firstChoice = (m: (typeof members)[number]): Choice => {
      const i = m.rank;
      if (m.college === MembershipCollege.LIBERAL) return i % 5 === 0 ? 'against' : 'for';
      if (m.college === MembershipCollege.MSP) return i % 3 === 0 ? 'abstain' : 'for';
      if (m.college === MembershipCollege.ESTABLISHMENT) return i % 2 === 0 ? 'for' : 'against';
      return i % 4 === 0 ? 'for' : 'against';
    };
    const flip = (c: Choice): Choice => (c === 'for' ? 'against' : 'for');
    const inPerson = members.filter((m) => votesInPerson(m.rank));
    // One member votes last, alone: everyone has then expressed a vote and it closes. Holding them back keeps every
    // change of vote before the close (a change after it is refused, rightly).
    const last = members[395];
    const burst = inPerson.filter((m) => m !== last);
    const changers = new Set(burst.filter((_, n) => n % 3 === 0).slice(0, 100));
    const finalChoice = (m: (typeof members)[number]) => (changers.has(m) ? flip(firstChoice(m)) : firstChoice(m));
    expect(inPerson).toHaveLength(392);
    expect(changers.size).toBe(100);

    /** A POST from a member's link; its answer read whole (an unread body would keep the connection, and the gateway's close, waiting). */
    const post = async (k: number, action: string, body: unknown) => {
      const res = await fetch(
        `${h.gateway.url}/api/public/decisions/${links.token({ tenantId: tenant.id, voterId: voter(k).id })}/${action}`,
        {
          method: 'POST',
          // One client address per member, as 400 people voting from their own devices would be.
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.4.${k >> 8}.${k & 255}` },
          body: JSON.stringify(body),
        },
      );
      return { status: res.status, body: (await res.json()) as { errors?: Array<{ message: string }> } };
    };

    // The proxies, given beforehand (each holder at the limit), and one beyond it refused.
    const givers = members.filter((m) => holderOf(m.rank) !== null);
    const given = await Promise.all(
      givers.map((m) => post(m.k, 'proxy', { holderId: voter(m.k - m.rank + holderOf(m.rank)!).id }).then((r) => r.status)),
    );
    expect(given).toEqual(givers.map(() => 200));
    const third = await post(95, 'proxy', { holderId: voter(0).id });
    expect(third.status).toBe(409);
    expect(third.body.errors![0].message).toContain('2 pouvoirs');

    // At once: 391 votes, and 100 of those voters change their mind right after theirs is recorded.
    const started = Date.now();
    // Meanwhile, the team works in the app: the burst must not starve other requests of database connections.
    const probe = new Promise((r) => setTimeout(r, 1000)).then(async () => {
      const t = Date.now();
      const result = await coord.request(`{ governanceInstances { id } }`);
      return { probeMs: Date.now() - t, probeErrors: result.errors ?? [] };
    });
    const statuses = await Promise.all(
      burst.map(async (m) => {
        const first = await post(m.k, 'vote', { choice: firstChoice(m) });
        if (!changers.has(m)) return [first.status];
        const change = await post(m.k, 'vote', { choice: flip(firstChoice(m)) });
        return [first.status, change.status];
      }),
    );
    const burstMs = Date.now() - started;
    const { probeMs, probeErrors } = await probe;
    const requests = statuses.flat();
    expect(requests).toHaveLength(491);
    expect(requests.filter((s) => s !== 200)).toEqual([]);
    expect(probeErrors).toEqual([]);
    const open = (await coord.ok<{ decision: Decision }>(DECISION, { id: decisionId })).decision;
    expect(open).toMatchObject({ status: 'OPEN', voterCount: 400, votedCount: 391 });
    expect(open.tally).toMatchObject({ eligible: 400, participating: 399, byProxy: 8 });
    const closing = Date.now();
    const lastVote = await post(last.k, 'vote', { choice: firstChoice(last) });
    expect(lastVote.status).toBe(200);
    console.log(
      `AG by email: ${requests.length} requests at once (391 votes, 100 changes) in ${burstMs} ms, ${(burstMs / requests.length).toFixed(1)} ms a request (they queue on the decision's lock); the last vote and the close (402 outcome emails) in ${Date.now() - closing} ms; a query of the team during the burst answered in ${probeMs} ms`,
    );

    // Every vote recorded once, as last chosen; changes counted.
    const stored = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(
          `SELECT professional_id AS "professionalId", choice, changes, channel, proxy_to AS "proxyTo" FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`,
          [tenant.id, decisionId],
        ),
      )
    ).rows as Array<{ professionalId: string; choice: Choice | null; changes: number; channel: string | null; proxyTo: string | null }>;
    const byPerson = new Map(stored.map((s) => [s.professionalId, s]));
    for (const m of members) {
      const s = byPerson.get(m.professionalId)!;
      const holder = holderOf(m.rank);
      expect({ k: m.k, ...s }).toEqual({
        k: m.k,
        professionalId: m.professionalId,
        choice: votesInPerson(m.rank) ? finalChoice(m) : null,
        changes: changers.has(m) ? 1 : 0,
        channel: votesInPerson(m.rank) ? 'link' : null,
        proxyTo: holder === null ? null : voter(m.k - m.rank + holder).id,
      });
    }
    const entries = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(
          `SELECT event, data->>'voter' AS voter, count(*)::int AS n FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2 GROUP BY 1, 2`,
          [tenant.id, decisionId],
        ),
      )
    ).rows as Array<{ event: string; voter: string | null; n: number }>;
    const count = (event: string) => entries.filter((e) => e.event === event);
    expect(count('vote')).toHaveLength(392);
    expect(count('vote').every((e) => e.n === 1)).toBe(true);
    expect(count('vote_changed')).toHaveLength(100);
    expect(count('vote_changed').every((e) => e.n === 1)).toBe(true);
    expect(new Set(count('vote_changed').map((e) => e.voter))).toEqual(new Set([...changers].map((m) => voter(m.k).id)));
    expect(count('proxy_given')).toHaveLength(16);

    // The count, recounted here: a giver who did not vote counts as their holder voted.
    const expected = (group: typeof members) => {
      const t = { for: 0, against: 0, abstain: 0, byProxy: 0 };
      for (const m of group) {
        if (votesInPerson(m.rank)) t[finalChoice(m)] += 1;
        else {
          t[finalChoice(members[m.k - m.rank + holderOf(m.rank)!])] += 1;
          t.byProxy += 1;
        }
      }
      const outcome = t.for * 2 > t.for + t.against ? 'ADOPTED' : 'REJECTED';
      return {
        outcome,
        tally: { ...t, eligible: group.length, participating: group.length, quorumNeeded: group.length / 4, quorumMet: true },
      };
    };
    const closed = (await coord.ok<{ decision: Decision }>(DECISION, { id: decisionId })).decision;
    expect(closed).toMatchObject({ status: 'CLOSED', closedBecause: 'all_voted', votedCount: 392 });
    expect(closed.registerNumber).toMatch(/^\d{4}-\d{3}$/);
    const overall = expected(members);
    expect({ outcome: closed.outcome, tally: closed.tally }).toEqual(overall);
    expect(overall.tally).toMatchObject({ byProxy: 8, quorumNeeded: 100 });
    const colleges = Object.fromEntries(closed.colleges.map((c) => [c.college, { outcome: c.outcome, tally: c.tally }]));
    expect(colleges).toEqual(
      Object.fromEntries(COLLEGES.map((c) => [COLLEGE_LABELS_FR[c], expected(members.filter((m) => m.college === c))])),
    );
    // The liberal professionals and the MSP adopt, the establishments split, the users reject (changes included).
    expect(closed.colleges.map((c) => c.outcome).sort()).toContain('REJECTED');

    // The chain: opened, 16 proxies, 392 votes, 100 changes, closed; it verifies.
    expect((await coord.ok<{ verifyDecisionAudit: unknown }>(VERIFY, { id: decisionId })).verifyDecisionAudit).toEqual({
      ok: true,
      entries: 1 + 16 + 392 + 100 + 1,
      brokenAt: null,
      problem: null,
    });
    // The outcome to the 400 members and the team, once each.
    const outcome = (
      await h.data.pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT to_address)::int AS people FROM mail_outbox WHERE tenant_id = $1 AND kind = 'decision_outcome' AND subject LIKE $2`,
        [tenant.id, `% : ${title}`],
      )
    ).rows[0];
    expect(outcome).toEqual({ n: 402, people: 402 });
  }, 120_000);

  it('an AG of 400 members with 150 proxies in session: the live quorum, and a vote per college as the statutes count it', async () => {
    const started = Date.now();
    const electors = agOf400();
    // The unit test's own figures for this AG.
    const unit = outcomeOf(electors, DEFAULT_STATUTES.ag);
    expect(unit.tally).toMatchObject({ eligible: 400, participating: 310, byProxy: 150, quorumNeeded: 100, quorumMet: true });
    expect(unit.colleges.map((c) => [c.college, c.outcome, c.tally.participating])).toEqual([
      ['etablissements', 'adopted', 77],
      ['liberaux', 'adopted', 78],
      ['msp', 'adopted', 78],
      ['usagers', 'rejected', 77],
    ]);
    const electorOf = (k: number) => electors[k];

    // Fifteen days' notice by default: the coordinator sets none, to hold it in a few seconds.
    const schedule = (startsAt: Date) =>
      staff.request<{ scheduleMeeting: { id: string; invitees: Array<{ id: string; professionalId: string }> } }>(
        `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id invitees { id professionalId } } }`,
        {
          i: {
            ownerKind: 'governance_instance',
            ownerId: ag,
            inviteOwnerMembers: true,
            title: 'Assemblée générale ordinaire',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
            place: 'Salle des fêtes',
          },
        },
      );
    const tooSoon = await schedule(new Date(Date.now() + 3 * 86_400_000));
    expect(errorCode(tooSoon)).toBe('BAD_USER_INPUT');
    await coord.ok(`mutation($id: ID!, $i: UpdateInstanceInput!) { updateGovernanceInstance(id: $id, input: $i) { id } }`, {
      id: ag,
      i: { name: 'Assemblée générale', statutes: { ...AG_STATUTES, noticeDays: 0 } },
    });
    const startsAt = new Date(Date.now() + 4000);
    const scheduled = await schedule(startsAt);
    if (scheduled.errors) throw new Error(JSON.stringify(scheduled.errors));
    const meeting = scheduled.data!.scheduleMeeting;
    expect(meeting.invitees).toHaveLength(400);
    const inviteeOf = new Map(meeting.invitees.map((i) => [i.professionalId, i.id]));
    const invitee = (k: number) => inviteeOf.get(members[k].professionalId)!;
    const byElector = new Map(electors.map((e, k) => [e.id, k]));
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now() + 200)));

    // The attendance: the 160 who vote in person came; the proxies' givers excused; the others absent.
    await staff.ok(`mutation($m: ID!, $e: [AttendanceInput!]!) { recordMeetingAttendance(meetingId: $m, entries: $e) { id } }`, {
      m: meeting.id,
      e: members.map((m) => ({
        inviteeId: invitee(m.k),
        attendance: electorOf(m.k).vote ? 'PRESENT' : electorOf(m.k).proxyTo ? 'EXCUSED' : 'ABSENT',
      })),
    });
    // The 150 proxies, recorded at once (at the desk, several volunteers); then a third one to a holder is refused.
    const proxies = members.filter((m) => electorOf(m.k).proxyTo);
    expect(proxies).toHaveLength(150);
    const recorded = await Promise.all(
      proxies.map((m) =>
        staff.request(`mutation($m: ID!, $g: ID!, $h: ID!) { recordMeetingProxy(meetingId: $m, giverId: $g, holderId: $h) { present } }`, {
          m: meeting.id,
          g: invitee(m.k),
          h: invitee(byElector.get(electorOf(m.k).proxyTo!)!),
        }),
      ),
    );
    expect(recorded.filter((r) => r.errors)).toEqual([]);
    const absent = members.find((m) => !electorOf(m.k).vote && !electorOf(m.k).proxyTo)!;
    const third = await staff.request(
      `mutation($m: ID!, $g: ID!, $h: ID!) { recordMeetingProxy(meetingId: $m, giverId: $g, holderId: $h) { present } }`,
      { m: meeting.id, g: invitee(absent.k), h: invitee(absent.k - absent.rank) },
    );
    expect(errorCode(third)).toBe('CONFLICT');
    expect(third.errors![0].message).toContain('détient déjà 2 pouvoirs');

    const { meetingQuorum } = await staff.ok<{ meetingQuorum: Record<string, unknown> & { proxies: unknown[] } }>(
      `query($m: ID!) { meetingQuorum(meetingId: $m) { electorate present represented needed met proxies { giverId } } }`,
      { m: meeting.id },
    );
    expect({ ...meetingQuorum, proxies: meetingQuorum.proxies.length }).toEqual({
      electorate: 400,
      present: 160,
      represented: 150,
      needed: 100,
      met: true,
      proxies: 150,
    });

    // The vote in session, per college: each person present votes, each proxy as its holder (the unit test's choices).
    const counts = COLLEGES.map((college) => {
      const c = { college: COLLEGE_LABELS_FR[college], for: 0, against: 0, abstain: 0 };
      for (const e of electors.filter((x) => x.college === UNIT_NAMES[college])) {
        const vote = e.vote ?? (e.proxyTo ? electors[byElector.get(e.proxyTo)!].vote : null);
        if (vote) c[vote] += 1;
      }
      return c;
    });
    expect(counts.reduce((n, c) => n + c.for + c.against + c.abstain, 0)).toBe(310);
    const { recordSessionVote: d } = await staff.ok<{ recordSessionVote: Decision }>(
      `mutation($i: SessionVoteInput!) { recordSessionVote(input: $i) { id status outcome closedBecause registerNumber ${TALLY} colleges { college outcome ${TALLY} } } }`,
      { i: { meetingId: meeting.id, title: 'Rapport moral', question: 'Approuvez-vous le rapport moral ?', counts } },
    );
    expect(d).toMatchObject({ status: 'CLOSED', closedBecause: 'session', outcome: unit.outcome.toUpperCase() });
    expect(d.registerNumber).toMatch(/^\d{4}-\d{3}$/);
    expect(d.tally).toEqual({
      for: unit.tally.for,
      against: unit.tally.against,
      abstain: unit.tally.abstain,
      eligible: 400,
      participating: 310,
      byProxy: 150,
      quorumNeeded: 100,
      quorumMet: true,
    });
    // Per college, the same outcome and the same count as the unit test (the quorum is the session's, not the college's).
    const label = (unitName: string) => COLLEGE_LABELS_FR[COLLEGES.find((c) => UNIT_NAMES[c] === unitName)!];
    const pick = (c: { outcome: string; tally: Tally }) => ({
      outcome: c.outcome.toUpperCase(),
      for: c.tally.for,
      against: c.tally.against,
      abstain: c.tally.abstain,
      eligible: c.tally.eligible,
      participating: c.tally.participating,
    });
    expect(Object.fromEntries(d.colleges.map((c) => [c.college, pick(c)]))).toEqual(
      Object.fromEntries(unit.colleges.map((c) => [label(c.college), pick(c)])),
    );
    expect(d.colleges.find((c) => c.college === COLLEGE_LABELS_FR[MembershipCollege.ESTABLISHMENT])!.tally).toMatchObject({
      for: 39,
      against: 38,
    });
    expect((await coord.ok<{ verifyDecisionAudit: unknown }>(VERIFY, { id: d.id })).verifyDecisionAudit).toEqual({
      ok: true,
      entries: 2,
      brokenAt: null,
      problem: null,
    });
    console.log(`AG in session: 400 invited, attendance, 150 proxies at once, quorum and the vote in ${Date.now() - started} ms`);
  }, 120_000);
});
