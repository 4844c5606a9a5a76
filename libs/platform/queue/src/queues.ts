/**
 * Every queue of the platform, in one place. Renaming a queue strands the jobs
 * already in Redis under the old name: add the new one, drain the old one,
 * then remove it.
 */
export const QUEUES = {
  /** Outbox-backed emails of the platform (invitations, password resets). */
  mail: 'mail',
  /** Imports of the national directory extraction into a CPTS's directory. */
  directoryImport: 'directory-import',
  /** One job per chunk of about 100 recipients of a campaign (newsletters, targeted mailings). */
  campaignDelivery: 'campaign-delivery',
  /** One delayed job per reminder due within the reconciler's horizon. */
  reminder: 'reminder',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Payload of a `mail` job: ids only, the state lives in PostgreSQL. */
export interface MailJob {
  outboxId: string;
}

/** Payload of a `directory-import` job: the import row holds the rest (file, status, progress). */
export interface DirectoryImportJob {
  tenantId: string;
  importId: string;
}

/** Payload of a `campaign-delivery` job: a chunk of a campaign's deliveries (its id is `<campaignId>.<chunk>`). */
export interface CampaignDeliveryJob {
  tenantId: string;
  campaignId: string;
  /** campaign_deliveries.chunk (a bigint, as a string). */
  chunk: string;
}

/** Payload of a `reminder` job (its id is the reminder's id). */
export interface ReminderJob {
  tenantId: string;
  reminderId: string;
}

export interface JobPayloads {
  mail: MailJob;
  'directory-import': DirectoryImportJob;
  'campaign-delivery': CampaignDeliveryJob;
  reminder: ReminderJob;
}

/**
 * Key prefix of one queue. The hash tag ({...}) puts every key of a queue in
 * one Redis Cluster slot, which BullMQ's Lua scripts require; queues spread
 * over slots. `base` separates environments and test runs.
 */
export function queuePrefix(base: string, queue: QueueName): string {
  return `{${base}:${queue}}`;
}

/** Retries of a job with an outside effect: exponential backoff, 1 s to ~1 h. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/**
 * Campaign chunks: like DEFAULT_JOB_OPTIONS, but a completed job leaves
 * Redis at once, so the same chunk id can be queued again (after a pause, or
 * by the reconciler); the delivery rows say what still has to go. A chunk
 * that failed for good stays an hour (to be seen), then the reconciler may
 * queue what it left pending again.
 */
export const CAMPAIGN_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 3600 },
} as const;

/** Reminders: a completed job leaves Redis at once (the row says what was done); a failed one stays 30 days. */
export const REMINDER_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
