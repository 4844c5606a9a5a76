import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, hasRole, Principal, regionsWhere, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ReferenceService } from '@cpts/platform-reference';
import { CptsSlugs } from './cpts-slugs';

export interface CptsRecord {
  id: string;
  regionId: string;
  name: string;
  slug: string;
  size: number;
  departementCodes: string[];
  communeCodes: string[];
  inhabitants: number;
  contactEmail: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface RegionRecord {
  id: string;
  name: string;
  networkName: string;
  inseeRegionCode: string;
}

export interface TeamMemberRecord {
  user: { id: string; email: string; displayName: string };
  roles: Role[];
  followedCpts: CptsRecord[];
}

export interface CptsFields {
  name: string;
  size: number;
  departementCodes: string[];
  communeCodes: string[];
  /** Defaults to the sum of the communes' populations. */
  inhabitants?: number | null;
  contactEmail: string;
  /** The address of its public pages; when absent: proposed from the name (creation), unchanged (edit). */
  slug?: string | null;
}

/** A CPTS's fields once checked: trimmed, sorted, the population filled in. */
interface CheckedCpts {
  name: string;
  departementCodes: string[];
  communeCodes: string[];
  contactEmail: string;
  inhabitants: number;
}

/** What a creation and an edit write, in this order: name, slug, size, departement_codes, commune_codes, inhabitants, contact_email. */
function cptsValues(checked: CheckedCpts, slug: string, size: number): unknown[] {
  return [checked.name, slug, size, checked.departementCodes, checked.communeCodes, checked.inhabitants, checked.contactEmail];
}

const CPTS_COLUMNS = `t.id, t.region_id AS "regionId", t.name, t.slug, t.size, t.departement_codes AS "departementCodes",
  t.commune_codes AS "communeCodes", t.inhabitants, t.contact_email AS "contactEmail", t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

/**
 * The organisation above tenants: regions, their CPTS (created and edited by
 * region admins), and which CPTS each mission officer follows.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly slugs: CptsSlugs,
  ) {}

  async regions(): Promise<RegionRecord[]> {
    return this.db.rows<RegionRecord>(
      `SELECT id, name, network_name AS "networkName", insee_region_code AS "inseeRegionCode" FROM regions ORDER BY name`,
    );
  }

  async regionsByIds(ids: readonly string[]): Promise<RegionRecord[]> {
    return this.db.rows<RegionRecord>(`SELECT id, name, network_name AS "networkName", insee_region_code AS "inseeRegionCode" FROM regions WHERE id = ANY($1)`, [ids]);
  }

  async region(id: string): Promise<RegionRecord | null> {
    const [row] = await this.db.rows<RegionRecord>(
      `SELECT id, name, network_name AS "networkName", insee_region_code AS "inseeRegionCode" FROM regions WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The region a region admin acts on: the one given (if theirs) or their only one. */
  adminRegion(principal: Principal, regionId?: string | null): string {
    const regions = regionsWhere(principal, [Role.REGION_ADMIN]);
    if (regionId) {
      if (!regions.includes(regionId)) throw AppError.forbidden("Vous n'administrez pas cette région.");
      return regionId;
    }
    if (regions.length === 0) throw AppError.forbidden();
    if (regions.length > 1) throw AppError.field('regionId', 'Précisez la région.');
    return regions[0];
  }

  async cptsOfRegions(regionIds: string[]): Promise<CptsRecord[]> {
    return this.db.rows<CptsRecord>(`SELECT ${CPTS_COLUMNS} FROM tenants t WHERE t.region_id = ANY($1) ORDER BY t.name`, [regionIds]);
  }

  async assignedCpts(userId: string): Promise<CptsRecord[]> {
    return this.db.rows<CptsRecord>(
      `SELECT ${CPTS_COLUMNS} FROM tenants t JOIN mission_officer_tenants mot ON mot.tenant_id = t.id WHERE mot.user_id = $1 ORDER BY t.name`,
      [userId],
    );
  }

