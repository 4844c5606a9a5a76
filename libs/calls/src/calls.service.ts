import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { RemindersService } from '@cpts/platform-reminders';
import { budgetOf, BudgetLine } from './budget';
import { Call, CallEnvelope, CallInput, EnvelopeRaise, RubricLine } from './calls.types';
import { CALL_MONEY_SQL, envelopeOf } from './call-payments';

export const NOT_FOUND = 'Appel à projets introuvable.';
/** Reminders to the proposers of unsent drafts, this many days before the closing day, at 9:00 Paris. */
export const DRAFT_REMINDER = 'calls.draft_reminder';
export const DRAFT_REMINDER_DAYS = [7, 1];

/** The call's state from its dates, Europe/Paris: open from 00:00 on opens_on to the end of closes_on. */
export const CALL_STATE_SQL = (c: string) => `CASE WHEN ${c}.published_at IS NULL THEN 'draft'
  WHEN now() < (${c}.opens_on::timestamp AT TIME ZONE 'Europe/Paris') THEN 'upcoming'
  WHEN now() < ((${c}.closes_on + 1)::timestamp AT TIME ZONE 'Europe/Paris') THEN 'open'
  ELSE 'closed' END`;

export const CALL_COLUMNS = `c.id, c.year, c.slug, c.title, c.rules, to_char(c.opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(c.closes_on, 'YYYY-MM-DD') AS "closesOn",
  c.envelope_cents::float8 AS "envelopeCents", c.missions, c.members_only AS "membersOnly", c.flat_fee_cents AS "flatFeeCents",
  c.hourly_rate_cents AS "hourlyRateCents", c.required_criteria AS "requiredCriteria", c.rubric, c.published_at AS "publishedAt",
  ${CALL_STATE_SQL('c')} AS state,
  (SELECT count(*)::int FROM call_projects p WHERE p.tenant_id = c.tenant_id AND p.call_id = c.id) AS "projectCount"`;

