import { randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LiveFigures, LiveFiguresRefresher, parisYear, SnapshotWriter, YearEndSnapshots } from '@cpts/region';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Client } from 'pg';
import { Harness, startHarness } from './harness';

const Y = parisYear();
const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const FIGURES = `year professionals members membersByProfession { code count } workingGroups meetingsHeld participants
  participantsByMission { mission count } actionItemsDone actionItemsOverdue decisionsOpen decisionsClosed decisionsWithoutQuorum
  mandatesEndingSoon proActifProjects proActifCommittedCents proActifPaidCents mailingsSent mailingRecipients clickRate lastActivityAt`;
const OVERVIEW = `query($y: Int, $ids: [ID!]) { regionOverview(year: $y, cptsIds: $ids) { year rows { cptsId name departementCodes
  current { ${FIGURES} } previous { ${FIGURES} } health { level signals { level text } } } } }`;
const TREND = `query($i: ObservatoryIndicator!, $d: String) { observatoryTrend(indicator: $i, departementCode: $d) {
  indicator years cpts { cptsId name departementCodes values } departements { code values } total includesDemo } }`;

type Figures = Record<string, unknown> & { membersByProfession: Array<{ code: string; count: number }> };
type Row = {
  cptsId: string;
  name: string;
  current: Figures;
  previous: Figures;
  health: { level: string; signals: Array<{ level: string; text: string }> };
};

/**
 * The regional layer through the real gateway: the region's table of its
 * CPTS on a small known dataset (figures of this year and last, governance
 * health explained), who sees which CPTS, the exports, and the observatory's
 * snapshots (taken on demand and at the year's end, never changed, unmoved
 * by later merges and deletions).
 */
