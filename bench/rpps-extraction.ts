/**
 * Writes a realistic Annuaire Santé extraction (PS_LibreAcces_Personne_activite):
 * the real header and column count, French names, the professions a CPTS
 * federates, liberal/salaried/volunteer practices, people with two or
 * three practice sites (13 %, each site with its own structure id, mostly all
 * on the territory or all off it), ADELI-only people (no RPPS number), phones and some e-mails.
 * Streamed to disk in batches, so a million lines (~500 MB) never sit in
 * memory; deterministic for a given seed. Used by the import benchmark and to
 * measure the parser.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const RPPS_HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Mention distribution (coord. structure)|Bureau cedex (coord. structure)|Code postal (coord. structure)|Code commune (coord. structure)|Libellé commune (coord. structure)|Code pays (coord. structure)|Libellé pays (coord. structure)|Téléphone (coord. structure)|Téléphone 2 (coord. structure)|Télécopie (coord. structure)|Adresse e-mail (coord. structure)|Code Département (structure)|Libellé Département (structure)|Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|Code rôle|Libellé rôle|Code genre activité|Libellé genre activité|";

const COLUMN_COUNT = RPPS_HEADER.split('|').length - 1; // 56: the trailing '|' adds an empty last piece

const LAST_NAMES = [
  'MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'RICHARD', 'PETIT', 'DURAND', 'LEROY', 'MOREAU', 'SIMON', 'LAURENT',
  'LEFEBVRE', 'MICHEL', 'GARCIA', 'DAVID', 'BERTRAND', 'ROUX', 'VINCENT', 'FOURNIER', 'MOREL', 'GIRARD', 'ANDRE', 'LEFEVRE',
  'MERCIER', 'DUPONT', 'LAMBERT', 'BONNET', 'FRANCOIS', 'MARTINEZ', 'LEGRAND', 'GARNIER', 'FAURE', 'ROUSSEAU', 'BLANC', 'GUERIN',
  'MULLER', 'HENRY', 'ROUSSEL', 'NICOLAS', 'PERRIN', 'MORIN', 'MATHIEU', 'CLEMENT', 'GAUTHIER', 'DUMONT', 'LOPEZ', 'FONTAINE',
  'CHEVALIER', 'ROBIN', 'ETCHEVERRY', 'LABORDE', 'DARRIGRAND', "D'ARTAGNAN", 'SAINT-MARTIN', 'LE GOFF', 'NGUYEN', 'BENOÎT', 'CAZENAVE', 'LAFARGUE',
];
const FIRST_NAMES = [
  'Marie', 'Jean', 'Pierre', 'Michel', 'Philippe', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Françoise', 'Nicolas', 'Christophe',
  'Stéphane', 'Sébastien', 'Julien', 'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Hélène', 'Élodie', 'Jérôme', 'Benoît',
  'Anaïs', 'Thomas', 'Lucas', 'Hugo', 'Louise', 'Emma', 'Jade', 'Zoé', 'Céline', 'Aurélie', 'Frédéric', 'Grégoire',
  'Marie-Claude', 'Jean-François', 'Anne-Sophie', 'Noël', 'Maëlle', 'Joël', 'Agnès', 'Thérèse', 'Rémi', 'Océane',
];
const PROFESSIONS: Array<[code: string, label: string, weight: number, authority: string]> = [
  ['10', 'Médecin', 22, 'ARS/ORDRE-MEDECINS'],
  ['21', 'Pharmacien', 8, 'ARS/ORDRE-PHARMACIENS'],
  ['40', 'Chirurgien-dentiste', 5, 'ARS/ORDRE-DENTISTES'],
  ['50', 'Sage-femme', 3, 'ARS/ORDRE-SAGES-FEMMES'],
  ['60', 'Infirmier', 35, 'ARS/ORDRE-INFIRMIERS'],
  ['70', 'Masseur-kinésithérapeute', 12, 'ARS/ORDRE-KINES'],
  ['80', 'Pédicure-podologue', 2, 'ARS/ORDRE-PODOLOGUES'],
  ['91', 'Orthophoniste', 4, 'ARS'],
  ['93', 'Psychologue', 6, 'ARS'],
  ['95', 'Diététicien', 3, 'ARS'],
];
/** Professions still registered in ADELI only, without an RPPS number, in the extraction. */
const ADELI_PROFESSIONS = new Set(['91', '93', '95']);
const SPECIALTIES: Array<[code: string, label: string]> = [
  ['SM54', 'Médecine générale'], ['SM54', 'Médecine générale'], ['SM54', 'Médecine générale'], ['SM26', 'Qualifié en Médecine Générale'],
  ['SM53', 'Spécialiste en Médecine Générale'], ['SM04', 'Cardiologie et maladies vasculaires'], ['SM15', 'Dermatologie et vénéréologie'],
  ['SM40', 'Pédiatrie'], ['SM42', 'Psychiatrie'], ['SM38', 'Ophtalmologie'], ['SM20', 'Gynécologie médicale'],
];
const MODES: Array<[code: 'L' | 'S' | 'B', label: string, weight: number]> = [
  ['L', 'Libéral, indépendant, artisan, commerçant', 55],
  ['S', 'Salarié', 40],
  ['B', 'Bénévole', 5],
];
const STREETS = ['de la République', 'Victor Hugo', 'Jean Jaurès', 'du Général de Gaulle', 'Notre-Dame', 'des Écoles', 'de la Gare', 'Pasteur', 'Gambetta', 'du Marché', "de l'Église", 'des Lilas'];
const STREET_TYPES: Array<[code: string, label: string]> = [['R', 'Rue'], ['AV', 'Avenue'], ['BD', 'Boulevard'], ['PL', 'Place'], ['CHE', 'Chemin'], ['ALL', 'Allée']];
const TOWN_NAMES = ['Saint-Martin', 'Villeneuve', 'Beaumont', 'Montfort', 'Sainte-Foy', 'Castelnau', 'Lacanau', 'Mérignac', 'Pessac', 'Talence', 'Bègles', 'Eysines', 'Lormont', 'Cenon', 'Floirac', 'Bruges'];
const SECTORS: Array<[code: string, label: string]> = [
  ['SA07', 'Cabinet individuel'], ['SA08', 'Cabinet de groupe'], ['SA01', 'Etablissement public de santé'], ['SA05', 'Centre de santé'], ['SA25', 'Officine'],
];

