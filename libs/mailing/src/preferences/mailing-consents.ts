/** The purposes a campaign is sent for: the ones a person chooses on the preferences page. */
export type MailedPurpose = 'pro_newsletter' | 'event_invitations' | 'public_newsletter';
export const MAILED_PURPOSES: readonly MailedPurpose[] = ['pro_newsletter', 'event_invitations', 'public_newsletter'];

export function isMailedPurpose(value: unknown): value is MailedPurpose {
  return typeof value === 'string' && (MAILED_PURPOSES as readonly string[]).includes(value);
}

/** A person's standing for one mailed purpose, as the consent rule says it (contactBasis of the directory). */
export interface PurposeStanding {
  purpose: MailedPurpose;
  /** The last recorded choice; null when nothing was ever recorded. */
  status: 'given' | 'withdrawn' | null;
  /** Whether the CPTS may send it to this person now. */
  allowed: boolean;
  /** consent, or work_address_opt_out (professional information to a work address, with a free opt-out); null when not allowed. */
  basis: 'consent' | 'work_address_opt_out' | null;
  /** The sentence the person agrees to when choosing to receive it again (the current version). */
  wording: { version: string; text: string };
}

/**
 * How the mailing module records a person's choices: the directory's
 * consents (proof, current state, history line), reached through this port
 * because a domain library does not import another (docs/architecture.md).
 * The gateway provides it with the directory's ConsentsService. Every method
 * runs in the current tenant scope and transaction.
 */
export abstract class MailingConsents {
  /** The person's standing for each mailed purpose, in MAILED_PURPOSES order. */
  abstract standing(professionalId: string): Promise<PurposeStanding[]>;
  /** Records a withdrawal with the method unsubscribe_link; a second one changes nothing. */
  abstract withdraw(professionalId: string, purpose: MailedPurpose, note: string | null): Promise<void>;
  /** Records a consent given with the method form and this wording version, which must be the purpose's current one. */
  abstract give(professionalId: string, purpose: MailedPurpose, wordingVersion: string, note: string | null): Promise<void>;
}
