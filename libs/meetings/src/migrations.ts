import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';
import { MeetingGuests1795610000000 } from './meeting-guests.migration';

/**
 * Meetings, for any owner (a working group now; a governance instance
 * next): when and where, the agenda, and who is invited with their reply and,
 * afterwards, their attendance. `sequence` counts the changes sent to
 * calendars (iCalendar SEQUENCE): a moved meeting replaces the event, a
 * cancelled one removes it. The owner's name and frame are copied on the
 * meeting when it is sent, so a reminder says what the invitation said.
 */
export class Meetings1795410200000 implements MigrationInterface {
  name = 'Meetings1795410200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meetings (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        owner_kind text NOT NULL CHECK (owner_kind ~ '^[a-z_]{1,40}$'),
        owner_id uuid NOT NULL,
        owner_name text NOT NULL,
        frame text NOT NULL DEFAULT '',
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text NULL CHECK (length(place) <= 300),
        video_url text NULL CHECK (video_url ~ '^https://' AND length(video_url) <= 500),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        sequence int NOT NULL DEFAULT 0,
        cancelled_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        CHECK (ends_at > starts_at),
        CHECK (place IS NOT NULL OR video_url IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX meetings_owner_idx ON meetings (tenant_id, owner_kind, owner_id, starts_at DESC)`);
    await runner.query(`CREATE INDEX meetings_starts_idx ON meetings (tenant_id, starts_at)`);
    await enableTenantRls(runner, 'meetings');
    await runner.query(`
      CREATE TABLE meeting_agenda_items (
        tenant_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        position int NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        duration_minutes int NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        presenter text NULL CHECK (length(presenter) <= 120),
        PRIMARY KEY (tenant_id, meeting_id, position),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRls(runner, 'meeting_agenda_items');
    await runner.query(`
      CREATE TABLE meeting_invitees (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        professional_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        name text NOT NULL,
        email text NULL,
        invited_at timestamptz NOT NULL DEFAULT now(),
        reply text NULL CHECK (reply IN ('present', 'absent', 'excused')),
        replied_at timestamptz NULL,
        attendance text NULL CHECK (attendance IN ('present', 'video', 'excused', 'absent')),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        CHECK ((professional_id IS NULL) <> (user_id IS NULL)),
        CHECK ((reply IS NULL) = (replied_at IS NULL))
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX meeting_invitees_professional_key ON meeting_invitees (tenant_id, meeting_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX meeting_invitees_user_key ON meeting_invitees (tenant_id, meeting_id, user_id) WHERE user_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX meeting_invitees_person_idx ON meeting_invitees (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'meeting_invitees');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meeting_invitees`);
    await runner.query(`DROP TABLE meeting_agenda_items`);
    await runner.query(`DROP TABLE meetings`);
  }
}

/**
 * Scheduling polls (what Doodle did): an organiser proposes slots, each
 * invitee answers yes, if need be or no per slot from their email link, and
 * the chosen slot becomes the meeting. An invitee's answers are replaced as a
 * whole at each submit (answered_at says when last).
 */
export class MeetingPolls1795410300000 implements MigrationInterface {
  name = 'MeetingPolls1795410300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meeting_polls (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        owner_kind text NOT NULL CHECK (owner_kind ~ '^[a-z_]{1,40}$'),
        owner_id uuid NOT NULL,
        owner_name text NOT NULL,
        frame text NOT NULL DEFAULT '',
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        place text NULL CHECK (length(place) <= 300),
        video_url text NULL CHECK (video_url ~ '^https://' AND length(video_url) <= 500),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        meeting_id uuid NULL,
        closed_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX meeting_polls_owner_idx ON meeting_polls (tenant_id, owner_kind, owner_id, created_at DESC)`);
    await enableTenantRls(runner, 'meeting_polls');
    await runner.query(`
      CREATE TABLE meeting_poll_slots (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        poll_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, poll_id) REFERENCES meeting_polls (tenant_id, id),
        UNIQUE (tenant_id, poll_id, starts_at, ends_at),
        CHECK (ends_at > starts_at)
      )`);
    await enableTenantRls(runner, 'meeting_poll_slots');
    await runner.query(`
      CREATE TABLE meeting_poll_invitees (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        poll_id uuid NOT NULL,
        professional_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        name text NOT NULL,
        email text NULL,
        answered_at timestamptz NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, poll_id) REFERENCES meeting_polls (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        CHECK ((professional_id IS NULL) <> (user_id IS NULL))
      )`);
    await runner.query(`CREATE INDEX meeting_poll_invitees_poll_idx ON meeting_poll_invitees (tenant_id, poll_id)`);
    await runner.query(
      `CREATE INDEX meeting_poll_invitees_person_idx ON meeting_poll_invitees (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'meeting_poll_invitees');
    await runner.query(`
      CREATE TABLE meeting_poll_answers (
        tenant_id uuid NOT NULL,
        invitee_id uuid NOT NULL,
        slot_id uuid NOT NULL,
        answer text NOT NULL CHECK (answer IN ('yes', 'if_need_be', 'no')),
        PRIMARY KEY (tenant_id, invitee_id, slot_id),
        FOREIGN KEY (tenant_id, invitee_id) REFERENCES meeting_poll_invitees (tenant_id, id),
        FOREIGN KEY (tenant_id, slot_id) REFERENCES meeting_poll_slots (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX meeting_poll_answers_slot_idx ON meeting_poll_answers (tenant_id, slot_id)`);
    await enableTenantRls(runner, 'meeting_poll_answers');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meeting_poll_answers`);
    await runner.query(`DROP TABLE meeting_poll_invitees`);
    await runner.query(`DROP TABLE meeting_poll_slots`);
    await runner.query(`DROP TABLE meeting_polls`);
  }
}

/**
 * After the meeting: attendance is on the invitees (already); the minutes
 * (sanitized rich text and the decisions taken) are on the meeting, and
 * publishing them sends them to every invitee and every current member of
 * the owner, present or not: each recipient is kept with the date it was
 * sent, the meeting's history of who received them.
 */
export class MeetingMinutes1795410400000 implements MigrationInterface {
  name = 'MeetingMinutes1795410400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE meetings
        ADD COLUMN minutes_html text NULL CHECK (length(minutes_html) <= 100000),
        ADD COLUMN minutes_decisions text[] NOT NULL DEFAULT '{}' CHECK (cardinality(minutes_decisions) <= 50),
        ADD COLUMN minutes_updated_at timestamptz NULL,
        ADD COLUMN minutes_published_at timestamptz NULL,
        ADD COLUMN minutes_published_by uuid NULL`);
    await runner.query(`
      CREATE TABLE meeting_minutes_recipients (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        professional_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        name text NOT NULL,
        email text NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        CHECK ((professional_id IS NULL) <> (user_id IS NULL))
      )`);
    await runner.query(`CREATE INDEX meeting_minutes_recipients_meeting_idx ON meeting_minutes_recipients (tenant_id, meeting_id)`);
    await runner.query(
      `CREATE INDEX meeting_minutes_recipients_person_idx ON meeting_minutes_recipients (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'meeting_minutes_recipients');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meeting_minutes_recipients`);
    await runner.query(
      `ALTER TABLE meetings DROP COLUMN minutes_html, DROP COLUMN minutes_decisions, DROP COLUMN minutes_updated_at, DROP COLUMN minutes_published_at, DROP COLUMN minutes_published_by`,
    );
  }
}