/** mulberry32: small, fast and good enough for test data; the same seed gives the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends the Luhn key, as real RPPS numbers have (same rule as isValidRpps in @cpts/directory). */
function withLuhn(tenDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(tenDigits[9 - i]);
    if (i % 2 === 0) digit *= 2; // positions 2, 4... from the right once the key is appended
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return tenDigits + ((10 - (sum % 10)) % 10);
}

interface Person {
  rpps: string | null;
  adeli: string | null;
  civility: 'M' | 'MME';
  lastName: string;
  firstName: string;
  profession: (typeof PROFESSIONS)[number];
  specialty: (typeof SPECIALTIES)[number] | null;
  countedOnTerritory: boolean;
}

export async function writeRppsExtraction(
  path: string,
  options: { lines: number; territoryCommunes: string[]; territoryLines: number; otherCommunes: string[]; seed?: number },
): Promise<{ bytes: number; rppsOnTerritory: number }> {
  const { lines, territoryCommunes, territoryLines, otherCommunes } = options;
  if (territoryLines > lines) throw new Error('territoryLines > lines');
  if (territoryLines > 0 && territoryCommunes.length === 0) throw new Error('territoryCommunes is empty');
  if (territoryLines < lines && otherCommunes.length === 0) throw new Error('otherCommunes is empty');
  const rand = random(options.seed ?? 1);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const weighted = <T extends readonly unknown[]>(list: readonly T[]): T => {
    const total = list.reduce((sum, item) => sum + (item[2] as number), 0);
    let r = rand() * total;
    for (const item of list) if ((r -= item[2] as number) < 0) return item;
    return list[list.length - 1];
  };
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += int(10);
    return s;
  };

  let personCount = 0;
  const newPerson = (): Person => {
    const profession = weighted(PROFESSIONS);
    personCount++;
    // About one in five psychologists, speech therapists and dieticians is still ADELI-only.
    const adeliOnly = ADELI_PROFESSIONS.has(profession[0]) && rand() < 0.2;
    const civility = rand() < 0.55 ? 'MME' : 'M';
    return {
      rpps: adeliOnly ? null : withLuhn(`10${String(10_000_000 + personCount).slice(-8)}`),
      adeli: adeliOnly ? `${String(10 + int(90))}${digits(7)}` : null,
      civility,
      lastName: pick(LAST_NAMES),
      firstName: pick(FIRST_NAMES),
      profession,
      specialty: profession[0] === '10' ? pick(SPECIALTIES) : null,
      countedOnTerritory: false,
    };
  };

  const line = (person: Person, commune: string): string => {
    const [mode, modeLabel] = weighted(MODES);
    const [professionCode, professionLabel, , authority] = person.profession;
    const dept = commune.startsWith('97') ? commune.slice(0, 3) : commune.slice(0, 2);
    const postal = `${dept === '2A' || dept === '2B' ? '20' : dept}${commune.slice(dept.length).padStart(5 - dept.length, '0')}`.slice(0, 5);
    const town = TOWN_NAMES[Number.parseInt(commune.slice(-3), 10) % TOWN_NAMES.length];
    const [streetCode, streetLabel] = pick(STREET_TYPES);
    const [sector, sectorLabel] = mode === 'S' ? SECTORS[2] : professionCode === '21' ? SECTORS[4] : pick(SECTORS.slice(0, 2));
    const structureName =
      mode === 'S'
        ? `CENTRE HOSPITALIER DE ${town.toUpperCase()}`
        : professionCode === '21'
          ? `PHARMACIE ${pick(['DU CENTRE', 'DE LA GARE', 'DES HALLES', person.lastName])}`
          : rand() < 0.5
            ? `CABINET ${pick(['MEDICAL', 'PARAMEDICAL', 'DE SANTE'])} ${pick(STREETS).toUpperCase()}`
            : '';
    const phone = rand() < 0.8 ? `0${pick(['5', '5', '5', '6', '9'])}${digits(8)}` : '';
    const email = rand() < 0.25 ? `${person.firstName.toLowerCase().replace(/[^a-z]/g, '')}.${person.lastName.toLowerCase().replace(/[^a-z]/g, '')}@${pick(['example.fr', 'Example.FR', 'mssante.example.fr'])}` : '';
    const isAdeli = person.rpps === null;
    const fields = [
      isAdeli ? '0' : '8',
      isAdeli ? (person.adeli as string) : person.rpps,
      isAdeli ? `0${person.adeli}` : `8${person.rpps}`,
      professionCode === '10' || professionCode === '40' ? 'DR' : '',
      professionCode === '10' || professionCode === '40' ? 'Docteur' : '',
      person.civility,
      person.civility === 'M' ? 'Monsieur' : 'Madame',
      person.lastName,
      person.firstName,
      professionCode,
      professionLabel,
      'C',
      'Civil',
      person.specialty ? 'S' : '',
      person.specialty ? 'Spécialité ordinale' : '',
      person.specialty?.[0] ?? '',
      person.specialty?.[1] ?? '',
      mode,
      modeLabel,
      mode === 'L' ? digits(14) : '',
      mode === 'L' ? digits(9) : '',
      mode === 'S' ? `${dept.padEnd(2, '0').slice(0, 2)}${digits(7)}` : '',
      mode === 'S' ? `${dept.padEnd(2, '0').slice(0, 2)}${digits(7)}` : '',
      `R10100000${digits(6)}`,
      structureName,
      rand() < 0.1 ? `MSP ${town.toUpperCase()}` : '',
      '',
      rand() < 0.1 ? 'BATIMENT A' : '',
      String(1 + int(120)),
      rand() < 0.05 ? 'B' : '',
      streetCode,
      streetLabel,
      pick(STREETS),
      '',
      `${postal} ${town.toUpperCase()}`,
      postal,
      commune,
      town,
      '99000',
      'France',
      phone,
      rand() < 0.1 ? `06${digits(8)}` : '',
      rand() < 0.1 ? `05${digits(8)}` : '',
      email,
      dept,
      '',
      '',
      authority,
      sector,
      sectorLabel,
      professionCode === '21' ? 'A' : '',
      professionCode === '21' ? "Titulaire d'officine" : '',
      'FON-01',
      'Fonction de base',
      'GENR01',
      'Activité standard',
    ];
    if (fields.length !== COLUMN_COUNT) throw new Error(`generator bug: ${fields.length} fields`);
    return `${fields.join('|')}|\n`;
  };

  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined); // observed below, at each await
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };

  await write(`${RPPS_HEADER}\n`);
  let territoryLeft = territoryLines;
  let rppsOnTerritory = 0;
  let person: Person | null = null;
  let sitesLeft = 0; // lines still to write for this person (the file is sorted by person)
  let onTerritory = false;
  let batch = '';
  for (let i = 0; i < lines; i++) {
    const left = lines - i;
    if (person === null || sitesLeft === 0) {
      person = newPerson();
      // Several practice sites: 87 % of people have one, 10 % two, 3 % three.
      const r = rand();
      sitesLeft = r < 0.87 ? 1 : r < 0.97 ? 2 : 3;
      // Selection sampling: exactly territoryLines of the lines, spread over the file.
      onTerritory = rand() * left < territoryLeft;
    } else if (onTerritory ? territoryLeft === 0 : left === territoryLeft) {
      // A person's other sites are where their first one is (on the territory or not), while the exact count allows.
      onTerritory = !onTerritory;
    }
    sitesLeft--;
    if (onTerritory) territoryLeft--;
    const commune = onTerritory ? pick(territoryCommunes) : pick(otherCommunes);
    if (onTerritory && person.rpps && !person.countedOnTerritory) {
      person.countedOnTerritory = true;
      rppsOnTerritory++;
    }
    batch += line(person, commune);
    if (batch.length > 256 * 1024) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return { bytes, rppsOnTerritory };
}
