import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, currentScope, isUuid, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { euros } from '@cpts/governance';
import { PersonDirectory, PersonMemberships } from '@cpts/platform-persons';
import { frenchDay, isCalendarDay } from './dates';
import { passPermille, percentLabel, reachesWarning } from './money';
import { PassCeilings } from './pass-ceilings.service';
import { NewPaymentLine, PaymentKind, PaymentLine, PaymentSkipReason, PaymentStatus } from './payment.types';

/** The columns of a PaymentLine, from `payment_lines l` joined to its professional `p` (LINE_FROM). */
export const LINE_COLUMNS = `l.id, l.professional_id AS "professionalId", p.last_name || ' ' || p.first_name AS "professionalName", l.kind,
  to_char(l.work_date, 'YYYY-MM-DD') AS "workDate", l.year, l.minutes, l.amount_cents::float8 AS "amountCents", l.label, l.source,
  l.source_ref AS "sourceRef", l.status, to_char(l.paid_on, 'YYYY-MM-DD') AS "paidOn", l.paid_reference AS "paidReference",
  l.cancelled_at AS "cancelledAt", l.cancel_reason AS "cancelReason", l.created_at AS "createdAt"`;
export const LINE_FROM = `payment_lines l JOIN professionals p ON p.tenant_id = l.tenant_id AND p.id = l.professional_id`;

/** A line placed, or why not (for a batch that reports each person: the meeting's indemnities). */
export type Placement =
  | { placed: true; line: PaymentLine; warning: string | null }
  | { placed: false; reason: PaymentSkipReason; professionalId: string; name: string; message: string };

/**
 * The payment lines, as other modules add them from what happened (the
 * calls' workshops and debriefs, the meetings of instances): each line is
 * checked against the rules of decree 2022-375 in the caller's transaction,
 * and nothing is written when one fails.
 *
 * The yearly cap: per CPTS, professional and Paris year of the work, the
 * lines not cancelled (both kinds) stay within the PASS. Two lines for one
 * person and year added at once would each read the other's total without
 * it, so the check runs under a transaction-scoped advisory lock on
 * (CPTS, person, year): the second waits for the first to commit or roll
 * back, then reads its line (READ COMMITTED: each statement sees what is
 * committed). A lock rather than a counter row: nothing to keep in step
 * with the lines, two years or two people never wait on each other, and it
 * is released with the transaction whatever happens.
 */
@Injectable()
export class PaymentLinesService {
  constructor(
    private readonly db: Db,
    private readonly people: PersonDirectory,
    private readonly memberships: PersonMemberships,
    private readonly pass: PassCeilings,
  ) {}

  /** In the caller's transaction; throws AppError (French) on a non-member, amount <= 0, minutes <= 0, over the PASS (and on the same work twice). */
  async add(line: NewPaymentLine): Promise<{ line: PaymentLine; warning: string | null }> {
    const placement = await this.place(line);
    if (!placement.placed)
      throw AppError.conflict(placement.message, [
        { field: placement.reason === PaymentSkipReason.OVER_PASS ? 'amountCents' : 'professionalId', message: placement.message },
      ]);
    return { line: placement.line, warning: placement.warning };
  }

  /** The lines a source generated (for the source's page), every status, in the order of the work. */
  async ofSources(source: string, refs: readonly string[]): Promise<PaymentLine[]> {
    const ids = refs.filter(isUuid);
    if (ids.length === 0) return [];
    return this.db.tenantRows<PaymentLine>(
      `SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE l.tenant_id = $1 AND l.source = $2 AND l.source_ref = ANY($3::uuid[])
       ORDER BY l.work_date, l.created_at, l.id`,
      [requireTenantId(), source, ids],
    );
  }

  /** Cancels the unpaid lines of a source (a workshop corrected or removed); a paid line refuses with CONFLICT. */
  async cancelOf(source: string, sourceRef: string, reason: string): Promise<void> {
    const tenantId = requireTenantId();
    const text = reason.trim();
    if (text.length === 0 || text.length > 1000)
      throw AppError.field('reason', 'Dites pourquoi les paiements sont annulés (1 000 caractères au plus).');
    const lines = await this.db.tenantRows<{ status: PaymentStatus }>(
      `SELECT status FROM payment_lines WHERE tenant_id = $1 AND source = $2 AND source_ref = $3 AND status <> 'cancelled' FOR UPDATE`,
      [tenantId, source, sourceRef],
    );
    const paid = lines.filter((l) => l.status === PaymentStatus.PAID).length;
    if (paid > 0)
      throw AppError.conflict(
        `${paid === 1 ? 'Un paiement de ce travail est déjà réglé' : `${paid} paiements de ce travail sont déjà réglés`} : rien n'est annulé. Voyez avec le trésorier ou la trésorière.`,
      );
    await this.db.tenantRows(
      `UPDATE payment_lines SET status = 'cancelled', cancelled_at = now(), cancelled_by = $4, cancel_reason = $5
       WHERE tenant_id = $1 AND source = $2 AND source_ref = $3 AND status = 'to_pay'`,
      [tenantId, source, sourceRef, currentScope()?.principal?.userId ?? null, text],
    );
  }

  /** One line by id, in the current CPTS; null when it has none. */
  async find(id: string): Promise<PaymentLine | null> {
    const [row] = await this.db.tenantRows<PaymentLine>(`SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE l.tenant_id = $1 AND l.id = $2`, [
      requireTenantId(),
      id,
    ]);
    return row ?? null;
  }

