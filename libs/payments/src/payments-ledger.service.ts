import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { euros } from '@cpts/governance';
import { PersonDirectory } from '@cpts/platform-persons';
import { isCalendarDay, parisToday } from './dates';
import { passPermille, percentLabel, reachesWarning } from './money';
import { PassCeilings } from './pass-ceilings.service';
import { LINE_COLUMNS, LINE_FROM, PaymentLinesService } from './payment-lines.service';
import {
  MarkPaidInput,
  PaymentLine,
  PaymentLinesFilter,
  PaymentStatement,
  PaymentStatus,
  PaymentYear,
  ProfessionalPayments,
  StatementPerson,
} from './payment.types';
import { PaymentsAccess } from './payments-access';

/** At most this many lines per list or file: years of a CPTS's payments. */
export const MAX_LINES = 10_000;
const NOT_FOUND = 'Ligne de paiement introuvable.';

/** The totals of lines `l` (not cancelled), by kind and by status, as SQL columns. */
const TOTALS = `
  coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'indemnity' AND l.status <> 'cancelled'), 0)::float8 AS "indemnityCents",
  coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'remuneration' AND l.status <> 'cancelled'), 0)::float8 AS "remunerationCents",
  coalesce(sum(l.amount_cents) FILTER (WHERE l.status <> 'cancelled'), 0)::float8 AS "totalCents",
  coalesce(sum(l.amount_cents) FILTER (WHERE l.status = 'paid'), 0)::float8 AS "paidCents",
  coalesce(sum(l.amount_cents) FILTER (WHERE l.status = 'to_pay'), 0)::float8 AS "toPayCents"`;

/** A line for the export: the line, and who it is for as the directory says. */
export type ExportedLine = PaymentLine & { rpps: string | null; professionLabel: string | null };

/**
 * The treasurer's view of the payments: the year's lines (filtered), the
 * totals per professional against the PASS, a professional's yearly
 * statement; marking lines paid (the team or the treasurer) and cancelling
 * an unpaid line (the team).
 */
@Injectable()
export class PaymentsLedger {
  constructor(
    private readonly db: Db,
    private readonly access: PaymentsAccess,
    private readonly lines: PaymentLinesService,
    private readonly pass: PassCeilings,
    private readonly people: PersonDirectory,
  ) {}

  async list(filter: PaymentLinesFilter): Promise<PaymentLine[]> {
    await this.access.requireReader();
    return this.rows(filter);
  }

  /** Every line of a year, with the RPPS and profession (the XLSX file). */
  async exportRows(year: number): Promise<ExportedLine[]> {
    await this.access.requireReader();
    return this.rows({ year }, `, p.rpps, pr.label AS "professionLabel"`);
  }

  async year(year: number): Promise<PaymentYear> {
    await this.access.requireReader();
    const pass = await this.pass.of(year);
    const rows = await this.db.tenantRows<Omit<ProfessionalPayments, 'passPermille' | 'warning'>>(
      `SELECT p.id AS "professionalId", p.last_name || ' ' || p.first_name AS name, p.rpps, pr.label AS "professionLabel", ${TOTALS}
       FROM ${LINE_FROM} LEFT JOIN professions pr ON pr.code = p.profession_code
       WHERE l.tenant_id = $1 AND l.year = $2
       GROUP BY p.tenant_id, p.id, pr.label ORDER BY "totalCents" DESC, name, p.id`,
      [requireTenantId(), year],
    );
    return {
      year,
      passCents: pass,
      canManage: this.access.isTeam(),
      canMarkPaid: true,
      professionals: rows.map((r) => ({
        ...r,
        passPermille: pass === null ? null : passPermille(r.totalCents, pass),
        warning:
          pass !== null && reachesWarning(r.totalCents, pass)
            ? `${percentLabel(passPermille(r.totalCents, pass))} du PASS ${year} (${euros(r.totalCents)} sur ${euros(pass)}).`
            : null,
      })),
    };
  }

