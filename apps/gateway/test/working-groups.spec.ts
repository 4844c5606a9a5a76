import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const GROUP_FIELDS = `id name missions theme description status frame { purpose rules confidentiality } memberCount referentCount referentWarning`;
const CREATE = `mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { ${GROUP_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: WorkingGroupInput!) { updateWorkingGroup(id: $id, input: $i) { ${GROUP_FIELDS} } }`;
const GROUP = `query($id: ID!, $former: Boolean) { workingGroup(id: $id) { ${GROUP_FIELDS} members(includeFormer: $former) { id kind professionalId userId name role joinedAt leftAt } } }`;
const LIST = `query($s: WorkingGroupStatus) { workingGroups(status: $s) { id name status } }`;
const ADD = `mutation($g: ID!, $p: [ID!], $u: [ID!], $r: WorkingGroupRole) { addWorkingGroupMembers(groupId: $g, professionalIds: $p, userIds: $u, role: $r) { id professionalId userId name role } }`;
const SET_ROLE = `mutation($m: ID!, $r: WorkingGroupRole!) { setWorkingGroupMemberRole(memberId: $m, role: $r) { id role leftAt } }`;
const REMOVE = `mutation($m: ID!) { removeWorkingGroupMember(memberId: $m) { id leftAt } }`;
const PERSON = `query($id: ID!) { professional(id: $id) { involvementLevel history { kind summary } } }`;

type Group = { id: string; name: string; status: string; memberCount: number; referentCount: number; referentWarning: string | null };
type Member = { id: string; professionalId: string | null; userId: string | null; name: string; role: string; leftAt: string | null };

const fieldsOf = (res: GraphQLResult<unknown>) =>
  Object.fromEntries((res.errors?.[0].extensions?.fields ?? []).map((f: { field: string; message: string }) => [f.field, f.message]));

