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

/**
 * Each queue's payload, by queue name. The library that owns a job declares
 * its payload beside its processor, by augmenting this interface:
 *
 *     declare module '@cpts/platform-queue' {
 *       interface JobPayloads { 'my-queue': MyJob }
 *     }
 *
 * so this library knows the queues and their options, not what domains put
 * in them. Payloads carry ids only: the state lives in PostgreSQL.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the domains (above)
export interface JobPayloads {}

/** The payload of a queue's jobs, as its owner declared it. */
export type JobPayload<Q extends QueueName> = Q extends keyof JobPayloads ? JobPayloads[Q] : never;

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
