import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  afterNameCursor,
  AppError,
  Connection,
  currentScope,
  FieldError,
  nameSearchSql,
  requirePrincipal,
  requireTenantId,
  toConnection,
} from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { searchKey } from '@cpts/platform-core';
import { ReferenceCatalog, ReferenceService } from '@cpts/platform-reference';
import { PersonHistoryService } from './history/person-history.service';
import { fieldList, LabelledField } from './field-labels';
import { isValidRpps, normalizeFrenchPhone } from './identifiers';
import { erasedRppsHash } from './gdpr/erased-identifiers';
import { Professional, ProfessionalFilter, ProfessionalInput } from './professional.types';
import { practiceSitesSql } from './sites/practice-sites-sql';

type ProfessionalRow = Omit<Professional, 'profession' | 'commune'>;

/** Far above any CPTS's directory (the largest have a few thousand professionals). */
export const MAX_EXPORT_ROWS = 100_000;

const COLUMNS = `id, last_name AS "lastName", first_name AS "firstName", search_name AS "searchName", profession_code AS "professionCode",
  rpps, commune_code AS "communeCode", structure_name AS "structureName", email, phone, archived_at AS "archivedAt",
  email_is_work AS "emailIsWork", erased_at AS "erasedAt",
  created_at AS "createdAt", updated_at AS "updatedAt", merged_into AS "mergedInto"`;

/**
 * The professionals directory of the active CPTS. Every statement runs in
 * the request's tenant transaction (RLS on tenant_id) and names the tenant
 * again in its WHERE clause, so the index on (tenant_id, ...) serves it.
 */
