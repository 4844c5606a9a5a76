import { BrowserContext, Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { GraphQLClient } from '@cpts/testing';
import { checkScreen, linkFromMail, newPage, PASSWORD, scenario, SCREENSHOTS, signIn, Stack, startStack } from './harness';

const CREATE_INSTANCE = `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id name } }`;
const UPDATE_INSTANCE = `mutation($id: ID!, $i: UpdateInstanceInput!) { updateGovernanceInstance(id: $id, input: $i) { id } }`;
const ADD_MANDATE = `mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id current } }`;

const DAY = 86_400_000;
/** A Paris calendar day, `days` from now, as a date input takes it ("2026-12-13"). */
const parisDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * DAY));

/**
 * A decision of the bureau voted by email, in a real browser with the real
 * gateway, worker and SMTP sink: the coordinator drafts it (1280 px),
 * attaches the quote as a PDF and puts it to the vote, told first who will
 * receive the email; a board member finds it waiting on her home; the three
 * members of the bureau answer from their email's links on phones (375 px):
 * the answer of the email's button is preselected and nothing is recorded
 * until they confirm; one votes Pour, one Contre then changes to Pour and
 * comments, the third gives her proxy to the first: everyone has expressed a
 * vote, so the vote closes early. The outcome's email goes out, the decision
 * enters the register (exports, print), and its audit trail verifies.
 */
