import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * Memberships (adhésions) per person and year, the years the staff opened
 * for renewal, and the involvement level of each person: one row per source
 * (the staff's hand setting, memberships, later working groups and
 * governance), with the maximum denormalised on the professional so lists
 * and mailing segments filter on one column.
 */
export class Memberships1795400800000 implements MigrationInterface {
  name = 'Memberships1795400800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE memberships (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        professional_id uuid NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        status text NOT NULL CHECK (status IN ('pending', 'active', 'lapsed', 'resigned')),
        fee_cents int NOT NULL CHECK (fee_cents >= 0),
        paid_on date NULL,
        payment_means text NULL CHECK (payment_means IN ('cheque', 'transfer', 'card', 'cash', 'other')),
        college text NOT NULL CHECK (college IN ('liberal', 'msp', 'establishment', 'user')),
        note text NULL CHECK (length(note) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id)
      )`);
    // One membership per person and year; also serves the person's memberships, newest first.
    await runner.query(`CREATE UNIQUE INDEX memberships_person_year_key ON memberships (tenant_id, professional_id, year)`);
    // The year's list, counts and renewals.
    await runner.query(`CREATE INDEX memberships_year_idx ON memberships (tenant_id, year, status)`);
    await enableTenantRls(runner, 'memberships');

    await runner.query(`
      CREATE TABLE membership_years (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        default_fee_cents int NOT NULL CHECK (default_fee_cents >= 0),
        opened_at timestamptz NOT NULL DEFAULT now(),
        opened_by uuid NULL,
        PRIMARY KEY (tenant_id, year)
      )`);
    await enableTenantRls(runner, 'membership_years');

    await runner.query(`
      CREATE TABLE involvements (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        professional_id uuid NOT NULL,
        source text NOT NULL CHECK (source ~ '^[a-z_]{1,40}(:[A-Za-z0-9-]{1,80})?$'),
        level text NOT NULL CHECK (level IN ('informed', 'member', 'action', 'referent', 'governance')),
        set_at timestamptz NOT NULL DEFAULT now(),
        set_by uuid NULL,
        PRIMARY KEY (tenant_id, professional_id, source),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id)
      )`);
    await enableTenantRls(runner, 'involvements');
    await runner.query(`
      ALTER TABLE professionals ADD COLUMN involvement_level text NOT NULL DEFAULT 'informed'
        CHECK (involvement_level IN ('informed', 'member', 'action', 'referent', 'governance'))`);
    await runner.query(`CREATE INDEX professionals_involvement_idx ON professionals (tenant_id, involvement_level)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE professionals DROP COLUMN involvement_level`);
    await runner.query(`DROP TABLE involvements`);
    await runner.query(`DROP TABLE membership_years`);
    await runner.query(`DROP TABLE memberships`);
  }
}
