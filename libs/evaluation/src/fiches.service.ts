import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, FieldError, hasAnyRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDirectory } from '@cpts/platform-persons';
import { AciMission } from '@cpts/platform-reference';
import { SurveyEvidence } from '@cpts/surveys';
import {
  FicheAction,
  FicheIndicator,
  FicheIndicatorInput,
  FicheInput,
  FicheResponsible,
  FicheSource,
  FicheSourceKind,
  FicheStatus,
  IndicatorKind,
} from './fiche.types';

export const FICHE_NOT_FOUND = 'Fiche action introuvable.';
/** Who reads the fiches and the file: the team and the board. */
export const FICHE_READERS: readonly Role[] = [...CPTS_TEAM, Role.BOARD_MEMBER];

interface FicheRow {
  id: string;
  year: number;
  title: string;
  objective: string;
  mission: AciMission | null;
  actions: string[];
  responsibleProfessionalId: string | null;
  responsibleUserId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: FicheStatus;
  updatedAt: Date;
}

interface IndicatorRow {
  id: string;
  ficheId: string;
  label: string;
  kind: IndicatorKind;
  unit: string | null;
  target: number | null;
  actual: number | null;
  computedFrom: string | null;
  assessment: string | null;
}

const FICHE_COLUMNS = `id, year, title, objective, mission, actions, responsible_professional_id AS "responsibleProfessionalId",
  responsible_user_id AS "responsibleUserId", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
  status, updated_at AS "updatedAt"`;

/**
 * The fiches action of the CPTS: written by the team (coordinator, staff),
 * read by the board too; each command in the request's one transaction.
 * Indicators are stored here; what they compute from, and the evidence,
 * are read by FicheEvidenceService from the linked sources.
 */
@Injectable()
export class FichesService {
  constructor(
    private readonly db: Db,
    private readonly persons: PersonDirectory,
    private readonly surveys: SurveyEvidence,
  ) {}

  /** NOT_FOUND unless the caller is of the team or the board (the meetings engine asks through FicheMeetings too). */
  requireReader(): void {
    if (!hasAnyRole(requirePrincipal(), FICHE_READERS)) throw AppError.notFound(FICHE_NOT_FOUND);
  }

  requireWriter(): void {
    if (!hasAnyRole(requirePrincipal(), CPTS_TEAM)) throw AppError.forbidden();
  }

  async rows(year: number): Promise<FicheRow[]> {
    checkYear(year);
    return this.db.tenantRows<FicheRow>(
      `SELECT ${FICHE_COLUMNS} FROM fiches_action WHERE tenant_id = $1 AND year = $2 ORDER BY lower(title), id`,
      [requireTenantId(), year],
    );
  }

  async row(id: string): Promise<FicheRow> {
    this.requireReader();
    const [row] = await this.db.tenantRows<FicheRow>(`SELECT ${FICHE_COLUMNS} FROM fiches_action WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      id,
    ]);
    if (!row) throw AppError.notFound(FICHE_NOT_FOUND);
    return row;
  }

  /** Several fiches of the CPTS, all or NOT_FOUND. */
  async requireAll(ids: readonly string[]): Promise<FicheRow[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const rows = await this.db.tenantRows<FicheRow>(
      `SELECT ${FICHE_COLUMNS} FROM fiches_action WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [requireTenantId(), unique],
    );
    if (rows.length !== unique.length) throw AppError.notFound(FICHE_NOT_FOUND);
    return unique.map((id) => rows.find((r) => r.id === id)!);
  }

