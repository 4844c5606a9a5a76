import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';

/**
 * Campaigns (newsletters, targeted mailings) and their deliveries: one row
 * per recipient, written when the campaign is sent (the outbox of the
 * campaign), whose id is the id of its BullMQ job. PostgreSQL is the truth
 * about who got what; Redis only says what to do next.
 */
export class Campaigns1795401200000 implements MigrationInterface {
  name = 'Campaigns1795401200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE campaigns (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        audience_type text NOT NULL CHECK (audience_type IN ('professionals', 'public')),
        purpose text NOT NULL CHECK (purpose IN ('pro_newsletter', 'public_newsletter', 'event_invitations')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        body_html text NOT NULL,
        sender_name text NOT NULL CHECK (length(sender_name) BETWEEN 1 AND 100),
        reply_to text NULL,
        segment jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled')),
        scheduled_at timestamptz NULL,
        sending_started_at timestamptz NULL,
        finished_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX campaigns_status_idx ON campaigns (tenant_id, status)`);
    await enableTenantRls(runner, 'campaigns');
    await runner.query(`
      CREATE TABLE campaign_deliveries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        professional_id uuid NULL,
        email text NOT NULL,
        basis text NULL CHECK (basis IN ('consent', 'work_address_opt_out')),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        sent_at timestamptz NULL,
        failed_at timestamptz NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
        UNIQUE (tenant_id, campaign_id, email)
      )`);
    await runner.query(`CREATE INDEX campaign_deliveries_state_idx ON campaign_deliveries (tenant_id, campaign_id, state)`);
    await enableTenantRls(runner, 'campaign_deliveries');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE campaign_deliveries`);
    await runner.query(`DROP TABLE campaigns`);
  }
}

/**
 * Addresses that must not be mailed again, per CPTS: a hard bounce marks an
 * address undeliverable after one, a complaint blocks it; soft bounces are
 * counted (reason stays NULL until they turn into a hard one). Keyed by the
 * lower-cased address, as the recipients are selected.
 */
export class EmailSuppressions1795401350000 implements MigrationInterface {
  name = 'EmailSuppressions1795401350000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE email_suppressions (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        email text NOT NULL CHECK (email = lower(email)),
        reason text NULL CHECK (reason IN ('hard_bounce', 'complaint')),
        soft_bounces int NOT NULL DEFAULT 0,
        last_event_at timestamptz NOT NULL DEFAULT now(),
        last_detail text NULL,
        PRIMARY KEY (tenant_id, email)
      )`);
    await enableTenantRls(runner, 'email_suppressions');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE email_suppressions`);
  }
}

/**
 * Deliveries are sent by chunks of about 100: one job per chunk, not per
 * recipient (ADR 0010, revised). A delivery's chunk comes from a sequence at
 * insert, so the rows one statement writes fall in consecutive chunks whoever
 * writes them (the send command, a test, a bench), and a chunk's job id stays
 * the same when the dispatcher or the reconciler queue it again.
 */
export class CampaignChunks1795401360000 implements MigrationInterface {
  name = 'CampaignChunks1795401360000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE campaign_delivery_chunk_seq`);
    await runner.query(`ALTER TABLE campaign_deliveries ADD COLUMN chunk bigint NOT NULL DEFAULT (nextval('campaign_delivery_chunk_seq') / 100)`);
    // Progress counts by state, a chunk's pending rows, and the chunks left: one index.
    await runner.query(`DROP INDEX campaign_deliveries_state_idx`);
    await runner.query(`CREATE INDEX campaign_deliveries_state_idx ON campaign_deliveries (tenant_id, campaign_id, state, chunk)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX campaign_deliveries_state_idx`);
    await runner.query(`CREATE INDEX campaign_deliveries_state_idx ON campaign_deliveries (tenant_id, campaign_id, state)`);
    await runner.query(`ALTER TABLE campaign_deliveries DROP COLUMN chunk`);
    await runner.query(`DROP SEQUENCE campaign_delivery_chunk_seq`);
  }
}

/**
 * Respecting people at send time: a delivery whose person has since
 * withdrawn the campaign's purpose, was erased, or whose address is
 * suppressed is not sent but marked `skipped` with its reason (the worker
 * decides in its locked statement). A delivery also keeps the bounce or
 * complaint that came back for it, so a provider replaying one event counts
 * one soft bounce, not two. An address without a person record that used its
 * unsubscribe link is suppressed with the reason `unsubscribed`.
 */
