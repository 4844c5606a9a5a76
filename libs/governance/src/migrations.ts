import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';
import { ACI_MISSIONS } from '@cpts/platform-reference';
import { DecisionSubjects1795550000000 } from './decision-subjects.migration';

/**
 * Governance: the CPTS's instances (bureau, CA with its colleges, AG,
 * commissions) with their statutes' rules, the mandates of the people who
 * sit on them (never deleted: "who sat on the bureau on 3 March 2025" is a
 * query on the dates), the decisions put to an instance with their voters
 * frozen at the opening, the numbered register, the hash-chained audit log
 * (append-only for the runtime role: see APPEND_ONLY_FOR_RUNTIME in
 * provisioning), and the spending requests under the delegation thresholds.
 */
export class Governance1795500000000 implements MigrationInterface {
  name = 'Governance1795500000000';

  async up(runner: QueryRunner): Promise<void> {
    const missions = ACI_MISSIONS.map((m) => `'${m}'`).join(', ');
    await runner.query(`
      CREATE TABLE governance_instances (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('bureau', 'ca', 'ag', 'commission')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        seats int NULL CHECK (seats BETWEEN 1 AND 200),
        statutes jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        -- The AG's electorate is the year's members, not seats.
        CHECK ((kind = 'ag') = (seats IS NULL))
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX governance_instances_kind_key ON governance_instances (tenant_id, kind) WHERE kind <> 'commission'`,
    );
    await runner.query(`CREATE UNIQUE INDEX governance_instances_name_key ON governance_instances (tenant_id, lower(name))`);
    await enableTenantRls(runner, 'governance_instances');

    await runner.query(`
      CREATE TABLE governance_colleges (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        instance_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        -- The members' college of the same kind (memberships.college), for the AG's results per college.
        membership_college text NULL CHECK (membership_college IN ('liberal', 'msp', 'establishment', 'user')),
        seats int NOT NULL CHECK (seats BETWEEN 0 AND 200),
        position int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, instance_id) REFERENCES governance_instances (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX governance_colleges_name_key ON governance_colleges (tenant_id, instance_id, lower(name))`);
    await enableTenantRls(runner, 'governance_colleges');

    await runner.query(`
      CREATE TABLE governance_mandates (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        instance_id uuid NOT NULL,
        professional_id uuid NOT NULL,
        office text NOT NULL CHECK (office IN ('president', 'vice_president', 'treasurer', 'secretary', 'member')),
        college_id uuid NULL,
        starts_on date NOT NULL,
        -- The term as given; ended_on when it stopped earlier (resignation, revocation).
        ends_on date NULL,
        obtained text NOT NULL CHECK (obtained IN ('elected', 'coopted', 'appointed', 'ex_officio')),
        obtained_note text NOT NULL DEFAULT '' CHECK (length(obtained_note) <= 200),
        ended_on date NULL,
        end_reason text NULL CHECK (length(end_reason) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, instance_id) REFERENCES governance_instances (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, college_id) REFERENCES governance_colleges (tenant_id, id),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (ended_on IS NULL OR ended_on >= starts_on)
      )`);
    await runner.query(`CREATE INDEX governance_mandates_instance_idx ON governance_mandates (tenant_id, instance_id, starts_on)`);
    await runner.query(`CREATE INDEX governance_mandates_person_idx ON governance_mandates (tenant_id, professional_id)`);
    await enableTenantRls(runner, 'governance_mandates');

    await runner.query(`
      CREATE TABLE governance_settings (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        staff_limit_cents bigint NOT NULL CHECK (staff_limit_cents >= 0),
        bureau_limit_cents bigint NOT NULL CHECK (bureau_limit_cents >= staff_limit_cents),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id)
      )`);
    await enableTenantRls(runner, 'governance_settings');

    await runner.query(`
      CREATE TABLE governance_decisions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        instance_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('written', 'session', 'spending')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        context text NOT NULL DEFAULT '' CHECK (length(context) <= 20000),
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
        options text[] NOT NULL CHECK (options <@ ARRAY['for', 'against', 'abstain'] AND options @> ARRAY['for', 'against']),
        amount_cents bigint NULL CHECK (amount_cents >= 0),
        missions text[] NOT NULL DEFAULT '{}' CHECK (missions <@ ARRAY[${missions}]::text[]),
        deadline timestamptz NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        -- The rules in force at the opening: the count never follows a later edit of the statutes.
        statutes jsonb NULL,
        opened_at timestamptz NULL,
        opened_by uuid NULL,
        closed_at timestamptz NULL,
        closed_because text NULL CHECK (closed_because IN ('deadline', 'all_voted', 'session')),
        outcome text NULL CHECK (outcome IN ('adopted', 'rejected', 'no_quorum')),
        result jsonb NULL,
        register_year int NULL,
        register_seq int NULL,
        -- A decision closed without quorum, put to the vote again (once).
        reopens_id uuid NULL,
        meeting_id uuid NULL,
        agenda_position int NULL,
        published_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, instance_id) REFERENCES governance_instances (tenant_id, id),
        FOREIGN KEY (tenant_id, reopens_id) REFERENCES governance_decisions (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK ((status = 'draft') = (opened_at IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL AND outcome IS NOT NULL AND register_seq IS NOT NULL)),
        CHECK (status = 'draft' OR statutes IS NOT NULL),
        CHECK (source = 'session' OR status = 'draft' OR deadline IS NOT NULL)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX governance_decisions_register_key ON governance_decisions (tenant_id, register_year, register_seq) WHERE register_seq IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX governance_decisions_reopens_key ON governance_decisions (tenant_id, reopens_id) WHERE reopens_id IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX governance_decisions_status_idx ON governance_decisions (tenant_id, status, deadline)`);
    await runner.query(
      `CREATE INDEX governance_decisions_meeting_idx ON governance_decisions (tenant_id, meeting_id) WHERE meeting_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'governance_decisions');

    await runner.query(`
      CREATE TABLE governance_register_counters (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (tenant_id, year)
      )`);
    await enableTenantRls(runner, 'governance_register_counters');

    await runner.query(`
      CREATE TABLE governance_voters (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        decision_id uuid NOT NULL,
        professional_id uuid NULL,
        -- Why they vote: a mandate (bureau, CA, commission) or the year's membership (AG).
        mandate_id uuid NULL,
        membership_id uuid NULL,
        college text NULL,
        name text NOT NULL,
        email text NULL,
        choice text NULL CHECK (choice IN ('for', 'against', 'abstain')),
        voted_at timestamptz NULL,
        channel text NULL CHECK (channel IN ('link', 'web')),
        changes int NOT NULL DEFAULT 0,
        conflict_at timestamptz NULL,
        conflict_note text NULL CHECK (length(conflict_note) <= 1000),
        proxy_to uuid NULL,
        proxy_at timestamptz NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        FOREIGN KEY (tenant_id, mandate_id) REFERENCES governance_mandates (tenant_id, id),
        FOREIGN KEY (tenant_id, proxy_to) REFERENCES governance_voters (tenant_id, id),
        CHECK ((choice IS NULL) = (voted_at IS NULL)),
        CHECK (proxy_to IS NULL OR proxy_to <> id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX governance_voters_person_key ON governance_voters (tenant_id, decision_id, professional_id)`);
    await runner.query(`CREATE INDEX governance_voters_person_idx ON governance_voters (tenant_id, professional_id)`);
    await runner.query(`CREATE INDEX governance_voters_email_idx ON governance_voters (tenant_id, lower(email))`);
    await enableTenantRls(runner, 'governance_voters');

    await runner.query(`
      CREATE TABLE governance_comments (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        decision_id uuid NOT NULL,
        voter_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        author_name text NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id),
        FOREIGN KEY (tenant_id, voter_id) REFERENCES governance_voters (tenant_id, id),
        CHECK ((voter_id IS NULL) <> (user_id IS NULL))
      )`);
    await runner.query(`CREATE INDEX governance_comments_decision_idx ON governance_comments (tenant_id, decision_id, created_at)`);
    await enableTenantRls(runner, 'governance_comments');

    // Append-only: the runtime role may INSERT and SELECT, never UPDATE or DELETE (provisioning revokes them).
    // Entries name voters and users by id only, so erasing a person never has to touch the chain.
    await runner.query(`
      CREATE TABLE governance_audit (
        tenant_id uuid NOT NULL,
        decision_id uuid NOT NULL,
        seq int NOT NULL CHECK (seq >= 1),
        at timestamptz NOT NULL,
        event text NOT NULL CHECK (length(event) BETWEEN 1 AND 40),
        actor text NOT NULL CHECK (length(actor) <= 80),
        channel text NULL CHECK (channel IN ('link', 'web', 'session', 'system')),
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (tenant_id, decision_id, seq),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id)
      )`);
    await enableTenantRls(runner, 'governance_audit');

    await runner.query(`
      CREATE TABLE decision_documents (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        decision_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 100),
        bytes bigint NOT NULL CHECK (bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by uuid NULL REFERENCES users (id),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX decision_documents_decision_idx ON decision_documents (tenant_id, decision_id, uploaded_at)`);
    await enableTenantRls(runner, 'decision_documents');

    await runner.query(`
      CREATE TABLE spending_requests (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
        mission text NULL CHECK (mission IN (${missions})),
        requested_at timestamptz NOT NULL DEFAULT now(),
        requested_by uuid NULL REFERENCES users (id),
        -- Who decides under the thresholds in force when it was recorded.
        route text NOT NULL CHECK (route IN ('staff', 'bureau', 'ca')),
        decision_id uuid NULL,
        -- The treasurer's after-the-fact check of what the staff approved alone.
        check_status text NULL CHECK (check_status IN ('pending', 'checked', 'queried')),
        checked_at timestamptz NULL,
        checked_by uuid NULL REFERENCES users (id),
        check_note text NULL CHECK (length(check_note) <= 1000),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, decision_id) REFERENCES governance_decisions (tenant_id, id),
        CHECK ((route = 'staff') = (check_status IS NOT NULL)),
        CHECK ((route = 'staff') = (decision_id IS NULL))
      )`);
    await runner.query(`CREATE INDEX spending_requests_recent_idx ON spending_requests (tenant_id, requested_at DESC)`);
    await enableTenantRls(runner, 'spending_requests');

    // Proxies given for a meeting of an instance (the AG, the CA in session): counted in the quorum with the attendance.
    await runner.query(`
      CREATE TABLE governance_meeting_proxies (
        tenant_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        giver_id uuid NOT NULL,
        holder_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NULL REFERENCES users (id),
        PRIMARY KEY (tenant_id, meeting_id, giver_id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        FOREIGN KEY (tenant_id, giver_id) REFERENCES meeting_invitees (tenant_id, id),
        FOREIGN KEY (tenant_id, holder_id) REFERENCES meeting_invitees (tenant_id, id),
        CHECK (giver_id <> holder_id)
      )`);
    await enableTenantRls(runner, 'governance_meeting_proxies');

    // The procès-verbal of an instance's meeting, approved at a later meeting of the same instance.
    await runner.query(`
      CREATE TABLE governance_minutes_approvals (
        tenant_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        approved_at_meeting_id uuid NOT NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        approved_by uuid NULL REFERENCES users (id),
        PRIMARY KEY (tenant_id, meeting_id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        FOREIGN KEY (tenant_id, approved_at_meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK (meeting_id <> approved_at_meeting_id)
      )`);
    await enableTenantRls(runner, 'governance_minutes_approvals');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'governance_minutes_approvals',
      'governance_meeting_proxies',
      'spending_requests',
      'decision_documents',
      'governance_audit',
      'governance_comments',
      'governance_voters',
      'governance_register_counters',
      'governance_decisions',
      'governance_settings',
      'governance_mandates',
      'governance_colleges',
      'governance_instances',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}

export const governanceMigrations = [Governance1795500000000, DecisionSubjects1795550000000];