  async create(input: FicheInput, templateAdoptionId: string | null = null): Promise<string> {
    this.requireWriter();
    await this.check(input);
    const id = randomUUID();
    const userId = requirePrincipal().userId;
    await this.db.tenantRows(
      `INSERT INTO fiches_action (tenant_id, id, year, title, objective, mission, actions, responsible_professional_id, responsible_user_id,
                                  starts_on, ends_on, status, template_adoption_id, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
      [
        requireTenantId(),
        id,
        input.year,
        input.title,
        input.objective,
        input.mission ?? null,
        cleanActions(input.actions),
        input.responsibleProfessionalId ?? null,
        input.responsibleUserId ?? null,
        input.startsOn ?? null,
        input.endsOn ?? null,
        input.status,
        templateAdoptionId,
        userId,
      ],
    );
    await this.writeIndicators(id, input.indicators ?? []);
    return id;
  }

  async update(id: string, input: FicheInput): Promise<void> {
    this.requireWriter();
    await this.row(id);
    await this.check(input);
    await this.db.tenantRows(
      `UPDATE fiches_action SET year = $3, title = $4, objective = $5, mission = $6, actions = $7, responsible_professional_id = $8, responsible_user_id = $9,
              starts_on = $10, ends_on = $11, status = $12, updated_at = now(), updated_by = $13
       WHERE tenant_id = $1 AND id = $2`,
      [
        requireTenantId(),
        id,
        input.year,
        input.title,
        input.objective,
        input.mission ?? null,
        cleanActions(input.actions),
        input.responsibleProfessionalId ?? null,
        input.responsibleUserId ?? null,
        input.startsOn ?? null,
        input.endsOn ?? null,
        input.status,
        requirePrincipal().userId,
      ],
    );
    if (input.indicators) await this.writeIndicators(id, input.indicators);
  }

  async delete(id: string): Promise<void> {
    this.requireWriter();
    await this.row(id);
    const [{ n }] = await this.db.tenantRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM fiche_review_meetings WHERE tenant_id = $1 AND fiche_id = $2`,
      [requireTenantId(), id],
    );
    if (n > 0) throw AppError.conflict('Cette fiche a des réunions de revue : elle reste au dossier (passez-la « abandonnée » si besoin).');
    await this.db.tenantRows(`DELETE FROM fiches_action WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
  }

  /** Replaces the indicators, in the given order. */
  async setIndicators(ficheId: string, indicators: FicheIndicatorInput[]): Promise<void> {
    this.requireWriter();
    await this.row(ficheId);
    await this.writeIndicators(ficheId, indicators);
    await this.touch(ficheId);
  }

  /** The actual (quantitative) or the assessment (qualitative) of one indicator: what the team fills in as the year goes. */
  async setIndicatorResult(indicatorId: string, actual: number | null, assessment: string | null): Promise<string> {
    this.requireWriter();
    const [ind] = await this.db.tenantRows<IndicatorRow>(
      `SELECT id, fiche_id AS "ficheId", kind, computed_from AS "computedFrom" FROM fiche_indicators WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), indicatorId],
    );
    if (!ind) throw AppError.notFound('Indicateur introuvable.');
    if (ind.kind === IndicatorKind.QUALITATIVE) {
      if (actual !== null) throw AppError.field('actual', "Un indicateur qualitatif n'a pas de valeur chiffrée : donnez une appréciation.");
    } else {
      if (assessment !== null && assessment !== '')
        throw AppError.field('assessment', 'Un indicateur quantitatif se mesure par une valeur, pas une appréciation.');
      if (ind.computedFrom)
        throw AppError.conflict('Le réalisé de cet indicateur est calculé à partir des preuves liées : il ne se saisit pas.');
      if (actual !== null && (!Number.isFinite(actual) || actual < 0 || actual > 1e9))
        throw AppError.field('actual', 'Le réalisé est un nombre positif.');
    }
    if (assessment !== null && assessment.length > 5000)
      throw AppError.field('assessment', "L'appréciation compte au plus 5 000 caractères.");
    await this.db.tenantRows(`UPDATE fiche_indicators SET actual = $3, assessment = $4 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      indicatorId,
      ind.kind === IndicatorKind.QUALITATIVE ? null : actual,
      ind.kind === IndicatorKind.QUALITATIVE ? assessment?.trim() || null : null,
    ]);
    await this.touch(ind.ficheId);
    return ind.ficheId;
  }

  indicators(ficheIds: readonly string[]): Promise<IndicatorRow[]> {
    return this.db.tenantRows<IndicatorRow>(
      `SELECT id, fiche_id AS "ficheId", label, kind, unit, target::float8 AS target, actual::float8 AS actual, computed_from AS "computedFrom", assessment
       FROM fiche_indicators WHERE tenant_id = $1 AND fiche_id = ANY($2::uuid[]) ORDER BY fiche_id, position`,
      [requireTenantId(), [...ficheIds]],
    );
  }

  sources(ficheIds: readonly string[]): Promise<Array<FicheSource & { ficheId: string }>> {
    return this.db.tenantRows(
      `SELECT fiche_id AS "ficheId", source_kind AS kind, source_id AS id FROM fiche_sources WHERE tenant_id = $1 AND fiche_id = ANY($2::uuid[]) ORDER BY linked_at, source_id`,
      [requireTenantId(), [...ficheIds]],
    );
  }

  /** Links recorded work to the fiche; the source must be of this CPTS (the memberships: the CPTS's own, whatever id is given). */
  async linkSource(ficheId: string, kind: FicheSourceKind, sourceId: string): Promise<void> {
    this.requireWriter();
    await this.row(ficheId);
    const tenantId = requireTenantId();
    const id = kind === FicheSourceKind.MEMBERSHIPS ? tenantId : sourceId.toLowerCase();
    if (!(await this.sourceExists(kind, id))) throw AppError.notFound('Source introuvable dans cette CPTS.');
    await this.db.tenantRows(
      `INSERT INTO fiche_sources (tenant_id, fiche_id, source_kind, source_id, linked_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [tenantId, ficheId, kind, id, requirePrincipal().userId],
    );
    await this.touch(ficheId);
  }

  async unlinkSource(ficheId: string, kind: FicheSourceKind, sourceId: string): Promise<void> {
    this.requireWriter();
    await this.row(ficheId);
    const tenantId = requireTenantId();
    const id = kind === FicheSourceKind.MEMBERSHIPS ? tenantId : sourceId.toLowerCase();
    const gone = await this.db.tenantRows(
      `DELETE FROM fiche_sources WHERE tenant_id = $1 AND fiche_id = $2 AND source_kind = $3 AND source_id = $4 RETURNING 1`,
      [tenantId, ficheId, kind, id],
    );
    if (gone.length === 0) throw AppError.notFound("Cette source n'est pas liée à la fiche.");
    await this.touch(ficheId);
  }

  /** The fiches as the API shows them, with indicators (actuals computed by `actuals`), sources and the responsible's name. */
  async toFiches(
    rows: FicheRow[],
    actuals: (fiche: FicheRow, indicators: IndicatorRow[]) => Promise<Map<string, number | null>>,
  ): Promise<FicheAction[]> {
    const ids = rows.map((r) => r.id);
    const [indicators, sources] = await Promise.all([this.indicators(ids), this.sources(ids)]);
    const responsibles = await this.responsibles(rows);
    const out: FicheAction[] = [];
    for (const row of rows) {
      const own = indicators.filter((i) => i.ficheId === row.id);
      const computed = own.some((i) => i.computedFrom) ? await actuals(row, own) : new Map<string, number | null>();
      out.push({
        ...row,
        responsible: responsibles.get(row.id) ?? null,
        indicators: own.map((i) => toIndicator(i, i.computedFrom ? (computed.get(i.id) ?? null) : i.actual)),
        sources: sources.filter((s) => s.ficheId === row.id).map((s) => ({ kind: s.kind, id: s.id })),
      });
    }
    return out;
  }

  private async responsibles(rows: FicheRow[]): Promise<Map<string, FicheResponsible>> {
    const people = await this.persons.resolve(rows.flatMap((r) => (r.responsibleProfessionalId ? [r.responsibleProfessionalId] : [])));
    const userIds = rows.flatMap((r) => (r.responsibleUserId ? [r.responsibleUserId] : []));
    const users = userIds.length
      ? await this.db.rows<{ id: string; name: string }>(`SELECT id, display_name AS name FROM users WHERE id = ANY($1::uuid[])`, [userIds])
      : [];
    const out = new Map<string, FicheResponsible>();
    for (const r of rows) {
      const person = r.responsibleProfessionalId ? people.get(r.responsibleProfessionalId) : undefined;
      if (person)
        out.set(r.id, {
          kind: 'professional',
          id: person.id,
          name: person.erased ? 'Personne effacée' : `${person.firstName} ${person.lastName}`,
        });
      const user = users.find((u) => u.id === r.responsibleUserId);
      if (user) out.set(r.id, { kind: 'user', id: user.id, name: user.name });
    }
    return out;
  }

  private async check(input: FicheInput): Promise<void> {
    // Omitted or null: the defaults (no objective, no action, planned).
    input.objective ??= '';
    input.actions ??= [];
    input.status ??= FicheStatus.PLANNED;
    const errors: FieldError[] = [];
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
      errors.push({ field: 'endsOn', message: 'La fin de la période précède son début.' });
    for (const [field, day] of [
      ['startsOn', input.startsOn],
      ['endsOn', input.endsOn],
    ] as const)
      if (day && Number.isNaN(Date.parse(`${day}T00:00:00Z`))) errors.push({ field, message: 'Date invalide.' });
    if (input.responsibleProfessionalId && input.responsibleUserId)
      errors.push({ field: 'responsibleUserId', message: 'Un seul responsable : une personne de l’annuaire ou un membre de l’équipe.' });
    errors.push(...indicatorProblems(input.indicators ?? []));
    if (errors.length) throw AppError.badInput('La fiche est incomplète ou invalide.', errors);
    if (input.responsibleProfessionalId) await this.persons.require(input.responsibleProfessionalId);
    if (input.responsibleUserId) {
      const [member] = await this.db.rows(
        `SELECT 1 FROM role_assignments WHERE user_id = $1 AND tenant_id = $2 AND role IN ('${Role.COORDINATOR}', '${Role.STAFF}')`,
        [input.responsibleUserId, requireTenantId()],
      );
      if (!member) throw AppError.field('responsibleUserId', "Ce responsable n'est pas membre de l'équipe de la CPTS.");
    }
  }

  private async writeIndicators(ficheId: string, indicators: FicheIndicatorInput[]): Promise<void> {
    const problems = indicatorProblems(indicators);
    if (problems.length) throw AppError.badInput('Un indicateur est invalide.', problems);
    const tenantId = requireTenantId();
    await this.db.tenantRows(`DELETE FROM fiche_indicators WHERE tenant_id = $1 AND fiche_id = $2`, [tenantId, ficheId]);
    if (indicators.length === 0) return;
    const quantitative = (i: FicheIndicatorInput) => i.kind === IndicatorKind.QUANTITATIVE;
    await this.db.tenantRows(
      `INSERT INTO fiche_indicators (tenant_id, id, fiche_id, position, label, kind, unit, target, actual, computed_from, assessment)
       SELECT $1, gen_random_uuid(), $2, i.position, i.label, i.kind, i.unit, i.target, i.actual, i.computed_from, i.assessment
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::text[], $10::text[])
            AS i(position, label, kind, unit, target, actual, computed_from, assessment)`,
      [
        tenantId,
        ficheId,
        indicators.map((_, n) => n),
        indicators.map((i) => i.label),
        indicators.map((i) => i.kind),
        indicators.map((i) => i.unit || null),
        indicators.map((i) => (quantitative(i) ? (i.target ?? null) : null)),
        indicators.map((i) => (quantitative(i) && !i.computedFrom ? (i.actual ?? null) : null)),
        indicators.map((i) => (quantitative(i) ? (i.computedFrom ?? null) : null)),
        indicators.map((i) => (quantitative(i) ? null : i.assessment || null)),
      ],
    );
  }

  private touch(ficheId: string): Promise<unknown> {
    return this.db.tenantRows(`UPDATE fiches_action SET updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      ficheId,
      requirePrincipal().userId,
    ]);
  }

  /** Whether the source exists in this CPTS (RLS keeps other CPTS's rows out anyway; the tenant_id says so twice). */
  private async sourceExists(kind: FicheSourceKind, id: string): Promise<boolean> {
    const tables: Record<FicheSourceKind, string> = {
      [FicheSourceKind.WORKING_GROUP]: 'working_groups',
      [FicheSourceKind.CALL_PROJECT]: 'call_projects',
      [FicheSourceKind.CAMPAIGN]: 'campaigns',
      [FicheSourceKind.SURVEY]: 'surveys',
      [FicheSourceKind.MEMBERSHIPS]: 'tenants',
    };
    if (kind === FicheSourceKind.MEMBERSHIPS) return true;
    if (kind === FicheSourceKind.SURVEY) return (await this.surveys.summaries([id])).length === 1;
    const rows = await this.db.tenantRows(`SELECT 1 FROM ${tables[kind]} WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    return rows.length > 0;
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw AppError.field('year', 'Année invalide.');
}

const cleanActions = (actions: string[]) => actions.map((a) => a.trim().replace(/\s+/g, ' ')).filter(Boolean);

function indicatorProblems(indicators: FicheIndicatorInput[]): FieldError[] {
  const errors: FieldError[] = [];
  indicators.forEach((i, n) => {
    if (i.kind === IndicatorKind.QUALITATIVE && (i.target != null || i.actual != null || i.computedFrom))
      errors.push({
        field: `indicators.${n}.target`,
        message: `Indicateur « ${i.label} » : un indicateur qualitatif n'a ni cible ni réalisé chiffrés.`,
      });
    if (i.kind === IndicatorKind.QUANTITATIVE && i.assessment)
      errors.push({
        field: `indicators.${n}.assessment`,
        message: `Indicateur « ${i.label} » : une appréciation va à un indicateur qualitatif.`,
      });
  });
  return errors;
}

export function toIndicator(i: IndicatorRow, actual: number | null): FicheIndicator {
  const met = i.kind === IndicatorKind.QUANTITATIVE && i.target !== null && actual !== null ? actual >= i.target : null;
  return {
    id: i.id,
    label: i.label,
    kind: i.kind,
    unit: i.unit,
    target: i.target,
    actual,
    computedFrom: i.computedFrom,
    met,
    assessment: i.assessment,
  };
}

export type { FicheRow, IndicatorRow };
