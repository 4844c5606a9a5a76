import { CONSENT_PURPOSES, contactBasis, ConsentPurposeValue, ConsentStatusValue } from '../src/consents/contact-basis';
import { CONSENT_WORDINGS, currentWording } from '../src/consents/wordings';

const STATUSES: Array<ConsentStatusValue | null> = ['given', 'withdrawn', null];
const BOOLS = [true, false];

/** The rule written out as a table, independently of the function's order of tests. */
function expected(purpose: ConsentPurposeValue, status: ConsentStatusValue | null, emailIsWork: boolean, hasEmail: boolean) {
  const mailed = purpose !== 'public_listing';
  if (status === 'withdrawn') return { allowed: false, basis: null, reason: 'withdrawn' };
  if (mailed && !hasEmail) return { allowed: false, basis: null, reason: 'no_email' };
  if (status === 'given') return { allowed: true, basis: 'consent', reason: null };
  const professionalInformation = purpose === 'pro_newsletter' || purpose === 'event_invitations';
  if (professionalInformation && emailIsWork) return { allowed: true, basis: 'work_address_opt_out', reason: null };
  return { allowed: false, basis: null, reason: 'no_consent' };
}

describe('contactBasis: may the CPTS send this purpose to this person, and on what basis', () => {
  const cases = CONSENT_PURPOSES.flatMap((purpose) =>
    STATUSES.flatMap((status) => BOOLS.flatMap((work) => BOOLS.map((hasEmail) => [purpose, status, work, hasEmail] as const))),
  );

  it('covers the 4 purposes × 3 states × work address or not × e-mail or not', () => {
    expect(cases).toHaveLength(48);
  });

  it.each(cases)('%s, consent %s, work address %s, e-mail %s', (purpose, status, work, hasEmail) => {
    expect(contactBasis(purpose, status, work, hasEmail)).toEqual(expected(purpose, status, work, hasEmail));
  });

  it('lets professional information reach a work address without consent, on the opt-out basis, never called consent', () => {
    expect(contactBasis('pro_newsletter', null, true, true)).toEqual({ allowed: true, basis: 'work_address_opt_out', reason: null });
    expect(contactBasis('event_invitations', null, true, true)).toEqual({ allowed: true, basis: 'work_address_opt_out', reason: null });
    expect(contactBasis('pro_newsletter', null, false, true)).toEqual({ allowed: false, basis: null, reason: 'no_consent' });
  });

  it('never sends the general-public newsletter nor lists publicly without consent, work address or not', () => {
    for (const purpose of ['public_newsletter', 'public_listing'] as const) {
      expect(contactBasis(purpose, null, true, true).allowed).toBe(false);
      expect(contactBasis(purpose, 'given', true, true)).toEqual({ allowed: true, basis: 'consent', reason: null });
    }
  });

  it('lets an objection win over a work address', () => {
    expect(contactBasis('pro_newsletter', 'withdrawn', true, true)).toEqual({ allowed: false, basis: null, reason: 'withdrawn' });
  });

  it('lists publicly someone who consented even without an e-mail address', () => {
    expect(contactBasis('public_listing', 'given', false, false)).toEqual({ allowed: true, basis: 'consent', reason: null });
  });
});

describe('consent wordings', () => {
  it('have unique versions named after their purpose, and a current one per purpose', () => {
    const versions = CONSENT_WORDINGS.map((w) => w.version);
    expect(new Set(versions).size).toBe(versions.length);
    for (const w of CONSENT_WORDINGS) expect(w.version.startsWith(`${w.purpose}.`)).toBe(true);
    for (const purpose of CONSENT_PURPOSES) expect(currentWording(purpose).purpose).toBe(purpose);
  });

  it('cannot be edited at run time', () => {
    expect(Object.isFrozen(CONSENT_WORDINGS)).toBe(true);
    for (const w of CONSENT_WORDINGS) expect(Object.isFrozen(w)).toBe(true);
  });
});