/**
 * The calls for projects of a CPTS: written and published by the team, read
 * by the team and the board (the envelope is shown wherever a decision is
 * made); the envelope moves freely until a project is committed or voted
 * on, then only by a decision of the bureau (ProjectBureau.raiseEnvelope).
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly db: Db,
    private readonly reminders: RemindersService,
  ) {}

  async list(): Promise<Call[]> {
    this.requireReader();
    return this.db.tenantRows<Call>(
      `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 ORDER BY c.year DESC, c.opens_on DESC, c.id`,
      [requireTenantId()],
    );
  }

  async get(id: string): Promise<Call> {
    this.requireReader();
    return this.row(id);
  }

  /** The call's row for any caller that checked its own rights (the public page, the proposer's link). */
  async row(id: string, lock = false): Promise<Call> {
    const [call] = await this.db.tenantRows<Call>(
      `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 AND c.id = $2${lock ? ' FOR NO KEY UPDATE OF c' : ''}`,
      [requireTenantId(), id],
    );
    if (!call) throw AppError.notFound(NOT_FOUND);
    return call;
  }

  /** A published call by its address, for the public page: a draft is not there. */
  async published(slug: string): Promise<Call> {
    const [call] = await this.db.tenantRows<Call>(
      `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 AND c.slug = $2 AND c.published_at IS NOT NULL`,
      [requireTenantId(), slug],
    );
    if (!call) throw AppError.notFound(NOT_FOUND);
    return call;
  }

  async create(input: CallInput): Promise<Call> {
    this.requireTeam();
    checkDates(input);
    const id = randomUUID();
    await this.write(
      `INSERT INTO calls (tenant_id, id, year, slug, title, rules, opens_on, closes_on, envelope_cents, missions, members_only, flat_fee_cents, hourly_rate_cents,
                          required_criteria, rubric, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [requireTenantId(), id, ...callValues(input)],
    );
    return this.row(id);
  }

  /**
   * Changes the call. The envelope itself only while nothing is committed
   * nor voted on (then the bureau raises it); the fee schedule recomputes
   * the budgets not yet approved (an approved budget stays as voted).
   */
  async update(id: string, input: CallInput): Promise<Call> {
    this.requireTeam();
    checkDates(input);
    const before = await this.row(id, true);
    if (input.envelopeCents !== before.envelopeCents) {
      const envelope = await this.envelope(before);
      if (envelope.committedCents > 0 || envelope.pendingCents > 0)
        throw AppError.field(
          'envelopeCents',
          "Des projets sont déjà approuvés ou soumis au bureau : l'enveloppe ne se modifie plus qu'en la relevant par une décision du bureau.",
        );
    }
    if (JSON.stringify(input.rubric.map((l) => [l.label, l.weight])) !== JSON.stringify(before.rubric.map((l) => [l.label, l.weight]))) {
      // Scores are kept by the line's position in the grid: a grid changed under them would move them to other criteria.
      const [scored] = await this.db.tenantRows(
        `SELECT 1 FROM call_project_scores s JOIN call_projects p ON p.tenant_id = s.tenant_id AND p.id = s.project_id WHERE s.tenant_id = $1 AND p.call_id = $2 LIMIT 1`,
        [requireTenantId(), before.id],
      );
      if (scored) throw AppError.field('rubric', 'Des projets ont déjà été notés sur cette grille : elle ne se modifie plus.');
    }
    await this.write(
      `UPDATE calls SET year = $3, slug = $4, title = $5, rules = $6, opens_on = $7, closes_on = $8, envelope_cents = $9, missions = $10, members_only = $11,
              flat_fee_cents = $12, hourly_rate_cents = $13, required_criteria = $14, rubric = $15, updated_at = now(), updated_by = $16
       WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), before.id, ...callValues(input)],
    );
    if (input.flatFeeCents !== before.flatFeeCents || input.hourlyRateCents !== before.hourlyRateCents)
      await this.recomputeBudgets(before.id, input);
    const after = await this.row(before.id);
    if (after.publishedAt && after.closesOn !== before.closesOn) await this.scheduleDraftReminders(after);
    return after;
  }

  /** Puts the call on its public page; the drafts' reminders are scheduled from its closing day. */
  async publish(id: string): Promise<Call> {
    this.requireTeam();
    const call = await this.row(id, true);
    if (call.publishedAt) return call;
    await this.db.tenantRows(
      `UPDATE calls SET published_at = now(), updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), call.id, requirePrincipal().userId],
    );
    const published = await this.row(call.id);
    await this.scheduleDraftReminders(published);
    return published;
  }

  /** The envelope's figures for a call (in the caller's transaction). */
  async envelope(call: Pick<Call, 'id' | 'envelopeCents'>): Promise<CallEnvelope> {
    const [money] = await this.db.tenantRows<{ committed: number; pending: number; paid: number }>(CALL_MONEY_SQL, [
      requireTenantId(),
      call.id,
    ]);
    return envelopeOf(call.envelopeCents, money);
  }

  raises(callId: string): Promise<EnvelopeRaise[]> {
    return this.db.tenantRows<EnvelopeRaise>(
      `SELECT id, from_cents::float8 AS "fromCents", to_cents::float8 AS "toCents", reason, decision_id AS "decisionId", requested_at AS "requestedAt", applied_at AS "appliedAt"
       FROM call_envelope_changes WHERE tenant_id = $1 AND call_id = $2 ORDER BY requested_at, id`,
      [requireTenantId(), callId],
    );
  }

  /** Reschedules the reminders of the call's unsent drafts (the handler finds who has a draft when it fires). */
  async scheduleDraftReminders(call: Pick<Call, 'id' | 'closesOn'>): Promise<void> {
    await this.reminders.cancel(DRAFT_REMINDER, call.id);
    const soon = Date.now() + 60_000;
    const times = await this.db.rows<{ at: Date }>(
      `SELECT ((($1::date - d) + time '09:00')::timestamp AT TIME ZONE 'Europe/Paris') AS at FROM unnest($2::int[]) AS d`,
      [call.closesOn, DRAFT_REMINDER_DAYS],
    );
    await this.reminders.schedule(
      times.filter((t) => t.at.getTime() > soon).map((t) => ({ kind: DRAFT_REMINDER, ref: call.id, fireAt: t.at })),
    );
  }

  requireTeam(): void {
    if (!hasAnyRole(requirePrincipal(), CPTS_TEAM)) throw AppError.forbidden("Seule l'équipe de la CPTS gère les appels à projets.");
  }

  /** The team and the board read calls (their envelope is shown where the bureau decides). */
  requireReader(): void {
    if (!hasAnyRole(requirePrincipal(), [...CPTS_TEAM, Role.BOARD_MEMBER]))
      throw AppError.forbidden("Les appels à projets se consultent par l'équipe et les membres du bureau.");
  }

  private async recomputeBudgets(callId: string, schedule: Pick<CallInput, 'flatFeeCents' | 'hourlyRateCents'>): Promise<void> {
    const rows = await this.db.tenantRows<{
      id: string;
      workshopCount: number;
      workshopMinutes: number;
      speakers: number;
      budgetLines: BudgetLine[];
    }>(
      `SELECT id, workshop_count AS "workshopCount", workshop_minutes AS "workshopMinutes", speakers, budget_lines AS "budgetLines"
       FROM call_projects WHERE tenant_id = $1 AND call_id = $2 AND approved_cents IS NULL FOR NO KEY UPDATE`,
      [requireTenantId(), callId],
    );
    if (rows.length === 0) return;
    await this.db.tenantRows(
      `UPDATE call_projects p SET budget_cents = u.budget FROM unnest($2::uuid[], $3::bigint[]) AS u(id, budget) WHERE p.tenant_id = $1 AND p.id = u.id`,
      [requireTenantId(), rows.map((r) => r.id), rows.map((r) => budgetOf(schedule, r, r.budgetLines))],
    );
  }

  private async write(sql: string, params: unknown[]): Promise<void> {
    try {
      await this.db.tenantRows(sql, params);
    } catch (err) {
      if (isUniqueViolation(err, 'calls_slug_key'))
        throw AppError.conflict('Un autre appel de la CPTS a déjà cette adresse : choisissez-en une autre.', [
          { field: 'slug', message: 'Adresse déjà utilisée.' },
        ]);
      throw err;
    }
  }
}

/** The call's columns from year to rubric, then the user who writes them ($3 to $16 of the INSERT and the UPDATE). */
function callValues(input: CallInput): unknown[] {
  return [
    input.year,
    input.slug,
    input.title,
    input.rules,
    input.opensOn,
    input.closesOn,
    input.envelopeCents,
    input.missions,
    input.membersOnly,
    input.flatFeeCents,
    input.hourlyRateCents,
    input.requiredCriteria,
    JSON.stringify(input.rubric),
    requirePrincipal().userId,
  ];
}

function checkDates(input: CallInput): void {
  if (input.closesOn < input.opensOn) throw AppError.field('closesOn', "La clôture ne peut pas précéder l'ouverture.");
  if (Number(input.opensOn.slice(0, 4)) !== input.year && Number(input.closesOn.slice(0, 4)) !== input.year)
    throw AppError.field('year', "Les dates de l'appel ne tombent pas dans son année.");
  for (const [field, value] of [
    ['opensOn', input.opensOn],
    ['closesOn', input.closesOn],
  ] as const)
    if (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
      throw AppError.field(field, "Cette date n'existe pas.");
  const labels = new Set<string>();
  for (const line of input.rubric as RubricLine[]) {
    if (labels.has(line.label.toLowerCase()))
      throw AppError.field('rubric', `Le critère « ${line.label} » figure deux fois dans la grille.`);
    labels.add(line.label.toLowerCase());
  }
}
