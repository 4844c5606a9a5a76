import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ProjectScores, ProjectStatus, RubricLine } from './calls.types';
import { ProjectsService } from './projects.service';

/** Statuses in which the team scores a project (once submitted, until the bureau decides). */
const SCORABLE = [ProjectStatus.SUBMITTED, ProjectStatus.UNDER_REVIEW, ProjectStatus.CHANGES_REQUESTED, ProjectStatus.READY_FOR_BUREAU];

/**
 * The review grid: each member of the team scores each line of the call's
 * grid 0 to 5; the project shows each line's average and the weighted
 * average, to the team and to the bureau (its decision's file says them too).
 */
@Injectable()
export class ProjectReview {
  constructor(
    private readonly db: Db,
    private readonly projects: ProjectsService,
  ) {}

  async scores(projectId: string): Promise<ProjectScores> {
    const tenantId = requireTenantId();
    const [call] = await this.db.tenantRows<{ rubric: RubricLine[] }>(
      `SELECT c.rubric FROM call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id WHERE p.tenant_id = $1 AND p.id = $2`,
      [tenantId, projectId],
    );
    if (!call) return { lines: [], weighted: null };
    const rows = await this.db.tenantRows<{ criterion: number; average: number; scorers: number; mine: number | null }>(
      `SELECT criterion, avg(score)::float8 AS average, count(*)::int AS scorers, max(score) FILTER (WHERE user_id = $3) AS mine
       FROM call_project_scores WHERE tenant_id = $1 AND project_id = $2 GROUP BY criterion`,
      [tenantId, projectId, requirePrincipal().userId],
    );
    const lines = call.rubric.map((line, i) => {
      const r = rows.find((x) => x.criterion === i);
      return {
        label: line.label,
        weight: line.weight,
        average: r ? Math.round(r.average * 10) / 10 : null,
        scorers: r?.scorers ?? 0,
        mine: r?.mine ?? null,
      };
    });
    const scored = lines.filter((l) => l.average !== null);
    const weight = scored.reduce((s, l) => s + l.weight, 0);
    const weighted = weight > 0 ? Math.round((scored.reduce((s, l) => s + l.weight * l.average!, 0) / weight) * 10) / 10 : null;
    return { lines, weighted };
  }

  /** The caller's scores, one per line of the grid (null: not scored); replaces their previous ones. */
  async score(projectId: string, scores: Array<number | null>): Promise<ProjectScores> {
    const row = await this.projects.forTeam(projectId);
    if (!SCORABLE.includes(row.status)) throw AppError.conflict('La grille se remplit entre le dépôt du projet et la décision du bureau.');
    const [call] = await this.db.tenantRows<{ rubric: RubricLine[] }>(`SELECT rubric FROM calls WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      row.callId,
    ]);
    if (call.rubric.length === 0) throw AppError.conflict("L'appel n'a pas de grille d'évaluation : ajoutez-en une dans ses réglages.");
    if (scores.length !== call.rubric.length)
      throw AppError.field('scores', `La grille compte ${call.rubric.length} critère(s) : donnez une note (ou rien) pour chacun.`);
    for (const s of scores)
      if (s !== null && (!Number.isInteger(s) || s < 0 || s > 5)) throw AppError.field('scores', 'Chaque note est un entier de 0 à 5.');
    const tenantId = requireTenantId();
    const userId = requirePrincipal().userId;
    await this.db.tenantRows(`DELETE FROM call_project_scores WHERE tenant_id = $1 AND project_id = $2 AND user_id = $3`, [
      tenantId,
      row.id,
      userId,
    ]);
    const given = scores.flatMap((s, i) => (s === null ? [] : [{ i, s }]));
    if (given.length > 0)
      await this.db.tenantRows(
        `INSERT INTO call_project_scores (tenant_id, project_id, user_id, criterion, score) SELECT $1, $2, $3, u.c, u.s FROM unnest($4::int[], $5::int[]) AS u(c, s)`,
        [tenantId, row.id, userId, given.map((g) => g.i), given.map((g) => g.s)],
      );
    return this.scores(row.id);
  }
}
