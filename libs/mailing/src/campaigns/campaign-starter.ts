import { afterCommit, AppError, ErrorCode, outsideScope, requireTenantId } from '@cpts/platform-core';
import { Db, tenantFailuresLog } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import { CampaignDispatcher } from '../delivery/campaign-dispatcher';
import type { RemindersService } from '@cpts/platform-reminders';
import { DirectorySql } from '@cpts/platform-persons';
import { audienceSql } from './audience';
import { NOT_STARTED_NOTICE } from './not-started-notice';
import { normalizeSegment, StoredSegment } from './campaign.types';

/**
 * Starts sending a campaign: the one code path of "send now" (the gateway)
 * and of a scheduled campaign coming due (the worker). In the caller's
 * tenant transaction: the campaign turns to sending (the row lock makes a
 * second start wait and then find it no longer startable), its segment is
 * evaluated and one delivery row per distinct address is written by a
 * single INSERT ... SELECT; after the commit the dispatcher queues them.
 */
export class CampaignStarter {
  constructor(
    private readonly db: Db,
    private readonly dispatcher: CampaignDispatcher,
    private readonly directorySql: DirectorySql,
  ) {}

  /**
   * Starts the campaign if its status is one of `from` (and, for a due
   * scheduled one, its time has come); how many deliveries were written.
   * Throws NOT_FOUND, CONFLICT (reason NOT_STARTABLE) or BAD_USER_INPUT
   * (reason NO_RECIPIENTS); the caller's transaction then rolls back.
   */
  async start(campaignId: string, options: { from: readonly string[]; dueOnly?: boolean }): Promise<number> {
    const tenantId = requireTenantId();
    const [campaign] = await this.db.tenantRows<{ status: string; purpose: string; segment: Partial<StoredSegment>; due: boolean }>(
      `SELECT status, purpose, segment, coalesce(scheduled_at <= now(), false) AS due FROM campaigns WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, campaignId],
    );
    if (!campaign) throw AppError.notFound('Campagne introuvable.');
    if (!options.from.includes(campaign.status) || (options.dueOnly && !campaign.due)) {
      throw new AppError(ErrorCode.CONFLICT, notStartable(campaign.status), [], { reason: 'NOT_STARTABLE' });
    }
    const audience = audienceSql(tenantId, campaign.purpose, normalizeSegment(campaign.segment), this.directorySql);
    const campaignParam = `$${audience.params.length + 1}`;
    // One message per address (deliveries are unique per campaign and address): the person first in id order stands for it.
    const [{ count }] = await this.db.tenantRows<{ count: number }>(
      `WITH inserted AS (
         INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, professional_id, email, basis)
         SELECT DISTINCT ON (a.email) $1, gen_random_uuid(), ${campaignParam}::uuid, a.id, a.email, a.basis
         FROM (${audience.sql}) a WHERE a.reason IS NULL ORDER BY a.email, a.id
         RETURNING 1
       ) SELECT count(*)::int AS count FROM inserted`,
      [...audience.params, campaignId],
    );
    if (count === 0) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, "Personne ne recevrait cette campagne : élargissez le public ou vérifiez les consentements.", [], { reason: 'NO_RECIPIENTS' });
    }
    await this.db.tenantRows(
      `UPDATE campaigns SET status = 'sending', sending_started_at = now(), scheduled_at = CASE WHEN status = 'scheduled' THEN scheduled_at END WHERE tenant_id = $1 AND id = $2`,
      [tenantId, campaignId],
    );
    // The dispatcher reads the deliveries in units of work of its own, once these rows are committed.
    afterCommit(() => outsideScope(() => this.dispatcher.enqueue(tenantId, campaignId)).then(() => undefined));
    return count;
  }

  /**
   * The worker's periodic pass: in each CPTS (its own tenant transaction),
   * the scheduled campaigns whose time has come start, each in a
   * transaction of its own. One that would reach nobody goes back to draft,
   * and the CPTS team are told by email (CampaignNotStartedNotice, through
   * the reminders: scheduled in the same transaction, sent exactly once).
   * One that fails otherwise is logged and tried again at the next pass.
   */
  async startDue(logger: Logger, reminders: RemindersService): Promise<number> {
    let started = 0;
    const failures = await this.db.forEachTenant('campaign-scheduler', async (tenantId) => {
      const due = await this.db.run({ tenantId, label: 'campaign-scheduler' }, () =>
        this.db.tenantRows<{ id: string }>(`SELECT id FROM campaigns WHERE tenant_id = $1 AND status = 'scheduled' AND scheduled_at <= now() ORDER BY scheduled_at`, [tenantId]),
      );
      for (const { id } of due) {
        try {
          const count = await this.db.run({ tenantId, label: 'campaign-scheduler' }, () => this.start(id, { from: ['scheduled'], dueOnly: true }));
          logger.info({ tenantId, campaignId: id, recipients: count }, 'scheduled campaign started');
          started++;
        } catch (err) {
          if (err instanceof AppError && err.extra.reason === 'NOT_STARTABLE') continue; // another worker started it, or the staff changed it meanwhile
          if (err instanceof AppError && err.extra.reason === 'NO_RECIPIENTS') {
            await this.db.run({ tenantId, label: 'campaign-scheduler' }, async () => {
              const back = await this.db.tenantRows(
                `UPDATE campaigns SET status = 'draft', scheduled_at = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'scheduled' RETURNING id`,
                [tenantId, id],
              );
              if (back.length > 0) await reminders.schedule([{ kind: NOT_STARTED_NOTICE, ref: id, fireAt: new Date() }]);
            });
            logger.warn({ tenantId, campaignId: id }, 'scheduled campaign reached nobody: back to draft');
            continue;
          }
          // Anything else (a database error, a row this code cannot read) leaves the campaign scheduled for the next pass,
          // and the CPTS's other due campaigns still start.
          logger.error({ err, tenantId, campaignId: id }, 'scheduled campaign could not start; trying again at the next pass');
        }
      }
    });
    if (failures.length > 0) logger.error(tenantFailuresLog(failures), 'scheduled campaigns of these CPTS not started; trying again at the next pass');
    return started;
  }
}

export function notStartable(status: string): string {
  switch (status) {
    case 'sending':
    case 'paused':
      return 'Cette campagne est déjà en cours d’envoi.';
    case 'sent':
      return 'Cette campagne a déjà été envoyée : dupliquez-la pour l’envoyer à nouveau.';
    case 'cancelled':
      return 'Cette campagne a été annulée : dupliquez-la pour l’envoyer à nouveau.';
    default:
      return 'Cette campagne n’est pas programmée pour maintenant.';
  }
}
