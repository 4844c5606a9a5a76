import { FicheEvidence } from '../fiche.types';
import { EvidenceReader, missing, parisDay } from './read';

/**
 * A mailing's evidence: when it was sent, its recipients (messages sent) and
 * its click rate, with the mailing module's definition (libs/mailing
 * campaign-report.service.ts): unique clickers among the sent messages over
 * the sent messages; opens are not counted (not reliable).
 */
export const campaignEvidence: EvidenceReader = async (rows, tenantId, ids) => {
  const campaigns = await rows<{
    id: string;
    subject: string;
    status: string;
    startedOn: string | null;
    finishedOn: string | null;
    sent: number;
    clickers: number;
  }>(
    `SELECT c.id, c.subject, c.status, ${parisDay('c.sending_started_at')} AS "startedOn", ${parisDay('c.finished_at')} AS "finishedOn",
            (SELECT count(*)::int FROM campaign_deliveries d WHERE d.tenant_id = c.tenant_id AND d.campaign_id = c.id AND d.state = 'sent') AS sent,
            (SELECT count(*)::int FROM campaign_deliveries d WHERE d.tenant_id = c.tenant_id AND d.campaign_id = c.id AND d.state = 'sent'
               AND EXISTS (SELECT 1 FROM campaign_clicks k WHERE k.tenant_id = d.tenant_id AND k.campaign_id = d.campaign_id AND k.delivery_id = d.id)) AS clickers
     FROM campaigns c WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[])`,
    [tenantId, [...ids]],
  );
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return ids.map((id): FicheEvidence => {
    const c = byId.get(id);
    if (!c) return missing('campaign', id, 'Campagne');
    const rate = c.sent > 0 ? Math.round((c.clickers / c.sent) * 1000) / 10 : null;
    return {
      id,
      kind: 'campaign',
      automatic: true,
      title: `Campagne « ${c.subject} »`,
      from: c.startedOn,
      to: c.finishedOn,
      figures: [
        { label: 'Destinataires', value: c.sent, unit: null, key: 'recipients' },
        { label: 'Cliqueurs', value: c.clickers, unit: null, key: 'clickers' },
        { label: 'Taux de clic', value: rate, unit: '%', key: null },
      ],
      details: c.startedOn ? [] : ['Campagne pas encore envoyée.'],
      url: `/campagnes/${id}/rapport`,
      gap: null,
    };
  });
};
