import jwt from 'jsonwebtoken';
import { Role } from '@cpts/platform-core';
import { errorCode, TEST_PASSWORD } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const ME = `{ me { user { email } activeCpts { id name } activeRoles memberships { cpts { id } roles } regionRoles { role } platformAdmin } }`;
const LIST = `{ professionals(first: 5) { totalCount } }`;

describe('identity: sign-in, sessions, tokens', () => {
  let h: Harness;
  let cptsA: string;
  let cptsB: string;
  const communes: Record<string, string> = {};
  let both: { id: string; email: string };

  beforeAll(async () => {
    h = await startHarness();
    const region = await h.data.region();
    for (const name of ['Alpha', 'Bravo']) {
      const cpts = await h.data.cpts(region, { name: `CPTS ${name} auth`, departement: '40' });
      communes[cpts.id] = cpts.communes[0];
      if (name === 'Alpha') cptsA = cpts.id;
      else cptsB = cpts.id;
    }
    both = await h.data.user([
      { role: Role.COORDINATOR, tenantId: cptsA },
      { role: Role.BOARD_MEMBER, tenantId: cptsB },
    ]);
  });
  afterAll(() => h.close());

  it('signs in with email and password, sets an HttpOnly refresh cookie, and says who and where the person is', async () => {
    const c = h.client();
    const res = await fetch(`${h.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.200' },
      body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { email: both.email.toUpperCase(), password: TEST_PASSWORD } } }),
    });
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('cpts_refresh='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/graphql/);
    await c.login(both.email, TEST_PASSWORD);
    const { me } = await c.ok<{ me: { activeCpts: { id: string }; activeRoles: string[]; memberships: unknown[] } }>(ME);
    expect(me.activeCpts.id).toBe(cptsA);
    expect(me.activeRoles).toEqual([Role.COORDINATOR]);
    expect(me.memberships).toHaveLength(2);
  });

  it('answers a wrong password or an unknown address with the same French message', async () => {
    const wrong = await h.client().login(both.email, 'pas le bon mot de passe');
    const unknown = await h.client().login('personne@nulle-part.fr', 'pas le bon mot de passe');
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('pauses an account after 5 failed attempts, even for the right password, and says when to retry', async () => {
    const victim = await h.data.user([{ role: Role.STAFF, tenantId: cptsA }]);
    for (let i = 0; i < 5; i++) expect(errorCode(await h.client().login(victim.email, `faux ${i}`))).toBe('UNAUTHENTICATED');
    const blocked = await h.client().login(victim.email, TEST_PASSWORD);
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
  });

  it('limits sign-in attempts per IP address', async () => {
    const attacker = h.client({ 'x-forwarded-for': '203.0.113.66' });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 31; i++) codes.push(errorCode(await attacker.login(`victime${i}@exemple.fr`, 'devine')));
    expect(codes.slice(0, 30).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes[30]).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await h.client().login(both.email, TEST_PASSWORD)).errors).toBeUndefined();
  });

  it('rotates the refresh token: each one works once, and the session follows', async () => {
    const c = await h.signedIn(both.email);
    const first = c.cookie('cpts_refresh') as string;
    const refreshed = await c.ok<{ refreshSession: { accessToken: string } }>(`mutation { refreshSession { accessToken } }`);
    expect(refreshed.refreshSession.accessToken).toBeTruthy();
    expect(c.cookie('cpts_refresh')).not.toBe(first);
    const [row] = (await h.data.pool.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = sha256($1::bytea)`, [Buffer.from(first)])).rows;
    expect(row.n).toBe(1); // stored hashed, never in clear
  });

  it('treats a spent refresh token coming back as theft: the whole session ends', async () => {
    const c = await h.signedIn(both.email);
    const stolen = c.cookie('cpts_refresh') as string;
    await c.ok(`mutation { refreshSession { accessToken } }`);
    // Past the grace period for racing tabs.
    await h.data.pool.query(`UPDATE refresh_tokens SET used_at = now() - interval '1 minute' WHERE used_at IS NOT NULL`);
    const thief = h.client();
    thief.setCookie('cpts_refresh', stolen);
    expect(errorCode(await thief.request(`mutation { refreshSession { accessToken } }`))).toBe('UNAUTHENTICATED');
    // The legitimate holder's current token is dead too.
    expect(errorCode(await c.request(`mutation { refreshSession { accessToken } }`))).toBe('UNAUTHENTICATED');
  });

  it('signs out: the refresh cookie is cleared and its token revoked', async () => {
    const c = await h.signedIn(both.email);
    const token = c.cookie('cpts_refresh') as string;
    expect(await c.ok(`mutation { logout }`)).toEqual({ logout: true });
    expect(c.cookie('cpts_refresh')).toBeUndefined();
    const replay = h.client();
    replay.setCookie('cpts_refresh', token);
    const res = await replay.request(`mutation { refreshSession { accessToken } }`);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toBe('Votre session a expiré. Reconnectez-vous.');
  });

  it('switches the active CPTS only to one where the person holds a role', async () => {
    const c = await h.signedIn(both.email);
    expect((await c.request(LIST)).errors).toBeUndefined(); // coordinator in A
    const switched = await c.ok<{ switchCpts: { accessToken: string } }>(`mutation($id: ID!) { switchCpts(cptsId: $id) { accessToken } }`, { id: cptsB });
    c.accessToken = switched.switchCpts.accessToken;
    const { me } = await c.ok<{ me: { activeCpts: { id: string }; activeRoles: string[] } }>(ME);
    expect(me).toMatchObject({ activeCpts: { id: cptsB }, activeRoles: [Role.BOARD_MEMBER] });
    expect(errorCode(await c.request(LIST))).toBe('FORBIDDEN'); // board member in B
    const stranger = await h.data.cpts(await h.data.region(), { departement: '40' });
    expect(errorCode(await c.request(`mutation($id: ID!) { switchCpts(cptsId: $id) { accessToken } }`, { id: stranger.id }))).toBe('FORBIDDEN');
    // The next sign-in lands where the person was last.
    const again = await h.signedIn(both.email);
    expect((await again.ok<{ me: { activeCpts: { id: string } } }>(ME)).me.activeCpts.id).toBe(cptsB);
    await again.ok(`mutation($id: ID!) { switchCpts(cptsId: $id) { accessToken } }`, { id: cptsA });
  });

  it('takes the tenant from the verified token only, never from the request', async () => {
    const c = await h.signedIn(both.email);
    const forged = jwt.sign({ sub: both.id, sid: 'x', tid: cptsB, tr: [Role.COORDINATOR], rr: [], pa: false }, 'not-the-secret');
    c.accessToken = forged;
    const res = await c.request(LIST);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('keeps the CPTS of a valid token whatever the request names: headers, cookies, the address, GraphQL arguments and extensions', async () => {
    await h.data.professional(cptsA, communes[cptsA], { lastName: 'Seulement-Alpha' });
    await h.data.professional(cptsB, communes[cptsB], { lastName: 'Seulement-Bravo' });
    // A valid token active in A, of a person who also holds a role in B (switchCpts would be the one way to B).
    const { accessToken } = await h.signedIn(both.email);
    const SEEN = `{ currentCpts { id } me { activeCpts { id } } professionals(first: 100) { edges { node { lastName } } } }`;
    const ofA = { currentCpts: { id: cptsA }, me: { activeCpts: { id: cptsA } }, professionals: { edges: [{ node: { lastName: 'Seulement-Alpha' } }] } };
    const ask = async (options: { headers?: Record<string, string>; path?: string; body?: Record<string, unknown> }) => {
      const res = await fetch(`${h.gateway.url}${options.path ?? '/graphql'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, ...options.headers },
        body: JSON.stringify({ query: SEEN, ...options.body }),
      });
      return (await res.json()) as { data: unknown; errors?: unknown };
    };
    const tries: Array<[string, Parameters<typeof ask>[0]]> = [
      ['nothing', {}],
      ...['x-tenant-id', 'x-cpts-id', 'x-cpts', 'tenant-id', 'x-active-cpts', 'x-tenant'].map((header): [string, Parameters<typeof ask>[0]] => [`header ${header}`, { headers: { [header]: cptsB } }]),
      ['cookies', { headers: { cookie: `tenant_id=${cptsB}; tenantId=${cptsB}; cpts_id=${cptsB}; active_cpts=${cptsB}` } }],
      ['the query string', { path: `/graphql?tenantId=${cptsB}&tenant_id=${cptsB}&cptsId=${cptsB}` }],
      ['variables the operation does not declare', { body: { variables: { tenantId: cptsB, cptsId: cptsB } } }],
      ['extensions', { body: { extensions: { tenantId: cptsB, cptsId: cptsB } } }],
    ];
    for (const [how, options] of tries) expect({ how, answer: await ask(options) }).toEqual({ how, answer: { data: ofA } });
    // An argument that would name the CPTS does not exist: the filter refuses it rather than obey it.
    const smuggled = await ask({ body: { query: `query($f: ProfessionalFilter) { professionals(first: 100, filter: $f) { edges { node { lastName } } } }`, variables: { f: { tenantId: cptsB } } } });
    expect(smuggled.data ?? null).toBeNull();
    expect(JSON.stringify(smuggled)).not.toContain('Seulement-Bravo');
  });

  it('refuses an expired access token with a message the UI can act on', async () => {
    const c = h.client();
    c.accessToken = jwt.sign({ sub: both.id, sid: 'x', tid: cptsA, tr: [Role.COORDINATOR], rr: [], pa: false, exp: Math.floor(Date.now() / 1000) - 10 }, process.env.JWT_SECRET as string);
    const res = await c.request(LIST);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toBe('Votre session a expiré. Reconnectez-vous.');
  });

  it('applies a removed role at the next refresh', async () => {
    const person = await h.data.user([{ role: Role.STAFF, tenantId: cptsA }]);
    const c = await h.signedIn(person.email);
    expect((await c.request(LIST)).errors).toBeUndefined();
    await h.data.pool.query(`DELETE FROM role_assignments WHERE user_id = $1`, [person.id]);
    c.accessToken = (await c.ok<{ refreshSession: { accessToken: string } }>(`mutation { refreshSession { accessToken } }`)).refreshSession.accessToken;
    expect(errorCode(await c.request(LIST))).toBe('FORBIDDEN');
  });
});
