import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

const DAY = 86_400_000;
/** A Paris calendar day `days` from now, as a date input takes it (YYYY-MM-DD). */
const parisDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * DAY));
/** The same day as the pages write it ("12 mai 2026"). */
const frenchDay = (isoDay: string) => {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d));
};

/**
 * Action items in a real browser, with the real gateway and worker: the
 * staff add a board member's account to a group as its referent, give the
 * group's people action items, mark one done (it shows under "Fait ce
 * trimestre"), reopen it, drop another; the CPTS-wide view filters by
 * group, person, status and lateness from its address; a member signs in
 * on a phone and sees their group read-only, answers the group's poll from
 * it and marks their own item done; the board member reads every group and
 * manages only the one they are a referent of.
 */
describe('action items, done this quarter, the CPTS-wide view and the members’ view in the web app', () => {
  let stack: Stack;
  let cpts: { id: string; communes: string[]; slug: string };
  let staff: string;
  const board = { email: 'bureau.actions@e2e.cpts.fr', name: 'Test bureau.actions', id: '' };
  const member = { email: 'adherent.actions@e2e.cpts.fr', name: 'Test adherent.actions', id: '' };
  const diabetes = randomUUID();
  const snp = randomUUID();
  const pollTitle = 'Réunion de printemps';
  const late = 'Envoyer le questionnaire aux pharmacies';

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS de la Creuse', departement: '23', communes: 2 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.actions@e2e.cpts.fr')).email;
    board.id = (await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], board.email)).id;
    member.id = (await data.user([{ role: Role.MEMBER, tenantId: cpts.id }], member.email)).id;
    const commune = cpts.communes[0];
    const martin = await data.professional(cpts.id, commune, {
      lastName: 'Martin',
      firstName: 'Claire',
      professionCode: '60',
      email: 'claire.martin@creuse.test',
    });
    const bernard = await data.professional(cpts.id, commune, { lastName: 'Bernard', firstName: 'Luc', professionCode: '70' });
    const petit = await data.professional(cpts.id, commune, {
      lastName: 'Petit',
      firstName: 'Julie',
      professionCode: '60',
      email: 'julie.petit@creuse.test',
    });
    // Two groups as the module writes them: "Parcours diabète" (a referent, a member, the member's account) and
    // "Soins non programmés" (without the member), with an item already late and a poll open to the member.
    await data.inTenant(cpts.id, async (db) => {
      await db.query(
        `INSERT INTO working_groups (tenant_id, id, name, missions, status) VALUES ($1, $2, 'Parcours diabète', '{care_pathways}', 'active'),
           ($1, $3, 'Soins non programmés', '{access_to_care}', 'active')`,
        [cpts.id, diabetes, snp],
      );
      await db.query(
        `INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, user_id, role) VALUES
           ($1, gen_random_uuid(), $2, $4, NULL, 'referent'), ($1, gen_random_uuid(), $2, $5, NULL, 'member'),
           ($1, gen_random_uuid(), $2, NULL, $7, 'member'), ($1, gen_random_uuid(), $3, $6, NULL, 'referent'),
           ($1, gen_random_uuid(), $3, $5, NULL, 'member')`,
        [cpts.id, diabetes, snp, martin, bernard, petit, member.id],
      );
      await db.query(
        `INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, title, professional_id, assignee_name, assignee_email, due_on)
         VALUES ($1, gen_random_uuid(), 'working_group', $2, 'Soins non programmés', $3, $4, 'Petit Julie', 'julie.petit@creuse.test', current_date - 4)`,
        [cpts.id, snp, late, petit],
      );
      const poll = randomUUID();
      await db.query(
        `INSERT INTO meeting_polls (tenant_id, id, owner_kind, owner_id, owner_name, title, place) VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', $4, 'Maison de santé de Guéret')`,
        [cpts.id, poll, diabetes, pollTitle],
      );
      await db.query(
        `INSERT INTO meeting_poll_slots (tenant_id, id, poll_id, starts_at, ends_at) VALUES ($1, gen_random_uuid(), $2, $3, $4), ($1, gen_random_uuid(), $2, $5, $6)`,
        [
          cpts.id,
          poll,
          new Date(Date.now() + 12 * DAY),
          new Date(Date.now() + 12 * DAY + 5_400_000),
          new Date(Date.now() + 13 * DAY),
          new Date(Date.now() + 13 * DAY + 5_400_000),
        ],
      );
      await db.query(
        `INSERT INTO meeting_poll_invitees (tenant_id, id, poll_id, user_id, name, email) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
        [cpts.id, poll, member.id, member.name, member.email],
      );
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The confirmations of the last changes gone (they fade after a few seconds), so a screenshot shows the page itself. */
  const toastsGone = (page: Page) =>
    page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, { timeout: 15_000 });
  const openGroup = async (page: Page, name: string) => {
    await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };
  const openItems = (page: Page) => page.getByRole('region', { name: 'Actions en cours' });
  const doneItems = (page: Page) => page.getByRole('region', { name: 'Fait ce trimestre' });
  /** An action item by hand, from the group page. */
  const createItem = async (page: Page, title: string, person: string, due: string) => {
    await openItems(page).getByRole('button', { name: 'Nouvelle action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle action' });
    await dialog.getByLabel('Action').fill(title);
    await dialog.getByRole('combobox', { name: 'Portée par' }).click();
    await page.getByRole('option', { name: person, exact: true }).click();
    await dialog.getByLabel('Échéance').fill(due);
    await dialog.getByRole('button', { name: "Créer l'action" }).click();
    await dialog.waitFor({ state: 'detached' });
    await openItems(page).getByRole('listitem', { name: title }).waitFor();
  };

  it('adds a board member’s account as referent, gives the group action items, marks one done (this quarter’s victories), reopens it, drops another', async () => {
    await scenario(stack, 'action items by the staff', async (page) => {
      await signIn(page, staff);
      await openGroup(page, 'Parcours diabète');
      await openItems(page).getByText('Aucune action en cours.', { exact: false }).waitFor();
      await doneItems(page).getByText("Pas encore d'action menée à bien ce trimestre", { exact: false }).waitFor();

      // A team user (here a board member with an account) becomes a referent: the group then has two.
      await page.getByRole('button', { name: 'Ajouter des personnes' }).click();
      const add = page.getByRole('dialog', { name: 'Ajouter des personnes au groupe' });
      await add.getByRole('combobox', { name: "Personnes de l'équipe de la CPTS" }).click();
      // The member's account is already in the group: not offered again.
      expect(await page.getByRole('option', { name: new RegExp(`^${member.name}`) }).count()).toBe(0);
      await page.getByRole('option', { name: `${board.name} · Membre du bureau` }).click();
      // Closes the list (Escape would close the dialog).
      await add.getByRole('heading', { name: 'Ajouter des personnes au groupe' }).click();
      await add.getByRole('radio', { name: 'Référent·e' }).check();
      await checkScreen(page, 'groupe ajouter equipe');
      await add.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await add.waitFor({ state: 'detached' });
      const members = page.getByRole('region', { name: /^Référents et membres/ });
      expect(await members.getByRole('combobox', { name: `Rôle de ${board.name}` }).inputValue()).toBe('REFERENT');
      await members.getByRole('listitem').filter({ hasText: board.name }).getByText('Équipe de la CPTS', { exact: false }).waitFor();
      // Two referents now: the warning about a group carried alone is gone.
      expect(await page.getByText('Un seul référent', { exact: false }).count()).toBe(0);

      // The form's checks: a person, then a date not already past (the API's French words).
      await openItems(page).getByRole('button', { name: 'Nouvelle action' }).click();
      const form = page.getByRole('dialog', { name: 'Nouvelle action' });
      await form.getByLabel('Action').fill('Rédiger la fiche parcours');
      await form.getByRole('button', { name: "Créer l'action" }).click();
      await form.getByText("Choisissez la personne qui porte l'action.").waitFor();
      await form.getByRole('combobox', { name: 'Portée par' }).click();
      await page.getByRole('option', { name: 'Martin Claire', exact: true }).click();
      await form.getByLabel('Échéance').fill(parisDay(-2));
      await form.getByRole('button', { name: "Créer l'action" }).click();
      await form.getByText("L'échéance est passée.").waitFor();
      await checkScreen(page, 'action nouvelle');
      await form.getByLabel('Échéance').fill(parisDay(20));
      await form.getByRole('button', { name: "Créer l'action" }).click();
      await form.waitFor({ state: 'detached' });
      await createItem(page, 'Relire le protocole de suivi', `${member.name} (équipe de la CPTS)`, parisDay(10));
      await createItem(page, 'Organiser un atelier patients', 'Bernard Luc', parisDay(30));

      // Soonest due first, who carries each and by when.
      const first = openItems(page).getByRole('listitem').first();
      await first.getByText('Relire le protocole de suivi').waitFor();
      await first.getByText(`Portée par ${member.name}`).waitFor();
      await first.getByText(`Échéance : ${frenchDay(parisDay(10))}`).waitFor();
      await openItems(page).getByText('3 actions en cours.').waitFor();
      await toastsGone(page);
      await checkScreen(page, 'actions groupe');

      // Done, after a confirmation: it joins this quarter's victories, with who and when.
      await openItems(page).getByRole('button', { name: 'Marquer comme faite : Rédiger la fiche parcours' }).click();
      const confirm = page.getByRole('dialog', { name: "Marquer l'action comme faite ?" });
      await confirm.getByText('« Rédiger la fiche parcours », portée par Martin Claire.', { exact: false }).waitFor();
      await confirm.getByRole('button', { name: 'Marquer comme faite' }).click();
      await confirm.waitFor({ state: 'detached' });
      await openItems(page).getByRole('listitem', { name: 'Rédiger la fiche parcours' }).waitFor({ state: 'detached' });
      const victory = doneItems(page).getByRole('listitem', { name: 'Rédiger la fiche parcours' });
      await victory.getByText(/^Martin Claire · faite le \d{1,2} \S+ \d{4} \(notée par Test staff\.actions\)$/).waitFor();
      await doneItems(page).getByText('1 action menée à bien').waitFor();
      await toastsGone(page);
      await checkScreen(page, 'actions fait ce trimestre');

      // Reopened (nothing lost, no question asked), then done again.
      await victory.getByRole('button', { name: 'Rouvrir : Rédiger la fiche parcours' }).click();
      await openItems(page).getByRole('listitem', { name: 'Rédiger la fiche parcours' }).waitFor();
      await victory.waitFor({ state: 'detached' });
      await openItems(page).getByRole('button', { name: 'Marquer comme faite : Rédiger la fiche parcours' }).click();
      await confirm.getByRole('button', { name: 'Marquer comme faite' }).click();
      await victory.waitFor();

      // Dropped, after a confirmation that says it can be reopened.
      await openItems(page).getByRole('button', { name: 'Abandonner : Organiser un atelier patients' }).click();
      const drop = page.getByRole('dialog', { name: "Abandonner l'action ?" });
      await drop.getByText('peut être rouverte', { exact: false }).waitFor();
      await drop.getByRole('button', { name: "Abandonner l'action" }).click();
      await drop.waitFor({ state: 'detached' });
      await openItems(page).getByRole('listitem', { name: 'Organiser un atelier patients' }).waitFor({ state: 'detached' });
      await openItems(page).getByText('1 action en cours.').waitFor();
    });
  });

  it('lists every group’s items CPTS-wide, filtered by group, person, status and lateness, the filters kept in the address', async () => {
    await scenario(stack, 'action items CPTS-wide', async (page) => {
      await signIn(page, staff);
      await page.getByRole('link', { name: 'Actions des groupes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Actions des groupes' }).waitFor();
      const table = page.getByRole('table');
      const row = (title: string) => table.getByRole('row', { name: new RegExp(title) });
      // Open ones by default, the late one first, each with its group (a link) and the person.
      await page.getByText('2 actions · 1 en retard').waitFor();
      expect(await table.getByRole('row').nth(1).textContent()).toContain(late);
      await row(late).getByText('En retard').waitFor();
      await row(late).getByRole('link', { name: 'Soins non programmés' }).waitFor();
      await row('Relire le protocole de suivi').getByText(member.name).waitFor();
      expect(await row('Rédiger la fiche parcours').count()).toBe(0);
      await checkScreen(page, 'actions cpts');

      // Late only: the address says it, and says it again after a reload.
      // The filters live in the address (React Router updates it a moment after the click).
      await page.getByLabel('En retard uniquement').click();
      await page.waitForURL((u) => u.searchParams.get('retard') === '1');
      await page.getByText('1 action · 1 en retard', { exact: true }).waitFor();
      await page.reload();
      await page.getByText('1 action · 1 en retard', { exact: true }).waitFor();
      expect(await page.getByLabel('En retard uniquement').isChecked()).toBe(true);
      await row(late).waitFor();
      // With the group "Parcours diabète": nothing late there.
      await page.getByRole('combobox', { name: 'Groupe', exact: true }).click();
      await page.getByRole('option', { name: 'Parcours diabète' }).click();
      await page.getByRole('heading', { name: 'Aucune action ne correspond à ces filtres' }).waitFor();
      await checkScreen(page, 'actions cpts aucun resultat');

      // The group's whole history: every status.
      await page.getByLabel('En retard uniquement').click();
      await page.waitForURL((u) => !u.searchParams.has('retard'));
      await page.getByRole('combobox', { name: 'Statut', exact: true }).click();
      await page.getByRole('option', { name: 'Tous les statuts' }).click();
      await page.getByText('3 actions', { exact: true }).waitFor();
      await row('Rédiger la fiche parcours').getByText('Faite', { exact: true }).waitFor();
      await row('Organiser un atelier patients').getByText('Abandonnée', { exact: true }).waitFor();
      expect(new URL(page.url()).searchParams.get('statut')).toBe('toutes');
      expect(new URL(page.url()).searchParams.get('groupe')).toBe(diabetes);
      // One person's items: the dropped one can be reopened from here too.
      await page.getByRole('combobox', { name: 'Portée par', exact: true }).click();
      await page.getByRole('option', { name: 'Bernard Luc' }).click();
      await page.getByText('1 action', { exact: true }).waitFor();
      await row('Organiser un atelier patients').getByRole('button', { name: 'Rouvrir : Organiser un atelier patients' }).click();
      await row('Organiser un atelier patients').getByText('À faire', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      await page.getByText('3 actions · 1 en retard').waitFor();
      await row(late).getByRole('link', { name: 'Soins non programmés' }).click();
      await page.getByRole('heading', { level: 1, name: 'Soins non programmés' }).waitFor();
      await openItems(page).getByRole('listitem', { name: late }).getByText('En retard').waitFor();
    });
  });

  it('shows a member, on a phone, their group read-only: they answer its poll and mark their own item done', async () => {
    await scenario(stack, 'action items seen by a member', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await signIn(page, member.email);
      // Their home first: the menu opened before it would close as the page changes.
      await page.waitForURL((u) => u.pathname === '/adherent');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      await page.getByRole('link', { name: 'Groupes de travail' }).click();
      await page.getByRole('heading', { level: 1, name: 'Groupes de travail' }).waitFor();
      // Only the group they are in.
      await page.getByRole('link', { name: 'Parcours diabète' }).waitFor();
      expect(await page.getByRole('link', { name: 'Soins non programmés' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Parcours diabète' }).click();
      await page.getByRole('heading', { level: 1, name: 'Parcours diabète' }).waitFor();
      await openItems(page).getByRole('listitem', { name: 'Relire le protocole de suivi' }).waitFor();

      // Read-only: nothing to edit, add, schedule or give; only their own item has a button.
      for (const name of ['Modifier', 'Ajouter des personnes', 'Nouvelle action', 'Planifier une réunion', 'Proposer des créneaux']) {
        expect(await page.getByRole('button', { name }).count()).toBe(0);
        expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
      }
      expect(await page.getByRole('combobox', { name: /^Rôle de / }).count()).toBe(0);
      const others = openItems(page).getByRole('listitem', { name: 'Rédiger la fiche parcours' });
      expect(await others.count()).toBe(0); // done: among the victories
      await doneItems(page).getByRole('listitem', { name: 'Rédiger la fiche parcours' }).waitFor();
      expect(await doneItems(page).getByRole('button').count()).toBe(0);
      expect(await openItems(page).getByRole('listitem', { name: 'Organiser un atelier patients' }).getByRole('button').count()).toBe(0);
      const mine = openItems(page).getByRole('listitem', { name: 'Relire le protocole de suivi' });
      await mine.getByText('Vous', { exact: true }).waitFor();

      // The group's poll, to answer from here: their own answer page, the one their email links to.
      const poll = page.getByRole('region', { name: 'Sondages en attente de votre réponse' });
      await poll.getByText(`Sondage : « ${pollTitle} »`).waitFor();
      await poll.getByText('Vous êtes invité·e à dire lesquels des 2 créneaux vous conviennent.').waitFor();
      await checkScreen(page, 'groupe vue membre');
      await poll.getByRole('link', { name: `Répondre au sondage : ${pollTitle}` }).click();
      await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();
      for (const radio of await page.getByRole('radio', { name: 'Oui' }).all()) await radio.check();
      await page.getByRole('button', { name: 'Enregistrer mes disponibilités' }).click();
      await page.getByText('Vos disponibilités sont enregistrées. Merci !').waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Parcours diabète' }).waitFor();
      await poll.getByText(/^Vous avez répondu le /).waitFor();
      await poll.getByRole('link', { name: `Modifier ma réponse au sondage : ${pollTitle}` }).waitFor();

      // Their own item: done, from here.
      await mine.getByRole('button', { name: 'Marquer comme faite : Relire le protocole de suivi' }).click();
      const confirm = page.getByRole('dialog', { name: "Marquer l'action comme faite ?" });
      await confirm.getByText('vous ne recevrez plus de rappel', { exact: false }).waitFor();
      await checkScreen(page, 'action marquer faite membre');
      await confirm.getByRole('button', { name: 'Marquer comme faite' }).click();
      await confirm.waitFor({ state: 'detached' });
      await doneItems(page).getByRole('listitem', { name: 'Relire le protocole de suivi' }).waitFor();
      await doneItems(page).getByText('2 actions menées à bien').waitFor();
      // A slip of the finger: their own "done" can be taken back.
      await doneItems(page).getByRole('button', { name: 'Rouvrir : Relire le protocole de suivi' }).waitFor();

      // The CPTS-wide view: their group's items only, and "my actions".
      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      await page.getByRole('link', { name: 'Actions des groupes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Actions des groupes' }).waitFor();
      await page.getByText('Les actions des groupes de travail dont vous faites partie.').waitFor();
      await page.getByRole('combobox', { name: 'Statut', exact: true }).click();
      await page.getByRole('option', { name: 'Tous les statuts' }).click();
      await page.getByText('3 actions', { exact: true }).waitFor();
      expect(await page.getByText(late).count()).toBe(0);
      await page.getByLabel('Mes actions uniquement').click();
      await page.waitForURL((u) => u.searchParams.get('personne') === member.id);
      await page.getByText('1 action', { exact: true }).waitFor();
      await page.getByRole('listitem', { name: 'Relire le protocole de suivi' }).getByText('Faite', { exact: true }).waitFor();
      await checkScreen(page, 'actions cpts vue membre');
    });
    const [row] = (
      await stack.data.inTenant(cpts.id, (db) =>
        db.query(`SELECT status, status_by FROM action_items WHERE tenant_id = $1 AND title = 'Relire le protocole de suivi'`, [cpts.id]),
      )
    ).rows;
    expect(row).toEqual({ status: 'done', status_by: member.id });
    const answers = await stack.data.inTenant(cpts.id, (db) =>
      db.query(
        `SELECT a.answer FROM meeting_poll_answers a JOIN meeting_poll_invitees i ON i.tenant_id = a.tenant_id AND i.id = a.invitee_id WHERE i.tenant_id = $1 AND i.user_id = $2`,
        [cpts.id, member.id],
      ),
    );
    expect(answers.rows.map((r) => r.answer)).toEqual(['yes', 'yes']);
  });

  it('lets the board read every group, and manage only the group they are a referent of', async () => {
    await scenario(stack, 'action items seen by the board', async (page) => {
      await signIn(page, board.email);
      await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
      await page.getByRole('link', { name: 'Parcours diabète' }).waitFor();
      await page.getByRole('link', { name: 'Soins non programmés' }).waitFor();

      // Not a referent there: read-only, the late item said so, no button.
      await page.getByRole('link', { name: 'Soins non programmés' }).click();
      await page.getByRole('heading', { level: 1, name: 'Soins non programmés' }).waitFor();
      const item = openItems(page).getByRole('listitem', { name: late });
      await item.getByText('En retard').waitFor();
      expect(await item.getByRole('button').count()).toBe(0);
      for (const name of ['Modifier', 'Ajouter des personnes', 'Nouvelle action', 'Planifier une réunion']) {
        expect(await page.getByRole('button', { name }).count()).toBe(0);
      }
      await checkScreen(page, 'groupe vue bureau');

      // Referent of "Parcours diabète" (added by the staff): they manage it.
      await openGroup(page, 'Parcours diabète');
      await page.getByRole('link', { name: 'Modifier' }).waitFor();
      await createItem(page, 'Présenter le parcours au conseil', 'Bernard Luc', parisDay(15));
      await openItems(page).getByRole('button', { name: 'Abandonner : Présenter le parcours au conseil' }).waitFor();
    });
  });
});
