import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/**
 * A professional who practises at several sites: the staff see them on the
 * person's page, edit one and make it the main one; an import report with
 * several conflicts per person is settled person by person, in one action.
 */
describe('web app: practice sites and settling import conflicts per person', () => {
  let stack: Stack;
  let staff: string;
  let cpts: { id: string; communes: string[] };
  let communeNames: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS du Mellois', departement: '79', communes: 3 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff-lieux@e2e.cpts.fr')).email;
    const { rows } = await data.inTenant(cpts.id, (db) =>
      db.query(`SELECT insee_code, name FROM communes WHERE insee_code = ANY($1)`, [cpts.communes]),
    );
    communeNames = Object.fromEntries(rows.map((r: { insee_code: string; name: string }) => [r.insee_code, r.name]));
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("shows a person's several practice sites, edits one and makes it the main one", async () => {
    const [c1, c2, c3] = cpts.communes;
    const id = await stack.data.professional(cpts.id, c1, {
      lastName: 'Lambert',
      firstName: 'Sophie',
      professionCode: '70',
      phone: '05 49 10 10 10',
    });
    await stack.data.inTenant(cpts.id, async (db) => {
      await db.query(
        `UPDATE professional_sites SET structure_name = 'Cabinet de kinésithérapie du Lac', address = '3 rue du Lac', postal_code = '79500', practice_mode = 'L' WHERE tenant_id = $1 AND professional_id = $2`,
        [cpts.id, id],
      );
      await db.query(
        `INSERT INTO professional_sites (tenant_id, id, professional_id, source, site_key, structure_name, address, postal_code, commune_code, phone, practice_mode)
         VALUES ($1, gen_random_uuid(), $2, 'import', 'structure:R10100000001', 'Centre hospitalier de Melle', '1 avenue de la Gare', '79500', $3, '05 49 20 20 20', 'S'),
                ($1, gen_random_uuid(), $2, 'manual', NULL, 'Maison de santé du Bourg', NULL, NULL, $4, NULL, NULL)`,
        [cpts.id, id, c2, c3],
      );
    });
    await scenario(stack, 'practice sites', async (page) => {
      await signIn(page, staff);
      await page.goto(`/annuaire/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Sophie Lambert' }).waitFor();
      const sites = page.getByRole('region', { name: "Lieux d'exercice" });
      await sites.getByRole('article').nth(2).waitFor();
      expect(await sites.getByRole('article').count()).toBe(3);
      const hospital = sites.getByRole('article', { name: `Centre hospitalier de Melle, ${communeNames[c2]}` });
      await hospital.getByText('Annuaire Santé').waitFor();
      await hospital.getByText('Salarié').waitFor();
      await sites
        .getByRole('article', { name: `Cabinet de kinésithérapie du Lac, ${communeNames[c1]}` })
        .getByText('Principal')
        .waitFor();
      await sites
        .getByRole('article', { name: `Maison de santé du Bourg, ${communeNames[c3]}` })
        .getByText('Saisi à la main')
        .waitFor();
      await checkScreen(page, 'fiche lieux exercice');

      await hospital.getByRole('button', { name: 'Modifier' }).click();
      const dialog = page.getByRole('dialog', { name: "Modifier le lieu d'exercice" });
      await dialog.getByRole('textbox', { name: 'Téléphone' }).fill('0549303030');
      await dialog.getByRole('textbox', { name: 'Code postal' }).fill('79');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.getByText('Le code postal compte 5 chiffres.').waitFor();
      await checkScreen(page, 'fiche lieu exercice modification');
      await dialog.getByRole('textbox', { name: 'Code postal' }).fill('79500');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'detached' });
      await hospital.getByText('05 49 30 30 30').waitFor();

      await hospital.getByRole('button', { name: 'Définir comme principal' }).click();
      await hospital.getByText('Principal').waitFor();
      // The main site's commune is the person's.
      await page.reload();
      await page.getByText(`Masseur-kinésithérapeute · ${communeNames[c2]}`).waitFor();
      await page.getByText("Lieu d'exercice principal : « Centre hospitalier de Melle, " + communeNames[c2] + ' ».').waitFor();
      await checkScreen(page, 'fiche lieu principal change');
    });
  });

  it("settles all of a person's conflicts of an import report at once, or says which field stops it", async () => {
    const [c1, c2] = cpts.communes;
    const header = [
      'Identifiant PP',
      'Identification nationale PP',
      "Nom d'exercice",
      "Prénom d'exercice",
      'Code profession',
      'Code mode exercice',
      'Identifiant technique de la structure',
      'Raison sociale site',
      'Code commune (coord. structure)',
      'Téléphone (coord. structure)',
      'Adresse e-mail (coord. structure)',
    ];
    const line = (
      rpps: string,
      last: string,
      first: string,
      structureId: string,
      structure: string,
      commune: string,
      phone: string,
      email: string,
    ) => [rpps, `8${rpps}`, last, first, '60', 'L', structureId, structure, commune, phone, email].join('|') + '|';
    const extraction = (phones: [string, string, string], emails: [string, string]) =>
      [
        header.join('|') + '|',
        line('10000000041', 'MOREAU', 'Julie', 'R1', 'Cabinet infirmier de la Place', c1, phones[0], emails[0]),
        line('10000000041', 'MOREAU', 'Julie', 'R2', 'Centre de soins du Marais', c2, phones[1], emails[0]),
        line('10000000058', 'BLANC', 'Hugo', 'R3', 'Cabinet infirmier du Pont', c2, phones[2], emails[1]),
      ].join('\n');
    const upload = async (page: import('playwright-core').Page, name: string, text: string) => {
      await page.goto('/annuaire/import');
      await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
      await page.getByRole('button', { name: "Lancer l'import" }).click();
      await page.waitForURL(/\/annuaire\/import\/[0-9a-f-]{36}$/);
      await page.getByText('Import terminé').waitFor({ timeout: 30_000 });
    };
    const sql = (text: string, params: unknown[]) => stack.data.inTenant(cpts.id, (db) => db.query(text, params));
    await scenario(stack, 'import conflicts per person', async (page) => {
      await signIn(page, staff);
      await upload(
        page,
        'PS_LibreAcces_Personne_activite_202611010930.txt',
        extraction(['0549000001', '0549000002', '0549000003'], ['julie@exemple.fr', 'hugo@exemple.fr']),
      );
      // The staff corrected both by hand since (as the record's form does): an e-mail, and phones of two sites.
      await sql(`UPDATE professionals SET email = 'j.moreau@cabinet.fr' WHERE tenant_id = $1 AND rpps = '10000000041'`, [cpts.id]);
      await sql(
        `UPDATE professional_sites s SET phone = '05 49 99 99 ' || right(s.phone, 2) FROM professionals p
         WHERE s.tenant_id = $1 AND p.tenant_id = $1 AND p.id = s.professional_id AND p.rpps IN ('10000000041', '10000000058')`,
        [cpts.id],
      );
      await upload(
        page,
        'PS_LibreAcces_Personne_activite_202612010930.txt',
        extraction(['0549000011', '0549000012', '0549000013'], ['julie@nouveau.fr', 'hugo@exemple.fr']),
      );
      const julie = page.getByRole('region', { name: 'Julie MOREAU' });
      const hugo = page.getByRole('region', { name: 'Hugo BLANC' });
      await julie.getByText('3 écarts à traiter').waitFor();
      await julie.getByText(`Centre de soins du Marais, ${communeNames[c2]}`).waitFor();
      await hugo.getByText('1 écart à traiter').waitFor();
      await checkScreen(page, 'import annuaire ecarts par personne');

      // Julie's phone at the Marais edited again since the report: nothing applied, the field named.
      await sql(
        `UPDATE professional_sites s SET phone = '05 49 77 77 77' FROM professionals p
         WHERE s.tenant_id = $1 AND p.tenant_id = $1 AND p.id = s.professional_id AND p.rpps = '10000000041' AND s.structure_id = 'R2'`,
        [cpts.id],
      );
      await julie.getByRole('button', { name: "Prendre celles de l'Annuaire Santé" }).click();
      await julie
        .getByText(/Aucune valeur n'a été appliquée : un champ est à revoir sur la fiche\. Le champ téléphone \(Centre de soins du Marais/)
        .waitFor();
      await julie.getByText('3 écarts à traiter').waitFor();
      await checkScreen(page, 'import annuaire ecarts refuses');

      await julie.getByRole('button', { name: 'Garder mes valeurs' }).click();
      await julie.getByText('Tout est traité').waitFor();
      expect(await julie.getByText("Valeur de l'annuaire gardée").count()).toBe(3);
      await hugo.getByRole('button', { name: "Prendre celles de l'Annuaire Santé" }).click();
      await hugo.getByText("Valeur de l'extraction appliquée").waitFor();
      const { rows } = await sql(`SELECT phone FROM professionals WHERE tenant_id = $1 AND rpps = '10000000058'`, [cpts.id]);
      expect(rows).toEqual([{ phone: '05 49 00 00 13' }]);
      await checkScreen(page, 'import annuaire ecarts traites');
    });
  });
});
