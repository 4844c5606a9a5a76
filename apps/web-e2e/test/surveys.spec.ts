import type { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, linkFromMail, scenario, signIn, Stack, startStack } from './harness';

const DAY = 86_400_000;
/** A Paris calendar day, `days` from now, as a date input takes it ("2026-12-13"). */
const parisDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * DAY));
const onPhone = (page: Page) => page.setViewportSize({ width: 375, height: 812 });

/**
 * A survey end to end, in a real browser with the real gateway, worker and
 * SMTP sink: the team builds it (settings, a rating and a choice), sends it
 * to the directory; two professionals answer from the links of their emails
 * on their phones, without an account (the page says the answers are
 * anonymous), and a second answer from the same link is refused; the team
 * sees the results (rate, bars, mean).
 */
describe('a survey, built, sent, answered from two email links, and its results, in the web app', () => {
  let stack: Stack;
  let staff: string;
  let surveyPath: string;
  const title = 'Satisfaction des soirées thématiques';
  const people = [
    { firstName: 'Inès', lastName: 'Roux', email: 'ines.roux@sondage-e2e.test' },
    { firstName: 'Paul', lastName: 'Girard', email: 'paul.girard@sondage-e2e.test' },
  ];

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const cpts = await data.cpts(await data.region('75'), { name: 'CPTS Sud Gironde', departement: '33', communes: 1 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'equipe.enquetes@e2e.cpts.fr')).email;
    for (const p of people) await data.professional(cpts.id, cpts.communes[0], { ...p, professionCode: '60' });
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('the team builds the survey and sends it to the directory', async () => {
    await scenario(stack, 'survey built and sent', async (page) => {
      await signIn(page, staff);
      await page.getByRole('link', { name: 'Enquêtes' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Enquêtes' }).waitFor();
      await page.getByRole('heading', { name: "Aucune enquête pour l'instant" }).waitFor();
      await page.getByRole('button', { name: 'Nouvelle enquête' }).first().click();
      const create = page.getByRole('dialog', { name: 'Nouvelle enquête' });
      await create.getByLabel('Titre').fill(title);
      await create.getByRole('button', { name: "Créer l'enquête" }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      surveyPath = new URL(page.url()).pathname;

      await page.getByLabel('Introduction').fill('Trois questions sur nos soirées de l’automne.');
      await page.getByLabel('Date de clôture').fill(parisDay(14));
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByText('Enquête enregistrée.').waitFor();

      await page.getByRole('button', { name: 'Ajouter une question' }).click();
      await page.getByRole('textbox', { name: 'Question 1', exact: true }).fill('Votre satisfaction globale');
      await page.getByLabel('Réponse obligatoire').first().check();
      await page.getByRole('button', { name: 'Ajouter une question' }).click();
      await page.getByRole('textbox', { name: 'Question 2', exact: true }).fill('Reviendrez-vous ?');
      await page.getByRole('combobox', { name: 'Type de question' }).nth(1).click();
      await page.getByRole('option', { name: 'Choix unique' }).click();
      await page.getByLabel('Choix proposés (un par ligne)').fill('Oui\nNon\nPeut-être');
      await page.getByRole('button', { name: 'Enregistrer les questions' }).click();
      await page.getByText('Questions enregistrées.').waitFor();
      await checkScreen(page, 'surveys builder');

      await page.getByRole('button', { name: 'Envoyer…' }).click();
      const send = page.getByRole('dialog', { name: "Envoyer l'enquête" });
      await send.getByText("Un segment de l'annuaire").waitFor();
      await checkScreen(page, 'surveys send dialog');
      await send.getByRole('button', { name: 'Envoyer maintenant' }).click();
      await page.getByText('Enquête envoyée à 2 personne(s).').waitFor();
      await page.getByText('En cours').first().waitFor();
    });
  });

  it('two professionals answer from their email links on their phones; a second answer is refused', async () => {
    for (const [i, p] of people.entries()) {
      const link = await linkFromMail(stack.sink, p.email, /http\S+\/enquetes\/[A-Za-z0-9_-]+/);
      await scenario(stack, `survey answered ${i + 1}`, async (page) => {
        await onPhone(page);
        await page.goto(new URL(link).pathname);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByTestId('survey-anonymity').getByText('Vos réponses sont anonymes.').waitFor();
        await page.getByText(i === 0 ? '5' : '3', { exact: true }).click();
        await page.getByRole('radio', { name: i === 0 ? 'Oui' : 'Peut-être' }).check();
        if (i === 0) await checkScreen(page, 'surveys answer page');
        await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
        await page.getByText('Merci !').waitFor();
        if (i === 0) await checkScreen(page, 'surveys answered');
        // The same link again: it says thanks, and the form is gone.
        await page.reload();
        await page.getByText('Merci !').waitFor();
        expect(await page.getByRole('button', { name: 'Envoyer mes réponses' }).count()).toBe(0);
      });
    }
  });

  it('the team sees the results: rate, bars and mean', async () => {
    await scenario(stack, 'survey results', async (page) => {
      await signIn(page, staff);
      await page.goto(surveyPath);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Moyenne : 4 / 5').waitFor();
      await page
        .getByText(/^100\s%$/)
        .first()
        .waitFor();
      await page.getByRole('progressbar', { name: /^Oui : 1 \(50\s%\)$/ }).waitFor();
      await checkScreen(page, 'surveys results');
    });
  });
});
