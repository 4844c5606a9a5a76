import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { InvolvementService, MembershipsPersonData, parisYear } from '@cpts/directory';
import { InvolvementLevel } from '@cpts/platform-persons';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const SAVE = `mutation($i: MembershipInput!) { saveMembership(input: $i) { id year status feeCents paidOn paymentMeans college note } }`;
const PERSON = `query($id: ID!) {
  professional(id: $id) {
    involvementLevel
    involvements { source level setByName }
    memberships { id year status feeCents paidOn paymentMeans college note }
    history { kind summary actorName }
  }
}`;
const OPEN = `mutation($y: Int!, $f: Int!) { openMembershipYear(year: $y, defaultFeeCents: $f) { created year { year defaultFeeCents openedAt membershipCount } } }`;
const LAPSED = `query($y: Int!) { lapsedMembers(year: $y) { professional { lastName } previous { year status } current { year status } } }`;
const COUNTS = `query($y: Int!) {
  membershipCounts(year: $y) { year totals { pending active lapsed resigned total } byProfession { profession { code label } pending active lapsed resigned total } }
}`;
const LIST = `query($y: Int!, $s: MembershipStatus, $q: String, $first: Int, $after: String) {
  memberships(year: $y, status: $s, search: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { year status professional { lastName profession { code } } } }
  }
}`;

type Person = {
  involvementLevel: string;
  involvements: Array<{ source: string; level: string; setByName: string | null }>;
  memberships: Array<{ id: string; year: number; status: string; feeCents: number; paidOn: string | null; note: string | null }>;
  history: Array<{ kind: string; summary: string; actorName: string | null }>;
};
const fieldsOf = (res: GraphQLResult<unknown>) => Object.fromEntries((res.errors?.[0].extensions?.fields ?? []).map((f) => [f.field.replace(/^input\./, ''), f.message]));

