import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';
import { ACI_MISSIONS } from '@cpts/platform-reference';

/** The statuses of a project, in the order of its life (docs/calls-and-payments.md). */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'changes_requested',
  'ready_for_bureau',
  'approved',
  'rejected',
  'in_progress',
  'completed',
  'evaluated',
] as const;

/**
 * Calls for projects (Pro Actif): a CPTS's yearly call with its envelope and
 * fee schedule, the projects proposed to it (a proposer without an account,
 * their magic link), their dated history, the thread between the staff and
 * the proposer, the staff's scores on the call's grid, the envelope's raises
 * (each by a decision of the bureau), the projects' files, and the workshops
 * held (each a meeting of the meetings module, owner kind "call_project").
 * Amounts are integer cents.
 */
export class Calls1795600000000 implements MigrationInterface {
  name = 'Calls1795600000000';

  async up(runner: QueryRunner): Promise<void> {
    const missions = ACI_MISSIONS.map((m) => `'${m}'`).join(', ');
    const statuses = PROJECT_STATUSES.map((s) => `'${s}'`).join(', ');
    await runner.query(`
      CREATE TABLE calls (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 2020 AND 2100),
        -- The public page's address: /cpts/<cpts slug>/appels/<slug>.
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        rules text NOT NULL CHECK (length(rules) <= 20000),
        -- Europe/Paris dates: submissions from 00:00 on opens_on to 23:59:59 on closes_on.
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        envelope_cents bigint NOT NULL CHECK (envelope_cents >= 0),
        missions text[] NOT NULL CHECK (missions <@ ARRAY[${missions}]::text[] AND cardinality(missions) >= 1),
        members_only boolean NOT NULL,
        flat_fee_cents int NOT NULL CHECK (flat_fee_cents >= 0),
        hourly_rate_cents int NOT NULL CHECK (hourly_rate_cents >= 0),
        -- The criteria every project must give an indicator and a target for (the call's required evaluation fields).
        required_criteria text[] NOT NULL DEFAULT '{}',
        -- The review grid: [{ "label": text, "weight": int }], scored 0 to 5 by the staff.
        rubric jsonb NOT NULL DEFAULT '[]',
        published_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        CHECK (closes_on >= opens_on)
      )`);
    await runner.query(`CREATE UNIQUE INDEX calls_slug_key ON calls (tenant_id, slug)`);
    await enableTenantRls(runner, 'calls');

    await runner.query(`
      CREATE TABLE call_projects (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        call_id uuid NOT NULL,
        -- "P03": the project's number within its call, given at creation.
        seq int NOT NULL,
        status text NOT NULL CHECK (status IN (${statuses})),
        proposer_id uuid NOT NULL,
        -- The proposer's record was created by this proposal: the staff check it (and the directory's duplicates list shows it if it is one).
        proposer_created boolean NOT NULL,
        proposer_email text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 10000),
        missions text[] NOT NULL DEFAULT '{}' CHECK (missions <@ ARRAY[${missions}]::text[]),
        target_public text NOT NULL DEFAULT '' CHECK (length(target_public) <= 2000),
        co_carriers uuid[] NOT NULL DEFAULT '{}',
        workshop_count int NOT NULL DEFAULT 0 CHECK (workshop_count BETWEEN 0 AND 200),
        workshop_minutes int NOT NULL DEFAULT 0 CHECK (workshop_minutes BETWEEN 0 AND 1440),
        -- How many of the carriers lead each workshop (each is paid): 1 by default.
        speakers int NOT NULL DEFAULT 1 CHECK (speakers BETWEEN 1 AND 20),
        -- Other budget lines: [{ "kind": "materials" | "other", "label": text, "amountCents": int }].
        budget_lines jsonb NOT NULL DEFAULT '[]',
        -- Set at design: [{ "criterion", "indicator", "target", "actual" }]; "actual" at the evaluation.
        criteria jsonb NOT NULL DEFAULT '[]',
        -- The budget asked (speaker fees from the call's schedule + the other lines), computed at each save.
        budget_cents bigint NOT NULL DEFAULT 0 CHECK (budget_cents >= 0),
        -- The budget the bureau approved: what the envelope commits.
        approved_cents bigint NULL CHECK (approved_cents >= 0),
        -- The open or last decision of the bureau on the project (governance).
        decision_id uuid NULL,
        debrief_worked text NULL,
        debrief_not_worked text NULL,
        debriefed_at timestamptz NULL,
        evaluated_at timestamptz NULL,
        submitted_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id),
        FOREIGN KEY (tenant_id, proposer_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX call_projects_seq_key ON call_projects (tenant_id, call_id, seq)`);
    await runner.query(`CREATE INDEX call_projects_proposer_idx ON call_projects (tenant_id, proposer_id)`);
    await runner.query(`CREATE INDEX call_projects_decision_idx ON call_projects (tenant_id, decision_id) WHERE decision_id IS NOT NULL`);
    await enableTenantRls(runner, 'call_projects');

    // Every change of status, dated and by whom: a user of the team, the proposer (through their link), or the system (a decision's outcome).
    await runner.query(`
      CREATE TABLE call_project_events (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        from_status text NULL,
        to_status text NOT NULL,
        actor text NOT NULL CHECK (actor ~ '^(user:[0-9a-f-]{36}|proposer|system)$'),
        actor_name text NOT NULL,
        note text NULL CHECK (length(note) <= 4000),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES call_projects (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX call_project_events_project_idx ON call_project_events (tenant_id, project_id, at)`);
    await enableTenantRls(runner, 'call_project_events');

    // The methodological help: the thread between the team and the proposer.
    await runner.query(`
      CREATE TABLE call_project_comments (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        author text NOT NULL CHECK (author IN ('team', 'proposer')),
        user_id uuid NULL REFERENCES users (id),
        author_name text NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES call_projects (tenant_id, id),
        CHECK ((author = 'team') = (user_id IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX call_project_comments_project_idx ON call_project_comments (tenant_id, project_id, created_at)`);
    await enableTenantRls(runner, 'call_project_comments');

    // A member of the team's score of a project on one line of the call's grid (its position in calls.rubric).
    await runner.query(`
      CREATE TABLE call_project_scores (
        tenant_id uuid NOT NULL,
        project_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id),
        criterion int NOT NULL CHECK (criterion BETWEEN 0 AND 49),
        score int NOT NULL CHECK (score BETWEEN 0 AND 5),
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, project_id, user_id, criterion),
        FOREIGN KEY (tenant_id, project_id) REFERENCES call_projects (tenant_id, id)
      )`);
    await enableTenantRls(runner, 'call_project_scores');

    // The envelope moves after projects are committed only by a decision of the bureau: each raise, with its decision.
    await runner.query(`
      CREATE TABLE call_envelope_changes (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        call_id uuid NOT NULL,
        from_cents bigint NOT NULL CHECK (from_cents >= 0),
        to_cents bigint NOT NULL CHECK (to_cents > from_cents),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        decision_id uuid NOT NULL,
        -- Null while the bureau votes; set when the outcome applies it.
        applied_at timestamptz NULL,
        requested_by uuid NULL REFERENCES users (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX call_envelope_changes_decision_key ON call_envelope_changes (tenant_id, decision_id)`);
    await enableTenantRls(runner, 'call_envelope_changes');

    await runner.query(`
      CREATE TABLE call_project_documents (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 100),
        bytes bigint NOT NULL CHECK (bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        -- A user of the team, or null: the proposer through their link.
        uploaded_by uuid NULL REFERENCES users (id),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES call_projects (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX call_project_documents_project_idx ON call_project_documents (tenant_id, project_id, uploaded_at)`);
    await enableTenantRls(runner, 'call_project_documents');

    // A workshop held: a meeting of the project (meetings module) with what the payments need.
    await runner.query(`
      CREATE TABLE call_workshops (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        held_on date NOT NULL,
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        -- Everyone who took part, known or not (patients, the public): the figure the evaluation reads.
        participants int NOT NULL CHECK (participants BETWEEN 0 AND 10000),
        speakers uuid[] NOT NULL CHECK (cardinality(speakers) >= 1),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NULL REFERENCES users (id),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES call_projects (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX call_workshops_meeting_key ON call_workshops (tenant_id, meeting_id)`);
    await runner.query(`CREATE INDEX call_workshops_project_idx ON call_workshops (tenant_id, project_id, held_on)`);
    await enableTenantRls(runner, 'call_workshops');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'call_workshops',
      'call_project_documents',
      'call_envelope_changes',
      'call_project_scores',
      'call_project_comments',
      'call_project_events',
      'call_projects',
      'calls',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}

export const callsMigrations = [Calls1795600000000];
