import { Injectable } from '@nestjs/common';
import { AppError, Connection, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ReferenceService } from '@cpts/platform-reference';
import { campaignLinks } from '../delivery/campaign-email';
import { CampaignProfessionClicks, CampaignReport, FollowUpContact } from './campaign-report.types';
import { campaignNonClickers, FollowUpList } from './follow-up';

interface CampaignHead {
  subject: string;
  bodyHtml: string;
  sendingStartedAt: Date | null;
  finishedAt: Date | null;
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * What a campaign achieved: messages sent and failed, who clicked (unique
 * recipients, the figure a mail scanner's prefetch cannot inflate past one
 * per person), per link and per profession; and the people to call back.
 */
@Injectable()
export class CampaignReportService {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly followUpList: FollowUpList,
  ) {}

  async report(campaignId: string): Promise<CampaignReport> {
    const tenantId = requireTenantId();
    const campaign = await this.campaign(campaignId);
    // One row per state and profession; "clicked" only counts for sent messages (the rate's denominator).
    const byGroup = await this.db.tenantRows<{ state: string; code: string | null; n: number; clickers: number }>(
      `SELECT d.state, p.profession_code AS code, count(*)::int AS n,
              count(*) FILTER (WHERE d.state = 'sent' AND EXISTS (
                SELECT 1 FROM campaign_clicks k WHERE k.tenant_id = d.tenant_id AND k.campaign_id = d.campaign_id AND k.delivery_id = d.id))::int AS clickers
       FROM campaign_deliveries d
       LEFT JOIN professionals p ON p.tenant_id = d.tenant_id AND p.id = d.professional_id
       WHERE d.tenant_id = $1 AND d.campaign_id = $2
       GROUP BY 1, 2`,
      [tenantId, campaignId],
    );
    const perLink = await this.db.tenantRows<{ index: number; unique: number; total: number }>(
      `SELECT link_index AS index, count(DISTINCT delivery_id)::int AS unique, count(*)::int AS total
       FROM campaign_clicks WHERE tenant_id = $1 AND campaign_id = $2 GROUP BY 1`,
      [tenantId, campaignId],
    );
    const states: Record<string, number> = { sent: 0, failed: 0, pending: 0, cancelled: 0, skipped: 0 };
    const professions = new Map<string | null, { sent: number; clickers: number }>();
    let uniqueClickers = 0;
    for (const g of byGroup) {
      states[g.state] = (states[g.state] ?? 0) + g.n;
      uniqueClickers += g.clickers;
      if (g.state !== 'sent') continue;
      const p = professions.get(g.code) ?? { sent: 0, clickers: 0 };
      p.sent += g.n;
      p.clickers += g.clickers;
      professions.set(g.code, p);
    }
    const catalog = await this.reference.catalog();
    const professionRows: CampaignProfessionClicks[] = [...professions.entries()]
      .map(([code, p]) => ({ profession: code ? catalog.profession(code) : null, sent: p.sent, clickers: p.clickers, clickRate: rate(p.clickers, p.sent) }))
      .sort((a, b) => b.sent - a.sent || (a.profession?.label ?? '\uffff').localeCompare(b.profession?.label ?? '\uffff', 'fr'));
    const clicks = new Map(perLink.map((l) => [l.index, l]));
    return {
      campaignId,
      subject: campaign.subject,
      sendingStartedAt: campaign.sendingStartedAt,
      finishedAt: campaign.finishedAt,
      sent: states.sent,
      failed: states.failed,
      pending: states.pending,
      cancelled: states.cancelled,
      skipped: states.skipped,
      uniqueClickers,
      totalClicks: perLink.reduce((sum, l) => sum + l.total, 0),
      clickRate: rate(uniqueClickers, states.sent),
      links: campaignLinks(campaign.bodyHtml).map((url, index) => ({ index, url, uniqueClickers: clicks.get(index)?.unique ?? 0, totalClicks: clicks.get(index)?.total ?? 0 })),
      professions: professionRows,
    };
  }

  /** The recipients to call back: sent, and clicked nothing. */
  async followUp(campaignId: string, first: number, after?: string | null): Promise<Connection<FollowUpContact>> {
    await this.campaign(campaignId);
    return this.followUpList.page(campaignNonClickers(campaignId), first, after);
  }

  /** The whole follow-up list, for the CSV and XLSX exports. */
  async followUpAll(campaignId: string): Promise<{ subject: string; contacts: FollowUpContact[] }> {
    const campaign = await this.campaign(campaignId);
    return { subject: campaign.subject, contacts: await this.followUpList.all(campaignNonClickers(campaignId)) };
  }

  /** The campaign of this CPTS; another CPTS's is as missing as one that never existed. */
  private async campaign(campaignId: string): Promise<CampaignHead> {
    const [row] = await this.db.tenantRows<CampaignHead>(
      `SELECT subject, body_html AS "bodyHtml", sending_started_at AS "sendingStartedAt", finished_at AS "finishedAt"
       FROM campaigns WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), campaignId],
    );
    if (!row) throw AppError.notFound('Campagne introuvable.');
    return row;
  }
}
