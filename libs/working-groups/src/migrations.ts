import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';
import { ACI_MISSIONS } from '@cpts/platform-reference';

/**
 * Working groups (groupes de travail) and who is in them: professionals of
 * the directory (most never sign in) or team users. A membership row is
 * never deleted: leaving sets left_at, so the group's history (who took
 * part, when) survives; one current row per person and group.
 */
export class WorkingGroups1795410000000 implements MigrationInterface {
  name = 'WorkingGroups1795410000000';

  async up(runner: QueryRunner): Promise<void> {
    const missions = ACI_MISSIONS.map((m) => `'${m}'`).join(', ');
    await runner.query(`
      CREATE TABLE working_groups (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        missions text[] NOT NULL CHECK (cardinality(missions) BETWEEN 1 AND 6 AND missions <@ ARRAY[${missions}]::text[]),
        theme text NULL CHECK (length(theme) <= 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
        frame_purpose text NOT NULL DEFAULT '' CHECK (length(frame_purpose) <= 2000),
        frame_rules text NOT NULL DEFAULT '' CHECK (length(frame_rules) <= 2000),
        frame_confidentiality text NOT NULL DEFAULT '' CHECK (length(frame_confidentiality) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX working_groups_name_key ON working_groups (tenant_id, lower(name))`);
    await enableTenantRls(runner, 'working_groups');
    await runner.query(`
      CREATE TABLE working_group_members (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        group_id uuid NOT NULL,
        professional_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        role text NOT NULL CHECK (role IN ('member', 'referent')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        added_by uuid NULL,
        left_at timestamptz NULL,
        left_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, group_id) REFERENCES working_groups (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        CHECK ((professional_id IS NULL) <> (user_id IS NULL))
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX working_group_members_professional_key ON working_group_members (tenant_id, group_id, professional_id) WHERE left_at IS NULL AND professional_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX working_group_members_user_key ON working_group_members (tenant_id, group_id, user_id) WHERE left_at IS NULL AND user_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX working_group_members_person_idx ON working_group_members (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX working_group_members_user_idx ON working_group_members (tenant_id, user_id) WHERE user_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'working_group_members');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE working_group_members`);
    await runner.query(`DROP TABLE working_groups`);
  }
}

/**
 * Requests to join a group, made without an account from the group's link
 * in a newsletter: what the person wrote, waiting for a referent's or the
 * team's answer. One pending request per group and address (asking again
 * updates it); the answer keeps who gave it, and the person of the
 * directory who joined.
 */
export class WorkingGroupJoinRequests1795410800000 implements MigrationInterface {
  name = 'WorkingGroupJoinRequests1795410800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE working_group_join_requests (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        group_id uuid NOT NULL,
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
        profession text NOT NULL CHECK (length(profession) <= 120),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
        requested_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
        decided_at timestamptz NULL,
        decided_by uuid NULL REFERENCES users (id),
        professional_id uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, group_id) REFERENCES working_groups (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX working_group_join_requests_pending_key ON working_group_join_requests (tenant_id, group_id, email) WHERE status = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX working_group_join_requests_person_idx ON working_group_join_requests (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'working_group_join_requests');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE working_group_join_requests`);
  }
}

export const workingGroupsMigrations = [WorkingGroups1795410000000, WorkingGroupJoinRequests1795410800000];
