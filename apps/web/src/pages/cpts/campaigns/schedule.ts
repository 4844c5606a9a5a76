import type { CampaignPurpose, CampaignStatus } from '../../../gql/graphql';
import { fromParisWallClock, parisParts } from '../../../lib/paris';

/** Badge colours per status (light badges: the theme keeps their text AA). */
export const statusColor: Record<CampaignStatus, string> = { DRAFT: 'gray', SCHEDULED: 'blue', SENDING: 'orange', PAUSED: 'yellow', SENT: 'teal', CANCELLED: 'red' };

export const NEWSLETTERS: CampaignPurpose[] = ['PRO_NEWSLETTER', 'PUBLIC_NEWSLETTER'];

/** The field's advice: two newsletters a month at most. */
export const NEWSLETTERS_PER_MONTH = 2;

/**
 * The slot the field found best for long mailings: Friday 18:30, Paris time.
 * Today when it is Friday before 18:30, else the next Friday.
 */
export function nextFriday1830(now = new Date()): Date {
  const p = parisParts(now);
  let days = (5 - p.weekday + 7) % 7;
  if (days === 0 && (p.hour > 18 || (p.hour === 18 && p.minute >= 30))) days = 7;
  // Noon of the day in UTC steps over any summer-time change before reading the calendar date.
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day, 12) + days * 86_400_000);
  return fromParisWallClock(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 18, 30);
}

/** The first instant of the Paris calendar month of `date`: one value per month, for the count of its newsletters. */
export function parisMonthStart(date: Date): Date {
  const p = parisParts(date);
  return fromParisWallClock(p.year, p.month, 1, 0, 0);
}

/** "novembre 2026": the Paris calendar month of `date`. */
export function formatParisMonth(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' }).format(date);
}
