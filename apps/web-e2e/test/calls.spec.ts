import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { GraphQLClient } from '@cpts/testing';
import { checkScreen, linkFromMail, PASSWORD, scenario, signIn, Stack, startStack } from './harness';

const CREATE_INSTANCE = `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id } }`;
const ADD_MANDATE = `mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id } }`;

const DAY = 86_400_000;
/** A Paris calendar day, `days` from now, as a date input takes it ("2026-12-13"). */
const parisDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * DAY));
const year = Number(parisDay(0).slice(0, 4));
/** Days back from today that stay in this Paris year (the payments' year, and the members' year): at most `days`. */
const backInYear = (days: number) => {
  const dayOfYear = Math.round((Date.parse(`${parisDay(0)}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY);
  return -Math.min(days, dayOfYear);
};
/** "12/03/2026" from "2026-03-12", as the payment lines' labels say it. */
const frenchDay = (isoDay: string) => isoDay.split('-').reverse().join('/');

/** An element's text as read, its white space (the amounts' narrow spaces too) as single spaces. */
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** A phone: 375 px wide. */
const onPhone = (page: Page) => page.setViewportSize({ width: 375, height: 812 });

/** The rows of a downloaded workbook's sheet, as arrays of cell values (ExcelJS's rows start at column 1). */
async function sheetRows(download: Download, sheet: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet)
    throw new Error(`no sheet "${sheet}" in ${download.suggestedFilename()}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/**
 * A call for projects (Pro Actif) end to end, in a real browser with the
 * real gateway, worker and SMTP sink: the coordinator writes the call and
 * publishes it (1280 px); a physiotherapist of the territory proposes a
 * project from its public page on her phone, receives her link by email,
 * fills the form (autosaved) and submits it; the coordinator scores it and
 * asks for a change, which she makes from the emailed link, answering in
 * the thread, and resubmits; the coordinator puts it to the bureau, whose
 * three members vote Pour from their emailed links on phones: the vote
 * closes, the project is approved and she hears of it; the workshops are
 * recorded (one with guests), the debrief and the evaluation filed; the
 * speaker's payment lines appear on the project and on the treasurer's
 * page, who marks them paid and exports them; the call's summary shows it
 * all, and its workbook too.
 */
describe('a call for projects, from its writing to the paid workshops, in the web app', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let communeName: string;
  let coordinator: string;
  let callPath: string;
  let publicCallUrl: string;
  let projectPath: string;

  const callTitle = `Pro Actif ${year}`;
  const callSlug = `pro-actif-${year}`;
  const title = 'Dos en forme au travail';
  const proposer = { firstName: 'Léa', lastName: 'Fontaine', email: 'lea.fontaine@kine-clain.test' };
  const bureau = {
    alice: { firstName: 'Alice', lastName: 'Moreau', email: 'alice.moreau@bureau-clain.test', office: 'PRESIDENT' },
    bruno: { firstName: 'Bruno', lastName: 'Lefèvre', email: 'bruno.lefevre@bureau-clain.test', office: 'TREASURER' },
    chloe: { firstName: 'Chloé', lastName: 'Garcia', email: 'chloe.garcia@bureau-clain.test', office: 'SECRETARY' },
  };
  const firstWorkshop = parisDay(backInYear(9));
  const secondWorkshop = parisDay(backInYear(2));
  let registerNumber: string;

  /** The email to `to` with this subject, once the worker sent it. */
  const mailTo = async (to: string, subject: string) => {
    await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(to) && m.subject === subject), 30_000);
    return stack.sink.to(to).find((m) => m.subject === subject)!;
  };
  /** The proposer's magic link in an email's text. */
  const projectLink = (text: string) => text.match(new RegExp(`${stack.url}/cpts/${cpts.slug}/projets/[A-Za-z0-9_-]+`))![0];

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS Vienne et Clain', departement: '86', communes: 2 });
    communeName = (await data.pool.query(`SELECT name FROM communes WHERE insee_code = $1`, [cpts.communes[0]])).rows[0].name;
    coordinator = (await data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }], 'coordination.appels@e2e.cpts.fr')).email;
    // The bureau's treasurer has an account: the payments page is his to read.
    await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], bureau.bruno.email);

    // The proposer is in the directory, a member this year (a speaker is paid only as a member); a colleague takes part in a workshop.
    const lea = await data.professional(cpts.id, cpts.communes[0], { ...proposer, professionCode: '70' });
    await data.professional(cpts.id, cpts.communes[1], { firstName: 'Marc', lastName: 'Durand', professionCode: '10' });
    await data.inTenant(cpts.id, (db) =>
      db.query(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 2000, 'liberal')`,
        [cpts.id, lea, year],
      ),
    );
    // The PASS of the year (seeded for 2025 and 2026; entered here for a later run).
    await data.pool.query(`INSERT INTO pass_ceilings (year, amount_cents) VALUES ($1, 4806000) ON CONFLICT (year) DO NOTHING`, [year]);

    // The bureau: three members with their addresses, who vote by email.
    const api = new GraphQLClient(stack.url, { 'x-forwarded-for': '203.0.113.81' });
    const login = await api.login(coordinator, PASSWORD);
    if (login.errors) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    const instance = (await api.ok<{ createGovernanceInstance: { id: string } }>(CREATE_INSTANCE, { i: { kind: 'BUREAU' } }))
      .createGovernanceInstance.id;
    for (const p of Object.values(bureau)) {
      const id = await data.professional(cpts.id, cpts.communes[0], {
        firstName: p.firstName,
        lastName: p.lastName,
        professionCode: '10',
        email: p.email,
      });
      await api.ok(ADD_MANDATE, {
        inst: instance,
        i: { professionalId: id, office: p.office, startsOn: `${year - 1}-06-12`, obtained: 'ELECTED' },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('the coordinator writes the call, its money, its criteria and its grid, then publishes it', async () => {
    await scenario(stack, 'call written and published', async (page) => {
      await signIn(page, coordinator);
      await page.getByRole('link', { name: 'Appels à projets' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Appels à projets' }).waitFor();
      await page.getByRole('heading', { name: "Aucun appel à projets pour l'instant" }).waitFor();
      await page.getByRole('link', { name: 'Nouvel appel' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nouvel appel à projets' }).waitFor();

      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(callTitle);
      // The address follows the title until typed by hand.
      expect(await page.getByRole('textbox', { name: 'Adresse de la page publique' }).inputValue()).toBe(callSlug);
      await page.getByTestId('call-url-preview').getByText(`${stack.url}/cpts/${cpts.slug}/appels/${callSlug}`).waitFor();
      await page
        .getByRole('textbox', { name: 'Règlement' })
        .fill("Un projet par porteur, mené sur le territoire de la CPTS.\nLes ateliers ont lieu avant la fin de l'année.");
      await page.getByLabel('Ouverture des dépôts').fill(parisDay(-2));
      await page.getByLabel('Clôture des dépôts').fill(parisDay(30));
      await page.getByRole('textbox', { name: 'Enveloppe', exact: true }).fill('5 000');
      expect(await page.getByRole('textbox', { name: 'Forfait par intervenant·e' }).inputValue()).toBe('100');
      await page.getByRole('textbox', { name: 'Taux horaire des ateliers' }).fill('33,33');
      await page.getByRole('checkbox', { name: 'Prévention' }).check();
      await page.getByRole('checkbox', { name: 'Accès aux soins' }).check();
      await page.getByRole('button', { name: 'Ajouter un critère' }).click();
      await page.getByRole('textbox', { name: 'Critère 1' }).fill('Participation');
      await page.getByRole('button', { name: 'Ajouter une ligne à la grille' }).click();
      await page.getByRole('button', { name: 'Ajouter une ligne à la grille' }).click();
      await page.getByRole('textbox', { name: 'Critère de la grille 1' }).fill('Cohérence avec le projet de santé');
      await page.getByRole('textbox', { name: 'Poids' }).nth(0).fill('2');
      await page.getByRole('textbox', { name: 'Critère de la grille 2' }).fill('Faisabilité');
      await checkScreen(page, 'appel formulaire');
      await page.getByRole('button', { name: "Créer l'appel" }).click();

      // The call's page: a draft, its figures, its public address not live yet.
      await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
      callPath = new URL(page.url()).pathname;
      expect(callPath).toMatch(/^\/appels\/[0-9a-f-]{36}$/);
      await page.getByText('Appel non publié', { exact: true }).waitFor();
      const envelope = page.getByRole('region', { name: 'Enveloppe' });
      await envelope.getByText('5 000,00 €').first().waitFor();
      const facts = page.getByRole('region', { name: "L'appel" });
      await facts
        .getByText("Rémunération des intervenant·es : forfait de 100,00 € (préparation et bilan) et 33,33 € de l'heure d'atelier.")
        .waitFor();
      await facts.getByRole('listitem').filter({ hasText: 'Cohérence avec le projet de santé (poids 2)' }).waitFor();
      await facts.getByRole('listitem').filter({ hasText: 'Faisabilité (poids 1)' }).waitFor();
      await facts.getByRole('listitem').filter({ hasText: 'Participation' }).waitFor();
      await checkScreen(page, 'appel brouillon');

      await page.getByRole('button', { name: 'Publier', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: "Publier l'appel ?" });
      await confirm.getByText(`${stack.url}/cpts/${cpts.slug}/appels/${callSlug}`).waitFor();
      await checkScreen(page, 'appel publier');
      await confirm.getByRole('button', { name: "Publier l'appel" }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByText('Ouvert', { exact: true }).first().waitFor();
      expect(await page.getByText('Appel non publié', { exact: true }).count()).toBe(0);
      publicCallUrl = (await page.getByTestId('call-public-link').getAttribute('href'))!;
      expect(publicCallUrl).toBe(`${stack.url}/cpts/${cpts.slug}/appels/${callSlug}`);
      await page.getByRole('region', { name: 'Projets' }).getByText("Aucun projet proposé pour l'instant.").waitFor();
      await checkScreen(page, 'appel publie');
    });
  });

  it('a professional proposes a project from the public page on her phone, fills it from the emailed link (autosaved) and submits it', async () => {
    await scenario(stack, 'project proposed', async (page) => {
      await onPhone(page);
      await page.goto(publicCallUrl);
      await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
      await page.getByRole('heading', { name: 'Missions éligibles' }).waitFor();
      await page.getByText('Forfait de mise en place et de bilan : 100,00 € par intervenant·e').waitFor();
      await page.getByText("Animation des ateliers : 33,33 € de l'heure par intervenant·e").waitFor();
      await checkScreen(page, 'appel page publique');

      await page.getByRole('textbox', { name: 'Prénom' }).fill(proposer.firstName);
      await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(proposer.lastName);
      await page.getByRole('combobox', { name: 'Profession', exact: true }).click();
      await page.getByRole('option', { name: 'Masseur-kinésithérapeute' }).click();
      await page.getByRole('combobox', { name: "Commune d'exercice" }).click();
      await page.getByRole('option', { name: communeName, exact: true }).click();
      await page.getByRole('textbox', { name: 'Votre adresse e-mail' }).fill(proposer.email);
      await page.getByRole('textbox', { name: 'Titre du projet' }).fill(title);
      await checkScreen(page, 'appel proposer un projet');
      await page.getByRole('button', { name: 'Recevoir le lien de mon projet' }).click();
      await page
        .getByRole('status')
        .getByText(`Vérifiez votre messagerie : le lien de votre projet vous a été envoyé à ${proposer.email}.`)
        .waitFor();
      await checkScreen(page, 'appel lien envoye');
    });

    const link = projectLink((await mailTo(proposer.email, `Votre projet : ${title}`)).text);
    expect(stack.sink.to(proposer.email)).toHaveLength(1);

    await scenario(stack, 'project filled and submitted', async (page) => {
      await onPhone(page);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Projet P01 · appel « ${callTitle} »`).waitFor();
      await page.getByText(`Porté par Léa Fontaine (${proposer.email})`).waitFor();
      await page.getByTestId('save-state').getByText('Enregistrement automatique').waitFor();
      await checkScreen(page, 'projet porteur brouillon vide');

      await page
        .getByRole('textbox', { name: 'Résumé' })
        .fill(
          'Deux ateliers pour les salariés des entreprises du territoire : exercices, postures et conseils pour prévenir les lombalgies.',
        );
      await page.getByRole('checkbox', { name: 'Prévention' }).check();
      await page.getByRole('textbox', { name: 'Public visé' }).fill('Salariés des entreprises du territoire');
      await page.getByRole('textbox', { name: "Nombre d'ateliers" }).fill('2');
      await page.getByRole('textbox', { name: 'Durée : heures' }).fill('1');
      await page.getByRole('textbox', { name: 'et minutes' }).fill('30');
      await page.getByRole('button', { name: 'Ajouter une dépense' }).click();
      await page.getByRole('textbox', { name: 'Description' }).fill('Tapis et bandes élastiques');
      await page.getByRole('textbox', { name: 'Montant (€)' }).fill('120,50');
      // The call's required criterion is there already, its indicator and target to set.
      expect(await page.getByRole('textbox', { name: 'Critère' }).inputValue()).toBe('Participation');
      await page.getByRole('textbox', { name: 'Indicateur' }).fill('Nombre de participants par atelier');
      const saved = page.waitForResponse(
        (r) =>
          r.request().method() === 'PUT' &&
          r.url().includes('/api/public/projects/') &&
          (r.request().postData() ?? '').includes('"target":"12"'),
      );
      await page.getByRole('textbox', { name: 'Cible' }).fill('12');
      expect((await saved).status()).toBe(200);
      await page
        .getByTestId('save-state')
        .getByText(/^Enregistré à \d\d:\d\d$/)
        .waitFor();
      // 90 minutes at 33,33 € an hour: 49,995 €, paid 50,00 € (half-up to the cent); 1 × (100 € + 2 × 50 €) + 120,50 €.
      await page.getByText('1 × (100,00 € de forfait + 2 × 50,00 € par atelier)').waitFor();
      await page.getByTestId('project-total').getByText('Budget demandé : 320,50 €').waitFor();
      await checkScreen(page, 'projet porteur formulaire rempli');

      // Autosaved: the page opened again shows what was typed.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Public visé' }).inputValue()).toBe('Salariés des entreprises du territoire');
      expect(await page.getByRole('textbox', { name: 'Cible' }).inputValue()).toBe('12');
      expect(await page.getByRole('textbox', { name: 'Montant (€)' }).inputValue()).toBe('120,50');

      await page.getByRole('button', { name: 'Déposer mon projet' }).click();
      await page
        .getByRole('status')
        .getByText(/^Projet déposé : l'équipe de la CPTS en est informée\./)
        .waitFor();
      await page.getByText('Déposé', { exact: true }).first().waitFor();
      // Read-only once submitted.
      expect(await page.getByRole('textbox', { name: 'Public visé' }).getAttribute('readonly')).not.toBeNull();
      await checkScreen(page, 'projet porteur depose');
    });
  });

  it('the coordinator scores it and asks for a change; the proposer makes it from the email, answers in the thread and resubmits', async () => {
    await scenario(stack, 'project changes requested', async (page) => {
      await signIn(page, coordinator);
      await page.goto(callPath);
      const projects = page.getByRole('region', { name: 'Projets' });
      const row = projects.getByRole('row', { name: new RegExp(title) });
      await row.getByText('Léa Fontaine').waitFor();
      await row.getByText('Déposé', { exact: true }).waitFor();
      await row.getByText('320,50 €').waitFor();
      await row.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: `P01 ${title}` }).waitFor();
      projectPath = new URL(page.url()).pathname;
      expect(projectPath).toMatch(/^\/appels\/projets\/[0-9a-f-]{36}$/);
      await page.getByTestId('project-budget-total').getByText('320,50 €').waitFor();
      expect(await page.getByTestId('proposer-created').count()).toBe(0);

      await page.getByRole('button', { name: "Commencer l'étude" }).click();
      await page.getByText("En cours d'étude", { exact: true }).first().waitFor();
      const grid = page.getByRole('region', { name: "Grille d'étude" });
      await grid.getByRole('combobox', { name: 'Ma note : Cohérence avec le projet de santé' }).selectOption('4');
      await grid.getByRole('combobox', { name: 'Ma note : Faisabilité' }).selectOption('5');
      await grid.getByRole('button', { name: 'Enregistrer mes notes' }).click();
      // (4 × 2 + 5 × 1) / 3 = 4,33: one decimal.
      await grid.getByText('Note pondérée : 4,3 / 5').waitFor();
      await checkScreen(page, 'projet equipe etude');

      await page.getByRole('button', { name: 'Demander des modifications' }).click();
      const dialog = page.getByRole('dialog', { name: 'Demander des modifications au porteur' });
      await dialog
        .getByRole('textbox', { name: 'Ce qui est à compléter ou à changer' })
        .fill('Précisez le public visé : les employeurs sont-ils invités ?');
      await checkScreen(page, 'projet equipe demande de modifications');
      await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Modifications demandées', { exact: true }).first().waitFor();
      await page
        .getByRole('region', { name: /^Échanges avec le porteur/ })
        .getByText('Précisez le public visé : les employeurs sont-ils invités ?')
        .waitFor();
    });

    // The email carries the note and a fresh link.
    const mail = await mailTo(proposer.email, `Modifications demandées : ${title}`);
    expect(mail.text).toContain('Précisez le public visé : les employeurs sont-ils invités ?');
    const link = projectLink(mail.text);

    await scenario(stack, 'project changed and resubmitted', async (page) => {
      await onPhone(page);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Modifications demandées', { exact: true }).first().waitFor();
      const thread = page.getByRole('region', { name: "Échanges avec l'équipe" });
      await thread.getByText('Précisez le public visé : les employeurs sont-ils invités ?').waitFor();
      const saved = page.waitForResponse(
        (r) =>
          r.request().method() === 'PUT' && (r.request().postData() ?? '').includes('Salariés et employeurs des entreprises du territoire'),
      );
      await page.getByRole('textbox', { name: 'Public visé' }).fill('Salariés et employeurs des entreprises du territoire');
      expect((await saved).status()).toBe(200);
      await page
        .getByTestId('save-state')
        .getByText(/^Enregistré à/)
        .waitFor();

      await thread
        .getByRole('textbox', { name: "Votre message à l'équipe" })
        .fill("Oui : les employeurs sont invités au premier atelier, je l'ai ajouté au public visé.");
      await thread.getByRole('button', { name: 'Envoyer' }).click();
      await thread.getByRole('listitem').filter({ hasText: "je l'ai ajouté au public visé" }).waitFor();
      expect(await thread.getByRole('textbox', { name: "Votre message à l'équipe" }).inputValue()).toBe('');
      await checkScreen(page, 'projet porteur modifications demandees');

      await page.getByRole('button', { name: 'Déposer mon projet' }).click();
      await page
        .getByRole('status')
        .getByText(/^Projet déposé/)
        .waitFor();
      await page.getByText('Déposé', { exact: true }).first().waitFor();
    });
  });

  it('the coordinator puts it to the bureau; its members vote Pour from their emailed links on phones; approved, the proposer is told', async () => {
    await scenario(stack, 'project put to the bureau', async (page) => {
      await signIn(page, coordinator);
      await page.goto(projectPath);
      await page.getByRole('heading', { level: 1, name: `P01 ${title}` }).waitFor();
      await page.getByText('Déposé', { exact: true }).first().waitFor();
      await page.getByRole('region', { name: 'Le projet' }).getByText('Salariés et employeurs des entreprises du territoire').waitFor();
      await page
        .getByRole('region', { name: 'Échanges avec le porteur (2 messages)' })
        .getByText("je l'ai ajouté au public visé", { exact: false })
        .waitFor();

      await page.getByRole('button', { name: 'Prêt pour le bureau' }).click();
      const ready = page.getByRole('dialog', { name: 'Prêt pour le bureau' });
      await ready.getByRole('textbox', { name: "Note pour l'historique" }).fill('Public précisé ; budget conforme au règlement.');
      await ready.getByRole('button', { name: 'Marquer prêt' }).click();
      await ready.waitFor({ state: 'detached' });
      await page.getByText('Prêt pour le bureau', { exact: true }).first().waitFor();
      // The envelope shows where the decision is made.
      await page.getByRole('region', { name: 'Enveloppe' }).getByText('5 000,00 €').first().waitFor();

      await page.getByRole('button', { name: 'Soumettre au bureau' }).click();
      const put = page.getByRole('dialog', { name: 'Soumettre le projet au bureau' });
      await put.getByText(`P01 ${title} — 320,50 €`).waitFor();
      await put.getByTestId('batch-total').getByText("Total demandé : 320,50 € · l'enveloppe peut encore couvrir 5 000,00 €.").waitFor();
      await checkScreen(page, 'projet soumettre au bureau');
      await put.getByRole('button', { name: 'Soumettre au bureau' }).click();
      await put.waitFor({ state: 'detached' });
      const decision = page.getByRole('region', { name: 'Décision du bureau' });
      await decision.getByRole('link', { name: 'Voir la décision' }).waitFor();
      await decision.getByText(/^Vote jusqu'au /).waitFor();
      await page.getByRole('region', { name: 'Enveloppe' }).getByText('320,50 €').first().waitFor();
      await checkScreen(page, 'projet vote du bureau en cours');
    });

    const subject = `Vote : ${callTitle} — P01 ${title}`;
    for (const p of Object.values(bureau)) await mailTo(p.email, subject);
    const voteLink = (email: string) =>
      linkFromMail(stack.sink, email, new RegExp(`${stack.url}/cpts/${cpts.slug}/decisions/[A-Za-z0-9_-]+\\?choix=pour`));
    const members = Object.values(bureau);
    for (const [i, p] of members.entries()) {
      const link = await voteLink(p.email);
      await scenario(stack, `bureau vote ${p.firstName}`, async (page) => {
        await onPhone(page);
        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: `${callTitle} — P01 ${title}` }).waitFor();
        await page.getByText(`Approuvez-vous le projet « ${title} » pour un budget de 320,50 € ?`).waitFor();
        expect(await page.getByRole('radio', { name: 'Pour' }).getAttribute('aria-checked')).toBe('true');
        if (i === 0) await checkScreen(page, 'projet vote du bureau lien');
        await page.getByRole('button', { name: 'Confirmer mon vote : Pour' }).click();
        await page.getByRole('status').getByText('Votre vote : Pour — enregistré').waitFor();
        if (i === members.length - 1) {
          // Everyone voted: the vote closes at once.
          await page.getByText('Ce vote est clos : la décision a été comptée.').waitFor();
          const outcome = page.getByTestId('decision-outcome');
          await outcome.getByText('Adoptée', { exact: true }).waitFor();
          registerNumber = (await outcome.getByText(/^Décision n° \d{4}-\d{3} :$/).textContent())!.match(/\d{4}-\d{3}/)![0];
          await checkScreen(page, 'projet vote du bureau clos');
        }
      });
    }

    const outcome = `Décision du bureau : ${title}`;
    const mail = await mailTo(proposer.email, outcome);
    expect(mail.text).toContain(`Bonne nouvelle : le bureau a approuvé votre projet « ${title} » pour un budget de 320,50`);
    expect(projectLink(mail.text)).toBeTruthy();

    await scenario(stack, 'project approved', async (page) => {
      await signIn(page, coordinator);
      await page.goto(projectPath);
      await page.getByRole('heading', { level: 1, name: `P01 ${title}` }).waitFor();
      await page.getByText('Approuvé', { exact: true }).first().waitFor();
      const decision = page.getByRole('region', { name: 'Décision du bureau' });
      await decision.getByText('Adoptée', { exact: true }).waitFor();
      await decision.getByText(`Décision n° ${registerNumber}`).waitFor();
      await page.getByText('Budget approuvé par le bureau : 320,50 €').waitFor();
      const history = page.getByRole('region', { name: 'Historique' });
      await history.getByText(`Bureau (décision ${registerNumber})`, { exact: false }).waitFor();
      await checkScreen(page, 'projet approuve');
    });
  });

  it('the coordinator records two workshops (one with guests) and files the debrief and the evaluation: the speaker’s payment lines appear', async () => {
    await scenario(stack, 'workshops and debrief', async (page) => {
      await signIn(page, coordinator);
      await page.goto(projectPath);
      await page.getByRole('heading', { level: 1, name: `P01 ${title}` }).waitFor();
      const workshops = page.getByRole('region', { name: /^Ateliers tenus/ });
      await workshops.getByText(/^Aucun atelier enregistré/).waitFor();

      const record = async (day: string, place: string, participants: string, known?: string) => {
        await workshops.getByRole('button', { name: 'Enregistrer un atelier' }).click();
        const dialog = page.getByRole('dialog', { name: 'Enregistrer un atelier tenu' });
        await dialog.getByLabel("Date de l'atelier").fill(day);
        // A workshop is recorded once started: one of today (the first days of January) at midnight.
        await dialog.getByLabel('Début').fill(day === parisDay(0) ? '00:00' : '14:00');
        // The planned length to begin with, and the proposer as the speaker, paid 50,00 € for 1 h 30.
        expect(await dialog.getByRole('textbox', { name: 'Durée : heures' }).inputValue()).toBe('1');
        expect(await dialog.getByRole('textbox', { name: 'et minutes' }).inputValue()).toBe('30');
        expect(await dialog.getByRole('checkbox', { name: 'Léa Fontaine' }).isChecked()).toBe(true);
        await dialog.getByText('Parmi les porteurs du projet ; chacun·e reçoit 50,00 € pour cet atelier.').waitFor();
        await dialog.getByRole('textbox', { name: 'Lieu' }).fill(place);
        await dialog.getByRole('textbox', { name: 'Nombre de participants' }).fill(participants);
        if (known) {
          await dialog.getByRole('textbox', { name: "Participants connus de l'annuaire" }).fill(known);
          await page.getByRole('option', { name: new RegExp(`^${known}`) }).click();
          await dialog.getByText(`${known} Marc`).waitFor();
          await checkScreen(page, 'projet enregistrer un atelier');
        }
        await dialog.getByRole('button', { name: "Enregistrer l'atelier" }).click();
        await dialog.waitFor({ state: 'detached' });
      };
      // The first: the speaker and a colleague of the directory. The second: fourteen people, the speaker alone known (thirteen guests).
      await record(firstWorkshop, 'Maison de santé pluriprofessionnelle', '2', 'Durand');
      await workshops.getByRole('heading', { name: 'Ateliers tenus (1)' }).waitFor();
      await page.getByText('En cours', { exact: true }).first().waitFor();
      await record(secondWorkshop, 'Salle municipale', '14');
      await workshops.getByRole('heading', { name: 'Ateliers tenus (2)' }).waitFor();
      await workshops
        .getByRole('listitem')
        .filter({ hasText: 'Salle municipale' })
        .getByText("14 participants, dont 1 dans l'annuaire")
        .waitFor();
      await workshops
        .getByRole('listitem')
        .filter({ hasText: 'Maison de santé pluriprofessionnelle' })
        .getByText("2 participants, dont 2 dans l'annuaire")
        .waitFor();

      const payments = page.getByRole('region', { name: 'Rémunérations des intervenant·es' });
      await payments.getByText('Total : 100,00 € · dont payé : 0,00 €').waitFor();
      await checkScreen(page, 'projet ateliers tenus');

      const debrief = page.getByRole('region', { name: 'Bilan et évaluation' });
      await debrief.getByRole('button', { name: 'Déposer le bilan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Déposer le bilan' });
      await dialog
        .getByRole('textbox', { name: 'Ce qui a fonctionné' })
        .fill('Les exercices au poste de travail ; la présence des employeurs au premier atelier.');
      await dialog
        .getByRole('textbox', { name: "Ce qui n'a pas fonctionné, ou serait à changer" })
        .fill('Un créneau en fin de journée conviendrait mieux.');
      await dialog.getByRole('button', { name: 'Déposer le bilan' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Terminé', { exact: true }).first().waitFor();
      // The flat fee for setting up and debriefing, once for the speaker: 100 € + 2 × 50 €.
      await payments.getByText('Total : 200,00 € · dont payé : 0,00 €').waitFor();
      const lines = payments.getByRole('listitem');
      expect(await lines.count()).toBe(3);
      await lines
        .filter({ hasText: `Forfait de mise en place et de bilan — P01 ${title}` })
        .getByText('100,00 €')
        .waitFor();
      for (const day of [firstWorkshop, secondWorkshop])
        await lines
          .filter({ hasText: `Atelier du ${frenchDay(day)} (1 h 30) — P01 ${title}` })
          .getByText('50,00 €')
          .waitFor();
      expect(await lines.getByText('À payer', { exact: true }).count()).toBe(3);

      await debrief.getByRole('button', { name: 'Évaluer le projet' }).click();
      const evaluation = page.getByRole('dialog', { name: 'Évaluer le projet' });
      await evaluation.getByText('Indicateur : Nombre de participants par atelier · cible : 12').waitFor();
      await evaluation.getByRole('textbox', { name: 'Participation' }).fill('8 en moyenne');
      await evaluation.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
      await evaluation.waitFor({ state: 'detached' });
      await page.getByText('Évalué', { exact: true }).first().waitFor();
      await page
        .getByRole('table', { name: "Critères d'évaluation" })
        .getByRole('row', { name: /Participation/ })
        .getByText('8 en moyenne')
        .waitFor();
      await checkScreen(page, 'projet bilan et paiements');
    });
  });

  it('the treasurer finds the lines on the payments page, marks them paid and exports the year', async () => {
    await scenario(stack, 'payments of the call', async (page) => {
      await signIn(page, bureau.bruno.email);
      await page.goto('/paiements');
      await page.getByRole('heading', { level: 1, name: 'Paiements aux professionnels' }).waitFor();
      const table = page.getByRole('table', { name: 'Lignes de paiement' });
      await page.getByRole('heading', { name: '3 lignes de paiement' }).waitFor();
      for (const label of [
        `Forfait de mise en place et de bilan — P01 ${title}`,
        ...[firstWorkshop, secondWorkshop].map((d) => `Atelier du ${frenchDay(d)} (1 h 30) — P01 ${title}`),
      ])
        await table
          .getByRole('row', { name: new RegExp(label.replace(/[()]/g, '\\$&')) })
          .getByText('Fontaine Léa')
          .waitFor();
      await page
        .getByRole('table', { name: `Par professionnel en ${year}` })
        .getByRole('row', { name: /Fontaine Léa/ })
        .getByText('200,00 €')
        .first()
        .waitFor();
      await checkScreen(page, 'paiements tresorier appel a projets');

      await page.getByRole('checkbox', { name: 'Cocher toutes les lignes à payer' }).check();
      await page.getByRole('button', { name: 'Marquer payées (3)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Marquer 3 lignes payées' });
      await dialog.getByText('3 lignes, 200,00 € au total.').waitFor();
      await dialog.getByRole('textbox', { name: 'Référence du virement' }).fill('VIR-CLAIN-0042');
      await dialog.getByRole('button', { name: 'Marquer payées' }).click();
      await page.getByText('3 lignes marquées payées.').waitFor();
      await table
        .getByText(/réf\. VIR-CLAIN-0042/)
        .nth(2)
        .waitFor();
      expect(await table.getByText('À payer', { exact: true }).count()).toBe(0);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Exporter ${year} (Excel)` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`paiements-${year}.xlsx`);
      const rows = await sheetRows(download, `Paiements ${year}`);
      expect(rows[0]).toEqual(expect.arrayContaining(['Professionnel', 'Nature', 'Libellé', 'Montant (EUR)', 'Statut', 'Référence']));
      const header = rows[0] as string[];
      const col = (name: string) => header.indexOf(name);
      const lines = rows
        .slice(1)
        .map((r) => [
          r[col('Professionnel')],
          r[col('Nature')],
          r[col('Libellé')],
          r[col('Montant (EUR)')],
          r[col('Statut')],
          r[col('Référence')],
        ]);
      expect(lines).toHaveLength(3);
      expect(lines).toEqual(
        expect.arrayContaining([
          ['Fontaine Léa', 'Rémunération', `Forfait de mise en place et de bilan — P01 ${title}`, 100, 'Payée', 'VIR-CLAIN-0042'],
          ['Fontaine Léa', 'Rémunération', `Atelier du ${frenchDay(firstWorkshop)} (1 h 30) — P01 ${title}`, 50, 'Payée', 'VIR-CLAIN-0042'],
          [
            'Fontaine Léa',
            'Rémunération',
            `Atelier du ${frenchDay(secondWorkshop)} (1 h 30) — P01 ${title}`,
            50,
            'Payée',
            'VIR-CLAIN-0042',
          ],
        ]),
      );
    });
  });

  it("the call's summary shows the project, the workshops and their participants, the money; its workbook too", async () => {
    await scenario(stack, 'call summary', async (page) => {
      await signIn(page, coordinator);
      await page.goto(callPath);
      await page.getByRole('link', { name: 'Synthèse' }).click();
      await page.getByRole('heading', { level: 1, name: `Synthèse : ${callTitle}` }).waitFor();
      // The figures, then the envelope: each label followed by its amount.
      expect(await textOf(page.locator('body'))).toContain(
        "Projets 1 Professionnels impliqués 1 Porteurs et co-porteurs des projets approuvés Ateliers tenus 2 Participants 16 dont 3 dans l'annuaire",
      );
      const envelope = await textOf(page.getByRole('region', { name: 'Enveloppe' }));
      for (const figure of ['Enveloppe 5 000,00 €', 'Engagé 320,50 €', 'Payé 200,00 €', 'Reste 4 679,50 €'])
        expect(envelope).toContain(figure);

      const project = page.getByRole('table', { name: 'Les projets' }).getByRole('row', { name: new RegExp(title) });
      expect((await project.getByRole('cell').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
        'P01',
        expect.stringContaining(title),
        // Listed by last name, as the payments and the directory list people.
        'Fontaine Léa',
        'Évalué',
        '320,50 €',
        '320,50 €',
        '200,00 €',
        '2',
        '16',
      ]);
      const workshops = page.getByRole('table', { name: 'Les ateliers (2)' });
      await workshops
        .getByRole('row', { name: /Salle municipale/ })
        .getByText("1 dans l'annuaire")
        .waitFor();
      await workshops
        .getByRole('row', { name: /Maison de santé pluriprofessionnelle/ })
        .getByText("2 dans l'annuaire")
        .waitFor();
      await page.getByRole('region', { name: 'Professionnels impliqués (1)' }).getByRole('link', { name: 'Fontaine Léa' }).waitFor();
      await checkScreen(page, 'appel synthese');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger (Excel)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`synthese-appel-a-projets-${year}.xlsx`);
      const projects = await sheetRows(download, 'Projets');
      expect(projects.slice(1)).toEqual([['P01', title, 'Évalué', 'Fontaine Léa', 'Prévention', 320.5, 320.5, 200, 2, 16]]);
      const workshopRows = await sheetRows(download, 'Ateliers');
      expect(workshopRows).toHaveLength(3);
    });
  });
});
