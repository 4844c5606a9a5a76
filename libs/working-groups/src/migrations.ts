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

export const workingGroupsMigrations = [WorkingGroups1795410000000];
