import type { RenderedEmail } from '@cpts/platform-mail';

export interface DueReminder {
  id: string;
  tenantId: string;
  kind: string;
  ref: string;
  fireAt: Date;
}

/** What a reminder does when it fires: nothing (and why), or these emails. */
export type ReminderDecision =
  | { send: false; reason: string }
  /** `secret`: the recipient's own link token, for an email that carries SECRET_PLACEHOLDER (see MailOutbox). */
  | { send: true; emails: Array<{ to: string; email: RenderedEmail; secret?: string }> };

/**
 * The module side of a kind of reminder. `decide` runs when the reminder
 * fires, inside the tenant transaction that marks it done and writes its
 * emails to the outbox: it checks the condition ("has this person renewed
 * since?") on the data as it is now, and composes the emails.
 */
export interface ReminderHandler {
  readonly kind: string;
  decide(reminder: DueReminder): Promise<ReminderDecision>;
}

/** Every domain's reminder handlers, in the worker (workerDomains in @cpts/platform-domain provides it). */
export const REMINDER_HANDLERS = Symbol('REMINDER_HANDLERS');
