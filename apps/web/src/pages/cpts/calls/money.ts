/**
 * Amounts typed in euros and shown back, in integer cents only: the text is
 * read digit by digit (no floating-point number ever holds an amount, as on
 * the server: docs/calls-and-payments.md, "Rounding").
 */

/** Cents from what is typed in euros ("12 000", "12000,5", "1 250,75 €"); null when it is not an amount (or has more than 2 decimals). */
export function eurosToCents(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const m = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** "12000,50" from 1200050 (what an amount field shows when editing); "12000" for whole euros. */
export function centsToEurosInput(cents: number): string {
  const rest = cents % 100;
  const euros = (cents - rest) / 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** The fee of `minutes` at `hourlyRateCents` an hour, half-up to the cent in integers: as the API computes it (payments' amountForMinutes). */
export const feeForMinutes = (minutes: number, hourlyRateCents: number): number => Math.floor((minutes * hourlyRateCents + 30) / 60);

/** "4,3" from 4.3: a score out of 5 with one decimal, as the API rounds it. */
export function formatScore(score: number): string {
  return score.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
