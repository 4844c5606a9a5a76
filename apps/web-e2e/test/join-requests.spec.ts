import { Role } from '@cpts/platform-core';
import { GraphQLClient } from '@cpts/testing';
import { checkScreen, linkFromMail, PASSWORD, scenario, signIn, Stack, startStack } from './harness';

const GROUP = `mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`;
const JOIN_URL = `query($id: ID!) { workingGroup(id: $id) { joinUrl } }`;

/**
 * Joining a working group from a newsletter, in a real browser with the real
 * gateway, worker and SMTP sink: a professional opens the group's link on a
 * phone, without an account, reads the group and its frame and asks to
 * join; a referent sees the request on the group page and accepts it; the
 * professional joins the group and gets the welcome email. The CPTS's
 * mission officer then reads the group's figures, read-only.
 */
describe('working groups seen from outside the team: joining from a link, and the mission officer', () => {
  let stack: Stack;
  let staffEmail: string;
  let joinUrl: string;
  let officerEmail: string;
  let cptsId: string;
  const nurse = 'ines.garnier@cabinet-cognac.test';

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const region = await data.region('75');
    const cpts = await data.cpts(region, { name: 'CPTS du Cognaçais', departement: '16', communes: 1 });
    cptsId = cpts.id;
    const officer = await data.user([{ role: Role.MISSION_OFFICER, regionId: region }], 'charge.mission@e2e.cpts.fr');
    officerEmail = officer.email;
    await data.follow(officer.id, [cpts.id]);
    staffEmail = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.adhesion@e2e.cpts.fr')).email;
    await data.professional(cpts.id, cpts.communes[0], { lastName: 'Garnier', firstName: 'Inès', professionCode: '60', email: nurse });
    const staff = new GraphQLClient(stack.url, { 'x-forwarded-for': '203.0.113.41' });
    const login = await staff.login(staffEmail, PASSWORD);
    if (login.errors) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    const groupId = (
      await staff.ok<{ createWorkingGroup: { id: string } }>(GROUP, {
        i: {
          name: 'Soins palliatifs à domicile',
          missions: ['CARE_PATHWAYS', 'PROFESSIONAL_SUPPORT'],
          description: 'Coordonner les retours à domicile en fin de vie.',
          frame: { purpose: 'Un appui pour les soignants de ville.', confidentiality: 'Aucune situation nominative.' },
        },
      })
    ).createWorkingGroup.id;
    joinUrl = (await staff.ok<{ workingGroup: { joinUrl: string } }>(JOIN_URL, { id: groupId })).workingGroup.joinUrl;
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('takes a request from the link on a phone, and the staff accept it from the group page', async () => {
    await scenario(stack, 'join request', async (page) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(new URL(joinUrl).pathname);
      await page.getByRole('heading', { level: 1, name: 'Soins palliatifs à domicile' }).waitFor();
      await page.getByText('Objet : Un appui pour les soignants de ville.').waitFor();
      await page.getByText('Parcours pluriprofessionnels').waitFor();
      // Without a name: the API's French words, by the field.
      await page.getByLabel('Adresse e-mail').fill(nurse);
      await page.getByLabel('Profession').fill('Infirmière');
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await page.getByText('Prénom : à remplir.').waitFor();
      await checkScreen(page, 'groupe rejoindre');
      await page.getByLabel('Prénom').fill('Inès');
      await page.getByRole('textbox', { name: /^Nom/ }).fill('Garnier');
      await page.getByLabel('Un mot pour les référents (facultatif)').fill('Je fais beaucoup de soins palliatifs.');
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await page.getByRole('status').getByText('Demande envoyée').waitFor();
      await checkScreen(page, 'groupe rejoindre envoyé');
    });

    await scenario(stack, 'join request accepted', async (page) => {
      await signIn(page, staffEmail);
      await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
      await page.getByRole('link', { name: 'Soins palliatifs à domicile' }).click();
      const requests = page.getByRole('region', { name: 'Demandes pour rejoindre le groupe' });
      const request = requests.getByRole('article', { name: 'Inès Garnier' });
      await request.getByText('« Je fais beaucoup de soins palliatifs. »').waitFor();
      await request.getByText("Dans l'annuaire : Garnier Inès").waitFor();
      expect(await requests.getByLabel("Lien à mettre dans une lettre d'information").inputValue()).toBe(joinUrl);
      await checkScreen(page, 'groupe demandes adhésion');
      await request.getByRole('button', { name: 'Accepter la demande de Inès Garnier' }).click();
      await requests.getByText('Aucune demande en attente.').waitFor();
      await page
        .getByRole('region', { name: /^Référents et membres/ })
        .getByText('Garnier Inès')
        .waitFor();
    });

    // The welcome email reaches her (the worker sends it from the outbox).
    expect(await linkFromMail(stack.sink, nurse, /a été acceptée/)).toBe('a été acceptée');
  });

  it("shows the mission officer the followed CPTS's groups as figures, without names and without a way to change them", async () => {
    await scenario(stack, 'followed groups', async (page) => {
      await signIn(page, officerEmail);
      await page.goto(`/mes-cpts/${cptsId}`);
      const groups = page.getByRole('region', { name: 'Groupes de travail' });
      const row = groups.getByRole('row', { name: /Soins palliatifs à domicile/ });
      await row.getByText('1 (dont 0 référent·e·s)').waitFor();
      await row.getByText('Parcours pluriprofessionnels · Accompagnement des professionnels').waitFor();
      expect(await groups.getByText('Garnier', { exact: false }).count()).toBe(0);
      expect(await groups.getByRole('button').count()).toBe(0);
      await checkScreen(page, 'cpts suivie groupes de travail');
    });
  });
});
