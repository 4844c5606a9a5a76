import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { CampaignClicksService, CampaignLinks, ClickRetention } from '@cpts/mailing';
import { Db } from '@cpts/platform-db';
import { Role } from '@cpts/platform-core';
import { createLogger } from '@cpts/platform-observability';
import { LinkSigner } from '@cpts/platform-mail';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const REPORT = `query($id: ID!) { campaignReport(campaignId: $id) {
  campaignId subject sent failed pending cancelled uniqueClickers totalClicks clickRate
  links { index url uniqueClickers totalClicks }
  professions { profession { code } sent clickers clickRate }
} }`;
const FOLLOW_UP = `query($id: ID!, $first: Int, $after: String) { campaignFollowUp(campaignId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { deliveryId professionalId lastName firstName profession { code } commune { name } phone email } }
} }`;

type Report = {
  campaignReport: {
    sent: number;
    failed: number;
    uniqueClickers: number;
    totalClicks: number;
    clickRate: number | null;
    links: Array<{ index: number; url: string; uniqueClickers: number; totalClicks: number }>;
    professions: Array<{ profession: { code: string } | null; sent: number; clickers: number; clickRate: number | null }>;
  };
};
type FollowUp = {
  campaignFollowUp: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: Array<{ node: { lastName: string | null; profession: { code: string } | null; commune: { name: string } | null; phone: string | null; email: string } }>;
  };
};

const BODY =
  '<h2>Bonjour</h2><p>Le <a href="https://cpts.test/agenda?mois=11&amp;x=1">programme</a>, ' +
  '<a href="mailto:contact@cpts.test">écrire</a>, la <a href="https://cpts.test/inscription">fiche d’inscription</a>.</p>';

/**
 * Click tracking against the real gateway and PostgreSQL: the public
 * redirect (302 to the campaign's own link, a French 404 for anything not
 * ours, recording that never stands in the way), the report (unique clickers
 * per link and per profession) and the "relance téléphonique" list with its
 * exports.
 */
