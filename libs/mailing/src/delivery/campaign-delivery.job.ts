/** Payload of a `campaign-delivery` job: a chunk of a campaign's deliveries (its id is `<campaignId>.<chunk>`). */
export interface CampaignDeliveryJob {
  tenantId: string;
  campaignId: string;
  /** campaign_deliveries.chunk (a bigint, as a string). */
  chunk: string;
}

declare module '@cpts/platform-queue' {
  interface JobPayloads {
    'campaign-delivery': CampaignDeliveryJob;
  }
}
