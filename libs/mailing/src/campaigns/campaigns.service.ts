import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { afterCommit, AppError, Connection, currentScope, decodeCursor, ErrorCode, isUuid, requirePrincipal, outsideScope, requireTenantId, toConnection } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RateLimiter } from '@cpts/platform-identity';
import { hasContent, MailOutbox, sanitizeEmailHtml } from '@cpts/platform-mail';
import { CampaignDispatcher } from '../delivery/campaign-dispatcher';
import { CampaignEmailRenderer, RenderedCampaign } from '../delivery/campaign-email';
import { DIRECTORY_SQL, DirectorySql } from '@cpts/platform-persons';
import { audienceSql } from './audience';
import { CampaignStarter } from './campaign-starter';
import {
  AUDIENCE_PURPOSES,
  AudiencePreview,
  Campaign,
  CampaignAudience,
  CampaignInput,
  CampaignProgress,
  CampaignPurpose,
  CampaignSegmentInput,
  CampaignsArgs,
  CampaignStatus,
  ExclusionReason,
  NEWSLETTER_PURPOSES,
  normalizeSegment,
  StoredSegment,
} from './campaign.types';

const COLUMNS = `id, audience_type AS "audienceType", purpose, subject, body_html AS "bodyHtml", sender_name AS "senderName", reply_to AS "replyTo",
  segment, status, scheduled_at AS "scheduledAt", sending_started_at AS "sendingStartedAt", finished_at AS "finishedAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

type CampaignRowData = Omit<Campaign, 'progress' | 'segment'> & { segment: Partial<StoredSegment> };

/** `listed_at` as PostgreSQL writes a timestamptz (ISO date style), the only value a list cursor may carry. */
const LISTED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/** How many excluded people the audience preview names. */
const SAMPLE = 20;
/** Test sends per person per hour. */
const TEST_SENDS_PER_HOUR = 20;

/**
 * Campaigns of the active CPTS: the drafts the staff compose, the audience
 * count, sending now or at a set time, pause, resume, cancel, a test send.
 * Every command runs in the request's one tenant transaction; jobs are
 * queued after its commit.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly db: Db,
    private readonly starter: CampaignStarter,
    private readonly dispatcher: CampaignDispatcher,
    private readonly renderer: CampaignEmailRenderer,
    private readonly outbox: MailOutbox,
    @Inject(DIRECTORY_SQL) private readonly directorySql: DirectorySql,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * A page of the list, latest first: read from the `listed_at` index and
   * each campaign's counters, so it costs the same with 10 campaigns or 300
   * and a million deliveries. The cursor keeps `listed_at` as PostgreSQL's
   * text (microseconds; a JS Date would cut them and skip rows).
   */
  async list(args: CampaignsArgs): Promise<Connection<Campaign>> {
    const params: unknown[] = [requireTenantId()];
    const filters = ['tenant_id = $1'];
    if (args.status) {
      params.push(args.status);
      filters.push(`status = $${params.length}`);
    }
    const [{ total }] = await this.db.tenantRows<{ total: number }>(`SELECT count(*)::int AS total FROM campaigns WHERE ${filters.join(' AND ')}`, [...params]);
    if (args.after) {
      const [listedAt, id] = decodeCursor(args.after, 2);
      if (typeof listedAt !== 'string' || !LISTED_AT.test(listedAt) || !isUuid(id)) throw AppError.field('after', 'Curseur de pagination invalide.');
      params.push(listedAt, id);
      filters.push(`(listed_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const rows = await this.db.tenantRows<CampaignRowData & { listedAt: string }>(
      `SELECT ${COLUMNS}, listed_at::text AS "listedAt" FROM campaigns WHERE ${filters.join(' AND ')} ORDER BY listed_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const campaigns = await this.withProgress(rows);
    return toConnection(campaigns, args.first, total, (c) => [(c as Campaign & { listedAt: string }).listedAt, c.id], Boolean(args.after));
  }

  async get(id: string): Promise<Campaign> {
    const [row] = await this.db.tenantRows<CampaignRowData>(`SELECT ${COLUMNS} FROM campaigns WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound('Campagne introuvable.');
    return (await this.withProgress([row]))[0];
  }

  async create(input: CampaignInput): Promise<Campaign> {
    const clean = this.check(input);
    const id = randomUUID();
    const userId = currentScope()?.principal?.userId ?? null;
    await this.db.tenantRows(
      `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, reply_to, segment, status, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $10)`,
      [requireTenantId(), id, clean.audienceType, clean.purpose, clean.subject, clean.bodyHtml, clean.senderName, clean.replyTo, JSON.stringify(clean.segment), userId],
    );
    return this.get(id);
  }

  /** Changes a draft; a scheduled campaign being changed goes back to draft (schedule it again once done). */
  async update(id: string, input: CampaignInput): Promise<Campaign> {
    await this.lock(id, [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED], 'Seule une campagne en brouillon ou programmée peut être modifiée.');
    const clean = this.check(input);
    await this.db.tenantRows(
      `UPDATE campaigns SET audience_type = $3, purpose = $4, subject = $5, body_html = $6, sender_name = $7, reply_to = $8, segment = $9,
         status = 'draft', scheduled_at = NULL, updated_at = clock_timestamp(), updated_by = $10
       WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, clean.audienceType, clean.purpose, clean.subject, clean.bodyHtml, clean.senderName, clean.replyTo, JSON.stringify(clean.segment), this.userId()],
    );
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    await this.lock(id, [CampaignStatus.DRAFT], 'Seule une campagne en brouillon peut être supprimée.');
    await this.db.tenantRows(`DELETE FROM campaigns WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    return true;
  }

  /** A new draft with the same content and audience (to send a campaign again, or a variant). */
  async duplicate(id: string): Promise<Campaign> {
    const source = await this.get(id);
    const copy = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, reply_to, segment, status, created_by, updated_by)
       SELECT tenant_id, $3, audience_type, purpose, subject, body_html, sender_name, reply_to, segment, 'draft', $4, $4 FROM campaigns WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), source.id, copy, this.userId()],
    );
    return this.get(copy);
  }

  async send(id: string): Promise<Campaign> {
    await this.starter.start(id, { from: [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED] });
    return this.get(id);
  }

  async schedule(id: string, at: Date): Promise<Campaign> {
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw AppError.field('at', 'Date invalide.');
    if (at.getTime() <= Date.now()) throw AppError.field('at', 'Choisissez une date et une heure à venir.');
    if (at.getTime() > Date.now() + 366 * 24 * 3600 * 1000) throw AppError.field('at', 'Programmez l’envoi au plus un an à l’avance.');
    await this.lock(id, [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED], 'Seule une campagne en brouillon ou déjà programmée peut être programmée.');
    await this.setStatus(id, `status = 'scheduled', scheduled_at = $3`, [at]);
    return this.get(id);
  }

  async unschedule(id: string): Promise<Campaign> {
    await this.lock(id, [CampaignStatus.SCHEDULED], 'Cette campagne n’est pas programmée.');
    await this.setStatus(id, `status = 'draft', scheduled_at = NULL`);
    return this.get(id);
  }

  /** The worker's next message for this campaign finds it paused and leaves it pending. */
  async pause(id: string): Promise<Campaign> {
    await this.lock(id, [CampaignStatus.SENDING], 'Seule une campagne en cours d’envoi peut être mise en pause.');
    await this.setStatus(id, `status = 'paused'`);
    return this.get(id);
  }

  /** Back to sending, and its pending deliveries queued again (paused jobs completed without sending). */
  async resume(id: string): Promise<Campaign> {
    await this.lock(id, [CampaignStatus.PAUSED], 'Seule une campagne en pause peut reprendre.');
    await this.setStatus(id, `status = 'sending'`);
    const tenantId = requireTenantId();
    afterCommit(() => outsideScope(() => this.dispatcher.enqueue(tenantId, id)).then(() => undefined));
    return this.get(id);
  }

  /** Stops for good: what is still pending is cancelled now (a paused campaign has no jobs left to do it). */
  async cancel(id: string): Promise<Campaign> {
    await this.lock(id, [CampaignStatus.SENDING, CampaignStatus.PAUSED], 'Seule une campagne en cours d’envoi ou en pause peut être annulée.');
    await this.setStatus(id, `status = 'cancelled', finished_at = now()`);
    await this.db.tenantRows(`UPDATE campaign_deliveries SET state = 'cancelled' WHERE tenant_id = $1 AND campaign_id = $2 AND state = 'pending'`, [requireTenantId(), id]);
    return this.get(id);
  }

  /**
   * Newsletters (professional or public) of the Paris calendar month of `at`:
   * started in it, or scheduled in it and not started yet, but for
   * `exceptId` (the campaign about to be sent or scheduled). The field's rule
   * is two at most: a third is warned about, whether sent now or planned ahead.
   */
  async newslettersInMonth(at: Date, exceptId: string | null): Promise<number> {
    const [{ n }] = await this.db.tenantRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM campaigns c
       WHERE c.tenant_id = $1 AND c.purpose = ANY($2::text[]) AND c.id IS DISTINCT FROM $4::uuid
         AND date_trunc('month', coalesce(c.sending_started_at, CASE WHEN c.status = 'scheduled' THEN c.scheduled_at END) AT TIME ZONE 'Europe/Paris')
             = date_trunc('month', $3::timestamptz AT TIME ZONE 'Europe/Paris')`,
      [requireTenantId(), [...NEWSLETTER_PURPOSES], at, exceptId],
    );
    return n;
  }

  /** Who would receive it now, and who is left out, why. */
  async audiencePreview(audienceType: CampaignAudience, purpose: CampaignPurpose, segmentInput: CampaignSegmentInput | null | undefined): Promise<AudiencePreview> {
    checkAudience(audienceType, purpose);
    const tenantId = requireTenantId();
    const audience = audienceSql(tenantId, purpose, normalizeSegment(segmentInput), this.directorySql);
    const [counts] = await this.db.tenantRows<Record<'matched' | 'allowed' | 'recipients' | ExclusionReason, number>>(
      `SELECT count(*)::int AS matched,
              count(*) FILTER (WHERE reason IS NULL)::int AS allowed,
              count(DISTINCT email) FILTER (WHERE reason IS NULL)::int AS recipients,
              count(*) FILTER (WHERE reason = 'no_email')::int AS no_email,
              count(*) FILTER (WHERE reason = 'withdrawn')::int AS withdrawn,
              count(*) FILTER (WHERE reason = 'no_consent')::int AS no_consent,
              count(*) FILTER (WHERE reason = 'bounced')::int AS bounced,
              count(*) FILTER (WHERE reason = 'blocked')::int AS blocked
       FROM (${audience.sql}) a`,
      audience.params,
    );
    const sample = await this.db.tenantRows<{ id: string; name: string; reason: ExclusionReason }>(
      `SELECT id, name, reason FROM (${audience.sql}) a WHERE reason IS NOT NULL ORDER BY reason, name, id LIMIT ${SAMPLE}`,
      audience.params,
    );
    return {
      recipients: counts.recipients,
      matched: counts.matched,
      sharedAddresses: counts.allowed - counts.recipients,
      excluded: { noEmail: counts.no_email, withdrawn: counts.withdrawn, noConsent: counts.no_consent, bounced: counts.bounced, blocked: counts.blocked },
      excludedSample: sample.map((s) => ({ professionalId: s.id, name: s.name, reason: s.reason })),
    };
  }

  /** The email as a recipient reads it (their own links aside), for the preview. */
  async rendered(campaign: Campaign): Promise<RenderedCampaign> {
    const [tenant] = await this.db.rows<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [requireTenantId()]);
    return this.renderer.readable(
      {
        campaignId: campaign.id,
        version: new Date(campaign.updatedAt).toISOString(),
        cptsName: tenant.name,
        purpose: campaign.purpose,
        subject: campaign.subject,
        bodyHtml: campaign.bodyHtml,
        senderName: campaign.senderName,
        replyTo: campaign.replyTo,
      },
      // Most professionals receive it at their work address; the public only ever by consent.
      campaign.audienceType === CampaignAudience.PUBLIC ? 'consent' : 'work_address_opt_out',
    );
  }

  /**
   * Sends the campaign once to the signed-in person's own address, marked
   * [TEST], through the platform's mail outbox. At most TEST_SENDS_PER_HOUR
   * per person: a test goes to oneself, but a loop of them would still count
   * against the CPTS's sending reputation.
   */
  async sendTest(id: string): Promise<string> {
    const campaign = await this.get(id);
    const userId = requirePrincipal().userId;
    await this.limiter.hit({
      key: `campaign-test:${userId}`,
      max: TEST_SENDS_PER_HOUR,
      windowSeconds: 3600,
      reason: `Vous avez envoyé ${TEST_SENDS_PER_HOUR} tests dans l’heure.`,
    });
    const [user] = await this.db.rows<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [userId]);
    if (!user) throw AppError.notFound('Compte introuvable.');
    const { html, text } = await this.rendered(campaign);
    await this.outbox.add({ kind: 'campaign_test', to: user.email, tenantId: requireTenantId(), email: { subject: `[TEST] ${campaign.subject}`, html, text } });
    return user.email;
  }

  private check(input: CampaignInput) {
    checkAudience(input.audienceType, input.purpose);
    const bodyHtml = sanitizeEmailHtml(input.bodyHtml);
    if (!hasContent(bodyHtml)) throw AppError.field('bodyHtml', 'Le message est vide.');
    return {
      audienceType: input.audienceType,
      purpose: input.purpose,
      subject: input.subject,
      bodyHtml,
      senderName: input.senderName,
      replyTo: input.replyTo ? input.replyTo.toLowerCase() : null,
      segment: normalizeSegment(input.segment),
    };
  }

  /** Locks the campaign row for the command; NOT_FOUND, or CONFLICT when its status does not allow it. */
  private async lock(id: string, allowed: readonly CampaignStatus[], message: string): Promise<CampaignStatus> {
    const [row] = await this.db.tenantRows<{ status: CampaignStatus }>(`SELECT status FROM campaigns WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound('Campagne introuvable.');
    if (!allowed.includes(row.status)) throw new AppError(ErrorCode.CONFLICT, message, [], { reason: 'INVALID_STATUS', status: row.status });
    return row.status;
  }

  private async setStatus(id: string, assignments: string, extra: unknown[] = []): Promise<void> {
    await this.db.tenantRows(`UPDATE campaigns SET ${assignments}, updated_by = $${extra.length + 3} WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id, ...extra, this.userId()]);
  }

  private userId(): string | null {
    return currentScope()?.principal?.userId ?? null;
  }

  /** Each campaign's counters (kept by the delivery path, see the CampaignListAtScale migration): one read by key for a page. */
  private async withProgress<T extends CampaignRowData>(rows: T[]): Promise<Array<T & Campaign>> {
    if (rows.length === 0) return [];
    const counts = await this.db.tenantRows<CampaignProgress & { campaignId: string }>(
      `SELECT campaign_id AS "campaignId", pending + sent + failed + cancelled + skipped AS total, sent, failed, pending, cancelled, skipped
       FROM campaign_progress WHERE tenant_id = $1 AND campaign_id = ANY($2::uuid[])`,
      [requireTenantId(), rows.map((r) => r.id)],
    );
    const byId = new Map(counts.map(({ campaignId, ...c }) => [campaignId, c]));
    return rows.map((row) => ({
      ...row,
      segment: normalizeSegment(row.segment),
      progress: byId.get(row.id) ?? { total: 0, sent: 0, failed: 0, pending: 0, cancelled: 0, skipped: 0 },
    }));
  }
}

/** Professionals and the general public are never mixed: each audience has its own purposes. */
export function checkAudience(audienceType: CampaignAudience, purpose: CampaignPurpose): void {
  if (AUDIENCE_PURPOSES[audienceType]?.includes(purpose)) return;
  const message =
    audienceType === CampaignAudience.PUBLIC
      ? 'Une campagne grand public ne peut être que la lettre d’information grand public.'
      : 'Une campagne aux professionnels ne peut être que la lettre d’information des professionnels ou une invitation à un événement : le grand public a ses propres campagnes.';
  throw new AppError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'purpose', message }], { reason: 'AUDIENCE_MIX' });
}