/**
 * Action items: what, who (a professional of the directory or a team user),
 * by when, for which owner (a working group...), from which meeting if any;
 * open, done or dropped, with the date and who. A person's name and address
 * are kept as the reminders use them.
 */
export class ActionItems1795410500000 implements MigrationInterface {
  name = 'ActionItems1795410500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE action_items (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        owner_kind text NOT NULL CHECK (owner_kind ~ '^[a-z_]{1,40}$'),
        owner_id uuid NOT NULL,
        owner_name text NOT NULL,
        meeting_id uuid NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        professional_id uuid NULL,
        user_id uuid NULL REFERENCES users (id),
        assignee_name text NOT NULL,
        assignee_email text NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        status_at timestamptz NULL,
        status_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professionals (tenant_id, id),
        CHECK ((professional_id IS NULL) <> (user_id IS NULL)),
        CHECK ((status = 'open') = (status_at IS NULL))
      )`);
    await runner.query(`CREATE INDEX action_items_owner_idx ON action_items (tenant_id, owner_kind, owner_id, status, due_on)`);
    await runner.query(`CREATE INDEX action_items_due_idx ON action_items (tenant_id, status, due_on)`);
    await runner.query(
      `CREATE INDEX action_items_person_idx ON action_items (tenant_id, professional_id) WHERE professional_id IS NOT NULL`,
    );
    await enableTenantRls(runner, 'action_items');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE action_items`);
  }
}

/** The weekly digest of an owner's overdue action items, sent once per owner and week (the row says it was). */
export class ActionItemDigests1795410600000 implements MigrationInterface {
  name = 'ActionItemDigests1795410600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE action_item_digests (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        owner_kind text NOT NULL,
        owner_id uuid NOT NULL,
        week date NOT NULL,
        recipients int NOT NULL,
        items int NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, owner_kind, owner_id, week)
      )`);
    await enableTenantRls(runner, 'action_item_digests');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE action_item_digests`);
  }
}

/**
 * Documents attached to a meeting (the agenda's files, slides, the signed
 * attendance sheet): the bytes live on disk under UPLOAD_DIR, the row says
 * what they are. `content_type` is the type the server recognised from the
 * bytes, never the one the browser claimed.
 */
export class MeetingDocuments1795410700000 implements MigrationInterface {
  name = 'MeetingDocuments1795410700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meeting_documents (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 100),
        bytes bigint NOT NULL CHECK (bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by uuid NULL REFERENCES users (id),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX meeting_documents_meeting_idx ON meeting_documents (tenant_id, meeting_id, uploaded_at)`);
    await enableTenantRls(runner, 'meeting_documents');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meeting_documents`);
  }
}

/**
 * A meeting's invitees by meeting: every list of meetings counts them (and
 * the unique keys are partial, per kind of person, so they do not serve):
 * without it each count read the CPTS's whole history of invitations
 * (docs/performance.md, "Meetings and working groups").
 */
export class MeetingInviteesByMeeting1795410750000 implements MigrationInterface {
  name = 'MeetingInviteesByMeeting1795410750000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX meeting_invitees_meeting_idx ON meeting_invitees (tenant_id, meeting_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX meeting_invitees_meeting_idx`);
  }
}

export const meetingsMigrations = [
  Meetings1795410200000,
  MeetingPolls1795410300000,
  MeetingMinutes1795410400000,
  ActionItems1795410500000,
  ActionItemDigests1795410600000,
  MeetingDocuments1795410700000,
  MeetingInviteesByMeeting1795410750000,
  MeetingGuests1795610000000,
];
