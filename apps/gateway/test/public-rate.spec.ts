import { Harness, startHarness } from './harness';

describe('login-free routes (/api/public/)', () => {
  let h: Harness;
  let slug: string;
  const saved = process.env.PUBLIC_API_RATE_PER_MINUTE;

  beforeAll(async () => {
    process.env.PUBLIC_API_RATE_PER_MINUTE = '3';
    h = await startHarness();
    slug = (await h.data.cpts(await h.data.region(), { name: 'CPTS Publique' })).slug;
  });
  afterAll(async () => {
    process.env.PUBLIC_API_RATE_PER_MINUTE = saved;
    await h.close();
  });

  it('answer each client address at most PUBLIC_API_RATE_PER_MINUTE times a minute, with a French message', async () => {
    const get = (ip: string) => fetch(`${h.gateway.url}/api/public/cpts/${slug}/directory`, { headers: { 'x-forwarded-for': ip } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('198.51.100.7')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get('198.51.100.7');
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/^Trop de tentatives\. Réessayez dans 1 minute\.$/) }] });
    // Another address is not held back, nor are the routes that need a session.
    expect((await get('198.51.100.8')).status).toBe(200);
    expect((await fetch(`${h.gateway.url}/health/live`, { headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(200);
    // A mailbox provider's one-click unsubscribes are never refused (a forged token is still a 404).
    for (const path of [`/api/public/cpts/${slug}/unsubscribe/not-a-token`, '/api/public/unsubscribe/not-a-token']) {
      const oneClick = await fetch(`${h.gateway.url}${path}`, {
        method: 'POST',
        headers: { 'x-forwarded-for': '198.51.100.7' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(404);
    }
  });
});