  /** The état annuel: the person, the CPTS, each line of the year not cancelled, the totals by kind. */
  async statement(professionalId: string, year: number): Promise<PaymentStatement> {
    await this.access.requireReader();
    const tenantId = requireTenantId();
    const person = await this.people.require(professionalId);
    const [professional] = await this.db.tenantRows<StatementPerson>(
      `SELECT p.id, p.last_name || ' ' || p.first_name AS name, p.rpps, pr.label AS "professionLabel"
       FROM professionals p LEFT JOIN professions pr ON pr.code = p.profession_code WHERE p.tenant_id = $1 AND p.id = $2`,
      [tenantId, person.id],
    );
    const [totals] = await this.db.tenantRows<
      Pick<PaymentStatement, 'indemnityCents' | 'remunerationCents' | 'totalCents' | 'paidCents' | 'toPayCents'>
    >(`SELECT ${TOTALS} FROM payment_lines l WHERE l.tenant_id = $1 AND l.professional_id = $2 AND l.year = $3`, [
      tenantId,
      person.id,
      year,
    ]);
    const [cpts] = await this.db.rows<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
    const pass = await this.pass.of(year);
    const lines = (await this.rows({ year, professionalId: person.id })).filter((l) => l.status !== PaymentStatus.CANCELLED);
    return {
      year,
      cptsName: cpts.name,
      professional,
      lines: lines.sort((a, b) => a.workDate.localeCompare(b.workDate) || a.createdAt.getTime() - b.createdAt.getTime()),
      ...totals,
      passCents: pass,
      passPermille: pass === null ? null : passPermille(totals.totalCents, pass),
    };
  }

  /** Lines paid by one transfer (or batch): all of them to pay, or nothing is marked. */
  async markPaid(input: MarkPaidInput): Promise<PaymentLine[]> {
    await this.access.requireReader();
    const tenantId = requireTenantId();
    if (!isCalendarDay(input.paidOn)) throw AppError.field('paidOn', "Cette date n'existe pas.");
    if (input.paidOn > parisToday()) throw AppError.field('paidOn', 'La date du paiement ne peut pas être dans le futur.');
    const found = await this.db.tenantRows<{ id: string; status: PaymentStatus }>(
      `SELECT id, status FROM payment_lines WHERE tenant_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`,
      [tenantId, input.lineIds],
    );
    if (found.length !== input.lineIds.length) throw AppError.notFound(NOT_FOUND);
    const notToPay = found.filter((l) => l.status !== PaymentStatus.TO_PAY).length;
    if (notToPay > 0)
      throw AppError.conflict(
        `${notToPay === 1 ? "Une des lignes n'est plus à payer" : `${notToPay} des lignes ne sont plus à payer`} (déjà payée ou annulée) : rien n'a été marqué. Rechargez la liste.`,
      );
    await this.db.tenantRows(
      `UPDATE payment_lines SET status = 'paid', paid_on = $3, paid_reference = $4, paid_at = now(), paid_by = $5 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, input.lineIds, input.paidOn, input.reference, requirePrincipal().userId],
    );
    return this.db.tenantRows<PaymentLine>(
      `SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE l.tenant_id = $1 AND l.id = ANY($2::uuid[]) ORDER BY l.work_date, l.id`,
      [tenantId, input.lineIds],
    );
  }

  /** An unpaid line the team cancels, with the reason; a paid line stays (a transfer happened). */
  async cancel(id: string, reason: string): Promise<PaymentLine> {
    this.access.requireTeam();
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ status: PaymentStatus }>(
      `SELECT status FROM payment_lines WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    if (row.status === PaymentStatus.PAID) throw AppError.conflict('Cette ligne est déjà payée : elle ne peut plus être annulée.');
    if (row.status === PaymentStatus.CANCELLED) throw AppError.conflict('Cette ligne est déjà annulée.');
    await this.db.tenantRows(
      `UPDATE payment_lines SET status = 'cancelled', cancelled_at = now(), cancelled_by = $3, cancel_reason = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, requirePrincipal().userId, reason],
    );
    return (await this.lines.find(id))!;
  }

  private rows<T extends PaymentLine = PaymentLine>(filter: PaymentLinesFilter, extra = ''): Promise<T[]> {
    const params: unknown[] = [requireTenantId(), filter.year];
    const where = [`l.tenant_id = $1`, `l.year = $2`];
    if (filter.status) where.push(`l.status = $${params.push(filter.status)}`);
    if (filter.kind) where.push(`l.kind = $${params.push(filter.kind)}`);
    if (filter.professionalId) where.push(`l.professional_id = $${params.push(filter.professionalId)}`);
    return this.db.tenantRows<T>(
      `SELECT ${LINE_COLUMNS}${extra} FROM ${LINE_FROM} LEFT JOIN professions pr ON pr.code = p.profession_code
       WHERE ${where.join(' AND ')} ORDER BY l.work_date DESC, p.last_name, p.first_name, l.id LIMIT ${MAX_LINES}`,
      params,
    );
  }
}
