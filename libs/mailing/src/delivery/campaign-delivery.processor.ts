import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { TRANSACTION_LIMITS } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import { LockedEmail, LockedRows, RetryLater, RowTransaction, sendLockedGroup, SmtpRefusal, SmtpSender } from '@cpts/platform-mail';
import type { CampaignDeliveryJob } from './campaign-delivery.job';
import { CampaignContent, CampaignEmailRenderer } from './campaign-email';
import { TenantRateLimiter } from './tenant-rate';
import type { CampaignLinks } from '../links/campaign-links';
import { bounceOf, enhancedStatus, RECORD_SUPPRESSION_SQL, recordSuppressionParams } from '../bounces/suppressions';

interface CampaignRow {
  status: string;
  purpose: string;
  subject: string;
  body_html: string;
  sender_name: string;
  reply_to: string | null;
  updated_at: Date;
  cpts_name: string;
  cpts_slug: string;
}

interface PendingRow {
  id: string;
  email: string;
  basis: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a chunk's messages share: the campaign, and its CPTS's address, which their links are under. */
interface ChunkContent extends CampaignContent {
  cptsSlug: string;
}

/** One delivery's email, as the group sends it. */
interface DeliveryEmail extends LockedEmail {
  readonly deliveryId: string;
  readonly email: string;
}

/**
 * Why a delivery is not sent after all, read in its locked statement: the
 * person (the record it was merged into, if merged since) was erased or has
 * withdrawn the campaign's purpose since the campaign was sent, or the
 * address is suppressed (hard bounce, complaint, unsubscribed without a
 * person record). Each is one primary-key lookup.
 */
const WITHHELD = `CASE
    WHEN pp.erased_at IS NOT NULL THEN 'erased'
    WHEN k.status = 'withdrawn' THEN 'withdrawn'
    WHEN s.reason IS NOT NULL THEN s.reason
  END AS skip_reason`;

/**
 * Locks a group's pending deliveries ($2, of CPTS $1) and reads what decides
 * their fate. The rows are locked first, by primary key, in a CTE of their
 * own, with the id of the person each is for now (the record it was merged
 * into, if merged since); every other table is then reached by primary key.
 * Both measured: joined to the campaign, a planner with stale statistics (a
 * campaign's rows just written) scanned every delivery of the campaign;
 * joined on coalesce(merged_into, id), it scanned every professional of the
 * CPTS for each delivery.
 */
const LOCK_GROUP = `WITH d AS MATERIALIZED (
    SELECT d.id, d.tenant_id, d.campaign_id, d.email, d.state, coalesce(p.merged_into, p.id) AS person_id
    FROM campaign_deliveries d LEFT JOIN professionals p ON p.tenant_id = d.tenant_id AND p.id = d.professional_id
    WHERE d.tenant_id = $1 AND d.id = ANY($2::uuid[]) FOR UPDATE OF d SKIP LOCKED
  )
  SELECT d.id, d.state, c.status, ${WITHHELD}
  FROM d JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
  LEFT JOIN professionals pp ON pp.tenant_id = d.tenant_id AND pp.id = d.person_id
  LEFT JOIN consents k ON k.tenant_id = d.tenant_id AND k.professional_id = d.person_id AND k.purpose = c.purpose
  LEFT JOIN email_suppressions s ON s.tenant_id = d.tenant_id AND s.email = lower(d.email)`;

const MARK_SENT = `UPDATE campaign_deliveries SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
  WHERE tenant_id = $1 AND id = ANY($2::uuid[])`;

export interface ChunkResult {
  sent: number;
  failed: number;
  /** Already sent, or being sent by another worker. */
  skipped: number;
  /** Not sent and never will be: the person objected since, was erased, or the address is suppressed (state 'skipped', with its reason). */
  withheld: number;
  /** The campaign was paused or cancelled: the rest of the chunk waits or is cancelled. */
  halted: boolean;
}

/**
 * One job = one chunk (~100 recipients) of a campaign, sent by groups of a
 * few messages (`groupSize`, each on its own SMTP connection). A group is one
 * transaction: its rows are locked together (two workers never send the same
 * one), held on the SMTP servers before their final dots, marked sent, and
 * committed once before the dots go (group commit-before-dot, see
 * sendLockedGroup), so a killed worker, a chunk run twice, or Redis losing
 * and the reconciler re-adding jobs never sends twice. The campaign's status
 * is read in each group's locked statement: a pause or a cancel takes effect
 * from the next group. Chunks and groups rather than one job and one
 * transaction per recipient: a BullMQ job costs a few Redis round trips and
 * a transaction a few database ones, and on this scale those are what a
 * message costs (ADR 0010).
 */
export class CampaignDeliveryProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: SmtpSender,
    private readonly renderer: CampaignEmailRenderer,
    private readonly rate: TenantRateLimiter,
    private readonly envelopeFrom: string,
    /** Each message's signed unsubscribe and click-tracking addresses. */
    private readonly links: CampaignLinks,
    private readonly logger: Logger,
    /** Messages per transaction; the chunks a worker runs at once times this must not exceed its SMTP connections. */
    private readonly groupSize: number,
    /**
     * False behind a transaction pooler (DATABASE_TRANSACTION_POOLING): a named statement lives on one server
     * connection, and the pooler runs each transaction on whichever it has free.
     */
    private readonly namedStatements = true,
  ) {}

  async process(job: Job<CampaignDeliveryJob>, token?: string): Promise<ChunkResult> {
    const { tenantId, campaignId, chunk } = job.data;
    // The ids go into SQL text below (one round trip with BEGIN): only UUIDs may.
    if (!UUID.test(tenantId) || !UUID.test(campaignId) || !/^\d{1,18}$/.test(String(chunk))) {
      throw new UnrecoverableError('campaign delivery job without valid ids');
    }
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const runner = this.dataSource.createQueryRunner();
    // The raw connection, held for the chunk: the COMMIT must reach the socket synchronously, right before the final dots.
    const client = (await runner.connect()) as PoolClient;
    const result: ChunkResult = { sent: 0, failed: 0, skipped: 0, withheld: 0, halted: false };
    try {
      const { campaign, pending } = await this.read(client, tenantId, campaignId, chunk);
      if (!campaign || pending.length === 0) return result;
      const content: ChunkContent = {
        campaignId,
        version: campaign.updated_at.toISOString(),
        cptsName: campaign.cpts_name,
        cptsSlug: campaign.cpts_slug,
        purpose: campaign.purpose,
        subject: campaign.subject,
        bodyHtml: campaign.body_html,
        senderName: campaign.sender_name,
        replyTo: campaign.reply_to,
      };
      let retry = false;
      // A group's answers come while the next group is read and held: at most one group waits for its answers.
      let answering: Promise<boolean> | null = null;
      const awaitAnswers = async () => {
        const previous = answering;
        answering = null;
        if (previous) retry = (await previous) || retry;
      };
      try {
        for (let i = 0; i < pending.length && !result.halted;) {
          const take = await this.rate.take(tenantId, Math.min(this.groupSize, pending.length - i));
          if (take.granted === 0) {
            // Over the CPTS's rate: the chunk goes back to the queue for later (not an attempt used up); it reads what is left then.
            if (token) {
              await job.moveToDelayed(Date.now() + take.waitMs, token);
              throw new DelayedError();
            }
            await new Promise((resolve) => setTimeout(resolve, take.waitMs));
            continue;
          }
          const group = pending.slice(i, i + take.granted);
          i += group.length;
          const next = await this.deliver(client, tenantId, campaignId, chunk, content, group, finalAttempt, result);
          next.answered.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
          await awaitAnswers();
          answering = next.answered;
        }
        await awaitAnswers();
      } finally {
        // Whatever stopped the loop, the group sent last is answered and recorded before the chunk lets go.
        await Promise.allSettled([answering]);
      }
      // Temporary refusals: the whole chunk is retried with backoff, and sends only what is still pending.
      if (retry && !result.halted) throw new RetryLater('a delivery of the chunk will be retried');
      return result;
    } finally {
      await runner.release();
    }
  }

  /** The campaign's content and the chunk's pending deliveries, in one short transaction. */
  private async read(
    client: PoolClient,
    tenantId: string,
    campaignId: string,
    chunk: string,
  ): Promise<{ campaign: CampaignRow | undefined; pending: PendingRow[] }> {
    await client.query(`BEGIN; SELECT ${TRANSACTION_LIMITS}, set_config('app.tenant_id', '${tenantId}', true)`);
    try {
      const campaign = await client.query<CampaignRow>(
        `SELECT c.status, c.purpose, c.subject, c.body_html, c.sender_name, c.reply_to, c.updated_at, t.name AS cpts_name, t.slug AS cpts_slug
         FROM campaigns c JOIN tenants t ON t.id = c.tenant_id
         WHERE c.tenant_id = $1 AND c.id = $2`,
        [tenantId, campaignId],
      );
      const pending = await client.query<PendingRow>(
        `SELECT id, email, basis FROM campaign_deliveries
         WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending' AND chunk = $3 ORDER BY id`,
        [tenantId, campaignId, chunk],
      );
      return { campaign: campaign.rows[0], pending: pending.rows };
    } finally {
      await client.query('COMMIT');
    }
  }

  /**
   * Sends one group of the chunk's deliveries in one transaction. Resolves
   * once it is committed, with `answered`, the group's answers: they count what became
   * of each delivery in `result`, and say whether one is to be retried.
   */
  private async deliver(
    client: PoolClient,
    tenantId: string,
    campaignId: string,
    chunk: string,
    content: ChunkContent,
    group: PendingRow[],
    finalAttempt: boolean,
    result: ChunkResult,
  ): Promise<{ answered: Promise<boolean> }> {
    const tx = new RowTransaction(client);
    try {
      await tx.begin(`SELECT set_config('app.tenant_id', '${tenantId}', true)`);
      // A named statement: planned once per connection, not once per group (~1 ms of PostgreSQL's CPU each time).
      const { rows: locked } = await client.query<{ id: string; state: string; status: string; skip_reason: string | null }>({
        name: this.statementName('campaign-group-lock'),
        text: LOCK_GROUP,
        values: [tenantId, group.map((d) => d.id)],
      });
      // Sent already, or being sent by another worker (which marks it, or leaves it pending for the reconciler).
      const free = locked.filter((row) => row.state === 'pending');
      result.skipped += group.length - free.length;
      if (free.length === 0) {
        await tx.rollback();
        return { answered: Promise.resolve(false) };
      }
      const status = free[0].status;
      if (status === 'paused') {
        // Left pending: resuming queues the chunk again.
        await tx.rollback();
        result.halted = true;
        return { answered: Promise.resolve(false) };
      }
      if (status !== 'sending') {
        // Cancelled (or never started): none of the chunk's pending deliveries will go.
        await client.query(
          `UPDATE campaign_deliveries SET state = 'cancelled' WHERE tenant_id = $1 AND campaign_id = $2 AND chunk = $3 AND state = 'pending'`,
          [tenantId, campaignId, chunk],
        );
        await tx.commit();
        result.halted = true;
        return { answered: Promise.resolve(false) };
      }
      const withheld = free.filter((row) => row.skip_reason);
      if (withheld.length > 0) {
        // "An unsubscribed person receives nothing of that purpose from the next job on": not sent, and said why.
        await client.query(
          `UPDATE campaign_deliveries d SET state = 'skipped', skip_reason = w.reason
           FROM unnest($2::uuid[], $3::text[]) AS w(id, reason) WHERE d.tenant_id = $1 AND d.id = w.id`,
          [tenantId, withheld.map((row) => row.id), withheld.map((row) => row.skip_reason)],
        );
        result.withheld += withheld.length;
      }
      const sendable = new Set(free.filter((row) => !row.skip_reason).map((row) => row.id));
      const emails: DeliveryEmail[] = [];
      for (const delivery of group) {
        if (!sendable.has(delivery.id)) continue;
        const deliveryId = delivery.id;
        const raw = await this.renderer.render(content, {
          deliveryId,
          email: delivery.email,
          basis: delivery.basis,
          links: this.links.forDelivery(tenantId, content.cptsSlug, deliveryId),
        });
        emails.push({
          deliveryId,
          email: delivery.email,
          log: { tenantId, campaignId, deliveryId },
          // VERP when a bounce mailbox is configured: a bounce names its delivery (docs/bounces.md).
          message: { from: this.links.bounceAddress(tenantId, deliveryId) ?? this.envelopeFrom, to: delivery.email, raw },
        });
      }
      if (emails.length === 0) {
        await tx.commit();
        return { answered: Promise.resolve(false) };
      }
      const sent = await sendLockedGroup(this.sender, tx, emails, this.rows(tenantId), finalAttempt, this.logger);
      const answered = sent.results.then((outcomes) => {
        let retry = false;
        for (const outcome of outcomes) {
          if (outcome.state === 'sent') result.sent++;
          else if (outcome.state === 'failed') result.failed++;
          else retry = true;
        }
        return retry;
      });
      return { answered };
    } finally {
      if (tx.active) await tx.rollback().catch(() => undefined);
    }
  }

  /** A statement's name, or none behind a transaction pooler (see namedStatements). */
  private statementName(name: string): string | undefined {
    return this.namedStatements ? name : undefined;
  }

  /** How a campaign's deliveries record their fate. */
  private rows(tenantId: string): LockedRows<DeliveryEmail> {
    // Named, like the group's lock: parsed and planned once per connection, not once per group.
    const mark = (emails: DeliveryEmail[]) => ({ name: this.statementName('campaign-group-mark'), text: MARK_SENT, values: [tenantId, emails.map((e) => e.deliveryId)] });
    return {
      markSent: (tx, emails) => tx.client.query(mark(emails)).then(() => undefined),
      markSentAlone: (emails) => this.inTenant(tenantId, async (client) => void (await client.query(mark(emails)))),
      recordFailure: (tx, email, error, giveUp, alreadyCounted, refusal) =>
        this.recordFailure(tx, tenantId, email.deliveryId, email.email, error, giveUp, alreadyCounted, refusal),
    };
  }

  /**
   * Back to pending for a retry, or failed for good (counted and shown in the
   * campaign's report). Given up on a refusal that says the address is bad
   * (5xx: no such mailbox...), the address is suppressed as a hard bounce in
   * the same transaction; given up after temporary refusals of the server, it
   * counts one soft bounce (docs/bounces.md).
   */
  private async recordFailure(
    tx: RowTransaction | null,
    tenantId: string,
    id: string,
    email: string,
    error: string,
    giveUp: boolean,
    alreadyCounted: boolean,
    refusal: SmtpRefusal,
  ): Promise<void> {
    const sql = `UPDATE campaign_deliveries SET state = $3, attempts = attempts + ${alreadyCounted ? 0 : 1}, last_error = $4,
                   failed_at = CASE WHEN $3 = 'failed' THEN now() END, sent_at = NULL
                 WHERE tenant_id = $1 AND id = $2`;
    const params = [tenantId, id, giveUp ? 'failed' : 'pending', error];
    // A connection error (no reply code) says nothing about the address.
    const bounce = giveUp && refusal.responseCode !== null ? bounceOf(refusal.responseCode, enhancedStatus(error)) : null;
    const run = async (client: PoolClient) => {
      await client.query(sql, params);
      if (bounce) {
        await client.query(`UPDATE campaign_deliveries SET bounce = $3, bounced_at = now() WHERE tenant_id = $1 AND id = $2`, [
          tenantId,
          id,
          bounce,
        ]);
        await client.query(RECORD_SUPPRESSION_SQL, recordSuppressionParams(tenantId, email, bounce, error));
      }
    };
    if (tx) await run(tx.client);
    else await this.inTenant(tenantId, run);
  }

  /** A short transaction of its own, confined to the CPTS (row-level security). */
  private async inTenant(tenantId: string, fn: (client: PoolClient) => Promise<void>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT ${TRANSACTION_LIMITS}, set_config('app.tenant_id', $1, true)`, [tenantId]);
      await fn(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}
