import { MigrationInterface, QueryRunner } from 'typeorm';
import { proposeSlug, SLUG_MAX_LENGTH, SLUG_MIN_LENGTH } from '@cpts/platform-core';
import { FREE_SLUG_SQL } from './cpts-slugs';
import { RegionalAssignments1795620000000 } from './regional-assignments.migration';

const TENANT_ROLES = `'COORDINATOR', 'STAFF', 'BOARD_MEMBER', 'MEMBER'`;
const REGION_ROLES = `'REGION_ADMIN', 'MISSION_OFFICER'`;

export class Identity1795400100000 implements MigrationInterface {
  name = 'Identity1795400100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        network_name text NOT NULL,
        insee_region_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX regions_insee_region_code_key ON regions (insee_region_code)`);

    await runner.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES regions (id),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 120),
        size smallint NOT NULL CHECK (size BETWEEN 1 AND 4),
        departement_codes text[] NOT NULL CHECK (cardinality(departement_codes) > 0),
        commune_codes text[] NOT NULL CHECK (cardinality(commune_codes) > 0),
        inhabitants int NOT NULL CHECK (inhabitants >= 0),
        contact_email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX tenants_region_name_key ON tenants (region_id, lower(name))`);

    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text NULL,
        last_tenant_id uuid NULL REFERENCES tenants (id),
        disabled_at timestamptz NULL,
        last_login_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await runner.query(`
      CREATE TABLE role_assignments (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL,
        region_id uuid NULL REFERENCES regions (id),
        tenant_id uuid NULL REFERENCES tenants (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        CHECK (
          (role = 'PLATFORM_ADMIN' AND region_id IS NULL AND tenant_id IS NULL)
          OR (role IN (${REGION_ROLES}) AND region_id IS NOT NULL AND tenant_id IS NULL)
          OR (role IN (${TENANT_ROLES}) AND tenant_id IS NOT NULL AND region_id IS NULL)
        )
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX role_assignments_key ON role_assignments (user_id, role, coalesce(tenant_id, region_id, '00000000-0000-0000-0000-000000000000'))`,
    );
    await runner.query(`CREATE INDEX role_assignments_tenant_idx ON role_assignments (tenant_id) WHERE tenant_id IS NOT NULL`);
    await runner.query(`CREATE INDEX role_assignments_region_idx ON role_assignments (region_id) WHERE region_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE mission_officer_tenants (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        assigned_by uuid NULL,
        PRIMARY KEY (user_id, tenant_id)
      )`);

    await runner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        active_tenant_id uuid NULL REFERENCES tenants (id),
        user_agent text NULL,
        ip text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz NULL
      )`);
    await runner.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await runner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await runner.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await runner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL,
        region_id uuid NULL REFERENCES regions (id),
        tenant_id uuid NULL REFERENCES tenants (id),
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz NULL,
        revoked_at timestamptz NULL,
        invited_by uuid NULL REFERENCES users (id),
        -- the email carrying the link (mail_outbox.id), to show its delivery
        mail_id uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (role IN (${REGION_ROLES}) AND region_id IS NOT NULL AND tenant_id IS NULL)
          OR (role IN (${TENANT_ROLES}) AND tenant_id IS NOT NULL AND region_id IS NULL)
        )
      )`);
    await runner.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await runner.query(`CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, created_at) WHERE tenant_id IS NOT NULL`);
    await runner.query(`CREATE INDEX invitations_region_idx ON invitations (region_id, created_at) WHERE region_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash)`);
    await runner.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);

    await runner.query(`
      CREATE TABLE regional_access_log (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        tenant_ids uuid[] NOT NULL,
        purpose text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX regional_access_log_user_idx ON regional_access_log (user_id, at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'regional_access_log',
      'password_resets',
      'invitations',
      'refresh_tokens',
      'sessions',
      'mission_officer_tenants',
      'role_assignments',
      'users',
      'tenants',
      'regions',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}

/**
 * The readable addresses of the CPTS' public pages (/cpts/<slug>/…):
 * `tenants.slug` is the current one; `tenant_slugs` holds every address a
 * CPTS ever had, current included, so that one is never another CPTS's,
 * now or later. Existing CPTS get the address proposed from their name.
 */
export class CptsSlugs1795402000000 implements MigrationInterface {
  name = 'CptsSlugs1795402000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tenant_slugs (
        slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN ${SLUG_MIN_LENGTH} AND ${SLUG_MAX_LENGTH}),
        -- Deferred: a new CPTS and its first address are written in one transaction, in either order.
        tenant_id uuid NOT NULL REFERENCES tenants (id) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX tenant_slugs_slug_tenant_key ON tenant_slugs (slug, tenant_id)`);
    await runner.query(`CREATE INDEX tenant_slugs_tenant_idx ON tenant_slugs (tenant_id)`);
    await runner.query(`ALTER TABLE tenants ADD COLUMN slug text NULL`);
    const tenants: Array<{ id: string; name: string }> = await runner.query(`SELECT id, name FROM tenants ORDER BY created_at, id`);
    for (const tenant of tenants) {
      const [{ slug }] = await runner.query(FREE_SLUG_SQL, [proposeSlug(tenant.name), tenant.id]);
      await runner.query(`INSERT INTO tenant_slugs (slug, tenant_id) VALUES ($1, $2)`, [slug, tenant.id]);
      await runner.query(`UPDATE tenants SET slug = $2 WHERE id = $1`, [tenant.id, slug]);
    }
    await runner.query(`ALTER TABLE tenants ALTER COLUMN slug SET NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX tenants_slug_key ON tenants (slug)`);
    // The current address is always one of the CPTS's own recorded addresses.
    await runner.query(
      `ALTER TABLE tenants ADD CONSTRAINT tenants_slug_fkey FOREIGN KEY (slug, id) REFERENCES tenant_slugs (slug, tenant_id) DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tenants DROP CONSTRAINT tenants_slug_fkey`);
    await runner.query(`ALTER TABLE tenants DROP COLUMN slug`);
    await runner.query(`DROP TABLE tenant_slugs`);
  }
}

export const identityMigrations = [Identity1795400100000, CptsSlugs1795402000000, RegionalAssignments1795620000000];