export class RespectingPeople1795401500000 implements MigrationInterface {
  name = 'RespectingPeople1795401500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE campaign_deliveries DROP CONSTRAINT campaign_deliveries_state_check`);
    await runner.query(`
      ALTER TABLE campaign_deliveries
        ADD CONSTRAINT campaign_deliveries_state_check CHECK (state IN ('pending', 'sent', 'failed', 'cancelled', 'skipped')),
        ADD COLUMN skip_reason text NULL CHECK (skip_reason IN ('withdrawn', 'erased', 'hard_bounce', 'complaint', 'unsubscribed')),
        ADD CONSTRAINT campaign_deliveries_skipped_has_reason CHECK ((state = 'skipped') = (skip_reason IS NOT NULL)),
        ADD COLUMN bounce text NULL CHECK (bounce IN ('soft_bounce', 'hard_bounce', 'complaint')),
        ADD COLUMN bounced_at timestamptz NULL`);
    await runner.query(`ALTER TABLE email_suppressions DROP CONSTRAINT email_suppressions_reason_check`);
    await runner.query(`ALTER TABLE email_suppressions ADD CONSTRAINT email_suppressions_reason_check CHECK (reason IN ('hard_bounce', 'complaint', 'unsubscribed'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE campaign_deliveries SET state = 'cancelled' WHERE state = 'skipped'`);
    await runner.query(`DELETE FROM email_suppressions WHERE reason = 'unsubscribed' AND soft_bounces = 0`);
    await runner.query(`UPDATE email_suppressions SET reason = NULL WHERE reason = 'unsubscribed'`);
    await runner.query(`ALTER TABLE email_suppressions DROP CONSTRAINT email_suppressions_reason_check`);
    await runner.query(`ALTER TABLE email_suppressions ADD CONSTRAINT email_suppressions_reason_check CHECK (reason IN ('hard_bounce', 'complaint'))`);
    await runner.query(`
      ALTER TABLE campaign_deliveries
        DROP CONSTRAINT campaign_deliveries_skipped_has_reason,
        DROP COLUMN skip_reason, DROP COLUMN bounce, DROP COLUMN bounced_at,
        DROP CONSTRAINT campaign_deliveries_state_check,
        ADD CONSTRAINT campaign_deliveries_state_check CHECK (state IN ('pending', 'sent', 'failed', 'cancelled'))`);
  }
}

/**
 * Clicks on the tracked links of campaign messages, one row per hit of the
 * redirect (GET /api/public/c/TOKEN): which delivery (so which person), which
 * link of the body, when. The report counts distinct deliveries per link
 * (unique clickers), which a mail scanner's prefetch cannot inflate beyond
 * one per recipient. Leaving with its delivery: a delivery erased takes its
 * clicks.
 */
export class CampaignClicks1795401600000 implements MigrationInterface {
  name = 'CampaignClicks1795401600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE campaign_clicks (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        link_index int NOT NULL CHECK (link_index BETWEEN 0 AND 65535),
        clicked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES campaign_deliveries (tenant_id, id) ON DELETE CASCADE
      )`);
    // The report (per link, per delivery) and "who did not click" (per delivery) read this index only.
    await runner.query(`CREATE INDEX campaign_clicks_report_idx ON campaign_clicks (tenant_id, campaign_id, delivery_id, link_index)`);
    await enableTenantRls(runner, 'campaign_clicks');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE campaign_clicks`);
  }
}

/** Adds a statement's deliveries, as (tenant_id, campaign_id, state, sign) rows, to their campaigns' counters. */
const countDeliveries = (rows: string) => `
  INSERT INTO campaign_progress AS p (tenant_id, campaign_id, pending, sent, failed, cancelled, skipped)
  SELECT * FROM (
    SELECT tenant_id, campaign_id,
           coalesce(sum(sign) FILTER (WHERE state = 'pending'), 0)::int AS pending, coalesce(sum(sign) FILTER (WHERE state = 'sent'), 0)::int AS sent,
           coalesce(sum(sign) FILTER (WHERE state = 'failed'), 0)::int AS failed, coalesce(sum(sign) FILTER (WHERE state = 'cancelled'), 0)::int AS cancelled,
           coalesce(sum(sign) FILTER (WHERE state = 'skipped'), 0)::int AS skipped
    FROM (${rows}) d GROUP BY tenant_id, campaign_id
  ) delta
  WHERE (pending, sent, failed, cancelled, skipped) <> (0, 0, 0, 0, 0)
  ORDER BY tenant_id, campaign_id
  ON CONFLICT (tenant_id, campaign_id) DO UPDATE SET
    pending = p.pending + EXCLUDED.pending, sent = p.sent + EXCLUDED.sent, failed = p.failed + EXCLUDED.failed,
    cancelled = p.cancelled + EXCLUDED.cancelled, skipped = p.skipped + EXCLUDED.skipped`;

