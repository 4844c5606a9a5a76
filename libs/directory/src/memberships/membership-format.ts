import { MembershipStatus, PaymentMeans, STATUS_LABELS } from './membership.types';

const PAID_BY: Record<PaymentMeans, string> = { cheque: 'par chèque', transfer: 'par virement', card: 'par carte', cash: 'en espèces', other: 'par un autre moyen' };

/** Today in France (YYYY-MM-DD): the staff's "today", whatever the server's time zone. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const parisYear = (now = new Date()): number => Number(parisToday(now).slice(0, 4));

/** "20,00 €" (a plain space: the summaries are read in logs and exports too). */
export function euros(cents: number): string {
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole},${String(cents % 100).padStart(2, '0')} €`;
}

/** "12/01/2026" from "2026-01-12". */
export const frenchDate = (iso: string): string => iso.split('-').reverse().join('/');

/** The French sentence of a membership, for the person's history: "Adhésion 2026 : active, 20,00 € réglés par chèque le 12/01/2026." */
export function membershipSummary(m: { year: number; status: MembershipStatus; feeCents: number; paidOn: string | null; paymentMeans: PaymentMeans | null }): string {
  const head = `Adhésion ${m.year} : ${STATUS_LABELS[m.status]}`;
  if (m.feeCents === 0) return `${head}, gratuite.`;
  if (!m.paidOn) return `${head}, ${euros(m.feeCents)} non réglés.`;
  const means = m.paymentMeans ? ` ${PAID_BY[m.paymentMeans]}` : '';
  return `${head}, ${euros(m.feeCents)} réglés${means} le ${frenchDate(m.paidOn)}.`;
}

/** A real calendar date (2026-02-30 is not). */
export function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}
