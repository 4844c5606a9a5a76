import { Inject, Injectable } from '@nestjs/common';
import { AppError, Connection, decodeCursor, isUuid, requireTenantId, toConnection } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ReferenceService } from '@cpts/platform-reference';
import { DIRECTORY_SQL, DirectorySql } from '@cpts/platform-persons';
import { FollowUpContact } from './campaign-report.types';

/**
 * Who was reached and did not act: one SELECT returning `delivery_id`
 * (uuid: the message that reached them), `professional_id` (uuid or NULL)
 * and `email` (text), where $1 is the tenant id and `params` follow from $2.
 * Each thing the staff may follow up by phone says what "did not act" means
 * for it; the list, its order and its exports are the same for all.
 */
export interface SilentAudience {
  sql: string;
  params: unknown[];
}

/** Recipients of a campaign whose message was sent and who clicked none of its links. */
export function campaignNonClickers(campaignId: string): SilentAudience {
  return {
    sql: `SELECT d.id AS delivery_id, d.professional_id, d.email
          FROM campaign_deliveries d
          WHERE d.tenant_id = $1 AND d.campaign_id = $2 AND d.state = 'sent'
            AND NOT EXISTS (SELECT 1 FROM campaign_clicks k
                            WHERE k.tenant_id = d.tenant_id AND k.campaign_id = d.campaign_id AND k.delivery_id = d.id)`,
    params: [campaignId],
  };
}

interface Row {
  deliveryId: string;
  professionalId: string | null;
  lastName: string | null;
  firstName: string | null;
  professionCode: string | null;
  communeCodes: string[] | null;
  phone: string | null;
  email: string;
  sortName: string;
  noPhone: number;
}

/**
 * The "relance téléphonique" list of a silent audience: name, profession,
 * commune and phone from the directory (a merged record's kept one; erased
 * and archived people are left out: nobody calls them), those with a phone
 * first, then by name.
 */
@Injectable()
export class FollowUpList {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    @Inject(DIRECTORY_SQL) private readonly directorySql: DirectorySql,
  ) {}

  async page(audience: SilentAudience, first: number, after?: string | null): Promise<Connection<FollowUpContact>> {
    const { from, params } = this.source(audience);
    const countParams = [...params];
    let where = '';
    if (after) {
      const [noPhone, name, id] = decodeCursor(after, 3);
      if ((noPhone !== 0 && noPhone !== 1) || typeof name !== 'string' || !isUuid(id)) throw AppError.field('after', 'Curseur de pagination invalide.');
      params.push(noPhone, name, id);
      where = `WHERE ("noPhone", "sortName", "deliveryId") > ($${params.length - 2}::int, $${params.length - 1}::text, $${params.length}::uuid)`;
    }
    params.push(first + 1);
    const rows = await this.db.tenantRows<Row>(`SELECT * FROM (${from}) f ${where} ORDER BY "noPhone", "sortName", "deliveryId" LIMIT $${params.length}`, params);
    const [{ total }] = await this.db.tenantRows<{ total: number }>(`SELECT count(*)::int AS total FROM (${from}) f`, countParams);
    return toConnection(await this.contacts(rows), first, total, (c) => [c.phone ? 0 : 1, c.sortName, c.deliveryId], Boolean(after));
  }

  /** The whole list, for the exports. */
  async all(audience: SilentAudience): Promise<FollowUpContact[]> {
    const { from, params } = this.source(audience);
    return this.contacts(await this.db.tenantRows<Row>(`SELECT * FROM (${from}) f ORDER BY "noPhone", "sortName", "deliveryId"`, params));
  }

  private source(audience: SilentAudience): { from: string; params: unknown[] } {
    return {
      from: `SELECT s.delivery_id AS "deliveryId", p.id AS "professionalId", p.last_name AS "lastName", p.first_name AS "firstName",
                    p.profession_code AS "professionCode", ${this.directorySql.sites.communesOf('p')} AS "communeCodes", nullif(p.phone, '') AS phone, s.email,
                    coalesce(p.search_name, lower(s.email)) AS "sortName", (coalesce(p.phone, '') = '')::int AS "noPhone"
             FROM (${audience.sql}) s
             LEFT JOIN professionals r ON r.tenant_id = $1 AND r.id = s.professional_id
             LEFT JOIN professionals p ON p.tenant_id = $1 AND p.id = coalesce(r.merged_into, r.id)
             WHERE s.professional_id IS NULL OR (p.id IS NOT NULL AND p.erased_at IS NULL AND p.archived_at IS NULL)`,
      params: [requireTenantId(), ...audience.params],
    };
  }

  private async contacts(rows: Row[]): Promise<FollowUpContact[]> {
    const catalog = await this.reference.catalog();
    return rows.map((r) => ({
      deliveryId: r.deliveryId,
      professionalId: r.professionalId,
      lastName: r.lastName,
      firstName: r.firstName,
      profession: r.professionCode ? catalog.profession(r.professionCode) : null,
      commune: r.communeCodes?.length ? catalog.commune(r.communeCodes[0]) : null,
      communes: (r.communeCodes ?? []).flatMap((code) => catalog.commune(code) ?? []),
      phone: r.phone,
      email: r.email,
      sortName: r.sortName,
    }));
  }
}

/** The columns of a follow-up export, CSV and XLSX alike (width in characters). */
export const FOLLOW_UP_COLUMNS: Array<{ header: string; width: number; value: (c: FollowUpContact) => string | null }> = [
  { header: 'Nom', width: 22, value: (c) => c.lastName },
  { header: 'Prénom', width: 18, value: (c) => c.firstName },
  { header: 'Profession', width: 26, value: (c) => c.profession?.label ?? null },
  { header: 'Commune', width: 24, value: (c) => c.communes.map((x) => x.name).join(', ') || null },
  { header: 'Téléphone', width: 16, value: (c) => c.phone },
  { header: 'E-mail', width: 30, value: (c) => c.email },
];
