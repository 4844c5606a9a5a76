import { gzipSync } from 'node:zlib';
import { Page } from 'playwright-core';
import { CampaignLinks } from '@cpts/mailing';
import { Role } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { checkScreen, newPage, scenario, signIn, Stack, startStack } from './harness';

/**
 * The public pages at their CPTS's readable address (/cpts/<slug>/…): the
 * region admin changes it, every address of before leads to the new one
 * (from the server, and in the app when no page load happens), and a
 * public page stays light for a phone on a mobile network.
 */
describe('public pages at the CPTS address, and what they download', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let regionAdmin: string;
  let preferencesPath: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const regionId = await data.region('75');
    cpts = await data.cpts(regionId, { name: 'CPTS du Haut Béarn', departement: '64', communes: 2 });
    regionAdmin = (await data.user([{ role: Role.REGION_ADMIN, regionId }], 'region@adresses.e2e.fr')).email;
    // Someone on the public page, and a message sent to her.
    const listed = await data.professional(cpts.id, cpts.communes[0], { lastName: 'Laborde', firstName: 'Maïté', professionCode: '60' });
    await data.inTenant(cpts.id, async (db) => {
      await db.query(
        `UPDATE professionals SET email = 'maite.laborde@msp-oloron.test', phone = '05 59 00 00 01' WHERE tenant_id = $1 AND id = $2`,
        [cpts.id, listed],
      );
      // A consent to the public listing, with its proof, as the directory records it.
      await db.query(
        `WITH e AS (INSERT INTO consent_events (tenant_id, id, professional_id, purpose, action, method, wording_version)
                    VALUES ($1, gen_random_uuid(), $2, 'public_listing', 'given', 'form', 'public_listing.2026-11') RETURNING id)
         INSERT INTO consents (tenant_id, professional_id, purpose, status, event_id) SELECT $1, $2, 'public_listing', 'given', id FROM e`,
        [cpts.id, listed],
      );
    });
    const { deliveryIds } = await data.campaign(cpts.id, {
      bodyHtml: '<p>Bonjour</p>',
      recipients: [{ email: 'maite.laborde@msp-oloron.test', professionalId: listed }],
    });
    const links = new CampaignLinks(new LinkSigner(process.env.LINK_SECRET as string), stack.url, null);
    preferencesPath = new URL(links.forDelivery(cpts.id, cpts.slug, deliveryIds[0]).preferencesUrl).pathname;
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const directoryHeading = (page: Page) =>
    page.getByRole('heading', { level: 1, name: 'Annuaire des professionnels — CPTS du Haut Béarn' });

  it('lets the region admin change the address of a CPTS, said plainly', async () => {
    expect(cpts.slug).toBe('haut-bearn');
    await scenario(stack, 'region admin changes the public address', async (page) => {
      await signIn(page, regionAdmin);
      await page.goto(`/region/cpts/${cpts.id}/modifier`);
      const address = page.getByLabel('Adresse publique');
      await page.waitForFunction((input) => (input as HTMLInputElement).value === 'haut-bearn', await address.elementHandle());
      await address.fill('vallee-d-aspe');
      await page
        .getByText(
          'Les liens déjà diffusés vers « haut-bearn » mèneront à la nouvelle adresse ; « haut-bearn » reste réservée à cette CPTS.',
        )
        .waitFor();
      await checkScreen(page, 'region adresse publique');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL(`**/region/cpts/${cpts.id}`);
      await page.getByTestId('cpts-public-address').getByText(`${stack.url}/cpts/vallee-d-aspe/annuaire`).waitFor();
      // A malformed address: said in French under the field.
      await page.goto(`/region/cpts/${cpts.id}/modifier`);
      await page.getByLabel('Adresse publique').fill('vallée d’aspe');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page
        .getByText(
          'L’adresse ne peut contenir que des lettres sans accents, des chiffres et des tirets entre les mots (ex. : grand-perigueux).',
        )
        .waitFor();
    });
  });

  it('shows the public directory at the new address, and leads the old ones there, from a link or inside the app', async () => {
    await scenario(stack, 'public directory at its address', async (page) => {
      // The new address, with its filters in the address.
      await page.goto('/cpts/vallee-d-aspe/annuaire');
      await directoryHeading(page).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Maïté Laborde' }).waitFor();
      await checkScreen(page, 'annuaire public adresse lisible');
      // The former address and the id address: permanent redirects from the server, the filters kept.
      for (const old of ['/cpts/haut-bearn/annuaire?profession=60', `/annuaire-public/${cpts.id}?profession=60`]) {
        const response = await page.goto(old);
        expect(response?.request().redirectedFrom()?.url()).toBe(`${stack.url}${old}`);
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/cpts/vallee-d-aspe/annuaire?profession=60');
        await directoryHeading(page).waitFor();
      }
      // Reached inside the app (no page load, so no server redirect): the page moves itself to the current address.
      for (const old of [`/annuaire-public/${cpts.id}`, '/cpts/haut-bearn/annuaire']) {
        await page.evaluate((path) => {
          window.history.pushState({}, '', path);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, old);
        await page.waitForURL('**/cpts/vallee-d-aspe/annuaire');
        await directoryHeading(page).waitFor();
      }
      // An address that names no CPTS: a 404, and a French sentence.
      const unknown = await page.goto('/cpts/nulle-part/annuaire');
      expect(unknown?.status()).toBe(404);
      await page.getByText("Cette page d'annuaire n'existe pas. Vérifiez l'adresse.").waitFor();
    });
  });

  it('leads the preferences link of a message sent before the change to the page at the new address', async () => {
    await scenario(stack, 'preferences page after the address changed', async (page) => {
      expect(preferencesPath.startsWith('/cpts/haut-bearn/preferences/')).toBe(true);
      await page.goto(preferencesPath);
      await page.getByRole('heading', { level: 1, name: "Vos choix d'e-mails" }).waitFor();
      expect(new URL(page.url()).pathname).toBe(preferencesPath.replace('/haut-bearn/', '/vallee-d-aspe/'));
      await page.getByText('maite.laborde@msp-oloron.test').waitFor();
      await checkScreen(page, 'preferences adresse lisible');
    });
  });

  /**
   * What a public page downloads on a first visit: every script it asked for,
   * as served (the gateway does not compress; a proxy in front may). The
   * budget has some headroom over what it measures now (docs/performance.md,
   * session 14); a page that pulled the staff app back in would break it.
   */
  it.each([
    // At the address of the links already out: the server redirects (no script), whether it changed or not.
    ['public directory', () => '/cpts/haut-bearn/annuaire', 'Annuaire des professionnels — CPTS du Haut Béarn'],
    ['preferences page', () => preferencesPath, "Vos choix d'e-mails"],
  ])('keeps the %s light: no staff page, no GraphQL client, under the script budget', async (_name, path, heading) => {
    const { context, page } = await newPage(stack);
    try {
      const scripts: Array<Promise<{ url: string; raw: number; gzip: number }>> = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        scripts.push(
          response.body().then((body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body).length })),
        );
      });
      await page.goto(path());
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      const loaded = await Promise.all(scripts);
      const total = loaded.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
      console.log(`${_name}: ${loaded.length} scripts, ${(total.raw / 1000).toFixed(1)} kB (${(total.gzip / 1000).toFixed(1)} kB gzipped)`);
      const staff = loaded.filter((s) =>
        /\/(SignedIn|Layout|GraphQLProvider|graphql-client|gql|Campaign\w*|RichEditor|Person\w*|Professionals\w*|SignInPage)-/.test(s.url),
      );
      expect(staff.map((s) => s.url)).toEqual([]);
      expect(total.raw).toBeLessThan(570_000);
      expect(total.gzip).toBeLessThan(190_000);
    } finally {
      await context.close();
    }
  });
});
