import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId, searchKey } from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { isValidRpps, normalizeFrenchPhone } from '../identifiers';
import { CsvColumnMappingInput, CsvEmailKind, CsvImportLine, CsvImportReport, CsvPreview, MAX_CSV_BYTES, MAX_CSV_ROWS } from './csv-import.types';
import { CsvField, CsvFormatError, parseCsv, ParsedCsv, suggestMapping } from './csv-parser';
import { erasedRppsHash } from '../gdpr/erased-identifiers';

const PREVIEW_ROWS = 10;
const REQUIRED: Array<[CsvField, string]> = [
  [CsvField.LAST_NAME, 'le nom'],
  [CsvField.FIRST_NAME, 'le prénom'],
  [CsvField.PROFESSION, 'la profession'],
  [CsvField.COMMUNE, 'la commune'],
];

/**
 * What people write for a profession on a sign-up sheet, after searchKey,
 * beyond the official labels and codes (matched anyway): feminine forms,
 * short forms and common specialties.
 */
const PROFESSION_ALIASES: Record<string, string> = {
  'medecin generaliste': '10',
  generaliste: '10',
  mg: '10',
  'medecin traitant': '10',
  pharmacienne: '21',
  dentiste: '40',
  'chirurgienne dentiste': '40',
  'sage femme': '50',
  maieuticien: '50',
  infirmiere: '60',
  ide: '60',
  idel: '60',
  'infirmier liberal': '60',
  'infirmiere liberale': '60',
  kine: '70',
  kinesitherapeute: '70',
  'masseuse kinesitherapeute': '70',
  podologue: '80',
  'pedicure podologue': '80',
  orthophoniste: '91',
  orthoptiste: '92',
  psychologue: '93',
  ergotherapeute: '94',
  dieteticienne: '95',
  psychomotricienne: '96',
};

/** One professional as the import sees it: what it may fill, and whether it exists yet. */
interface Target {
  id: string;
  searchName: string;
  professionCode: string;
  communeCode: string;
  rpps: string | null;
  structureName: string | null;
  email: string | null;
  /** Whether `email` is a work address (the work-address rule, docs/consents.md). */
  emailIsWork: boolean;
  phone: string | null;
  archived: boolean;
  /** Planned by this import (not in the database yet). */
  isNew: boolean;
  /** Fields filled by this import on an existing record. */
  filled: Set<string>;
  name: string;
  /** The line that creates it (planned records only). */
  row?: Row;
}

type Row = { lastName: string; firstName: string; professionCode: string; communeCode: string; rpps: string | null; email: string | null; phone: string | null; structureName: string | null };

