import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { parseRppsExtraction, RppsActivity, RppsFormatError, RppsParseOptions, RppsRejection } from '../src/rpps';

const HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Mention distribution (coord. structure)|Bureau cedex (coord. structure)|Code postal (coord. structure)|Code commune (coord. structure)|Libellé commune (coord. structure)|Code pays (coord. structure)|Libellé pays (coord. structure)|Téléphone (coord. structure)|Téléphone 2 (coord. structure)|Télécopie (coord. structure)|Adresse e-mail (coord. structure)|Code Département (structure)|Libellé Département (structure)|Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|Code rôle|Libellé rôle|Code genre activité|Libellé genre activité|";
const COLUMNS = HEADER.split('|').slice(0, -1);
// The example line of the brief, less one empty field it had too many around "Code rôle" (57 for 56 columns).
const DUPONT =
  '8|10001234567|810001234567|DR|Docteur|M|Monsieur|DUPONT|Marie|10|Médecin|C|Civil|S|Spécialité ordinale|SM54|Médecine générale|L|Libéral, indépendant, artisan, commerçant|||||R10100000123456|CABINET MEDICAL DES CHARTRONS||||12||R|Rue|Notre-Dame||33000 BORDEAUX|33000|33063|Bordeaux|99000|France|0556123456|||cabinet@example.fr|33|Gironde||ARS/ORDRE-MEDECINS|||||FON-01|Fonction de base|GENR01|Activité standard|';

/** A line of the real layout: the given columns filled, the others empty. */
function line(values: Record<string, string>): string {
  return `${COLUMNS.map((name) => values[name] ?? '').join('|')}|`;
}

function person(rpps: string, commune: string, more: Record<string, string> = {}): string {
  return line({
    "Type d'identifiant PP": '8',
    'Identifiant PP': rpps,
    'Identification nationale PP': `8${rpps}`,
    "Nom d'exercice": 'MARTIN',
    "Prénom d'exercice": 'Léa',
    'Code profession': '60',
    'Libellé profession': 'Infirmier',
    'Code mode exercice': 'L',
    'Code commune (coord. structure)': commune,
    ...more,
  });
}

const ADELI = line({
  "Type d'identifiant PP": '0',
  'Identifiant PP': '339876543',
  'Identification nationale PP': '0339876543',
  "Nom d'exercice": 'ROUSSEL',
  "Prénom d'exercice": 'Jean',
  'Code profession': '93',
  'Code commune (coord. structure)': '33063',
});

let dir: string;
let fileCount = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rpps-parser-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(content: string | Buffer, name = `PS_LibreAcces_Personne_activite_${++fileCount}.txt`): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
}

const text = (...lines: string[]) => `${lines.join('\n')}\n`;

async function parse(target: string, options: RppsParseOptions = {}) {
  const activities: RppsActivity[] = [];
  const rejections: RppsRejection[] = [];
  let error: RppsFormatError | null = null;
  try {
    for await (const activity of parseRppsExtraction(target, { ...options, onRejected: (r) => rejections.push(r) })) activities.push(activity);
  } catch (err) {
    if (!(err instanceof RppsFormatError)) throw err;
    error = err;
  }
  return { activities, rejections, error };
}

/** A minimal zip writer (deflate or store, optionally Zip64 records) so the tests need no dependency. */
function zip(entries: Array<{ name: string; data: Buffer; store?: boolean }>, options: { zip64?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data, store } of entries) {
    const body = store ? data : deflateRawSync(data);
    const method = store ? 0 : 8;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt16LE(nameBytes.length, 28);
    let extra = Buffer.alloc(0);
    if (options.zip64) {
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    } else {
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(data.length, 24);
      central.writeUInt32LE(offset, 42);
    }
    central.writeUInt16LE(extra.length, 30);
    parts.push(local, nameBytes, body);
    directory.push(central, nameBytes, extra);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralDirectory = Buffer.concat(directory);
  parts.push(centralDirectory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(centralDirectory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + centralDirectory.length), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(record, locator);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
  } else {
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralDirectory.length, 12);
    end.writeUInt32LE(offset, 16);
  }
  parts.push(end);
  return Buffer.concat(parts);
}

