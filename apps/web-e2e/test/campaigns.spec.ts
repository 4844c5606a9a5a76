import { randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/**
 * Campaigns in a real browser, with the real gateway, worker and SMTP sink:
 * the staff compose a newsletter with the editor, watch the segment's count
 * follow the filters, preview it, send themselves a test, schedule it (the
 * suggested Friday 18:30), then send it now and follow its progress to the end.
 */
describe('campaigns (mailings) in the web app', () => {
  let stack: Stack;
  let staff: string;
  let cpts: { id: string; communes: string[] };

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS Cœur de Saintonge', departement: '17', communes: 2 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.campagnes@e2e.cpts.fr')).email;
    const pro = async (lastName: string, professionCode: string, email: string | null, commune = 0) => {
      const id = await data.professional(cpts.id, cpts.communes[commune], { lastName, firstName: 'Camille', professionCode });
      await data.inTenant(cpts.id, (client) => client.query(`UPDATE professionals SET email = $3 WHERE tenant_id = $1 AND id = $2`, [cpts.id, id, email]));
    };
    await pro('Arnaud', '60', 'arnaud@exemple.fr');
    await pro('Blanc', '60', 'blanc@exemple.fr');
    await pro('Chevalier', '60', null);
    await pro('Dupuis', '70', 'dupuis@exemple.fr', 1);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('composes, counts, previews, tests, schedules, sends and follows a newsletter to the end', async () => {
    await scenario(stack, 'campaigns', async (page) => {
      await signIn(page, staff);
      await page.getByRole('link', { name: 'Campagnes e-mail' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Campagnes e-mail' }).waitFor();
      await page.getByText("Aucune campagne pour l'instant").waitFor();
      await checkScreen(page, 'campagnes vide');

      // Compose: subject, then the body with the editor's toolbar.
      await page.getByRole('link', { name: 'Nouvelle campagne' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nouvelle campagne' }).waitFor();
      await page.getByLabel('Objet').fill('Soirée prévention de décembre');
      const editor = page.getByRole('textbox', { name: 'Message' });
      await editor.click();
      await page.keyboard.type('Bonjour à toutes et à tous');
      await page.getByRole('button', { name: 'Titre', exact: true }).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Paragraphe', exact: true }).click();
      await page.keyboard.type('La soirée a lieu vendredi, voir ');
      await page.getByRole('button', { name: 'Lien', exact: true }).click();
      const linkDialog = page.getByRole('dialog', { name: 'Ajouter un lien' });
      await linkDialog.getByLabel('Adresse du lien').fill('https://cpts.test/agenda');
      await linkDialog.getByLabel('Texte du lien').fill('le programme');
      await linkDialog.getByRole('button', { name: 'Insérer' }).click();
      await linkDialog.waitFor({ state: 'detached' });
      const written = await editor.innerHTML();
      expect(written).toContain('<h2>Bonjour à toutes et à tous</h2>');
      expect(written).toMatch(/<p>La soirée a lieu vendredi, voir(\s|&nbsp;)<a href="https:\/\/cpts.test\/agenda">le programme<\/a>/);

      // The live count follows the filters, and says why people are left out (nurses and physiotherapists in the end).
      const count = page.getByTestId('audience-count');
      await count.filter({ hasText: '3 destinataires' }).waitFor();
      await page.getByText('1 personne sans adresse e-mail').waitFor();
      await page.getByRole('combobox', { name: 'Professions' }).click();
      await page.getByRole('option', { name: 'Masseur-kinésithérapeute' }).click();
      await page.keyboard.press('Escape');
      await count.filter({ hasText: '1 destinataire' }).waitFor();
      await page.getByText('1 personne correspond aux filtres.').waitFor();
      await page.getByRole('combobox', { name: 'Professions' }).click();
      await page.getByRole('option', { name: 'Infirmier', exact: true }).click();
      await page.keyboard.press('Escape');
      await count.filter({ hasText: '3 destinataires' }).waitFor();
      await page.getByRole('row', { name: /Chevalier Camille/ }).getByText("Pas d'adresse e-mail").waitFor();
      await checkScreen(page, 'campagne composer');
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

      // The campaign page: the email as recipients see it, at both widths.
      await page.getByRole('heading', { level: 1, name: 'Soirée prévention de décembre' }).waitFor();
      await page.getByText('Brouillon', { exact: true }).first().waitFor();
      const frame = page.frameLocator('iframe[title^="Aperçu de l\'e-mail"]');
      await frame.getByRole('heading', { name: 'Bonjour à toutes et à tous' }).waitFor();
      await frame.getByRole('link', { name: 'le programme' }).waitFor();
      await frame.getByText('CPTS Cœur de Saintonge', { exact: true }).waitFor();
      await page.getByText('Téléphone', { exact: true }).click();
      await page.frameLocator('iframe[title="Aperçu de l\'e-mail (375 px de large)"]').getByRole('heading', { name: 'Bonjour à toutes et à tous' }).waitFor();
      // Chromium paints a frame only once it has been on screen: bring it there for the screenshots.
      await page.locator('iframe[title="Aperçu de l\'e-mail (375 px de large)"]').scrollIntoViewIfNeeded();
      await checkScreen(page, 'campagne apercu telephone');
      await page.getByText('Ordinateur', { exact: true }).click();
      await page.locator('iframe[title="Aperçu de l\'e-mail (700 px de large)"]').waitFor();

      // A test to oneself, through the real SMTP sink.
      await page.getByRole('button', { name: "M'envoyer un test" }).click();
      await page.getByText(`Test envoyé à ${staff}.`).waitFor();
      await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(staff) && m.subject === '[TEST] Soirée prévention de décembre'), 30_000);
      expect(stack.sink.to(staff)[0].html).toContain('<a href="https://cpts.test/agenda">le programme</a>');

      // Schedule: Friday 18:30 (Paris) is suggested.
      await page.getByRole('button', { name: 'Programmer', exact: true }).click();
      const scheduleDialog = page.getByRole('dialog', { name: "Programmer l'envoi" });
      await scheduleDialog.getByText(/^Suggestion : vendredi \d{1,2} \S+ \d{4} à 18:30\./).waitFor();
      expect(await scheduleDialog.getByLabel('Date et heure').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T18:30$/);
      await checkScreen(page, 'campagne programmer');
      await scheduleDialog.getByRole('button', { name: "Programmer l'envoi" }).click();
      await scheduleDialog.waitFor({ state: 'detached' });
      await page.getByText(/^Programmée pour le vendredi \d{1,2} \S+ \d{4} à 18:30$/).first().waitFor();
      await page.getByText('Programmée', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Déprogrammer' }).click();
      await page.getByText('La campagne est redevenue un brouillon.').waitFor();

      // Send now, after a confirmation; the progress follows live until the campaign is closed.
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      const sendDialog = page.getByRole('dialog', { name: 'Envoyer maintenant ?' });
      await sendDialog.getByRole('button', { name: "Confirmer l'envoi" }).click();
      await sendDialog.waitFor({ state: 'detached' });
      await stack.sink.waitFor((messages) => messages.filter((m) => m.subject === 'Soirée prévention de décembre').length === 3, 30_000);
      const got = stack.sink.messages.filter((m) => m.subject === 'Soirée prévention de décembre').flatMap((m) => m.to).sort();
      expect(got).toEqual(['arnaud@exemple.fr', 'blanc@exemple.fr', 'dupuis@exemple.fr']);
      await page.getByText('3 envoyés sur 3.').waitFor({ timeout: 20_000 });
      // The worker's reconciler closes it (every 30 s by default): the page is still polling.
      await page.getByText('Envoyée', { exact: true }).first().waitFor({ timeout: 60_000 });
      await checkScreen(page, 'campagne envoyee');

      // The list: status and progress; a third newsletter this month is warned about.
      await stack.data.inTenant(cpts.id, (client) =>
        client.query(
          `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at, finished_at)
           VALUES ($1, $2, 'professionals', 'pro_newsletter', 'Lettre précédente', '<p>x</p>', 'CPTS', 'sent', now(), now())`,
          [cpts.id, randomUUID()],
        ),
      );
      await page.getByRole('link', { name: 'Campagnes e-mail' }).first().click();
      const row = page.getByRole('row', { name: /Soirée prévention de décembre/ });
      await row.getByText('Envoyée').waitFor();
      await row.getByText('3 / 3 envoyés').waitFor();
      await page.getByText(/^Votre CPTS a déjà 2 lettres d'information envoyées ou programmées en \S+ \d{4} :/).waitFor();
      await checkScreen(page, 'campagnes liste');

      // Years of campaigns: the list shows the latest 20, then the next ones on demand.
      await stack.data.inTenant(cpts.id, (client) =>
        client.query(
          `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at, finished_at)
           SELECT $1, gen_random_uuid(), 'professionals', 'pro_newsletter', 'Lettre ancienne ' || lpad(n::text, 2, '0'), '<p>x</p>', 'CPTS', 'sent',
                  now() - n * interval '1 month', now() - n * interval '1 month'
           FROM generate_series(1, 22) n`,
          [cpts.id],
        ),
      );
      await page.reload();
      await page.getByText('24 campagnes', { exact: true }).waitFor();
      await page.getByRole('row', { name: /Lettre ancienne 18/ }).waitFor();
      expect(await page.getByRole('row', { name: /Lettre ancienne 19/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Voir plus' }).click();
      await page.getByRole('row', { name: /Lettre ancienne 22/ }).waitFor();
      expect(await page.getByRole('row', { name: /Lettre ancienne/ }).count()).toBe(22);
      await page.getByRole('button', { name: 'Voir plus' }).waitFor({ state: 'detached' });
      // A status filter starts again from its first page.
      await page.getByLabel('Statut').selectOption({ label: 'Brouillon' });
      await page.getByText('Aucune campagne « Brouillon »').waitFor();
      await page.getByLabel('Statut').selectOption({ label: 'Envoyée' });
      await page.getByText('24 campagnes', { exact: true }).waitFor();
      expect(await page.getByRole('row', { name: /Lettre ancienne/ }).count()).toBe(18);
    });
  }, 240_000);
});
