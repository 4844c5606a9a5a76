import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutbox1795400300000 implements MigrationInterface {
  name = 'MailOutbox1795400300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        tenant_id uuid NULL REFERENCES tenants (id),
        to_address text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text_body text NOT NULL,
        secret bytea NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        failed_at timestamptz NULL
      )`);
    await runner.query(`CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE state = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE mail_outbox`);
  }
}

/**
 * A calendar part for emails that carry an event (meeting invitations,
 * updates, cancellations): the iCalendar text and its METHOD, sent as the
 * message's text/calendar alternative and as an .ics attachment.
 */
export class MailOutboxCalendar1795410100000 implements MigrationInterface {
  name = 'MailOutboxCalendar1795410100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE mail_outbox ADD COLUMN calendar_method text NULL CHECK (calendar_method IN ('REQUEST', 'CANCEL'))`);
    await runner.query(`ALTER TABLE mail_outbox ADD COLUMN calendar_ics text NULL`);
    await runner.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_calendar_whole CHECK ((calendar_method IS NULL) = (calendar_ics IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE mail_outbox DROP COLUMN calendar_method, DROP COLUMN calendar_ics`);
  }
}

export const mailMigrations = [MailOutbox1795400300000, MailOutboxCalendar1795410100000];
