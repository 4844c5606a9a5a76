/**
 * What every memberships service shares: the columns a membership is read
 * with, and the rules of a membership and of its year, in French for the
 * staff. Plain functions: the per-person commands, the listings and the
 * yearly renewal each check the same way.
 */
import { AppError, FieldError } from '@cpts/platform-core';
import { isCalendarDate, parisToday, parisYear } from './membership-format';
import { MembershipInput, MembershipStatus } from './membership.types';

/** The columns of a Membership, from the `memberships` row aliased `m`. */
export const MEMBERSHIP_COLUMNS = (
  m: string,
) => `${m}.id, ${m}.professional_id AS "professionalId", ${m}.year, ${m}.status, ${m}.fee_cents AS "feeCents",
  ${m}.paid_on::text AS "paidOn", ${m}.payment_means AS "paymentMeans", ${m}.college, ${m}.note, ${m}.created_at AS "createdAt", ${m}.updated_at AS "updatedAt"`;

/**
 * The rules of a membership, in French for the staff:
 * - a year from 2000 to next year (renewals open in the last weeks of a year);
 * - a payment date is a real date, not in the future;
 * - a free membership (0 €) has no payment;
 * - date and means of payment go together;
 * - an active member with a fee has paid: date and means are required.
 */
export function checkMembership(input: MembershipInput) {
  const fields: FieldError[] = [];
  const yearError = membershipYearError(input.year);
  if (yearError) fields.push({ field: 'year', message: yearError });
  const paidOn = input.paidOn ?? null;
  const paymentMeans = input.paymentMeans ?? null;
  if (paidOn && !isCalendarDate(paidOn)) fields.push({ field: 'paidOn', message: "Cette date n'existe pas." });
  else if (paidOn && paidOn > parisToday())
    fields.push({ field: 'paidOn', message: 'La date de paiement ne peut pas être dans le futur.' });
  if (input.feeCents === 0 && (paidOn || paymentMeans)) {
    fields.push({
      field: input.paidOn ? 'paidOn' : 'paymentMeans',
      message: 'Une adhésion gratuite ne se règle pas : laissez le paiement vide.',
    });
  } else if (input.status === MembershipStatus.ACTIVE && input.feeCents > 0 && (!paidOn || !paymentMeans)) {
    if (!paidOn) fields.push({ field: 'paidOn', message: 'Un adhérent actif a réglé sa cotisation : indiquez la date du paiement.' });
    if (!paymentMeans)
      fields.push({ field: 'paymentMeans', message: 'Un adhérent actif a réglé sa cotisation : indiquez le moyen de paiement.' });
  } else if (Boolean(paidOn) !== Boolean(paymentMeans)) {
    fields.push(
      paidOn
        ? { field: 'paymentMeans', message: 'Indiquez aussi le moyen de paiement.' }
        : { field: 'paidOn', message: 'Indiquez aussi la date du paiement.' },
    );
  }
  if (fields.length > 0) throw AppError.badInput(fields.length === 1 ? fields[0].message : 'Certains champs sont à corriger.', fields);
  return {
    year: input.year,
    status: input.status,
    feeCents: input.feeCents,
    paidOn,
    paymentMeans,
    college: input.college,
    note: input.note?.trim() || null,
  };
}

function membershipYearError(year: number): string | null {
  const max = parisYear() + 1;
  return Number.isInteger(year) && year >= 2000 && year <= max ? null : `L'année doit être comprise entre 2000 et ${max}.`;
}

/** A membership year from 2000 to next year, else a field error on `field`. */
export function checkMembershipYear(year: number, field: string): void {
  const error = membershipYearError(year);
  if (error) throw AppError.field(field, error);
}
