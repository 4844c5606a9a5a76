/** The purposes a message is sent for: the ones a person chooses on the preferences page. */
export type MailedPurpose = 'pro_newsletter' | 'event_invitations' | 'public_newsletter';
export const MAILED_PURPOSES: readonly MailedPurpose[] = ['pro_newsletter', 'event_invitations', 'public_newsletter'];

export function isMailedPurpose(value: unknown): value is MailedPurpose {
  return typeof value === 'string' && (MAILED_PURPOSES as readonly string[]).includes(value);
}

/** A person's standing for one mailed purpose, as the directory's consent rule says it. */
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
