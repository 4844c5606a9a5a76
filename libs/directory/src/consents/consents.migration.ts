import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * Consents with their proof (append-only events, current state per purpose),
 * the work-address flag the mailing rule needs, the CPTS's own labels, the
 * log of GDPR requests, and the erasure mark on a professional.
 */
export class Consents1795400900000 implements MigrationInterface {
  name = 'Consents1795400900000';

  async up(runner: QueryRunner): Promise<void> {
    // The national directory's address is the structure's: a work address until the staff say otherwise.
    await runner.query(`ALTER TABLE professionals ADD COLUMN email_is_work boolean NOT NULL DEFAULT true`);
    await runner.query(`ALTER TABLE professionals ADD COLUMN erased_at timestamptz NULL`);
    await runner.query(`
      CREATE TABLE consent_events (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        professional_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('pro_newsletter', 'public_newsletter', 'event_invitations', 'public_listing')),
        action text NOT NULL CHECK (action IN ('given', 'withdrawn')),
        method text NOT NULL CHECK (method IN ('form', 'import', 'paper', 'request', 'unsubscribe_link')),
        wording_version text NULL CHECK (wording_version ~ '^[a-z_]+\\.[0-9]{4}-[0-9]{2}[a-z0-9-]*$'),
        note text NULL CHECK (length(note) <= 500),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        recorded_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        -- Consent is given to one exact sentence; a withdrawal needs none.
        CHECK (action = 'withdrawn' OR wording_version IS NOT NULL),
        CHECK (action = 'withdrawn' OR method <> 'unsubscribe_link')
      )`);
    await runner.query(`CREATE INDEX consent_events_person_idx ON consent_events (tenant_id, professional_id, at DESC)`);
    await enableTenantRls(runner, 'consent_events');
    await runner.query(`
      CREATE TABLE consents (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        professional_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('pro_newsletter', 'public_newsletter', 'event_invitations', 'public_listing')),
        status text NOT NULL CHECK (status IN ('given', 'withdrawn')),
        event_id uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tenant_id, professional_id, purpose),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, event_id) REFERENCES consent_events (tenant_id, id)
      )`);
    // The mailer and the public page select by purpose and status.
    await runner.query(`CREATE INDEX consents_purpose_idx ON consents (tenant_id, purpose, status)`);
    await enableTenantRls(runner, 'consents');
    await runner.query(`
      CREATE TABLE directory_labels (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX directory_labels_name_key ON directory_labels (tenant_id, lower(name))`);
    await enableTenantRls(runner, 'directory_labels');
    await runner.query(`
      CREATE TABLE professional_labels (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        professional_id uuid NOT NULL,
        label_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, professional_id, label_id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, label_id) REFERENCES directory_labels (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX professional_labels_label_idx ON professional_labels (tenant_id, label_id)`);
    await enableTenantRls(runner, 'professional_labels');
    await runner.query(`
      CREATE TABLE gdpr_requests (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        professional_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('export', 'erasure')),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX gdpr_requests_person_idx ON gdpr_requests (tenant_id, professional_id, at DESC)`);
    await enableTenantRls(runner, 'gdpr_requests');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE gdpr_requests`);
    await runner.query(`DROP TABLE professional_labels`);
    await runner.query(`DROP TABLE directory_labels`);
    await runner.query(`DROP TABLE consents`);
    await runner.query(`DROP TABLE consent_events`);
    await runner.query(`ALTER TABLE professionals DROP COLUMN email_is_work, DROP COLUMN erased_at`);
  }
}
