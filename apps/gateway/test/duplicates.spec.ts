import { InvolvementLevel, PersonDataParts, PersonDirectory, PersonHistory, PersonInvolvement } from '@cpts/platform-persons';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const CREATE = `mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`;
const CANDIDATES = `{ duplicateCandidates { reason first { id lastName firstName } second { id lastName firstName } } }`;
const MERGE = `mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id rpps email phone structureName mergedInto history { kind summary } } }`;
const DISMISS = `mutation($a: ID!, $b: ID!) { dismissDuplicate(firstId: $a, secondId: $b) }`;
const PERSON = `query($id: ID!) { professional(id: $id) { id archivedAt mergedInto rpps history { kind summary } } }`;
const LIST = `query($f: ProfessionalFilter) { professionals(first: 100, filter: $f) { totalCount edges { node { id } } } }`;

type Candidate = { reason: string; first: { id: string }; second: { id: string } };
type Merged = { id: string; rpps: string | null; email: string | null; phone: string | null; structureName: string | null; mergedInto: string | null; history: Array<{ kind: string; summary: string }> };

describe('duplicates of the directory and their merge', () => {
  let h: Harness;
  let c: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  const pro = (lastName: string, firstName: string, extra: Record<string, unknown> = {}) => ({ lastName, firstName, professionCode: '60', communeCode: tenant.communes[0], ...extra });
  const create = async (input: Record<string, unknown>) => (await c.ok<{ createProfessional: { id: string } }>(CREATE, { i: input })).createProfessional.id;
  const candidates = async (client = c) => (await client.ok<{ duplicateCandidates: Candidate[] }>(CANDIDATES)).duplicateCandidates;
  const pairOf = (list: Candidate[], a: string, b: string) => list.find((p) => [p.first.id, p.second.id].sort().join() === [a, b].sort().join());

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Doublons', departement: '79', communes: 3 });
    c = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
  });
  afterAll(() => h.close());

  it('lists records that may be one person, with the reason, and nothing else', async () => {
    const dupont = await create(pro('Dupont', 'Marie'));
    const upper = await create(pro('DUPONT', 'Marie'));
    const typo = await create(pro('Dupond', 'Marie'));
    const swapped = await create(pro('Marie', 'Dupont'));
    const durand = await create(pro('Durand', 'Marie'));
    const doctor = await create(pro('Dupont', 'Marie', { professionCode: '10' }));
    const elsewhere = await create(pro('Dupont', 'Marie', { communeCode: tenant.communes[1] }));
    const list = await candidates();
    expect(pairOf(list, dupont, upper)?.reason).toBe('SAME_NAME');
    expect(pairOf(list, dupont, swapped)?.reason).toBe('SAME_NAME');
    expect(pairOf(list, dupont, typo)?.reason).toBe('CLOSE_NAME');
    for (const other of [durand, doctor, elsewhere]) expect(list.some((p) => p.first.id === other || p.second.id === other)).toBe(false);
    // Strongest reason first.
    expect(list.map((p) => p.reason)).toEqual([...list.map((p) => p.reason)].sort((a, b) => ['SAME_RPPS', 'SAME_NAME', 'CLOSE_NAME'].indexOf(a) - ['SAME_RPPS', 'SAME_NAME', 'CLOSE_NAME'].indexOf(b)));
    // Archived records are not candidates.
    await c.ok(`mutation($id: ID!) { archiveProfessional(id: $id) { id } }`, { id: swapped });
    expect(pairOf(await candidates(), dupont, swapped)).toBeUndefined();
  });

  it('forgets a pair the staff said are two people, whichever way round, and only that pair', async () => {
    const a = await create(pro('Bernard', 'Louise'));
    const b = await create(pro('Bernart', 'Louise'));
    const x = await create(pro('Bernard', 'Louise', { structureName: 'MSP' }));
    expect(pairOf(await candidates(), a, b)).toBeDefined();
    expect(await c.ok(DISMISS, { a: b, b: a })).toEqual({ dismissDuplicate: true });
    expect(await c.ok(DISMISS, { a, b })).toEqual({ dismissDuplicate: true }); // twice: no error
    const list = await candidates();
    expect(pairOf(list, a, b)).toBeUndefined();
    expect(pairOf(list, a, x)).toBeDefined();
    expect(errorCode(await c.request(DISMISS, { a, b: a }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await c.request(DISMISS, { a, b: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });

  it('merges: the kept values win, blanks are filled (RPPS included), both histories are kept, the merged record leads to the kept one', async () => {
    const kept = await create(pro('Petit', 'Jeanne', { email: 'j.petit@exemple.fr' }));
    await c.ok(UPDATE, { id: kept, i: pro('Petit', 'Jeanne', { email: 'jeanne@exemple.fr', phone: null }) });
    const merged = await create(pro('PETIT', 'Jeanne', { rpps: '10100000008', email: 'autre@exemple.fr', phone: '05 49 11 22 33', structureName: 'Cabinet des Halles' }));
    const { mergeProfessionals: result } = await c.ok<{ mergeProfessionals: Merged }>(MERGE, { k: kept, m: merged });
    expect(result).toMatchObject({ id: kept, rpps: '10100000008', email: 'jeanne@exemple.fr', phone: '05 49 11 22 33', structureName: 'Cabinet des Halles', mergedInto: null });
    const kinds = result.history.map((e) => e.kind);
    expect(kinds[0]).toBe('person.merged');
    expect(result.history[0].summary).toBe("Fiche fusionnée avec celle de Jeanne PETIT (complétée : structure d'exercice, téléphone, RPPS).");
    // The kept record's own lines (created, updated) and the merged one's (created).
    expect(kinds.filter((k) => k === 'person.created')).toHaveLength(2);
    expect(kinds).toContain('person.updated');

    const { professional: old } = await c.ok<{ professional: { archivedAt: string | null; mergedInto: string; rpps: string | null; history: unknown[] } }>(PERSON, { id: merged });
    expect(old).toMatchObject({ mergedInto: kept, rpps: null, history: [] });
    expect(old.archivedAt).not.toBeNull();
    // Never listed again, not even among the archives, nor as a candidate.
    for (const archived of [false, true]) {
      const list = await c.ok<{ professionals: { edges: Array<{ node: { id: string } }> } }>(LIST, { f: { search: 'petit', archived } });
      expect(list.professionals.edges.map((e) => e.node.id)).not.toContain(merged);
    }
    expect((await candidates()).some((p) => [p.first.id, p.second.id].includes(merged))).toBe(false);
    // Recorded with the merged record as it was.
    const [record] = await h.data.inTenant(tenant.id, async (db) => (await db.query(`SELECT kept_id, snapshot FROM professional_merges WHERE merged_id = $1`, [merged])).rows);
    expect(record).toMatchObject({ kept_id: kept, snapshot: { id: merged, last_name: 'PETIT', rpps: '10100000008', email: 'autre@exemple.fr' } });
    // Its RPPS now belongs to the kept record: a new record with it is refused.
    expect(errorCode(await c.request(CREATE, { i: pro('Autre', 'Personne', { rpps: '10100000008' }) }))).toBe('CONFLICT');
  });

  it('fills the e-mail with what it is: a personal address stays personal (no newsletter without consent)', async () => {
    const kept = await create(pro('Durand', 'Marie'));
    const merged = await create(pro('Durand', 'Marie', { email: 'marie.d@gmail.com', emailIsWork: false }));
    const work = await create(pro('Leroy', 'Paul'));
    const workMerged = await create(pro('Leroy', 'Paul', { email: 'p.leroy@msp-niort.fr' }));
    await c.ok(MERGE, { k: kept, m: merged });
    await c.ok(MERGE, { k: work, m: workMerged });
    const rows = await h.data.inTenant(tenant.id, async (db) =>
      (await db.query(`SELECT id, email, email_is_work FROM professionals WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenant.id, [kept, work]])).rows,
    );
    expect(Object.fromEntries(rows.map((r: { id: string; email: string; email_is_work: boolean }) => [r.id, [r.email, r.email_is_work]]))).toEqual({
      [kept]: ['marie.d@gmail.com', false],
      [work]: ['p.leroy@msp-niort.fr', true],
    });
  });

  it('refuses the same record twice, unknown records, and a record already merged, changing nothing', async () => {
    const a = await create(pro('Roux', 'Anne'));
    const b = await create(pro('Roux', 'Ane'));
    expect(errorCode(await c.request(MERGE, { k: a, m: a }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await c.request(MERGE, { k: a, m: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(errorCode(await c.request(MERGE, { k: a, m: 'pas-un-id' }))).toBe('BAD_USER_INPUT');
    await c.ok(MERGE, { k: a, m: b });
    const again = await c.request(MERGE, { k: a, m: b });
    expect([errorCode(again), again.errors?.[0].message]).toEqual(['CONFLICT', 'Cette fiche a déjà été fusionnée avec une autre.']);
    expect(errorCode(await c.request(MERGE, { k: b, m: a }))).toBe('CONFLICT');
    // A merged record cannot be restored or edited back into the directory.
    expect(errorCode(await c.request(`mutation($id: ID!) { restoreProfessional(id: $id) { id } }`, { id: b }))).toBe('NOT_FOUND');
    expect(errorCode(await c.request(UPDATE, { id: b, i: pro('Roux', 'Ane') }))).toBe('NOT_FOUND');
  });

  it('chains: a record merged into one that is merged in turn leads to the last one', async () => {
    const a = await create(pro('Blanc', 'Luc'));
    const b = await create(pro('Blanc', 'Luc'));
    const k = await create(pro('Blanc', 'Luc'));
    await c.ok(MERGE, { k: b, m: a });
    await c.ok(MERGE, { k, m: b });
    expect((await c.ok<{ professional: { mergedInto: string } }>(PERSON, { id: a })).professional.mergedInto).toBe(k);
    const merges = await h.data.inTenant(tenant.id, async (db) => (await db.query(`SELECT merged_id, kept_id FROM professional_merges WHERE kept_id = $1 ORDER BY merged_at`, [k])).rows);
    expect(merges).toEqual([{ merged_id: a, kept_id: k }, { merged_id: b, kept_id: k }]);
  });

  it('keeps every membership, consent, label, involvement and history line of both records', async () => {
    const year = new Date().getFullYear();
    const kept = await create(pro('Lambert', 'Sophie', { email: 's.lambert@exemple.fr' }));
    const merged = await create(pro('LAMBERT', 'Sophie', { phone: '05 49 11 22 33' }));
    const save = `mutation($i: MembershipInput!) { saveMembership(input: $i) { id } }`;
    // The same year on both (the active one wins, the other goes to the history), and a year only the merged one has.
    await c.ok(save, { i: { professionalId: kept, year, status: 'PENDING', feeCents: 2000, college: 'LIBERAL' } });
    await c.ok(save, { i: { professionalId: merged, year, status: 'ACTIVE', feeCents: 2000, paidOn: `${year}-01-10`, paymentMeans: 'CHEQUE', college: 'LIBERAL' } });
    await c.ok(save, { i: { professionalId: merged, year: year - 1, status: 'ACTIVE', feeCents: 1500, paidOn: `${year - 1}-02-01`, paymentMeans: 'TRANSFER', college: 'LIBERAL' } });
    const { consentWordings } = await c.ok<{ consentWordings: Array<{ purpose: string; version: string; current: boolean }> }>(`{ consentWordings { purpose version current } }`);
    const wording = consentWordings.find((w) => w.purpose === 'EVENT_INVITATIONS' && w.current)!.version;
    await c.ok(`mutation($p: ID!, $v: String!) { giveConsent(professionalId: $p, purpose: EVENT_INVITATIONS, method: PAPER, wordingVersion: $v) { id } }`, { p: merged, v: wording });
    const label = (await c.ok<{ createDirectoryLabel: { id: string } }>(`mutation { createDirectoryLabel(input: { name: "Formée aux soins TND" }) { id } }`)).createDirectoryLabel.id;
    await c.ok(`mutation($p: ID!, $l: [ID!]!) { setProfessionalLabels(professionalId: $p, labelIds: $l) { id } }`, { p: merged, l: [label] });
    await c.ok(`mutation($p: ID!) { setInvolvementLevel(professionalId: $p, level: REFERENT) { id } }`, { p: merged });
    // A newsletter the merged record received: the campaign's report and follow-up then count the kept person.
    const sent = await h.data.campaign(tenant.id, { bodyHtml: '<p>Bonjour</p>', recipients: [{ email: 'sophie@exemple.fr', professionalId: merged }] });

    await c.ok(MERGE, { k: kept, m: merged });
    const { rows: recipients } = await h.data.inTenant(tenant.id, (db) => db.query(`SELECT professional_id FROM campaign_deliveries WHERE tenant_id = $1 AND id = $2`, [tenant.id, sent.deliveryIds[0]]));
    expect(recipients).toEqual([{ professional_id: kept }]);
    const { professional: p } = await c.ok<{
      professional: {
        phone: string;
        involvementLevel: string;
        memberships: Array<{ year: number; status: string }>;
        consents: Array<{ purpose: string; status: string | null; lastEvent: { method: string; wordingVersion: string } | null }>;
        labels: Array<{ name: string }>;
        history: Array<{ kind: string; summary: string }>;
      };
    }>(
      `query($id: ID!) { professional(id: $id) { phone involvementLevel memberships { year status } consents { purpose status lastEvent { method wordingVersion } }
         labels { name } history(first: 100) { kind summary } } }`,
      { id: kept },
    );
    expect(p.phone).toBe('05 49 11 22 33');
    expect(p.memberships.map((m) => [m.year, m.status])).toEqual([
      [year, 'ACTIVE'],
      [year - 1, 'ACTIVE'],
    ]);
    expect(p.consents.find((x) => x.purpose === 'EVENT_INVITATIONS')).toMatchObject({ status: 'GIVEN', lastEvent: { method: 'PAPER', wordingVersion: wording } });
    expect(p.labels.map((l) => l.name)).toEqual(['Formée aux soins TND']);
    expect(p.involvementLevel).toBe('REFERENT');
    const kinds = p.history.map((e) => e.kind);
    // Both records' lines (each was created, the merged one was given a consent), the merge, and the membership the merge set aside.
    expect(kinds.filter((k) => k === 'person.created')).toHaveLength(2);
    expect(kinds).toEqual(expect.arrayContaining(['person.merged', 'consent.given']));
    expect(p.history.some((e) => e.summary.includes(`${year}`) && e.kind.startsWith('membership.'))).toBe(true);
  });

  it("is part of the person's data: the GDPR export lists the merged records, the erasure empties them", async () => {
    const kept = await create(pro('Garnier', 'Inès', { email: 'ines@exemple.fr' }));
    const merged = await create(pro('GARNIER', 'Ines', { email: 'i.garnier@exemple.fr', phone: '05 49 00 11 22' }));
    // An import report still shows the merged record's phone beside the extraction's.
    await h.data.inTenant(tenant.id, async (q) => {
      await q.query(`INSERT INTO directory_imports (tenant_id, id, file_name, file_bytes, status) VALUES ($1, '22222222-2222-4222-8222-222222222222', 'x.txt', 1, 'done')`, [tenant.id]);
      await q.query(
        `INSERT INTO directory_import_issues (tenant_id, import_id, seq, kind, reason, professional_id, field, current_value, imported_value)
         VALUES ($1, '22222222-2222-4222-8222-222222222222', 1, 'conflict', 'modifié', $2, 'phone', '05 49 00 11 22', '05 49 33 44 55')`,
        [tenant.id, merged],
      );
    });
    await c.ok(MERGE, { k: kept, m: merged });
    const part = h.gateway.app.get(PersonDataParts).all().find((p) => p.key === 'merges');
    const db = h.gateway.app.get(Db);
    const exported = (await db.run({ tenantId: tenant.id }, () => part!.exportPerson(kept))) as Array<{ mergedId: string; mergedRecord: Record<string, unknown> }>;
    expect(exported).toEqual([expect.objectContaining({ mergedId: merged, mergedRecord: expect.objectContaining({ last_name: 'GARNIER', email: 'i.garnier@exemple.fr' }) })]);
    await db.run({ tenantId: tenant.id }, () => part!.erasePerson(kept));
    const [row] = await h.data.inTenant(tenant.id, async (q) => (await q.query(`SELECT last_name, email, phone FROM professionals WHERE id = $1`, [merged])).rows);
    expect(row).toEqual({ last_name: 'Personne effacée', email: null, phone: null });
    const [record] = await h.data.inTenant(tenant.id, async (q) => (await q.query(`SELECT snapshot FROM professional_merges WHERE merged_id = $1`, [merged])).rows);
    expect(record.snapshot).toEqual({ id: merged });
    const issues = await h.data.inTenant(tenant.id, async (q) => (await q.query(`SELECT count(*)::int AS n FROM directory_import_issues WHERE professional_id = $1`, [merged])).rows);
    expect(issues).toEqual([{ n: 0 }]);
  });

  it('gives other modules a person through the person contracts: merges followed, history written, a level from their own source, one CPTS only', async () => {
    const kept = await create(pro('Lemoine', 'Claire', { email: 'c.lemoine@exemple.fr' }));
    const merged = await create(pro('LEMOINE', 'Claire'));
    await c.ok(MERGE, { k: kept, m: merged });
    const db = h.gateway.app.get(Db);
    const persons = h.gateway.app.get(PersonDirectory);
    const nobody = '00000000-0000-4000-8000-000000000000';
    const found = await db.run({ tenantId: tenant.id }, () => persons.resolve([kept, merged, nobody, 'pas-un-uuid']));
    expect([...found.keys()].sort()).toEqual([kept, merged].sort());
    expect(found.get(merged)).toEqual({ id: kept, firstName: 'Claire', lastName: 'Lemoine', professionCode: '60', email: 'c.lemoine@exemple.fr', archived: false, erased: false });
    await expect(db.run({ tenantId: tenant.id }, () => persons.require(nobody))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Another CPTS does not see the person, by either id.
    const other = await h.data.cpts(await h.data.region(), { name: 'CPTS Ailleurs', departement: '86', communes: 1 });
    expect((await db.run({ tenantId: other.id }, () => persons.resolve([kept, merged]))).size).toBe(0);

    await db.run({ tenantId: tenant.id }, async () => {
      await h.gateway.app.get(PersonHistory).record(kept, 'working_group.joined', 'A rejoint le groupe « Parcours diabète ».', { groupId: nobody });
      await h.gateway.app.get(PersonInvolvement).setSourceFor([kept], `working_group:${nobody}`, InvolvementLevel.REFERENT);
    });
    const { professional } = await c.ok<{ professional: { involvementLevel: string; history: Array<{ kind: string; summary: string }> } }>(
      `query($id: ID!) { professional(id: $id) { involvementLevel history { kind summary } } }`,
      { id: kept },
    );
    expect(professional.involvementLevel).toBe('REFERENT');
    expect(professional.history[0]).toEqual({ kind: 'working_group.joined', summary: 'A rejoint le groupe « Parcours diabète ».' });
  });

  it("keeps to the CPTS: another CPTS's records can be neither listed, dismissed nor merged, and only the team may act", async () => {
    const other = await h.data.cpts(await h.data.region(), { name: 'CPTS Voisine des doublons', departement: '79', communes: 1 });
    const theirs = await h.data.professional(other.id, other.communes[0], { lastName: 'Voisin', firstName: 'Marc' });
    const theirsToo = await h.data.professional(other.id, other.communes[0], { lastName: 'Voisin', firstName: 'Marc' });
    const ours = await create(pro('Voisin', 'Marc'));
    expect((await candidates()).some((p) => [p.first.id, p.second.id].includes(theirs))).toBe(false);
    expect(errorCode(await c.request(MERGE, { k: ours, m: theirs }))).toBe('NOT_FOUND');
    expect(errorCode(await c.request(MERGE, { k: theirs, m: theirsToo }))).toBe('NOT_FOUND');
    expect(errorCode(await c.request(DISMISS, { a: ours, b: theirs }))).toBe('NOT_FOUND');
    const theirStaff = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: other.id }])).email);
    expect(pairOf(await candidates(theirStaff), theirs, theirsToo)).toBeDefined();
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect(errorCode(await board.request(CANDIDATES))).toBe('FORBIDDEN');
    expect(errorCode(await board.request(MERGE, { k: ours, m: ours }))).toBe('FORBIDDEN');
  });
});