  async cptsById(id: string): Promise<CptsRecord | null> {
    const [row] = await this.db.rows<CptsRecord>(`SELECT ${CPTS_COLUMNS} FROM tenants t WHERE t.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * The CPTS, if the principal may see it: a role in it, a region admin of
   * its region, or a mission officer following it. Otherwise NOT_FOUND, the
   * same answer as for a CPTS that does not exist.
   */
  async visibleCpts(principal: Principal, id: string): Promise<CptsRecord> {
    const cpts = await this.cptsById(id);
    if (cpts && (await this.canSee(principal, cpts))) return cpts;
    throw AppError.notFound('CPTS introuvable.');
  }

  /** Tenants whose data the principal may read through the regional path. */
  async regionallyReadableTenants(principal: Principal): Promise<string[]> {
    const adminRegions = regionsWhere(principal, [Role.REGION_ADMIN]);
    const rows = await this.db.rows<{ id: string }>(
      `SELECT id FROM tenants WHERE region_id = ANY($1)
       UNION SELECT tenant_id FROM mission_officer_tenants WHERE user_id = $2`,
      [adminRegions, principal.userId],
    );
    return rows.map((r) => r.id);
  }

  async createCpts(principal: Principal, regionId: string, input: CptsFields): Promise<CptsRecord> {
    const checked = await this.checkCptsInput(regionId, input, null);
    const id = randomUUID();
    const slug = await this.slugs.claim(id, input.slug ?? (await this.slugs.suggest(checked.name, null)), principal.userId);
    await this.db.rows(
      `INSERT INTO tenants (id, region_id, name, slug, size, departement_codes, commune_codes, inhabitants, contact_email, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [id, regionId, ...cptsValues(checked, slug, input.size), principal.userId],
    );
    return (await this.cptsById(id)) as CptsRecord;
  }

  async updateCpts(principal: Principal, id: string, input: CptsFields): Promise<CptsRecord> {
    const current = await this.cptsById(id);
    if (!current || !regionsWhere(principal, [Role.REGION_ADMIN]).includes(current.regionId)) throw AppError.notFound('CPTS introuvable.');
    const checked = await this.checkCptsInput(current.regionId, input, id);
    // A new address joins the former ones, which keep leading here.
    const slug =
      input.slug != null && input.slug !== current.slug ? await this.slugs.claim(id, input.slug, principal.userId) : current.slug;
    await this.db.rows(
      `UPDATE tenants SET name = $2, slug = $3, size = $4, departement_codes = $5, commune_codes = $6, inhabitants = $7, contact_email = $8,
         updated_at = now(), updated_by = $9
       WHERE id = $1`,
      [id, ...cptsValues(checked, slug, input.size), principal.userId],
    );
    return (await this.cptsById(id)) as CptsRecord;
  }

  /** Sets the CPTS a mission officer of the admin's region follows (replaces the previous set). */
  async assignMissionOfficer(principal: Principal, userId: string, tenantIds: string[]): Promise<void> {
    const [officer] = await this.db.rows<{ region_id: string }>(
      `SELECT region_id FROM role_assignments WHERE user_id = $1 AND role = 'MISSION_OFFICER' AND region_id = ANY($2)`,
      [userId, regionsWhere(principal, [Role.REGION_ADMIN])],
    );
    if (!officer) throw AppError.notFound('Chargé·e de mission introuvable dans votre région.');
    const unique = [...new Set(tenantIds)];
    const inRegion = await this.db.rows<{ id: string }>(`SELECT id FROM tenants WHERE id = ANY($1) AND region_id = $2`, [unique, officer.region_id]);
    if (inRegion.length !== unique.length) throw AppError.field('cptsIds', 'Certaines CPTS ne sont pas dans la région de cette personne.');
    await this.db.rows(`DELETE FROM mission_officer_tenants WHERE user_id = $1 AND NOT (tenant_id = ANY($2))`, [userId, unique]);
    await this.db.rows(
      `INSERT INTO mission_officer_tenants (user_id, tenant_id, assigned_by) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [userId, unique, principal.userId],
    );
  }

  /** CPTS each of these mission officers follows, keyed by user id. */
  async assignmentsOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.rows<{ user_id: string; tenant_ids: string[] }>(
      `SELECT user_id, array_agg(tenant_id ORDER BY tenant_id) AS tenant_ids FROM mission_officer_tenants WHERE user_id = ANY($1) GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.tenant_ids]));
  }

  private async canSee(principal: Principal, cpts: CptsRecord): Promise<boolean> {
    if (principal.tenantId === cpts.id) return true;
    if (regionsWhere(principal, [Role.REGION_ADMIN]).includes(cpts.regionId)) return true;
    if (hasRole(principal, Role.MISSION_OFFICER)) {
      const rows = await this.db.rows(`SELECT 1 FROM mission_officer_tenants WHERE user_id = $1 AND tenant_id = $2`, [principal.userId, cpts.id]);
      if (rows.length > 0) return true;
    }
    const roles = await this.db.rows(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND tenant_id = $2`, [principal.userId, cpts.id]);
    return roles.length > 0;
  }

  private async checkCptsInput(regionId: string, input: CptsFields, selfId: string | null): Promise<CheckedCpts> {
    const name = input.name.trim().replace(/\s+/g, ' ');
    const departementCodes = [...new Set(input.departementCodes)].sort();
    const communeCodes = [...new Set(input.communeCodes)].sort();
    const contactEmail = input.contactEmail.trim().toLowerCase();

    const departements = await this.db.rows<{ code: string }>(
      `SELECT d.code FROM departements d JOIN regions r ON r.insee_region_code = d.region_code WHERE r.id = $1 AND d.code = ANY($2)`,
      [regionId, departementCodes],
    );
    if (departements.length !== departementCodes.length) {
      throw AppError.field('departementCodes', 'Certains départements ne sont pas dans la région.');
    }
    const unknown = await this.reference.unknownCommunes(communeCodes);
    if (unknown.length > 0) throw AppError.field('communeCodes', `Codes INSEE inconnus : ${unknown.slice(0, 5).join(', ')}.`);
    const outside = await this.db.rows<{ insee_code: string; name: string }>(
      `SELECT insee_code, name FROM communes WHERE insee_code = ANY($1) AND NOT (departement_code = ANY($2)) LIMIT 5`,
      [communeCodes, departementCodes],
    );
    if (outside.length > 0) {
      throw AppError.field('communeCodes', `Communes hors des départements choisis : ${outside.map((c) => c.name).join(', ')}.`);
    }
    // A commune belongs to one CPTS at most: the territories of a region do not overlap.
    const taken = await this.db.rows<{ name: string; commune: string }>(
      `SELECT t.name, c.name AS commune FROM tenants t CROSS JOIN LATERAL unnest(t.commune_codes) AS code
       JOIN communes c ON c.insee_code = code
       WHERE t.region_id = $1 AND t.id IS DISTINCT FROM $2 AND code = ANY($3) LIMIT 5`,
      [regionId, selfId, communeCodes],
    );
    if (taken.length > 0) {
      throw AppError.conflict(`Ces communes font déjà partie du territoire de ${taken[0].name} : ${taken.map((t) => t.commune).join(', ')}.`, [
        { field: 'communeCodes', message: `Déjà sur le territoire de ${taken[0].name}.` },
      ]);
    }
    const sameName = await this.db.rows(`SELECT 1 FROM tenants WHERE region_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [
      regionId,
      name,
      selfId,
    ]);
    if (sameName.length > 0) throw AppError.conflict('Une CPTS porte déjà ce nom dans la région.', [{ field: 'name', message: 'Nom déjà utilisé.' }]);
    const inhabitants = input.inhabitants ?? (await this.reference.population(communeCodes));
    return { name, departementCodes, communeCodes, contactEmail, inhabitants };
  }

  /** People with a role in these regions, with the CPTS each mission officer follows. */
  regionTeam(regionIds: string[]): Promise<TeamMemberRecord[]> {
    return this.team(`ra.region_id = ANY($1)`, regionIds);
  }

  /** People with a role in this CPTS. */
  cptsTeam(tenantId: string): Promise<TeamMemberRecord[]> {
    return this.team(`ra.tenant_id = $1`, tenantId);
  }

  private async team(where: string, param: unknown): Promise<TeamMemberRecord[]> {
    const rows = await this.db.rows<TeamMemberRecord['user'] & { roles: Role[] }>(
      `SELECT u.id, u.email, u.display_name AS "displayName", array_agg(DISTINCT ra.role ORDER BY ra.role) AS roles
       FROM role_assignments ra JOIN users u ON u.id = ra.user_id
       WHERE ${where} GROUP BY u.id ORDER BY u.display_name`,
      [param],
    );
    const assignments = await this.assignmentsOf(rows.filter((r) => r.roles.includes(Role.MISSION_OFFICER)).map((r) => r.id));
    const followedIds = [...new Set([...assignments.values()].flat())];
    const followed = new Map((followedIds.length ? await Promise.all(followedIds.map((id) => this.cptsById(id))) : []).filter((c): c is CptsRecord => !!c).map((c) => [c.id, c]));
    return rows.map((r) => ({
      user: { id: r.id, email: r.email, displayName: r.displayName },
      roles: r.roles,
      followedCpts: (assignments.get(r.id) ?? []).map((id) => followed.get(id)).filter((c): c is CptsRecord => !!c),
    }));
  }
}
