import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

const HOUR = 3_600_000;
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date(Date.now() - 5 * HOUR)),
);

/**
 * The dialogue de gestion in a real browser: the coordinator builds a fiche
 * action (objective, actions, an indicator computed from the evidence),
 * links a working group whose meetings were held and a mailing that was
 * sent, sees the automatic evidence with its figures and links, adds a text
 * as evidence, then downloads the year's file as a PDF (checked for its pages
 * and its text); a board member reads the fiche, read-only. 1280 and 375 px
 * screenshots (evaluation-*.png), axe on each screen.
 */
describe('the dialogue de gestion: a fiche with automatic evidence, and the year’s file', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let coordinator: string;
  let board: string;
  let fichePath: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS Dialogue Test', departement: '87', communes: 2 });
    coordinator = (await data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }], 'coordination.dialogue@e2e.cpts.fr')).email;
    board = (await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], 'bureau.dialogue@e2e.cpts.fr')).email;
    const pros = [];
    for (const n of [0, 1, 2])
      pros.push(await data.professional(cpts.id, cpts.communes[0], { lastName: `Dialogue${n}`, professionCode: '60' }));
    const q = (sql: string, params: unknown[]) => data.inTenant(cpts.id, (db) => db.query(sql, [cpts.id, ...params]));
    await q(
      `INSERT INTO working_groups (tenant_id, id, name, missions) VALUES ($1, '00000000-0000-4000-8000-0000000000e1', 'Santé mentale des jeunes', '{prevention}')`,
      [],
    );
    for (const [n, hoursAgo] of [4, 3].entries()) {
      const id = `00000000-0000-4000-8000-00000000010${n}`;
      await q(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place) VALUES ($1, $2, 'working_group', '00000000-0000-4000-8000-0000000000e1', 'Santé mentale des jeunes', $3, $4, $5, 'Mairie')`,
        [id, `Réunion ${n + 1}`, new Date(Date.now() - hoursAgo * HOUR), new Date(Date.now() - (hoursAgo - 1) * HOUR)],
      );
      for (const pro of pros)
        await q(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, attendance) VALUES ($1, gen_random_uuid(), $2, $3, 'X', 'present')`,
          [id, pro],
        );
    }
    await data.campaign(cpts.id, {
      subject: 'Lettre santé mentale',
      bodyHtml: '<p><a href="https://exemple.fr">Programme</a></p>',
      recipients: [0, 1, 2, 3].map((n) => ({ email: `dialogue-${n}@exemple.fr` })),
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** A text field by its label (a required one's label ends with an asterisk). */
  const field = (page: Page, label: string) => page.getByRole('textbox', { name: new RegExp(`^${label}( \\*)?$`) });

  it('the coordinator builds a fiche whose evidence comes from the recorded work, and downloads the year’s file', async () => {
    await scenario(stack, 'evaluation fiche', async (page) => {
      await signIn(page, coordinator);
      await page.getByRole('link', { name: 'Dialogue de gestion' }).first().click();
      await page.getByRole('heading', { name: 'Dialogue de gestion' }).waitFor();
      await page.getByText('Aucune fiche action pour cette année').waitFor();
      await checkScreen(page, 'evaluation liste vide');
      await field(page, 'Titre de la fiche').fill('Santé mentale des jeunes');
      await page.getByRole('button', { name: 'Créer la fiche' }).click();
      await page.getByRole('heading', { name: 'Santé mentale des jeunes', level: 1 }).waitFor();
      fichePath = new URL(page.url()).pathname;

      await field(page, 'Objectif').fill('Repérer tôt la souffrance psychique des 12-25 ans.');
      await page.getByLabel('Mission ACI').selectOption('PREVENTION');
      await page.getByLabel('Statut').selectOption('IN_PROGRESS');
      await page.getByLabel('Actions').fill('Former les professionnels\nInformer les familles');
      await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
      await field(page, 'Indicateur').fill('Réunions du groupe');
      await field(page, 'Cible').fill('2');
      await page.getByLabel('Calculé à partir de').selectOption('meetings');
      await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
      await page.getByText('Fiche enregistrée.').waitFor();

      // Link the group and the mailing: their figures show as evidence, the indicator computes from them.
      await page.getByLabel('Lier une source').selectOption({ label: 'Groupe de travail — Santé mentale des jeunes' });
      await page.getByRole('button', { name: 'Lier', exact: true }).click();
      const group = page.getByRole('listitem', { name: 'Groupe de travail « Santé mentale des jeunes »' });
      await group.getByText('Réunions tenues : 2 · Participations : 6 · Personnes distinctes : 3').waitFor();
      const campaign = await page.locator('option', { hasText: 'Campagne — Lettre santé mentale' }).getAttribute('value');
      await page.getByLabel('Lier une source').selectOption(campaign!);
      await page.getByRole('button', { name: 'Lier', exact: true }).click();
      await page.getByRole('listitem', { name: 'Campagne « Lettre santé mentale »' }).getByText('Destinataires : 4').waitFor();
      await page.getByText('Réalisé : 2 (calculé des preuves)').waitFor();
      await page.getByText('Atteint', { exact: true }).first().waitFor();

      // A text as evidence.
      const addText = page.getByRole('form', { name: 'Ajouter une preuve (texte)' });
      await addText.getByRole('textbox', { name: /^Titre/ }).fill('Retour des familles');
      await addText.getByRole('textbox', { name: 'Texte' }).fill('Les familles demandent une deuxième soirée.');
      await addText.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await page.getByRole('listitem', { name: 'Retour des familles' }).waitFor();
      await checkScreen(page, 'evaluation fiche');

      // The source is one click away.
      await group.getByRole('link', { name: 'Voir la source' }).click();
      await page.waitForURL(/\/groupes-de-travail\//);
      await page.goBack();
      await page.getByRole('heading', { name: 'Santé mentale des jeunes', level: 1 }).waitFor();

      // The year's file.
      await page.getByRole('link', { name: 'Dialogue de gestion' }).first().click();
      await page.getByRole('link', { name: 'Santé mentale des jeunes' }).waitFor();
      await checkScreen(page, 'evaluation liste');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger le dossier (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`dialogue-de-gestion-${year}.pdf`);
      const parsed = await new PDFParse({ data: new Uint8Array(await readFile(await download.path())) }).getText();
      // Cover, summary, one section for the fiche.
      expect(parsed.total).toBe(3);
      const text = parsed.text.replace(/\s+/g, ' ');
      for (const expected of [
        'Dossier du dialogue de gestion',
        'CPTS Dialogue Test',
        `Année ${year}`,
        'Santé mentale des jeunes',
        'Réunions tenues : 2',
        'Retour des familles',
        'Atteint',
      ])
        expect(text).toContain(expected);
    });
  });

  it('a board member reads the fiche and its evidence, without the team’s forms', async () => {
    await scenario(stack, 'evaluation bureau', async (page) => {
      await signIn(page, board);
      await page.goto(fichePath);
      await page.getByRole('heading', { name: 'Santé mentale des jeunes', level: 1 }).waitFor();
      await page.getByText('Vous consultez cette fiche en lecture seule.').waitFor();
      await page.getByRole('listitem', { name: 'Groupe de travail « Santé mentale des jeunes »' }).waitFor();
      expect(await page.getByRole('button', { name: 'Enregistrer la fiche' }).count()).toBe(0);
      expect(await page.getByLabel('Lier une source').count()).toBe(0);
      await checkScreen(page, 'evaluation fiche bureau');
      // On a phone the indicators are cards, not a table to scroll sideways.
      await page.setViewportSize({ width: 375, height: 812 });
      const cards = page.getByRole('list', { name: 'Indicateurs' });
      await cards.getByRole('listitem').filter({ hasText: 'Réunions du groupe' }).waitFor();
      expect(await page.locator('table').filter({ hasText: 'Réunions du groupe' }).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    });
  });
});
