// French formats, whatever the browser's language: the platform speaks French.
const LOCALE = 'fr-FR';

const numberFormat = new Intl.NumberFormat(LOCALE);
const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const formatNumber = (n: number): string => numberFormat.format(n);
export const formatDate = (iso: string | Date): string => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string | Date): string => dateTimeFormat.format(new Date(iso));

/** "06 12 34 56 78" from "+33612345678" or "0612345678". */
export function formatPhone(phone: string): string {
  const national = phone.startsWith('+33') ? `0${phone.slice(3)}` : phone;
  return /^\d{10}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : phone;
}

const euroFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

/** "20,00 €" from 2000 cents. */
export const formatEuros = (cents: number): string => euroFormat.format(cents / 100);

/** A calendar day ("12 janvier 2026") from "2026-01-12", read as a local day (no time-zone shift). */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return dateFormat.format(new Date(y, m - 1, d));
}

const percentFormat = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

/** "33,3 %" from 0.3333; a dash when there is no rate (nothing to divide by). */
export const formatPercent = (ratio: number | null | undefined): string => (ratio === null || ratio === undefined ? '—' : percentFormat.format(ratio));