describe('parseRppsExtraction', () => {
  it('reads the real layout: BOM, CRLF, trailing "|"', async () => {
    const { activities, rejections, error } = await parse(await file(`\uFEFF${HEADER}\r\n${DUPONT}\r\n`));
    expect(error).toBeNull();
    expect(rejections).toEqual([]);
    expect(activities).toEqual([
      {
        line: 2,
        rpps: '10001234567',
        lastName: 'DUPONT',
        firstName: 'Marie',
        professionCode: '10',
        professionLabel: 'Médecin',
        practiceMode: 'L',
        structureName: 'CABINET MEDICAL DES CHARTRONS',
        communeCode: '33063',
        communeName: 'Bordeaux',
        postalCode: '33000',
        phone: '0556123456',
        email: 'cabinet@example.fr',
        address: '12 Rue Notre-Dame',
        structureId: 'R10100000123456',
        siret: null,
        siren: null,
        finess: null,
        finessLegal: null,
        siteKey: 'structure:R10100000123456',
      },
    ]);
  });

  it('finds the columns by name, whatever their order, with unknown and missing optional columns', async () => {
    const header = "Code commune (coord. structure)|Colonne ajoutée en 2026|  NOM D’EXERCICE |prénom d'exercice|Code profession|Identification nationale PP|Adresse e-mail (coord. structure)|Enseigne commerciale site|";
    const { activities, error } = await parse(await file(text(header, '2A004|x| LE GOFF |Anne-Sophie|50|810001234567| Sage.Femme@Example.FR |MAISON DE SANTÉ|')));
    expect(error).toBeNull();
    expect(activities).toEqual([
      {
        line: 2,
        rpps: '10001234567', // from "Identification nationale PP" without its leading 8
        lastName: 'LE GOFF',
        firstName: 'Anne-Sophie',
        professionCode: '50',
        professionLabel: null,
        practiceMode: null,
        structureName: 'MAISON DE SANTÉ', // no "Raison sociale site": the trade name
        communeCode: '2A004',
        communeName: null,
        postalCode: null,
        phone: null,
        email: 'sage.femme@example.fr',
        // No site columns in this file: the site is known by its address, commune and name.
        address: null,
        structureId: null,
        siret: null,
        siren: null,
        finess: null,
        finessLegal: null,
        siteKey: expect.stringMatching(/^address:[A-Za-z0-9_-]{22}$/),
      },
    ]);
  });

  it("identifies each line's practice site by the structure's id, else its SIRET, else its FINESS, else its address", async () => {
    const site = (more: Record<string, string>) =>
      person('10001234567', '33063', { 'Numéro Voie (coord. structure)': '12', 'Libellé type de voie (coord. structure)': 'Rue', 'Libellé Voie (coord. structure)': 'Notre-Dame', 'Raison sociale site': 'CABINET', ...more });
    const { activities } = await parse(
      await file(
        text(
          HEADER,
          site({ 'Identifiant technique de la structure': 'R1', 'Numéro SIRET site': '12345678900011', 'Numéro FINESS site': '330000001' }),
          site({ 'Numéro SIRET site': '12345678900011', 'Numéro FINESS site': '330000001', 'Numéro SIREN site': '123456789' }),
          site({ 'Numéro FINESS site': '330000001', 'Numéro FINESS établissement juridique': '330000002' }),
          // The same address written otherwise (case, accents, spaces): the same site; another commune: another one.
          site({ 'Complément point géographique (coord. structure)': 'Bâtiment A', 'Mention distribution (coord. structure)': 'BP 12' }),
          site({ 'Complément point géographique (coord. structure)': ' BATIMENT  a', 'Mention distribution (coord. structure)': 'bp 12', 'Raison sociale site': 'Cabinet' }),
          person('10001234567', '33039', { 'Numéro Voie (coord. structure)': '12', 'Libellé type de voie (coord. structure)': 'Rue', 'Libellé Voie (coord. structure)': 'Notre-Dame', 'Raison sociale site': 'CABINET', 'Complément point géographique (coord. structure)': 'Bâtiment A', 'Mention distribution (coord. structure)': 'BP 12' }),
        ),
      ),
    );
    const keys = activities.map((a) => a.siteKey);
    expect(keys.slice(0, 3)).toEqual(['structure:R1', 'siret:12345678900011', 'finess:330000001']);
    expect(activities[1]).toMatchObject({ siret: '12345678900011', siren: '123456789', finess: '330000001' });
    expect(activities[2]).toMatchObject({ finess: '330000001', finessLegal: '330000002' });
    expect(activities[3].address).toBe('Bâtiment A, 12 Rue Notre-Dame, BP 12');
    expect(keys[3]).toMatch(/^address:/);
    expect(keys[4]).toBe(keys[3]);
    expect(keys[5]).not.toBe(keys[3]);
  });

  it('accepts lines without the trailing "|" and a last line without line end', async () => {
    const { activities, rejections } = await parse(await file(`${HEADER}\n${DUPONT.slice(0, -1)}\n${person('10009876543', '33281')}`));
    expect(rejections).toEqual([]);
    expect(activities.map((a) => [a.line, a.rpps])).toEqual([
      [2, '10001234567'],
      [3, '10009876543'],
    ]);
  });

  it('yields one activity per line: a person with two practices comes twice', async () => {
    const salaried = person('10001234567', '33318', { 'Code mode exercice': 'S', 'Raison sociale site': 'CHU DE BORDEAUX', 'Enseigne commerciale site': 'Hôpital Pellegrin' });
    const { activities } = await parse(await file(text(HEADER, DUPONT, salaried)));
    expect(activities.map((a) => [a.line, a.rpps, a.practiceMode, a.structureName, a.communeCode])).toEqual([
      [2, '10001234567', 'L', 'CABINET MEDICAL DES CHARTRONS', '33063'],
      [3, '10001234567', 'S', 'CHU DE BORDEAUX', '33318'],
    ]);
  });

  it('rejects bad lines with their number and a reason, and goes on', async () => {
    const { activities, rejections } = await parse(
      await file(
        text(
          HEADER,
          ADELI,
          DUPONT.slice(0, DUPONT.lastIndexOf('|', DUPONT.length - 2) + 1), // one column short
          `${DUPONT}extra|`,
          '',
          person('10001111111', ''),
          person('10002222222', '3306'),
          person('10003333333', '33063', { "Nom d'exercice": ' ' }),
          person('10004444444', '33063'),
        ),
      ),
    );
    expect(rejections).toEqual([
      { line: 2, reason: 'Numéro RPPS absent (professionnel ADELI)' },
      { line: 3, reason: 'Nombre de colonnes incorrect (55 au lieu de 56)' },
      { line: 4, reason: 'Nombre de colonnes incorrect (57 au lieu de 56)' },
      { line: 6, reason: 'Code commune manquant' },
      { line: 7, reason: 'Code commune invalide (« 3306 »)' },
      { line: 8, reason: "Nom d'exercice manquant" },
    ]);
    expect(activities.map((a) => a.line)).toEqual([9]); // the blank line 5 is skipped
  });

  it('builds only the lines keep() accepts, and does not check the others', async () => {
    const seen: string[] = [];
    const { activities, rejections } = await parse(
      await file(text(HEADER, DUPONT, ADELI, person('10009876543', '75056'), `${person('10001111111', '64445')}broken|`, person('10002222222', '33281'))),
      {
        keep: (commune) => {
          seen.push(commune);
          return commune === '33281';
        },
      },
    );
    expect(seen).toEqual(['33063', '33063', '75056', '64445', '33281']);
    expect(rejections).toEqual([]); // the ADELI and broken lines are elsewhere
    expect(activities.map((a) => [a.line, a.rpps])).toEqual([[6, '10002222222']]);
  });

  it('reports progress every 10,000 lines and at the end', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 25_000; i++) lines.push(person(String(10_000_000_000 + i), i % 100 === 0 ? '33063' : '75056'));
    const target = await file(text(...lines));
    const progress: Array<[number, number]> = [];
    let kept = 0;
    for await (const _ of parseRppsExtraction(target, { keep: (c) => c === '33063', onLine: (n, bytes) => progress.push([n, bytes]) })) kept++;
    expect(kept).toBe(250);
    expect(progress.map(([n]) => n)).toEqual([10_000, 20_000, 25_001]);
    const { size } = await stat(target);
    expect(progress[0][1]).toBeGreaterThan(0);
    expect(progress[2][1]).toBe(size);
  });

  it('stops reading when the consumer stops', async () => {
    const target = await file(text(HEADER, DUPONT, DUPONT, DUPONT));
    for await (const activity of parseRppsExtraction(target, {})) {
      expect(activity.line).toBe(2);
      break;
    }
  });

  describe('zip', () => {
    const content = Buffer.from(text(HEADER, DUPONT, ADELI, person('10009876543', '33281')));

    it.each([
      ['deflated', {}, false],
      ['stored', {}, true],
      ['Zip64', { zip64: true }, false],
    ])('reads the extraction inside a %s zip, told by its content not its name', async (_, options, store) => {
      const archive = zip(
        [
          { name: 'PS_LibreAcces_Dipl_AutExerc_202501010000.txt', data: Buffer.from('autre|fichier|\n') },
          { name: 'extraction/PS_LibreAcces_Personne_activite_202501010000.txt', data: content, store },
        ],
        options,
      );
      const { activities, rejections, error } = await parse(await file(archive, `upload-${++fileCount}.bin`));
      expect(error).toBeNull();
      expect(activities.map((a) => a.rpps)).toEqual(['10001234567', '10009876543']);
      expect(rejections).toEqual([{ line: 3, reason: 'Numéro RPPS absent (professionnel ADELI)' }]);
    });

    it('refuses a truncated zip', async () => {
      const archive = zip([{ name: 'PS_LibreAcces_Personne_activite_1.txt', data: content }]);
      const { error } = await parse(await file(archive.subarray(0, archive.length - 40)));
      expect(error?.code).toBe('CORRUPT_ZIP');
      expect(error?.message).toBe("Le fichier .zip est endommagé ou incomplet : téléchargez à nouveau l'extraction.");
    });

    it('refuses a zip whose data is damaged', async () => {
      const lines = [HEADER];
      for (let i = 0; i < 2000; i++) lines.push(person(String(10_000_000_000 + i), '33063'));
      const archive = zip([{ name: 'PS_LibreAcces_Personne_activite_1.txt', data: Buffer.from(text(...lines)) }]);
      const damaged = Buffer.from(archive);
      damaged.fill(0x55, 200, 260); // in the compressed data, after the header
      const { error } = await parse(await file(damaged));
      expect(error?.code).toBe('CORRUPT_ZIP');
    });

    it('refuses a zip without the extraction', async () => {
      const { error } = await parse(await file(zip([{ name: 'PS_LibreAcces_SavoirFaire_1.txt', data: content }])));
      expect(error?.code).toBe('NOT_AN_EXTRACTION');
      expect(error?.message).toContain('PS_LibreAcces_Personne_activite');
    });
  });

  describe('files that are not an extraction', () => {
    it('refuses a Latin-1 file before yielding anything', async () => {
      const { activities, error } = await parse(await file(Buffer.from(text(HEADER, DUPONT), 'latin1')));
      expect(activities).toEqual([]);
      expect(error?.code).toBe('NOT_UTF8');
      expect(error?.message).toContain('UTF-8');
    });

    it('names the first line that is not UTF-8', async () => {
      const body = Buffer.concat([Buffer.from(text(HEADER, DUPONT)), Buffer.from(text(person('10009876543', '33063', { "Nom d'exercice": 'HÉLÈNE' })), 'latin1')]);
      const { activities, error } = await parse(await file(body));
      expect(error?.code).toBe('NOT_UTF8');
      expect(error?.message).toContain('ligne 3');
      expect(activities).toEqual([]); // each piece read is checked whole before any of its lines is used
    });

    it('decodes a character split between two reads', async () => {
      // Reads are 64 KiB: put the two bytes of an "é" on either side of the boundary.
      const build = (fill: number) => Buffer.from(text(HEADER, person('10009876543', '33063', { 'Raison sociale site': `${'x'.repeat(fill)}é` }), DUPONT));
      const body = build(65_535 - build(0).indexOf('|é|') - 1);
      expect(body.subarray(65_535, 65_537).toString()).toBe('é');
      const { activities, error } = await parse(await file(body));
      expect(error).toBeNull();
      expect(activities[0].structureName).toMatch(/^x+é$/);
      expect(activities).toHaveLength(2);
    });

    it('lists the required columns that are missing', async () => {
      const header = HEADER.replace('Code profession|', '').replace('Code commune (coord. structure)|', 'Commune|');
      const { error } = await parse(await file(text(header, DUPONT)));
      expect(error?.code).toBe('MISSING_COLUMNS');
      expect(error?.missingColumns).toEqual(['Code profession', 'Code commune (coord. structure)']);
      expect(error?.message).toMatch(/^Colonnes manquantes : Code profession, Code commune \(coord\. structure\)\./);
    });

    it.each([
      ['a CSV', 'nom;prenom;commune\nDUPONT;Marie;Bordeaux\n', 'NOT_AN_EXTRACTION'],
      ['another "|" file', 'a|b|c|\n1|2|3|\n', 'NOT_AN_EXTRACTION'],
      ['an empty file', '', 'EMPTY_FILE'],
      ['a file with only a BOM', '\uFEFF', 'EMPTY_FILE'],
    ])('refuses %s', async (_, content, code) => {
      const { activities, error } = await parse(await file(content));
      expect(activities).toEqual([]);
      expect(error?.code).toBe(code);
    });
  });
});
