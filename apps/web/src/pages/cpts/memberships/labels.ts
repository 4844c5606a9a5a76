import type { InvolvementLevel, MembershipCollege, MembershipStatus, PaymentMeans } from '../../../gql/graphql';

export const STATUSES: MembershipStatus[] = ['ACTIVE', 'PENDING', 'LAPSED', 'RESIGNED'];
export const MEANS: PaymentMeans[] = ['CHEQUE', 'TRANSFER', 'CARD', 'CASH', 'OTHER'];
export const COLLEGES: MembershipCollege[] = ['LIBERAL', 'MSP', 'ESTABLISHMENT', 'USER'];
export const LEVELS: InvolvementLevel[] = ['INFORMED', 'MEMBER', 'ACTION', 'REFERENT', 'GOVERNANCE'];

/** Badge colours (light badges: the theme keeps their text AA). */
export const statusColor: Record<MembershipStatus, string> = { ACTIVE: 'teal', PENDING: 'yellow', LAPSED: 'gray', RESIGNED: 'red' };

/** The year in France, as the server counts it for renewals. */
export const currentYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/** Today in France, YYYY-MM-DD (the latest payment date allowed). */
export const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Cents from what is typed in euros ("20", "20,5", 20.5); null when it is not an amount. */
export function eurosToCents(value: string | number): number | null {
  const text = String(value).trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}
