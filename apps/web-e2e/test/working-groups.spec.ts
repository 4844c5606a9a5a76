import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, linkFromMail, scenario, signIn, Stack, startStack } from './harness';

/**
 * Working groups and their meetings in a real browser, with the real
 * gateway, worker and SMTP sink: the staff create a group with its frame,
 * name two referents and a member from the directory, and schedule a
 * meeting; the invitation (with its .ics) reaches the member, who answers
 * from the email's link on a phone, without an account; the staff see the
 * answer, move the meeting and cancel it, and the link then says so.
 */
describe('working groups and their meetings in the web app', () => {
  let stack: Stack;
  let staff: string;
  let cpts: { id: string; communes: string[]; slug: string };
  const member = 'julie.petit@msp-poitiers.test';
  const title = 'Réunion de lancement';
  let replyLink: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS du Grand Poitiers', departement: '86', communes: 2 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.groupes@e2e.cpts.fr')).email;
    const commune = cpts.communes[0];
    await data.professional(cpts.id, commune, {
      lastName: 'Martin',
      firstName: 'Claire',
      professionCode: '60',
      email: 'claire.martin@msp-poitiers.test',
    });
    await data.professional(cpts.id, commune, { lastName: 'Bernard', firstName: 'Luc', professionCode: '70' });
    await data.professional(cpts.id, commune, { lastName: 'Petit', firstName: 'Julie', professionCode: '60', email: member });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** Adds people found by name in the directory to the group, all with one role. */
  const addPeople = async (page: Page, names: string[], role: 'Membre' | 'Référent·e') => {
    await page.getByRole('button', { name: 'Ajouter des personnes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter des personnes au groupe' });
    for (const name of names) {
      await dialog.getByLabel("Personnes de l'annuaire").fill(name.split(' ')[0]);
      await page.getByRole('option', { name: new RegExp(`^${name} ·`) }).click();
      await dialog.getByText(name, { exact: true }).waitFor();
    }
    await dialog.getByRole('radio', { name: role }).check();
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  /** The staff's way to the group: the navigation, then the group's card. */
  const openGroup = async (page: Page) => {
    await signIn(page, staff);
    await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
    await page.getByRole('link', { name: 'Parcours diabète' }).click();
  };
  const members = (page: Page) => page.getByRole('region', { name: /^Référents et membres/ });

  it('creates a group with its frame, two referents and a member, and schedules a meeting that invites them', async () => {
    // Ten days from now, as a Paris calendar day.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + 10 * 86_400_000));
    await scenario(stack, 'working groups', async (page) => {
      await signIn(page, staff);
      await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Groupes de travail' }).waitFor();
      await page.getByText("Aucun groupe de travail pour l'instant").waitFor();

      // The group: name, two ACI missions in French, theme, description and its frame.
      await page.getByRole('link', { name: 'Nouveau groupe' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nouveau groupe de travail' }).waitFor();
      await page.getByRole('combobox', { name: 'Missions ACI' }).click();
      await page.getByRole('option', { name: 'Parcours pluriprofessionnels' }).click();
      await page.getByRole('option', { name: 'Prévention' }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Thème').fill('Diabète de type 2');
      await page.getByLabel('Description').fill('Un parcours lisible pour les patients diabétiques du territoire.');
      await page.getByLabel('Objet').fill('Construire le parcours diabète ville-hôpital.');
      await page.getByLabel('Règles de fonctionnement').fill('Une réunion par mois, décisions au consensus.');
      await page.getByLabel('Confidentialité').fill('Aucune situation de patient nominative.');
      // Without a name: the API's French message, next to the field.
      await page.getByRole('button', { name: 'Créer le groupe' }).click();
      await page.getByText('Le nom du groupe est obligatoire.').waitFor();
      await checkScreen(page, 'groupe de travail formulaire');
      await page.getByLabel('Nom du groupe').fill('Parcours diabète');
      await page.getByRole('button', { name: 'Créer le groupe' }).click();

      // Its page: no referent yet, said plainly.
      await page.getByRole('heading', { level: 1, name: 'Parcours diabète' }).waitFor();
      const warning = page.getByText("Ce groupe n'a pas de référent : désignez-en deux ou trois.");
      await warning.waitFor();
      await page.getByText('Construire le parcours diabète ville-hôpital.').waitFor();

      // Two referents, then a member, found in the directory.
      await addPeople(page, ['Martin Claire', 'Bernard Luc'], 'Référent·e');
      await warning.waitFor({ state: 'detached' });
      await addPeople(page, ['Petit Julie'], 'Membre');
      await members(page).getByRole('heading', { name: 'Référents et membres (3)' }).waitFor();
      expect(await members(page).getByRole('combobox', { name: 'Rôle de Martin Claire' }).inputValue()).toBe('REFERENT');
      expect(await members(page).getByRole('combobox', { name: 'Rôle de Bernard Luc' }).inputValue()).toBe('REFERENT');
      expect(await members(page).getByRole('combobox', { name: 'Rôle de Petit Julie' }).inputValue()).toBe('MEMBER');
      await members(page).getByText('Masseur-kinésithérapeute', { exact: false }).waitFor();

      // A meeting: date and hours in Paris time, a place and a video link, an agenda.
      await page.getByRole('button', { name: 'Planifier une réunion' }).click();
      const dialog = page.getByRole('dialog', { name: 'Planifier une réunion' });
      await dialog.getByLabel('Titre').fill(title);
      await dialog.getByLabel('Date').fill(day);
      await dialog.getByLabel('Début').fill('18:30');
      await dialog.getByLabel('Fin').fill('20:00');
      await dialog.getByLabel('Lieu').fill('Maison de santé des Couronneries, salle 2');
      await dialog.getByLabel('Lien de visioconférence').fill('https://visio.exemple.fr/diabete');
      await dialog.getByRole('button', { name: 'Ajouter un point' }).click();
      await dialog.getByRole('textbox', { name: 'Point 1', exact: true }).fill('Accueil et rappel du cadre');
      await dialog.getByLabel('Durée (min)').fill('10');
      await dialog.getByLabel('Intervenant·e').fill('Claire Martin');
      await dialog.getByRole('button', { name: 'Ajouter un point' }).click();
      await dialog.getByRole('textbox', { name: 'Point 2', exact: true }).fill('Premières étapes du parcours');
      await dialog.getByText('Inviter les membres du groupe (3 personnes)').waitFor();
      await checkScreen(page, 'réunion planifier');
      await dialog.getByRole('button', { name: 'Planifier et inviter' }).click();
      await dialog.waitFor({ state: 'detached' });

      const meeting = page.getByRole('listitem', { name: title });
      await meeting.getByText(/^Quand : \S+ \d{1,2} \S+ \d{4}, de 18:30 à 20:00 \(heure de Paris\)$/).waitFor();
      await meeting.getByText('Présent·es annoncé·es : 0 sur 3 invité·es').waitFor();
      await page.getByText('Aucune réunion passée.').waitFor();
      await checkScreen(page, 'groupe de travail page');

      // The list: a group short of referents (written as the module does) says so on its card.
      await stack.data.inTenant(cpts.id, (db) =>
        db.query(
          `INSERT INTO working_groups (tenant_id, id, name, missions, status) VALUES ($1, gen_random_uuid(), 'Soins non programmés', '{access_to_care}', 'paused')`,
          [cpts.id],
        ),
      );
      await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
      const card = page.getByRole('listitem', { name: 'Parcours diabète' });
      await card.getByText('Actif').waitFor();
      await card.getByText('Prévention').waitFor();
      const paused = page.getByRole('listitem', { name: 'Soins non programmés' });
      await paused.getByText('En pause').waitFor();
      await paused.getByText('Accès aux soins').waitFor();
      await paused.getByRole('alert').getByText("Ce groupe n'a pas de référent : désignez-en deux ou trois.").waitFor();
      await card.getByText('3 membres · 2 référent·es').waitFor();
      await checkScreen(page, 'groupes de travail liste');
    });

    // The invitation reached the member, with the event for calendars.
    await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(member) && m.subject === `Invitation : ${title}`), 30_000);
    const mail = stack.sink.to(member).find((m) => m.subject === `Invitation : ${title}`)!;
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail.raw).toMatch(/filename=invitation\.ics/);
    expect(mail.text).toContain('Le cadre du groupe : Objet : Construire le parcours diabète ville-hôpital.');
    replyLink = await linkFromMail(stack.sink, member, new RegExp(`${stack.url}/cpts/${cpts.slug}/reunions/[A-Za-z0-9_-]+`));
    expect(mail.html).toContain(`href="${replyLink}"`);
  });

  it("answers from the email's link on a phone, without an account, and the staff see the answer", async () => {
    const reply = async () =>
      (
        await stack.data.inTenant(cpts.id, (db) =>
          db.query(`SELECT reply FROM meeting_invitees WHERE tenant_id = $1 AND email = $2`, [cpts.id, member]),
        )
      ).rows[0].reply;
    await scenario(stack, 'meeting reply', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(replyLink);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('CPTS du Grand Poitiers', { exact: true }).waitFor();
      await page.getByText('Groupe de travail : Parcours diabète').waitFor();
      await page.getByText('Bonjour Petit Julie, vous êtes invité·e à cette réunion.').waitFor();
      await page.getByText(/^Quand : \S+ \d{1,2} \S+ \d{4}, de 18:30 à 20:00 \(heure de Paris\)$/).waitFor();
      await page.getByText('Lieu : Maison de santé des Couronneries, salle 2').waitFor();
      await page.getByRole('link', { name: 'https://visio.exemple.fr/diabete' }).waitFor();
      await page.getByText('Accueil et rappel du cadre (10 min), Claire Martin').waitFor();
      await page.getByText(/Règles du groupe : Une réunion par mois/).waitFor();
      await page.getByText("Vous n'avez pas encore répondu.").waitFor();
      // Opening the page records nothing: only a click does.
      expect(await reply()).toBeNull();
      await checkScreen(page, 'réunion réponse');

      await page.getByRole('button', { name: 'Présent·e' }).click();
      await page.getByText('Votre réponse : Présent·e. Merci !').waitFor();
      await page.getByText('Votre réponse actuelle : Présent·e.').waitFor();
      expect(await page.getByRole('button', { name: 'Présent·e' }).getAttribute('aria-pressed')).toBe('true');
      expect(await reply()).toBe('present');
      await checkScreen(page, 'réunion réponse enregistrée');
    });

    await scenario(stack, 'meeting replies seen by the staff', async (page) => {
      await openGroup(page);
      const meeting = page.getByRole('listitem', { name: title });
      await meeting.getByText('Présent·es annoncé·es : 1 sur 3 invité·es').waitFor();
      await meeting.getByRole('button', { name: `Voir les réponses : ${title}` }).click();
      const dialog = page.getByRole('dialog', { name: title });
      // Each invitee's answer, and whether the invitation could be emailed.
      for (const [name, answer, invitation] of [
        ['Petit Julie', 'Présent·e', 'Envoyée par e-mail'],
        ['Martin Claire', 'Sans réponse', 'Envoyée par e-mail'],
        ['Bernard Luc', 'Sans réponse', "Pas d'adresse e-mail"],
      ]) {
        const row = dialog.getByRole('row', { name: new RegExp(name) });
        await row.getByText(answer).waitFor();
        await row.getByText(invitation).waitFor();
      }
      await dialog.getByText('1 présent·e · 2 sans réponse').waitFor();
      await checkScreen(page, 'réunion détail');
    });
  });

  it('moves the meeting, then cancels it after a confirmation; the link then says the meeting is cancelled', async () => {
    await scenario(stack, 'meeting moved and cancelled', async (page) => {
      await openGroup(page);
      const meeting = page.getByRole('listitem', { name: title });
      await meeting.getByRole('button', { name: 'Déplacer' }).click();
      const form = page.getByRole('dialog', { name: 'Déplacer la réunion' });
      expect(await form.getByLabel('Début').inputValue()).toBe('18:30');
      expect(await form.getByRole('textbox', { name: 'Point 1', exact: true }).inputValue()).toBe('Accueil et rappel du cadre');
      // The end before the start: the API's French message, next to the field.
      await form.getByLabel('Fin').fill('17:00');
      await form.getByRole('button', { name: 'Déplacer et prévenir' }).click();
      await form.getByText('La fin doit suivre le début.').waitFor();
      await form.getByLabel('Début').fill('19:00');
      await form.getByLabel('Fin').fill('20:30');
      await form.getByRole('button', { name: 'Déplacer et prévenir' }).click();
      await form.waitFor({ state: 'detached' });
      await meeting.getByText(/, de 19:00 à 20:30 \(heure de Paris\)$/).waitFor();
      await stack.sink.waitFor(
        (messages) => messages.some((m) => m.to.includes(member) && m.subject === `Réunion modifiée : ${title}`),
        30_000,
      );

      await meeting.getByRole('button', { name: 'Annuler la réunion' }).click();
      const confirm = page.getByRole('dialog', { name: 'Annuler la réunion ?' });
      await confirm
        .getByText(/^« Réunion de lancement », \S+ \d{1,2} \S+ \d{4}, de 19:00 à 20:30\. Chaque invité·e est prévenu·e/)
        .waitFor();
      await checkScreen(page, 'réunion annuler');
      await confirm.getByRole('button', { name: 'Annuler la réunion' }).click();
      await confirm.waitFor({ state: 'detached' });
      await meeting.getByText('Annulée', { exact: true }).waitFor();
      expect(await meeting.getByRole('button', { name: 'Déplacer' }).count()).toBe(0);
      await stack.sink.waitFor(
        (messages) => messages.some((m) => m.to.includes(member) && m.subject === `Réunion annulée : ${title}`),
        30_000,
      );
    });

    await scenario(stack, 'meeting reply after cancellation', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(replyLink);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Cette réunion a été annulée.').waitFor();
      expect(await page.getByRole('button', { name: 'Présent·e' }).count()).toBe(0);
      await checkScreen(page, 'réunion réponse annulée');
    });
  });

  it('says in French that an altered link is not valid', async () => {
    await scenario(stack, 'meeting reply invalid link', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`/cpts/${cpts.slug}/reunions/lien-modifie-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
      await page.getByRole('heading', { level: 1, name: 'Lien non valide' }).waitFor();
      await page.getByText(/Ce lien n'est pas valide : vérifiez qu'il a été copié en entier/).waitFor();
      await checkScreen(page, 'réunion lien non valide');
    });
  });
});