describe('memberships (adhésions) and involvement levels', () => {
  let h: Harness;
  let c: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  const Y = parisYear();
  const person = async (id: string) => (await c.ok<{ professional: Person }>(PERSON, { id })).professional;
  const paid = (professionalId: string, year: number, extra: Record<string, unknown> = {}) => ({
    professionalId,
    year,
    status: 'ACTIVE',
    feeCents: 2000,
    paidOn: `${year}-01-12`,
    paymentMeans: 'CHEQUE',
    college: 'LIBERAL',
    ...extra,
  });
  /** Runs service code as the staff's requests do: in one transaction of the tenant. */
  const inTenant = <T>(fn: () => Promise<T>) => h.gateway.app.get(Db).run({ tenantId: tenant.id }, fn);
  let anne: string, bruno: string, chloe: string, denis: string;

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Adhésions', departement: '79', communes: 2 });
    c = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const pro = (lastName: string, professionCode: string) => h.data.professional(tenant.id, tenant.communes[0], { lastName, professionCode });
    anne = await pro('Arnaud', '60');
    bruno = await pro('Bernard', '60');
    chloe = await pro('Chevalier', '70');
    denis = await pro('Durand', '10');
  });
  afterAll(() => h.close());

  it('saves a membership and writes it in the person history, in French', async () => {
    const { saveMembership: m } = await c.ok<{ saveMembership: { id: string; paidOn: string; status: string } }>(SAVE, { i: { ...paid(anne, Y - 1), note: '  Réglé à l’AG  ' } });
    expect(m).toMatchObject({ year: Y - 1, status: 'ACTIVE', feeCents: 2000, paidOn: `${Y - 1}-01-12`, paymentMeans: 'CHEQUE', college: 'LIBERAL', note: 'Réglé à l’AG' });
    const p = await person(anne);
    expect(p.memberships.map((x) => x.year)).toEqual([Y - 1]);
    expect(p.history[0]).toMatchObject({ kind: 'membership.saved', summary: `Adhésion ${Y - 1} : active, 20,00 € réglés par chèque le 12/01/${Y - 1}.` });
    expect(p.history[0].actorName).toBeTruthy();
    // Changing it (with its id) keeps one membership of the year.
    await c.ok(SAVE, { i: { ...paid(anne, Y - 1, { feeCents: 0, paidOn: null, paymentMeans: null }), id: m.id } });
    const after = await person(anne);
    expect(after.memberships).toHaveLength(1);
    expect(after.history[0].summary).toBe(`Adhésion ${Y - 1} : active, gratuite.`);
  });

  it('answers mistakes with codes and French messages on the right fields, and writes nothing', async () => {
    const before = (await person(bruno)).memberships.length;
    const future = await c.request(SAVE, { i: paid(bruno, Y + 2) });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(future).year).toBe(`L'année doit être comprise entre 2000 et ${Y + 1}.`);
    expect(fieldsOf(await c.request(SAVE, { i: paid(bruno, 1999) })).year).toBe("L'année doit être 2000 ou après.");
    expect(fieldsOf(await c.request(SAVE, { i: paid(bruno, Y, { feeCents: -1 }) })).feeCents).toBe('La cotisation ne peut pas être négative.');
    const unpaid = await c.request(SAVE, { i: paid(bruno, Y, { paidOn: null, paymentMeans: null }) });
    expect(fieldsOf(unpaid)).toEqual({
      paidOn: 'Un adhérent actif a réglé sa cotisation : indiquez la date du paiement.',
      paymentMeans: 'Un adhérent actif a réglé sa cotisation : indiquez le moyen de paiement.',
    });
    expect(fieldsOf(await c.request(SAVE, { i: paid(bruno, Y, { paidOn: `${Y + 1}-01-01` }) })).paidOn).toBe('La date de paiement ne peut pas être dans le futur.');
    expect(fieldsOf(await c.request(SAVE, { i: paid(bruno, Y - 2, { paidOn: `${Y - 2}-02-30` }) })).paidOn).toBe("Cette date n'existe pas.");
    expect(fieldsOf(await c.request(SAVE, { i: paid(bruno, Y, { feeCents: 0 }) })).paidOn).toBe('Une adhésion gratuite ne se règle pas : laissez le paiement vide.');
    expect(fieldsOf(await c.request(SAVE, { i: paid(bruno, Y, { status: 'PENDING', paymentMeans: null }) })).paymentMeans).toBe('Indiquez aussi le moyen de paiement.');
    expect(errorCode(await c.request(SAVE, { i: paid('00000000-0000-4000-8000-000000000000', Y) }))).toBe('NOT_FOUND');
    expect((await person(bruno)).memberships).toHaveLength(before);
    // A pending membership with a fee and no payment yet is fine.
    await c.ok(SAVE, { i: paid(bruno, Y - 1, { paidOn: null, paymentMeans: null, status: 'PENDING' }) });
    const dup = await c.request(SAVE, { i: paid(bruno, Y - 1) });
    expect(errorCode(dup)).toBe('CONFLICT');
    expect(dup.errors?.[0].message).toBe(`Prénom Bernard a déjà une adhésion pour ${Y - 1} : modifiez-la plutôt.`);
    const id = (await person(bruno)).memberships[0].id;
    await c.ok(SAVE, { i: { ...paid(bruno, Y - 1, { college: 'MSP' }), id } });
    expect(errorCode(await c.request(SAVE, { i: { ...paid(anne, Y - 1), id } }))).toBe('BAD_USER_INPUT'); // someone else's membership
  });

  it('opens a year once: pending memberships for the active members of the previous year, in the same college', async () => {
    await c.ok(SAVE, { i: paid(chloe, Y - 1, { status: 'RESIGNED', paidOn: null, paymentMeans: null }) });
    const first = await c.ok<{ openMembershipYear: { created: number; year: { year: number; defaultFeeCents: number; membershipCount: number } } }>(OPEN, { y: Y, f: 2500 });
    expect(first.openMembershipYear).toMatchObject({ created: 2, year: { year: Y, defaultFeeCents: 2500, membershipCount: 2 } });
    const again = await c.ok<{ openMembershipYear: { created: number; year: { defaultFeeCents: number } } }>(OPEN, { y: Y, f: 9900 });
    expect(again.openMembershipYear).toMatchObject({ created: 0, year: { defaultFeeCents: 2500 } });
    const bruno2 = (await person(bruno)).memberships[0];
    expect(bruno2).toMatchObject({ year: Y, status: 'PENDING', feeCents: 2500, paidOn: null });
    expect((await c.ok<{ saveMembership: { college: string } }>(SAVE, { i: { ...paid(bruno, Y, { status: 'PENDING', paidOn: null, paymentMeans: null, feeCents: 2500, college: 'MSP' }), id: bruno2.id } })).saveMembership.college).toBe('MSP');
    expect((await person(bruno)).history.map((e) => e.summary)).toContain(`Renouvellement ${Y} ouvert : en attente, 25,00 € non réglés.`);
    // Each new pending membership gets its two renewal reminders (2 and 6 weeks on), once: reopening schedules none.
    const { rows: reminders } = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT ref, round(extract(epoch FROM fire_at - created_at) / 86400)::int AS days FROM reminders WHERE tenant_id = $1 AND kind = 'membership.renewal' AND state = 'scheduled' ORDER BY ref, days`, [tenant.id]),
    );
    expect(reminders.map((r: { days: number }) => r.days)).toEqual([14, 42, 14, 42]);
    expect(new Set(reminders.map((r: { ref: string }) => r.ref)).has(bruno2.id)).toBe(true);
    expect((await person(chloe)).memberships.map((m) => m.year)).toEqual([Y - 1]);
    const tooFar = await c.request(OPEN, { y: Y + 2, f: 0 });
    expect([errorCode(tooFar), tooFar.errors?.[0].message]).toEqual(['BAD_USER_INPUT', `L'année doit être comprise entre 2000 et ${Y + 1}.`]);
    const years = await c.ok<{ membershipYears: Array<{ year: number; openedAt: string | null }> }>(`{ membershipYears { year openedAt } }`);
    expect(years.membershipYears.map((y) => [y.year, Boolean(y.openedAt)])).toEqual([
      [Y, true],
      [Y - 1, false],
    ]);
  });

  it('lists the year by name with its person, filtered and paged', async () => {
    type List = { memberships: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { professional: { lastName: string } } }> } };
    const names = (res: List) => res.memberships.edges.map((e) => e.node.professional.lastName);
    const all = await c.ok<List>(LIST, { y: Y - 1 });
    expect([all.memberships.totalCount, names(all)]).toEqual([3, ['Arnaud', 'Bernard', 'Chevalier']]);
    const page1 = await c.ok<List>(LIST, { y: Y - 1, first: 2 });
    expect([names(page1), page1.memberships.pageInfo.hasNextPage]).toEqual([['Arnaud', 'Bernard'], true]);
    const page2 = await c.ok<List>(LIST, { y: Y - 1, first: 2, after: page1.memberships.pageInfo.endCursor });
    expect([names(page2), page2.memberships.totalCount]).toEqual([['Chevalier'], 3]);
    expect(names(await c.ok<List>(LIST, { y: Y - 1, s: 'RESIGNED' }))).toEqual(['Chevalier']);
    expect(names(await c.ok<List>(LIST, { y: Y - 1, q: 'bern' }))).toEqual(['Bernard']);
    // The directory's name search (one typo from five letters), paged on its order.
    const typo = await c.ok<List>(LIST, { y: Y - 1, q: 'chevalir', first: 1 });
    expect([names(typo), typo.memberships.totalCount]).toEqual([['Chevalier'], 1]);
    const next = await c.ok<List>(LIST, { y: Y - 1, q: 'chevalir', first: 1, after: typo.memberships.pageInfo.endCursor });
    expect([names(next), next.memberships.totalCount]).toEqual([[], 1]);
  });

  it('counts the members per profession and year', async () => {
    const { membershipCounts } = await c.ok<{ membershipCounts: { totals: object; byProfession: Array<{ profession: { code: string }; active: number; resigned: number; total: number }> } }>(COUNTS, { y: Y - 1 });
    expect(membershipCounts.totals).toEqual({ pending: 0, active: 2, lapsed: 0, resigned: 1, total: 3 });
    expect(membershipCounts.byProfession.map((p) => [p.profession.code, p.active, p.resigned, p.total])).toEqual([
      ['60', 2, 0, 2], // Infirmier
      ['70', 0, 1, 1], // Masseur-kinésithérapeute
    ]);
    expect((await c.ok<{ membershipCounts: { byProfession: unknown[] } }>(COUNTS, { y: 2001 })).membershipCounts.byProfession).toEqual([]);
    expect(errorCode(await c.request(COUNTS, { y: 1990 }))).toBe('BAD_USER_INPUT');
  });

  it('lists who did not renew, and lapses the unpaid in bulk', async () => {
    type Lapsed = { lapsedMembers: Array<{ professional: { lastName: string }; current: { status: string } | null }> };
    const lapsed = async () => (await c.ok<Lapsed>(LAPSED, { y: Y })).lapsedMembers.map((l) => [l.professional.lastName, l.current?.status ?? null]);
    expect(await lapsed()).toEqual([
      ['Arnaud', 'PENDING'],
      ['Bernard', 'PENDING'],
    ]);
    const anneY = (await person(anne)).memberships.find((m) => m.year === Y)!;
    await c.ok(SAVE, { i: { ...paid(anne, Y, { paidOn: `${Y}-01-03`, paymentMeans: 'TRANSFER' }), id: anneY.id } });
    expect(await lapsed()).toEqual([['Bernard', 'PENDING']]);
    // A member of two years ago whose level was left at "member" when the year turned (no membership changed since).
    const former = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Ancienne' });
    await h.data.inTenant(tenant.id, async (db) => {
      await db.query(`INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 0, 'user')`, [tenant.id, former, Y - 2]);
      await db.query(`INSERT INTO involvements (tenant_id, professional_id, source, level) VALUES ($1, $2, 'membership', 'member')`, [tenant.id, former]);
      await db.query(`UPDATE professionals SET involvement_level = 'member' WHERE tenant_id = $1 AND id = $2`, [tenant.id, former]);
    });
    expect(await c.ok(`mutation($y: Int!) { lapseUnpaidMemberships(year: $y) }`, { y: Y })).toEqual({ lapseUnpaidMemberships: 1 });
    // The renewal brings the levels up to date with the calendar.
    expect(await person(former)).toMatchObject({ involvementLevel: 'INFORMED', involvements: [] });
    expect((await person(anne)).involvementLevel).toBe('MEMBER');
    expect(await c.ok(`mutation($y: Int!) { lapseUnpaidMemberships(year: $y) }`, { y: Y })).toEqual({ lapseUnpaidMemberships: 0 });
    expect(await lapsed()).toEqual([['Bernard', 'LAPSED']]);
    expect((await person(bruno)).history[0].summary).toBe(`Adhésion ${Y} : non renouvelée (cotisation non réglée à la fin du renouvellement).`);
    const early = await c.request(`mutation($y: Int!) { lapseUnpaidMemberships(year: $y) }`, { y: Y + 1 });
    expect([errorCode(early), early.errors?.[0].message]).toEqual(['BAD_USER_INPUT', `Le renouvellement ${Y + 1} n'a pas encore commencé : attendez le début de l'année.`]);
  });

  it('keeps the involvement level at the highest of its sources: the hand setting, memberships, other modules', async () => {
    const SET = `mutation($id: ID!, $l: InvolvementLevel!) { setInvolvementLevel(professionalId: $id, level: $l) { involvementLevel } }`;
    // Anne is an active member this year: memberships give her "member".
    expect(await person(anne)).toMatchObject({ involvementLevel: 'MEMBER', involvements: [{ source: 'membership', level: 'MEMBER', setByName: expect.any(String) }] });
    // Denis has no membership: informed, then what the staff set.
    expect((await person(denis)).involvementLevel).toBe('INFORMED');
    expect((await c.ok<{ setInvolvementLevel: { involvementLevel: string } }>(SET, { id: denis, l: 'REFERENT' })).setInvolvementLevel.involvementLevel).toBe('REFERENT');
    expect((await person(denis)).history[0].summary).toBe("Niveau d'implication fixé à la main : référent (niveau retenu : référent).");
    // A lower hand setting does not lower what a membership gives; "informed" removes the hand setting.
    await c.ok(SET, { id: anne, l: 'INFORMED' });
    expect((await person(anne)).involvementLevel).toBe('MEMBER');
    await c.ok(SET, { id: anne, l: 'ACTION' });
    expect((await person(anne)).involvements.map((i) => [i.source, i.level])).toEqual([
      ['manual', 'ACTION'],
      ['membership', 'MEMBER'],
    ]);
    // Another module raises it through its own source, and lowers it back.
    const involvement = h.gateway.app.get(InvolvementService);
    await inTenant(() => involvement.setSource(anne, 'working_group:b2f1', InvolvementLevel.GOVERNANCE));
    expect((await person(anne)).involvementLevel).toBe('GOVERNANCE');
    await inTenant(() => involvement.setSource(anne, 'working_group:b2f1', null));
    expect((await person(anne)).involvementLevel).toBe('ACTION');
    // Removing the membership that gave "member" removes that source.
    await c.ok(SET, { id: anne, l: 'INFORMED' });
    for (const m of (await person(anne)).memberships) await c.ok(`mutation($id: ID!) { deleteMembership(id: $id) }`, { id: m.id });
    expect(await person(anne)).toMatchObject({ involvementLevel: 'INFORMED', involvements: [], memberships: [] });
    expect((await person(anne)).history[0].kind).toBe('membership.deleted');
    expect(errorCode(await c.request(SET, { id: '00000000-0000-4000-8000-000000000000', l: 'MEMBER' }))).toBe('NOT_FOUND');
  });

  it('merges two records of one person: memberships moved, the most advanced kept per year, the other in the history', async () => {
    const kept = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'Fusion', firstName: 'Gardée' });
    const merged = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'Fusion', firstName: 'Doublon' });
    await c.ok(SAVE, { i: paid(kept, Y - 1, { status: 'PENDING', paidOn: null, paymentMeans: null, note: 'Relancée en février' }) });
    await c.ok(SAVE, { i: paid(merged, Y - 1, { paymentMeans: 'CARD' }) });
    await c.ok(SAVE, { i: paid(merged, Y - 2, { status: 'LAPSED', paidOn: null, paymentMeans: null }) });
    await c.ok(`mutation($id: ID!, $l: InvolvementLevel!) { setInvolvementLevel(professionalId: $id, level: $l) { id } }`, { id: kept, l: 'ACTION' });
    await c.ok(`mutation($id: ID!, $l: InvolvementLevel!) { setInvolvementLevel(professionalId: $id, level: $l) { id } }`, { id: merged, l: 'REFERENT' });
    const memberships = h.gateway.app.get(MembershipsPersonData);
    const involvement = h.gateway.app.get(InvolvementService);
    await inTenant(async () => {
      await memberships.mergePerson(kept, merged);
      await involvement.mergePerson(kept, merged);
    });
    const k = await person(kept);
    expect(k.memberships.map((m) => [m.year, m.status, m.paidOn])).toEqual([
      [Y - 1, 'ACTIVE', `${Y - 1}-01-12`],
      [Y - 2, 'LAPSED', null],
    ]);
    expect(k.history[0]).toMatchObject({
      kind: 'membership.merged',
      summary: `Fusion de fiches : deux adhésions ${Y - 1}. Conservée : active, 20,00 € réglés par carte le 12/01/${Y - 1}. Écartée : en attente, 20,00 € non réglés. Note : Relancée en février`,
    });
    expect(k.involvements.map((i) => [i.source, i.level])).toEqual([
      ['manual', 'REFERENT'],
      ['membership', 'MEMBER'],
    ]);
    expect(k.involvementLevel).toBe('REFERENT');
    expect(await person(merged)).toMatchObject({ memberships: [], involvements: [], involvementLevel: 'INFORMED' });
  });

  it('exports the person, and an erasure keeps the counts and drops the note', async () => {
    const someone = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'Effacée', professionCode: '70' });
    await c.ok(SAVE, { i: paid(someone, Y - 1, { note: 'Préfère être appelée le soir' }) });
    const memberships = h.gateway.app.get(MembershipsPersonData);
    const involvement = h.gateway.app.get(InvolvementService);
    const exported = (await inTenant(() => memberships.exportPerson(someone))) as Array<{ year: number; note: string }>;
    expect(exported.map((m) => [m.year, m.note])).toEqual([[Y - 1, 'Préfère être appelée le soir']]);
    expect(await inTenant(() => involvement.exportPerson(someone))).toMatchObject({ level: 'member', sources: [{ source: 'membership', level: 'member' }] });
    const countsBefore = await c.ok(COUNTS, { y: Y - 1 });
    await inTenant(async () => {
      await memberships.erasePerson(someone);
      await involvement.erasePerson();
    });
    expect((await person(someone)).memberships).toMatchObject([{ year: Y - 1, status: 'ACTIVE', feeCents: 2000, note: null }]);
    expect(await c.ok(COUNTS, { y: Y - 1 })).toEqual(countsBefore);
  });

  it('is for the CPTS team only', async () => {
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect(errorCode(await board.request(COUNTS, { y: Y }))).toBe('FORBIDDEN');
    expect(errorCode(await board.request(SAVE, { i: paid(denis, Y) }))).toBe('FORBIDDEN');
  });
});
