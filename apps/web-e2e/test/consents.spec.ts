import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, newPage, scenario, signIn, Stack, startStack } from './harness';

/**
 * Consents, labels, the public directory page and the GDPR rights, in a
 * real browser: what the staff do on a person's page, and what a visitor
 * without an account sees.
 */
describe('consents, labels, public page and GDPR rights', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let staff: string;
  let personId: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const regionId = await data.region('75');
    cpts = await data.cpts(regionId, { name: 'CPTS Val de Sèvre', departement: '79', communes: 3 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff@consents.e2e.fr')).email;
    personId = await data.professional(cpts.id, cpts.communes[0], { lastName: 'Garnier', firstName: 'Inès', professionCode: '60' });
    await data.inTenant(cpts.id, async (db) => {
      await db.query(`UPDATE professionals SET email = 'ines.garnier@msp.test' WHERE tenant_id = $1 AND id = $2`, [cpts.id, personId]);
      // Her practice site (the record keeps a copy of its main site's structure and phone).
      await db.query(`UPDATE professional_sites SET phone = '05 49 00 00 01', structure_name = 'MSP du Marais' WHERE tenant_id = $1 AND professional_id = $2`, [cpts.id, personId]);
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const row = (page: Page, purpose: string) => page.getByRole('region', { name: 'Consentements' }).locator(`[data-purpose="${purpose}"]`);

  /** The public page as a visitor with no account sees it (a fresh profile, no session). */
  const visitPublic = async (check: (page: Page) => Promise<void>) => {
    const { context, page } = await newPage(stack);
    try {
      await page.goto(`/cpts/${cpts.slug}/annuaire`);
      await page.getByRole('heading', { level: 1, name: 'Annuaire des professionnels — CPTS Val de Sèvre' }).waitFor();
      await check(page);
    } finally {
      await context.close();
    }
  };

  it('gives and withdraws consents, labels a person, shows them on the public page until they withdraw, exports and erases', async () => {
    await scenario(stack, 'consents', async (page) => {
      await signIn(page, staff);

      // The CPTS defines a label, and finds the link of its public page.
      await page.goto('/annuaire/etiquettes');
      await page.getByRole('heading', { level: 1, name: 'Étiquettes et page publique' }).waitFor();
      await page.getByLabel('Nouvelle étiquette').fill("Formé·e à l'habituation aux soins TND");
      await page.getByRole('button', { name: 'Ajouter' }).click();
      await page.getByRole('cell', { name: "Formé·e à l'habituation aux soins TND", exact: true }).waitFor();
      // The CPTS's readable address: no internal id in it.
      expect(await page.getByTestId('public-link').getAttribute('href')).toBe(`${stack.url}/cpts/val-de-sevre/annuaire`);
      await checkScreen(page, 'etiquettes et page publique');

      // The person's page: the work-address rule, said plainly, and no public listing without consent.
      await page.goto(`/annuaire/${personId}`);
      await row(page, 'PRO_NEWSLETTER').getByText('Peut recevoir : adresse professionnelle, désinscription libre dans chaque message.').waitFor();
      await row(page, 'PUBLIC_LISTING').getByText("Pas de consentement : n'apparaît pas sur la page publique.").waitFor();

      // Recording a consent shows the exact wording accepted.
      await row(page, 'PUBLIC_LISTING').getByRole('button', { name: 'Enregistrer un consentement' }).click();
      const modal = page.getByRole('dialog', { name: 'Enregistrer un consentement' });
      await modal.getByTestId('consent-wording').getByText(/figurent sur la page publique de l'annuaire/).waitFor();
      await checkScreen(page, 'consentement modal');
      await modal.getByRole('button', { name: 'Enregistrer le consentement' }).click();
      await modal.waitFor({ state: 'detached' });
      await row(page, 'PUBLIC_LISTING').getByText(/^Consentement donné le .* \(formulaire, version public_listing\.2026-11\)\.$/).waitFor();

      // Labels.
      const labels = page.getByRole('region', { name: 'Étiquettes', exact: true });
      await labels.getByRole('button', { name: 'Modifier les étiquettes' }).click();
      await labels.getByLabel('Étiquettes de la personne').click();
      await page.getByRole('option', { name: "Formé·e à l'habituation aux soins TND" }).click();
      await labels.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await labels.getByText("Formé·e à l'habituation aux soins TND").waitFor();
      await page.getByRole('region', { name: 'Historique' }).getByText('Consentement « Page publique de l\'annuaire » donné (formulaire, version public_listing.2026-11).').waitFor();
      await checkScreen(page, 'fiche consentements etiquettes');

      // A visitor sees her, by commune and profession, with the label, and no e-mail.
      await visitPublic(async (pub) => {
        const card = pub.getByRole('listitem').filter({ hasText: 'Inès Garnier' });
        await card.getByText("Formé·e à l'habituation aux soins TND").waitFor();
        await card.getByText('MSP du Marais').waitFor();
        expect(await pub.getByText('ines.garnier@msp.test').count()).toBe(0);
        await pub.getByText('1 professionnel').waitFor();
        await checkScreen(pub, 'annuaire public');
      });

      // One click withdraws; the visitor's next load no longer shows her.
      await row(page, 'PUBLIC_LISTING').getByRole('button', { name: 'Retirer' }).click();
      await row(page, 'PUBLIC_LISTING').getByText(/^Opposition enregistrée le .* \(demande de la personne\)\.$/).waitFor();
      await visitPublic(async (pub) => {
        await pub.getByText('0 professionnel').waitFor();
        expect(await pub.getByText('Inès Garnier').count()).toBe(0);
      });

      // An objection to the professional newsletter on a work address, one click too.
      await row(page, 'PRO_NEWSLETTER').getByRole('button', { name: 'Enregistrer une opposition' }).click();
      await row(page, 'PRO_NEWSLETTER').getByText(/^Opposition enregistrée le/).waitFor();

      // GDPR export: the JSON file, then the readable page.
      const gdpr = page.getByRole('region', { name: 'Données personnelles (RGPD)' });
      const [download] = await Promise.all([page.waitForEvent('download'), gdpr.getByRole('button', { name: 'Exporter les données (JSON)' }).click()]);
      expect(download.suggestedFilename()).toBe(`donnees-personnelles-${personId}.json`);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      expect(exported.professional).toMatchObject({ last_name: 'Garnier', first_name: 'Inès', email: 'ines.garnier@msp.test' });
      expect(exported.labels).toEqual(["Formé·e à l'habituation aux soins TND"]);
      await gdpr.getByRole('link', { name: 'Voir les données' }).click();
      await page.waitForURL(`**/annuaire/${personId}/donnees`);
      await page.getByRole('heading', { level: 1, name: 'Données personnelles' }).waitFor();
      await page.getByRole('cell', { name: 'ines.garnier@msp.test' }).waitFor();
      await page.getByRole('region', { name: 'Consentements (preuves)' }).getByText('public_listing.2026-11').waitFor();
      await checkScreen(page, 'donnees personnelles');

      // Erasure: confirmed by typing the name; the page then says so.
      await page.goto(`/annuaire/${personId}`);
      await page.getByRole('region', { name: 'Données personnelles (RGPD)' }).getByRole('button', { name: 'Effacer la personne…' }).click();
      const erase = page.getByRole('dialog', { name: 'Effacer les données de la personne' });
      await erase.getByLabel('Pour confirmer, tapez son nom : Garnier').fill('Martin');
      await erase.getByLabel("J'ai compris que l'effacement est définitif.").check();
      await erase.getByRole('button', { name: 'Effacer définitivement' }).click();
      await erase.getByText('Pour confirmer, tapez le nom de la personne : Garnier.').waitFor();
      await checkScreen(page, 'effacement confirmation');
      await erase.getByLabel('Pour confirmer, tapez son nom : Garnier').fill('garnier');
      await erase.getByRole('button', { name: 'Effacer définitivement' }).click();
      await erase.waitFor({ state: 'detached' });
      await page.getByText(/^Données effacées le /).first().waitFor();
      await page.getByRole('heading', { level: 1, name: '— Personne effacée' }).waitFor();
      expect(await page.getByText('ines.garnier@msp.test').count()).toBe(0);
      await checkScreen(page, 'fiche effacee');
    });
  });
});
