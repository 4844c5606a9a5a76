import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ReferenceService } from '@cpts/platform-reference';
import { fieldList, LabelledField } from '../field-labels';
import { PersonHistoryService } from '../history/person-history.service';
import { normalizeFrenchPhone } from '../identifiers';
import { ProfessionalSite, ProfessionalSiteInput } from './site.types';

const SITE_COLUMNS = `s.id, s.professional_id AS "professionalId", s.structure_name AS "structureName", s.address, s.postal_code AS "postalCode",
  s.commune_code AS "communeCode", s.phone, s.practice_mode AS "practiceMode", s.id = p.main_site_id AS "isMain", s.source = 'import' AS "fromImport",
  s.structure_id AS "structureId", s.siret, s.finess, s.retired_at AS "retiredAt", s.created_at AS "createdAt"`;

/** The editable fields of a site, as the history names them. */
const EDITED: Array<keyof CleanSite & LabelledField> = ['structureName', 'address', 'postalCode', 'communeCode', 'phone'];

interface CleanSite {
  structureName: string | null;
  address: string | null;
  postalCode: string | null;
  communeCode: string;
  phone: string | null;
}

/**
 * A professional's practice sites, as the staff see and edit them. Sites are
 * the source of truth for where a person practises; the person's row holds
 * the main site's commune, structure and phone (copied by triggers,
 * ProfessionalSites1795401700000). A site is never deleted: a removed one is
 * retired (kept for the person's history, no longer current). A site added
 * by hand is never retired by an import; a field edited by hand on an
 * imported site is kept by the next import, and reported when the
 * extraction changes it too (like the person's fields).
 */
