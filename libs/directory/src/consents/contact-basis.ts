/** What a person may be contacted (or shown) for. */
export type ConsentPurposeValue = 'pro_newsletter' | 'public_newsletter' | 'event_invitations' | 'public_listing';
export type ConsentStatusValue = 'given' | 'withdrawn';
export type ContactBasisValue = 'consent' | 'work_address_opt_out';
export type ContactRefusalValue = 'no_email' | 'withdrawn' | 'no_consent';

export const CONSENT_PURPOSES: readonly ConsentPurposeValue[] = [
  'pro_newsletter',
  'public_newsletter',
  'event_invitations',
  'public_listing',
];

/**
 * Purposes that carry professional information to a professional: the ones
 * a work address may receive without prior consent.
 */
export const PROFESSIONAL_INFORMATION_PURPOSES: readonly ConsentPurposeValue[] = ['pro_newsletter', 'event_invitations'];

/** Purposes that are sent by e-mail (public_listing is shown on the public page, not sent). */
const MAILED: readonly ConsentPurposeValue[] = ['pro_newsletter', 'public_newsletter', 'event_invitations'];

export interface ContactBasis {
  allowed: boolean;
  /** Why it is allowed; null when it is not. */
  basis: ContactBasisValue | null;
  /** Why it is not allowed; null when it is. */
  reason: ContactRefusalValue | null;
}

/**
 * May the CPTS send this purpose to this person (or show them, for
 * public_listing), and on what basis?
 *
 * - A withdrawal (an objection) always wins: never, whatever the address.
 * - Mailed purposes need an address.
 * - A given consent is the basis.
 * - Without any record, professional information (pro_newsletter,
 *   event_invitations) may go to a work address: the basis is then
 *   `work_address_opt_out`, and EVERY such message must carry a free,
 *   one-click opt-out (which records a withdrawal with the method
 *   unsubscribe_link). This is not consent and is never shown as one.
 * - The general-public newsletter and the public listing always need consent.
 *
 * Pure, so the mailer, the person's page and the tests share one rule;
 * contactBasisSql() is the same rule as SQL for selecting recipients.
 */
export function contactBasis(
  purpose: ConsentPurposeValue,
  consentStatus: ConsentStatusValue | null,
  emailIsWork: boolean,
  hasEmail: boolean,
): ContactBasis {
  if (consentStatus === 'withdrawn') return { allowed: false, basis: null, reason: 'withdrawn' };
  if (MAILED.includes(purpose) && !hasEmail) return { allowed: false, basis: null, reason: 'no_email' };
  if (consentStatus === 'given') return { allowed: true, basis: 'consent', reason: null };
  if (PROFESSIONAL_INFORMATION_PURPOSES.includes(purpose) && emailIsWork)
    return { allowed: true, basis: 'work_address_opt_out', reason: null };
  return { allowed: false, basis: null, reason: 'no_consent' };
}

/** SQL expressions (trusted, written by the caller) for the four inputs of contactBasis. */
export interface ContactBasisSqlInputs {
  /** A text expression: the purpose (e.g. 'c.purpose' or a bound parameter '$2::text'). */
  purpose: string;
  /** A text expression, NULL when the person has no record for that purpose (e.g. 'c.status' of a LEFT JOIN). */
  status: string;
  /** A boolean expression (e.g. 'p.email_is_work'). */
  emailIsWork: string;
  /** A boolean expression (e.g. 'p.email IS NOT NULL'). */
  hasEmail: string;
}

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * contactBasis() as three SQL expressions (allowed boolean, basis text,
 * reason text), the same rule in the same order, for a mailing that selects
 * its recipients in one statement, e.g.
 * `SELECT p.id FROM professionals p LEFT JOIN consents c ON ... WHERE ${contactBasisSql(...).allowed}`.
 * The integration tests check it against contactBasis() on every combination.
 */
export function contactBasisSql(i: ContactBasisSqlInputs): { allowed: string; basis: string; reason: string } {
  const withdrawn = `(${i.status}) IS NOT DISTINCT FROM 'withdrawn'`;
  const noEmail = `((${i.purpose}) IN (${sqlList(MAILED)}) AND NOT (${i.hasEmail}))`;
  const given = `(${i.status}) IS NOT DISTINCT FROM 'given'`;
  const workAddress = `((${i.purpose}) IN (${sqlList(PROFESSIONAL_INFORMATION_PURPOSES)}) AND (${i.emailIsWork}))`;
  return {
    allowed: `(CASE WHEN ${withdrawn} THEN false WHEN ${noEmail} THEN false WHEN ${given} THEN true WHEN ${workAddress} THEN true ELSE false END)`,
    basis: `(CASE WHEN ${withdrawn} THEN NULL WHEN ${noEmail} THEN NULL WHEN ${given} THEN 'consent' WHEN ${workAddress} THEN 'work_address_opt_out' ELSE NULL END)`,
    reason: `(CASE WHEN ${withdrawn} THEN 'withdrawn' WHEN ${noEmail} THEN 'no_email' WHEN ${given} THEN NULL WHEN ${workAddress} THEN NULL ELSE 'no_consent' END)`,
  };
}
