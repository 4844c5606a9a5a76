import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness } from './harness';

/**
 * The regional library's cases of cross-tenant.spec.ts (its CASES and ROUTES
 * take them as they are). Region 1 (A and B) publishes a resource that B
 * adopts; then: another region's admin reads and changes nothing of region
 * 1's library, a CPTS of another region sees none of it, a user of A reads
 * and changes nothing of B's copy, and an officer sees the usage of the CPTS
 * they follow only. Made on first use, once per run.
 */
export interface ResourcesWorld {
  h: Harness;
  a: { id: string };
  b: { id: string };
  c: { id: string };
  region1: string;
  coordA: GraphQLClient;
  staffA: GraphQLClient;
  boardA: GraphQLClient;
  memberA: GraphQLClient;
  coordB: GraphQLClient;
  adminR1: GraphQLClient;
  adminR2: GraphQLClient;
  missionA: GraphQLClient;
}

interface LibraryOfR1 {
  resourceId: string;
  fileUrl: string;
  /** B's copy (adopted at version 1; the region then published version 2). */
  adoptionB: string;
  coordC: GraphQLClient;
}

const made = new WeakMap<object, Promise<LibraryOfR1>>();
const ADOPTION_OF_B = `query($id: ID!) { resourceAdoption(id: $id) { title adoptedVersion latestVersion updateAvailable adapted content { body } } }`;
const RESOURCE_OF_R1 = `query($id: ID!) { regionResource(id: $id) { title currentVersion versions { version note } } }`;

const denied = (res: GraphQLResult<unknown>, ...codes: string[]) => {
  expect(res.data === null || Object.values(res.data as object).every((v) => v === null)).toBe(true);
  expect(codes).toContain(errorCode(res));
};

