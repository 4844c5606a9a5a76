import ExcelJS from 'exceljs';
import { Role } from '@cpts/platform-core';
import { checkScreen, scenario, signIn, Stack, startStack } from './harness';

/**
 * A hand-made list imported with a column mapping brings a near-duplicate
 * of someone already in the directory; the staff see the pair, merge it and
 * land on the kept person's page; the directory downloads as an Excel file.
 */
describe('web app: CSV import, duplicates and merge, Excel export', () => {
  let stack: Stack;
  let staff: string;
  let cpts: { id: string; communes: string[] };

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS du Haut Val de Sèvre', departement: '79', communes: 3 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff-doublons@e2e.cpts.fr')).email;
    await data.professional(cpts.id, cpts.communes[0], { lastName: 'Durand', firstName: 'Élise', professionCode: '60' });
    await data.professional(cpts.id, cpts.communes[0], { lastName: 'Martin', firstName: 'Paul', professionCode: '10' });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('imports a sign-up sheet, merges the near-duplicate it brings, and exports the directory as XLSX', async () => {
    // Saved by an old Excel: Windows-1252 (latin1 bytes for these letters), ';', CRLF; the last name under a header nobody guesses.
    const sheet = [
      'Prénom;Nom de naissance;Métier;Code commune;Portable;Remarque',
      `Élise;DURANDE;Infirmière;${cpts.communes[0]};06 12 34 56 78;inscrite au forum`,
      `Hélène;Lebon;kiné;${cpts.communes[1]};;`,
      `Zoé;Oubli;Boulanger;${cpts.communes[1]};;`,
    ].join('\r\n');
    await scenario(stack, 'csv import and merge', async (page) => {
      await signIn(page, staff);
      await page.goto('/annuaire');
      await page.getByRole('link', { name: 'Importer une liste (CSV)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Importer une liste (CSV)' }).waitFor();
      await page.locator('input[type=file]').setInputFiles({ name: 'emargement.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet, 'latin1') });
      // Decoded as Windows-1252 by the browser: the accents are intact.
      await page.getByRole('cell', { name: 'Hélène', exact: true }).waitFor();
      await page.getByText('Nom de naissance', { exact: true }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Contenu de la colonne « Prénom »' }).inputValue()).toBe('Prénom');
      expect(await page.getByRole('combobox', { name: 'Contenu de la colonne « Nom de naissance »' }).inputValue()).toBe('— Ignorer —');
      await checkScreen(page, 'import csv colonnes');
      await page.getByRole('combobox', { name: 'Contenu de la colonne « Nom de naissance »' }).click();
      await page.getByRole('option', { name: 'Nom', exact: true }).click();
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText("Rien n'a encore été enregistré : voici ce que l'import fera.").waitFor();
      expect(await page.getByTestId('report-created').textContent()).toBe('2');
      await page.getByRole('cell', { name: 'Profession inconnue : « Boulanger ».' }).waitFor();
      await checkScreen(page, 'import csv verification');
      await page.getByRole('button', { name: 'Importer (2 fiches)' }).click();
      await page.getByText('Import terminé').waitFor();
      expect(await page.getByTestId('report-created').textContent()).toBe('2');

      await page.getByRole('link', { name: "Retour à l'annuaire" }).click();
      await page.getByRole('link', { name: 'Doublons possibles (1)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Doublons possibles' }).waitFor();
      const pair = page.getByTestId('duplicate-pair');
      await pair.getByText('Nom proche').waitFor();
      await pair.getByRole('cell', { name: 'DURANDE Élise' }).waitFor();
      await checkScreen(page, 'doublons');
      await pair.getByRole('button', { name: 'Fusionner…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Fusionner les deux fiches' });
      await dialog.getByText("Ses champs vides sont complétés par ceux de Élise DURANDE : Téléphone.").waitFor();
      await checkScreen(page, 'doublons fusion');
      await dialog.getByRole('button', { name: 'Fusionner dans la fiche de Élise Durand' }).click();
      await page.waitForURL(/\/annuaire\/[0-9a-f-]{36}$/);
      const keptUrl = page.url();
      await page.getByRole('heading', { level: 1, name: 'Élise Durand' }).waitFor();
      // The phone the merge completed, on the record (its practice site shows it too, once its section has loaded).
      await page.getByRole('region', { name: 'Coordonnées' }).getByText('06 12 34 56 78').waitFor();
      await page.getByText('Fiche fusionnée avec celle de Élise DURANDE (complétée : téléphone).').waitFor();

      // The merged record's old address leads to the kept one; the pair is gone.
      const { rows } = await stack.data.inTenant(cpts.id, (db) => db.query(`SELECT id FROM professionals WHERE tenant_id = $1 AND last_name = 'DURANDE'`, [cpts.id]));
      await page.goto(`/annuaire/${rows[0].id}`);
      await page.waitForURL(keptUrl);
      await page.getByRole('heading', { level: 1, name: 'Élise Durand' }).waitFor();
      await page.goto('/annuaire/doublons');
      await page.getByText('Aucun doublon possible').waitFor();

      // The directory as an Excel workbook.
      await page.goto('/annuaire');
      await page.getByText('3 professionnels', { exact: true }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (Excel)' }).click()]);
      expect(download.suggestedFilename()).toBe('annuaire.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const cells: unknown[] = [];
      workbook.getWorksheet('Annuaire')!.eachRow((row) => cells.push(...(row.values as unknown[])));
      expect(cells).toEqual(expect.arrayContaining(['Durand', 'Lebon', 'Martin', 'Hélène']));
      expect(cells).not.toContain('DURANDE');
    });
  });

  it('takes the addresses of a sign-up sheet as personal unless the staff say they are work addresses, and says so in the check', async () => {
    const [c0, c1] = cpts.communes;
    await stack.data.professional(cpts.id, c0, { lastName: 'Morel', firstName: 'Anne', professionCode: '60', email: 'anne.morel@msp-sevre.fr' });
    const sheet = [
      'Nom;Prénom;Profession;Commune;Courriel',
      `Petit;Jules;Médecin;${c1};jules.petit@gmail.com`,
      `Roy;Sarah;Sage-femme;${c1};sarah.roy@laposte.net`,
      `Morel;Anne;Infirmière;${c0};anne.morel@msp-sevre.fr`,
    ].join('\r\n');
    await scenario(stack, 'csv import addresses', async (page) => {
      await signIn(page, staff);
      await page.goto('/annuaire/import-csv');
      await page.locator('input[type=file]').setInputFiles({ name: 'inscriptions.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet, 'utf8') });
      const kinds = page.getByRole('radiogroup', { name: 'Les adresses e-mail de ce fichier sont' });
      const personal = kinds.getByRole('radio', { name: 'des adresses personnelles' });
      const work = kinds.getByRole('radio', { name: "des adresses professionnelles (celles des structures d'exercice)" });
      expect(await personal.isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText("2 adresses prises comme personnelles : les lettres d'information demandent leur consentement.").waitFor();
      // Anne Morel is in the directory with her practice's address: it stays a work address, and the check says so.
      await page.getByRole('cell', { name: "L'adresse « anne.morel@msp-sevre.fr » reste professionnelle sur la fiche (le fichier la donne comme personnelle)." }).waitFor();
      await checkScreen(page, 'import csv adresses personnelles');

      // Saying they are work addresses asks for a new check, which says what that means.
      await work.check();
      await page.getByRole('region', { name: "Compte rendu de l'import" }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText('2 adresses prises comme professionnelles : les informations professionnelles leur seront envoyées avec un désabonnement en un clic, sans consentement préalable.').waitFor();
      await checkScreen(page, 'import csv adresses professionnelles');

      await personal.check();
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText("2 adresses prises comme personnelles : les lettres d'information demandent leur consentement.").waitFor();
      await page.getByRole('button', { name: 'Importer (2 fiches)' }).click();
      await page.getByText('Import terminé').waitFor();
    });
    const { rows } = await stack.data.inTenant(cpts.id, (db) =>
      db.query(`SELECT last_name, email_is_work FROM professionals WHERE tenant_id = $1 AND last_name IN ('Petit', 'Roy', 'Morel') ORDER BY last_name`, [cpts.id]),
    );
    expect(rows).toEqual([
      { last_name: 'Morel', email_is_work: true },
      { last_name: 'Petit', email_is_work: false },
      { last_name: 'Roy', email_is_work: false },
    ]);
  });
});