  /**
   * Checks and writes one line, or says why it cannot be (erased, not a
   * member that year, over the PASS, already generated): the caller decides
   * whether that refuses the command or is reported. Malformed input and a
   * year without a PASS throw: nothing about the person would make them right.
   */
  async place(input: NewPaymentLine): Promise<Placement> {
    const line = checkLine(input);
    const person = await this.people.require(line.professionalId);
    const name = `${person.firstName} ${person.lastName}`.trim();
    const year = Number(line.workDate.slice(0, 4));
    const tenantId = requireTenantId();
    const refused = (reason: PaymentSkipReason, message: string): Placement => ({
      placed: false,
      reason,
      professionalId: person.id,
      name,
      message,
    });
    if (person.erased)
      return refused(
        PaymentSkipReason.ERASED,
        "Cette personne a été effacée de l'annuaire à sa demande : aucun paiement ne peut lui être ajouté.",
      );
    await this.db.tenantRows(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`payment_lines:${tenantId}:${person.id}:${year}`]);

    if (!(await this.memberships.activeIn(year, [person.id])).has(person.id))
      return refused(
        PaymentSkipReason.NOT_MEMBER,
        `${name} n'a pas d'adhésion active à la CPTS pour ${year} : un paiement demande d'être adhérent·e à la date du travail (${frenchDay(line.workDate)}). Aucune ligne n'est créée.`,
      );
    const pass = await this.pass.of(year);
    if (pass === null)
      throw AppError.conflict(
        `Le plafond annuel de la sécurité sociale (PASS) de ${year} n'est pas encore saisi : demandez à l'administration de la plateforme de l'enregistrer, puis recommencez.`,
      );
    const total = await this.yearTotal(person.id, year);
    const after = total + line.amountCents;
    if (after > pass)
      return refused(
        PaymentSkipReason.OVER_PASS,
        `Ce paiement de ${euros(line.amountCents)} porterait le total de ${name} pour ${year} à ${euros(after)}, au-delà du plafond annuel de la sécurité sociale (PASS ${year} : ${euros(pass)}). ` +
          `Déjà engagés : ${euros(total)} ; reste possible : ${euros(pass - total)}. Rien n'a été enregistré.`,
      );
    const id = randomUUID();
    const inserted = await this.db.tenantRows(
      `INSERT INTO payment_lines (tenant_id, id, professional_id, kind, work_date, year, minutes, amount_cents, label, source, source_ref, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, source, source_ref, professional_id) WHERE status <> 'cancelled' DO NOTHING RETURNING id`,
      [
        tenantId,
        id,
        person.id,
        line.kind,
        line.workDate,
        year,
        line.minutes,
        line.amountCents,
        line.label,
        line.source,
        line.sourceRef,
        currentScope()?.principal?.userId ?? null,
      ],
    );
    if (inserted.length === 0)
      return refused(
        PaymentSkipReason.ALREADY_GENERATED,
        `Une ligne existe déjà pour ${name} au titre de ce travail : rien n'est ajouté en double.`,
      );
    const warning = reachesWarning(after, pass)
      ? `${name} atteint ${percentLabel(passPermille(after, pass))} du plafond annuel de la sécurité sociale ${year} : ${euros(after)} sur ${euros(pass)}.`
      : null;
    return { placed: true, line: (await this.find(id))!, warning };
  }

  /** What the person's lines of the year add up to (both kinds, not cancelled). */
  private async yearTotal(professionalId: string, year: number): Promise<number> {
    const [row] = await this.db.tenantRows<{ total: number }>(
      `SELECT coalesce(sum(amount_cents), 0)::float8 AS total FROM payment_lines WHERE tenant_id = $1 AND professional_id = $2 AND year = $3 AND status <> 'cancelled'`,
      [requireTenantId(), professionalId, year],
    );
    return row.total;
  }
}

/** The line's own rules, field by field, in French: amounts and minutes are integers above zero. */
function checkLine(input: NewPaymentLine): NewPaymentLine {
  const label = typeof input.label === 'string' ? input.label.trim() : '';
  const problems: Array<{ field: string; message: string }> = [];
  if (!isUuid(input.professionalId)) problems.push({ field: 'professionalId', message: 'Professionnel introuvable.' });
  if (!Object.values(PaymentKind).includes(input.kind))
    problems.push({ field: 'kind', message: 'Nature de paiement inconnue : indemnité ou rémunération.' });
  if (!isCalendarDay(input.workDate))
    problems.push({ field: 'workDate', message: 'Date du travail invalide (AAAA-MM-JJ, une date réelle).' });
  if (input.minutes !== null && !(Number.isSafeInteger(input.minutes) && input.minutes > 0 && input.minutes <= 1440))
    problems.push({ field: 'minutes', message: 'La durée se compte en minutes entières, de 1 à 1 440 (une journée).' });
  if (!(Number.isSafeInteger(input.amountCents) && input.amountCents > 0))
    problems.push({ field: 'amountCents', message: 'Le montant doit être un nombre entier de centimes, supérieur à zéro.' });
  if (label.length === 0 || label.length > 300)
    problems.push({ field: 'label', message: 'Le libellé est obligatoire (300 caractères au plus).' });
  if (!/^[a-z_]{1,40}$/.test(input.source) || !isUuid(input.sourceRef))
    problems.push({ field: 'source', message: 'Origine du paiement invalide.' });
  if (problems.length > 0)
    throw AppError.badInput(problems.length === 1 ? problems[0].message : 'Cette ligne de paiement est à corriger.', problems);
  return { ...input, label, professionalId: input.professionalId.toLowerCase(), sourceRef: input.sourceRef.toLowerCase() };
}
