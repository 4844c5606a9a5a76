import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

const DAY = 86_400_000;
/** A Paris calendar day, `days` from now, as a date input takes it ("2026-12-13"). */
const parisDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * DAY));
const parisYear = () => Number(parisDay(0).slice(0, 4));
/** A day as the pages write it: "1 janvier 2024". */
const frenchDay = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * Governance's instances in a real browser, with the real gateway, worker
 * and SMTP sink: the staff set up the bureau and the CA with dated mandates
 * (one ending within 90 days says so), a college with mandates cannot be
 * removed, a mandate ended early stays in the history and in the
 * composition on a past date; the coordinator edits the CA's rules, the
 * board reads them; an AG convened with too short a notice is refused, then
 * convened; in the meeting, attendance, a proxy and the live quorum, a vote
 * in session per college entered into the register; spending under the
 * threshold checked by the coordinator, and above it a bureau decision.
 */
describe('governance instances, mandates, meetings and spending in the web app', () => {
  let stack: Stack;
  let staff: string;
  let coordinator: string;
  let board: string;
  let cpts: { id: string; communes: string[]; slug: string };
  const people = {
    claire: { first: 'Claire', last: 'Martin', college: 'liberal' },
    luc: { first: 'Luc', last: 'Bernard', college: 'liberal' },
    julie: { first: 'Julie', last: 'Petit', college: 'msp' },
    marc: { first: 'Marc', last: 'Leroy', college: 'liberal' },
    sophie: { first: 'Sophie', last: 'Durand', college: 'establishment' },
    paul: { first: 'Paul', last: 'Moreau', college: 'user' },
  };
  const agTitle = 'Assemblée générale ordinaire';
  let agPath: string;
  let caPath: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS du Val de Vienne', departement: '86', communes: 1 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.gouvernance@e2e.cpts.fr')).email;
    coordinator = (await data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }], 'coord.gouvernance@e2e.cpts.fr')).email;
    board = (await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], 'bureau.gouvernance@e2e.cpts.fr')).email;
    // Six people of the directory, members of the year in the four colleges: the AG's electorate.
    for (const p of Object.values(people)) {
      const id = await data.professional(cpts.id, cpts.communes[0], {
        lastName: p.last,
        firstName: p.first,
        email: `${p.first}.${p.last}@val-de-vienne.test`.toLowerCase(),
      });
      await data.inTenant(cpts.id, (db) =>
        db.query(
          `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 2000, $4)`,
          [cpts.id, id, parisYear(), p.college],
        ),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const openGovernance = async (page: Page, email: string) => {
    await signIn(page, email);
    await page.getByRole('link', { name: 'Gouvernance' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Gouvernance' }).waitFor();
  };
  const createInstance = async (page: Page, button: string, seats?: string) => {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: button });
    if (seats) await dialog.getByLabel('Nombre de sièges').fill(seats);
    await dialog.getByRole('button', { name: 'Créer', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  /** A mandate through the form: the person found by name in the directory, then the term and how it was obtained. */
  const addMandate = async (
    page: Page,
    m: { person: { first: string; last: string }; office: string; college?: string; from: string; to?: string; note: string },
    screen?: string,
  ) => {
    await page.getByRole('button', { name: 'Ajouter un mandat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un mandat' });
    await dialog.getByLabel('Personne').fill(m.person.last);
    await page.getByRole('option', { name: new RegExp(`^${m.person.last} ${m.person.first} ·`) }).click();
    await dialog.getByText(`${m.person.last} ${m.person.first}`, { exact: true }).waitFor();
    await dialog.getByLabel('Fonction').selectOption({ label: m.office });
    if (m.college) await dialog.getByLabel('Collège').selectOption({ label: m.college });
    await dialog.getByLabel('Début du mandat').fill(m.from);
    if (m.to) await dialog.getByLabel('Fin du mandat').fill(m.to);
    await dialog.getByLabel('Obtenu par').selectOption({ label: 'Élu·e' });
    await dialog.getByLabel('Précision').fill(m.note);
    if (screen) await checkScreen(page, screen);
    await dialog.getByRole('button', { name: 'Ajouter le mandat' }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('sets up the bureau and the CA with their mandates: a mandate ending soon warns, a college with mandates stays, history and past composition', async () => {
    await scenario(stack, 'governance instances set up', async (page) => {
      await openGovernance(page, staff);
      await page.getByText("Aucune instance pour l'instant").waitFor();

      // The bureau, with a president and a treasurer whose term ends in 60 days.
      await createInstance(page, 'Créer le bureau', '4');
      await page.getByRole('heading', { level: 1, name: 'Bureau' }).waitFor();
      await addMandate(
        page,
        { person: people.claire, office: 'Président·e', from: parisDay(-200), to: parisDay(900), note: 'AG du 12 juin 2025' },
        'mandat formulaire',
      );
      await addMandate(page, {
        person: people.luc,
        office: 'Trésorier·ère',
        from: parisDay(-200),
        to: parisDay(60),
        note: 'AG du 12 juin 2025',
      });
      const composition = page.getByRole('region', { name: 'Composition actuelle (2)' });
      const luc = composition.getByRole('listitem', { name: 'Luc Bernard' });
      await luc.getByText('Se termine dans 60 jours').waitFor();
      await luc.getByText('Élu·e — AG du 12 juin 2025').waitFor();
      await composition.getByRole('listitem', { name: 'Claire Martin' }).getByText('Président·e').waitFor();
      await page.getByText('1 mandat se termine dans les 90 jours : préparez son renouvellement.').waitFor();
      await page.getByText('2 sièges à pourvoir').waitFor();
      // The staff read the rules; only the coordinator edits them.
      await page.getByText('Seul·e le ou la coordinateur·rice modifie ces règles.').waitFor();
      await page.getByText('Les décisions déjà ouvertes gardent les règles en vigueur à leur ouverture.').waitFor();
      await checkScreen(page, 'instance bureau');

      // The CA: 8 seats in the four usual colleges (2 each).
      await page.getByRole('link', { name: 'Gouvernance' }).first().click();
      await createInstance(page, "Créer le conseil d'administration", '8');
      await page.getByRole('heading', { level: 1, name: "Conseil d'administration" }).waitFor();
      caPath = new URL(page.url()).pathname;
      const colleges = page.getByRole('table', { name: "Collèges de Conseil d'administration" });
      await colleges.getByRole('row', { name: /Professionnels libéraux/ }).waitFor();
      expect(await colleges.getByRole('row').count()).toBe(5);
      await addMandate(page, {
        person: people.julie,
        office: 'Membre',
        college: 'Équipes de soins primaires et maisons de santé',
        from: parisDay(-100),
        to: parisDay(1000),
        note: 'AG du 1er juin 2024',
      });
      await addMandate(page, {
        person: people.marc,
        office: 'Membre',
        college: 'Professionnels libéraux',
        from: parisDay(-900),
        to: parisDay(200),
        note: 'AG du 1er juin 2023',
      });
      // A mistake in Julie's entry, corrected.
      await page.getByRole('button', { name: 'Corriger le mandat de Julie Petit' }).click();
      const correct = page.getByRole('dialog', { name: 'Corriger le mandat' });
      await correct.getByText('Petit Julie', { exact: true }).waitFor();
      expect(await correct.getByLabel('Collège').inputValue()).not.toBe('');
      await correct.getByLabel('Précision').fill('AG du 2 juin 2026');
      await correct.getByRole('button', { name: 'Enregistrer la correction' }).click();
      await correct.waitFor({ state: 'detached' });
      await page.getByRole('listitem', { name: 'Julie Petit' }).getByText('Élu·e — AG du 2 juin 2026').waitFor();
      // Marc resigns: his mandate ends early, after a confirmation.
      await page.getByRole('button', { name: 'Mettre fin au mandat de Marc Leroy' }).click();
      const end = page.getByRole('dialog', { name: 'Mettre fin au mandat ?' });
      await end.getByText(`Marc Leroy, Membre depuis le ${frenchDay(parisDay(-900))}.`, { exact: false }).waitFor();
      await end.getByLabel('Dernier jour du mandat').fill(parisDay(-30));
      await end.getByLabel('Motif').fill('Démission');
      await end.getByRole('button', { name: 'Mettre fin au mandat' }).click();
      await end.waitFor({ state: 'detached' });
      await page.getByRole('region', { name: 'Composition actuelle (1)' }).getByRole('listitem', { name: 'Julie Petit' }).waitFor();

      // A college where a mandate sat cannot be removed: the API's French message.
      await page.getByRole('button', { name: 'Modifier les collèges' }).click();
      await page.getByRole('button', { name: 'Retirer le collège Professionnels libéraux' }).click();
      await page.getByRole('button', { name: 'Enregistrer les collèges' }).click();
      await page
        .getByText('Un collège où siègent des mandats (en cours ou passés) ne peut pas être supprimé : renommez-le plutôt.')
        .waitFor();
      await page.getByRole('region', { name: 'Collèges' }).getByRole('button', { name: 'Annuler' }).click();
      await colleges.getByRole('row', { name: /Professionnels libéraux/ }).waitFor();

      // Who sat 400 days ago: Marc, not yet Julie.
      await page.getByLabel('Composition au').fill(parisDay(-400));
      const onDate = page.getByRole('region', { name: 'Composition à une date' });
      await onDate.getByText(`1 personne siégeait le ${frenchDay(parisDay(-400))}.`).waitFor();
      await onDate.getByText('Marc Leroy · Membre · Professionnels libéraux').waitFor();
      // The history keeps the ended mandate and why.
      await page.getByRole('button', { name: "Afficher l'historique" }).click();
      const history = page.getByRole('list', { name: 'Historique' });
      await history.getByText(/^Fin anticipée le /).waitFor();
      await history.getByText('Motif : Démission').waitFor();
      await checkScreen(page, 'instance conseil administration');

      // The AG, then the landing page with its three cards.
      await page.getByRole('link', { name: 'Gouvernance' }).first().click();
      await createInstance(page, "Créer l'assemblée générale");
      await page.getByRole('heading', { level: 1, name: 'Assemblée générale' }).waitFor();
      agPath = new URL(page.url()).pathname;
      await page.getByRole('link', { name: 'Gouvernance' }).first().click();
      const bureau = page.getByRole('listitem', { name: 'Bureau' });
      await bureau.getByText('2 sur 4 sièges occupés').waitFor();
      await bureau.getByText('2 sièges à pourvoir').waitFor();
      await bureau.getByText('1 mandat se termine dans les 90 jours : préparez son renouvellement.').waitFor();
      await page.getByRole('listitem', { name: 'Assemblée générale' }).getByText('6 adhérent·es actif·ves cette année').waitFor();
      expect(await page.getByRole('button', { name: 'Créer le bureau' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Créer une commission' }).waitFor();
      await checkScreen(page, 'gouvernance accueil');
    });
  });

  it("lets the coordinator edit the CA's rules, which the board then reads", async () => {
    await scenario(stack, 'governance rules', async (page) => {
      await signIn(page, coordinator);
      await page.goto(caPath);
      const rules = page.getByRole('region', { name: 'Règles des statuts' });
      await rules.getByRole('button', { name: 'Modifier les règles' }).click();
      await rules.getByLabel('Quorum (%)').fill('60');
      await rules.getByLabel('Majorité').selectOption({ label: 'Majorité des deux tiers' });
      await rules.getByLabel('Pouvoirs par personne').fill('2');
      await rules.getByLabel('Donner aussi les résultats par collège').check();
      await checkScreen(page, 'instance règles modifier');
      await rules.getByRole('button', { name: 'Enregistrer les règles' }).click();
      await rules.getByText('Majorité des deux tiers').waitFor();
      await rules.getByText(/^60\s%$/).waitFor();
    });
    await scenario(stack, 'governance read by the board', async (page) => {
      await openGovernance(page, board);
      await page.getByRole('link', { name: "Conseil d'administration" }).click();
      await page.getByRole('region', { name: 'Règles des statuts' }).getByText('Majorité des deux tiers').waitFor();
      await page.getByText('Seul·e le ou la coordinateur·rice modifie ces règles.').waitFor();
      expect(await page.getByRole('button', { name: 'Ajouter un mandat' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Modifier les collèges' }).count()).toBe(0);
    });
  });

  it('refuses an AG convened with too short a notice, convenes it, then takes attendance, a proxy, the live quorum and a vote per college', async () => {
    let meetingPath = '';
    await scenario(stack, 'ag convened', async (page) => {
      await signIn(page, staff);
      await page.goto(agPath);
      await page.getByText('Les statuts demandent 15 jours de délai de convocation.').waitFor();
      await page.getByRole('button', { name: 'Convoquer une réunion' }).click();
      const dialog = page.getByRole('dialog', { name: 'Convoquer une réunion' });
      await dialog.getByLabel('Titre').fill(agTitle);
      await dialog.getByLabel('Date').fill(parisDay(5));
      await dialog.getByLabel('Début').fill('18:30');
      await dialog.getByLabel('Fin').fill('20:30');
      await dialog.getByLabel('Lieu').fill('Salle des fêtes de Chauvigny');
      await dialog.getByRole('button', { name: 'Ajouter un point' }).click();
      await dialog.getByRole('textbox', { name: 'Point 1', exact: true }).fill('Approbation des comptes 2025');
      await dialog.getByText("Convoquer les adhérents actifs de l'année (6 personnes)").waitFor();
      await dialog.getByRole('button', { name: 'Convoquer', exact: true }).click();
      await dialog
        .getByText("Les statuts demandent 15 jours de délai de convocation pour l'assemblée générale : choisissez une date plus lointaine.")
        .waitFor();
      expect(await dialog.getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
      await checkScreen(page, 'assemblée convoquer délai');
      await dialog.getByLabel('Date').fill(parisDay(20));
      await dialog.getByRole('button', { name: 'Convoquer', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const item = page.getByRole('listitem', { name: agTitle });
      await item.getByText('Présent·es annoncé·es : 0 sur 6 invité·es').waitFor();
      await item.getByRole('link', { name: `Ouvrir la réunion : ${agTitle}` }).click();
      await page.getByRole('heading', { level: 1, name: agTitle }).waitFor();
      meetingPath = new URL(page.url()).pathname;
      expect(meetingPath).toMatch(new RegExp(`^${agPath}/reunions/[0-9a-f-]{36}$`));
      await page.getByText("Réunion de l'instance : Assemblée générale").waitFor();
    });

    // The day has come: the meeting is under way. Last year's AG was held, its minutes sent (as the meetings module writes them).
    await stack.data.inTenant(cpts.id, async (db) => {
      await db.query(
        `UPDATE meetings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE tenant_id = $1 AND id = $2`,
        [cpts.id, meetingPath.split('/').pop()],
      );
      await db.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place, minutes_html, minutes_published_at)
         SELECT tenant_id, gen_random_uuid(), owner_kind, owner_id, owner_name, 'Assemblée générale de l''an dernier', now() - interval '365 days',
                now() - interval '365 days' + interval '2 hours', place, '<p>Comptes approuvés.</p>', now() - interval '300 days'
         FROM meetings WHERE tenant_id = $1 AND id = $2`,
        [cpts.id, meetingPath.split('/').pop()],
      );
    });

    await scenario(stack, 'ag in session', async (page) => {
      await signIn(page, staff);
      await page.goto(meetingPath);
      await page.getByText('En cours', { exact: true }).waitFor();
      const quorum = page.getByRole('region', { name: 'Quorum en direct' });
      await quorum.getByText('Quorum non atteint').waitFor();

      // Attendance: three present, two absent, one excused.
      const attendance = page.getByRole('region', { name: 'Présences (6 invité·es)' });
      for (const [p, value] of [
        [people.claire, 'Présent·e'],
        [people.luc, 'Présent·e'],
        [people.julie, 'En visio'],
        [people.marc, 'Absent·e'],
        [people.sophie, 'Absent·e'],
        [people.paul, 'Excusé·e'],
      ] as const)
        await attendance
          .getByRole('radiogroup', { name: `${p.last} ${p.first}` })
          .getByRole('radio', { name: value })
          .check();
      await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
      await attendance.getByText('Présences enregistrées.', { exact: true }).waitFor();
      // The quorum follows: a quarter of 6 is 2, 3 present.
      await quorum.getByText('Quorum atteint').waitFor();
      await quorum.getByText(/Quorum des statuts : 25\s% de l'électorat, soit 2 ; 3 voix présentes ou représentées\./).waitFor();

      // A proxy: Marc, absent, to Claire; then one the statutes refuse (Marc gave his, he cannot hold one).
      const proxies = page.getByRole('region', { name: /^Pouvoirs/ });
      await proxies.getByLabel('Qui donne pouvoir').selectOption({ label: 'Leroy Marc' });
      await proxies.getByLabel('À qui').selectOption({ label: 'Martin Claire' });
      await proxies.getByRole('button', { name: 'Enregistrer le pouvoir' }).click();
      await proxies.getByText('Leroy Marc donne pouvoir à Martin Claire').waitFor();
      await quorum.getByText(/soit 2 ; 4 voix présentes ou représentées\./).waitFor();
      await proxies.getByLabel('Qui donne pouvoir').selectOption({ label: 'Durand Sophie' });
      await proxies.getByLabel('À qui').selectOption({ label: 'Leroy Marc' });
      await proxies.getByRole('button', { name: 'Enregistrer le pouvoir' }).click();
      await proxies.getByText('Cette personne a elle-même donné pouvoir : elle ne peut pas en recevoir.').waitFor();

      // A vote in session on the agenda's item, per college (the AG's statutes ask for it).
      const votes = page.getByRole('region', { name: /^Votes en séance/ });
      await votes.getByLabel("Point de l'ordre du jour").selectOption({ label: '1. Approbation des comptes 2025' });
      expect(await votes.getByLabel('Titre de la décision').inputValue()).toBe('Approbation des comptes 2025');
      await votes.getByLabel('Question posée').fill('Approuvez-vous les comptes de l’exercice 2025 ?');
      const liberal = votes.getByRole('group', { name: 'Professionnels libéraux' });
      await liberal.getByLabel('Pour').fill('2');
      await liberal.getByLabel('Contre').fill('1');
      await votes.getByRole('group', { name: 'Équipes de soins primaires et maisons de santé' }).getByLabel('Abstention').fill('1');
      await checkScreen(page, 'assemblée en séance');
      await votes.getByRole('button', { name: 'Enregistrer le vote' }).click();
      const decision = votes.getByRole('listitem', { name: 'Approbation des comptes 2025' });
      await decision.getByText('Adoptée', { exact: true }).waitFor();
      const number = await stack.data.inTenant(cpts.id, (db) =>
        db.query(
          `SELECT register_year || '-' || lpad(register_seq::text, 3, '0') AS n, id FROM governance_decisions WHERE tenant_id = $1 AND source = 'session'`,
          [cpts.id],
        ),
      );
      expect(number.rows).toHaveLength(1);
      await decision.getByText(`Registre n° ${number.rows[0].n}`).waitFor();
      await decision.getByText('Pour : 2 · Contre : 1 · Abstention : 1').waitFor();
      await decision.getByText('Professionnels libéraux : Adoptée (pour 2, contre 1, abstention 0)').waitFor();
      await decision.getByText('Équipes de soins primaires et maisons de santé : Rejetée (pour 0, contre 0, abstention 1)').waitFor();
      expect(await decision.getByRole('link', { name: 'Voir la décision : Approbation des comptes 2025' }).getAttribute('href')).toBe(
        `/gouvernance/decisions/${number.rows[0].id}`,
      );
      await checkScreen(page, 'assemblée vote en séance');

      // Last year's minutes, approved at this meeting.
      const minutes = page.getByRole('region', { name: 'Procès-verbal' });
      await minutes.getByRole('combobox', { name: 'Réunion' }).selectOption({ index: 1 });
      await minutes.getByRole('button', { name: 'Approuver le procès-verbal' }).click();
      await minutes.getByText('Procès-verbaux approuvés lors de cette réunion :').waitFor();
      await minutes.getByText(/^« Assemblée générale de l'an dernier »/).waitFor();
      await minutes
        .getByText("Aucune réunion précédente de cette instance n'a de procès-verbal diffusé en attente d'approbation.")
        .waitFor();
    });
  });

  it('records spending under the threshold, checked by the coordinator, and above it opens a bureau decision', async () => {
    await scenario(stack, 'spending thresholds', async (page) => {
      await openGovernance(page, coordinator);
      await page.getByRole('link', { name: 'Dépenses' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dépenses' }).waitFor();
      const thresholds = page.getByRole('region', { name: 'Seuils de délégation' });
      await thresholds.getByRole('button', { name: 'Modifier les seuils' }).click();
      await thresholds.getByLabel("Seuil de l'équipe").fill('2500');
      await thresholds.getByRole('button', { name: 'Enregistrer les seuils' }).click();
      await thresholds.getByText(/^Jusqu'à 2\s500,00\s€ : l'équipe décide seule/).waitFor();
    });

    await scenario(stack, 'spending recorded', async (page) => {
      await openGovernance(page, staff);
      await page.getByRole('link', { name: 'Dépenses' }).click();
      const record = page.getByRole('region', { name: 'Enregistrer une dépense' });
      await record.getByLabel('Montant (€)').fill('1500');
      await record.getByLabel('Objet de la dépense').fill('Location de salle pour la soirée prévention');
      await record.getByLabel('Mission ACI').selectOption({ label: 'Prévention' });
      await record.getByText("Sous le seuil de l'équipe : approuvée par délégation, le trésorier la contrôlera.").waitFor();
      await record.getByRole('button', { name: 'Enregistrer la dépense' }).click();
      const small = page.getByRole('listitem', { name: /Location de salle pour la soirée prévention$/ });
      await small.getByText('Équipe (contrôle a posteriori)').waitFor();
      await small.getByText('À contrôler').waitFor();
      // The staff record; the check is the treasurer's or the coordinator's.
      expect(await small.getByRole('button', { name: /^Marquer vérifiée/ }).count()).toBe(0);

      await record.getByLabel('Montant (€)').fill('5000');
      await record.getByLabel('Objet de la dépense').fill('Achat de matériel de dépistage');
      await record.getByText("Au-dessus du seuil de l'équipe : un vote du bureau s'ouvre à l'enregistrement.").waitFor();
      await record.getByLabel('Échéance du vote').fill(parisDay(10));
      await record.getByRole('button', { name: 'Enregistrer la dépense' }).click();
      const big = page.getByRole('listitem', { name: /Achat de matériel de dépistage$/ });
      await big.getByText('Bureau', { exact: true }).waitFor();
      await big.getByText('Vote en cours').waitFor();
      const link = await big
        .getByRole('link', { name: 'Voir la décision sur la dépense : Achat de matériel de dépistage' })
        .getAttribute('href');
      const opened = await stack.data.inTenant(cpts.id, (db) =>
        db.query(
          `SELECT d.id, d.status, i.kind FROM spending_requests s JOIN governance_decisions d ON d.tenant_id = s.tenant_id AND d.id = s.decision_id
           JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id WHERE s.tenant_id = $1 AND s.purpose = 'Achat de matériel de dépistage'`,
          [cpts.id],
        ),
      );
      expect(opened.rows[0]).toMatchObject({ status: 'open', kind: 'bureau' });
      expect(link).toBe(`/gouvernance/decisions/${opened.rows[0].id}`);
      await checkScreen(page, 'dépenses');
    });

    await scenario(stack, 'spending checked', async (page) => {
      await openGovernance(page, coordinator);
      await page.getByRole('link', { name: 'Dépenses' }).click();
      await page.getByRole('button', { name: 'Marquer vérifiée : Location de salle pour la soirée prévention' }).click();
      const dialog = page.getByRole('dialog', { name: 'Marquer la dépense vérifiée' });
      await dialog.getByLabel('Note (facultative)').fill('Facture conforme au devis.');
      await dialog.getByRole('button', { name: 'Marquer vérifiée' }).click();
      await dialog.waitFor({ state: 'detached' });
      const small = page.getByRole('listitem', { name: /Location de salle pour la soirée prévention$/ });
      await small.getByText('Vérifiée', { exact: true }).waitFor();
      await small.getByText('Note : Facture conforme au devis.').waitFor();
      await checkScreen(page, 'dépenses contrôle');
    });
  });
});
