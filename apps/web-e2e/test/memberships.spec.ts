import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/** The year in France, as the server counts it. */
const Y = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/**
 * Memberships in a real browser: the staff open the renewal of the year,
 * record a payment on a person's page, read the yearly figure per
 * profession, close the renewal for the unpaid, and set an involvement level.
 */
describe('memberships (adhésions) in the web app', () => {
  let stack: Stack;
  let staff: string;
  let renewing: string;
  let newcomer: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const cpts = await data.cpts(await data.region('75'), { name: 'CPTS Val de Charente', departement: '16', communes: 3 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.adhesions@e2e.cpts.fr')).email;
    renewing = await data.professional(cpts.id, cpts.communes[0], { lastName: 'Durand', firstName: 'Élise', professionCode: '60' });
    newcomer = await data.professional(cpts.id, cpts.communes[1], { lastName: 'Martin', firstName: 'Paul', professionCode: '70' });
    // Élise was a member last year: opening this year renews her (pending until she pays).
    await data.inTenant(cpts.id, (client) =>
      client.query(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college)
         VALUES ($1, gen_random_uuid(), $2, $3, 'active', 1500, $4, 'transfer', 'msp')`,
        [cpts.id, renewing, Y - 1, `${Y - 1}-02-01`],
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const pick = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('opens the year, records a membership, counts members per profession, lapses the unpaid and sets an involvement level', async () => {
    await scenario(stack, 'memberships', async (page) => {
      await signIn(page, staff);
      await page.getByRole('link', { name: 'Adhésions' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Adhésions' }).waitFor();
      await page.getByText(`Aucune adhésion en ${Y}`).waitFor();
      await checkScreen(page, 'adhesions vide');

      // Open the year: a confirmation says what will happen, with the fee.
      await page.getByRole('button', { name: `Ouvrir l'année ${Y}` }).click();
      const openDialog = page.getByRole('dialog', { name: `Ouvrir l'année ${Y}` });
      await openDialog.getByText(`pour chaque adhérent actif en ${Y - 1}`).waitFor();
      await openDialog.getByLabel("Cotisation de l'année").fill('20');
      await checkScreen(page, 'adhesions ouvrir annee');
      await openDialog.getByRole('button', { name: `Ouvrir ${Y}` }).click();
      await page.getByText(`Année ${Y} ouverte : 1 adhésion en attente créée.`).waitFor();
      const row = page.getByRole('row', { name: /Durand Élise/ });
      await row.getByText('En attente').waitFor();
      await row.getByText('20,00 €').waitFor();
      await row.getByText('Équipes de soins primaires (MSP)').waitFor();
      await checkScreen(page, 'adhesions liste');

      // A new member from the person's page.
      await page.goto(`/annuaire/${newcomer}`);
      await page.getByRole('heading', { level: 1, name: 'Paul Martin' }).waitFor();
      await page.getByText('Aucune adhésion enregistrée.').waitFor();
      await page.getByRole('button', { name: 'Ajouter une adhésion' }).click();
      const form = page.getByRole('dialog', { name: 'Nouvelle adhésion' });
      await form.getByRole('textbox', { name: /^Cotisation/ }).fill('20');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      // Active with a fee: the payment is asked for, next to its fields.
      await form.getByText('Un adhérent actif a réglé sa cotisation : indiquez la date du paiement.').waitFor();
      await form.getByLabel('Réglée le').fill(`${Y}-01-12`);
      await pick(page, 'Moyen de paiement', 'Chèque');
      await checkScreen(page, 'fiche adhesion formulaire');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await form.waitFor({ state: 'detached' });
      const memberships = page.getByRole('region', { name: 'Adhésions' });
      await memberships.getByText(`20,00 € · réglée le 12 janvier ${Y} par chèque`).waitFor();
      await memberships.getByText('Adhérent', { exact: true }).waitFor();
      await page.getByText(`Adhésion ${Y} : active, 20,00 € réglés par chèque le 12/01/${Y}.`).waitFor();

      // The membership makes him a member; the staff raise him to referent by hand.
      const involvement = page.getByRole('region', { name: 'Implication' });
      await involvement.getByText('Adhésion active (cette année ou l\'an dernier) : Adhérent').waitFor();
      await pick(page, 'Niveau fixé à la main', 'Référent');
      await page.getByText("Niveau d'implication enregistré : Référent.").waitFor();
      await involvement.getByText("Fixé à la main par l'équipe : Référent").waitFor();
      await page.getByText("Niveau d'implication fixé à la main : référent (niveau retenu : référent).").waitFor();
      await checkScreen(page, 'fiche adhesions implication');

      // A membership entered by mistake is deleted after a confirmation; the history keeps it.
      await page.getByRole('button', { name: 'Ajouter une adhésion' }).click();
      await pick(page, 'Année', String(Y - 1));
      await form.getByRole('textbox', { name: /^Cotisation/ }).fill('0');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await memberships.getByRole('row', { name: new RegExp(`${Y - 1}`) }).getByText('Gratuite').waitFor();
      await page.getByRole('button', { name: `Modifier l'adhésion ${Y - 1}` }).click();
      const edit = page.getByRole('dialog', { name: `Adhésion ${Y - 1}` });
      await edit.getByRole('button', { name: 'Supprimer' }).click();
      await edit.getByText(`Supprimer l'adhésion ${Y - 1}, saisie par erreur ?`, { exact: false }).waitFor();
      await edit.getByRole('button', { name: "Supprimer l'adhésion" }).click();
      await page.getByText(`Adhésion ${Y - 1} supprimée.`).waitFor();
      await page.getByText(`Adhésion ${Y - 1} supprimée (elle indiquait : active, gratuite).`).waitFor();
      expect(await memberships.getByRole('row', { name: new RegExp(`${Y - 1}`) }).count()).toBe(0);

      // The yearly figure per profession.
      await page.goto(`/adhesions?annee=${Y}&vue=professions`);
      const kine = page.getByRole('row', { name: /Masseurs-kinésithérapeutes/ });
      await kine.waitFor();
      expect((await kine.getByRole('cell').allTextContents()).slice(0, 5)).toEqual(['1', '0', '0', '0', '1']);
      const nurses = page.getByRole('row', { name: /Infirmiers/ });
      expect((await nurses.getByRole('cell').allTextContents()).slice(0, 5)).toEqual(['0', '1', '0', '0', '1']);
      await page.getByText(`Adhérents actifs en ${Y} : 1.`).waitFor();
      await checkScreen(page, 'adhesions par profession');

      // Who did not renew; closing the renewal marks the unpaid.
      await page.getByRole('tab', { name: 'Non renouvelés' }).click();
      await page.getByText(`1 adhérent de ${Y - 1} n'est pas adhérent en ${Y}.`).waitFor();
      const lapsed = page.getByRole('row', { name: /Durand Élise/ });
      await lapsed.getByText('En attente').waitFor();
      await lapsed.getByText('15,00 €').waitFor();
      await checkScreen(page, 'adhesions non renouveles');
      await page.getByRole('button', { name: 'Passer les impayés en « non renouvelé »' }).click();
      const confirm = page.getByRole('dialog', { name: `Clore le renouvellement ${Y}` });
      await confirm.getByText(`1 adhésion ${Y} est encore en attente de paiement.`, { exact: false }).waitFor();
      await confirm.getByRole('button', { name: 'Passer en « non renouvelé »' }).click();
      await page.getByText('1 adhésion passée en « non renouvelé ».').waitFor();
      await lapsed.getByText('Non renouvelé').waitFor();
      await page.getByRole('button', { name: 'Passer les impayés en « non renouvelé »' }).waitFor({ state: 'detached' });

      // The list of the year, filtered by status.
      await page.getByRole('tab', { name: "Adhésions de l'année" }).click();
      await pick(page, 'Statut', 'Non renouvelé');
      await page.getByText('1 adhésion', { exact: true }).waitFor();
      await page.getByRole('row', { name: /Durand Élise/ }).waitFor();
      expect(await page.getByRole('row', { name: /Martin Paul/ }).count()).toBe(0);
    });
  });
});
