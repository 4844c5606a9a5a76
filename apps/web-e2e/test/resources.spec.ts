import type { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/**
 * The regional library in a real browser: the region's admin publishes a
 * survey template with the structured form; a CPTS coordinator finds it
 * (accent-insensitive search), adopts it and adapts the copy; the region
 * publishes a new version and sees the CPTS in the usage; the coordinator
 * sees « Nouvelle version disponible » with the diff, and takes it (warned
 * that the adapted copy is replaced). Screens at 1280 and 375 px, with axe.
 */
describe('the regional library: publish, adopt and adapt, new version, update notice and diff', () => {
  let stack: Stack;
  let admin: string;
  let coordinator: string;
  let resourcePath: string;
  const cptsName = 'CPTS Landes Bibliothèque';

  beforeAll(async () => {
    stack = await startStack();
    const regionId = await stack.data.region('52');
    const cpts = await stack.data.cpts(regionId, { name: cptsName, departement: '40', communes: 1 });
    admin = (await stack.data.user([{ role: Role.REGION_ADMIN, regionId }], 'region.bibliotheque@test.cpts.fr')).email;
    coordinator = (await stack.data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }], 'coord.bibliotheque@test.cpts.fr')).email;
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  const questionLabel = (page: Page, n: number) => page.getByRole('textbox', { name: `Question ${n}`, exact: true });

  it('the region publishes a survey template with the structured form', async () => {
    await scenario(stack, 'region publishes', async (page) => {
      await signIn(page, admin);
      await page.goto('/region/bibliotheque');
      await page.getByRole('link', { name: 'Publier une ressource' }).first().click();
      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill('Satisfaction des professionnels');
      await page.getByRole('textbox', { name: 'Description' }).fill('Questionnaire annuel de l’équipe de coordination');
      await page.getByRole('textbox', { name: 'Titre du questionnaire' }).fill('Votre avis sur la CPTS');
      await questionLabel(page, 1).fill('Êtes-vous satisfait·e de la CPTS ?');
      await page.getByRole('button', { name: 'Ajouter une question' }).click();
      await questionLabel(page, 2).fill('Que devrait faire la CPTS l’an prochain ?');
      await page.getByRole('button', { name: 'Publier une ressource' }).click();
      await page.waitForURL(/\/region\/bibliotheque\/[0-9a-f-]{36}$/);
      resourcePath = new URL(page.url()).pathname;
      await page.getByText('Que devrait faire la CPTS l’an prochain ?').waitFor();
      await checkScreen(page, 'resources-region-resource');
    });
  }, 90_000);

  it('a CPTS coordinator finds it, adopts it and adapts the copy', async () => {
    await scenario(stack, 'cpts adopts', async (page) => {
      await signIn(page, coordinator);
      await page.goto('/ressources');
      await page.getByRole('textbox', { name: 'Rechercher' }).fill('equipe');
      await page.getByText('Satisfaction des professionnels').waitFor();
      await checkScreen(page, 'resources-cpts-library');
      await page.getByRole('button', { name: 'Adopter « Satisfaction des professionnels »' }).click();
      await page.waitForURL(/\/ressources\/mes-ressources\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Adapter notre copie' }).click();
      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill('Notre questionnaire des Landes');
      await page.getByRole('button', { name: 'Ajouter une question' }).click();
      await questionLabel(page, 3).fill('Connaissez-vous le planning de soins non programmés ?');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Adaptée le').waitFor();
      await page.getByText('Connaissez-vous le planning de soins non programmés ?').waitFor();
      await checkScreen(page, 'resources-cpts-copy');
    });
  }, 90_000);

  it('the region publishes a new version and sees who uses it', async () => {
    await scenario(stack, 'region new version', async (page) => {
      await signIn(page, admin);
      await page.goto(resourcePath);
      await page.getByRole('link', { name: 'Nouvelle version' }).click();
      await questionLabel(page, 1).fill('Sur une échelle de 1 à 5, êtes-vous satisfait·e de la CPTS ?');
      await page.getByRole('textbox', { name: 'Introduction' }).fill('Trois minutes.\nVos réponses sont anonymes.');
      await page.getByRole('textbox', { name: 'Ce qui a changé' }).fill('Question 1 reformulée, introduction ajoutée.');
      await page.getByRole('button', { name: 'Publier la version' }).click();
      await page.waitForURL((u) => u.pathname === resourcePath);
      await page.getByRole('cell', { name: cptsName }).waitFor();
      await page.getByText('Question 1 reformulée, introduction ajoutée.').waitFor();
      await checkScreen(page, 'resources-region-usage');
    });
  }, 90_000);

  it('the CPTS sees the update notice and the diff, and takes the new version', async () => {
    await scenario(stack, 'cpts update', async (page) => {
      await signIn(page, coordinator);
      await page.goto('/ressources/mes-ressources');
      await page.getByText('Nouvelle version disponible').waitFor();
      await page.getByRole('link', { name: 'Notre questionnaire des Landes' }).click();
      const notice = page.getByRole('region', { name: 'Nouvelle version disponible' });
      await notice.getByText('Question 1', { exact: true }).waitFor();
      await notice.getByText('Vos réponses sont anonymes.').waitFor();
      await checkScreen(page, 'resources-cpts-update');
      await notice.getByRole('button', { name: 'Reprendre la version 2' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remplacer votre copie adaptée ?' });
      await dialog.getByRole('button', { name: 'Reprendre la version 2' }).click();
      await page.getByText('Votre copie est passée à la version 2.').waitFor();
      await notice.waitFor({ state: 'detached' });
      await page.getByText('Sur une échelle de 1 à 5, êtes-vous satisfait·e de la CPTS ?').waitFor();
    });
  }, 90_000);
});
