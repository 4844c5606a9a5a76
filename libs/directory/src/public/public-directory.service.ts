import { Injectable } from '@nestjs/common';
import { Db } from '@cpts/platform-db';
import { AddressedCpts } from '@cpts/platform-identity';
import { ReferenceService } from '@cpts/platform-reference';

export interface PublicPerson {
  lastName: string;
  firstName: string;
  structureName: string | null;
  phone: string | null;
  labels: string[];
}

export interface PublicDirectory {
  /** Its name, and the address of its public pages (no internal id is shown). */
  cpts: { slug: string; name: string };
  labels: string[];
  communes: Array<{ code: string; name: string; professions: Array<{ code: string; label: string; people: PublicPerson[] }> }>;
}

/**
 * The public, login-free page of a CPTS's directory: the professionals who
 * gave the public_listing consent, and nothing else about them than what
 * that consent's wording names (no e-mail). A person is listed under the
 * commune of each of their current practice sites, with that site's
 * structure and phone. Read on every request, so a
 * withdrawal takes effect at the next one.
 */
@Injectable()
export class PublicDirectoryService {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
  ) {}

  /** The page of the CPTS its address named (CptsSlugs.resolve). */
  async directory(cpts: AddressedCpts): Promise<PublicDirectory> {
    return this.inTenant(cpts.tenantId, async (id) => {
      const rows = await this.db.tenantRows<PublicPerson & { communeCode: string; professionCode: string }>(
        `SELECT p.last_name AS "lastName", p.first_name AS "firstName", s.structure_name AS "structureName", s.phone,
                s.commune_code AS "communeCode", p.profession_code AS "professionCode",
                ARRAY(SELECT l.name FROM professional_labels pl JOIN directory_labels l ON l.tenant_id = pl.tenant_id AND l.id = pl.label_id
                      WHERE pl.tenant_id = p.tenant_id AND pl.professional_id = p.id ORDER BY lower(l.name)) AS labels
         FROM consents c
         JOIN professionals p ON p.tenant_id = c.tenant_id AND p.id = c.professional_id
         JOIN professional_sites s ON s.tenant_id = p.tenant_id AND s.professional_id = p.id AND s.retired_at IS NULL
         WHERE c.tenant_id = $1 AND c.purpose = 'public_listing' AND c.status = 'given' AND p.archived_at IS NULL AND p.erased_at IS NULL
         ORDER BY p.search_name, p.id, s.id = p.main_site_id DESC, s.created_at`,
        [id],
      );
      const catalog = await this.reference.catalog();
      const communes = new Map<string, PublicDirectory['communes'][number]>();
      for (const row of rows) {
        const commune = catalog.commune(row.communeCode) ?? (await this.reference.reload()).commune(row.communeCode);
        const profession = catalog.profession(row.professionCode) ?? (await this.reference.reload()).profession(row.professionCode);
        let c = communes.get(row.communeCode);
        if (!c) communes.set(row.communeCode, (c = { code: row.communeCode, name: commune?.name ?? row.communeCode, professions: [] }));
        let p = c.professions.find((x) => x.code === row.professionCode);
        if (!p) c.professions.push((p = { code: row.professionCode, label: profession?.label ?? row.professionCode, people: [] }));
        p.people.push({
          lastName: row.lastName,
          firstName: row.firstName,
          structureName: row.structureName,
          phone: row.phone,
          labels: row.labels,
        });
      }
      const sorted = [...communes.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      for (const c of sorted) c.professions.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
      // The labels someone on the page carries: a filter that could only give nothing is not offered.
      const labels = [...new Set(rows.flatMap((r) => r.labels))].sort((a, b) => a.localeCompare(b, 'fr'));
      return { cpts: { slug: cpts.slug, name: cpts.name }, labels, communes: sorted };
    });
  }

  /**
   * A read-only transaction of its own, confined by RLS to the CPTS of the
   * address: whoever calls (nobody, or a signed-in person of another CPTS),
   * the request's own scope and tenant are never used, so this page can
   * reach no other tenant.
   */
  private inTenant<T>(tenantId: string, fn: (tenantId: string) => Promise<T>): Promise<T> {
    return this.db.runApart({ tenantId, label: 'public-directory', readOnly: true }, () => fn(tenantId));
  }
}
