import { MigrationInterface, QueryRunner } from 'typeorm';

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

export const identityMigrations = [Identity1795400100000];
