import { Pool } from 'pg';
import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { startGateway } from '../src/gateway';
import { Harness, startHarness } from './harness';

const PAGE = (first: number) => `professionals(first: ${first}) { edges { cursor node { id lastName firstName rpps email phone structureName communeCode professionCode createdAt updatedAt profession { code label } commune { inseeCode name } } } }`;

describe('GraphQL conventions', () => {
  let h: Harness;
  let c: GraphQLClient;
  beforeAll(async () => {
    h = await startHarness();
    const cpts = await h.data.cpts(await h.data.region(), { departement: '47' });
    c = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: cpts.id }])).email);
  });
  afterAll(() => h.close());

  it('refuses operations nested deeper than the limit', async () => {
    let selection = 'name';
    for (let i = 0; i < 12; i++) selection = `ofType { ${selection} }`;
    const res = await c.request(`{ __schema { types { fields { type { ${selection} } } } } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('Requête trop imbriquée.');
  });

  it('refuses operations that would cost too much, counting page sizes', async () => {
    expect((await c.request(`{ ${PAGE(100)} }`)).errors).toBeUndefined();
    const res = await c.request(`{ a: ${PAGE(100)} b: ${PAGE(100)} c: ${PAGE(100)} }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/^Requête trop coûteuse/);
  });

  it('answers a malformed query with a French message and the machine code', async () => {
    const res = await c.request(`{ professionals(first: "deux") { totalCount } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('Requête invalide.');
  });

  it('never shows a stack trace or SQL to the client when something breaks', async () => {
    const owner = new Pool({ connectionString: process.env.MIGRATION_DATABASE_URL, max: 1 });
    await owner.query(`REVOKE SELECT ON communes FROM ${process.env.DATABASE_RUNTIME_ROLE}`);
    try {
      const res = await c.request(`{ communes(filter: { search: "bor" }) { inseeCode } }`);
      expect(res.status).toBe(200);
      expect(res.errors).toEqual([
        expect.objectContaining({ message: 'Une erreur inattendue est survenue. Réessayez dans un instant.', extensions: { code: 'INTERNAL' } }),
      ]);
      expect(JSON.stringify(res)).not.toMatch(/permission denied|QueryFailedError|SELECT|\.ts:\d+/);
    } finally {
      await owner.query(`GRANT SELECT ON communes TO ${process.env.DATABASE_RUNTIME_ROLE}`);
      await owner.end();
    }
  });

  it('turns introspection and GraphiQL off in production', async () => {
    expect((await c.request(`{ __schema { queryType { name } } }`)).errors).toBeUndefined();
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const production = await startGateway();
    process.env.NODE_ENV = previous;
    try {
      const prodClient = new GraphQLClient(production.url);
      const res = await prodClient.request(`{ __schema { queryType { name } } }`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect((await fetch(`${production.url}/graphiql`)).status).toBe(404);
    } finally {
      await production.app.close();
    }
  });
});
