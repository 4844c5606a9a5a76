import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * Reminders any module schedules ("remind these people, at these times,
 * unless..."): PostgreSQL holds them, a delayed BullMQ job per reminder
 * (job id = reminder id) does the timing, and the module's handler decides
 * when it fires whether it still has to go.
 */
export class Reminders1795401300000 implements MigrationInterface {
  name = 'Reminders1795401300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reminders (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind ~ '^[a-z_.]{1,60}$'),
        ref text NOT NULL CHECK (length(ref) BETWEEN 1 AND 200),
        fire_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'sent', 'skipped', 'cancelled')),
        outcome text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        fired_at timestamptz NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX reminders_ref_idx ON reminders (tenant_id, kind, ref)`);
    await runner.query(`CREATE INDEX reminders_scheduled_idx ON reminders (tenant_id, fire_at) WHERE state = 'scheduled'`);
    await enableTenantRls(runner, 'reminders');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE reminders`);
  }
}

export const reminderMigrations = [Reminders1795401300000];
