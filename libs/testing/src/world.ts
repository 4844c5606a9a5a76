import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import argon2 from 'argon2';
import { proposeSlug, Role, searchKey } from '@cpts/platform-core';

export const TEST_PASSWORD = 'mot de passe de test';

let passwordHash: Promise<string> | null = null;

/**
 * Builds test data straight in the database, as the owner role (so the
 * tests do not depend on the API they test). Tenant rows are written inside
 * a transaction that sets app.tenant_id: RLS is forced even for the owner.
 */
export class TestData {
  readonly pool: Pool;

  constructor(ownerUrl = process.env.MIGRATION_DATABASE_URL as string) {
    this.pool = new Pool({ connectionString: ownerUrl, max: 2 });
  }

  async region(code = '75'): Promise<string> {
    const names: Record<string, string> = { '75': 'Nouvelle-Aquitaine', '76': 'Occitanie', '84': 'Auvergne-Rhône-Alpes' };
    const { rows } = await this.pool.query(
      `INSERT INTO regions (id, name, network_name, insee_region_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (insee_region_code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [randomUUID(), names[code] ?? `Région ${code}`, `Réseau ${code}`, code],
    );
    return rows[0].id;
  }

  /** A CPTS on `count` communes of the département not yet taken by another CPTS; its address is proposed from its name. */
  async cpts(
    regionId: string,
    options: { name?: string; departement?: string; communes?: number } = {},
  ): Promise<{ id: string; communes: string[]; slug: string }> {
    const departement = options.departement ?? '33';
    const { rows: communes } = await this.pool.query(
      `SELECT insee_code FROM communes c WHERE departement_code = $1
         AND NOT EXISTS (SELECT 1 FROM tenants t WHERE c.insee_code = ANY (t.commune_codes))
       ORDER BY population DESC LIMIT $2`,
      [departement, options.communes ?? 3],
    );
    const id = randomUUID();
    const codes = communes.map((c) => c.insee_code);
    // Spec files of a Jest project share one database: a name another spec file took in the region gets the id's start.
    const wanted = options.name ?? `CPTS test ${id.slice(0, 8)}`;
    const nameTaken = (await this.pool.query(`SELECT 1 FROM tenants WHERE region_id = $1 AND lower(name) = lower($2)`, [regionId, wanted])).rowCount;
    const name = nameTaken ? `${wanted} ${id.slice(0, 8)}` : wanted;
    // The address proposed from the name, or, when a CPTS of an earlier test has it, that and the id's start.
    const proposed = proposeSlug(name);
    const taken = (await this.pool.query(`SELECT 1 FROM tenant_slugs WHERE slug = $1`, [proposed])).rowCount;
    const slug = taken ? `${proposed.slice(0, 51)}-${id.slice(0, 8)}` : proposed;
    await this.pool.query(
      `WITH t AS (
         INSERT INTO tenants (id, region_id, name, slug, size, departement_codes, commune_codes, inhabitants, contact_email)
         VALUES ($1, $2, $3, $6, 2, $4, $5, 50000, 'contact@cpts.test') RETURNING id, slug
       )
       INSERT INTO tenant_slugs (slug, tenant_id) SELECT slug, id FROM t`,
      [id, regionId, name, [departement], codes, slug],
    );
    return { id, communes: codes, slug };
  }

  async user(roles: Array<{ role: Role; tenantId?: string; regionId?: string }>, email = `u-${randomUUID().slice(0, 8)}@test.cpts.fr`): Promise<{ id: string; email: string }> {
    // Any argon2id parameters verify; the platform's own are checked by its unit tests.
    passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
    const id = randomUUID();
    await this.pool.query(`INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)`, [id, email, `Test ${email.split('@')[0]}`, await passwordHash]);
    for (const r of roles) {
      await this.pool.query(`INSERT INTO role_assignments (id, user_id, role, tenant_id, region_id) VALUES ($1, $2, $3, $4, $5)`, [
        randomUUID(),
        id,
        r.role,
        r.tenantId ?? null,
        r.regionId ?? null,
      ]);
    }
    return { id, email };
  }

  async follow(missionOfficerId: string, tenantIds: string[]): Promise<void> {
    for (const tenantId of tenantIds) {
      await this.pool.query(`INSERT INTO mission_officer_tenants (user_id, tenant_id) VALUES ($1, $2)`, [missionOfficerId, tenantId]);
    }
  }

  async professional(
    tenantId: string,
    communeCode: string,
    fields: { lastName?: string; firstName?: string; professionCode?: string; rpps?: string | null; email?: string | null; phone?: string | null } = {},
  ): Promise<string> {
    const id = randomUUID();
    const lastName = fields.lastName ?? `Nom${id.slice(0, 6)}`;
    const firstName = fields.firstName ?? 'Prénom';
    await this.inTenant(tenantId, (client) =>
      client.query(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, rpps, commune_code, email, phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [tenantId, id, lastName, firstName, searchKey(`${lastName} ${firstName}`), fields.professionCode ?? '60', fields.rpps ?? null, communeCode, fields.email ?? null, fields.phone ?? null],
      ),
    );
    return id;
  }

  /**
   * A campaign of the CPTS with one delivery per recipient, as sending it
   * writes them: `sent` (the default) for a report, `sending` with pending
   * deliveries for a worker to send.
   */
  async campaign(
    tenantId: string,
    options: { subject?: string; bodyHtml: string; status?: 'sending' | 'sent'; recipients: Array<{ email: string; professionalId?: string | null; state?: 'pending' | 'sent' | 'failed' }> },
  ): Promise<{ campaignId: string; deliveryIds: string[] }> {
    const campaignId = randomUUID();
    const deliveryIds = options.recipients.map(() => randomUUID());
    const status = options.status ?? 'sent';
    await this.inTenant(tenantId, async (client) => {
      await client.query(
        `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at, finished_at)
         VALUES ($1, $2, 'professionals', 'pro_newsletter', $3, $4, 'CPTS Test', $5, now(), CASE WHEN $5 = 'sent' THEN now() END)`,
        [tenantId, campaignId, options.subject ?? 'Lettre de novembre', options.bodyHtml, status],
      );
      await client.query(
        `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, professional_id, email, basis, state, sent_at)
         SELECT $1, u.id, $2, u.professional_id, u.email, 'work_address_opt_out', u.state, CASE WHEN u.state = 'sent' THEN now() END
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS u(id, professional_id, email, state)`,
        [
          tenantId,
          campaignId,
          deliveryIds,
          options.recipients.map((r) => r.professionalId ?? null),
          options.recipients.map((r) => r.email),
          options.recipients.map((r) => r.state ?? (status === 'sent' ? 'sent' : 'pending')),
        ],
      );
    });
    return { campaignId, deliveryIds };
  }

  /** Runs `fn` in a transaction confined to one tenant. */
  async inTenant<T>(tenantId: string, fn: (client: { query: Pool['query'] }) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const result = await fn(client as unknown as { query: Pool['query'] });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