describe('campaign click tracking, report and follow-up list', () => {
  let h: Harness;
  let staff: GraphQLClient;
  let tenant: { id: string; communes: string[]; slug: string };
  let campaignId: string;
  let deliveries: string[];
  const links = new CampaignLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string, null);
  const token = (deliveryId: string, index: number, tenantId = tenant.id) =>
    links.forDelivery(tenantId, tenant.slug, deliveryId).track(index).split('/').pop() as string;
  const click = (t: string, method = 'GET') => fetch(`${h.gateway.url}/api/public/c/${t}`, { method, redirect: 'manual' });
  const report = async () => (await staff.ok<Report>(REPORT, { id: campaignId })).campaignReport;

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Clics', departement: '24', communes: 3 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const [c0, c1] = tenant.communes;
    // Nurses (60): Aubert clicks, Blanc and Caron do not (Caron has no phone); physios (70): Dumas clicks, Éluard does not; Fabre's message failed.
    const people = [
      { lastName: 'Aubert', professionCode: '60', phone: '0556000001', communeCode: c0 },
      { lastName: 'Blanc', professionCode: '60', phone: '0556000002', communeCode: c1 },
      { lastName: 'Caron', professionCode: '60', phone: null, communeCode: c0 },
      { lastName: 'Dumas', professionCode: '70', phone: '0556000004', communeCode: c1 },
      { lastName: 'Éluard', professionCode: '70', phone: '0556000005', communeCode: c0 },
      { lastName: 'Fabre', professionCode: '70', phone: '0556000006', communeCode: c0 },
    ];
    const ids: string[] = [];
    for (const p of people) ids.push(await h.data.professional(tenant.id, p.communeCode, { ...p, email: `${p.lastName.toLowerCase()}@exemple.fr` }));
    const created = await h.data.campaign(tenant.id, {
      subject: 'Lettre de novembre',
      bodyHtml: BODY,
      recipients: people.map((p, i) => ({ email: `${p.lastName.toLowerCase()}@exemple.fr`, professionalId: ids[i], state: p.lastName === 'Fabre' ? 'failed' : 'sent' })),
    });
    campaignId = created.campaignId;
    deliveries = created.deliveryIds;
  });
  afterAll(() => h.close());

  it('leads a click to the link the campaign holds, and counts it', async () => {
    const res = await click(token(deliveries[0], 0));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://cpts.test/agenda?mois=11&x=1');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The second tracked link is the third <a> (mailto: is not tracked).
    const second = await click(token(deliveries[3], 1));
    expect([second.status, second.headers.get('location')]).toEqual([302, 'https://cpts.test/inscription']);
    const r = await report();
    expect(r.links).toEqual([
      { index: 0, url: 'https://cpts.test/agenda?mois=11&x=1', uniqueClickers: 1, totalClicks: 1 },
      { index: 1, url: 'https://cpts.test/inscription', uniqueClickers: 1, totalClicks: 1 },
    ]);
  });

  it('answers a forged, altered or foreign token with a French page and records nothing', async () => {
    const before = await report();
    const good = token(deliveries[1], 0);
    const cases = [
      good.slice(0, -2) + (good.endsWith('AA') ? 'AB' : 'AA'), // altered MAC
      'pas-un-jeton',
      token(randomUUID(), 0), // signed, but no such delivery
      token(deliveries[1], 2), // signed, but the body has two tracked links
      token(deliveries[1], 0, randomUUID()), // signed for a CPTS that has no such delivery
      links.forDelivery(tenant.id, tenant.slug, deliveries[1]).unsubscribeUrl.split('/').pop() as string, // another kind of token
    ];
    for (const t of cases) {
      const res = await click(t);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Lien introuvable');
      expect(res.headers.get('location')).toBeNull();
    }
    expect(await report()).toEqual(before);
  });

  it("counts a recipient once per link however often the link is fetched (a mail scanner's prefetch, a second visit), and not for a HEAD", async () => {
    const t = token(deliveries[0], 0);
    expect((await click(t)).status).toBe(302);
    expect((await click(t)).status).toBe(302);
    const head = await click(t, 'HEAD');
    expect([head.status, head.headers.get('location')]).toEqual([302, 'https://cpts.test/agenda?mois=11&x=1']);
    const r = await report();
    expect(r.links[0]).toEqual({ index: 0, url: 'https://cpts.test/agenda?mois=11&x=1', uniqueClickers: 1, totalClicks: 3 });
    expect(r.uniqueClickers).toBe(2);
  });

  it('still redirects when the click cannot be recorded', async () => {
    const service = h.gateway.app.get(CampaignClicksService);
    const record = jest.spyOn(service as unknown as { record: () => Promise<void> }, 'record').mockRejectedValue(new Error('disk full'));
    try {
      const res = await click(token(deliveries[4], 1));
      expect([res.status, res.headers.get('location')]).toEqual([302, 'https://cpts.test/inscription']);
      expect(record).toHaveBeenCalledTimes(1);
    } finally {
      record.mockRestore();
    }
    expect((await report()).links[1].uniqueClickers).toBe(1);
  });

  it('reports sent, failed, unique clickers and the click rate, per link and per profession', async () => {
    const r = await report();
    expect(r).toMatchObject({ sent: 5, failed: 1, uniqueClickers: 2, totalClicks: 4, clickRate: 0.4 });
    expect(r.professions).toEqual([
      { profession: { code: '60' }, sent: 3, clickers: 1, clickRate: 1 / 3 },
      { profession: { code: '70' }, sent: 2, clickers: 1, clickRate: 0.5 },
    ]);
  });

  it('lists who did not click, those with a phone first, page by page', async () => {
    const first = (await staff.ok<FollowUp>(FOLLOW_UP, { id: campaignId, first: 2 })).campaignFollowUp;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e) => e.node)).toEqual([
      { deliveryId: deliveries[1], professionalId: expect.any(String), lastName: 'Blanc', firstName: 'Prénom', profession: { code: '60' }, commune: { name: expect.any(String) }, phone: '0556000002', email: 'blanc@exemple.fr' },
      expect.objectContaining({ lastName: 'Éluard', profession: { code: '70' }, phone: '0556000005' }),
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await staff.ok<FollowUp>(FOLLOW_UP, { id: campaignId, first: 2, after: first.pageInfo.endCursor })).campaignFollowUp;
    expect(next.edges.map((e) => [e.node.lastName, e.node.phone])).toEqual([['Caron', null]]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // Bad input: French messages, never a 500.
    expect(errorCode(await staff.request(FOLLOW_UP, { id: campaignId, first: 500 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(FOLLOW_UP, { id: campaignId, after: 'nimporte' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(FOLLOW_UP, { id: 'pas-un-id' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(REPORT, { id: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('exports the follow-up list as CSV and XLSX, for the CPTS team only', async () => {
    const get = (client: GraphQLClient | null, file: string) =>
      fetch(`${h.gateway.url}/api/campaigns/${campaignId}/${file}`, { headers: client?.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {} });
    const csv = await get(staff, 'follow-up.csv');
    expect([csv.status, csv.headers.get('content-type'), csv.headers.get('content-disposition')]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="relance-telephonique.csv"']);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Nom;Prénom;Profession;Commune;Téléphone;E-mail');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['Blanc', 'Éluard', 'Caron']);
    expect(lines[3].split(';')[4]).toBe('');

    const xlsx = await get(staff, 'follow-up.xlsx');
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.getWorksheet('Relance téléphonique')!.eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toEqual(expect.arrayContaining(['Blanc', '0556000002']));
    expect(cells).not.toContain('Aubert');

    expect((await get(null, 'follow-up.csv')).status).toBe(401);
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect((await get(board, 'follow-up.csv')).status).toBe(403);
    const other = await h.data.cpts(await h.data.region(), { name: 'CPTS Autre', departement: '24', communes: 1 });
    const otherStaff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: other.id }])).email);
    for (const file of ['follow-up.csv', 'follow-up.xlsx']) {
      const res = await get(otherStaff, file);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('Campagne introuvable.');
    }
    const bad = await fetch(`${h.gateway.url}/api/campaigns/pas-un-id/follow-up.csv`, { headers: { authorization: `Bearer ${staff.accessToken}` } });
    expect(bad.status).toBe(404);
  });

  it('deletes clicks older than 13 months and keeps the others', async () => {
    const count = async () =>
      (await h.data.inTenant(tenant.id, (db) => db.query(`SELECT count(*)::int AS n FROM campaign_clicks WHERE tenant_id = $1 AND campaign_id = $2`, [tenant.id, campaignId]))).rows[0].n as number;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`INSERT INTO campaign_clicks (tenant_id, id, campaign_id, delivery_id, link_index, clicked_at) VALUES ($1, gen_random_uuid(), $2, $3, 0, now() - interval '14 months')`, [
        tenant.id,
        campaignId,
        deliveries[0],
      ]),
    );
    expect(await count()).toBe(before + 1);
    expect(await new ClickRetention(h.gateway.app.get(Db), createLogger({ service: 'test', level: 'silent' })).purgeOnce()).toBe(1);
    expect(await count()).toBe(before);
  });
});
