import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const LIST = `query($first: Int!, $after: String, $search: String) {
  professionals(first: $first, after: $after, filter: { search: $search }) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { lastName firstName } }
  }
}`;
type ListResult = {
  professionals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { lastName: string; firstName: string } }>;
  };
};

/** Names typed as heard: without their space, hyphen or apostrophe, with one too many, with a typo (name-search.ts, ADR 0007). */
describe('searching the directory by name', () => {
  let h: Harness;
  let c: GraphQLClient;
  let other: GraphQLClient;
  let tenant: { id: string; communes: string[] };

  const names = async (client: GraphQLClient, search: string) =>
    (await client.ok<ListResult>(LIST, { first: 50, search })).professionals.edges.map((e) => `${e.node.lastName} ${e.node.firstName}`);

  beforeAll(async () => {
    h = await startHarness();
    const region = await h.data.region();
    tenant = await h.data.cpts(region, { name: 'CPTS Recherche par nom', departement: '64', communes: 2 });
    c = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const people: Array<[string, string]> = [
      ['Le Fèvre', 'Marie'],
      ['Lefèvre', 'Jean'],
      ['Lefebvre', 'Anne'],
      ['Martin', 'Jean-Pierre'],
      ['Martins', 'Ana'],
      ['Marin', 'Paul'],
      ["D'Angelo", 'Luca'],
      ['de La Rue', 'Claire'],
      ['Delarue', 'Hugo'],
      ['Dupont', 'Sophie'],
      ['Lu', 'Wei'],
    ];
    for (const [lastName, firstName] of people) await h.data.professional(tenant.id, tenant.communes[0], { lastName, firstName });
    // Another CPTS with the same names: never in the first one's answers, nor the other way round.
    const elsewhere = await h.data.cpts(region, { name: 'CPTS Recherche voisine', departement: '64', communes: 1 });
    for (const [lastName, firstName] of [
      ['Le Fèvre', 'Voisine'],
      ['Dupont', 'Voisin'],
      ['Martin', 'Voisin'],
    ]) {
      await h.data.professional(elsewhere.id, elsewhere.communes[0], { lastName, firstName });
    }
    other = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: elsewhere.id }])).email);
  });
  afterAll(() => h.close());

  it('matches across spaces, hyphens and apostrophes, both ways', async () => {
    // Lefebvre is one letter away: found too, after.
    expect(await names(c, 'lefevre')).toEqual(['Le Fèvre Marie', 'Lefèvre Jean', 'Lefebvre Anne']);
    expect(await names(c, 'le fevre')).toEqual(['Le Fèvre Marie', 'Lefèvre Jean', 'Lefebvre Anne']);
    expect(await names(c, 'LE-FÈVRE')).toEqual(['Le Fèvre Marie', 'Lefèvre Jean', 'Lefebvre Anne']);
    expect(await names(c, 'jeanpierre')).toEqual(['Martin Jean-Pierre']);
    expect(await names(c, 'jean pierre martin')).toEqual(['Martin Jean-Pierre']);
    expect(await names(c, 'dangelo')).toEqual(["D'Angelo Luca"]);
    expect(await names(c, "d'angelo")).toEqual(["D'Angelo Luca"]);
    expect(await names(c, 'delarue')).toEqual(['de La Rue Claire', 'Delarue Hugo']);
    expect(await names(c, 'de la rue')).toEqual(['de La Rue Claire', 'Delarue Hugo']);
    // Still the start of a word: "fevre" is a word of "Le Fèvre", not of "Lefèvre".
    expect(await names(c, 'fevre')).toEqual(['Le Fèvre Marie']);
    expect(await names(c, 'gelo')).toEqual([]);
  });

  it('tolerates one typo from five letters typed, exact matches first', async () => {
    expect(await names(c, 'dupond')).toEqual(['Dupont Sophie']);
    expect(await names(c, 'martni')).toEqual(['Martin Jean-Pierre', 'Martins Ana']);
    expect(await names(c, 'dupnt')).toEqual(['Dupont Sophie']);
    expect(await names(c, 'lefevbre')).toEqual(['Le Fèvre Marie', 'Lefebvre Anne', 'Lefèvre Jean']);
    expect(await names(c, 'jaen pierre')).toEqual(['Martin Jean-Pierre']);
    // "Marin" is one letter from "martin", but after the names that start with it, though it comes first alphabetically.
    expect(await names(c, 'martin')).toEqual(['Martin Jean-Pierre', 'Martins Ana', 'Marin Paul']);
    expect(await names(c, 'lefebvre')).toEqual(['Lefebvre Anne', 'Le Fèvre Marie', 'Lefèvre Jean']);
  });

  it('never lets a short name match with a typo', async () => {
    expect(await names(c, 'li')).toEqual([]);
    expect(await names(c, 'lu')).toEqual(["D'Angelo Luca", 'Lu Wei']);
    expect(await names(c, 'dupo')).toEqual(['Dupont Sophie']);
    expect(await names(c, 'dupn')).toEqual([]);
  });

  it('pages through a result with typos in its order, without gaps or repeats, the count covering both kinds', async () => {
    const exact = Array.from({ length: 7 }, (_, i) => `Rousseau Page${i}`);
    const typo = Array.from({ length: 6 }, (_, i) => `Rouseau Page${i}`);
    for (const name of [...exact, ...typo]) {
      const [lastName, firstName] = name.split(' ');
      await h.data.professional(tenant.id, tenant.communes[1], { lastName, firstName });
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res: ListResult = await c.ok<ListResult>(LIST, { first: 4, after, search: 'rousseau' });
      expect(res.professionals.totalCount).toBe(13);
      seen.push(...res.professionals.edges.map((e) => `${e.node.lastName} ${e.node.firstName}`));
      if (!res.professionals.pageInfo.hasNextPage) break;
      after = res.professionals.pageInfo.endCursor;
    }
    expect(seen).toEqual([...exact, ...typo]);
    // A cursor of another search (without typos: no rank in it) is refused, not misread.
    const short = await c.ok<ListResult>(LIST, { first: 2, search: 'rous' });
    expect(errorCode(await c.request(LIST, { first: 4, after: short.professionals.pageInfo.endCursor, search: 'rousseau' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('exports what the list shows, in its order', async () => {
    const res = await fetch(`${h.gateway.url}/api/directory/professionals.csv?q=lefevre`, {
      headers: { authorization: `Bearer ${c.accessToken}` },
    });
    const rows = (await res.text()).split('\r\n').slice(1, -1);
    expect(rows.map((r) => r.split(';').slice(0, 2).join(' '))).toEqual(['Le Fèvre Marie', 'Lefèvre Jean', 'Lefebvre Anne']);
  });

  it("never finds another CPTS's people", async () => {
    expect(await names(c, 'lefevre')).toEqual(['Le Fèvre Marie', 'Lefèvre Jean', 'Lefebvre Anne']);
    expect(await names(c, 'dupond')).toEqual(['Dupont Sophie']);
    expect(await names(other, 'lefevre')).toEqual(['Le Fèvre Voisine']);
    expect(await names(other, 'martni')).toEqual(['Martin Voisin']);
    expect(await names(other, 'delarue')).toEqual([]);
  });
});
