import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const CREATE = `mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`;
const ADD = `mutation($p: ID!, $i: ProfessionalSiteInput!) { addProfessionalSite(professionalId: $p, input: $i) { id } }`;
const EDIT = `mutation($id: ID!, $i: ProfessionalSiteInput!) { updateProfessionalSite(id: $id, input: $i) { id } }`;
const MAIN = `mutation($id: ID!) { setMainProfessionalSite(id: $id) { id communeCode structureName phone } }`;
const RETIRE = `mutation($id: ID!) { retireProfessionalSite(id: $id) { id } }`;
const PERSON = `query($id: ID!) { professional(id: $id) { communeCode structureName phone history(first: 1) { kind summary }
  sites(includeRetired: true) { id structureName address postalCode communeCode phone isMain fromImport retiredAt } } }`;
const PREVIEW = `query($s: CampaignSegmentInput) { audiencePreview(audienceType: PROFESSIONALS, purpose: PRO_NEWSLETTER, segment: $s) { recipients } }`;

type Site = {
  id: string;
  structureName: string | null;
  address: string | null;
  postalCode: string | null;
  communeCode: string;
  phone: string | null;
  isMain: boolean;
  fromImport: boolean;
  retiredAt: string | null;
};
type Person = {
  communeCode: string;
  structureName: string | null;
  phone: string | null;
  history: Array<{ kind: string; summary: string }>;
  sites: Site[];
};

