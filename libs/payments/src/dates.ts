/** Days as the payments read and write them: 'YYYY-MM-DD', calendar days of France. */

/** Today in France (YYYY-MM-DD), whatever the server's time zone. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A real calendar day of 2000-2200 ('2026-02-30' is not). */
export function isCalendarDay(iso: unknown): iso is string {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const year = Number(iso.slice(0, 4));
  const date = new Date(`${iso}T00:00:00Z`);
  return year >= 2000 && year <= 2200 && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** "12/03/2026" from "2026-03-12". */
export const frenchDay = (isoDay: string): string => isoDay.split('-').reverse().join('/');
