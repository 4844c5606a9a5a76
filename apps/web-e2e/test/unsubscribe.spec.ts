import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { ReceivedMail } from '@cpts/testing';
import { checkScreen, newPage, queueCampaign, scenario, signIn, Stack, startStack } from './harness';

/**
 * Unsubscribing from a campaign message that really arrived at the SMTP
 * sink: through the one-click POST of its List-Unsubscribe header (what a
 * mailbox provider's "unsubscribe" button does), and through the page its
 * footer links to; then the staff see the withdrawal on the person's page.
 * The campaign is written by SQL and sent by the real worker.
 */
describe('unsubscribing from a campaign message', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let staff: string;
  let anne: string;
  let bruno: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS des Deux Rives', departement: '47', communes: 2 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff@unsubscribe.e2e.fr')).email;
    anne = await data.professional(cpts.id, cpts.communes[0], { lastName: 'Roux', firstName: 'Anne', professionCode: '60' });
    bruno = await data.professional(cpts.id, cpts.communes[0], { lastName: 'Lambert', firstName: 'Bruno', professionCode: '70' });
    await data.inTenant(cpts.id, async (db) => {
      await db.query(`UPDATE professionals SET email = 'anne.roux@msp-agen.test' WHERE tenant_id = $1 AND id = $2`, [cpts.id, anne]);
      await db.query(`UPDATE professionals SET email = 'bruno.lambert@kine-agen.test' WHERE tenant_id = $1 AND id = $2`, [cpts.id, bruno]);
    });

    // A newsletter being sent to both, as the campaign module writes it; the worker sends it.
    const { campaignId } = await data.campaign(cpts.id, {
      subject: 'La lettre des Deux Rives',
      bodyHtml: '<h2>Bonjour</h2><p>Les nouvelles du mois.</p>',
      status: 'sending',
      recipients: [
        { professionalId: anne, email: 'anne.roux@msp-agen.test' },
        { professionalId: bruno, email: 'bruno.lambert@kine-agen.test' },
      ],
    });
    await queueCampaign(data, cpts.id, campaignId);
    await stack.sink.waitFor((messages) => messages.filter((m) => m.subject === 'La lettre des Deux Rives').length >= 2, 60_000).catch((err) => {
      throw new Error(`${err.message}\n${stack.logs()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const received = (to: string): ReceivedMail => stack.sink.to(to).find((m) => m.subject === 'La lettre des Deux Rives')!;
  const proNewsletter = (page: Page) => page.getByRole('region', { name: 'Consentements' }).locator('[data-purpose="PRO_NEWSLETTER"]');

  it('unsubscribes at once with the one-click POST of the List-Unsubscribe header, and a GET leads to the page', async () => {
    const mail = received('anne.roux@msp-agen.test');
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const url = /^List-Unsubscribe: <(http[^>]+)>/m.exec(mail.raw)![1];
    // Under the CPTS's readable address: no internal id in the link.
    expect(cpts.slug).toBe('deux-rives');
    expect(url).toMatch(new RegExp(`^${stack.url}/api/public/cpts/deux-rives/unsubscribe/[A-Za-z0-9_-]+$`));

    const { context, page } = await newPage(stack);
    try {
      // What a mailbox provider does (RFC 8058): a POST, no cookie, no login.
      const res = await page.request.post(url, { form: { 'List-Unsubscribe': 'One-Click' } });
      expect(res.status()).toBe(200);
      expect(await res.json()).toEqual({ unsubscribed: true, purpose: 'pro_newsletter' });
      // Someone who opens the address instead lands on the page, which says it is done.
      await page.goto(url);
      await page.waitForURL(/\/cpts\/deux-rives\/preferences\/[A-Za-z0-9_-]+$/);
      await page.getByRole('heading', { level: 1, name: "Vos choix d'e-mails" }).waitFor();
      await page.getByText("Vous ne recevez plus : La lettre d'information professionnelle.").waitFor();
    } finally {
      await context.close();
    }

    await scenario(stack, 'one-click seen by the staff', async (staffPage) => {
      await signIn(staffPage, staff);
      await staffPage.goto(`/annuaire/${anne}`);
      await proNewsletter(staffPage).getByText(/^Opposition enregistrée le .* \(lien de désinscription\)\.$/).waitFor();
    });
  });

  it('unsubscribes through the page of the footer link, says so, and lets the person choose what they keep', async () => {
    const mail = received('bruno.lambert@kine-agen.test');
    const link = new RegExp(`${stack.url}/cpts/deux-rives/preferences/[A-Za-z0-9_-]+`).exec(mail.text)![0];
    expect(mail.html).toContain(`href="${link}"`);
    const token = link.split('/').pop()!;

    await scenario(stack, 'preferences page', async (page) => {
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: "Vos choix d'e-mails" }).waitFor();
      await page.getByText('bruno.lambert@kine-agen.test').waitFor();
      await page.getByText('CPTS des Deux Rives', { exact: true }).first().waitFor();
      const mine = page.getByRole('region', { name: "La lettre d'information professionnelle" });
      await mine.getByText('Vous recevez', { exact: true }).waitFor();
      await checkScreen(page, 'preferences');

      await page.getByRole('button', { name: 'Me désinscrire' }).click();
      const confirmation = page.getByTestId('preferences-confirmation');
      await confirmation.getByText("Vous ne recevrez plus : La lettre d'information professionnelle.", { exact: false }).waitFor();
      await mine.getByText('Vous ne recevez pas', { exact: true }).waitFor();
      await page.getByText("Vous ne recevez plus : La lettre d'information professionnelle.").waitFor();
      await checkScreen(page, 'preferences desinscrit');

      // The general-public newsletter needs consent: the page shows the sentence agreed to.
      const pub = page.getByRole('region', { name: "La lettre d'information grand public" });
      await pub.getByTestId('consent-wording').getByText(/destinée au grand public/).waitFor();
      await pub.getByRole('button', { name: 'Recevoir' }).click();
      await confirmation.getByText("Vous recevrez désormais : La lettre d'information grand public.").waitFor();
      await pub.getByText('Vous recevez', { exact: true }).waitFor();
    });

    await scenario(stack, 'page choices seen by the staff', async (page) => {
      await signIn(page, staff);
      await page.goto(`/annuaire/${bruno}`);
      await proNewsletter(page).getByText(/^Opposition enregistrée le .* \(lien de désinscription\)\.$/).waitFor();
      await page
        .getByRole('region', { name: 'Consentements' })
        .locator('[data-purpose="PUBLIC_NEWSLETTER"]')
        .getByText(/^Consentement donné le .* \(formulaire, version public_newsletter\.2026-11\)\.$/)
        .waitFor();
      await checkScreen(page, 'fiche apres desinscription');
    });

    // A message sent before readable addresses linked to /preferences/<token>: it lands on the page at the CPTS's address.
    await scenario(stack, 'preferences page from an older message', async (page) => {
      await page.goto(`/preferences/${token}`);
      await page.getByRole('heading', { level: 1, name: "Vos choix d'e-mails" }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/cpts/deux-rives/preferences/${token}`);
      await page.getByText('bruno.lambert@kine-agen.test').waitFor();
    });
  });

  it('says in French that an altered link is not valid', async () => {
    await scenario(stack, 'preferences invalid link', async (page) => {
      await page.goto('/cpts/deux-rives/preferences/lien-modifie-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      await page.getByText(/Ce lien de désinscription n’est pas valide/).waitFor();
      await checkScreen(page, 'preferences lien invalide');
      // At the address of before too.
      await page.goto('/preferences/lien-modifie-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      await page.getByText(/Ce lien de désinscription n’est pas valide/).waitFor();
    });
  });
});
