import { DataSource } from 'typeorm';
import { Role } from '@cpts/platform-core';
import { GraphQLClient, errorCode } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const FIELDS = `id lastName firstName rpps email phone communeCode structureName archivedAt profession { code label } commune { inseeCode name }`;
const LIST = `query($first: Int!, $after: String, $filter: ProfessionalFilter) {
  professionals(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } } }
}`;
const CREATE = `mutation($i: ProfessionalInput!) { createProfessional(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { ${FIELDS} } }`;

type Node = { id: string; lastName: string; firstName: string; email: string | null; phone: string | null; profession: { code: string }; commune: { name: string } };
type ListResult = { professionals: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: Node }> } };

describe('the professionals directory of a CPTS', () => {
  let h: Harness;
  let c: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  let staffName: string;
  const valid = () => ({ lastName: 'Lefèvre', firstName: 'Élodie', professionCode: '70', rpps: '10100000008', communeCode: tenant.communes[0], structureName: 'Cabinet du centre', email: 'E.Lefevre@exemple.fr', phone: '+33 5 56 12 34 56' });

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Annuaire', departement: '79', communes: 4 });
    const staff = await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }]);
    staffName = `Test ${staff.email.split('@')[0]}`;
    c = await h.signedIn(staff.email);
  });
  afterAll(() => h.close());

  it('creates a professional, normalising what people type', async () => {
    const { createProfessional: p } = await c.ok<{ createProfessional: Node & { rpps: string } }>(CREATE, { i: valid() });
    expect(p).toMatchObject({ lastName: 'Lefèvre', firstName: 'Élodie', rpps: '10100000008', email: 'e.lefevre@exemple.fr', phone: '05 56 12 34 56', profession: { code: '70' } });
  });

  it('answers bad input with French messages attached to the right fields, and writes nothing', async () => {
    const before = (await c.ok<ListResult>(LIST, { first: 50 })).professionals.totalCount;
    const bad = await c.request(CREATE, { i: { ...valid(), email: 'pas-une-adresse', rpps: '12345678901', phone: '12', lastName: '' } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const fields = Object.fromEntries((bad.errors?.[0].extensions?.fields ?? []).map((f) => [f.field, f.message]));
    expect(fields).toMatchObject({ email: 'Adresse e-mail invalide.', lastName: 'Le nom est obligatoire.' });
    const semantic = await c.request(CREATE, { i: { ...valid(), rpps: '12345678901', phone: '12', communeCode: '33063' } });
    const semanticFields = Object.fromEntries((semantic.errors?.[0].extensions?.fields ?? []).map((f) => [f.field, f.message]));
    expect(semanticFields).toEqual({
      rpps: 'Numéro RPPS invalide : vérifiez les 11 chiffres.',
      phone: 'Numéro de téléphone invalide (ex. 05 56 12 34 56).',
      communeCode: "Cette commune n'est pas sur le territoire de la CPTS.",
    });
    expect((await c.ok<ListResult>(LIST, { first: 50 })).professionals.totalCount).toBe(before);
  });

  it('refuses a second professional with the same RPPS number in the CPTS', async () => {
    const dup = await c.request(CREATE, { i: { ...valid(), lastName: 'Autre', firstName: 'Personne' } });
    expect(errorCode(dup)).toBe('CONFLICT');
    expect(dup.errors?.[0].extensions?.fields).toEqual([{ field: 'rpps', message: 'Déjà utilisé par Élodie Lefèvre.' }]);
  });

  it('finds people by the start of any word of their name, accents and case ignored', async () => {
    await c.ok(CREATE, { i: { ...valid(), rpps: null, lastName: 'Dupont-Éloi', firstName: 'Jérôme', professionCode: '10', communeCode: tenant.communes[1] } });
    const search = async (text: string) => (await c.ok<ListResult>(LIST, { first: 20, filter: { search: text } })).professionals.edges.map((e) => e.node.lastName);
    expect(await search('lefev')).toEqual(['Lefèvre']);
    expect(await search('ELOD')).toEqual(['Lefèvre']);
    expect(await search('eloi')).toEqual(['Dupont-Éloi']);
    expect(await search('jerome dup')).toEqual(['Dupont-Éloi']);
    expect(await search('ferre')).toEqual([]); // a prefix, not any substring
  });

  it('filters by profession and commune', async () => {
    const byProfession = await c.ok<ListResult>(LIST, { first: 20, filter: { professionCodes: ['10'] } });
    expect(byProfession.professionals.edges.map((e) => e.node.lastName)).toEqual(['Dupont-Éloi']);
    const byCommune = await c.ok<ListResult>(LIST, { first: 20, filter: { communeCodes: [tenant.communes[0]] } });
    expect(byCommune.professionals.edges.map((e) => e.node.lastName)).toEqual(['Lefèvre']);
  });

  it('pages through the list with cursors, in name order, without gaps or repeats', async () => {
    for (let i = 0; i < 23; i++) await h.data.professional(tenant.id, tenant.communes[2], { lastName: `Page${String(i).padStart(2, '0')}`, firstName: 'Test' });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    let lastCursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res: ListResult = await c.ok<ListResult>(LIST, { first: 10, after, filter: { search: 'page' } });
      total = res.professionals.totalCount;
      lastCursor = res.professionals.pageInfo.endCursor;
      seen.push(...res.professionals.edges.map((e) => e.node.lastName));
      if (!res.professionals.pageInfo.hasNextPage) break;
      after = res.professionals.pageInfo.endCursor;
    }
    expect(total).toBe(23);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `Page${String(i).padStart(2, '0')}`));
    // Past the last row: an empty page still carries the total.
    const end = await c.ok<ListResult>(LIST, { first: 10, after: lastCursor, filter: { search: 'page' } });
    expect(end.professionals.edges).toEqual([]);
    expect(end.professionals.totalCount).toBe(23);
    const badCursor = await c.request(LIST, { first: 10, after: 'nimportequoi' });
    expect(errorCode(badCursor)).toBe('BAD_USER_INPUT');
    expect(errorCode(await c.request(LIST, { first: 1000 }))).toBe('BAD_USER_INPUT');
  });

  it('edits, archives and restores a professional', async () => {
    const { createProfessional: p } = await c.ok<{ createProfessional: Node }>(CREATE, { i: { ...valid(), rpps: null, lastName: 'Aarchiver', firstName: 'Paul' } });
    const { updateProfessional: u } = await c.ok<{ updateProfessional: Node }>(UPDATE, { id: p.id, i: { ...valid(), rpps: null, lastName: 'Aarchiver', firstName: 'Paul-Henri', email: '' } });
    expect(u).toMatchObject({ firstName: 'Paul-Henri', email: null });
    await c.ok(`mutation($id: ID!) { archiveProfessional(id: $id) { archivedAt } }`, { id: p.id });
    const active = await c.ok<ListResult>(LIST, { first: 50, filter: { search: 'aarchiver' } });
    expect(active.professionals.totalCount).toBe(0);
    const archived = await c.ok<ListResult>(LIST, { first: 50, filter: { search: 'aarchiver', archived: true } });
    expect(archived.professionals.totalCount).toBe(1);
    await c.ok(`mutation($id: ID!) { restoreProfessional(id: $id) { archivedAt } }`, { id: p.id });
    expect((await c.ok<ListResult>(LIST, { first: 50, filter: { search: 'aarchiver' } })).professionals.totalCount).toBe(1);
    // Each change is a line of the person's history, newest first, with who made it; an unchanged save adds none.
    await c.ok(UPDATE, { id: p.id, i: { ...valid(), rpps: null, lastName: 'Aarchiver', firstName: 'Paul-Henri', email: '' } });
    const { professional } = await c.ok<{ professional: { history: Array<{ kind: string; summary: string; actorName: string | null }> } }>(
      `query($id: ID!) { professional(id: $id) { history { kind summary actorName } } }`,
      { id: p.id },
    );
    expect(professional.history.map((e) => [e.kind, e.summary])).toEqual([
      ['person.restored', "Fiche restaurée dans l'annuaire."],
      ['person.archived', "Fiche archivée (retirée de l'annuaire)."],
      ['person.updated', 'Fiche modifiée : prénom, e-mail.'],
      ['person.created', "Fiche créée dans l'annuaire."],
    ]);
    expect(new Set(professional.history.map((e) => e.actorName))).toEqual(new Set([staffName]));
    const missing = await c.request(UPDATE, { id: '00000000-0000-4000-8000-000000000000', i: valid() });
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(errorCode(await c.request(`query($id: ID!) { professional(id: $id) { id } }`, { id: 'pas-un-uuid' }))).toBe('BAD_USER_INPUT');
  });

  it('exports the filtered directory as CSV for a spreadsheet, to the CPTS team only, with its own CPTS only', async () => {
    await c.ok(CREATE, { i: { ...valid(), rpps: null, lastName: 'Export; "Guillemets"', firstName: '=Formule', structureName: 'MSP; du centre' } });
    const csv = async (client: GraphQLClient, query: string) => {
      const res = await fetch(`${h.gateway.url}/api/directory/professionals.csv${query}`, { headers: client.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {} });
      // Bytes, not res.text(): that would drop the BOM the spreadsheet needs.
      return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()).toString('utf8') };
    };
    const res = await csv(c, '?q=export');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe("\uFEFFNom;Prénom;Profession;Code profession;RPPS;Commune;Code INSEE;Structure;Adresse;E-mail;Téléphone;Autres lieux d'exercice;Archivé le");
    expect(lines[1]).toMatch(/^"Export; ""Guillemets""";'=Formule;Masseur-kinésithérapeute;70;;[^;]+;[0-9AB]{5};"MSP; du centre";;e\.lefevre@exemple\.fr;05 56 12 34 56;;$/);
    expect(lines).toHaveLength(3); // header, one row, the final line end
    expect((await csv(c, '')).body).toContain('Guillemets');
    expect((await csv(c, '?professions=99')).body.split('\r\n')).toHaveLength(2);
    // A parameter repeated in the address (a hand-built or bookmarked link) is a list, not an error.
    expect((await csv(c, '?q=export&professions=99&professions=70')).body.split('\r\n')).toHaveLength(3);
    expect((await csv(c, '?q=export&q=guillemets')).body.split('\r\n')).toHaveLength(3);
    const repeatedBad = await csv(c, '?communes=abc&communes=33063');
    expect([repeatedBad.status, JSON.parse(repeatedBad.body).errors[0].message]).toEqual([400, 'Code INSEE invalide.']);
    // Archived at 00:30 in Paris on 1 March (23:30 UTC the day before): the CPTS's day is written.
    await h.data.inTenant(tenant.id, (db) => db.query(`UPDATE professionals SET archived_at = '2026-02-28T23:30:00Z' WHERE tenant_id = $1 AND last_name LIKE 'Export%'`, [tenant.id]));
    expect((await csv(c, '?q=export&archives=1')).body.split('\r\n')[1]).toMatch(/;2026-03-01$/);
    const bad = await csv(c, '?communes=abc');
    expect([bad.status, JSON.parse(bad.body).errors[0].message]).toEqual([400, 'Code INSEE invalide.']);
    // Another CPTS exports its own directory, never this one.
    const other = await h.data.cpts(await h.data.region(), { name: 'CPTS Export voisine', departement: '79', communes: 1 });
    const otherClient = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: other.id }])).email);
    expect((await csv(otherClient, '')).body).not.toContain('Guillemets');
    expect((await csv(h.client(), '')).status).toBe(401);
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect((await csv(board, '')).status).toBe(403);
  });

  it('costs the same number of SQL statements for a page of 5 or of 50 (relations from the reference catalog)', async () => {
    for (let i = 0; i < 40; i++) await h.data.professional(tenant.id, tenant.communes[i % 4], { lastName: `Compte${i}`, professionCode: ['10', '60', '70', '21'][i % 4] });
    const dataSource = h.gateway.app.get(DataSource);
    const statements: string[] = [];
    const original = dataSource.driver.createQueryRunner.bind(dataSource.driver);
    const spy = jest.spyOn(dataSource.driver, 'createQueryRunner').mockImplementation((mode) => {
      const runner = original(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: never[]) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    });
    try {
      const count = async (first: number) => {
        statements.length = 0;
        const res = await c.ok<ListResult>(LIST, { first });
        expect(res.professionals.edges.length).toBe(first);
        return statements.length;
      };
      const small = await count(5);
      const large = await count(50);
      expect(large).toBe(small);
      // BEGIN, set tenant, the page with its total, COMMIT: professions and communes come from the in-process catalog
      expect(small).toBeLessThanOrEqual(4);
    } finally {
      spy.mockRestore();
    }
  });
});
