import type { Locator } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, queueCampaign, scenario, signIn, Stack, startStack } from './harness';

const BODY = '<h2>Bonjour</h2><p>Le <a href="https://cpts.test/agenda">programme</a> et la <a href="https://cpts.test/inscription">fiche d’inscription</a>.</p>';
const TRACKED = /http:\/\/[^\s)]+\/api\/public\/c\/[A-Za-z0-9_-]+/g;
/** Cell texts with French number spacing (narrow no-break spaces) read as plain spaces. */
const cells = async (row: Locator) => (await row.getByRole('cell').allTextContents()).map((s) => s.replace(/\s/g, ' '));

/**
 * The click report in a real browser, after a real send: the worker sends a
 * campaign to the SMTP sink, two recipients follow a tracked link from the
 * message they received (HTTP GET, 302 to the campaign's link), and the
 * staff read the clicks per link and per profession, and the people to call
 * back with their phone numbers.
 */
describe('campaign report (clicks and "relance téléphonique") in the web app', () => {
  let stack: Stack;
  let staff: string;
  let campaignId: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const cpts = await data.cpts(await data.region('75'), { name: 'CPTS Rapport', departement: '24', communes: 2 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.rapport@e2e.cpts.fr')).email;
    const [c0, c1] = cpts.communes;
    // Nurses (60): Aubert clicks, Blanc does not; physiotherapists (70): Dumas clicks, Caron does not and has no phone.
    const people = [
      { lastName: 'Aubert', firstName: 'Anne', professionCode: '60', phone: '05 53 00 00 01', communeCode: c0 },
      { lastName: 'Blanc', firstName: 'Bruno', professionCode: '60', phone: '05 53 00 00 02', communeCode: c1 },
      { lastName: 'Caron', firstName: 'Claire', professionCode: '70', phone: null, communeCode: c0 },
      { lastName: 'Dumas', firstName: 'Denis', professionCode: '70', phone: '05 53 00 00 04', communeCode: c1 },
    ];
    const recipients: Array<{ email: string; professionalId: string }> = [];
    for (const p of people) {
      const email = `${p.lastName.toLowerCase()}@rapport.e2e.fr`;
      recipients.push({ email, professionalId: await data.professional(cpts.id, p.communeCode, { ...p, email }) });
    }
    // The campaign as sending it leaves it (the composer is another screen): one pending delivery per recipient, then one job per chunk.
    const created = await data.campaign(cpts.id, { subject: 'Lettre de décembre', bodyHtml: BODY, status: 'sending', recipients });
    campaignId = created.campaignId;
    await queueCampaign(data, cpts.id, campaignId);
    await stack.sink.waitFor((messages) => recipients.every((r) => messages.some((m) => m.to.includes(r.email))), 60_000);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The tracked links of the message `to` received, in the body's order. */
  const trackedLinks = (to: string) => {
    const mail = stack.sink.to(to).pop();
    if (!mail) throw new Error(`no message to ${to}\n${stack.logs()}`);
    return [...new Set(mail.text.match(TRACKED) ?? [])];
  };

  it('follows tracked links from the received messages, then shows the clicks per link and per profession and who to call', async () => {
    const aubert = trackedLinks('aubert@rapport.e2e.fr');
    expect(aubert).toHaveLength(2);
    const first = await fetch(aubert[0], { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([302, 'https://cpts.test/agenda']);
    // A second visit (or a scanner's prefetch) does not make a second clicker.
    expect((await fetch(aubert[0], { redirect: 'manual' })).status).toBe(302);
    const dumas = await fetch(trackedLinks('dumas@rapport.e2e.fr')[1], { redirect: 'manual' });
    expect([dumas.status, dumas.headers.get('location')]).toEqual([302, 'https://cpts.test/inscription']);
    // A link altered by hand leads nowhere, in French.
    const altered = await fetch(`${aubert[0].slice(0, -4)}AAAA`, { redirect: 'manual' });
    expect(altered.status).toBe(404);
    expect(await altered.text()).toContain('Lien introuvable');

    await scenario(stack, 'campaign report', async (page) => {
      await signIn(page, staff);
      await page.goto(`/campagnes/${campaignId}/rapport`);
      await page.getByRole('heading', { level: 1, name: 'Rapport de campagne' }).waitFor();
      await page.getByText('Lettre de décembre').first().waitFor();

      const figures = page.getByRole('region', { name: 'Chiffres clés' });
      await figures.getByText('3 clics en tout').waitFor();
      const figureText = (await figures.innerText()).replace(/\s+/g, ' ');
      for (const figure of ['Envoyés 4', 'Échecs 0', 'Cliqueurs 2', 'Taux de clic 50 %']) expect(figureText).toContain(figure);

      const links = page.getByRole('table', { name: 'Personnes ayant cliqué sur chaque lien du message' });
      expect(await cells(links.getByRole('row', { name: /cpts\.test\/agenda/ }))).toEqual(['1', '2']);
      expect(await cells(links.getByRole('row', { name: /cpts\.test\/inscription/ }))).toEqual(['1', '1']);

      const professions = page.getByRole('table', { name: 'Messages envoyés, cliqueurs et taux de clic par profession' });
      expect(await cells(professions.getByRole('row', { name: /Infirmiers/ }))).toEqual(['2', '1', '50 %']);
      expect(await cells(professions.getByRole('row', { name: /Masseurs-kinésithérapeutes/ }))).toEqual(['2', '1', '50 %']);

      // Those who did not click, those with a phone first; the number is a tel: link.
      const followUp = page.getByRole('region', { name: 'Relance téléphonique' });
      await followUp.getByText('2 personnes à relancer').waitFor();
      const table = followUp.getByRole('table', { name: 'Personnes à relancer par téléphone' });
      const rows = table.getByRole('row');
      expect(await rows.count()).toBe(3);
      expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('BLANC Bruno');
      expect(await rows.nth(2).getByRole('cell').first().textContent()).toBe('CARON Claire');
      await expect(table.getByRole('link', { name: 'Appeler BLANC Bruno au 05 53 00 00 02' }).getAttribute('href')).resolves.toBe('tel:0553000002');
      await rows.nth(2).getByText('Pas de numéro').waitFor();
      expect(await table.getByText(/Aubert|Dumas/i).count()).toBe(0);
      await checkScreen(page, 'rapport de campagne');

      // The list as a spreadsheet, to call from.
      const [download] = await Promise.all([page.waitForEvent('download'), followUp.getByRole('button', { name: 'Exporter (Excel)' }).click()]);
      expect(download.suggestedFilename()).toBe('relance-telephonique.xlsx');
    });
  });
});
