import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, linkFromMail, PASSWORD, scenario, signIn, Stack, startStack } from './harness';

/**
 * The web app in a real browser against the real gateway and worker: what
 * each kind of user sees and does, checked with axe-core and photographed at
 * desktop and phone widths (test-output/screenshots/).
 */
describe('web app', () => {
  let stack: Stack;
  const people = {} as Record<'regionAdmin' | 'missionOfficer' | 'coordinator' | 'multi' | 'staff' | 'board' | 'member' | 'otherCoordinator' | 'locked' | 'forgetful', string>;
  let cptsA: { id: string; communes: string[] };
  let cptsB: { id: string; communes: string[] };
  let otherProfessionalId: string;
  let networkName: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const regionId = await data.region('75');
    networkName = (await data.pool.query(`SELECT network_name FROM regions WHERE id = $1`, [regionId])).rows[0].network_name;
    cptsA = await data.cpts(regionId, { name: 'CPTS du Périgord Vert', departement: '24', communes: 6 });
    cptsB = await data.cpts(regionId, { name: 'CPTS Bordeaux Rive Droite', departement: '33', communes: 4 });
    const user = async (key: keyof typeof people, roles: Array<{ role: Role; tenantId?: string; regionId?: string }>) => {
      people[key] = (await data.user(roles, `${key.toLowerCase()}@e2e.cpts.fr`)).email;
    };
    await user('regionAdmin', [{ role: Role.REGION_ADMIN, regionId }]);
    await user('missionOfficer', [{ role: Role.MISSION_OFFICER, regionId }]);
    await user('coordinator', [{ role: Role.COORDINATOR, tenantId: cptsA.id }]);
    await user('multi', [
      { role: Role.STAFF, tenantId: cptsA.id },
      { role: Role.BOARD_MEMBER, tenantId: cptsB.id },
    ]);
    // Last used in A: that is where a new session starts.
    await data.pool.query(`UPDATE users SET last_tenant_id = $1 WHERE email = $2`, [cptsA.id, people.multi]);
    await user('staff', [{ role: Role.STAFF, tenantId: cptsA.id }]);
    await user('board', [{ role: Role.BOARD_MEMBER, tenantId: cptsA.id }]);
    await user('member', [{ role: Role.MEMBER, tenantId: cptsA.id }]);
    await user('otherCoordinator', [{ role: Role.COORDINATOR, tenantId: cptsB.id }]);
    await user('locked', [{ role: Role.MEMBER, tenantId: cptsA.id }]);
    await user('forgetful', [{ role: Role.STAFF, tenantId: cptsA.id }]);
    const { rows } = await data.pool.query(`SELECT id FROM users WHERE email = $1`, [people.missionOfficer]);
    await data.follow(rows[0].id, [cptsA.id, cptsB.id]);
    for (const [lastName, firstName] of [
      ['Durand', 'Élise'],
      ['Martin', 'Paul'],
      ['Moreau', 'Chloé'],
    ]) {
      await data.professional(cptsA.id, cptsA.communes[0], { lastName, firstName });
    }
    otherProfessionalId = await data.professional(cptsB.id, cptsB.communes[0], { lastName: 'Secret', firstName: 'Bordelais' });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const header = (page: Page) => ({ context: page.getByTestId('active-context').first(), role: page.getByTestId('active-role').first() });

  it('shows the sign-in page to a visitor, and sends them back to it from a private address', async () => {
    await scenario(stack, 'visitor', async (page) => {
      await page.goto('/annuaire');
      await page.waitForURL('**/connexion?suite=%2Fannuaire');
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      await checkScreen(page, 'connexion');
    });
  });

  it('lands each role on its own home, with the active CPTS and role in the header', async () => {
    const homes: Array<[keyof typeof people, string, string, string, string]> = [
      ['regionAdmin', '/region', 'CPTS de la région', networkName, 'Administration régionale'],
      ['missionOfficer', '/mes-cpts', 'Mes CPTS', networkName, 'Chargé·e de mission'],
      ['coordinator', '/cpts', 'Bonjour Test', 'CPTS du Périgord Vert', 'Coordination'],
      ['staff', '/cpts', 'Bonjour Test', 'CPTS du Périgord Vert', 'Équipe salariée'],
      ['board', '/bureau', 'À valider', 'CPTS du Périgord Vert', 'Membre du bureau'],
      ['member', '/adherent', 'Bonjour Test', 'CPTS du Périgord Vert', 'Adhérent·e'],
    ];
    for (const [who, path, heading, context, role] of homes) {
      await scenario(stack, `home ${who}`, async (page) => {
        await signIn(page, people[who]);
        await page.waitForURL(`**${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        expect(await header(page).context.textContent()).toBe(context);
        expect(await header(page).role.textContent()).toBe(role);
        await checkScreen(page, `accueil ${who}`);
        if (who === 'board') await page.getByText("Rien à valider pour l'instant…").waitFor();
        if (who === 'missionOfficer') {
          await page.getByRole('link', { name: /CPTS du Périgord Vert/ }).click();
          await page.getByRole('heading', { level: 1, name: 'CPTS du Périgord Vert' }).waitFor();
          await page.getByText('lecture seule').waitFor();
          await checkScreen(page, 'mes cpts fiche');
        }
        if (who === 'member') {
          // Every route checks the role and says so in French.
          await page.goto('/annuaire');
          await page.getByRole('heading', { name: 'Cette page ne vous est pas destinée' }).waitFor();
          await page.getByText('Adhérent·e (CPTS du Périgord Vert)').waitFor();
          await checkScreen(page, 'acces refuse');
        }
        if (who === 'staff') {
          // A reload keeps the session: the access token comes back from the refresh cookie.
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'Bonjour Test' }).waitFor();
          await page.getByRole('link', { name: 'Équipe et invitations' }).first().click();
          await page.getByRole('heading', { level: 1, name: 'Équipe et invitations' }).waitFor();
          await page.getByText(people.coordinator).waitFor();
          await checkScreen(page, 'equipe cpts');
        }
      });
    }
  });

  it('lets a person with roles in two CPTS switch, and sign out', async () => {
    await scenario(stack, 'switch and sign out', async (page) => {
      await signIn(page, people.multi);
      await page.waitForURL('**/cpts');
      expect(await header(page).role.textContent()).toBe('Équipe salariée');
      await page.getByRole('button', { name: /CPTS du Périgord Vert/ }).click();
      await page.getByRole('menuitem', { name: /CPTS Bordeaux Rive Droite/ }).click();
      await page.waitForURL('**/bureau');
      await page.getByRole('heading', { level: 1, name: 'À valider' }).waitFor();
      expect(await header(page).context.textContent()).toBe('CPTS Bordeaux Rive Droite');
      expect(await header(page).role.textContent()).toBe('Membre du bureau');
      await page.getByRole('button', { name: /Compte de/ }).click();
      await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
      await page.waitForURL('**/connexion?deconnecte=1');
      await page.getByText('Vous êtes déconnecté·e').waitFor();
      // Signed out for real: a private page sends back to the sign-in page.
      await page.goto('/cpts');
      await page.waitForURL('**/connexion?**');
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    });
  });

  it('lets a region admin create a CPTS and invite its coordinator, who sets a password and signs in', async () => {
    const coordinatorEmail = 'nouvelle.coordination@e2e.cpts.fr';
    let cptsPath = '';
    await scenario(stack, 'region admin creates a CPTS', async (page) => {
      await signIn(page, people.regionAdmin);
      await page.waitForURL('**/region');
      await page.getByRole('link', { name: 'Créer une CPTS' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Créer une CPTS' }).waitFor();
      await page.getByLabel('Nom de la CPTS').fill('CPTS du Pays de Brive');
      // Its public address, proposed from the name.
      const address = await page.getByLabel('Adresse publique').elementHandle();
      await page.waitForFunction((input) => (input as HTMLInputElement).value === 'pays-de-brive', address);
      await page.getByLabel('E-mail de contact').fill('contact@cpts-brive.test');
      await page.getByRole('combobox', { name: 'Départements' }).click();
      await page.getByRole('option', { name: '19 · Corrèze' }).click();
      await page.keyboard.press('Escape');
      const communeSearch = page.getByLabel('Rechercher une commune');
      for (const [typed, name] of [
        ['brive', 'Brive-la-Gaillarde'],
        ['malem', 'Malemort'],
      ]) {
        await communeSearch.click();
        await communeSearch.fill(typed);
        await page.getByRole('option', { name: new RegExp(name) }).click();
      }
      await page.keyboard.press('Escape');
      await checkScreen(page, 'region creer cpts');
      await page.getByRole('button', { name: 'Créer la CPTS' }).click();
      await page.waitForURL(/\/region\/cpts\/[0-9a-f-]{36}$/);
      cptsPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: 'CPTS du Pays de Brive' }).waitFor();
      await page.getByText('Brive-la-Gaillarde').first().waitFor();
      await page.getByTestId('cpts-public-address').getByText(`${stack.url}/cpts/pays-de-brive/annuaire`).waitFor();
      await checkScreen(page, 'region fiche cpts');
      await page.getByRole('button', { name: 'Inviter la coordination' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Adresse e-mail').fill(coordinatorEmail);
      await checkScreen(page, 'region inviter coordination');
      await dialog.getByRole('button', { name: "Envoyer l'invitation" }).click();
      await page.getByText(`${coordinatorEmail} est invité·e à coordonner CPTS du Pays de Brive.`).waitFor();
      // The new CPTS is in the region's list with its figures.
      await page.getByRole('link', { name: 'CPTS de la région' }).first().click();
      await page.getByRole('link', { name: 'CPTS du Pays de Brive' }).first().waitFor();
      await checkScreen(page, 'region liste cpts');
      await page.getByRole('link', { name: 'Équipe régionale' }).first().click();
      await page.getByText(people.missionOfficer).waitFor();
      await checkScreen(page, 'region equipe');
    });
    expect(cptsPath).not.toBe('');

    const link = await linkFromMail(stack.sink, coordinatorEmail, /https?:\/\/\S+\/invitation#[\w-]+/);
    expect(link.startsWith(`${stack.url}/invitation#`)).toBe(true);
    await scenario(stack, 'coordinator accepts the invitation', async (page) => {
      await page.goto(link);
      await page.getByText('CPTS du Pays de Brive').waitFor();
      await page.getByText('Coordination', { exact: true }).waitFor();
      await checkScreen(page, 'invitation');
      await page.getByLabel('Prénom et nom').fill('Nadia Coordinatrice');
      await page.getByLabel('Nouveau mot de passe').fill('un mot de passe solide');
      await page.getByLabel('Confirmez le mot de passe').fill('un mot de passe solide');
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      await page.waitForURL('**/connexion?bienvenue=1**');
      await page.getByText('Votre compte est prêt').waitFor();
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(coordinatorEmail);
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('un mot de passe solide');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL('**/cpts');
      await page.getByRole('heading', { level: 1, name: 'Bonjour Nadia' }).waitFor();
      expect(await header(page).context.textContent()).toBe('CPTS du Pays de Brive');
      expect(await header(page).role.textContent()).toBe('Coordination');
    });
  });

  it('lets the coordinator add a professional, find it without accents, edit it, and see a French error next to a bad email', async () => {
    await scenario(stack, 'directory', async (page) => {
      await signIn(page, people.coordinator);
      await page.getByRole('link', { name: 'Annuaire' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Annuaire des professionnels' }).waitFor();
      await page.getByText('3 professionnels').waitFor();
      await checkScreen(page, 'annuaire');
      await page.getByRole('link', { name: 'Ajouter un professionnel' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nouveau professionnel' }).waitFor();
      await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Lefèvre');
      await page.getByLabel('Prénom').fill('Hélène');
      await page.getByRole('combobox', { name: 'Profession', exact: true }).click();
      await page.getByRole('option', { name: 'Infirmier', exact: true }).click();
      await page.getByRole('combobox', { name: 'Commune', exact: true }).click();
      await page.getByRole('option').first().click();
      await page.getByLabel('Téléphone').fill('05 53 12 34 56');
      await checkScreen(page, 'annuaire nouveau');
      await page.getByRole('button', { name: "Ajouter à l'annuaire" }).click();
      await page.waitForURL('**/annuaire');
      await page.getByText("Hélène Lefèvre est ajouté·e à l'annuaire.").waitFor();

      // Search as you type, part of the name, no accents.
      await page.getByLabel('Rechercher par nom').fill('lefe');
      await page.waitForURL('**/annuaire?q=lefe');
      await page.getByText('1 professionnel', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'LEFÈVRE Hélène' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Hélène Lefèvre' }).waitFor();
      await page.getByRole('link', { name: 'Modifier la fiche' }).click();
      await page.waitForURL(/\/annuaire\/[0-9a-f-]{36}\/modifier$/);

      // A bad email: the server's French message next to the email field.
      const email = page.getByLabel('Adresse e-mail');
      await email.fill('helene.lefevre@');
      await page.getByLabel("Structure d'exercice").fill('Cabinet infirmier du bourg');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Adresse e-mail invalide.').first().waitFor();
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const fieldMessages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(fieldMessages.join(' ')).toContain('Adresse e-mail invalide.');
      await checkScreen(page, 'annuaire erreur email');

      await email.fill('helene.lefevre@sante.test');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL(/\/annuaire\/[0-9a-f-]{36}$/);
      await page.getByText('La fiche de Hélène Lefèvre est enregistrée.').waitFor();
      await page.getByRole('region', { name: 'Coordonnées' }).getByText('helene.lefevre@sante.test').waitFor();
      await checkScreen(page, 'fiche personne');
      await page.getByRole('link', { name: 'Annuaire' }).first().click();
      await page.getByLabel('Rechercher par nom').fill('helene');
      await page.getByText('helene.lefevre@sante.test').first().waitFor();
      await page.getByText('Cabinet infirmier du bourg').first().waitFor();

      // Filters: a profession with nobody in it gives an honest empty state.
      await page.getByLabel('Rechercher par nom').fill('');
      await page.getByRole('combobox', { name: 'Professions', exact: true }).click();
      await page.getByRole('option', { name: 'Sage-femme' }).click();
      await page.keyboard.press('Escape');
      await page.getByText('Aucun professionnel ne correspond').waitFor();
      await checkScreen(page, 'annuaire aucun resultat');
    });
  });

  it("shows 'introuvable' to a user of one CPTS who types the address of another CPTS's professional", async () => {
    await scenario(stack, 'cross tenant', async (page) => {
      await signIn(page, people.coordinator);
      await page.waitForURL('**/cpts');
      await page.goto(`/annuaire/${otherProfessionalId}`);
      await page.getByRole('heading', { level: 1, name: 'Professionnel introuvable' }).waitFor();
      await page.getByText('Professionnel introuvable.').waitFor();
      expect(await page.getByText('Bordelais').count()).toBe(0);
      await checkScreen(page, 'annuaire introuvable');
    });
    // And the other CPTS's own coordinator does see it.
    await scenario(stack, 'own tenant', async (page) => {
      await signIn(page, people.otherCoordinator);
      await page.goto(`/annuaire/${otherProfessionalId}`);
      await page.getByRole('heading', { level: 1, name: 'Bordelais Secret' }).waitFor();
    });
  });

  it('resets a forgotten password from the emailed link', async () => {
    await scenario(stack, 'forgot password', async (page) => {
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill(people.forgetful);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(people.forgetful);
      await checkScreen(page, 'mot de passe oublie');
      await page.getByRole('button', { name: 'Recevoir le lien' }).click();
      await page.getByText('Vérifiez votre boîte e-mail').waitFor();
      await checkScreen(page, 'mot de passe oublie envoye');
      const link = await linkFromMail(stack.sink, people.forgetful, /https?:\/\/\S+\/mot-de-passe\/nouveau#[\w-]+/);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
      await page.getByLabel('Nouveau mot de passe').fill('court');
      await page.getByLabel('Confirmez le mot de passe').fill('court');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Le mot de passe doit contenir au moins 12 caractères.').waitFor();
      await checkScreen(page, 'nouveau mot de passe');
      await page.getByLabel('Nouveau mot de passe').fill('mon nouveau mot de passe');
      await page.getByLabel('Confirmez le mot de passe').fill('mon nouveau mot de passe');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.waitForURL('**/connexion?reinitialise=1**');
      await page.getByText('Votre mot de passe a été changé').waitFor();
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('mon nouveau mot de passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL('**/cpts');
      // The link is spent.
      await page.goto(link);
      await page.getByLabel('Nouveau mot de passe').fill('encore un autre mot de passe');
      await page.getByLabel('Confirmez le mot de passe').fill('encore un autre mot de passe');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Ce lien a déjà servi').waitFor();
    });
  });

  it('says in French when the password is wrong, and when there were too many attempts', async () => {
    await scenario(stack, 'wrong password and rate limit', async (page) => {
      await page.goto('/connexion');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await page.getByLabel('Adresse e-mail').fill(people.locked);
        await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(`pas le bon ${attempt}`);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
        if (attempt === 1) await checkScreen(page, 'connexion mot de passe incorrect');
      }
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByText(/Trop de tentatives\. Réessayez dans \d+ minutes?\./).waitFor();
      expect(new URL(page.url()).pathname).toBe('/connexion');
      await checkScreen(page, 'connexion trop de tentatives');
    });
  });
  it('lets the staff import the Annuaire Santé extraction, follow it, read its report, and see a refused file explained', async () => {
    const header = ["Type d'identifiant PP", 'Identifiant PP', 'Identification nationale PP', "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Libellé profession', 'Code mode exercice', 'Raison sociale site', 'Code commune (coord. structure)', 'Libellé commune (coord. structure)', 'Téléphone (coord. structure)', 'Adresse e-mail (coord. structure)'];
    const row = (rpps: string, last: string, first: string, profession: string, commune: string, structure = '') => ['8', rpps, `8${rpps}`, last, first, profession, '', 'L', structure, commune, '', '0553000000', ''].join('|') + '|';
    const file = [
      header.join('|') + '|',
      row('10000000009', 'GARNIER', 'Inès', '60', cptsA.communes[1], 'Cabinet infirmier des Tilleuls'),
      row('10000000017', 'FAURE', 'Louis', '70', cptsA.communes[2]),
      row('10000000025', 'ROUX', 'Anne', '21', cptsA.communes[3], 'Pharmacie du Marché'),
      row('10000000033', 'LOIN', 'Marc', '10', '75056'),
      ['0', '12345678', '012345678', 'ADELI', 'Jean', '10', '', 'L', '', cptsA.communes[1], '', '', ''].join('|') + '|',
    ].join('\r\n');
    await scenario(stack, 'directory import', async (page) => {
      await signIn(page, people.staff);
      await page.goto('/annuaire');
      await page.getByRole('link', { name: "Importer l'Annuaire Santé" }).click();
      await page.getByRole('heading', { level: 1, name: "Importer l'Annuaire Santé" }).waitFor();
      // No file chosen: said next to the field.
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.getByText("Choisissez le fichier de l'extraction.").waitFor();
      await checkScreen(page, 'import annuaire');
      await page.locator('input[type=file]').setInputFiles({ name: 'PS_LibreAcces_Personne_activite_202611010930.txt', mimeType: 'text/plain', buffer: Buffer.from(file, 'utf8') });
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.waitForURL(/\/annuaire\/import\/[0-9a-f-]{36}$/);
      await page.getByText('Import terminé').waitFor({ timeout: 30_000 });
      const figure = (label: string) => page.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');
      expect(await figure('Ajoutés').textContent()).toBe('3');
      expect(await figure('Lignes écartées').textContent()).toBe('1');
      await page.getByRole('cell', { name: 'Numéro RPPS absent (professionnel ADELI)' }).waitFor();
      await page.getByRole('cell', { name: '6', exact: true }).waitFor();
      await checkScreen(page, 'import annuaire rapport');
      await page.getByRole('link', { name: "Retour à l'annuaire" }).click();
      await page.getByLabel('Rechercher par nom').fill('garn');
      await page.waitForURL('**/annuaire?q=garn');
      await page.getByText('1 professionnel', { exact: true }).waitFor();
      await page.getByText('Cabinet infirmier des Tilleuls').first().waitFor();
      // The list as filtered on screen, as a spreadsheet file.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter la liste (CSV)' }).click()]);
      expect(download.suggestedFilename()).toBe('annuaire.csv');
      const exported = readFileSync(await download.path(), 'utf8').split('\r\n');
      expect(exported[0]).toMatch(/^\uFEFFNom;Prénom;Profession;/);
      expect(exported.slice(1).filter(Boolean)).toEqual([expect.stringMatching(/^GARNIER;Inès;Infirmier;60;10000000009;[^;]+;[0-9]{5};Cabinet infirmier des Tilleuls;;;05 53 00 00 00;;$/)]);

      // A hand edit, then a newer extraction that says otherwise: the report shows it, and one click settles it.
      await page.getByRole('link', { name: 'GARNIER Inès' }).first().click();
      await page.getByRole('link', { name: 'Modifier la fiche' }).click();
      await page.getByLabel("Structure d'exercice").fill('Cabinet des Tilleuls');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL(/\/annuaire\/[0-9a-f-]{36}$/);
      const garnierPage = page.url();
      await page.goto('/annuaire/import');
      const newer = [header.join('|') + '|', row('10000000009', 'GARNIER', 'Inès', '60', cptsA.communes[1], 'Pôle santé des Tilleuls')].join('\r\n');
      await page.locator('input[type=file]').setInputFiles({ name: 'PS_LibreAcces_Personne_activite_202612010930.txt', mimeType: 'text/plain', buffer: Buffer.from(newer, 'utf8') });
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.getByText('Import terminé').waitFor({ timeout: 30_000 });
      const conflictRow = page.getByRole('row').filter({ hasText: 'Pôle santé des Tilleuls' });
      await conflictRow.getByRole('cell', { name: 'Cabinet des Tilleuls', exact: true }).waitFor();
      await checkScreen(page, 'import annuaire ecart');
      await conflictRow.getByRole('button', { name: "Prendre l'extraction" }).click();
      await conflictRow.getByText("Valeur de l'extraction appliquée").waitFor();
      await page.goto(garnierPage);
      await page.getByRole('region', { name: 'Coordonnées' }).getByText('Pôle santé des Tilleuls').waitFor();
      // A site's field: the history names the site.
      await page.getByText(/^Valeur de l'Annuaire Santé appliquée pour structure d'exercice \(Cabinet des Tilleuls, .+\) : « Pôle santé des Tilleuls » \(au lieu de « Cabinet des Tilleuls »\)\.$/).waitFor();

      // A file that is not the extraction: refused, explained, nothing changed.
      await page.goto('/annuaire/import');
      await page.locator('input[type=file]').setInputFiles({ name: 'contacts.txt', mimeType: 'text/plain', buffer: Buffer.from("Nom d'exercice|Prénom d'exercice|\nDUPONT|Jean|\n", 'utf8') });
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.getByText("Le fichier n'a pas pu être importé").waitFor({ timeout: 30_000 });
      await page.getByText(/Colonnes manquantes/).waitFor();
      await page.getByText("L'annuaire n'a pas été modifié.").waitFor();
      await checkScreen(page, 'import annuaire refuse');
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Derniers imports' }).waitFor();
      await page.getByText('Refusé').first().waitFor();

      // The November extraction again, now older than December's: asked to confirm before anything is sent.
      await page.locator('input[type=file]').setInputFiles({ name: 'PS_LibreAcces_Personne_activite_202611010930.txt', mimeType: 'text/plain', buffer: Buffer.from(file, 'utf8') });
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.getByText(/^Extraction du 1er novembre 2026 plus ancienne que celle du 1er décembre 2026 importée le .+ : l'importer ramènerait les fiches à ses valeurs, plus anciennes\./).waitFor();
      expect(new URL(page.url()).pathname).toBe('/annuaire/import');
      await checkScreen(page, 'import annuaire extraction plus ancienne');
      await page.getByLabel('Je confirme : importer quand même cette extraction plus ancienne').check();
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.getByText('Import terminé').waitFor({ timeout: 30_000 });
      await page.getByTestId('older-confirmation').getByText(/^Importée sur confirmation de .+ le .+ : extraction du 1er novembre 2026 plus ancienne que celle du 1er décembre 2026 importée le .+\.$/).waitFor();
      await checkScreen(page, 'import annuaire rapport extraction plus ancienne');
    });
  });
});
