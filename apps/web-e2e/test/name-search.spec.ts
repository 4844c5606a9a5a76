import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/** The directory's search box finds names typed as heard: without the particle's space, with a typo. */
describe('web app: searching the directory by name', () => {
  let stack: Stack;
  let staff: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const cpts = await data.cpts(await data.region('75'), { name: 'CPTS des Gaves', departement: '64', communes: 2 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff-recherche@e2e.cpts.fr')).email;
    for (const [lastName, firstName] of [
      ['Le Fèvre', 'Marie'],
      ['Lefebvre', 'Anne'],
      ['Dupont', 'Sophie'],
      ['Martin', 'Paul'],
    ]) {
      await data.professional(cpts.id, cpts.communes[0], { lastName, firstName });
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('finds "Le Fèvre" from "lefevre" (exact matches first) and "Dupont" from "dupond"', async () => {
    await scenario(stack, 'directory name search', async (page) => {
      await signIn(page, staff);
      await page.goto('/annuaire');
      await page.getByText('4 professionnels').waitFor();
      await page.getByLabel('Rechercher par nom').fill('lefevre');
      await page.waitForURL('**/annuaire?q=lefevre');
      await page.getByText('2 professionnels', { exact: true }).waitFor();
      const rows = page.getByRole('link', { name: /^(LE FÈVRE Marie|LEFEBVRE Anne)$/ });
      await rows.nth(1).waitFor();
      // "Le Fèvre" matches exactly, "Lefebvre" with one letter more: after it.
      expect(await rows.allTextContents()).toEqual(['LE FÈVRE Marie', 'LEFEBVRE Anne']);
      await checkScreen(page, 'annuaire recherche approchee');
      await page.getByLabel('Rechercher par nom').fill('dupond');
      await page.waitForURL('**/annuaire?q=dupond');
      await page.getByText('1 professionnel', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'DUPONT Sophie' }).first().waitFor();
    });
  });
});