describe('working groups: the group, its frame, its members and referents', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[] };
  let staff: GraphQLClient;
  let member: GraphQLClient;
  let memberUserId: string;
  let board: GraphQLClient;
  const input = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    missions: ['CARE_PATHWAYS', 'PREVENTION'],
    theme: 'Diabète',
    description: 'Améliorer le parcours des patients diabétiques entre ville et hôpital.',
    frame: {
      purpose: 'Un parcours diabète lisible pour tous.',
      rules: 'Bienveillance, ponctualité.',
      confidentiality: 'Aucune donnée de patient identifiable.',
    },
    ...extra,
  });
  const pro = (lastName: string) => h.data.professional(tenant.id, tenant.communes[0], { lastName });

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Groupes', departement: '33', communes: 2 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const m = await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }]);
    memberUserId = m.id;
    member = await h.signedIn(m.email);
    board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
  });
  afterAll(() => h.close());

  it('creates a group with its missions and frame, one name per CPTS, and checks every field in French', async () => {
    const { createWorkingGroup: g } = await staff.ok<{ createWorkingGroup: Group & Record<string, unknown> }>(CREATE, {
      i: input('Parcours diabète'),
    });
    expect(g).toMatchObject({
      name: 'Parcours diabète',
      missions: ['CARE_PATHWAYS', 'PREVENTION'],
      status: 'ACTIVE',
      frame: {
        purpose: 'Un parcours diabète lisible pour tous.',
        rules: 'Bienveillance, ponctualité.',
        confidentiality: 'Aucune donnée de patient identifiable.',
      },
      memberCount: 0,
      referentCount: 0,
      referentWarning: "Ce groupe n'a pas de référent : désignez-en deux ou trois.",
    });
    const twice = await staff.request(CREATE, { i: input('  PARCOURS   diabète ') });
    expect(errorCode(twice)).toBe('CONFLICT');
    expect(fieldsOf(twice)).toEqual({ name: 'Nom déjà utilisé.' });
    const bad = await staff.request(CREATE, {
      i: input('', { missions: [], frame: { purpose: 'x'.repeat(2001), rules: '', confidentiality: '' } }),
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toMatchObject({ name: 'Le nom du groupe est obligatoire.', missions: 'Choisissez au moins une mission ACI.' });
    expect(Object.values(fieldsOf(bad))).toContain("L'objet du groupe ne peut pas dépasser 2 000 caractères.");
    const groups = await staff.ok<{ workingGroups: Group[] }>(LIST);
    expect(groups.workingGroups.filter((x) => x.name.toLowerCase().includes('diabète'))).toHaveLength(1);
    // Only the team creates groups.
    expect(errorCode(await member.request(CREATE, { i: input('Autre') }))).toBe('FORBIDDEN');
  });

  it('adds professionals and team users with a date; the history and the involvement level follow; a referent pair clears the warning', async () => {
    const { createWorkingGroup: g } = await staff.ok<{ createWorkingGroup: Group }>(CREATE, {
      i: input('Soins non programmés', { missions: ['ACCESS_TO_CARE'] }),
    });
    const [ana, bob, cle] = [await pro('Ana'), await pro('Bob'), await pro('Cle')];
    const added = (await staff.ok<{ addWorkingGroupMembers: Member[] }>(ADD, { g: g.id, p: [ana, bob], r: 'MEMBER' }))
      .addWorkingGroupMembers;
    expect(added.map((x) => x.name).sort()).toEqual(['Ana Prénom', 'Bob Prénom']);
    // Adding again changes nothing; adding as referent raises the role in place.
    await staff.ok(ADD, { g: g.id, p: [ana], r: 'MEMBER' });
    const after = (await staff.ok<{ addWorkingGroupMembers: Member[] }>(ADD, { g: g.id, p: [ana, cle], u: [memberUserId], r: 'REFERENT' }))
      .addWorkingGroupMembers;
    expect(after.map((x) => [x.name, x.role])).toEqual([
      ['Ana Prénom', 'REFERENT'],
      ['Cle Prénom', 'REFERENT'],
      [expect.any(String), 'REFERENT'],
      ['Bob Prénom', 'MEMBER'],
    ]);
    const { workingGroup } = await staff.ok<{ workingGroup: Group & { members: Member[] } }>(GROUP, { id: g.id });
    expect(workingGroup).toMatchObject({ memberCount: 4, referentCount: 3, referentWarning: null });

    const person = async (id: string) =>
      (await staff.ok<{ professional: { involvementLevel: string; history: Array<{ kind: string; summary: string }> } }>(PERSON, { id }))
        .professional;
    expect(await person(bob)).toMatchObject({
      involvementLevel: 'ACTION',
      history: expect.arrayContaining([
        { kind: 'working_group.joined', summary: 'A rejoint le groupe de travail « Soins non programmés ».' },
      ]),
    });
    expect((await person(ana)).involvementLevel).toBe('REFERENT');
    expect((await person(ana)).history[0]).toEqual({
      kind: 'working_group.role_changed',
      summary: 'Devient référent·e du groupe de travail « Soins non programmés ».',
    });

    // Ana steps down to member, Cle leaves: one referent left, the group says so; Cle's row stays in the history.
    const anaRow = after.find((x) => x.professionalId === ana)!;
    const cleRow = after.find((x) => x.professionalId === cle)!;
    const userRow = after.find((x) => x.userId === memberUserId)!;
    expect(
      (await staff.ok<{ setWorkingGroupMemberRole: Member }>(SET_ROLE, { m: anaRow.id, r: 'MEMBER' })).setWorkingGroupMemberRole.role,
    ).toBe('MEMBER');
    expect((await staff.ok<{ removeWorkingGroupMember: Member }>(REMOVE, { m: cleRow.id })).removeWorkingGroupMember.leftAt).not.toBeNull();
    expect(errorCode(await staff.request(REMOVE, { m: cleRow.id }))).toBe('CONFLICT');
    const now = (await staff.ok<{ workingGroup: Group & { members: Member[] } }>(GROUP, { id: g.id, former: true })).workingGroup;
    expect(now).toMatchObject({
      memberCount: 3,
      referentCount: 1,
      referentWarning: "Un seul référent : un binôme ou un trinôme évite qu'une personne porte seule le groupe.",
    });
    expect(now.members.find((x) => x.id === cleRow.id)?.leftAt).not.toBeNull();
    expect((await person(ana)).involvementLevel).toBe('ACTION');
    expect(await person(cle)).toMatchObject({
      involvementLevel: 'INFORMED',
      history: expect.arrayContaining([{ kind: 'working_group.left', summary: 'A quitté le groupe de travail « Soins non programmés ».' }]),
    });
    // Cle joins again: a new row, the old one kept.
    await staff.ok(ADD, { g: g.id, p: [cle] });
    const rows = (await staff.ok<{ workingGroup: { members: Member[] } }>(GROUP, { id: g.id, former: true })).workingGroup.members.filter(
      (x) => x.professionalId === cle,
    );
    expect(rows.map((x) => x.leftAt === null).sort()).toEqual([false, true]);

    // The member user is now this group's referent: they may change it, but not another group.
    expect((await member.ok<{ workingGroups: Group[] }>(LIST)).workingGroups.map((x) => x.id)).toEqual([g.id]);
    await member.ok(UPDATE, { id: g.id, i: input('Soins non programmés', { missions: ['ACCESS_TO_CARE'], status: 'PAUSED' }) });
    const other = (await staff.ok<{ workingGroups: Group[] }>(LIST)).workingGroups.find((x) => x.id !== g.id)!;
    expect(errorCode(await member.request(GROUP, { id: other.id }))).toBe('NOT_FOUND');
    expect(errorCode(await member.request(ADD, { g: other.id, p: [bob] }))).toBe('NOT_FOUND');
    // Stepped down, they read their group but no longer change it; the board reads every group and changes none.
    await staff.ok(SET_ROLE, { m: userRow.id, r: 'MEMBER' });
    expect(errorCode(await member.request(ADD, { g: g.id, p: [bob] }))).toBe('FORBIDDEN');
    expect((await board.ok<{ workingGroups: Group[] }>(LIST)).workingGroups.length).toBeGreaterThanOrEqual(2);
    expect(errorCode(await board.request(UPDATE, { id: g.id, i: input('Pirate', { missions: ['QUALITY'] }) }))).toBe('FORBIDDEN');
    expect((await staff.ok<{ workingGroup: Group }>(GROUP, { id: g.id })).workingGroup).toMatchObject({
      name: 'Soins non programmés',
      status: 'PAUSED',
    });
  });

  it('refuses people it cannot take, and writes nothing', async () => {
    const { createWorkingGroup: g } = await staff.ok<{ createWorkingGroup: Group }>(CREATE, {
      i: input('Prévention', { missions: ['PREVENTION'] }),
    });
    const kept = await pro('Garde');
    const gone = await pro('Parti');
    await staff.ok(`mutation($id: ID!) { archiveProfessional(id: $id) { id } }`, { id: gone });
    const stranger = await h.data.user([
      { role: Role.STAFF, tenantId: (await h.data.cpts(await h.data.region(), { departement: '40' })).id },
    ]);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ p: [kept, gone] }, 'professionalIds', "Parti Prénom a été retiré·e de l'annuaire : ne peut pas rejoindre un groupe."],
      [{ p: [kept, '00000000-0000-4000-8000-000000000000'] }, 'professionalIds', 'Professionnel introuvable (1).'],
      [{ p: [kept], u: [stranger.id] }, 'userIds', "Un des utilisateurs n'appartient pas à la CPTS."],
      [{ p: [] }, 'professionalIds', 'Choisissez au moins une personne.'],
    ];
    for (const [vars, field, message] of cases) {
      const res = await staff.request(ADD, { g: g.id, ...vars });
      expect(fieldsOf(res)).toEqual({ [field]: message });
    }
    expect((await staff.ok<{ workingGroup: Group }>(GROUP, { id: g.id })).workingGroup.memberCount).toBe(0);
  });

  it("follows a merge: the kept record takes the merged one's groups, one row per group, the higher role", async () => {
    const { createWorkingGroup: g } = await staff.ok<{ createWorkingGroup: Group }>(CREATE, {
      i: input('Santé mentale', { missions: ['CARE_PATHWAYS'] }),
    });
    const kept = await pro('Durand');
    const merged = await pro('DURAND');
    await staff.ok(ADD, { g: g.id, p: [kept], r: 'MEMBER' });
    await staff.ok(ADD, { g: g.id, p: [merged], r: 'REFERENT' });
    await staff.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: kept, m: merged });
    const { workingGroup } = await staff.ok<{ workingGroup: Group & { members: Member[] } }>(GROUP, { id: g.id });
    expect(workingGroup.members.map((x) => [x.professionalId, x.role])).toEqual([[kept, 'REFERENT']]);
    // The GDPR export lists the person's groups: the one they lead, and the merged record's row, closed.
    const { personData } = await staff.ok<{ personData: string }>(`query($id: ID!) { personData(id: $id) }`, { id: kept });
    const rows = JSON.parse(personData).workingGroups.memberships as Array<{ group: string; role: string; leftAt: string | null }>;
    expect(rows.map((r) => [r.group, r.role, r.leftAt === null])).toEqual(
      expect.arrayContaining([
        ['Santé mentale', 'referent', true],
        ['Santé mentale', 'referent', false],
      ]),
    );
  });

  it("takes requests to join from the group's link, without an account, and lets the team or a referent accept or decline them", async () => {
    const { createWorkingGroup: g } = await staff.ok<{ createWorkingGroup: Group }>(CREATE, { i: input('Santé des femmes') });
    const GROUP_JOIN = `query($id: ID!) { workingGroup(id: $id) { joinUrl joinRequests { id firstName lastName email profession message status matches { professionalId name } } } }`;
    type Join = { joinUrl: string | null; joinRequests: Array<{ id: string; firstName: string; email: string; message: string; status: string; matches: Array<{ professionalId: string }> }> };
    const joinOf = async (client: GraphQLClient) => (await client.ok<{ workingGroup: Join }>(GROUP_JOIN, { id: g.id })).workingGroup;
    const { joinUrl } = await joinOf(staff);
    expect(joinUrl).toMatch(/\/cpts\/[a-z0-9-]+\/groupes\/[A-Za-z0-9_-]+$/);
    const token = joinUrl!.split('/').pop() as string;
    const api = (suffix = '', init?: RequestInit) => fetch(`${h.gateway.url}/api/public/working-groups/${token}${suffix}`, init);
    const ask = (body: unknown) => api('/join-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // The page shows the group and its frame; reading it records nothing.
    const page = await api();
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ cptsName: 'CPTS Groupes', groupName: 'Santé des femmes', frame: { purpose: 'Un parcours diabète lisible pour tous.' }, closed: null });
    // A member of the group sees neither the link nor the requests.
    await staff.ok(ADD, { g: g.id, u: [memberUserId], r: 'MEMBER' });
    expect(await joinOf(member)).toEqual({ joinUrl: null, joinRequests: [] });

    // Bad input: a clear message per field, nothing kept.
    const bad = await ask({ firstName: '', lastName: 'Durand', email: 'pas-une-adresse', profession: 'x'.repeat(121) });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { errors: Array<{ extensions: { code: string; fields: Array<{ field: string; message: string }> } }> };
    expect(badBody.errors[0].extensions.fields).toEqual([
      { field: 'firstName', message: 'Prénom : à remplir.' },
      { field: 'profession', message: 'Profession : 120 caractères au plus.' },
      { field: 'email', message: 'Adresse e-mail invalide.' },
    ]);
    expect((await joinOf(staff)).joinRequests).toEqual([]);
    // A forged or altered link reaches nothing.
    expect((await fetch(`${h.gateway.url}/api/public/working-groups/${token.slice(0, -2)}xx`)).status).toBe(404);

    // A person of the directory asks, then asks again (one request, updated); someone unknown asks too.
    const sophie = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Sage', firstName: 'Sophie', email: 'Sophie.Sage@exemple.fr' });
    const request = { firstName: 'Sophie', lastName: 'Sage', email: 'sophie.sage@exemple.fr', profession: 'Sage-femme', message: 'Je suis installée depuis un an.' };
    expect((await ask(request)).status).toBe(201);
    expect((await ask({ ...request, email: 'SOPHIE.SAGE@exemple.fr', message: 'Disponible le jeudi soir.' })).status).toBe(201);
    expect((await ask({ firstName: 'Inconnu', lastName: 'Hors', email: 'inconnu@exemple.fr', profession: 'Kinésithérapeute' })).status).toBe(201);
    const pending = (await joinOf(staff)).joinRequests;
    expect(pending.map((r) => [r.email, r.message, r.matches.map((m) => m.professionalId)])).toEqual([
      ['sophie.sage@exemple.fr', 'Disponible le jeudi soir.', [sophie]],
      ['inconnu@exemple.fr', '', []],
    ]);

    // Only the team or a referent answers; nobody joins without the yes.
    const ACCEPT = `mutation($id: ID!, $p: ID) { acceptWorkingGroupJoinRequest(id: $id, professionalId: $p) { status } }`;
    const DECLINE = `mutation($id: ID!) { declineWorkingGroupJoinRequest(id: $id) { status } }`;
    expect(errorCode(await member.request(ACCEPT, { id: pending[0].id }))).toBe('FORBIDDEN');
    // Nobody in the directory has the unknown address: the team must name the record.
    expect(fieldsOf(await staff.request(ACCEPT, { id: pending[1].id }))).toEqual({
      professionalId: "Personne de l'annuaire n'a cette adresse : choisissez sa fiche (ou créez-la d'abord).",
    });
    expect((await staff.ok<{ acceptWorkingGroupJoinRequest: { status: string } }>(ACCEPT, { id: pending[0].id })).acceptWorkingGroupJoinRequest.status).toBe('ACCEPTED');
    expect((await staff.ok<{ declineWorkingGroupJoinRequest: { status: string } }>(DECLINE, { id: pending[1].id })).declineWorkingGroupJoinRequest.status).toBe('DECLINED');
    expect(errorCode(await staff.request(DECLINE, { id: pending[0].id }))).toBe('CONFLICT');
    expect((await joinOf(staff)).joinRequests).toEqual([]);

    // Sophie is a member, with the history and involvement level adding her writes, and is told by email.
    const { workingGroup } = await staff.ok<{ workingGroup: { members: Member[] } }>(GROUP, { id: g.id });
    expect(workingGroup.members.find((m) => m.professionalId === sophie)).toMatchObject({ role: 'MEMBER', leftAt: null });
    const person = await staff.ok<{ professional: { involvementLevel: string; history: Array<{ kind: string }> } }>(PERSON, { id: sophie });
    expect(person.professional.involvementLevel).toBe('ACTION');
    const mails = await h.data.pool.query(`SELECT subject FROM mail_outbox WHERE tenant_id = $1 AND kind = 'working_group_join_accepted' AND to_address = $2`, [
      tenant.id,
      'sophie.sage@exemple.fr',
    ]);
    expect(mails.rows).toEqual([{ subject: 'Bienvenue dans le groupe « Santé des femmes »' }]);
    await h.data.pool.query(`DELETE FROM mail_outbox WHERE tenant_id = $1 AND kind = 'working_group_join_accepted'`, [tenant.id]);

    // What she wrote is part of her data: exported, then gone with the erasure (the coordinator erases).
    const coordinator = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }])).email);
    const exported = JSON.parse((await coordinator.ok<{ personData: string }>(`query($id: ID!) { personData(id: $id) }`, { id: sophie })).personData);
    expect(exported.workingGroups.joinRequests).toMatchObject([{ group: 'Santé des femmes', message: 'Disponible le jeudi soir.', status: 'accepted' }]);
    await coordinator.ok(`mutation($id: ID!) { eraseProfessional(id: $id, confirmation: "Sage") { id } }`, { id: sophie });
    const kept = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT email FROM working_group_join_requests WHERE tenant_id = $1 AND group_id = $2 ORDER BY email`, [tenant.id, g.id]),
    );
    expect(kept.rows).toEqual([{ email: 'inconnu@exemple.fr' }]);

    // A paused group takes no request, and says why.
    await staff.ok(UPDATE, { id: g.id, i: input('Santé des femmes', { status: 'PAUSED' }) });
    const paused = await ask(request);
    expect(paused.status).toBe(409);
    expect(((await paused.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe(
      "Ce groupe de travail est en pause : il n'accueille pas de nouveaux membres pour l'instant.",
    );
  });

  it("shows a followed CPTS's groups to its mission officer, read-only and as figures, and nothing of a CPTS not followed", async () => {
    const region = (await h.data.pool.query(`SELECT region_id FROM tenants WHERE id = $1`, [tenant.id])).rows[0].region_id as string;
    const officer = await h.data.user([{ role: Role.MISSION_OFFICER, regionId: region }]);
    await h.data.follow(officer.id, [tenant.id]);
    const other = await h.data.cpts(region, { name: 'CPTS Non Suivie', departement: '33', communes: 1 });
    const client = await h.signedIn(officer.email);
    const FOLLOWED = `query($id: ID!) { cpts(id: $id) { name workingGroups { name status memberCount referentCount openActionItems overdueActionItems doneThisQuarter meetingsThisYear nextMeetingAt } } }`;
    const { cpts } = await client.ok<{ cpts: { workingGroups: Array<{ name: string; status: string; memberCount: number; referentCount: number }> } }>(FOLLOWED, { id: tenant.id });
    // The same groups and counts as the CPTS's team sees.
    const mine = await staff.ok<{ workingGroups: Group[] }>(`{ workingGroups { name status memberCount referentCount } }`);
    const figures = (list: Array<{ name: string; status: string; memberCount: number; referentCount: number }>) =>
      list.map((g) => [g.name, g.status, g.memberCount, g.referentCount]).sort();
    expect(figures(cpts.workingGroups)).toEqual(figures(mine.workingGroups));
    expect(cpts.workingGroups.find((g) => g.name === 'Parcours diabète')).toMatchObject({ status: 'ACTIVE' });
    // The read is logged, as every regional read.
    const logged = await h.data.pool.query(`SELECT purpose FROM regional_access_log WHERE user_id = $1`, [officer.id]);
    expect(logged.rows.map((r) => r.purpose)).toContain('working-groups');
    // A CPTS not followed: refused; nothing changes through this path (there is no mutation for it).
    const refused = await client.request(FOLLOWED, { id: other.id });
    expect(refused.data?.cpts ?? null).toBeNull();
    expect(errorCode(refused)).toMatch(/FORBIDDEN|NOT_FOUND/);
    // The CPTS's own people do not read their groups through the regional path.
    expect(errorCode(await staff.request(`query($id: ID!) { cpts(id: $id) { workingGroups { name } } }`, { id: tenant.id }))).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
