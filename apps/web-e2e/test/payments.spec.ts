import { randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/** A Paris calendar day `days` from now ("2026-11-30"). */
const parisDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));

/**
 * Payments to professionals in a real browser, with the real gateway: the
 * coordinator sets the indemnity rate and computes the indemnities of a
 * meeting of the bureau held three days ago (a non-member left out, said
 * why); the bureau's treasurer ticks a line, marks it paid with the
 * transfer's reference and opens the person's printable yearly statement;
 * another board member is told the page is the treasurer's; the platform
 * admin reads the PASS of each year.
 */
describe('payments to professionals in the web app', () => {
  let stack: Stack;
  let coordinator: string;
  let treasurer: string;
  let board: string;
  let admin: string;
  const meetingDay = parisDay(-3);
  const year = Number(meetingDay.slice(0, 4));

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    const cpts = await data.cpts(await data.region('75'), { name: 'CPTS des Deux Rives', departement: '24', communes: 1 });
    coordinator = (await data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }], 'coord.paiements@e2e.cpts.fr')).email;
    treasurer = (await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], 'tresorier.paiements@e2e.cpts.fr')).email;
    board = (await data.user([{ role: Role.BOARD_MEMBER, tenantId: cpts.id }], 'bureau.paiements@e2e.cpts.fr')).email;
    admin = (await data.user([{ role: Role.PLATFORM_ADMIN }], 'admin.paiements@e2e.cpts.fr')).email;
    const person = (lastName: string, email: string | null = null) =>
      data.professional(cpts.id, cpts.communes[0], { lastName, firstName: 'Claire', email });
    const [martin, roux, blanc] = [await person('Martin', treasurer), await person('Roux'), await person('Blanc')];
    // The PASS of the meeting's year (seeded for 2025 and 2026; entered here for a later run).
    await data.pool.query(`INSERT INTO pass_ceilings (year, amount_cents) VALUES ($1, 4806000) ON CONFLICT (year) DO NOTHING`, [year]);
    const bureau = randomUUID();
    const meeting = randomUUID();
    await data.inTenant(cpts.id, async (db) => {
      for (const id of [martin, roux])
        await db.query(
          `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 0, 'liberal')`,
          [cpts.id, id, year],
        );
      await db.query(
        `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes) VALUES ($1, $2, 'bureau', 'Bureau', 4, '{}')`,
        [cpts.id, bureau],
      );
      await db.query(
        `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, starts_on, obtained) VALUES ($1, gen_random_uuid(), $2, $3, 'treasurer', $4, 'elected')`,
        [cpts.id, bureau, martin, `${year - 1}-06-01`],
      );
      await db.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place)
         VALUES ($1, $2, 'governance_instance', $3, 'Bureau', 'Bureau du mois', ($4::date + time '18:00') AT TIME ZONE 'Europe/Paris', ($4::date + time '18:50') AT TIME ZONE 'Europe/Paris', 'Maison de santé')`,
        [cpts.id, meeting, bureau, meetingDay],
      );
      for (const [id, name, attendance] of [
        [martin, 'Claire Martin', 'present'],
        [roux, 'Claire Roux', 'video'],
        [blanc, 'Claire Blanc', 'present'],
      ])
        await db.query(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, attendance) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
          [cpts.id, meeting, id, name, attendance],
        );
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('the coordinator sets the rate and computes the indemnities of a meeting of the bureau', async () => {
    await scenario(stack, 'payments coordinator', async (page) => {
      await signIn(page, coordinator);
      await page.getByRole('link', { name: 'Paiements' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Paiements aux professionnels' }).waitFor();
      await page.getByText('Taux horaire non fixé').waitFor();
      await page.getByRole('button', { name: 'Modifier le taux' }).click();
      await page.getByLabel('Taux horaire des indemnités').fill('33,33');
      await page.getByRole('button', { name: 'Enregistrer le taux' }).click();
      await page.getByText("33,33 € de l'heure (règlement intérieur)").waitFor();

      const section = page.getByRole('region', { name: "Indemnités des réunions d'instances" });
      await section.getByRole('combobox', { name: 'Instance' }).click();
      await page.getByRole('option', { name: 'Bureau', exact: true }).click();
      await section.getByRole('combobox', { name: 'Réunion tenue' }).click();
      await page.getByRole('option', { name: /Bureau du mois/ }).click();
      await section.getByRole('button', { name: 'Calculer les indemnités' }).click();
      // 50 minutes at 33.33 EUR an hour: 27.775 EUR, rounded half-up to 27.78 EUR.
      await section.getByText("2 lignes créées : 27,78 € chacune (50 min à 33,33 € de l'heure).").waitFor();
      await section.getByText('Non adhérent').waitFor();
      await page.getByRole('table', { name: 'Lignes de paiement' }).getByText('Roux Claire').first().waitFor();
      await checkScreen(page, 'Paiements (coordination)');
    });
  });

  it('the treasurer marks a line paid and prints the yearly statement; another board member is told it is the treasurer’s', async () => {
    await scenario(stack, 'payments treasurer', async (page) => {
      await signIn(page, treasurer);
      await page.goto(`/paiements?annee=${year}`);
      await page.getByRole('heading', { level: 1, name: 'Paiements aux professionnels' }).waitFor();
      await page.getByRole('checkbox', { name: /Cocher : Martin Claire/ }).check();
      await page.getByRole('button', { name: 'Marquer payée' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Référence du virement').fill('VIR-DEUX-RIVES-001');
      await dialog.getByRole('button', { name: 'Marquer payées' }).click();
      await page.getByText('Ligne marquée payée.').waitFor();
      await page
        .getByRole('table', { name: 'Lignes de paiement' })
        .getByText(/réf\. VIR-DEUX-RIVES-001/)
        .waitFor();
      // Not the team: no cancelling, no rate, no indemnities to compute.
      expect(await page.getByRole('button', { name: /Annuler la ligne/ }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Taux des indemnités' }).count()).toBe(0);

      await page.getByRole('link', { name: `État annuel ${year} de Martin Claire` }).click();
      await page.getByRole('heading', { level: 1, name: `État annuel ${year} : Martin Claire` }).waitFor();
      await page.getByRole('table', { name: "Totaux de l'année" }).getByText('27,78 €').first().waitFor();
      await checkScreen(page, 'État annuel des paiements');
    });
    await scenario(stack, 'payments board member', async (page) => {
      await signIn(page, board);
      await page.getByRole('link', { name: 'Paiements' }).first().click();
      await page.getByRole('heading', { name: 'Réservé au trésorier' }).waitFor();
    });
  });

  it('the platform admin reads the PASS of each year', async () => {
    await scenario(stack, 'payments pass', async (page) => {
      await signIn(page, admin);
      await page.getByRole('link', { name: 'Plafond de la sécurité sociale' }).click();
      await page.getByRole('heading', { level: 1, name: 'Plafond annuel de la sécurité sociale (PASS)' }).waitFor();
      await page.getByRole('row', { name: /2025/ }).getByText('47 100,00 €').waitFor();
      await checkScreen(page, 'Plafond annuel de la sécurité sociale');
    });
  });
});
