import type { CampaignPurpose, CampaignStatus } from '../../../gql/graphql';

/** Badge colours per status (light badges: the theme keeps their text AA). */
export const statusColor: Record<CampaignStatus, string> = { DRAFT: 'gray', SCHEDULED: 'blue', SENDING: 'orange', PAUSED: 'yellow', SENT: 'teal', CANCELLED: 'red' };

export const NEWSLETTERS: CampaignPurpose[] = ['PRO_NEWSLETTER', 'PUBLIC_NEWSLETTER'];

/** The field's advice: two newsletters a month at most. */
export const NEWSLETTERS_PER_MONTH = 2;

const PARIS = 'Europe/Paris';

/** The wall-clock parts of an instant in Paris. */
function parisParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), weekday };
}

/** The instant at which Paris clocks show this date and time (summer time included). */
export function fromParisWallClock(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  // Two passes settle the offset, even next to a change of summer time.
  for (let i = 0; i < 2; i++) {
    const p = parisParts(new Date(guess));
    guess += wanted - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  return new Date(guess);
}

/** "2026-11-27T18:30", the value of a datetime-local input, in Paris time. */
export function toParisInput(date: Date): string {
  const p = parisParts(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The instant of a datetime-local value read as Paris time; null when it is not one. */
export function fromParisInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return fromParisWallClock(year, month, day, hour, minute);
}

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
  return new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, month: 'long', year: 'numeric' }).format(date);
}

/** "vendredi 27 novembre 2026 à 18:30" in Paris time. */
export function formatParis(date: Date | string): string {
  const d = new Date(date);
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' }).format(d);
  return `${day} à ${time}`;
}