function libraryOfR1(w: ResourcesWorld): Promise<LibraryOfR1> {
  let p = made.get(w);
  if (!p) {
    p = (async () => {
      const publish = `mutation($i: PublishResourceInput!) { publishResource(input: $i) { id } }`;
      const resourceId = (
        await w.adminR1.ok<{ publishResource: { id: string } }>(publish, {
          i: { title: 'Kit Bravo région 1', category: 'COMMUNICATION_KIT', content: { kind: 'TEXT', body: 'Texte du kit' } },
        })
      ).publishResource.id;
      const upload = await fetch(`${w.h.gateway.url}/api/resources/${resourceId}/files`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${w.adminR1.accessToken}`,
          'content-type': 'application/octet-stream',
          'x-file-name': 'kit-bravo.txt',
        },
        body: 'Kit Bravo',
      });
      const fileUrl = ((await upload.json()) as { data: { resourceFile: { url: string } } }).data.resourceFile.url;
      const adoptionB = (
        await w.coordB.ok<{ adoptResource: { id: string } }>(`mutation($r: ID!) { adoptResource(resourceId: $r) { id } }`, {
          r: resourceId,
        })
      ).adoptResource.id;
      await w.adminR1.ok(`mutation($i: PublishResourceVersionInput!) { publishResourceVersion(input: $i) { id } }`, {
        i: { resourceId, note: 'Version 2', content: { kind: 'TEXT', body: 'Texte du kit, version 2' } },
      });
      const coordC = await w.h.signedIn((await w.h.data.user([{ role: Role.COORDINATOR, tenantId: w.c.id }])).email);
      return { resourceId, fileUrl, adoptionB, coordC };
    })();
    made.set(w, p);
  }
  return p;
}

const adoptionOfB = async (w: ResourcesWorld) =>
  (await w.coordB.ok(ADOPTION_OF_B, { id: (await libraryOfR1(w)).adoptionB })).resourceAdoption;
const EXPECTED_B = {
  title: 'Kit Bravo région 1',
  adoptedVersion: 1,
  latestVersion: 2,
  updateAvailable: true,
  adapted: false,
  content: { body: 'Texte du kit' },
};
const resourceOfR1 = async (w: ResourcesWorld) =>
  (await w.adminR1.ok(RESOURCE_OF_R1, { id: (await libraryOfR1(w)).resourceId })).regionResource;
const EXPECTED_R1 = {
  title: 'Kit Bravo région 1',
  currentVersion: 2,
  versions: [
    { version: 2, note: 'Version 2' },
    { version: 1, note: '' },
  ],
};
const tenantRoles = (w: ResourcesWorld) => [w.coordA, w.staffA, w.boardA, w.memberA];

/** An operation on B's copy: A's roles it is for find nothing, the others and region people are refused, B's copy is as it was. */
const copyCommand =
  (query: string, vars: (l: LibraryOfR1) => Record<string, unknown>, allowed: 'team' | 'readers') => async (w: ResourcesWorld) => {
    const l = await libraryOfR1(w);
    const finders = allowed === 'team' ? [w.coordA, w.staffA] : [w.coordA, w.staffA, w.boardA];
    for (const client of tenantRoles(w)) denied(await client.request(query, vars(l)), finders.includes(client) ? 'NOT_FOUND' : 'FORBIDDEN');
    for (const client of [w.missionA, w.adminR1, w.adminR2]) denied(await client.request(query, vars(l)), 'FORBIDDEN');
    expect(await adoptionOfB(w)).toEqual(EXPECTED_B);
  };

/** A region-side operation on region 1's resource: the other region's admin finds nothing, CPTS roles are refused. */
const regionCommand =
  (query: string, vars: (l: LibraryOfR1) => Record<string, unknown>, officerAllowed: boolean) => async (w: ResourcesWorld) => {
    const l = await libraryOfR1(w);
    denied(await w.adminR2.request(query, vars(l)), 'NOT_FOUND');
    for (const client of tenantRoles(w)) denied(await client.request(query, vars(l)), 'FORBIDDEN');
    if (!officerAllowed) denied(await w.missionA.request(query, vars(l)), 'FORBIDDEN');
    expect(await resourceOfR1(w)).toEqual(EXPECTED_R1);
  };

export const RESOURCE_CASES: Record<string, (w: ResourcesWorld) => Promise<void>> = {
  'Query.regionResources': async (w) => {
    const { resourceId } = await libraryOfR1(w);
    const q = `{ regionResources { id } }`;
    const ids = async (c: GraphQLClient) => (await c.ok<{ regionResources: Array<{ id: string }> }>(q)).regionResources.map((r) => r.id);
    expect(await ids(w.adminR2)).not.toContain(resourceId);
    expect(await ids(w.missionA)).toContain(resourceId);
    for (const client of tenantRoles(w)) denied(await client.request(q), 'FORBIDDEN');
    denied(await w.adminR2.request(`query($r: ID) { regionResources(regionId: $r) { id } }`, { r: w.region1 }), 'FORBIDDEN');
  },
  'Query.regionResource': regionCommand(`query($id: ID!) { regionResource(id: $id) { id title } }`, (l) => ({ id: l.resourceId }), true),
  'Query.resourceUsage': async (w) => {
    await regionCommand(`query($r: ID!) { resourceUsage(resourceId: $r) { adoptions } }`, (l) => ({ r: l.resourceId }), true)(w);
    // The officer follows A only: B's copy is not in what they read.
    const usage = (
      await w.missionA.ok<{ resourceUsage: { adoptions: number; cpts: unknown[] } }>(
        `query($r: ID!) { resourceUsage(resourceId: $r) { adoptions cpts { cptsId } } }`,
        { r: (await libraryOfR1(w)).resourceId },
      )
    ).resourceUsage;
    expect(usage).toEqual({ adoptions: 0, cpts: [] });
  },
  'Mutation.publishResource': async (w) => {
    const q = `mutation($i: PublishResourceInput!) { publishResource(input: $i) { id } }`;
    const i = { title: 'Ressource pirate', category: 'REFLEX_SHEET' };
    for (const client of [...tenantRoles(w), w.missionA]) denied(await client.request(q, { i }), 'FORBIDDEN');
    denied(await w.adminR2.request(q, { i: { ...i, regionId: w.region1 } }), 'FORBIDDEN');
    // Published in region 2: A's library does not show it.
    await w.adminR2.ok(q, { i });
    expect(
      (await w.coordA.ok<{ libraryResources: Array<{ title: string }> }>(`{ libraryResources { title } }`)).libraryResources.map(
        (r) => r.title,
      ),
    ).not.toContain('Ressource pirate');
  },
  'Mutation.publishResourceVersion': regionCommand(
    `mutation($i: PublishResourceVersionInput!) { publishResourceVersion(input: $i) { id } }`,
    (l) => ({ i: { resourceId: l.resourceId, note: 'Pirate', content: { kind: 'TEXT', body: 'Pirate' } } }),
    false,
  ),
  'Query.libraryResources': async (w) => {
    const l = await libraryOfR1(w);
    const q = `{ libraryResources { id } }`;
    expect((await l.coordC.ok<{ libraryResources: Array<{ id: string }> }>(q)).libraryResources.map((r) => r.id)).not.toContain(
      l.resourceId,
    );
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
  },
  'Query.libraryResource': async (w) => {
    const l = await libraryOfR1(w);
    const q = `query($id: ID!) { libraryResource(id: $id) { id title } }`;
    denied(await l.coordC.request(q, { id: l.resourceId }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { id: l.resourceId }), 'FORBIDDEN');
    // A (same region) reads it, without B's copy.
    expect(
      (
        await w.coordA.ok<{ libraryResource: { myAdoptionId: string | null } }>(
          `query($id: ID!) { libraryResource(id: $id) { myAdoptionId } }`,
          { id: l.resourceId },
        )
      ).libraryResource.myAdoptionId,
    ).toBeNull();
  },
  'Mutation.adoptResource': async (w) => {
    const l = await libraryOfR1(w);
    const q = `mutation($r: ID!) { adoptResource(resourceId: $r) { id } }`;
    denied(await l.coordC.request(q, { r: l.resourceId }), 'NOT_FOUND');
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { r: l.resourceId }), 'FORBIDDEN');
    expect(await adoptionOfB(w)).toEqual(EXPECTED_B);
  },
  'Query.resourceAdoptions': async (w) => {
    const l = await libraryOfR1(w);
    const q = `{ resourceAdoptions { id } }`;
    for (const client of [w.coordA, w.staffA, w.boardA])
      expect((await client.ok<{ resourceAdoptions: Array<{ id: string }> }>(q)).resourceAdoptions.map((a) => a.id)).not.toContain(
        l.adoptionB,
      );
    for (const client of [w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
  },
  'Query.resourceAdoption': copyCommand(
    `query($id: ID!) { resourceAdoption(id: $id) { id title } }`,
    (l) => ({ id: l.adoptionB }),
    'readers',
  ),
  'Query.resourceUpdateDiff': copyCommand(
    `query($id: ID!) { resourceUpdateDiff(adoptionId: $id) { toVersion } }`,
    (l) => ({ id: l.adoptionB }),
    'readers',
  ),
  'Mutation.adaptResourceAdoption': copyCommand(
    `mutation($i: AdaptResourceAdoptionInput!) { adaptResourceAdoption(input: $i) { id } }`,
    (l) => ({ i: { id: l.adoptionB, title: 'Pirate', content: { kind: 'TEXT', body: 'Pirate' } } }),
    'team',
  ),
  'Mutation.takeResourceUpdate': copyCommand(
    `mutation($id: ID!) { takeResourceUpdate(adoptionId: $id) { id } }`,
    (l) => ({ id: l.adoptionB }),
    'team',
  ),
  'Mutation.dismissResourceUpdate': copyCommand(
    `mutation($id: ID!) { dismissResourceUpdate(adoptionId: $id) { id } }`,
    (l) => ({ id: l.adoptionB }),
    'team',
  ),
};

const call = (w: ResourcesWorld, client: GraphQLClient | null, url: string, init: RequestInit = {}) =>
  fetch(`${w.h.gateway.url}${url}`, {
    ...init,
    headers: { ...(client ? { authorization: `Bearer ${client.accessToken}` } : {}), ...(init.headers as Record<string, string>) },
  });

export const RESOURCE_ROUTES: Record<string, (w: ResourcesWorld) => Promise<void>> = {
  'POST /api/resources/:resourceId/files': async (w) => {
    const l = await libraryOfR1(w);
    // The answer's body read too: no connection is left busy when the gateway closes.
    const post = async (client: GraphQLClient | null) => {
      const res = await call(w, client, `/api/resources/${l.resourceId}/files`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'pirate.txt' },
        body: 'Pirate',
      });
      await res.text();
      return res;
    };
    expect((await post(w.adminR2)).status).toBe(404);
    for (const client of [...tenantRoles(w), w.missionA]) expect((await post(client)).status).toBe(403);
    expect((await post(null)).status).toBe(401);
    expect(await resourceOfR1(w)).toEqual(EXPECTED_R1);
  },
  'GET /api/resources/:resourceId/versions/:version/files/:documentId': async (w) => {
    const l = await libraryOfR1(w);
    for (const client of [l.coordC, w.adminR2]) {
      const res = await call(w, client, l.fileUrl);
      expect([res.status, (await res.text()).includes('Kit Bravo')]).toEqual([404, false]);
    }
    for (const [client, status] of [[w.memberA, 403], [null, 401]] as const) {
      const res = await call(w, client, l.fileUrl);
      expect([res.status, (await res.text()).includes('Kit Bravo')]).toEqual([status, false]);
    }
    // The region's own CPTS and team read it.
    for (const client of [w.coordA, w.missionA, w.adminR1]) {
      const res = await call(w, client, l.fileUrl);
      expect([res.status, (await res.text()).length > 0]).toEqual([200, true]);
    }
  },
};
