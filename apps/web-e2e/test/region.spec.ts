import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/** Waits until the locator matches exactly `count` elements. */
async function countIs(locator: Locator, count: number): Promise<void> {
  if (count > 0) await locator.nth(count - 1).waitFor();
  await locator.nth(count).waitFor({ state: 'detached' });
}

const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/** Rows written as the owner, confined to the region (row-level security is forced on the owner too). */
async function inRegion(stack: Stack, regionId: string, sql: string, params: unknown[]): Promise<void> {
  const client = await stack.data.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.region_id', $1, true)`, [regionId]);
    await client.query(sql, params);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/**
 * The region's side in a real browser: a mission officer's table of the
 * CPTS they follow (sorting, filtering by governance health, figures against
 * last year), a CPTS's read-only page with its health and charts, and the
 * observatory, where the region admin takes a snapshot and reads the trend.
 */
describe("the region: the officer's table, a CPTS's figures and charts, the observatory", () => {
  let stack: Stack;
  let regionId: string;
  let lively: { id: string; communes: string[] };
  let quiet: { id: string; communes: string[] };
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    regionId = await data.region('84');
    lively = await data.cpts(regionId, { name: 'CPTS Vallée Vive', departement: '24' });
    quiet = await data.cpts(regionId, { name: 'CPTS Plateau Calme', departement: '16' });
    officer = (await data.user([{ role: Role.MISSION_OFFICER, regionId }], 'charge.mission@e2e-region.cpts.fr')).email;
    const officerId = (await data.pool.query(`SELECT id FROM users WHERE email = $1`, [officer])).rows[0].id;
    await data.follow(officerId, [lively.id, quiet.id]);
    admin = (await data.user([{ role: Role.REGION_ADMIN, regionId }], 'admin.region@e2e-region.cpts.fr')).email;

    // The lively CPTS: professionals and members of two years, a working group that met, a bureau with a mandate ending soon.
    const pros: string[] = [];
    for (const [lastName, professionCode] of [
      ['Martin', '10'],
      ['Bernard', '10'],
      ['Petit', '60'],
      ['Durand', '70'],
      ['Leroy', '26'],
    ])
      pros.push(await data.professional(lively.id, lively.communes[0], { lastName, professionCode }));
    await data.inTenant(lively.id, async (db) => {
      const membership = `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 2000, 'liberal')`;
      for (const p of pros) await db.query(membership, [lively.id, p, year]);
      for (const p of pros.slice(0, 3)) await db.query(membership, [lively.id, p, year - 1]);
      for (const p of pros.slice(0, 2)) await db.query(membership, [lively.id, p, year - 2]);
      const group = randomUUID();
      await db.query(
        `INSERT INTO working_groups (tenant_id, id, name, missions, status) VALUES ($1, $2, 'Parcours diabète', ARRAY['care_pathways', 'prevention'], 'active')`,
        [lively.id, group],
      );
      const meeting = randomUUID();
      await db.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place, guest_count)
         VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', 'Réunion', greatest(now() - interval '3 days', date_trunc('year', now()) + interval '1 hour'), greatest(now() - interval '3 days', date_trunc('year', now()) + interval '1 hour') + interval '1 hour', 'Maison de santé', 2)`,
        [lively.id, meeting, group],
      );
      for (const p of pros.slice(0, 4))
        await db.query(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, attendance) VALUES ($1, gen_random_uuid(), $2, $3, 'Invité', 'present')`,
          [lively.id, meeting, p],
        );
      const bureau = randomUUID();
      await db.query(
        `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_at) VALUES ($1, $2, 'bureau', 'Bureau', 5, '{}', now() - interval '2 years')`,
        [lively.id, bureau],
      );
      await db.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place) VALUES ($1, gen_random_uuid(), 'governance_instance', $2, 'Bureau', 'Bureau', now() - interval '20 days', now() - interval '20 days' + interval '1 hour', 'Siège')`,
        [lively.id, bureau],
      );
      await db.query(
        `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, starts_on, ends_on, obtained) VALUES ($1, gen_random_uuid(), $2, $3, 'president', current_date - 700, current_date + 45, 'elected')`,
        [lively.id, bureau, pros[0]],
      );
    });
    // The quiet CPTS: a CA that has not met for a year.
    await data.professional(quiet.id, quiet.communes[0], { lastName: 'Calme' });
    await data.inTenant(quiet.id, async (db) => {
      const ca = randomUUID();
      await db.query(
        `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_at) VALUES ($1, $2, 'ca', 'Conseil d''administration', 12, '{}', now() - interval '3 years')`,
        [quiet.id, ca],
      );
      await db.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place) VALUES ($1, gen_random_uuid(), 'governance_instance', $2, 'CA', 'CA', now() - interval '13 months', now() - interval '13 months' + interval '2 hours', 'Mairie')`,
        [quiet.id, ca],
      );
    });
    // Last year's snapshots, so the observatory has a trend from the start.
    for (const [cpts, name, departement, members] of [
      [lively, 'CPTS Vallée Vive', '24', 3],
      [quiet, 'CPTS Plateau Calme', '16', 0],
    ] as const) {
      await inRegion(
        stack,
        regionId,
        `INSERT INTO region_snapshots (region_id, id, tenant_id, year, kind, taken_at, indicators) VALUES ($1, gen_random_uuid(), $2, $3, 'year_end', now(), $4)`,
        [regionId, cpts.id, year - 1, JSON.stringify({ name, departementCodes: [departement], members, professionals: members + 1 })],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const table = (page: Page) => page.getByTestId('region-table');

  it('the mission officer reads the table of the CPTS they follow, sorts it and filters it by governance health', async () => {
    await scenario(stack, 'region officer table', async (page) => {
      await signIn(page, officer);
      await page.goto('/mes-cpts');
      await table(page).waitFor();
      const rows = table(page).locator('tbody tr');
      await countIs(rows, 2);
      const livelyRow = page.getByTestId(`region-row-${lively.id}`);
      await expect(livelyRow.innerText()).resolves.toContain('5');
      await expect(livelyRow.innerText()).resolves.toContain(`3 en ${year - 1}`);
      await expect(livelyRow.innerText()).resolves.toMatch(/Bureau : 1 mandat se termine dans 4[45] jours/);
      await expect(page.getByTestId(`region-row-${quiet.id}`).innerText()).resolves.toContain(
        "Aucune réunion « Conseil d'administration » depuis 13 mois",
      );
      // Sorted by members, most first; then only the CPTS on alert.
      await page.getByRole('button', { name: 'Trier par Adhérents' }).click();
      await expect(rows.first().innerText()).resolves.toContain('CPTS Vallée Vive');
      await page.getByRole('combobox', { name: 'Santé de la gouvernance' }).click();
      await page.getByRole('option', { name: 'Alerte' }).click();
      await countIs(rows, 1);
      await expect(rows.first().innerText()).resolves.toContain('CPTS Plateau Calme');
      await page.getByRole('combobox', { name: 'Santé de la gouvernance' }).click();
      await page.getByRole('option', { name: 'Tous les niveaux' }).click();
      await countIs(rows, 2);
      await checkScreen(page, 'region officer table');
      // The CSV export carries the same rows.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(download.suggestedFilename()).toBe(`mes-cpts-${year}.csv`);
    });
  });

  it("a figure leads to the CPTS's read-only page, with its governance health and its charts", async () => {
    await scenario(stack, 'region cpts figures', async (page) => {
      await signIn(page, officer);
      await page.goto('/mes-cpts');
      await page.getByTestId(`region-row-${lively.id}`).getByRole('link', { name: 'CPTS Vallée Vive' }).click();
      await page.getByTestId('governance-health').waitFor();
      await expect(page.getByTestId('governance-health').textContent()).resolves.toContain('À surveiller');
      const members = page.getByTestId('members-chart');
      await members.locator('svg').waitFor();
      await expect(members.getAttribute('aria-label')).resolves.toContain(`${year - 2} 2, ${year - 1} 3, ${year} 5`);
      const missions = page.getByTestId('missions-chart');
      await missions.locator('svg').waitFor();
      await expect(missions.getAttribute('aria-label')).resolves.toContain('Parcours pluriprofessionnels 6');
      await checkScreen(page, 'region cpts figures');
    });
  });

  it('the region admin takes a snapshot and reads the trend per département in the observatory', async () => {
    await scenario(stack, 'region observatory', async (page) => {
      await signIn(page, admin);
      await page.goto('/region/observatoire');
      await page.getByTestId('observatory-table').waitFor();
      await page.getByRole('button', { name: 'Prendre un instantané' }).click();
      await page.getByText('Instantané pris pour 2 CPTS.').waitFor();
      const table = page.getByTestId('observatory-table');
      await table.locator('thead').getByText(String(year), { exact: true }).waitFor();
      await expect(table.innerText()).resolves.toMatch(/CPTS Vallée Vive \(24\)\s+3\s+5/);
      await page.getByTestId('observatory-chart').locator('svg').waitFor();
      // One département only.
      await page.getByRole('combobox', { name: 'Département' }).click();
      await page.getByRole('option', { name: '16', exact: true }).click();
      await expect(table.locator('tbody tr').first().innerText()).resolves.toContain('CPTS Plateau Calme');
      await page.getByRole('combobox', { name: 'Département' }).click();
      await page.getByRole('option', { name: 'Tous les départements' }).click();
      await expect(table.innerText()).resolves.toContain('CPTS Vallée Vive');
      await checkScreen(page, 'region observatory');
    });
  });
});
