import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * Surveys of a CPTS (satisfaction, needs): the survey, its ordered
 * questions, who it was sent to (one signed link each) and the answers.
 *
 * Anonymity (docs/surveys.md): an anonymous survey's responses carry no
 * recipient id and no time; the recipient row keeps only `answered`. The
 * response's id is random (v4) and nothing in either row orders or dates
 * the one against the other.
 */
export class Surveys1795710000000 implements MigrationInterface {
  name = 'Surveys1795710000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE surveys (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        intro text NOT NULL DEFAULT '' CHECK (length(intro) <= 5000),
        anonymous boolean NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'closed')),
        closes_at timestamptz NULL,
        -- The reminder to those who have not answered, this many days before closes_at (0: none).
        reminder_days int NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60),
        -- Created from a regional template adopted by the CPTS (resources engine), if it was.
        adoption_id uuid NULL,
        -- Who it went to, in words ("Segment de l'annuaire", "Participants de la réunion « ... »").
        audience_label text NULL CHECK (length(audience_label) <= 300),
        sent_at timestamptz NULL,
        closed_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        CHECK ((status = 'draft') = (sent_at IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK (status = 'draft' OR closes_at IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX surveys_created_idx ON surveys (tenant_id, created_at DESC)`);
    await enableTenantRls(runner, 'surveys');

    await runner.query(`
      CREATE TABLE survey_questions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        survey_id uuid NOT NULL,
        position int NOT NULL CHECK (position >= 0),
        type text NOT NULL CHECK (type IN ('scale', 'single', 'multiple', 'text')),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
        options text[] NOT NULL DEFAULT '{}',
        required boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id) ON DELETE CASCADE,
        CHECK ((type IN ('single', 'multiple')) = (cardinality(options) >= 2)),
        CHECK (cardinality(options) <= 30)
      )`);
    await runner.query(`CREATE UNIQUE INDEX survey_questions_position_key ON survey_questions (tenant_id, survey_id, position)`);
    await enableTenantRls(runner, 'survey_questions');

    await runner.query(`
      CREATE TABLE survey_recipients (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        survey_id uuid NOT NULL,
        professional_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        name text NOT NULL,
        email text NOT NULL,
        -- Only whether they answered: no time (an anonymous answer must not be matched to it).
        answered boolean NOT NULL DEFAULT false,
        reminders int NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX survey_recipients_email_key ON survey_recipients (tenant_id, survey_id, email)`);
    await runner.query(
      `CREATE INDEX survey_recipients_professional_idx ON survey_recipients (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'survey_recipients');

    await runner.query(`
      CREATE TABLE survey_responses (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        survey_id uuid NOT NULL,
        -- Nominative surveys only; NULL for every response of an anonymous survey (checked below).
        recipient_id uuid NULL,
        anonymous boolean NOT NULL,
        -- { "<question id>": 4 | "choice" | ["a", "b"] | "text" }: the questions answered.
        answers jsonb NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id),
        FOREIGN KEY (tenant_id, recipient_id) REFERENCES survey_recipients (tenant_id, id),
        CHECK (NOT anonymous OR recipient_id IS NULL),
        CHECK (anonymous OR recipient_id IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX survey_responses_survey_idx ON survey_responses (tenant_id, survey_id)`);
    await runner.query(
      `CREATE UNIQUE INDEX survey_responses_recipient_key ON survey_responses (tenant_id, recipient_id) WHERE recipient_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'survey_responses');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE survey_responses`);
    await runner.query(`DROP TABLE survey_recipients`);
    await runner.query(`DROP TABLE survey_questions`);
    await runner.query(`DROP TABLE surveys`);
  }
}