/**
 * The campaign list at scale: a CPTS sends a few campaigns a month, each to
 * up to thousands of people, so after some years it has hundreds of
 * campaigns and a million deliveries; its list must not count deliveries.
 *  - `campaign_progress` holds each campaign's deliveries by state, moved by
 *    statement-level triggers on `campaign_deliveries`: whatever writes a
 *    delivery (the send command, a worker's group, a cancel, a test, a bench)
 *    moves the counters in the same statement and transaction, so they cannot
 *    drift from the rows. One upsert per statement and campaign (a worker's
 *    group of messages is one statement), none when no state changed (a
 *    bounce recorded, an erasure's address blanked). Campaigns are upserted
 *    in key order, so two statements over the same campaigns cannot deadlock
 *    on their counters.
 *  - `listed_at`, the list's order (started, else scheduled, else last
 *    changed), stored and indexed, so a page is read from the index.
 *  - `(tenant_id, professional_id)` on deliveries: a person's GDPR export,
 *    erasure and merge read their deliveries without scanning the CPTS's.
 */
export class CampaignListAtScale1795402200000 implements MigrationInterface {
  name = 'CampaignListAtScale1795402200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE campaign_progress (
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        pending int NOT NULL DEFAULT 0,
        sent int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        cancelled int NOT NULL DEFAULT 0,
        skipped int NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, campaign_id),
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRls(runner, 'campaign_progress');
    // Existing deliveries counted once, before the triggers exist. Row-level security is forced on
    // the owner too: lifted for this statement only, inside this migration's transaction.
    await runner.query(`SET LOCAL statement_timeout = 0`);
    for (const table of ['campaign_deliveries', 'campaign_progress']) await runner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    await runner.query(countDeliveries(`SELECT tenant_id, campaign_id, state, 1 AS sign FROM campaign_deliveries`));
    for (const table of ['campaign_deliveries', 'campaign_progress']) await runner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);

    // Transition tables are given to one-event triggers only: one function, a branch per event
    // (PL/pgSQL plans a statement when it first runs it, so each branch names only its own tables).
    await runner.query(`
      CREATE FUNCTION campaign_progress_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${countDeliveries(`SELECT tenant_id, campaign_id, state, 1 AS sign FROM new_deliveries`)};
        ELSIF TG_OP = 'UPDATE' THEN
          ${countDeliveries(`SELECT tenant_id, campaign_id, state, 1 AS sign FROM new_deliveries UNION ALL SELECT tenant_id, campaign_id, state, -1 FROM old_deliveries`)};
        ELSE
          ${countDeliveries(`SELECT tenant_id, campaign_id, state, -1 AS sign FROM old_deliveries`)};
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER campaign_deliveries_count_insert AFTER INSERT ON campaign_deliveries
      REFERENCING NEW TABLE AS new_deliveries FOR EACH STATEMENT EXECUTE FUNCTION campaign_progress_count()`);
    await runner.query(`
      CREATE TRIGGER campaign_deliveries_count_update AFTER UPDATE ON campaign_deliveries
      REFERENCING OLD TABLE AS old_deliveries NEW TABLE AS new_deliveries FOR EACH STATEMENT EXECUTE FUNCTION campaign_progress_count()`);
    await runner.query(`
      CREATE TRIGGER campaign_deliveries_count_delete AFTER DELETE ON campaign_deliveries
      REFERENCING OLD TABLE AS old_deliveries FOR EACH STATEMENT EXECUTE FUNCTION campaign_progress_count()`);

    await runner.query(`ALTER TABLE campaigns ADD COLUMN listed_at timestamptz NOT NULL GENERATED ALWAYS AS (coalesce(sending_started_at, scheduled_at, updated_at)) STORED`);
    await runner.query(`CREATE INDEX campaigns_list_idx ON campaigns (tenant_id, listed_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX campaign_deliveries_person_idx ON campaign_deliveries (tenant_id, professional_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX campaign_deliveries_person_idx`);
    await runner.query(`ALTER TABLE campaigns DROP COLUMN listed_at`);
    await runner.query(`DROP TRIGGER campaign_deliveries_count_insert ON campaign_deliveries`);
    await runner.query(`DROP TRIGGER campaign_deliveries_count_update ON campaign_deliveries`);
    await runner.query(`DROP TRIGGER campaign_deliveries_count_delete ON campaign_deliveries`);
    await runner.query(`DROP FUNCTION campaign_progress_count()`);
    await runner.query(`DROP TABLE campaign_progress`);
  }
}

export const mailingMigrations = [Campaigns1795401200000, EmailSuppressions1795401350000, CampaignChunks1795401360000, RespectingPeople1795401500000, CampaignClicks1795401600000, CampaignListAtScale1795402200000];
