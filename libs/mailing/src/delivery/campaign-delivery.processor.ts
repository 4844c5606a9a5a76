import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '@cpts/platform-observability';
import { RetryLater, RowTransaction, sendLocked, SmtpRefusal, SmtpSender } from '@cpts/platform-mail';
import type { CampaignDeliveryJob } from '@cpts/platform-queue';
import { CampaignEmailRenderer } from './campaign-email';
import { TenantRateLimiter } from './tenant-rate';
import type { CampaignLinks } from '../links/campaign-links';
import { bounceOf, enhancedStatus, RECORD_SUPPRESSION_SQL, recordSuppressionParams } from '../bounces/suppressions';

interface Row {
  id: string;
  campaign_id: string;
  email: string;
  basis: string | null;
  state: string;
  status: string;
  purpose: string;
  subject: string;
  body_html: string;
  sender_name: string;
  reply_to: string | null;
  updated_at: Date;
  cpts_name: string;
  /** Why this delivery must not go (read under the same lock): withdrawn, erased, or the address's suppression. */
  skip_reason: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DeliveryResult = 'sent' | 'already-done' | 'paused' | 'cancelled' | 'skipped';

/**
 * Why a delivery is not sent after all, read in the locked statement: the
 * person (the record it was merged into, if merged since) was erased or has
 * withdrawn the campaign's purpose since the campaign was sent, or the
 * address is suppressed (hard bounce, complaint, unsubscribed without a
 * person record). Each is one primary-key lookup.
 */
const SKIP_REASON = `CASE
    WHEN pp.erased_at IS NOT NULL THEN 'erased'
    WHEN k.status = 'withdrawn' THEN 'withdrawn'
    WHEN s.reason IS NOT NULL THEN s.reason
  END AS skip_reason`;

/**
 * One job = one recipient of a campaign. The delivery row is locked for the
 * SMTP exchange (two workers never send the same one) and marked sent with
 * commit-before-dot, so a killed worker, a job delivered twice, or Redis
 * losing and the reconciler re-adding jobs never sends twice. The campaign's
 * status is read in the same locked statement: a pause or a cancel takes
 * effect from the next message.
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
  ) {}

  async process(job: Job<CampaignDeliveryJob>, token?: string): Promise<DeliveryResult> {
    const { tenantId, deliveryId } = job.data;
    // The tenant id goes into SQL text below (one round trip with BEGIN): only a UUID may.
    if (!UUID.test(tenantId) || !UUID.test(deliveryId)) throw new UnrecoverableError('campaign delivery job without valid ids');
    const wait = await this.rate.take(tenantId);
    if (wait > 0 && token) {
      // Over the CPTS's rate: back in the queue for later, not an attempt used up.
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const runner = this.dataSource.createQueryRunner();
    // The raw connection: the COMMIT must reach the socket synchronously, right before the final dot.
    const client = (await runner.connect()) as PoolClient;
    const tx = new RowTransaction(client);
    try {
      await tx.begin(`SELECT set_config('app.tenant_id', '${tenantId}', true)`);
      const { rows } = await client.query<Row>(
        `SELECT d.id, d.campaign_id, d.email, d.basis, d.state, c.status, c.purpose, c.subject, c.body_html, c.sender_name, c.reply_to, c.updated_at, t.name AS cpts_name,
                ${SKIP_REASON}
         FROM campaign_deliveries d
         JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
         JOIN tenants t ON t.id = d.tenant_id
         LEFT JOIN professionals p ON p.tenant_id = d.tenant_id AND p.id = d.professional_id
         LEFT JOIN professionals pp ON pp.tenant_id = d.tenant_id AND pp.id = coalesce(p.merged_into, p.id)
         LEFT JOIN consents k ON k.tenant_id = d.tenant_id AND k.professional_id = pp.id AND k.purpose = c.purpose
         LEFT JOIN email_suppressions s ON s.tenant_id = d.tenant_id AND s.email = lower(d.email)
         WHERE d.tenant_id = $1 AND d.id = $2
         FOR UPDATE OF d SKIP LOCKED`,
        [tenantId, deliveryId],
      );
      const row = rows[0];
      if (!row) {
        await tx.rollback();
        const exists = await this.exists(tenantId, deliveryId);
        if (!exists) return 'already-done'; // deleted with its campaign: nothing to send
        throw new RetryLater('delivery is being sent by another worker');
      }
      if (row.state !== 'pending') {
        await tx.rollback();
        return 'already-done';
      }
      if (row.status === 'paused') {
        // Left pending: resuming queues it again.
        await tx.rollback();
        return 'paused';
      }
      if (row.status !== 'sending') {
        // Cancelled (or never started): this one will not go.
        await client.query(`UPDATE campaign_deliveries SET state = 'cancelled' WHERE tenant_id = $1 AND id = $2`, [tenantId, deliveryId]);
        await tx.commit();
        return 'cancelled';
      }
      if (row.skip_reason) {
        // "An unsubscribed person receives nothing of that purpose from the next job on": not sent, and said why.
        await client.query(`UPDATE campaign_deliveries SET state = 'skipped', skip_reason = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, deliveryId, row.skip_reason]);
        await tx.commit();
        return 'skipped';
      }
      const raw = await this.renderer.render(
        {
          campaignId: row.campaign_id,
          version: row.updated_at.toISOString(),
          cptsName: row.cpts_name,
          purpose: row.purpose,
          subject: row.subject,
          bodyHtml: row.body_html,
          senderName: row.sender_name,
          replyTo: row.reply_to,
        },
        { deliveryId: row.id, email: row.email, basis: row.basis, links: this.links.forDelivery(tenantId, row.id) },
      );
      const mark = `UPDATE campaign_deliveries SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE tenant_id = $1 AND id = $2`;
      await sendLocked(
        this.sender,
        tx,
        {
          log: { tenantId, campaignId: row.campaign_id, deliveryId },
          // VERP when a bounce mailbox is configured: a bounce names its delivery (docs/bounces.md).
          message: { from: this.links.bounceAddress(tenantId, row.id) ?? this.envelopeFrom, to: row.email, raw },
          markSent: (t) => t.client.query(mark, [tenantId, deliveryId]).then(() => undefined),
          markSentAlone: () => this.alone(tenantId, mark, [tenantId, deliveryId]),
          recordFailure: (t, error, giveUp, alreadyCounted, refusal) => this.recordFailure(t, tenantId, deliveryId, row.email, error, giveUp, alreadyCounted, refusal),
        },
        finalAttempt,
        this.logger,
      );
      return 'sent';
    } finally {
      if (tx.active) await tx.rollback().catch(() => undefined);
      await runner.release();
    }
  }

  /**
   * Back to pending for a retry, or failed for good (counted and shown in the
   * campaign's report). Given up on a refusal that says the address is bad
   * (5xx: no such mailbox...), the address is suppressed as a hard bounce in
   * the same transaction; given up after temporary refusals of the server, it
   * counts one soft bounce (docs/bounces.md).
   */
  private async recordFailure(
    tx: RowTransaction,
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
        await client.query(`UPDATE campaign_deliveries SET bounce = $3, bounced_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, bounce]);
        await client.query(RECORD_SUPPRESSION_SQL, recordSuppressionParams(tenantId, email, bounce, error));
      }
    };
    if (tx.active) {
      await run(tx.client);
      await tx.commit();
    } else {
      await this.inTenant(tenantId, run);
    }
  }

  private async exists(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.inTenant(tenantId, (client) => client.query(`SELECT 1 FROM campaign_deliveries WHERE tenant_id = $1 AND id = $2`, [tenantId, id]));
    return rows.rowCount! > 0;
  }

  private async alone(tenantId: string, sql: string, params: unknown[]): Promise<void> {
    await this.inTenant(tenantId, (client) => client.query(sql, params));
  }

  /** A short transaction of its own, confined to the CPTS (row-level security). */
  private async inTenant<T>(tenantId: string, fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}