@Injectable()
export class ProfessionalsService {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly history: PersonHistoryService,
  ) {}

  /**
   * A page ordered by name (keyset on search_name, id) and the total count of
   * matches, in one statement: the count joined laterally to the page, so an
   * empty page still carries it. A name search that may match with a typo
   * puts exact matches first: its order and cursor start with the rank.
   */
  async list(filter: ProfessionalFilter, first: number, after: string | null | undefined): Promise<Connection<Professional>> {
    const { where, params, rank } = this.filterWhere(filter);
    const keyset = after ? afterNameCursor(after, rank ? 'rank' : null, rank ? '"searchName"' : 'search_name', 'id', params) : null;
    params.push(first + 1);
    const rows = await this.db.tenantRows<ProfessionalRow & { totalCount: number; rank?: number }>(
      rank
        ? // The matching rows once, with their rank, for the count and the page: matching in each cost PostgreSQL 1.5 to 2.5 times as much.
          `WITH m AS MATERIALIZED (SELECT ${COLUMNS}, ${rank} AS rank FROM professionals WHERE ${where.join(' AND ')})
           SELECT c.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM m) c
           LEFT JOIN LATERAL (SELECT * FROM m ${keyset ? `WHERE ${keyset}` : ''} ORDER BY rank, "searchName", id LIMIT $${params.length}) p ON true
           ORDER BY p.rank, p."searchName", p.id`
        : // The page walks the (tenant_id, search_name, id) index and stops after first + 1 rows.
          `SELECT c.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM professionals WHERE ${where.join(' AND ')}) c
           LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM professionals WHERE ${[...where, ...(keyset ? [keyset] : [])].join(' AND ')}
             ORDER BY search_name, id LIMIT $${params.length}) p ON true
           ORDER BY p."searchName", p.id`,
      params,
    );
    const total = rows[0]?.totalCount ?? 0;
    const page = await this.withReference(rows.filter((r) => r.id !== null));
    return toConnection(page, first, total, (p) => (rank ? [p.rank, p.searchName, p.id] : [p.searchName, p.id]), Boolean(after));
  }

  /** Every professional matching a filter, in the list's order (exports): at most MAX_EXPORT_ROWS. */
  async all(filter: ProfessionalFilter): Promise<Professional[]> {
    const { where, params, rank } = this.filterWhere(filter);
    params.push(MAX_EXPORT_ROWS);
    const rows = await this.db.tenantRows<ProfessionalRow>(
      `SELECT ${COLUMNS} FROM professionals WHERE ${where.join(' AND ')} ORDER BY ${rank ? `${rank}, ` : ''}search_name, id LIMIT $${params.length}`,
      params,
    );
    return this.withReference(rows);
  }

  /**
   * The WHERE clause of a filter on the active CPTS's directory, its
   * parameters ($1 is the tenant), and the rank of a name search (null when
   * every match is exact).
   */
  private filterWhere(filter: ProfessionalFilter): { where: string[]; params: unknown[]; rank: string | null } {
    const params: unknown[] = [requireTenantId()];
    // Erased people are in no list nor export (only their page remains, saying so); a merged record lives on in the one it was merged into.
    const where = ['tenant_id = $1', filter.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL', 'erased_at IS NULL', 'merged_into IS NULL'];
    const search = nameSearchSql(filter.search ?? '', 'search_runs', params);
    if (search) where.push(search.match);
    if (filter.professionCodes?.length) {
      params.push(filter.professionCodes);
      where.push(`profession_code = ANY($${params.length})`);
    }
    if (filter.communeCodes?.length) {
      // Any current practice site there, not only the main one.
      params.push(filter.communeCodes);
      where.push(practiceSitesSql.practisesIn('professionals', `$${params.length}::text[]`));
    }
    return { where, params, rank: search?.rank ?? null };
  }

  async get(id: string): Promise<Professional> {
    const [row] = await this.db.tenantRows<ProfessionalRow>(`SELECT ${COLUMNS} FROM professionals WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound('Professionnel introuvable.');
    const [professional] = await this.withReference([row]);
    return professional;
  }

  /** Several professionals by id (other modules' lists), merged ones included, in no particular order; unknown ids are left out. */
  async getMany(ids: readonly string[]): Promise<Professional[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.tenantRows<ProfessionalRow>(`SELECT ${COLUMNS} FROM professionals WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [requireTenantId(), [...ids]]);
    return this.withReference(rows);
  }

  /** Attaches profession and commune from the reference catalog: no statement, whatever the page size. */
  private async withReference<R extends ProfessionalRow>(rows: R[]): Promise<Array<R & Professional>> {
    const attach = (catalog: ReferenceCatalog) => {
      const out: Array<R & Professional> = [];
      for (const row of rows) {
        const profession = catalog.profession(row.professionCode);
        const commune = catalog.commune(row.communeCode);
        if (!profession || !commune) return null;
        // Completes the row in place: copying pg's row objects cost 4 % of the gateway's CPU on a list.
        const professional = row as R & Professional;
        professional.profession = profession;
        professional.commune = commune;
        out.push(professional);
      }
      return out;
    };
    // A code missing from the snapshot was added by a migration since it was loaded.
    const attached = attach(await this.reference.catalog()) ?? attach(await this.reference.reload());
    if (!attached) throw new Error('A professional refers to a profession or commune missing from the reference data.');
    return attached;
  }

  /** A new record; its commune, structure and phone make its main site (a trigger creates it with the row, ProfessionalSites1795401700000). */
  async create(input: ProfessionalInput): Promise<Professional> {
    const tenantId = requireTenantId();
    const clean = await this.check(input, null);
    const id = randomUUID();
    await this.write(
      `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, rpps, commune_code, structure_name, email, phone, created_by, updated_by, email_is_work)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)`,
      // No principal: a public form (PersonIntake) enters the person.
      [tenantId, id, clean.lastName, clean.firstName, clean.searchName, clean.professionCode, clean.rpps, clean.communeCode, clean.structureName, clean.email, clean.phone, currentScope()?.principal?.userId ?? null, clean.emailIsWork],
    );
    await this.forgetErasure(tenantId, clean.rpps);
    await this.history.record(id, 'person.created', "Fiche créée dans l'annuaire.");
    return this.get(id);
  }

  async update(id: string, input: ProfessionalInput): Promise<Professional> {
    const tenantId = requireTenantId();
    const before = await this.get(id); // NOT_FOUND comes before any complaint about the input
    if (before.erasedAt) throw AppError.conflict('Les données de cette personne ont été effacées.');
    const clean = await this.check(input, id);
    const rows = (await this.write(
      `UPDATE professionals SET last_name = $3, first_name = $4, search_name = $5, profession_code = $6, rpps = $7,
         email = $8, updated_at = now(), updated_by = $9, email_is_work = $10
       WHERE tenant_id = $1 AND id = $2 AND merged_into IS NULL RETURNING main_site_id`,
      [tenantId, id, clean.lastName, clean.firstName, clean.searchName, clean.professionCode, clean.rpps, clean.email, requirePrincipal().userId, clean.emailIsWork],
    )) as Array<{ main_site_id: string }>;
    if (rows.length === 0) throw AppError.notFound('Professionnel introuvable.');
    // The form's commune, structure and phone are the main site's: the trigger copies them back onto the person.
    await this.db.tenantRows(
      `UPDATE professional_sites SET commune_code = $3, structure_name = $4, phone = $5, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND (commune_code, structure_name, phone) IS DISTINCT FROM ($3, $4, $5)`,
      [tenantId, rows[0].main_site_id, clean.communeCode, clean.structureName, clean.phone],
    );
    await this.forgetErasure(tenantId, clean.rpps);
    const edited: LabelledField[] = ['lastName', 'firstName', 'professionCode', 'rpps', 'communeCode', 'structureName', 'email', 'phone', 'emailIsWork'];
    const changed = edited.filter((field) => (before[field as keyof typeof before] ?? null) !== (clean[field as keyof typeof clean] ?? null));
    if (changed.length > 0) await this.history.record(id, 'person.updated', `Fiche modifiée : ${fieldList(changed)}.`, { fields: changed });
    return this.get(id);
  }

  /**
   * A person erased on request who comes back to the CPTS, entered by hand
   * with their RPPS number: imports may update their record again.
   */
  private async forgetErasure(tenantId: string, rpps: string | null): Promise<void> {
    if (rpps) await this.db.tenantRows(`DELETE FROM erased_identifiers WHERE tenant_id = $1 AND rpps_hash = $2`, [tenantId, erasedRppsHash(tenantId, rpps)]);
  }

  /** Archives (true) or restores (false): archived professionals leave lists and counts but keep their history. */
  async setArchived(id: string, archived: boolean): Promise<Professional> {
    const rows = await this.db.tenantRows<{ erased: boolean }>(
      `SELECT erased_at IS NOT NULL AS erased FROM professionals WHERE tenant_id = $1 AND id = $2 AND merged_into IS NULL FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (rows.length === 0) throw AppError.notFound('Professionnel introuvable.');
    // An erased person stays archived: there is nobody left to restore.
    if (rows[0].erased && !archived) throw AppError.conflict("Les données de cette personne ont été effacées : elle ne peut pas revenir dans l'annuaire.");
    await this.db.tenantRows(
      `UPDATE professionals SET archived_at = CASE WHEN $3 THEN coalesce(archived_at, now()) END, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, archived, requirePrincipal().userId],
    );
    await this.history.record(id, archived ? 'person.archived' : 'person.restored', archived ? "Fiche archivée (retirée de l'annuaire)." : "Fiche restaurée dans l'annuaire.");
    return this.get(id);
  }

  /** A write that may race another on the RPPS number: the loser gets CONFLICT, not an internal error. */
  private async write(sql: string, params: unknown[]): Promise<unknown[]> {
    try {
      return await this.db.tenantRows(sql, params);
    } catch (err) {
      if (isUniqueViolation(err, 'professionals_rpps_key')) {
        throw AppError.conflict("Ce numéro RPPS est déjà dans l'annuaire.", [{ field: 'rpps', message: 'Numéro déjà utilisé.' }]);
      }
      throw err;
    }
  }

  /** Normalises an input and checks it against the reference data, the territory and the other professionals. */
  private async check(input: ProfessionalInput, selfId: string | null) {
    const tenantId = requireTenantId();
    const fields: FieldError[] = [];
    const lastName = input.lastName.trim().replace(/\s+/g, ' ');
    const firstName = input.firstName.trim().replace(/\s+/g, ' ');
    if (!lastName) fields.push({ field: 'lastName', message: 'Le nom est obligatoire.' });
    if (!firstName) fields.push({ field: 'firstName', message: 'Le prénom est obligatoire.' });
    const rpps = input.rpps ? input.rpps.replace(/\s/g, '') : null;
    if (rpps && !isValidRpps(rpps)) fields.push({ field: 'rpps', message: 'Numéro RPPS invalide : vérifiez les 11 chiffres.' });
    const phone = input.phone ? normalizeFrenchPhone(input.phone) : null;
    if (input.phone && !phone) fields.push({ field: 'phone', message: 'Numéro de téléphone invalide (ex. 05 56 12 34 56).' });
    const email = input.email ? input.email.trim().toLowerCase() : null;

    const [facts] = await this.db.tenantRows<{ profession: boolean; territory: boolean; duplicate: string | null }>(
      `SELECT EXISTS (SELECT 1 FROM professions WHERE code = $2) AS profession,
              EXISTS (SELECT 1 FROM tenants WHERE id = $1 AND $3 = ANY (commune_codes)) AS territory,
              (SELECT first_name || ' ' || last_name FROM professionals
                WHERE tenant_id = $1 AND rpps = $4 AND id IS DISTINCT FROM $5) AS duplicate`,
      [tenantId, input.professionCode, input.communeCode, rpps, selfId],
    );
    if (!facts.profession) fields.push({ field: 'professionCode', message: 'Profession inconnue.' });
    if (!facts.territory) fields.push({ field: 'communeCode', message: "Cette commune n'est pas sur le territoire de la CPTS." });
    if (fields.length > 0) throw AppError.badInput(fields.length === 1 ? fields[0].message : 'Certains champs sont à corriger.', fields);
    if (facts.duplicate) {
      throw AppError.conflict(`Ce numéro RPPS est déjà celui de ${facts.duplicate} dans l'annuaire.`, [
        { field: 'rpps', message: `Déjà utilisé par ${facts.duplicate}.` },
      ]);
    }
    return {
      lastName,
      firstName,
      searchName: searchKey(`${lastName} ${firstName}`),
      professionCode: input.professionCode,
      rpps,
      communeCode: input.communeCode,
      structureName: input.structureName?.trim() || null,
      email,
      phone,
      emailIsWork: input.emailIsWork ?? true,
    };
  }
}
