import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ClosedDecision, DecisionsService, DecisionSubject, DecisionSubjects, euros, InstanceKind } from '@cpts/governance';
import { COMMITTED } from './call-payments';
import { CallsService } from './calls.service';
import { CallEnvelope, CallProject, EnvelopeRaise, EnvelopeRaiseInput, ProjectStatus, PutToBureauInput } from './calls.types';
import { ProposerLinks } from './project-links';
import { composeProposerEmail, ProjectsService } from './projects.service';
import { ProjectReview } from './project-review';

export const PROJECT_SUBJECT = 'call_project';
export const ENVELOPE_SUBJECT = 'call_envelope';

/**
 * The bureau's side of a call, through governance's decisions (no second
 * voting system): the team puts one project or a batch to the bureau, one
 * decision (one vote) per project, each with the envelope's figures in its
 * file; the close applies the outcome (approved: the budget committed;
 * rejected). The envelope moves only by a decision of the bureau too.
 */
@Injectable()
export class ProjectBureau {
  constructor(
    private readonly db: Db,
    private readonly calls: CallsService,
    private readonly projects: ProjectsService,
    private readonly review: ProjectReview,
    private readonly decisions: DecisionsService,
  ) {}

  /**
   * Opens the decisions. Refused, with the figures, when the batch would take
   * the approved and voted-on budgets past the envelope: the bureau can only
   * approve what the envelope still holds, unless it raises it first.
   */
  async putToBureau(input: PutToBureauInput): Promise<CallProject[]> {
    this.calls.requireTeam();
    const rows = [];
    for (const id of [...input.projectIds].sort()) rows.push(await this.projects.row(id, true));
    const callIds = new Set(rows.map((r) => r.callId));
    if (callIds.size > 1) throw AppError.field('projectIds', "Un lot réunit des projets d'un même appel.");
    for (const r of rows) {
      if (r.status !== ProjectStatus.READY_FOR_BUREAU)
        throw AppError.conflict(`Le projet P${String(r.seq).padStart(2, '0')} n'est pas prêt pour le bureau : terminez son étude d'abord.`);
      if (r.decisionStatus === 'open') throw AppError.conflict(`Le bureau vote déjà sur le projet P${String(r.seq).padStart(2, '0')}.`);
    }
    const call = await this.calls.row([...callIds][0], true);
    const envelope = await this.calls.envelope(call);
    const asked = rows.reduce((sum, r) => sum + r.budgetCents, 0);
    if (asked > envelope.availableCents)
      throw AppError.conflict(
        `L'enveloppe de ${euros(envelope.envelopeCents)} ne peut pas couvrir ${rows.length > 1 ? 'ces projets' : 'ce projet'} : ${euros(envelope.committedCents)} déjà engagés` +
          `${envelope.pendingCents > 0 ? `, ${euros(envelope.pendingCents)} en cours de vote` : ''}, il reste ${euros(Math.max(0, envelope.availableCents))} ; ` +
          `${rows.length > 1 ? 'le lot demande' : 'le projet demande'} ${euros(asked)}. Réduisez le budget ou relevez d'abord l'enveloppe par une décision du bureau.`,
      );
    // If the bureau approves everything it is voting on, this batch included.
    const committedAfter = envelope.committedCents + envelope.pendingCents + asked;
    for (const r of rows) {
      const [project] = await this.projects.toProjects([r]);
      const scores = await this.review.scores(r.id);
      const decisionId = await this.decisions.openForSubject({
        instanceKind: InstanceKind.BUREAU,
        subjectKind: PROJECT_SUBJECT,
        subjectRef: r.id,
        title: `${call.title} — ${project.number} ${project.title}`,
        context: [
          `Porté par ${project.proposer.name}${project.coCarriers.length ? `, avec ${project.coCarriers.map((c) => c.name).join(', ')}` : ''}.`,
          project.summary,
          `Public : ${project.targetPublic}`,
          `Ateliers prévus : ${project.workshopCount} × ${hoursText(project.workshopMinutes)}, ${project.speakers} intervenant·e(s).`,
          `Budget demandé : ${euros(project.budgetCents)} (dont honoraires des intervenants ${euros(project.speakerFeesCents)}).`,
          `Critères d'évaluation : ${project.criteria.map((c) => `${c.criterion} — ${c.indicator}, cible ${c.target}`).join(' ; ')}.`,
          scores.weighted !== null
            ? `Note de l'équipe : ${scores.weighted.toFixed(1).replace('.', ',')} / 5 (${scores.lines.map((l) => `${l.label} ${l.average?.toFixed(1).replace('.', ',') ?? '–'}`).join(', ')}).`
            : '',
          `Enveloppe de l'appel : ${euros(envelope.envelopeCents)} ; engagé ${euros(envelope.committedCents)} ; si le bureau approuve ce projet et tous ceux qu'il examine, ${euros(committedAfter)} engagés, reste ${euros(envelope.envelopeCents - committedAfter)}.`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        question: `Approuvez-vous le projet « ${project.title} » pour un budget de ${euros(project.budgetCents)} ?`,
        amountCents: project.budgetCents,
        missions: project.missions,
        deadline: input.deadline,
        audit: { callProject: r.id, call: call.id },
      });
      await this.db.tenantRows(`UPDATE call_projects SET decision_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
        requireTenantId(),
        r.id,
        decisionId,
      ]);
      await this.projects.event(
        r.id,
        r.status,
        r.status,
        { kind: 'user' },
        `Soumis au vote du bureau${rows.length > 1 ? ` (lot de ${rows.length} projets)` : ''}.`,
      );
    }
    return this.projects.toProjects(await Promise.all(rows.map((r) => this.projects.row(r.id))));
  }

  /** Asks the bureau to raise the envelope: a decision; adopted, the envelope becomes the new amount (recorded with the decision). */
  async raiseEnvelope(input: EnvelopeRaiseInput): Promise<EnvelopeRaise> {
    this.calls.requireTeam();
    const call = await this.calls.row(input.callId, true);
    if (input.toCents <= call.envelopeCents)
      throw AppError.field('toCents', `Le nouveau montant doit dépasser l'enveloppe actuelle (${euros(call.envelopeCents)}).`);
    const [pending] = await this.db.tenantRows(
      `SELECT 1 FROM call_envelope_changes e JOIN governance_decisions d ON d.tenant_id = e.tenant_id AND d.id = e.decision_id
       WHERE e.tenant_id = $1 AND e.call_id = $2 AND d.status = 'open'`,
      [requireTenantId(), call.id],
    );
    if (pending) throw AppError.conflict("Le bureau vote déjà sur un relèvement de l'enveloppe de cet appel.");
    const envelope: CallEnvelope = await this.calls.envelope(call);
    const id = randomUUID();
    const decisionId = await this.decisions.openForSubject({
      instanceKind: InstanceKind.BUREAU,
      subjectKind: ENVELOPE_SUBJECT,
      subjectRef: id,
      title: `${call.title} — relever l'enveloppe à ${euros(input.toCents)}`,
      context: [
        input.reason,
        `Enveloppe actuelle : ${euros(envelope.envelopeCents)} ; engagé ${euros(envelope.committedCents)} ; en cours de vote ${euros(envelope.pendingCents)} ; payé ${euros(envelope.paidCents)}.`,
      ].join('\n\n'),
      question: `Relevez-vous l'enveloppe de l'appel « ${call.title} » de ${euros(call.envelopeCents)} à ${euros(input.toCents)} ?`,
      amountCents: input.toCents - call.envelopeCents,
      missions: call.missions,
      deadline: input.deadline,
      audit: { callEnvelope: id, call: call.id },
    });
    await this.db.tenantRows(
      `INSERT INTO call_envelope_changes (tenant_id, id, call_id, from_cents, to_cents, reason, decision_id, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [requireTenantId(), id, call.id, call.envelopeCents, input.toCents, input.reason, decisionId, requirePrincipal().userId],
    );
    return (await this.calls.raises(call.id)).find((r) => r.id === id)!;
  }
}

const hoursText = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')}` : ''}`;

/**
 * The bureau's outcome on a project: adopted, the budget is committed (the
 * envelope checked once more: a raise may have been refused meanwhile, and
 * the approval never takes the envelope past its amount); rejected, the
 * project ends; without quorum, it waits to be put again. The proposer
 * hears of it by email.
 */
export const projectSubject: DecisionSubject = {
  kind: PROJECT_SUBJECT,
  async closed({ db, mail }, decision: ClosedDecision) {
    const tenantId = requireTenantId();
    const [p] = await db.tenantRows<{ id: string; status: string; budget: number; callId: string; envelope: number; title: string }>(
      `SELECT p.id, p.status, p.budget_cents::float8 AS budget, p.call_id AS "callId", c.envelope_cents::float8 AS envelope, p.title
       FROM call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id
       WHERE p.tenant_id = $1 AND p.id = $2 FOR NO KEY UPDATE OF p, c`,
      [tenantId, decision.subjectRef],
    );
    if (!p || p.status !== ProjectStatus.READY_FOR_BUREAU) return [];
    const [{ committed }] = await db.tenantRows<{ committed: number }>(
      `SELECT coalesce(sum(approved_cents), 0)::float8 AS committed FROM call_projects WHERE tenant_id = $1 AND call_id = $2 AND status IN ${COMMITTED}`,
      [tenantId, p.callId],
    );
    const by = `Bureau (décision ${decision.registerNumber})`;
    let to: ProjectStatus = ProjectStatus.READY_FOR_BUREAU;
    let note: string;
    let sentence: string;
    if (decision.outcome === 'adopted' && committed + p.budget > p.envelope) {
      note = `Adopté par le bureau, mais l'enveloppe (${euros(p.envelope)}, dont ${euros(committed)} engagés) ne couvre plus ${euros(p.budget)} : à relever avant de l'approuver.`;
      sentence = `Le bureau a voté votre projet « ${p.title} », mais l'enveloppe de l'appel est épuisée : l'équipe revient vers vous.`;
    } else if (decision.outcome === 'adopted') {
      to = ProjectStatus.APPROVED;
      note = `Approuvé par le bureau pour ${euros(p.budget)}.`;
      sentence = `Bonne nouvelle : le bureau a approuvé votre projet « ${p.title} » pour un budget de ${euros(p.budget)}. L'équipe vous contacte pour organiser les ateliers.`;
    } else if (decision.outcome === 'rejected') {
      to = ProjectStatus.REJECTED;
      note = 'Refusé par le bureau.';
      sentence = `Le bureau n'a pas retenu votre projet « ${p.title} ». L'équipe peut vous expliquer pourquoi : répondez depuis votre projet.`;
    } else {
      note = 'Vote du bureau sans quorum : le projet est à soumettre de nouveau.';
      sentence = '';
    }
    await db.tenantRows(
      `UPDATE call_projects SET status = $3, decision_id = $4, approved_cents = CASE WHEN $3 = 'approved' THEN budget_cents END, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, p.id, to, decision.id],
    );
    await db.tenantRows(
      `INSERT INTO call_project_events (tenant_id, id, project_id, from_status, to_status, actor, actor_name, note) VALUES ($1, $2, $3, $4, $5, 'system', $6, $7)`,
      [tenantId, randomUUID(), p.id, p.status, to, by, note],
    );
    if (!sentence) return [];
    return [await composeProposerEmail(db, ProposerLinks.fromEnv(mail), p.id, 'outcome', sentence)];
  },
};

/** The bureau's outcome on a raise of the envelope: adopted, the call's envelope becomes the amount voted. */
export const envelopeSubject: DecisionSubject = {
  kind: ENVELOPE_SUBJECT,
  async closed({ db }, decision: ClosedDecision) {
    if (decision.outcome !== 'adopted') return [];
    const tenantId = requireTenantId();
    const [change] = await db.tenantRows<{ callId: string; toCents: number }>(
      `UPDATE call_envelope_changes SET applied_at = now() WHERE tenant_id = $1 AND id = $2 AND applied_at IS NULL RETURNING call_id AS "callId", to_cents::float8 AS "toCents"`,
      [tenantId, decision.subjectRef],
    );
    if (change)
      await db.tenantRows(
        `UPDATE calls SET envelope_cents = greatest(envelope_cents, $3), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
        [tenantId, change.callId, change.toCents],
      );
    return [];
  },
};

DecisionSubjects.register(projectSubject);
DecisionSubjects.register(envelopeSubject);