describe("region: the officers' table, governance health, the observatory", () => {
  let h: Harness;
  let region: string;
  let otherRegion: string;
  let a: { id: string; communes: string[] };
  let b: { id: string; communes: string[] };
  let c: { id: string; communes: string[] };
  let admin: GraphQLClient;
  let officer: GraphQLClient;
  let officerId: string;
  let adminOther: GraphQLClient;
  let coordA: GraphQLClient;
  const pros: string[] = [];
  let groupId: string;

  beforeAll(async () => {
    h = await startHarness();
    region = await h.data.region('27');
    otherRegion = await h.data.region('28');
    a = await h.data.cpts(region, { name: 'CPTS Région Aval', departement: '19' });
    b = await h.data.cpts(region, { name: 'CPTS Région Bief', departement: '23' });
    c = await h.data.cpts(otherRegion, { name: 'CPTS Région Cale', departement: '87' });
    admin = await h.signedIn((await h.data.user([{ role: Role.REGION_ADMIN, regionId: region }], 'region-admin@test.cpts.fr')).email);
    const o = await h.data.user([{ role: Role.MISSION_OFFICER, regionId: region }], 'region-officer@test.cpts.fr');
    officerId = o.id;
    await h.data.follow(o.id, [a.id]);
    officer = await h.signedIn(o.email);
    adminOther = await h.signedIn(
      (await h.data.user([{ role: Role.REGION_ADMIN, regionId: otherRegion }], 'region-admin-53@test.cpts.fr')).email,
    );
    coordA = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: a.id }], 'region-coord-a@test.cpts.fr')).email);

    // CPTS A: four professionals (one since last year, one archived), memberships of both years.
    pros.push(await h.data.professional(a.id, a.communes[0], { lastName: 'Aubert', professionCode: '10' }));
    pros.push(await h.data.professional(a.id, a.communes[0], { lastName: 'Aubry', professionCode: '10' }));
    pros.push(await h.data.professional(a.id, a.communes[0], { lastName: 'Aubin', professionCode: '60' }));
    pros.push(await h.data.professional(a.id, a.communes[0], { lastName: 'Archive', professionCode: '60' }));
    await h.data.professional(b.id, b.communes[0], { lastName: 'Bief' });
    await h.data.inTenant(a.id, async (q) => {
      await q.query(
        `UPDATE professionals SET created_at = make_timestamptz($2, 6, 1, 12, 0, 0, 'Europe/Paris') WHERE tenant_id = $1 AND id = $3`,
        [a.id, Y - 1, pros[0]],
      );
      await q.query(`UPDATE professionals SET archived_at = now() WHERE tenant_id = $1 AND id = $2`, [a.id, pros[3]]);
      const membership = `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, $2, $3, $4, $5, 1500, 'liberal')`;
      await q.query(membership, [a.id, randomUUID(), pros[0], Y, 'active']);
      await q.query(membership, [a.id, randomUUID(), pros[1], Y, 'active']);
      await q.query(membership, [a.id, randomUUID(), pros[2], Y, 'pending']);
      await q.query(membership, [a.id, randomUUID(), pros[0], Y - 1, 'active']);

      // A working group on two missions, and a closed one; a meeting of the first held just now: 2 present, 1 absent, 1 guest.
      groupId = randomUUID();
      await q.query(
        `INSERT INTO working_groups (tenant_id, id, name, missions, status) VALUES ($1, $2, 'Prévention Aval', ARRAY['prevention', 'quality'], 'active')`,
        [a.id, groupId],
      );
      await q.query(
        `INSERT INTO working_groups (tenant_id, id, name, missions, status) VALUES ($1, $2, 'Ancien groupe', ARRAY['quality'], 'closed')`,
        [a.id, randomUUID()],
      );
      const meeting = randomUUID();
      await q.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place, guest_count)
         VALUES ($1, $2, 'working_group', $3, 'Prévention Aval', 'Réunion', greatest(now() - interval '2 minutes', date_trunc('year', now())), now(), 'Salle', 1)`,
        [a.id, meeting, groupId],
      );
      for (const [i, attendance] of [
        [0, 'present'],
        [1, 'video'],
        [2, 'absent'],
      ] as const) {
        await q.query(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, attendance) VALUES ($1, $2, $3, $4, 'Invité', $5)`,
          [a.id, randomUUID(), meeting, pros[i], attendance],
        );
      }
      // Action items: one done, one overdue, one due later.
      const item = `INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, title, professional_id, assignee_name, due_on, status, status_at)
                    VALUES ($1, $2, 'working_group', $3, 'Prévention Aval', 'Tâche', $4, 'Aubert', $5, $6, $7)`;
      await q.query(item, [a.id, randomUUID(), groupId, pros[0], isoDay(5), 'done', new Date()]);
      await q.query(item, [a.id, randomUUID(), groupId, pros[0], isoDay(-1), 'open', null]);
      await q.query(item, [a.id, randomUUID(), groupId, pros[0], isoDay(10), 'open', null]);

      // Governance: a CA silent for 8 months, a bureau with a mandate ending in 30 days; decisions: 1 open, 1 adopted, 3 without quorum.
      const ca = randomUUID();
      const bureau = randomUUID();
      const instance = `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_at) VALUES ($1, $2, $3, $4, 10, '{}', now() - interval '2 years')`;
      await q.query(instance, [a.id, ca, 'ca', "Conseil d'administration"]);
      await q.query(instance, [a.id, bureau, 'bureau', 'Bureau']);
      await q.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place)
         VALUES ($1, $2, 'governance_instance', $3, 'CA', 'CA', now() - interval '8 months 3 days', now() - interval '8 months 2 days', 'Salle')`,
        [a.id, randomUUID(), ca],
      );
      await q.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place)
         VALUES ($1, $2, 'governance_instance', $3, 'Bureau', 'Bureau', now() - interval '10 days', now() - interval '10 days' + interval '1 hour', 'Salle')`,
        [a.id, randomUUID(), bureau],
      );
      await q.query(
        `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, starts_on, ends_on, obtained)
         VALUES ($1, $2, $3, $4, 'treasurer', current_date - 700, current_date + 30, 'elected')`,
        [a.id, randomUUID(), bureau, pros[1]],
      );
      const decision = `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, question, options, status, statutes, opened_at, closed_at, outcome, register_year, register_seq)
                        VALUES ($1, $2, $3, 'session', 'Décision', 'Pour ?', ARRAY['for', 'against'], $4, '{}', now() - interval '1 minute', $5, $6, $7, $8)`;
      await q.query(decision, [a.id, randomUUID(), ca, 'open', null, null, null, null]);
      for (const [seq, outcome] of [
        [1, 'adopted'],
        [2, 'no_quorum'],
        [3, 'no_quorum'],
        [4, 'no_quorum'],
      ] as const) {
        await q.query(decision, [a.id, randomUUID(), ca, 'closed', new Date(), outcome, Y, seq]);
      }
    });
    // A campaign sent to two, one of whom clicked.
    const sent = await h.data.campaign(a.id, {
      bodyHtml: '<p><a href="https://cpts.test/a">A</a></p>',
      recipients: [
        { email: 'aubert@exemple.fr', professionalId: pros[0] },
        { email: 'aubry@exemple.fr', professionalId: pros[1] },
      ],
    });
    await h.data.inTenant(a.id, (q) =>
      q.query(`INSERT INTO campaign_clicks (tenant_id, id, campaign_id, delivery_id, link_index) VALUES ($1, $2, $3, $4, 0)`, [
        a.id,
        randomUUID(),
        sent.campaignId,
        sent.deliveryIds[0],
      ]),
    );
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  /** The worker's pass that stores the table's figures (LiveFiguresRefresher), run now for those CPTS. */
  const recount = (ids: string[]) => {
    const logger = { error: () => undefined, info: () => undefined, warn: () => undefined, debug: () => undefined } as never;
    return new LiveFiguresRefresher(h.gateway.app.get(Db), h.gateway.app.get(LiveFigures), logger).runOnce(ids);
  };

  it('counts the figures of a small known CPTS, this year and last', async () => {
    const { regionOverview } = await officer.ok<{ regionOverview: { year: number; rows: Row[] } }>(OVERVIEW, {});
    expect(regionOverview.year).toBe(Y);
    expect(regionOverview.rows.map((r) => r.cptsId)).toEqual([a.id]);
    const row = regionOverview.rows[0];
    // The CA met 8 months ago and the bureau 10 days ago: meetings of this year or last, depending on today's date.
    const governanceMeetings = [new Date(Date.now() - (8 * 30.5 + 3) * DAY), new Date(Date.now() - 10 * DAY)].map((d) => parisYear(d));
    const heldIn = (y: number) => governanceMeetings.filter((g) => g === y).length;
    expect(row.current).toMatchObject({
      year: Y,
      professionals: 3,
      members: 2,
      membersByProfession: [{ code: '10', count: 2 }],
      workingGroups: 1,
      meetingsHeld: 1 + heldIn(Y),
      participants: 3,
      participantsByMission: [
        { mission: 'PREVENTION', count: 3 },
        { mission: 'QUALITY', count: 3 },
      ],
      actionItemsDone: 1,
      actionItemsOverdue: 1,
      decisionsOpen: 1,
      decisionsClosed: 4,
      decisionsWithoutQuorum: 3,
      mandatesEndingSoon: 1,
      mailingsSent: 1,
      mailingRecipients: 2,
      clickRate: 0.5,
    });
    expect(row.current.lastActivityAt).not.toBeNull();
    expect(row.previous).toMatchObject({
      year: Y - 1,
      professionals: 1,
      members: 1,
      membersByProfession: [{ code: '10', count: 1 }],
      meetingsHeld: heldIn(Y - 1),
      clickRate: null,
    });
    const logged = await h.data.pool.query(`SELECT purpose, tenant_ids FROM regional_access_log WHERE user_id = $1`, [officerId]);
    expect(logged.rows).toContainEqual({ purpose: 'region-overview', tenant_ids: [a.id] });
  });

  it('reads the figures the worker stored, counted again at its next pass', async () => {
    const ask = async () => (await officer.ok<{ regionOverview: { computedAt: string; rows: Row[] } }>(`query { regionOverview { computedAt rows { current { professionals } } } }`)).regionOverview;
    const before = Date.now();
    expect(await recount([a.id])).toBe(1);
    const stored = await ask();
    expect(stored.rows[0].current.professionals).toBe(3);
    expect(new Date(stored.computedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // This year and last at every pass; the five closed years before them once a day (the year picker's, each beside its year before).
    const years = () =>
      h.data.inTenant(a.id, async (q) => (await q.query(`SELECT year, computed_at FROM cpts_figures WHERE tenant_id = $1 ORDER BY year`, [a.id])).rows);
    const first = await years();
    expect(first.map((r: { year: number }) => r.year)).toEqual([Y - 6, Y - 5, Y - 4, Y - 3, Y - 2, Y - 1, Y]);
    // A professional added since: the table says what was counted, until the next pass.
    const added = await h.data.professional(a.id, a.communes[0], { lastName: 'Aurel', professionCode: '10' });
    expect((await ask()).rows[0].current.professionals).toBe(3);
    await recount([a.id]);
    expect((await ask()).rows[0].current.professionals).toBe(4);
    const second = await years();
    expect(second.slice(0, 5)).toEqual(first.slice(0, 5));
    expect(second[6].computed_at.getTime()).toBeGreaterThan(first[6].computed_at.getTime());
    await h.data.inTenant(a.id, (q) => q.query(`UPDATE professionals SET archived_at = now() WHERE tenant_id = $1 AND id = $2`, [a.id, added]));
    await recount([a.id]);
    expect((await ask()).rows[0].current.professionals).toBe(3);
  });

  it('explains the governance health in French sentences, with a level', async () => {
    const { regionOverview } = await officer.ok<{ regionOverview: { rows: Row[] } }>(OVERVIEW, {});
    const health = regionOverview.rows[0].health;
    expect(health.level).toBe('ALERT');
    expect(health.signals.map((s) => s.text)).toEqual(
      expect.arrayContaining([
        "Aucune réunion « Conseil d'administration » depuis 8 mois",
        '3 décisions closes sans quorum cette année',
        expect.stringMatching(/^Bureau : 1 mandat se termine dans (29|30) jours$/),
      ]),
    );
    const b0 = (await admin.ok<{ regionOverview: { rows: Row[] } }>(OVERVIEW, { ids: [b.id] })).regionOverview.rows[0];
    expect(b0.health).toEqual({ level: 'WATCH', signals: [{ level: 'WATCH', text: 'Aucune instance de gouvernance enregistrée' }] });
  });

  it('shows each person only the CPTS they may read: officer their followed ones, admin their region, nobody else', async () => {
    const ofAdmin = await admin.ok<{ regionOverview: { rows: Row[] } }>(OVERVIEW, {});
    expect(ofAdmin.regionOverview.rows.map((r) => r.cptsId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ofAdmin.regionOverview.rows.map((r) => r.cptsId)).not.toContain(c.id);
    expect(errorCode(await officer.request(OVERVIEW, { ids: [b.id] }))).toBe('NOT_FOUND');
    expect(errorCode(await adminOther.request(OVERVIEW, { ids: [a.id] }))).toBe('NOT_FOUND');
    const other = await adminOther.ok<{ regionOverview: { rows: Row[] } }>(OVERVIEW, {});
    expect(other.regionOverview.rows.map((r) => r.cptsId)).toEqual([c.id]);
    expect(errorCode(await coordA.request(OVERVIEW, {}))).toBe('FORBIDDEN');
    expect(errorCode(await officer.request(OVERVIEW, { y: 1999 }))).toBe('BAD_USER_INPUT');
  });

  it('exports the table as CSV and XLSX, with the same access', async () => {
    const get = (client: GraphQLClient, path: string) =>
      fetch(`${h.gateway.url}${path}`, { headers: { authorization: `Bearer ${client.accessToken}` } });
    const csv = await get(officer, '/api/region/overview.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('CPTS Région Aval');
    expect(text).not.toContain('CPTS Région Bief');
    expect(text).toContain(`Adhérents ${Y}`);
    expect(text).toContain("Aucune réunion « Conseil d'administration » depuis 8 mois");
    const xlsx = await get(admin, `/api/region/overview.xlsx?year=${Y}`);
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await get(coordA, '/api/region/overview.csv')).status).toBe(403);
    expect((await get(officer, '/api/region/overview.csv?year=abc')).status).toBe(400);
  });

  it('takes snapshots that later merges and deletions do not change, and that the runtime role cannot change', async () => {
    expect(errorCode(await officer.request(`mutation { takeRegionSnapshot { count } }`))).toBe('FORBIDDEN');
    const taken = await admin.ok<{ takeRegionSnapshot: { year: number; count: number } }>(`mutation { takeRegionSnapshot { year count } }`);
    expect(taken.takeRegionSnapshot.year).toBe(Y);
    expect(taken.takeRegionSnapshot.count).toBeGreaterThanOrEqual(2);
    const before = await officer.ok<{ observatoryTrend: { years: number[]; cpts: Array<{ cptsId: string; values: number[] }> } }>(TREND, {
      i: 'PROFESSIONALS',
    });
    expect(before.observatoryTrend.cpts).toEqual([{ cptsId: a.id, name: 'CPTS Région Aval', departementCodes: ['19'], values: [3] }]);
    const groupsBefore = await officer.ok<{ observatoryTrend: { cpts: Array<{ values: number[] }> } }>(TREND, { i: 'WORKING_GROUPS' });
    expect(groupsBefore.observatoryTrend.cpts[0].values).toEqual([1]);

    // Live changes: two professionals merged, the working group deleted.
    await coordA.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: pros[0], m: pros[2] });
    await h.data.inTenant(a.id, (q) => q.query(`DELETE FROM working_groups WHERE tenant_id = $1 AND id = $2`, [a.id, groupId]));
    await recount([a.id]);
    const live = await officer.ok<{ regionOverview: { rows: Row[] } }>(OVERVIEW, {});
    expect(live.regionOverview.rows[0].current).toMatchObject({ professionals: 2, workingGroups: 0 });

    expect((await officer.ok<{ observatoryTrend: unknown }>(TREND, { i: 'PROFESSIONALS' })).observatoryTrend).toEqual(
      before.observatoryTrend,
    );
    expect(
      (await officer.ok<{ observatoryTrend: { cpts: Array<{ values: number[] }> } }>(TREND, { i: 'WORKING_GROUPS' })).observatoryTrend
        .cpts[0].values,
    ).toEqual([1]);

    // The runtime role may add snapshots and read them, never change or delete one.
    const runtime = new Client({ connectionString: process.env.DATABASE_URL });
    await runtime.connect();
    try {
      await runtime.query('BEGIN');
      await runtime.query(`SELECT set_config('app.region_id', $1, true)`, [region]);
      await expect(runtime.query(`UPDATE region_snapshots SET indicators = '{}' WHERE region_id = $1`, [region])).rejects.toThrow(
        /permission denied/,
      );
      await runtime.query('ROLLBACK');
      await runtime.query('BEGIN');
      await runtime.query(`SELECT set_config('app.region_id', $1, true)`, [region]);
      await expect(runtime.query(`DELETE FROM region_snapshots WHERE region_id = $1`, [region])).rejects.toThrow(/permission denied/);
      await runtime.query('ROLLBACK');
    } finally {
      await runtime.end();
    }
  });

  it('shows trends per département to the region, nothing of another region, and exports them', async () => {
    const trend = await admin.ok<{ observatoryTrend: { cpts: Array<{ cptsId: string }>; departements: Array<{ code: string }> } }>(TREND, {
      i: 'MEMBERS',
      d: '19',
    });
    expect(trend.observatoryTrend.cpts.map((x) => x.cptsId)).toEqual([a.id]);
    expect(trend.observatoryTrend.departements).toEqual([{ code: '19', values: [2] }]);
    const other = await adminOther.ok<{ observatoryTrend: { cpts: unknown[] } }>(TREND, { i: 'MEMBERS' });
    expect(other.observatoryTrend.cpts).toEqual([]);
    expect(errorCode(await coordA.request(TREND, { i: 'MEMBERS' }))).toBe('FORBIDDEN');
    expect(errorCode(await admin.request(TREND, { i: 'MEMBERS', d: 'x; drop' }))).toBe('BAD_USER_INPUT');
    const csv = await fetch(`${h.gateway.url}/api/region/observatory.csv?indicator=members`, {
      headers: { authorization: `Bearer ${officer.accessToken}` },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('CPTS Région Aval');
    expect(text).not.toContain('CPTS Région Bief');
    const bad = await fetch(`${h.gateway.url}/api/region/observatory.csv?indicator=nope`, {
      headers: { authorization: `Bearer ${officer.accessToken}` },
    });
    expect(bad.status).toBe(400);
  });

  it('takes the year-end snapshots once per CPTS and year, whatever the number of passes', async () => {
    const logger = { error: () => undefined, info: () => undefined, warn: () => undefined, debug: () => undefined } as never;
    const pass = new YearEndSnapshots(h.gateway.app.get(Db), h.gateway.app.get(SnapshotWriter), logger);
    await pass.runOnce(Y - 1);
    await pass.runOnce(Y - 1);
    const client = await h.data.pool.connect();
    let rows: Array<{ tenant_id: string; members: number }>;
    try {
      // Row-level security is forced on the owner too: the region's unit of work.
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.region_id', $1, true)`, [region]);
      rows = (
        await client.query(
          `SELECT tenant_id, (indicators->>'members')::int AS members FROM region_snapshots WHERE region_id = $1 AND year = $2 AND kind = 'year_end' ORDER BY tenant_id`,
          [region, Y - 1],
        )
      ).rows;
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(rows.map((r) => r.tenant_id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.find((r) => r.tenant_id === a.id)?.members).toBe(1);
    const trend = await admin.ok<{ observatoryTrend: { years: number[] } }>(TREND, { i: 'MEMBERS' });
    expect(trend.observatoryTrend.years).toEqual([Y - 1, Y]);
  });
});