describe("a professional's practice sites", () => {
  let h: Harness;
  let staff: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  let names: Record<string, string>;
  const person = async (id: string) => (await staff.ok<{ professional: Person }>(PERSON, { id })).professional;
  const create = async (lastName: string, extra: Record<string, unknown> = {}) =>
    (
      await staff.ok<{ createProfessional: { id: string } }>(CREATE, {
        i: { lastName, firstName: 'Test', professionCode: '60', communeCode: tenant.communes[0], ...extra },
      })
    ).createProfessional.id;

  beforeAll(async () => {
    h = await startHarness();
    const region = await h.data.region();
    tenant = await h.data.cpts(region, { name: 'CPTS Lieux', departement: '79', communes: 4 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const { rows } = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT insee_code, name FROM communes WHERE insee_code = ANY($1)`, [tenant.communes]),
    );
    names = Object.fromEntries(rows.map((r: { insee_code: string; name: string }) => [r.insee_code, r.name]));
  });
  afterAll(() => h.close());

  it('gives a new record its main site, and lets the staff add, edit, choose the main one and retire sites, in French', async () => {
    const [c1, c2, c3] = tenant.communes;
    const id = await create('Martin', { structureName: 'MSP du Marais', phone: '05 49 12 34 56' });
    const [main] = (await person(id)).sites;
    expect(main).toMatchObject({
      structureName: 'MSP du Marais',
      communeCode: c1,
      phone: '05 49 12 34 56',
      isMain: true,
      fromImport: false,
      retiredAt: null,
    });

    await staff.ok(ADD, {
      p: id,
      i: { communeCode: c2, structureName: '  Cabinet  du Port ', address: '2 rue Haute', postalCode: '79000', phone: '0549000002' },
    });
    const added = (await person(id)).sites[1];
    expect(added).toMatchObject({
      structureName: 'Cabinet du Port',
      address: '2 rue Haute',
      postalCode: '79000',
      communeCode: c2,
      phone: '05 49 00 00 02',
      isMain: false,
    });
    expect((await person(id)).history[0]).toEqual({
      kind: 'person.site_added',
      summary: `Lieu d'exercice ajouté : « Cabinet du Port, ${names[c2]} ».`,
    });

    const offTerritory = await staff.request(ADD, { p: id, i: { communeCode: '33063' } });
    expect([errorCode(offTerritory), offTerritory.errors?.[0].message]).toEqual([
      'BAD_USER_INPUT',
      "Cette commune n'est pas sur le territoire de la CPTS.",
    ]);
    const badPostal = await staff.request(ADD, { p: id, i: { communeCode: c2, postalCode: 'abc' } });
    expect([errorCode(badPostal), badPostal.errors?.[0].message]).toEqual(['BAD_USER_INPUT', 'Le code postal compte 5 chiffres.']);
    const badPhone = await staff.request(EDIT, { id: added.id, i: { communeCode: c2, phone: '12' } });
    expect([errorCode(badPhone), badPhone.errors?.[0].message]).toEqual([
      'BAD_USER_INPUT',
      'Numéro de téléphone invalide (ex. 05 56 12 34 56).',
    ]);

    await staff.ok(EDIT, {
      id: added.id,
      i: { communeCode: c2, structureName: 'Cabinet du Port', address: '4 rue Haute', postalCode: '79000', phone: '05 49 00 00 02' },
    });
    expect((await person(id)).history[0].summary).toBe(`Lieu d'exercice « Cabinet du Port, ${names[c2]} » modifié : adresse.`);

    // The main site's commune, structure and phone are the person's.
    const { setMainProfessionalSite } = await staff.ok<{ setMainProfessionalSite: Record<string, string> }>(MAIN, { id: added.id });
    expect(setMainProfessionalSite).toMatchObject({ communeCode: c2, structureName: 'Cabinet du Port', phone: '05 49 00 00 02' });
    const refused = await staff.request(RETIRE, { id: added.id });
    expect([errorCode(refused), refused.errors?.[0].message]).toEqual([
      'CONFLICT',
      "C'est le lieu d'exercice principal : choisissez d'abord un autre lieu principal.",
    ]);

    await staff.ok(RETIRE, { id: main.id });
    const after = await person(id);
    expect(after.sites.map((s) => [s.structureName, s.isMain, s.retiredAt === null])).toEqual([
      ['Cabinet du Port', true, true],
      ['MSP du Marais', false, false],
    ]);
    expect((await staff.request(EDIT, { id: main.id, i: { communeCode: c1 } })).errors?.[0].message).toBe(
      "Ce lieu d'exercice a été retiré : il ne peut plus être modifié.",
    );

    // The record's form edits its main site.
    await staff.ok(UPDATE, {
      id,
      i: {
        lastName: 'Martin',
        firstName: 'Test',
        professionCode: '60',
        communeCode: c3,
        structureName: 'Cabinet du Port',
        phone: '05 49 00 00 03',
      },
    });
    expect((await person(id)).sites[0]).toMatchObject({ communeCode: c3, phone: '05 49 00 00 03', address: '4 rue Haute', isMain: true });
    expect(await person(id)).toMatchObject({ communeCode: c3, phone: '05 49 00 00 03' });
  });

  it("finds a person by a secondary site's commune: directory list, exports, public page and campaign audiences", async () => {
    const [, , , c4] = tenant.communes;
    const audience = async () =>
      (await staff.ok<{ audiencePreview: { recipients: number } }>(PREVIEW, { s: { communeCodes: [c4] } })).audiencePreview.recipients;
    const before = await audience();
    const id = await create('Secondaire', { email: 'paul@cabinet.fr', structureName: 'Cabinet principal' });
    await staff.ok(ADD, { p: id, i: { communeCode: c4, structureName: 'Antenne du Bourg', phone: '05 49 44 44 44' } });

    const list = await staff.ok<{ professionals: { edges: Array<{ node: { lastName: string } }> } }>(
      `query($c: [String!]) { professionals(first: 50, filter: { communeCodes: $c }) { edges { node { lastName } } } }`,
      { c: [c4] },
    );
    expect(list.professionals.edges.map((e) => e.node.lastName)).toEqual(['Secondaire']);
    expect(await audience()).toBe(before + 1);

    const csv = await (
      await fetch(`${h.gateway.url}/api/directory/professionals.csv?communes=${c4}`, {
        headers: { authorization: `Bearer ${staff.accessToken}` },
      })
    ).text();
    expect(csv.split('\r\n')[0]).toContain("Autres lieux d'exercice");
    expect(csv).toContain(`Antenne du Bourg, ${names[c4]}, 05 49 44 44 44`);

    await staff.ok(
      `mutation($p: ID!) { giveConsent(professionalId: $p, purpose: PUBLIC_LISTING, method: PAPER, wordingVersion: "public_listing.2026-11") { id } }`,
      { p: id },
    );
    const page = (await (await fetch(`${h.gateway.url}/api/public/cpts/${tenant.id}/directory`)).json()) as {
      communes: Array<{
        code: string;
        professions: Array<{ people: Array<{ lastName: string; structureName: string | null; phone: string | null }> }>;
      }>;
    };
    const listed = page.communes.flatMap((c) =>
      c.professions.flatMap((p) => p.people.filter((x) => x.lastName === 'Secondaire').map((x) => [c.code, x.structureName, x.phone])),
    );
    expect(listed).toEqual(
      expect.arrayContaining([
        [tenant.communes[0], 'Cabinet principal', null],
        [c4, 'Antenne du Bourg', '05 49 44 44 44'],
      ]),
    );

    // The "relance téléphonique" of a campaign he did not click shows every site's commune, the main one first.
    const { campaignId } = await h.data.campaign(tenant.id, {
      bodyHtml: '<p><a href="https://exemple.fr">Lire</a></p>',
      recipients: [{ email: 'paul@cabinet.fr', professionalId: id }],
    });
    const followUp = await staff.ok<{
      campaignFollowUp: { edges: Array<{ node: { commune: { name: string }; communes: Array<{ name: string }> } }> };
    }>(`query($id: ID!) { campaignFollowUp(campaignId: $id, first: 10) { edges { node { commune { name } communes { name } } } } }`, {
      id: campaignId,
    });
    expect(followUp.campaignFollowUp.edges.map((e) => e.node)).toEqual([
      { commune: { name: names[tenant.communes[0]] }, communes: [{ name: names[tenant.communes[0]] }, { name: names[c4] }] },
    ]);
  });

  it('exports, merges and erases the sites with the person (GDPR)', async () => {
    const [c1, c2] = tenant.communes;
    const kept = await create('Petit', { structureName: 'Cabinet A' });
    await staff.ok(ADD, {
      p: kept,
      i: { communeCode: c2, structureName: 'Cabinet B', address: '1 place du Marché', phone: '05 49 55 55 55' },
    });
    const other = await create('PETIT', { communeCode: c2, structureName: 'Cabinet C' });
    await staff.ok(ADD, { p: other, i: { communeCode: c2, structureName: 'cabinet b' } }); // the same place as the kept record's: not doubled

    const { personData } = await staff.ok<{ personData: string }>(`query($id: ID!) { personData(id: $id) }`, { id: kept });
    expect(JSON.parse(personData).sites.map((s: { structureName: string; isMain: boolean }) => [s.structureName, s.isMain])).toEqual([
      ['Cabinet A', true],
      ['Cabinet B', false],
    ]);

    await staff.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: kept, m: other });
    expect((await person(kept)).sites.map((s) => [s.structureName, s.communeCode, s.isMain])).toEqual([
      ['Cabinet A', c1, true],
      ['Cabinet B', c2, false],
      ['Cabinet C', c2, false],
    ]);

    await staff.ok(`mutation($id: ID!, $c: String!) { eraseProfessional(id: $id, confirmation: $c) { id } }`, { id: kept, c: 'Petit' });
    const erased = await person(kept);
    expect(erased).toMatchObject({ structureName: null, phone: null });
    expect(erased.sites.map((s) => [s.structureName, s.address, s.phone, s.communeCode])).toEqual([
      [null, null, null, c1],
      [null, null, null, c2],
      [null, null, null, c2],
    ]);
    // The merged record's site left behind (the doubled one) is erased too.
    const { rows } = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT structure_name FROM professional_sites WHERE tenant_id = $1 AND professional_id = $2`, [tenant.id, other]),
    );
    expect(rows).toEqual([{ structure_name: null }]);
  });
});
