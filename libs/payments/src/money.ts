/**
 * Amounts are integer cents and durations integer minutes. Every division
 * here is exact integer arithmetic on JavaScript numbers (all operands are
 * integers far below 2^53): the remainder decides the rounding, never a
 * floating-point quotient.
 */

/** n / d rounded half-up to an integer (n ≥ 0, d > 0): 2,777.5 gives 2,778, 2,777.4 gives 2,777. */
export function divideHalfUp(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || d <= 0) throw new RangeError(`divideHalfUp(${n}, ${d})`);
  const remainder = n % d;
  const quotient = (n - remainder) / d;
  return 2 * remainder >= d ? quotient + 1 : quotient;
}

/**
 * What `minutes` of work are worth at `hourlyRateCents`: minutes × rate / 60,
 * rounded half-up to the cent (50 min at 33.33 EUR an hour: 2,777.5 cents, paid 27.78 EUR).
 */
export function amountForMinutes(minutes: number, hourlyRateCents: number): number {
  return divideHalfUp(minutes * hourlyRateCents, 60);
}

/** "1 h 30", "2 h", "45 min": a length as the labels and the statement say it. */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** The share of the PASS a total reaches, in tenths of a percent rounded down (3,768,000 of 4,710,000: 800, "80,0 %"). */
export function passPermille(totalCents: number, passCents: number): number {
  return (totalCents * 1000 - ((totalCents * 1000) % passCents)) / passCents;
}

/** "80,0 %" from 800 tenths of a percent. */
export const percentLabel = (permille: number): string => `${Math.floor(permille / 10)},${permille % 10} %`;

/** The warning threshold: 80 % of the PASS, compared in integers (total × 5 ≥ PASS × 4). */
export const reachesWarning = (totalCents: number, passCents: number): boolean => totalCents * 5 >= passCents * 4;
