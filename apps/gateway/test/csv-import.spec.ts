import ExcelJS from 'exceljs';
import { withRppsCheckDigit } from '@cpts/directory';
import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const PREVIEW = `query($c: String!) { previewProfessionalsCsv(content: $c) { columns rows rowCount delimiter suggestedMapping { column field } } }`;
const IMPORT = `mutation($c: String!, $m: [CsvColumnMappingInput!]!, $d: Boolean!, $k: CsvEmailKind) {
  importProfessionalsCsv(content: $c, mapping: $m, dryRun: $d, emailKind: $k) { dryRun rows created updated unchanged errors { line reason } kept { line reason } emailKind emails }
}`;
const LIST = `query($s: String) { professionals(first: 20, filter: { search: $s }) { totalCount edges { node { id lastName firstName rpps email phone structureName professionCode communeCode history(first: 5) { kind summary } } } } }`;

type Line = { line: number; reason: string };
type Report = { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number; errors: Line[]; kept: Line[]; emailKind: string; emails: number };
type Node = { id: string; lastName: string; firstName: string; rpps: string | null; email: string | null; phone: string | null; structureName: string | null; professionCode: string; communeCode: string; history: Array<{ kind: string; summary: string }> };
type Mapping = Array<{ column: number; field: string }>;

describe('import of a hand-made list of professionals (CSV with column mapping)', () => {
  let h: Harness;
  let c: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  let communeName: string;
  const run = async (content: string, mapping: Mapping, dryRun: boolean, client = c, emailKind?: 'WORK' | 'PERSONAL') =>
    (await client.ok<{ importProfessionalsCsv: Report }>(IMPORT, { c: content, m: mapping, d: dryRun, k: emailKind })).importProfessionalsCsv;
  const list = async (search?: string) => (await c.ok<{ professionals: { totalCount: number; edges: Array<{ node: Node }> } }>(LIST, { s: search })).professionals;
  const preview = async (content: string) => (await c.ok<{ previewProfessionalsCsv: { columns: string[]; rows: string[][]; rowCount: number; delimiter: string; suggestedMapping: Mapping } }>(PREVIEW, { c: content })).previewProfessionalsCsv;

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Import CSV', departement: '79', communes: 3 });
    c = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const { communes } = await c.ok<{ communes: Array<{ inseeCode: string; name: string }> }>(`{ communes(filter: { departementCodes: ["79"], first: 500 }) { inseeCode name } }`);
    communeName = communes.find((x) => x.inseeCode === tenant.communes[1])!.name;
  });
  afterAll(() => h.close());

  const sheet = () =>
    [
      'Prénom;NOM;Métier;Ville;Courriel;Tél;Cabinet;Remarque',
      `Élodie;Lefèvre;Infirmière;${tenant.communes[0]};E.Lefevre@Exemple.fr;05 49 12 34 56;"Cabinet ""Les Pins""";vue au forum`,
      `Jérôme;Dupont-Éloi;70;${communeName.toUpperCase()};;0549000000;;`,
      '',
      `Anne;Martin;Boulanger;${tenant.communes[0]};;;;`,
      `Paul;;Médecin;Paris;pas-un-mail;12;;`,
    ].join('\r\n');

  it('previews the columns, first rows and a mapping suggested from the header names', async () => {
    const p = await preview(`\uFEFF${sheet()}`);
    expect(p.columns).toEqual(['Prénom', 'NOM', 'Métier', 'Ville', 'Courriel', 'Tél', 'Cabinet', 'Remarque']);
    expect(p.delimiter).toBe(';');
    expect(p.rowCount).toBe(4);
    expect(p.rows[0]).toEqual(['Élodie', 'Lefèvre', 'Infirmière', tenant.communes[0], 'E.Lefevre@Exemple.fr', '05 49 12 34 56', 'Cabinet "Les Pins"', 'vue au forum']);
    expect(p.suggestedMapping).toEqual([
      { column: 0, field: 'FIRST_NAME' },
      { column: 1, field: 'LAST_NAME' },
      { column: 2, field: 'PROFESSION' },
      { column: 3, field: 'COMMUNE' },
      { column: 4, field: 'EMAIL' },
      { column: 5, field: 'PHONE' },
      { column: 6, field: 'STRUCTURE' },
    ]);
    const bad = await c.request(PREVIEW, { c: 'Nom;Prénom\n"Dupont;Marie\n' });
    expect([errorCode(bad), bad.errors?.[0].message]).toEqual(['BAD_USER_INPUT', 'Guillemet ouvert ligne 2 et jamais refermé.']);
  });

  it('checks without writing (dry run), then imports the valid lines with the same report', async () => {
    const { suggestedMapping } = await preview(sheet());
    const before = await list();
    const dry = await run(sheet(), suggestedMapping, true);
    expect(dry).toEqual({
      dryRun: true,
      rows: 4,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [
        { line: 5, reason: 'Profession inconnue : « Boulanger ».' },
        { line: 6, reason: 'Nom manquant ; commune hors du territoire de la CPTS : « Paris » ; adresse e-mail invalide : « pas-un-mail » ; numéro de téléphone invalide : « 12 ».' },
      ],
      kept: [],
      emailKind: 'PERSONAL',
      emails: 1,
    });
    expect((await list()).totalCount).toBe(before.totalCount);
    const done = await run(sheet(), suggestedMapping, false);
    expect(done).toEqual({ ...dry, dryRun: false });
    const { edges } = await list('lefevre');
    expect(edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ lastName: 'Lefèvre', firstName: 'Élodie', professionCode: '60', email: 'e.lefevre@exemple.fr', phone: '05 49 12 34 56', structureName: 'Cabinet "Les Pins"' }),
    ]);
    expect(edges[0].node.history).toEqual([{ kind: 'person.imported_csv', summary: 'Fiche créée par un import de fichier CSV.' }]);
    const [jerome] = (await list('dupont eloi')).edges.map((e) => e.node);
    expect(jerome).toMatchObject({ lastName: 'Dupont-Éloi', firstName: 'Jérôme', professionCode: '70', communeCode: tenant.communes[1], phone: '05 49 00 00 00' });
    // The same file again: everyone found, nothing new.
    expect(await run(sheet(), suggestedMapping, false)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('fills blank fields of a person found by name or RPPS, never overwriting, with a history line', async () => {
    const found = (await list('lefevre')).edges[0].node;
    const mapping: Mapping = [
      { column: 0, field: 'LAST_NAME' },
      { column: 1, field: 'FIRST_NAME' },
      { column: 2, field: 'PROFESSION' },
      { column: 3, field: 'COMMUNE' },
      { column: 4, field: 'EMAIL' },
      { column: 5, field: 'RPPS' },
    ];
    const file = `nom,prenom,profession,commune,mail,rpps\nLEFEVRE,elodie,infirmier,${tenant.communes[0]},nouvelle@exemple.fr,101 000 000 08\n`;
    expect(await run(file, mapping, false)).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
      errors: [],
      kept: [{ line: 2, reason: 'E-mail : la fiche garde « e.lefevre@exemple.fr », le fichier indique « nouvelle@exemple.fr ».' }],
      emails: 0,
    });
    const after = (await list('lefevre')).edges[0].node;
    expect(after).toMatchObject({ id: found.id, email: 'e.lefevre@exemple.fr', rpps: '10100000008', lastName: 'Lefèvre' });
    expect(after.history[0]).toEqual({ kind: 'person.imported_csv', summary: 'Fiche complétée par un import de fichier CSV : RPPS.' });
    // Found by RPPS now, whatever the name written.
    const byRpps = `nom,prenom,profession,commune,mail,rpps\nLefebvre,Elo,infirmier,${tenant.communes[0]},,10100000008\n`;
    expect(await run(byRpps, mapping, false)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('takes the addresses it writes as personal unless the file says work, and never changes a found person\'s address or its kind', async () => {
    const PERSON = `query($id: ID!) { professional(id: $id) { email emailIsWork consents { purpose allowed basis reason } } }`;
    const person = async (id: string) =>
      (await c.ok<{ professional: { email: string | null; emailIsWork: boolean; consents: Array<{ purpose: string; allowed: boolean; basis: string | null; reason: string | null }> } }>(PERSON, { id }))
        .professional;
    const newsletter = async (id: string) => (await person(id)).consents.find((x) => x.purpose === 'PRO_NEWSLETTER');
    const idOf = async (search: string) => (await list(search)).edges[0].node.id;
    const mapping: Mapping = [
      { column: 0, field: 'LAST_NAME' },
      { column: 1, field: 'FIRST_NAME' },
      { column: 2, field: 'PROFESSION' },
      { column: 3, field: 'COMMUNE' },
      { column: 4, field: 'EMAIL' },
    ];
    const sheet = (lines: string[]) => ['Nom;Prénom;Profession;Commune;Mail', ...lines].join('\n');
    const signUps = sheet([`Perso;Inès;Sage-femme;${tenant.communes[0]};ines.perso@gmail.com`, `Perso;Hugo;Kiné;${tenant.communes[1]};hugo@orange.fr`]);

    // A sign-up sheet, the staff saying nothing: personal addresses, and the check says what that means.
    const dry = await run(signUps, mapping, true);
    expect(dry).toMatchObject({ created: 2, emailKind: 'PERSONAL', emails: 2, kept: [] });
    expect(await run(signUps, mapping, false)).toMatchObject({ created: 2, emailKind: 'PERSONAL', emails: 2 });
    const ines = await idOf('perso ines');
    expect(await person(ines)).toMatchObject({ email: 'ines.perso@gmail.com', emailIsWork: false });
    // Newsletters to a personal address need consent: no free opt-out basis.
    expect(await newsletter(ines)).toEqual({ purpose: 'PRO_NEWSLETTER', allowed: false, basis: null, reason: 'NO_CONSENT' });

    // A list of practices' addresses, said to be work addresses: professional information with a free opt-out.
    const practices = sheet([`Cabinet;Léa;Infirmière;${tenant.communes[2]};contact@cabinet-lea.fr`]);
    expect(await run(practices, mapping, false, c, 'WORK')).toMatchObject({ created: 1, emailKind: 'WORK', emails: 1 });
    const lea = await idOf('cabinet lea');
    expect(await person(lea)).toMatchObject({ email: 'contact@cabinet-lea.fr', emailIsWork: true });
    expect(await newsletter(lea)).toMatchObject({ allowed: true, basis: 'WORK_ADDRESS_OPT_OUT' });

    // A person found keeps their address and its kind, whatever the file says; the report says what was kept.
    const later = sheet([`Cabinet;Léa;Infirmière;${tenant.communes[2]};contact@cabinet-lea.fr`, `Perso;Hugo;Kiné;${tenant.communes[1]};hugo.pro@msp.fr`]);
    const again = await run(later, mapping, false);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, emails: 0 });
    expect(again.kept).toEqual([
      { line: 2, reason: "L'adresse « contact@cabinet-lea.fr » reste professionnelle sur la fiche (le fichier la donne comme personnelle)." },
      { line: 3, reason: 'E-mail : la fiche garde « hugo@orange.fr », le fichier indique « hugo.pro@msp.fr ».' },
    ]);
    expect(await person(lea)).toMatchObject({ email: 'contact@cabinet-lea.fr', emailIsWork: true });
    expect(await person(await idOf('perso hugo'))).toMatchObject({ email: 'hugo@orange.fr', emailIsWork: false });

    // A blank address filled: it takes the file's kind (a record typed without an address is "work" by default).
    const { createProfessional } = await c.ok<{ createProfessional: { id: string } }>(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
      i: { lastName: 'Sansmail', firstName: 'Rémi', professionCode: '10', communeCode: tenant.communes[0] },
    });
    expect(await person(createProfessional.id)).toMatchObject({ email: null, emailIsWork: true });
    expect(await run(sheet([`Sansmail;Rémi;Médecin;${tenant.communes[0]};remi@free.fr`]), mapping, false)).toMatchObject({ updated: 1, emails: 1, kept: [] });
    expect(await person(createProfessional.id)).toMatchObject({ email: 'remi@free.fr', emailIsWork: false });
  });

  it('reads tab-separated files, and lines of one person twice make one record', async () => {
    const mapping: Mapping = [
      { column: 0, field: 'LAST_NAME' },
      { column: 1, field: 'FIRST_NAME' },
      { column: 2, field: 'PROFESSION' },
      { column: 3, field: 'COMMUNE' },
      { column: 4, field: 'PHONE' },
    ];
    const file = `Nom\tPrénom\tProfession\tCode INSEE\tTéléphone\nNoël\tChloé\tKiné\t${tenant.communes[2]}\t\nNOEL\tChloe\tkinésithérapeute\t${tenant.communes[2]}\t0549556677\n`;
    expect(await run(file, mapping, false)).toMatchObject({ rows: 2, created: 1, updated: 0, unchanged: 0, errors: [] });
    expect((await list('noel')).edges.map((e) => e.node)).toEqual([expect.objectContaining({ lastName: 'Noël', firstName: 'Chloé', phone: '05 49 55 66 77' })]);
  });

  it('refuses the line of a person erased on request (found by RPPS number)', async () => {
    const rpps = withRppsCheckDigit('1000000777');
    const mapping: Mapping = [
      { column: 0, field: 'LAST_NAME' },
      { column: 1, field: 'FIRST_NAME' },
      { column: 2, field: 'PROFESSION' },
      { column: 3, field: 'COMMUNE' },
      { column: 4, field: 'RPPS' },
    ];
    const file = `Nom;Prénom;Profession;Commune;RPPS\nOubli;Rose;Médecin;${tenant.communes[0]};${rpps}\n`;
    expect(await run(file, mapping, false)).toMatchObject({ created: 1, errors: [] });
    const [rose] = (await list('oubli')).edges;
    await c.ok(`mutation($id: ID!, $c: String!) { eraseProfessional(id: $id, confirmation: $c) { id } }`, { id: rose.node.id, c: 'Oubli' });
    expect(await run(file, mapping, false)).toMatchObject({
      created: 0,
      errors: [{ line: 2, reason: 'Personne effacée à sa demande (droit à l’effacement) : si elle revient vers la CPTS, créez sa fiche à la main.' }],
    });
    expect((await list('oubli')).totalCount).toBe(0);
  });

  it('refuses a mapping without the required fields or with a field twice, and oversized files', async () => {
    const missing = await c.request(IMPORT, { c: sheet(), m: [{ column: 1, field: 'LAST_NAME' }], d: true });
    expect([errorCode(missing), missing.errors?.[0].message]).toEqual(['BAD_USER_INPUT', 'Indiquez la colonne qui contient le prénom, la profession, la commune.']);
    const twice = await c.request(IMPORT, { c: sheet(), m: [{ column: 1, field: 'LAST_NAME' }, { column: 2, field: 'LAST_NAME' }], d: true });
    expect(errorCode(twice)).toBe('BAD_USER_INPUT');
    const outside = await c.request(IMPORT, { c: sheet(), m: [{ column: 12, field: 'LAST_NAME' }], d: true });
    expect(outside.errors?.[0].message).toBe("Le fichier n'a pas de colonne 13.");
    const big = 'Nom;Prénom\n' + 'Dupont;Marie\n'.repeat(170_000);
    expect(errorCode(await c.request(PREVIEW, { c: big }))).toBe('BAD_USER_INPUT');
    const tooMany = 'Nom;Prénom\n' + 'D;M\n'.repeat(5001);
    expect((await c.request(PREVIEW, { c: tooMany })).errors?.[0].message).toBe('Le fichier dépasse 5000 lignes.');
  });

  it('is for the CPTS team only, and writes into its own CPTS only', async () => {
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect(errorCode(await board.request(PREVIEW, { c: sheet() }))).toBe('FORBIDDEN');
    const other = await h.data.cpts(await h.data.region(), { name: 'CPTS Autre import', departement: '79', communes: 1 });
    const theirs = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: other.id }])).email);
    // Our communes are not on their territory.
    const report = await run(`Nom;Prénom;Profession;Commune\nIntrus;Test;60;${tenant.communes[0]}\n`, [0, 1, 2, 3].map((column) => ({ column, field: ['LAST_NAME', 'FIRST_NAME', 'PROFESSION', 'COMMUNE'][column] })), false, theirs);
    expect(report.errors).toEqual([{ line: 2, reason: `Commune hors du territoire de la CPTS : « ${tenant.communes[0]} ».` }]);
  });

  it('exports the filtered directory as an Excel workbook, to the CPTS team only', async () => {
    const xlsx = async (client: GraphQLClient | null, query: string) => {
      const res = await fetch(`${h.gateway.url}/api/directory/professionals.xlsx${query}`, { headers: client?.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {} });
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
    };
    const res = await xlsx(c, '?q=lefevre');
    expect([res.status, res.type, res.disposition]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'attachment; filename="annuaire.xlsx"']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Annuaire')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Prénom');
    expect(rows[1]).toEqual(expect.arrayContaining(['Lefèvre', 'Cabinet "Les Pins"']));
    expect(rows.flat()).not.toContain('Dupont');
    const bad = await xlsx(c, '?professions=abc');
    expect([bad.status, JSON.parse(bad.body.toString('utf8')).errors[0].message]).toEqual([400, 'Code de profession invalide.']);
    expect((await xlsx(null, '')).status).toBe(401);
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect((await xlsx(board, '')).status).toBe(403);
  });
});
