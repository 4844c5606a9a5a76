import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PaymentKind, PaymentLinesService } from '@cpts/payments';
import { DEBRIEF_SOURCE } from '../call-payments';
import { CallsService } from '../calls.service';
import { CallProject, ProjectCriterion, ProjectStatus } from '../calls.types';
import { ProjectsService, STATUS_LABELS_FR } from '../projects.service';
import { projectName } from './project-meetings';
import { ProjectWorkshops } from './project-workshops.service';
import { ProjectWithWarnings } from './workshop.types';

const TEXT_MAX = 10_000;
const ACTUAL_MAX = 500;

/**
 * The end of a project: the debrief (what worked, what did not) completes
 * it and pays each speaker the call's flat fee for setting up and
 * debriefing; the evaluation then measures each criterion set at design
 * against its target.
 */
@Injectable()
export class ProjectClosing {
  constructor(
    private readonly db: Db,
    private readonly calls: CallsService,
    private readonly projects: ProjectsService,
    private readonly workshops: ProjectWorkshops,
    private readonly payments: PaymentLinesService,
  ) {}

  /**
   * IN_PROGRESS → COMPLETED, with one flat-fee line per distinct speaker of
   * the project's workshops, dated the debrief's day (Paris). The flat fee is
   * a rémunération, not an indemnité: decree 2022-375's indemnités compensate
   * income lost to governance work, and a flat indemnity not tied to time
   * spent is legally doubtful; setting up and debriefing a workshop is work
   * on a mission of the CPTS, paid as such. A speaker who is not a member
   * that day, or a line over the PASS, refuses the whole debrief.
   */
  async debrief(projectId: string, worked: string, notWorked: string): Promise<ProjectWithWarnings> {
    const row = await this.projects.forTeam(projectId);
    if (row.status !== ProjectStatus.IN_PROGRESS)
      throw AppError.conflict(
        `Ce projet est « ${STATUS_LABELS_FR[row.status]} » : le bilan se fait pour un projet en cours, après ses ateliers.`,
      );
    const texts = { worked: worked.trim(), notWorked: notWorked.trim() };
    if (!texts.worked) throw AppError.field('worked', 'Dites ce qui a fonctionné.');
    if (!texts.notWorked) throw AppError.field('notWorked', "Dites ce qui n'a pas fonctionné, ou ce qui serait à changer.");
    for (const [field, text] of Object.entries(texts))
      if (text.length > TEXT_MAX) throw AppError.field(field, 'Le bilan compte au plus 10 000 caractères par rubrique.');
    const speakers = await this.workshops.speakersOfProject(row.id);
    if (speakers.length === 0) throw AppError.conflict("Aucun atelier n'est enregistré pour ce projet : enregistrez-les avant le bilan.");
    const call = await this.calls.row(row.callId);
    await this.db.tenantRows(
      `UPDATE call_projects SET debrief_worked = $3, debrief_not_worked = $4, debriefed_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), row.id, texts.worked, texts.notWorked],
    );
    const warnings: string[] = [];
    // A call without a flat fee pays none (a line is never of 0 cents).
    if (call.flatFeeCents > 0) {
      const [{ today }] = await this.db.rows<{ today: string }>(`SELECT to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS today`);
      for (const professionalId of speakers) {
        const { warning } = await this.payments.add({
          professionalId,
          kind: PaymentKind.REMUNERATION,
          workDate: today,
          minutes: null,
          amountCents: call.flatFeeCents,
          label: `Forfait de mise en place et de bilan — ${projectName(row)}`.slice(0, 300),
          source: DEBRIEF_SOURCE,
          sourceRef: row.id,
        });
        if (warning) warnings.push(warning);
      }
    }
    const project = await this.projects.move(row.id, [ProjectStatus.IN_PROGRESS], ProjectStatus.COMPLETED, 'Bilan déposé.');
    return { project, warnings };
  }

  /** COMPLETED → EVALUATED: the actual of each criterion set at design, in their order, beside its indicator and target. */
  async evaluate(projectId: string, actuals: string[]): Promise<CallProject> {
    const row = await this.projects.forTeam(projectId);
    if (row.status !== ProjectStatus.COMPLETED)
      throw AppError.conflict(`Ce projet est « ${STATUS_LABELS_FR[row.status]} » : l'évaluation suit le bilan.`);
    const criteria: ProjectCriterion[] = row.criteria;
    if (actuals.length !== criteria.length)
      throw AppError.field(
        'actuals',
        `Le projet a ${criteria.length} critère${criteria.length > 1 ? 's' : ''} d'évaluation : donnez un résultat pour chacun, dans l'ordre (${actuals.length} donné${actuals.length > 1 ? 's' : ''}).`,
      );
    const measured = criteria.map((c, i) => {
      const actual = typeof actuals[i] === 'string' ? actuals[i].trim().replace(/\s+/g, ' ') : '';
      if (!actual) throw AppError.field('actuals', `Donnez le résultat mesuré du critère « ${c.criterion} » (cible : ${c.target}).`);
      if (actual.length > ACTUAL_MAX)
        throw AppError.field('actuals', `Le résultat du critère « ${c.criterion} » compte au plus ${ACTUAL_MAX} caractères.`);
      return { criterion: c.criterion, indicator: c.indicator, target: c.target, actual };
    });
    await this.db.tenantRows(
      `UPDATE call_projects SET criteria = $3, evaluated_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), row.id, JSON.stringify(measured)],
    );
    return this.projects.move(row.id, [ProjectStatus.COMPLETED], ProjectStatus.EVALUATED, 'Évaluation déposée.');
  }
}