describe('a decision of the bureau, from the draft to the register, voted from the email links', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let coordinator: string;
  let decisionPath: string;
  let decisionId: string;
  let registerNumber: string;
  const title = "Achat d'un échographe portable";
  const question = "Approuvez-vous l'achat d'un échographe portable pour la maison de santé de Beaubreuil ?";
  const people = {
    alice: { name: 'Alice Moreau', email: 'alice.moreau@msp-beaubreuil.test' },
    bruno: { name: 'Bruno Lefèvre', email: 'bruno.lefevre@msp-beaubreuil.test' },
    chloe: { name: 'Chloé Garcia', email: 'chloe.garcia@msp-beaubreuil.test' },
  };
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS Limoges Nord', departement: '87', communes: 1 });
    coordinator = (await data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }], 'coordination.gouvernance@e2e.cpts.fr')).email;
    // Alice presides the bureau and has an account: the board's home shows her what awaits her vote.
    await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], people.alice.email);
    const ids: Record<string, string> = {};
    for (const [key, p] of Object.entries(people)) {
      const [firstName, lastName] = p.name.split(' ');
      ids[key] = await data.professional(cpts.id, cpts.communes[0], { firstName, lastName, professionCode: '10', email: p.email });
    }
    // The bureau, with one proxy per holder (the statutes' default for a bureau is none), and its three members.
    const api = new GraphQLClient(stack.url, { 'x-forwarded-for': '203.0.113.71' });
    const login = await api.login(coordinator, PASSWORD);
    if (login.errors) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    const bureau = (await api.ok<{ createGovernanceInstance: { id: string } }>(CREATE_INSTANCE, { i: { kind: 'BUREAU' } }))
      .createGovernanceInstance.id;
    await api.ok(UPDATE_INSTANCE, {
      id: bureau,
      i: {
        name: 'Bureau',
        seats: 3,
        statutes: {
          quorumShare: 0.5,
          majority: 'SIMPLE',
          abstentionsCountAsCast: false,
          proxiesPerHolder: 1,
          noticeDays: 0,
          perCollege: false,
        },
      },
    });
    for (const [key, office] of [
      ['alice', 'PRESIDENT'],
      ['bruno', 'TREASURER'],
      ['chloe', 'SECRETARY'],
    ] as const) {
      await api.ok(ADD_MANDATE, {
        inst: bureau,
        i: { professionalId: ids[key], office, startsOn: '2025-06-12', obtained: 'ELECTED', obtainedNote: 'AG du 12 juin 2025' },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const votes = async () =>
    (
      await stack.data.inTenant(cpts.id, (db) =>
        db.query(
          `SELECT name, choice, changes, proxy_to IS NOT NULL AS proxy FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 ORDER BY name`,
          [cpts.id, decisionId],
        ),
      )
    ).rows as Array<{ name: string; choice: string | null; changes: number; proxy: boolean }>;

  it('drafts the decision, attaches the quote and puts it to the vote, saying first who will receive the email', async () => {
    await scenario(stack, 'decision drafted and opened', async (page) => {
      await signIn(page, coordinator);
      await page.goto('/gouvernance/decisions');
      await page.getByRole('heading', { level: 1, name: 'Décisions' }).waitFor();
      await page.getByRole('heading', { name: "Aucune décision pour l'instant" }).waitFor();
      await page.getByRole('link', { name: 'Nouvelle décision' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nouvelle décision' }).waitFor();

      await page.getByRole('combobox', { name: 'Instance consultée' }).click();
      await page.getByRole('option', { name: 'Bureau' }).click();
      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(title);
      await page
        .getByRole('textbox', { name: 'Contexte' })
        .fill("Devis joint : 7 200 € TTC.\nL'appareil servira aux consultations avancées de cardiologie et d'obstétrique.");
      await page.getByRole('textbox', { name: 'Question posée' }).fill(question);
      await page.getByRole('textbox', { name: 'Montant (€)' }).fill('7200');
      await page.getByRole('combobox', { name: 'Missions ACI' }).click();
      await page.getByRole('option', { name: 'Accès aux soins' }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Date', { exact: true }).fill(parisDay(3));
      await page.getByLabel('Heure', { exact: true }).fill('18:00');
      expect(await page.getByRole('checkbox', { name: 'Abstention' }).isChecked()).toBe(true);
      await checkScreen(page, 'decision formulaire brouillon');
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();

      // The draft's page: nothing sent yet; the quote attached there.
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      decisionPath = new URL(page.url()).pathname;
      expect(decisionPath).toMatch(/^\/gouvernance\/decisions\/[0-9a-f-]{36}$/);
      decisionId = decisionPath.split('/').pop()!;
      await page.getByText('Brouillon', { exact: true }).first().waitFor();
      await page.getByText(/^Montant : 7\s200,00\s€$/).waitFor();
      await page.getByText('Missions ACI : Accès aux soins').waitFor();
      const documents = page.getByRole('region', { name: /^Documents/ });
      await documents
        .locator('input[type="file"]')
        .setInputFiles({ name: 'devis-echographe.pdf', mimeType: 'application/pdf', buffer: pdf });
      await documents.getByRole('button', { name: 'Joindre le document' }).click();
      await documents.getByRole('listitem', { name: 'devis-echographe.pdf' }).waitFor();
      await documents.getByRole('heading', { name: 'Documents (1)' }).waitFor();
      await checkScreen(page, 'decision brouillon documents');

      // Put to the vote: the dialog says to whom the email goes, and until when.
      await page.getByRole('button', { name: 'Soumettre au vote' }).click();
      const confirm = page.getByRole('dialog', { name: 'Soumettre au vote ?' });
      await confirm.getByText("Le message de vote part par e-mail aux 3 personnes qui siègent aujourd'hui à Bureau :").waitFor();
      for (const p of Object.values(people)) await confirm.getByRole('listitem').filter({ hasText: p.name }).waitFor();
      await confirm.getByText(/jusqu'au \S+ \d{1,2} \S+ \d{4} à 18:00 \(heure de Paris\)/).waitFor();
      await checkScreen(page, 'decision soumettre au vote');
      await confirm.getByRole('button', { name: 'Soumettre et envoyer' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByText('Vote en cours', { exact: true }).first().waitFor();
      const voters = page.getByRole('region', { name: 'Personnes consultées (3)' });
      expect(await voters.getByText('Pas encore voté').count()).toBe(3);
      await page.getByRole('region', { name: 'Décompte provisoire' }).getByText('Participation : 0 sur 3').waitFor();
      // The file no longer changes once opened.
      expect(await documents.getByRole('button', { name: 'Joindre le document' }).count()).toBe(0);
      await checkScreen(page, 'decision vote en cours');
    });
  });

  it("shows the decision awaiting her vote on a board member's home, with her own vote on its page", async () => {
    await scenario(stack, 'board home pending decision', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await signIn(page, people.alice.email);
      await page.waitForURL('**/bureau');
      const pending = page.getByRole('region', { name: 'Décisions en attente de votre vote (1)' });
      await pending.getByRole('listitem', { name: title }).getByText('0 a voté sur 3').waitFor();
      await checkScreen(page, 'bureau decisions en attente');
      await pending.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const mine = page.getByRole('region', { name: 'Votre vote' });
      await mine.getByRole('radiogroup', { name: 'Votre réponse' }).waitFor();
      await mine.getByText('Choisissez une réponse pour voter.').waitFor();
      await checkScreen(page, 'decision vote connecte');
    });
  });

  it('takes the votes from the email links on phones: preselected, recorded on confirmation only, changed, a proxy; the last closes it early', async () => {
    const subject = `Vote : ${title}`;
    for (const p of Object.values(people))
      await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(p.email) && m.subject === subject), 30_000);
    const base = `${stack.url}/cpts/${cpts.slug}/decisions/[A-Za-z0-9_-]+`;
    const aliceLink = await linkFromMail(stack.sink, people.alice.email, new RegExp(`${base}\\?choix=pour`));
    const brunoLink = await linkFromMail(stack.sink, people.bruno.email, new RegExp(`${base}\\?choix=contre`));
    // "Lire le dossier et commenter": the page without a preselected answer.
    const chloeLink = await linkFromMail(stack.sink, people.chloe.email, new RegExp(`${base}(?![?A-Za-z0-9_-])`));

    /** A voter's own phone, without an account. */
    const phone = async (): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
      const opened = await newPage(stack);
      await opened.page.setViewportSize({ width: 375, height: 812 });
      return opened;
    };

    // Alice: the email's "Pour" opens the page with Pour chosen; opening it recorded nothing.
    const alice = await phone();
    try {
      await alice.page.goto(aliceLink);
      await alice.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await alice.page.getByText("Bonjour Alice Moreau, l'instance « Bureau » vous consulte par écrit.").waitFor();
      await alice.page.getByText(question).waitFor();
      await alice.page.getByText('0 a voté sur 3').waitFor();
      await alice.page.getByRole('link', { name: 'devis-echographe.pdf' }).waitFor();
      expect(await alice.page.getByRole('radio', { name: 'Pour' }).getAttribute('aria-checked')).toBe('true');
      expect((await votes()).every((v) => v.choice === null)).toBe(true);
      await checkScreen(alice.page, 'vote lien choix preselectionne');
      await alice.page.getByRole('button', { name: 'Confirmer mon vote : Pour' }).click();
      await alice.page.getByRole('status').getByText('Votre vote : Pour — enregistré').waitFor();
      await alice.page.getByText('1 a voté sur 3').waitFor();
      await checkScreen(alice.page, 'vote lien enregistre');

      // Bruno: Contre from his email, confirmed, then changed to Pour; and a comment.
      await scenario(stack, 'vote changed from the link', async (page) => {
        await page.setViewportSize({ width: 375, height: 812 });
        await page.goto(brunoLink);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(await page.getByRole('radio', { name: 'Contre' }).getAttribute('aria-checked')).toBe('true');
        await page.getByRole('button', { name: 'Confirmer mon vote : Contre' }).click();
        await page.getByRole('status').getByText('Votre vote : Contre — enregistré').waitFor();
        await page.getByRole('radio', { name: 'Pour' }).click();
        await page.getByRole('button', { name: 'Changer mon vote : Pour' }).click();
        await page.getByRole('status').getByText('Votre vote : Pour — enregistré').waitFor();
        await page.getByRole('textbox', { name: 'Votre commentaire' }).fill('Le devis a été comparé à deux autres : il est le moins cher.');
        await page.getByRole('button', { name: 'Publier le commentaire' }).click();
        await page.getByRole('heading', { name: 'Commentaires (1)' }).waitFor();
        await page.getByText('Le devis a été comparé à deux autres : il est le moins cher.').waitFor();
        await checkScreen(page, 'vote lien vote modifie');
      });
      expect((await votes()).map((v) => [v.name, v.choice, v.changes])).toEqual([
        [people.alice.name, 'for', 0],
        [people.bruno.name, 'for', 1],
        [people.chloe.name, null, 0],
      ]);

      // Chloé: no answer chosen; she looks at the conflict of interest, then gives her proxy to Alice: everyone has expressed a vote.
      await scenario(stack, 'proxy from the link closes the vote', async (page) => {
        await page.setViewportSize({ width: 375, height: 812 });
        await page.goto(chloeLink);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByText('Choisissez une réponse pour voter.').waitFor();
        expect(await page.getByRole('button', { name: /^Confirmer mon vote/ }).count()).toBe(0);
        await page.getByText('Le devis a été comparé à deux autres : il est le moins cher.').waitFor();
        await page.getByRole('button', { name: "Déclarer un conflit d'intérêts" }).click();
        const conflict = page.getByRole('dialog', { name: "Déclarer un conflit d'intérêts ?" });
        await conflict.getByRole('textbox', { name: 'Précision (facultative)' }).waitFor();
        await checkScreen(page, 'vote lien conflit d interets');
        await conflict.getByRole('button', { name: 'Annuler' }).click();
        await conflict.waitFor({ state: 'detached' });

        await page.getByRole('combobox', { name: 'Donner pouvoir à' }).click();
        await page.getByRole('option', { name: people.alice.name }).click();
        await page.getByRole('button', { name: 'Donner mon pouvoir' }).click();
        await page.getByText('Ce vote est clos : la décision a été comptée.').waitFor();
        await page.getByText(`Vous aviez donné pouvoir à ${people.alice.name}.`).waitFor();
        const outcome = page.getByTestId('decision-outcome');
        await outcome.getByText('Adoptée', { exact: true }).waitFor();
        registerNumber = (await outcome.getByText(/^Décision n° \d{4}-\d{3} :$/).textContent())!.match(/\d{4}-\d{3}/)![0];
        await outcome.getByText('Pour : 3 · Contre : 0 · Abstention : 0').waitFor();
        await outcome.getByText('Participation : 3 sur 3 (dont 1 par pouvoir)').waitFor();
        await checkScreen(page, 'vote lien clos');
      });

      // Alice's page, still open from before the close: changing her vote is refused in French, and the page says it is closed.
      await alice.page.getByRole('radio', { name: 'Contre' }).click();
      await alice.page.getByRole('button', { name: 'Changer mon vote : Contre' }).click();
      await alice.page.getByText('Vote clos', { exact: true }).waitFor();
      await alice.page.getByText('Ce vote est clos : la décision a été comptée.').waitFor();
      expect(await alice.page.getByRole('button', { name: /^Changer mon vote/ }).count()).toBe(0);
      expect(alice.errors).toEqual([]);
    } finally {
      await alice.context.close();
    }
    expect((await votes()).map((v) => [v.name, v.choice, v.proxy])).toEqual([
      [people.alice.name, 'for', false],
      [people.bruno.name, 'for', false],
      [people.chloe.name, null, true],
    ]);
  });

  it('sends the outcome, shows it with the verified audit trail, and enters it in the register (exports, print)', async () => {
    const subject = `Décision ${registerNumber} adoptée : ${title}`;
    for (const to of [...Object.values(people).map((p) => p.email), coordinator])
      await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(to) && m.subject === subject), 30_000);
    const mail = stack.sink.to(people.chloe.email).find((m) => m.subject === subject)!;
    expect(mail.text).toContain('Pour : 3, contre : 0, abstentions : 0 ; 3 votant·e·s sur 3 (dont 1 par pouvoir)');
    expect(mail.text).toContain(`${stack.url}${decisionPath}`);

    await scenario(stack, 'decision closed register', async (page) => {
      await signIn(page, coordinator);
      await page.goto(decisionPath);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const count = page.getByRole('region', { name: 'Résultat' });
      await count.getByText(`Décision n° ${registerNumber} :`).waitFor();
      await count.getByText('Adoptée', { exact: true }).waitFor();
      await count.getByText(/^Close le .+ : toutes les personnes consultées s'étaient exprimées\.$/).waitFor();
      const voters = page.getByRole('region', { name: 'Personnes consultées (3)' });
      const row = (name: string) => voters.getByRole('row', { name: new RegExp(name) });
      expect(await row(people.alice.name).getByRole('cell').nth(5).innerText()).toBe('Détient : Chloé Garcia');
      await row(people.alice.name).getByText("Lien de l'e-mail").waitFor();
      expect(await row(people.bruno.name).getByRole('cell').nth(3).innerText()).toBe('1');
      await row(people.chloe.name).getByText(`Représenté·e par ${people.alice.name}`).waitFor();

      // The audit trail: opened, three votes (one a change), the comment, the proxy, the close; verified on the server.
      const audit = page.getByRole('region', { name: "Journal d'audit" });
      const events = await audit.locator('tbody tr td:nth-child(3)').allInnerTexts();
      expect(events).toEqual([
        'Ouverture du vote',
        `Vote — ${people.alice.name}`,
        `Vote — ${people.bruno.name}`,
        `Vote modifié — ${people.bruno.name}`,
        `Commentaire — ${people.bruno.name}`,
        `Pouvoir donné — ${people.chloe.name} à ${people.alice.name}`,
        `Clôture — n° ${registerNumber}`,
      ]);
      await audit.getByRole('button', { name: 'Vérifier le journal' }).click();
      await audit.getByRole('status').getByText('Journal intègre (7 entrées)').waitFor();
      await checkScreen(page, 'decision close journal verifie');

      // The list: the decision among the closed ones, with its outcome.
      await page.goto('/gouvernance/decisions');
      const closed = page.getByRole('region', { name: 'Décisions closes (1)' });
      await closed.getByRole('listitem', { name: title }).getByText('Adoptée', { exact: true }).waitFor();
      await checkScreen(page, 'decisions liste');

      // The register: its number, the count; the CSV export carries it.
      await page.goto('/gouvernance/registre');
      await page.getByRole('heading', { level: 1, name: 'Registre des décisions' }).waitFor();
      await page.getByText('1 décision au registre').waitFor();
      const line = page.getByRole('row', { name: new RegExp(registerNumber) });
      expect((await line.getByRole('cell').allInnerTexts()).map((c) => c.trim())).toEqual([
        registerNumber,
        expect.stringMatching(/\d{4}$/),
        'Bureau',
        title,
        'Adoptée',
        '3',
        '0',
        '0',
        '3 / 3',
      ]);
      await checkScreen(page, 'registre des decisions');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('registre-des-decisions.csv');
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      const csv = Buffer.concat(chunks).toString('utf8');
      expect(csv).toContain(registerNumber);
      expect(csv).toContain(title);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter Excel' }).click()]);
      expect(xlsx.suggestedFilename()).toBe('registre-des-decisions.xlsx');

      // Print: the browser's dialog is asked for; on paper, the register alone under its title, without the app's menu.
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      await page.getByRole('button', { name: 'Imprimer' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await page.getByRole('heading', { level: 1, name: 'Registre des décisions — CPTS Limoges Nord' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Menu principal' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
      expect(await line.isVisible()).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/registre-des-decisions-impression.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    });
  });
});
