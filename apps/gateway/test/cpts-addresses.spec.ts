import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CampaignLinks } from '@cpts/mailing';
import { Role } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const CREATE = `mutation($i: CptsInput!) { createCpts(input: $i) { id name slug } }`;
const UPDATE = `mutation($id: ID!, $i: CptsInput!) { updateCpts(id: $id, input: $i) { id slug } }`;
const SUGGEST = `query($name: String!, $id: ID) { cptsSlugSuggestion(name: $name, cptsId: $id) }`;
const UNKNOWN = 'Aucune CPTS n’a cette adresse. Vérifiez le lien, ou demandez-le à la CPTS.';

type Errors = { errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } }> };
const slugError = (res: Errors) => res.errors?.[0].extensions?.fields?.find((f) => f.field === 'slug')?.message;

/**
 * The readable addresses of the CPTS' public pages (/cpts/<slug>/…): set by
 * the region admin, proposed from the name, validated, unique, changeable;
 * every address of before (a former slug, the id addresses, the preferences
 * page of messages already sent) redirected permanently; and an address of
 * CPTS B never showing anything of CPTS A.
 */
describe('CPTS addresses (slugs) of the public pages', () => {
  let h: Harness;
  let dist: string;
  let admin: GraphQLClient;
  let adminR2: GraphQLClient;
  let regionId: string;
  let b: { id: string; communes: string[]; slug: string };
  const links = new CampaignLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string, null);
  const get = (url: string, init: RequestInit = {}) => fetch(`${h.gateway.url}${url}`, { redirect: 'manual', ...init });
  const post = (url: string, body: string, contentType = 'application/json') =>
    get(url, { method: 'POST', body, headers: { 'content-type': contentType } });

  /** Communes of a département that no CPTS has yet. */
  const freeCommunes = async (departement: string, count: number) =>
    (
      await h.data.pool.query<{ insee_code: string }>(
        `SELECT insee_code FROM communes c WHERE departement_code = $1 AND NOT EXISTS (SELECT 1 FROM tenants t WHERE c.insee_code = ANY (t.commune_codes))
         ORDER BY population DESC LIMIT $2`,
        [departement, count],
      )
    ).rows.map((r) => r.insee_code);
  const currentCommunes = async (tenantId: string) =>
    (await h.data.pool.query(`SELECT commune_codes FROM tenants WHERE id = $1`, [tenantId])).rows[0].commune_codes as string[];
  /** A CPTS's fields, on a free commune of Dordogne. */
  const input = async (name: string, slug?: string) => ({
    name,
    size: 2,
    departementCodes: ['24'],
    communeCodes: await freeCommunes('24', 1),
    contactEmail: 'contact@cpts.test',
    ...(slug === undefined ? {} : { slug }),
  });
  /** The fields of an existing CPTS, with another name or address. */
  const edit = async (tenantId: string, name: string, slug?: string) => ({
    ...(await input(name, slug)),
    communeCodes: await currentCommunes(tenantId),
  });

  /** A sent campaign message of `tenant`, and its preferences token. */
  const message = async (tenant: { id: string; slug: string }, email: string) => {
    const professionalId = await h.data.professional(tenant.id, (await currentCommunes(tenant.id))[0]);
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE professionals SET email = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.id, professionalId, email]),
    );
    const { deliveryIds } = await h.data.campaign(tenant.id, { bodyHtml: '<p>Bonjour</p>', recipients: [{ email, professionalId }] });
    return { professionalId, token: links.forDelivery(tenant.id, tenant.slug, deliveryIds[0]).preferencesUrl.split('/').pop()! };
  };
  const withdrawals = async (tenantId: string, professionalId: string) =>
    (
      await h.data.inTenant(tenantId, (db) =>
        db.query(`SELECT count(*)::int AS n FROM consent_events WHERE tenant_id = $1 AND professional_id = $2`, [tenantId, professionalId]),
      )
    ).rows[0].n;

  beforeAll(async () => {
    // The gateway serves a (stand-in) built web app: page addresses are answered there.
    dist = mkdtempSync(path.join(tmpdir(), 'cpts-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>CPTS</title><div id="root"></div>');
    process.env.WEB_DIST_DIR = dist;
    h = await startHarness();
    regionId = await h.data.region('75');
    b = await h.data.cpts(regionId, { name: 'CPTS Bergeracois', departement: '24', communes: 1 });
    admin = await h.signedIn((await h.data.user([{ role: Role.REGION_ADMIN, regionId }])).email);
    adminR2 = await h.signedIn((await h.data.user([{ role: Role.REGION_ADMIN, regionId: await h.data.region('76') }])).email);
  });
  afterAll(async () => {
    delete process.env.WEB_DIST_DIR;
    await h?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  let a: { id: string; slug: string };

  it('is proposed from the name, set by the region admin, validated, and unique with a French message', async () => {
    expect(await admin.ok(SUGGEST, { name: 'CPTS du Grand Périgueux' })).toEqual({ cptsSlugSuggestion: 'grand-perigueux' });
    // Without an address, the one proposed from the name.
    const created = await admin.ok<{ createCpts: { id: string; slug: string } }>(CREATE, { i: await input('CPTS du Grand Périgueux') });
    a = created.createCpts;
    expect(a.slug).toBe('grand-perigueux');
    // Taken now: the next proposal says so.
    expect(await admin.ok(SUGGEST, { name: 'CPTS du Grand Périgueux' })).toEqual({ cptsSlugSuggestion: 'grand-perigueux-2' });
    expect(await admin.ok(SUGGEST, { name: 'CPTS du Grand Périgueux', id: a.id })).toEqual({ cptsSlugSuggestion: 'grand-perigueux' });

    for (const [slug, message] of [
      [
        'Grand Périgueux',
        'L’adresse ne peut contenir que des lettres sans accents, des chiffres et des tirets entre les mots (ex. : grand-perigueux).',
      ],
      ['gp', 'L’adresse doit compter de 3 à 60 caractères.'],
      ['x'.repeat(61), 'L’adresse doit compter de 3 à 60 caractères.'],
      ['annuaire', '« annuaire » est réservé : choisissez une autre adresse.'],
      [b.id, `« ${b.id} » est réservé : choisissez une autre adresse.`],
    ]) {
      const res = await admin.request(CREATE, { i: await input(`CPTS essai ${slug.slice(0, 8)}`, slug) });
      expect({ slug, code: errorCode(res), message: slugError(res) }).toEqual({ slug, code: 'BAD_USER_INPUT', message });
    }
    // Another CPTS's address: CONFLICT, said plainly. One namespace for the whole platform, whatever the region.
    const taken = await admin.request(CREATE, { i: await input('CPTS Doublon', 'bergeracois') });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(taken.errors?.[0].message).toBe('Cette adresse est déjà celle de CPTS Bergeracois : choisissez-en une autre.');
    expect(slugError(taken)).toBe('Adresse déjà utilisée.');
    expect(await adminR2.ok(SUGGEST, { name: 'CPTS du Bergeracois' })).toEqual({ cptsSlugSuggestion: 'bergeracois-2' });
    // Typed with capitals and spaces around: kept in its one written form.
    const typed = await admin.ok<{ createCpts: { slug: string } }>(CREATE, {
      i: await input('CPTS Vallée de l’Isle', '  Vallee-De-L-Isle '),
    });
    expect(typed.createCpts.slug).toBe('vallee-de-l-isle');
    // The public answer names it by its address, never by its id.
    const page = await get('/api/public/cpts/grand-perigueux/directory');
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ cpts: { slug: 'grand-perigueux', name: 'CPTS du Grand Périgueux' } });
    expect((await get('/cpts/grand-perigueux/annuaire')).status).toBe(200);
  });

  it('changes; the former address then leads permanently to the new one (pages 301, API 308), and stays this CPTS’s', async () => {
    const before = await message(a, 'lea@msp-perigueux.fr');
    const moved = await admin.ok<{ updateCpts: { slug: string } }>(UPDATE, {
      id: a.id,
      i: await edit(a.id, 'CPTS du Grand Périgueux', 'perigord-centre'),
    });
    expect(moved.updateCpts.slug).toBe('perigord-centre');

    const api = await get('/api/public/cpts/grand-perigueux/directory');
    expect(api.status).toBe(308);
    expect(api.headers.get('location')).toBe('/api/public/cpts/perigord-centre/directory');
    // Not cached by browsers: the CPTS may take its former address back, and a cached redirect would then loop.
    expect(api.headers.get('cache-control')).toBe('no-store');
    const followed = await fetch(`${h.gateway.url}/api/public/cpts/grand-perigueux/directory`);
    expect(((await followed.json()) as { cpts: { slug: string } }).cpts.slug).toBe('perigord-centre');

    for (const [from, to] of [
      ['/cpts/grand-perigueux/annuaire?commune=24322&etiquette=TND', '/cpts/perigord-centre/annuaire?commune=24322&etiquette=TND'],
      ['/cpts/Grand-Perigueux/annuaire', '/cpts/perigord-centre/annuaire'],
      [`/cpts/grand-perigueux/preferences/${before.token}`, `/cpts/perigord-centre/preferences/${before.token}`],
    ]) {
      const res = await get(from);
      expect({ from, status: res.status, location: res.headers.get('location') }).toEqual({ from, status: 301, location: to });
    }
    const prefs = await get(`/api/public/cpts/grand-perigueux/preferences/${before.token}`);
    expect(prefs.status).toBe(308);
    expect(prefs.headers.get('location')).toBe(`/api/public/cpts/perigord-centre/preferences/${before.token}`);
    // The one-click POST of a message sent before the change: honoured where it is, never redirected (RFC 8058).
    const oneClick = await post(
      `/api/public/cpts/grand-perigueux/unsubscribe/${before.token}`,
      'List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
    );
    expect(oneClick.status).toBe(200);
    expect(await withdrawals(a.id, before.professionalId)).toBe(1);

    // Nobody else may take it, by a change or a creation: its printed links must never show another CPTS.
    for (const res of [
      await admin.request(UPDATE, { id: b.id, i: await edit(b.id, 'CPTS Bergeracois', 'grand-perigueux') }),
      await admin.request(CREATE, { i: await input('CPTS Nouvelle', 'grand-perigueux') }),
    ]) {
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].message).toBe(
        'Cette adresse a été celle de CPTS du Grand Périgueux, et les liens déjà diffusés y mènent toujours : choisissez-en une autre.',
      );
    }
    expect(await adminR2.ok(SUGGEST, { name: 'Grand Périgueux' })).toEqual({ cptsSlugSuggestion: 'grand-perigueux-2' });
    // The CPTS itself takes it back: the other one redirects now, without a loop.
    await admin.ok(UPDATE, { id: a.id, i: await edit(a.id, 'CPTS du Grand Périgueux', 'grand-perigueux') });
    expect((await get('/cpts/grand-perigueux/annuaire')).status).toBe(200);
    expect((await get('/cpts/perigord-centre/annuaire')).headers.get('location')).toBe('/cpts/grand-perigueux/annuaire');
    // Left out of the input, the address stays as it is.
    expect(
      (await admin.ok<{ updateCpts: { slug: string } }>(UPDATE, { id: a.id, i: await edit(a.id, 'CPTS du Grand Périgueux') })).updateCpts
        .slug,
    ).toBe('grand-perigueux');
  });

  it('leads the addresses of before (ids, tokens without a CPTS address) permanently to the readable ones', async () => {
    const { professionalId, token } = await message(a, 'marc@pharmacie-perigueux.fr');
    for (const [from, status, to] of [
      [`/annuaire-public/${a.id}`, 301, '/cpts/grand-perigueux/annuaire'],
      [`/annuaire-public/${a.id.toUpperCase()}?profession=60`, 301, '/cpts/grand-perigueux/annuaire?profession=60'],
      [`/api/public/cpts/${a.id}/directory`, 308, '/api/public/cpts/grand-perigueux/directory'],
      [`/preferences/${token}`, 301, `/cpts/grand-perigueux/preferences/${token}`],
      [`/api/public/preferences/${token}`, 308, `/api/public/cpts/grand-perigueux/preferences/${token}`],
    ] as const) {
      const res = await get(from);
      expect({ from, status: res.status, location: res.headers.get('location') }).toEqual({ from, status, location: to });
    }
    // A choice posted at the address of before is made there (a redirected POST is not reliably followed).
    const chosen = await post(`/api/public/preferences/${token}`, JSON.stringify({ purpose: 'pro_newsletter', receive: false }));
    expect(chosen.status).toBe(200);
    expect(((await chosen.json()) as { cpts: { slug: string } }).cpts).toEqual({
      name: 'CPTS du Grand Périgueux',
      slug: 'grand-perigueux',
    });
    expect(await withdrawals(a.id, professionalId)).toBe(1);
  });

  it('answers an address that names no CPTS with a 404, in French', async () => {
    const api = await get('/api/public/cpts/nulle-part/directory');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ errors: [{ message: UNKNOWN, extensions: { code: 'NOT_FOUND' } }] });
    for (const page of [
      '/cpts/nulle-part/annuaire',
      '/annuaire-public/00000000-0000-4000-8000-000000000000',
      '/annuaire-public/pas-un-id',
      '/preferences/pas-un-jeton',
    ]) {
      const res = await get(page);
      // The app itself, whose page says it in French; the status tells crawlers and link checkers.
      expect({ page, status: res.status, html: (await res.text()).includes('<div id="root">') }).toEqual({ page, status: 404, html: true });
    }
    // The staff's own page "/cpts" is not a CPTS address.
    expect((await get('/cpts')).status).toBe(200);
  });

  it('never shows CPTS A under the address of CPTS B', async () => {
    const { professionalId, token } = await message(a, 'ines@kine-perigueux.fr');
    const invalid = 'Ce lien de désinscription n’est pas valide. Utilisez le lien du dernier message reçu, ou écrivez à la CPTS.';
    const page = await get(`/api/public/cpts/${b.slug}/preferences/${token}`);
    expect(page.status).toBe(404);
    expect(await page.json()).toMatchObject({ errors: [{ message: invalid }] });
    expect(
      (await post(`/api/public/cpts/${b.slug}/preferences/${token}`, JSON.stringify({ purpose: 'pro_newsletter', receive: false }))).status,
    ).toBe(404);
    expect(
      (await post(`/api/public/cpts/${b.slug}/unsubscribe/${token}`, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded'))
        .status,
    ).toBe(404);
    expect((await get(`/api/public/cpts/${b.slug}/unsubscribe/${token}`)).status).toBe(404);
    expect(await withdrawals(a.id, professionalId)).toBe(0);
    // Each address, its own CPTS's page only.
    const directory = (await (await get(`/api/public/cpts/${b.slug}/directory`)).json()) as { cpts: { name: string } };
    expect(directory.cpts.name).toBe('CPTS Bergeracois');
    // B's region admin of another region cannot ask about A's addresses.
    expect(errorCode(await adminR2.request(SUGGEST, { name: 'x', id: a.id }))).toBe('NOT_FOUND');
  });
});