const FILL_LABELS = { rpps: 'RPPS', structureName: "structure d'exercice", email: 'e-mail', phone: 'téléphone' } as const;
const KIND_LABELS = { true: 'professionnelle', false: 'personnelle' } as const;
/** A record's value and the file's, told apart as the staff would (phones are both normalised, file addresses lower-cased). */
const SAME_VALUE = {
  structureName: (current: string, given: string) => searchKey(current) === searchKey(given),
  phone: (current: string, given: string) => current === given,
  email: (current: string, given: string) => current.toLowerCase() === given,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Import of a hand-made list (sign-up sheets, an old spreadsheet) as CSV,
 * with the column mapping chosen by the staff. A line finds its person by
 * RPPS, else by name (accents and case ignored), profession and commune;
 * blank fields of a person found are filled, never overwritten; others are
 * created. The whole file is planned in memory first: a dry run reports
 * exactly what the import would do, and the import writes it in the
 * request's one transaction.
 *
 * The addresses it writes are personal unless the staff say the file's are
 * work addresses (a sign-up sheet is mostly people's own mailboxes, which
 * newsletters may reach only with consent). A person found keeps their
 * address and whether it is a work one; what the file says differently is
 * listed in the report as kept.
 */
@Injectable()
export class CsvImportService {
  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
  ) {}

  preview(content: string): CsvPreview {
    const parsed = this.parse(content);
    const width = parsed.header.length;
    return {
      columns: parsed.header,
      rows: parsed.records.slice(0, PREVIEW_ROWS).map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? '')),
      rowCount: parsed.records.length,
      delimiter: parsed.delimiter,
      suggestedMapping: suggestMapping(parsed.header),
    };
  }

  async import(content: string, mapping: CsvColumnMappingInput[], dryRun: boolean, emailKind: CsvEmailKind): Promise<CsvImportReport> {
    const tenantId = requireTenantId();
    const parsed = this.parse(content);
    const columnOf = this.checkMapping(mapping, parsed.header.length);
    const cell = (cells: string[], field: CsvField) => {
      const column = columnOf.get(field);
      return column === undefined ? '' : (cells[column] ?? '').trim().replace(/\s+/g, ' ');
    };

    const professions = await this.db.tenantRows<{ code: string; label: string; label_plural: string }>(`SELECT code, label, label_plural FROM professions`);
    const professionBy = new Map<string, string>(Object.entries(PROFESSION_ALIASES));
    for (const p of professions) for (const key of [p.code, searchKey(p.label), searchKey(p.label_plural)]) professionBy.set(key, p.code);
    const communes = await this.db.tenantRows<{ insee_code: string; search_name: string }>(
      `SELECT c.insee_code, c.search_name FROM communes c JOIN tenants t ON c.insee_code = ANY (t.commune_codes) WHERE t.id = $1`,
      [tenantId],
    );
    const communeCodes = new Set(communes.map((c) => c.insee_code));
    const communesByName = new Map<string, string[]>();
    for (const c of communes) communesByName.set(c.search_name, [...(communesByName.get(c.search_name) ?? []), c.insee_code]);

    const existing = await this.db.tenantRows<Omit<Target, 'isNew' | 'filled' | 'archived' | 'name'> & { archivedAt: Date | null; firstName: string; lastName: string }>(
      `SELECT id, search_name AS "searchName", profession_code AS "professionCode", commune_code AS "communeCode", rpps, structure_name AS "structureName",
              email, email_is_work AS "emailIsWork", phone, archived_at AS "archivedAt", first_name AS "firstName", last_name AS "lastName"
       FROM professionals WHERE tenant_id = $1 AND merged_into IS NULL`,
      [tenantId],
    );
    const byRpps = new Map<string, Target>();
    const byName = new Map<string, Target>();
    const nameKey = (t: { searchName: string; professionCode: string; communeCode: string }) => `${t.searchName}|${t.professionCode}|${t.communeCode}`;
    const register = (t: Target) => {
      if (t.rpps) byRpps.set(t.rpps, t);
      // Archived people are found by RPPS only: a namesake who left is not the one signing up.
      if (!t.archived && !byName.has(nameKey(t))) byName.set(nameKey(t), t);
    };
    for (const e of existing) {
      register({ ...e, archived: e.archivedAt !== null, isNew: false, filled: new Set(), name: `${e.firstName} ${e.lastName}` });
    }

    const erased = new Set(
      (await this.db.tenantRows<{ hash: string }>(`SELECT encode(rpps_hash, 'hex') AS hash FROM erased_identifiers WHERE tenant_id = $1`, [tenantId])).map((r) => r.hash),
    );

    const work = emailKind === CsvEmailKind.WORK;
    const errors: CsvImportLine[] = [];
    const kept: CsvImportLine[] = [];
    const created: Array<Target & { row: Row }> = [];
    const touched = new Set<Target>();
    let unchanged = 0;
    for (const record of parsed.records) {
      const problems: string[] = [];
      const lastName = cell(record.cells, CsvField.LAST_NAME);
      const firstName = cell(record.cells, CsvField.FIRST_NAME);
      if (!lastName) problems.push('nom manquant');
      else if (lastName.length > 100) problems.push('nom trop long (100 caractères au plus)');
      if (!firstName) problems.push('prénom manquant');
      else if (firstName.length > 100) problems.push('prénom trop long (100 caractères au plus)');
      const professionText = cell(record.cells, CsvField.PROFESSION);
      const professionCode = professionBy.get(searchKey(professionText)) ?? null;
      if (!professionText) problems.push('profession manquante');
      else if (!professionCode) problems.push(`profession inconnue : « ${professionText} »`);
      const communeText = cell(record.cells, CsvField.COMMUNE);
      let communeCode: string | null = null;
      if (!communeText) problems.push('commune manquante');
      else if (communeCodes.has(communeText.toUpperCase())) communeCode = communeText.toUpperCase();
      else {
        const named = communesByName.get(searchKey(communeText)) ?? [];
        if (named.length === 1) communeCode = named[0];
        else if (named.length > 1) problems.push(`plusieurs communes du territoire s'appellent « ${communeText} » : indiquez le code INSEE`);
        else problems.push(`commune hors du territoire de la CPTS : « ${communeText} »`);
      }
      const rppsText = cell(record.cells, CsvField.RPPS);
      const rpps = rppsText ? rppsText.replace(/[\s.]/g, '') : null;
      if (rpps && !isValidRpps(rpps)) problems.push(`numéro RPPS invalide : « ${rppsText} »`);
      else if (rpps && erased.has(erasedRppsHash(tenantId, rpps).toString('hex'))) {
        problems.push('personne effacée à sa demande (droit à l’effacement) : si elle revient vers la CPTS, créez sa fiche à la main');
      }
      const emailText = cell(record.cells, CsvField.EMAIL);
      const email = emailText ? emailText.toLowerCase() : null;
      if (email && (!EMAIL.test(email) || email.length > 254)) problems.push(`adresse e-mail invalide : « ${emailText} »`);
      const phoneText = cell(record.cells, CsvField.PHONE);
      const phone = phoneText ? normalizeFrenchPhone(phoneText) : null;
      if (phoneText && !phone) problems.push(`numéro de téléphone invalide : « ${phoneText} »`);
      const structureName = cell(record.cells, CsvField.STRUCTURE) || null;
      if (structureName && structureName.length > 200) problems.push("structure d'exercice trop longue (200 caractères au plus)");
      if (problems.length > 0 || !professionCode || !communeCode) {
        errors.push({ line: record.line, reason: capitalise(problems.join(' ; ')) + '.' });
        continue;
      }

      const row: Row = { lastName, firstName, professionCode, communeCode, rpps, email, phone, structureName };
      const searchName = searchKey(`${lastName} ${firstName}`);
      let target = rpps ? byRpps.get(rpps) : undefined;
      if (target?.archived) {
        errors.push({ line: record.line, reason: `Ce numéro RPPS est celui de ${target.name}, dont la fiche est archivée : restaurez-la avant d'importer cette ligne.` });
        continue;
      }
      if (!target) {
        const namesake = byName.get(nameKey({ searchName, professionCode, communeCode }));
        // A namesake with another RPPS is another person (homonyms in one town).
        if (namesake && !(rpps && namesake.rpps && namesake.rpps !== rpps)) target = namesake;
      }
      if (!target) {
        const planned: Target & { row: Row } = {
          id: randomUUID(),
          searchName,
          professionCode,
          communeCode,
          rpps,
          structureName,
          email,
          emailIsWork: work,
          phone,
          archived: false,
          isNew: true,
          filled: new Set(),
          name: `${firstName} ${lastName}`,
          row,
        };
        created.push(planned);
        register(planned);
        continue;
      }
      if (!target.isNew) {
        const differences = keptDifferences(target, row, work);
        if (differences.length > 0) kept.push({ line: record.line, reason: capitalise(differences.join(' ; ')) + '.' });
      }
      let filled = false;
      for (const field of ['rpps', 'structureName', 'email', 'phone'] as const) {
        if (!target[field] && row[field]) {
          target[field] = row[field];
          if (field === 'email') target.emailIsWork = work;
          if (field === 'rpps') byRpps.set(row[field] as string, target);
          if (target.row) target.row[field] = row[field];
          else target.filled.add(field);
          filled = true;
        }
      }
      if (filled && !target.isNew) touched.add(target);
      else if (!filled) unchanged++;
    }

    const updated = [...touched];
    if (!dryRun) await this.write(created, updated, work);
    errors.sort((a, b) => a.line - b.line);
    const emails = created.filter((t) => t.row.email).length + updated.filter((t) => t.filled.has('email')).length;
    return { dryRun, rows: parsed.records.length, created: created.length, updated: updated.length, unchanged, errors, kept, emailKind, emails };
  }

  /** Inserts and fills in a few statements, whatever the number of lines, then one history line per person. */
  private async write(created: Array<Target & { row: Row }>, updated: Target[], work: boolean): Promise<void> {
    const tenantId = requireTenantId();
    const userId = requirePrincipal().userId;
    try {
      if (created.length > 0) {
        const col = (f: (t: Target & { row: Row }) => string | null) => created.map(f);
        await this.db.tenantRows(
          `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, rpps, commune_code, structure_name, email, phone, created_by, updated_by, email_is_work)
           SELECT $1, u.*, $12, $12, u.email IS NULL OR $13
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
             AS u(id, last_name, first_name, search_name, profession_code, rpps, commune_code, structure_name, email, phone)`,
          [
            tenantId,
            col((t) => t.id),
            col((t) => t.row.lastName),
            col((t) => t.row.firstName),
            col((t) => t.searchName),
            col((t) => t.professionCode),
            col((t) => t.row.rpps),
            col((t) => t.communeCode),
            col((t) => t.row.structureName),
            col((t) => t.row.email),
            col((t) => t.row.phone),
            userId,
            work,
          ],
        );
      }
      if (updated.length > 0) {
        const value = (t: Target, f: 'rpps' | 'structureName' | 'email' | 'phone') => (t.filled.has(f) ? t[f] : null);
        // coalesce: a value typed meanwhile by someone else is not overwritten either, nor whether their address is a work one.
        await this.db.tenantRows(
          `UPDATE professionals p SET rpps = coalesce(p.rpps, u.rpps), email = coalesce(p.email, u.email),
             email_is_work = CASE WHEN p.email IS NULL AND u.email IS NOT NULL THEN $6 ELSE p.email_is_work END, updated_at = now(), updated_by = $5
           FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, rpps, email)
           WHERE p.tenant_id = $1 AND p.id = u.id`,
          [tenantId, updated.map((t) => t.id), updated.map((t) => value(t, 'rpps')), updated.map((t) => value(t, 'email')), userId, work],
        );
        // Structure and phone are the main site's: a trigger copies them back onto the person (ProfessionalSites1795401700000).
        await this.db.tenantRows(
          `UPDATE professional_sites s SET structure_name = coalesce(s.structure_name, u.structure_name), phone = coalesce(s.phone, u.phone), updated_at = now()
           FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, structure_name, phone)
           JOIN professionals p ON p.tenant_id = $1 AND p.id = u.id
           WHERE s.tenant_id = $1 AND s.id = p.main_site_id AND (u.structure_name IS NOT NULL OR u.phone IS NOT NULL)`,
          [tenantId, updated.map((t) => t.id), updated.map((t) => value(t, 'structureName')), updated.map((t) => value(t, 'phone'))],
        );
      }
    } catch (err) {
      if (isUniqueViolation(err, 'professionals_rpps_key')) {
        throw AppError.conflict("Un numéro RPPS du fichier vient d'être saisi dans l'annuaire par quelqu'un d'autre : relancez l'import.");
      }
      throw err;
    }
    await this.history.recordMany([
      ...created.map((t) => ({ professionalId: t.id, kind: 'person.imported_csv', summary: 'Fiche créée par un import de fichier CSV.', details: { created: true } })),
      ...updated.map((t) => {
        const fields = [...t.filled] as Array<keyof typeof FILL_LABELS>;
        return {
          professionalId: t.id,
          kind: 'person.imported_csv',
          summary: `Fiche complétée par un import de fichier CSV : ${fields.map((f) => FILL_LABELS[f]).join(', ')}.`,
          details: { fields },
        };
      }),
    ]);
  }

  private parse(content: string): ParsedCsv {
    if (Buffer.byteLength(content, 'utf8') > MAX_CSV_BYTES) throw AppError.field('content', 'Fichier trop volumineux (2 Mo au plus).');
    try {
      return parseCsv(content, MAX_CSV_ROWS);
    } catch (err) {
      if (err instanceof CsvFormatError) throw AppError.field('content', err.message);
      throw err;
    }
  }

  /** The column of each field, checked: known columns, each field once, the required ones present. */
  private checkMapping(mapping: CsvColumnMappingInput[], width: number): Map<CsvField, number> {
    const columnOf = new Map<CsvField, number>();
    const columns = new Set<number>();
    for (const { column, field } of mapping) {
      if (column >= width) throw AppError.field('mapping', `Le fichier n'a pas de colonne ${column + 1}.`);
      if (columnOf.has(field) || columns.has(column)) throw AppError.field('mapping', 'Chaque champ et chaque colonne ne peuvent être choisis qu’une fois.');
      columnOf.set(field, column);
      columns.add(column);
    }
    const missing = REQUIRED.filter(([field]) => !columnOf.has(field)).map(([, label]) => label);
    if (missing.length > 0) throw AppError.field('mapping', `Indiquez la colonne qui contient ${missing.join(', ')}.`);
    return columnOf;
  }
}

/**
 * What the file says differently about a person already in the directory:
 * the import keeps the record's value (it only fills blanks), and says so.
 */
function keptDifferences(target: Target, row: Row, work: boolean): string[] {
  const out: string[] = [];
  for (const field of ['structureName', 'phone', 'email'] as const) {
    const current = target[field];
    const given = row[field];
    if (current && given && !SAME_VALUE[field](current, given)) out.push(`${FILL_LABELS[field]} : la fiche garde « ${current} », le fichier indique « ${given} »`);
  }
  if (row.email && target.email?.toLowerCase() === row.email && target.emailIsWork !== work) {
    out.push(`l'adresse « ${target.email} » reste ${KIND_LABELS[`${target.emailIsWork}`]} sur la fiche (le fichier la donne comme ${KIND_LABELS[`${work}`]})`);
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