@Injectable()
export class SitesService {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly history: PersonHistoryService,
  ) {}

  /** The sites of several people (DataLoader), the main one first, then in the order they came; retired ones only when asked. */
  async ofProfessionals(ids: readonly string[], includeRetired: boolean): Promise<Map<string, ProfessionalSite[]>> {
    const rows = await this.db.tenantRows<ProfessionalSite>(
      `SELECT ${SITE_COLUMNS} FROM professional_sites s JOIN professionals p ON p.tenant_id = s.tenant_id AND p.id = s.professional_id
       WHERE s.tenant_id = $1 AND s.professional_id = ANY($2::uuid[]) ${includeRetired ? '' : 'AND s.retired_at IS NULL'}
       ORDER BY s.retired_at IS NOT NULL, s.id = p.main_site_id DESC, s.created_at, s.id`,
      [requireTenantId(), [...ids]],
    );
    const catalog = await this.reference.catalog();
    const out = new Map<string, ProfessionalSite[]>();
    for (const row of rows) {
      const commune = catalog.commune(row.communeCode) ?? (await this.reference.reload()).commune(row.communeCode);
      if (!commune) throw new Error(`site ${row.id} refers to a commune missing from the reference data`);
      row.commune = commune;
      out.set(row.professionalId, [...(out.get(row.professionalId) ?? []), row]);
    }
    return out;
  }

  async add(professionalId: string, input: ProfessionalSiteInput): Promise<void> {
    const tenantId = requireTenantId();
    await this.lockPerson(professionalId);
    const site = await this.check(input);
    await this.db.tenantRows(
      `INSERT INTO professional_sites (tenant_id, id, professional_id, source, structure_name, address, postal_code, commune_code, phone)
       VALUES ($1, $2, $3, 'manual', $4, $5, $6, $7, $8)`,
      [tenantId, randomUUID(), professionalId, site.structureName, site.address, site.postalCode, site.communeCode, site.phone],
    );
    await this.touch(professionalId);
    await this.history.record(professionalId, 'person.site_added', `Lieu d'exercice ajouté : ${await this.siteName(site)}.`);
  }

  async update(siteId: string, input: ProfessionalSiteInput): Promise<string> {
    const tenantId = requireTenantId();
    const before = await this.lockSite(siteId);
    if (before.retiredAt) throw AppError.conflict("Ce lieu d'exercice a été retiré : il ne peut plus être modifié.");
    const site = await this.check(input);
    const changed = EDITED.filter((f) => (before[f] ?? null) !== site[f]);
    if (changed.length === 0) return before.professionalId;
    // A main site's values reach the person's row through the trigger, in this statement.
    await this.db.tenantRows(
      `UPDATE professional_sites SET structure_name = $3, address = $4, postal_code = $5, commune_code = $6, phone = $7, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, siteId, site.structureName, site.address, site.postalCode, site.communeCode, site.phone],
    );
    await this.touch(before.professionalId);
    await this.history.record(
      before.professionalId,
      'person.site_updated',
      `Lieu d'exercice ${await this.siteName(site)} modifié : ${fieldList(changed)}.`,
      {
        siteId,
        fields: changed,
      },
    );
    return before.professionalId;
  }

  async retire(siteId: string): Promise<string> {
    const site = await this.lockSite(siteId);
    if (site.retiredAt) throw AppError.conflict("Ce lieu d'exercice a déjà été retiré.");
    if (site.isMain) throw AppError.conflict("C'est le lieu d'exercice principal : choisissez d'abord un autre lieu principal.");
    await this.db.tenantRows(`UPDATE professional_sites SET retired_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      siteId,
    ]);
    await this.touch(site.professionalId);
    await this.history.record(site.professionalId, 'person.site_retired', `Lieu d'exercice retiré : ${await this.siteName(site)}.`, {
      siteId,
    });
    return site.professionalId;
  }

  async setMain(siteId: string): Promise<string> {
    const site = await this.lockSite(siteId);
    if (site.retiredAt) throw AppError.conflict("Ce lieu d'exercice a été retiré : il ne peut pas devenir le lieu principal.");
    if (site.isMain) return site.professionalId;
    // The trigger copies the site's commune, structure and phone onto the person in this statement.
    await this.db.tenantRows(
      `UPDATE professionals SET main_site_id = $3, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), site.professionalId, siteId, requirePrincipal().userId],
    );
    await this.history.record(site.professionalId, 'person.site_main', `Lieu d'exercice principal : ${await this.siteName(site)}.`, {
      siteId,
    });
    return site.professionalId;
  }

  /** The person, locked, if the staff may still change their sites. */
  private async lockPerson(professionalId: string): Promise<void> {
    const [person] = await this.db.tenantRows<{ merged: boolean; erased: boolean }>(
      `SELECT merged_into IS NOT NULL AS merged, erased_at IS NOT NULL AS erased FROM professionals WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), professionalId],
    );
    if (!person || person.merged) throw AppError.notFound('Professionnel introuvable.');
    if (person.erased) throw AppError.conflict('Les données de cette personne ont été effacées.');
  }

  private async lockSite(siteId: string): Promise<ProfessionalSite> {
    const [site] = await this.db.tenantRows<ProfessionalSite>(
      `SELECT ${SITE_COLUMNS} FROM professional_sites s JOIN professionals p ON p.tenant_id = s.tenant_id AND p.id = s.professional_id
       WHERE s.tenant_id = $1 AND s.id = $2`,
      [requireTenantId(), siteId],
    );
    if (!site) throw AppError.notFound("Lieu d'exercice introuvable.");
    await this.lockPerson(site.professionalId);
    return site;
  }

  private touch(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(`UPDATE professionals SET updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      professionalId,
      requirePrincipal().userId,
    ]);
  }

  private async check(input: ProfessionalSiteInput): Promise<CleanSite> {
    const phone = input.phone ? normalizeFrenchPhone(input.phone) : null;
    if (input.phone && !phone) throw AppError.field('phone', 'Numéro de téléphone invalide (ex. 05 56 12 34 56).');
    const [territory] = await this.db.tenantRows(`SELECT 1 FROM tenants WHERE id = $1 AND $2 = ANY (commune_codes)`, [
      requireTenantId(),
      input.communeCode,
    ]);
    if (!territory) throw AppError.field('communeCode', "Cette commune n'est pas sur le territoire de la CPTS.");
    const text = (v: string | null | undefined) => v?.trim().replace(/\s+/g, ' ') || null;
    return {
      structureName: text(input.structureName),
      address: text(input.address),
      postalCode: text(input.postalCode),
      communeCode: input.communeCode,
      phone,
    };
  }

  /** « MSP du Marais, Niort »: how the history and the staff name a site. */
  private async siteName(site: { structureName: string | null; communeCode: string }): Promise<string> {
    const commune = (await this.reference.catalog()).commune(site.communeCode)?.name ?? site.communeCode;
    return `« ${[site.structureName, commune].filter(Boolean).join(', ')} »`;
  }
}
