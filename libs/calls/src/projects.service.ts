import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, CPTS_TEAM, FieldError, hasAnyRole, hasRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DecisionOutcome, DecisionStatus } from '@cpts/governance';
import { MailOutbox, renderEmail, SECRET_PLACEHOLDER } from '@cpts/platform-mail';
import { PersonDirectory, PersonIntake, SelfIdentification } from '@cpts/platform-persons';
import { budgetOf, BudgetLine, speakerFees } from './budget';
import { CallsService } from './calls.service';
import {
  Call,
  CallProject,
  CallState,
  ProjectComment,
  ProjectCriterion,
  ProjectEvent,
  ProjectFormInput,
  ProjectStatus,
} from './calls.types';
import { ProposerEmailKind, proposerEmail } from './project-emails';
import { ProposerLinks } from './project-links';
import { ProjectMemberships } from './project-memberships';

export const PROJECT_NOT_FOUND = 'Projet introuvable.';

/** Who changes a project: a member of the team (signed in), the proposer (through their link), or the system (the bureau's decision). */
export type ProjectActor = { kind: 'user' } | { kind: 'proposer' } | { kind: 'system'; name: string };

/** The statuses in which the proposer writes the form. */
export const EDITABLE = [ProjectStatus.DRAFT, ProjectStatus.CHANGES_REQUESTED];

export interface ProjectRow {
  id: string;
  callId: string;
  seq: number;
  status: ProjectStatus;
  proposerId: string;
  proposerCreated: boolean;
  proposerEmail: string;
  title: string;
  summary: string;
  missions: CallProject['missions'];
  targetPublic: string;
  coCarriers: string[];
  workshopCount: number;
  workshopMinutes: number;
  speakers: number;
  budgetLines: BudgetLine[];
  criteria: ProjectCriterion[];
  budgetCents: number;
  approvedCents: number | null;
  decisionId: string | null;
  decisionStatus: string | null;
  decisionOutcome: string | null;
  decisionDeadline: Date | null;
  registerYear: number | null;
  registerSeq: number | null;
  debriefWorked: string | null;
  debriefNotWorked: string | null;
  debriefedAt: Date | null;
  evaluatedAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  flatFeeCents: number;
  hourlyRateCents: number;
}

export const PROJECT_COLUMNS = `p.id, p.call_id AS "callId", p.seq, p.status, p.proposer_id AS "proposerId", p.proposer_created AS "proposerCreated",
  p.proposer_email AS "proposerEmail", p.title, p.summary, p.missions, p.target_public AS "targetPublic", p.co_carriers AS "coCarriers",
  p.workshop_count AS "workshopCount", p.workshop_minutes AS "workshopMinutes", p.speakers, p.budget_lines AS "budgetLines", p.criteria,
  p.budget_cents::float8 AS "budgetCents", p.approved_cents::float8 AS "approvedCents", p.decision_id AS "decisionId",
  d.status AS "decisionStatus", d.outcome AS "decisionOutcome", d.deadline AS "decisionDeadline", d.register_year AS "registerYear", d.register_seq AS "registerSeq",
  p.debrief_worked AS "debriefWorked", p.debrief_not_worked AS "debriefNotWorked", p.debriefed_at AS "debriefedAt", p.evaluated_at AS "evaluatedAt",
  p.submitted_at AS "submittedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  c.flat_fee_cents AS "flatFeeCents", c.hourly_rate_cents AS "hourlyRateCents"`;
export const PROJECT_FROM = `call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id
  LEFT JOIN governance_decisions d ON d.tenant_id = p.tenant_id AND d.id = p.decision_id`;

/**
 * The projects of a call through their life: proposed from the public page
 * (the proposer matched to the directory, their magic link emailed), written
 * and submitted by the proposer through that link, reviewed by the team
 * (the thread, the grid, changes requested), put to the bureau
 * (ProjectBureau), then carried out (ProjectWorkshops). Every change of
 * status is an event: when, from what, to what, by whom.
 */
@Injectable()
export class ProjectsService {
  readonly links: ProposerLinks;

  constructor(
    private readonly db: Db,
    private readonly calls: CallsService,
    private readonly people: PersonDirectory,
    private readonly intake: PersonIntake,
    private readonly memberships: ProjectMemberships,
    private readonly outbox: MailOutbox,
    mail: MailEnv,
  ) {
    this.links = ProposerLinks.fromEnv(mail);
  }

  // ---- reading

  /** The team: every project of the call; a board member: those put to the bureau. */
  async list(callId: string, status: ProjectStatus | null): Promise<CallProject[]> {
    const call = await this.calls.get(callId);
    const params: unknown[] = [requireTenantId(), call.id];
    const where = [`p.call_id = $2`, ...this.readableWhere()];
    if (status) where.push(`p.status = $${params.push(status)}`);
    const rows = await this.db.tenantRows<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.tenant_id = $1 AND ${where.join(' AND ')} ORDER BY p.seq`,
      params,
    );
    return this.toProjects(rows);
  }

  async get(id: string): Promise<CallProject> {
    return (await this.toProjects([await this.readable(id)]))[0];
  }

  /** The project if the caller may read it. */
  async readable(id: string): Promise<ProjectRow> {
    if (!hasAnyRole(requirePrincipal(), [...CPTS_TEAM, Role.BOARD_MEMBER])) throw AppError.forbidden();
    const [row] = await this.db.tenantRows<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.tenant_id = $1 AND p.id = $2 AND ${this.readableWhere().join(' AND ')}`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(PROJECT_NOT_FOUND);
    return row;
  }

  /** Any project of the tenant, for the callers that checked their rights (the proposer's link, the team's commands); `lock` for a change. */
  async row(id: string, lock = false): Promise<ProjectRow> {
    const [row] = await this.db.tenantRows<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.tenant_id = $1 AND p.id = $2${lock ? ' FOR NO KEY UPDATE OF p' : ''}`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(PROJECT_NOT_FOUND);
    return row;
  }

  async toProjects(rows: ProjectRow[]): Promise<CallProject[]> {
    const people = await this.people.resolve([...new Set(rows.flatMap((r) => [r.proposerId, ...r.coCarriers]))]);
    const person = (id: string) => {
      const p = people.get(id);
      return p
        ? { id: p.id, name: p.erased ? 'Personne effacée' : `${p.firstName} ${p.lastName}`.trim(), professionCode: p.professionCode }
        : { id, name: 'Personne inconnue', professionCode: '' };
    };
    return rows.map((r) => ({
      id: r.id,
      callId: r.callId,
      number: `P${String(r.seq).padStart(2, '0')}`,
      status: r.status,
      proposer: { ...person(r.proposerId), email: r.proposerEmail, created: r.proposerCreated },
      title: r.title,
      summary: r.summary,
      missions: r.missions,
      targetPublic: r.targetPublic,
      coCarriers: r.coCarriers.map(person),
      workshopCount: r.workshopCount,
      workshopMinutes: r.workshopMinutes,
      speakers: r.speakers,
      budgetLines: r.budgetLines,
      criteria: r.criteria.map((c) => ({ ...c, actual: c.actual ?? null })),
      speakerFeesCents: speakerFees(r, r),
      budgetCents: r.budgetCents,
      approvedCents: r.approvedCents,
      decision: r.decisionId
        ? {
            id: r.decisionId,
            status: r.decisionStatus as DecisionStatus,
            outcome: r.decisionOutcome as DecisionOutcome | null,
            deadline: r.decisionDeadline,
            registerNumber: r.registerYear && r.registerSeq ? `${r.registerYear}-${String(r.registerSeq).padStart(3, '0')}` : null,
          }
        : null,
      debriefWorked: r.debriefWorked,
      debriefNotWorked: r.debriefNotWorked,
      debriefedAt: r.debriefedAt,
      evaluatedAt: r.evaluatedAt,
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  events(projectId: string): Promise<ProjectEvent[]> {
    return this.db.tenantRows<ProjectEvent>(
      `SELECT at, from_status AS "fromStatus", to_status AS "toStatus", actor_name AS "actorName", note FROM call_project_events
       WHERE tenant_id = $1 AND project_id = $2 ORDER BY at, id`,
      [requireTenantId(), projectId],
    );
  }

  comments(projectId: string): Promise<ProjectComment[]> {
    return this.db.tenantRows<ProjectComment>(
      `SELECT id, author, author_name AS "authorName", body, created_at AS "createdAt" FROM call_project_comments
       WHERE tenant_id = $1 AND project_id = $2 ORDER BY created_at, id`,
      [requireTenantId(), projectId],
    );
  }

  // ---- the proposer (through the public page and their link)

  /**
   * A proposal from the call's public page: the person found in the
   * directory or entered in it, the draft written with its title, and the
   * magic link emailed (the answer never shows it: the address is proved
   * by receiving it). Returns the project's id.
   */
  async propose(call: Call, who: SelfIdentification, title: string): Promise<string> {
    if (call.state !== CallState.OPEN) throw AppError.conflict(closedMessage(call));
    if (!who.email) throw AppError.field('email', 'Votre adresse e-mail est nécessaire : le lien de votre projet y est envoyé.');
    const { person, created } = await this.intake.findOrCreate(who, `une candidature à l'appel « ${call.title} »`);
    if (call.membersOnly && !(await this.memberships.isMember(person.id)))
      throw AppError.conflict(
        `Cet appel est réservé aux adhérent·es de la CPTS pour ${call.year} : adhérez d'abord, ou contactez l'équipe si vous pensez l'être.`,
      );
    const tenantId = requireTenantId();
    await this.calls.row(call.id, true); // the call's lock orders the numbers
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO call_projects (tenant_id, id, call_id, seq, status, proposer_id, proposer_created, proposer_email, title)
       VALUES ($1, $2, $3, (SELECT coalesce(max(seq), 0) + 1 FROM call_projects WHERE tenant_id = $1 AND call_id = $3), 'draft', $4, $5, $6, $7)`,
      [tenantId, id, call.id, person.id, created, who.email!.trim().toLowerCase(), title],
    );
    await this.event(
      id,
      null,
      ProjectStatus.DRAFT,
      { kind: 'proposer' },
      created ? "Fiche de l'annuaire créée par la candidature : à vérifier." : null,
    );
    await this.emailProposer(id, 'link');
    return id;
  }

  /** The proposer's form, saved as it is (autosave): only while it is theirs to write, and a draft only while the call is open. */
  async save(id: string, form: ProjectFormInput): Promise<CallProject> {
    const row = await this.row(id, true);
    const call = await this.calls.row(row.callId);
    if (!EDITABLE.includes(row.status))
      throw AppError.conflict("Ce projet a été déposé : il ne se modifie plus, sauf si l'équipe vous demande des changements.");
    if (row.status === ProjectStatus.DRAFT && call.state !== CallState.OPEN) throw AppError.conflict(closedMessage(call));
    const outside = form.missions.filter((m) => !call.missions.includes(m));
    if (outside.length > 0) throw AppError.field('missions', "Une des missions choisies n'est pas éligible à cet appel.");
    const coCarriers = await this.checkedCoCarriers(row.proposerId, form.coCarrierIds);
    const budget = budgetOf(call, form, form.budgetLines);
    await this.db.tenantRows(
      `UPDATE call_projects SET title = $3, summary = $4, missions = $5, target_public = $6, co_carriers = $7, workshop_count = $8, workshop_minutes = $9,
              speakers = $10, budget_lines = $11, criteria = $12, budget_cents = $13, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [
        requireTenantId(),
        row.id,
        form.title,
        form.summary,
        form.missions,
        form.targetPublic,
        coCarriers,
        form.workshopCount,
        form.workshopMinutes,
        form.speakers,
        JSON.stringify(form.budgetLines),
        JSON.stringify(form.criteria.map((c) => ({ criterion: c.criterion, indicator: c.indicator, target: c.target, actual: null }))),
        budget,
      ],
    );
    return (await this.toProjects([await this.row(row.id)]))[0];
  }

  /**
   * The proposer submits: a draft while the call is open, or again after
   * the team asked for changes (even after the close: the project was in
   * time). Everything the bureau will read must be there, the evaluation
   * criteria first (set at design, not after).
   */
  async submit(id: string): Promise<CallProject> {
    const row = await this.row(id, true);
    const call = await this.calls.row(row.callId);
    if (!EDITABLE.includes(row.status)) throw AppError.conflict('Ce projet est déjà déposé.');
    if (row.status === ProjectStatus.DRAFT && call.state !== CallState.OPEN) throw AppError.conflict(closedMessage(call));
    const problems = submissionProblems(row, call);
    if (problems.length > 0)
      throw AppError.badInput(
        problems.length === 1 ? problems[0].message : 'Le projet est incomplet : complétez les points signalés avant de le déposer.',
        problems,
      );
    if (call.membersOnly && !(await this.memberships.isMember(row.proposerId)))
      throw AppError.conflict(`Cet appel est réservé aux adhérent·es de la CPTS pour ${call.year}.`);
    await this.db.tenantRows(
      `UPDATE call_projects SET status = 'submitted', submitted_at = coalesce(submitted_at, now()), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), row.id],
    );
    await this.event(row.id, row.status, ProjectStatus.SUBMITTED, { kind: 'proposer' }, null);
    await this.emailTeam(row.id, row.status === ProjectStatus.DRAFT ? 'Nouveau projet déposé' : 'Projet modifié et déposé à nouveau');
    return (await this.toProjects([await this.row(row.id)]))[0];
  }

  /** A message of the thread, by the proposer (the team hears of it by email) or by the team (the proposer gets it with a fresh link). */
  async comment(id: string, body: string, by: 'proposer' | 'team'): Promise<ProjectComment[]> {
    const text = body.trim();
    if (!text) throw AppError.field('body', 'Écrivez votre message.');
    if (text.length > 4000) throw AppError.field('body', 'Un message compte au plus 4 000 caractères.');
    const row = by === 'team' ? await this.forTeam(id) : await this.row(id, true);
    const userId = by === 'team' ? requirePrincipal().userId : null;
    const name = by === 'team' ? await this.userName(userId!) : (await this.toProjects([row]))[0].proposer.name;
    await this.db.tenantRows(
      `INSERT INTO call_project_comments (tenant_id, id, project_id, author, user_id, author_name, body) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [requireTenantId(), randomUUID(), row.id, by, userId, name, text],
    );
    if (by === 'team') await this.emailProposer(row.id, 'team_comment', text);
    else await this.emailTeam(row.id, 'Nouveau message du porteur de projet', text);
    return this.comments(row.id);
  }

  // ---- the team's review

  async startReview(id: string): Promise<CallProject> {
    return this.move(id, [ProjectStatus.SUBMITTED], ProjectStatus.UNDER_REVIEW, null);
  }

  /** Back to the proposer: the form reopens, the note goes into the thread and to them by email. */
  async requestChanges(id: string, note: string): Promise<CallProject> {
    const text = note.trim();
    if (!text) throw AppError.field('note', 'Dites au porteur ce qui est à compléter.');
    const project = await this.move(
      id,
      [ProjectStatus.SUBMITTED, ProjectStatus.UNDER_REVIEW, ProjectStatus.READY_FOR_BUREAU],
      ProjectStatus.CHANGES_REQUESTED,
      text,
    );
    await this.db.tenantRows(
      `INSERT INTO call_project_comments (tenant_id, id, project_id, author, user_id, author_name, body) VALUES ($1, $2, $3, 'team', $4, $5, $6)`,
      [requireTenantId(), randomUUID(), id, requirePrincipal().userId, await this.userName(requirePrincipal().userId), text],
    );
    await this.emailProposer(id, 'changes_requested', text);
    return project;
  }

  async markReady(id: string, note: string | null): Promise<CallProject> {
    return this.move(id, [ProjectStatus.SUBMITTED, ProjectStatus.UNDER_REVIEW], ProjectStatus.READY_FOR_BUREAU, note);
  }

  /** Taken back from "ready for the bureau" (not while the bureau votes). */
  async backToReview(id: string, note: string | null): Promise<CallProject> {
    const row = await this.forTeam(id);
    if (row.decisionStatus === 'open') throw AppError.conflict('Le bureau vote sur ce projet : attendez la clôture du vote.');
    return this.move(id, [ProjectStatus.READY_FOR_BUREAU], ProjectStatus.UNDER_REVIEW, note);
  }

  /** A project of the team's CPTS, locked for a change; FORBIDDEN for anyone else. */
  async forTeam(id: string): Promise<ProjectRow> {
    this.calls.requireTeam();
    return this.row(id, true);
  }

  /** Changes the status from one of `from`, records the event. */
  async move(
    id: string,
    from: ProjectStatus[],
    to: ProjectStatus,
    note: string | null,
    actor: ProjectActor = { kind: 'user' },
  ): Promise<CallProject> {
    const row = actor.kind === 'user' ? await this.forTeam(id) : await this.row(id, true);
    if (!from.includes(row.status))
      throw AppError.conflict(`Ce projet est « ${STATUS_LABELS_FR[row.status]} » : il ne peut pas passer à « ${STATUS_LABELS_FR[to]} ».`);
    await this.db.tenantRows(`UPDATE call_projects SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      row.id,
      to,
    ]);
    await this.event(row.id, row.status, to, actor, note);
    return (await this.toProjects([await this.row(row.id)]))[0];
  }

  async event(projectId: string, from: ProjectStatus | null, to: ProjectStatus, actor: ProjectActor, note: string | null): Promise<void> {
    const [who, name] =
      actor.kind === 'user'
        ? [`user:${requirePrincipal().userId}`, await this.userName(requirePrincipal().userId)]
        : actor.kind === 'proposer'
          ? ['proposer', 'Porteur du projet']
          : ['system', actor.name];
    await this.db.tenantRows(
      `INSERT INTO call_project_events (tenant_id, id, project_id, from_status, to_status, actor, actor_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [requireTenantId(), randomUUID(), projectId, from, to, who, name, note?.trim() || null],
    );
  }

  // ---- emails

  /** An email to the proposer with a fresh link to their project (sealed in the outbox until sent). */
  async emailProposer(projectId: string, kind: ProposerEmailKind, text?: string, daysLeft?: number): Promise<void> {
    const email = await this.proposerEmailOf(projectId, kind, text, daysLeft);
    await this.outbox.add({ kind: `call_${kind}`, tenantId: requireTenantId(), ...email });
  }

  /** The email to the proposer and its secret, for callers that send it themselves (the decision's close, the reminders). */
  async proposerEmailOf(projectId: string, kind: ProposerEmailKind, text?: string, daysLeft?: number) {
    return composeProposerEmail(this.db, this.links, projectId, kind, text, daysLeft);
  }

  private async emailTeam(projectId: string, what: string, text?: string): Promise<void> {
    const tenantId = requireTenantId();
    const [p] = await this.db.tenantRows<{ title: string; callTitle: string; number: string }>(
      `SELECT p.title, c.title AS "callTitle", 'P' || lpad(p.seq::text, 2, '0') AS number FROM call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id
       WHERE p.tenant_id = $1 AND p.id = $2`,
      [tenantId, projectId],
    );
    const team = await this.db.tenantRows<{ email: string }>(
      `SELECT DISTINCT lower(u.email) AS email FROM role_assignments ra JOIN users u ON u.id = ra.user_id
       WHERE ra.tenant_id = $1 AND ra.role IN ('COORDINATOR', 'STAFF') AND u.disabled_at IS NULL ORDER BY 1`,
      [tenantId],
    );
    const email = renderEmail({
      subject: `${what} : ${p.number} ${p.title}`,
      preheader: `${what} (${p.callTitle}).`,
      title: `${p.number} ${p.title}`,
      paragraphs: [`${what} dans l'appel « ${p.callTitle} ».`, ...(text ? [`« ${text} »`] : [])],
      action: { label: 'Ouvrir le projet', url: this.links.appUrlOf(projectId) },
      footer: ["Vous recevez ce message parce que vous faites partie de l'équipe de la CPTS."],
    });
    if (team.length > 0) await this.outbox.addMany(team.map((t) => ({ kind: 'call_team_notice', to: t.email, tenantId, email })));
  }

  private async userName(userId: string): Promise<string> {
    const [user] = await this.db.rows<{ name: string }>(`SELECT display_name AS name FROM users WHERE id = $1`, [userId]);
    return user?.name ?? 'Équipe';
  }

  private async checkedCoCarriers(proposerId: string, ids: string[]): Promise<string[]> {
    const found = await this.people.resolve(ids);
    const out: string[] = [];
    for (const id of ids) {
      const p = found.get(id);
      if (!p || p.erased) throw AppError.field('coCarrierIds', "Un des co-porteurs n'est pas dans l'annuaire de la CPTS.");
      if (p.id !== proposerId && !out.includes(p.id)) out.push(p.id);
    }
    return out;
  }

  private readableWhere(): string[] {
    // Board members read the projects put to the bureau (every one with a decision), never the drafts and the review.
    return hasAnyRole(requirePrincipal(), CPTS_TEAM)
      ? ['true']
      : hasRole(requirePrincipal(), Role.BOARD_MEMBER)
        ? ['p.decision_id IS NOT NULL']
        : ['false'];
  }
}

/** Composes an email to a proposer with a fresh magic link: usable with a bare Db (the worker, the decision's close). */
export async function composeProposerEmail(
  db: Db,
  links: ProposerLinks,
  projectId: string,
  kind: ProposerEmailKind,
  text?: string,
  daysLeft?: number,
) {
  const tenantId = requireTenantId();
  const [p] = await db.tenantRows<{ title: string; to: string; callTitle: string; closesOn: string; cptsName: string; cptsSlug: string }>(
    `SELECT p.title, p.proposer_email AS "to", c.title AS "callTitle", to_char(c.closes_on, 'YYYY-MM-DD') AS "closesOn", t.name AS "cptsName", t.slug AS "cptsSlug"
     FROM call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id JOIN tenants t ON t.id = p.tenant_id
     WHERE p.tenant_id = $1 AND p.id = $2`,
    [tenantId, projectId],
  );
  const email = proposerEmail(kind, {
    cptsName: p.cptsName,
    callTitle: p.callTitle,
    projectTitle: p.title,
    closesOn: p.closesOn,
    url: links.projectUrl(p.cptsSlug, SECRET_PLACEHOLDER),
    text,
    daysLeft,
  });
  return { to: p.to, email, secret: links.token(tenantId, projectId) };
}

export const STATUS_LABELS_FR: Record<ProjectStatus, string> = {
  draft: 'brouillon',
  submitted: 'déposé',
  under_review: "en cours d'étude",
  changes_requested: 'modifications demandées',
  ready_for_bureau: 'prêt pour le bureau',
  approved: 'approuvé',
  rejected: 'refusé',
  in_progress: 'en cours',
  completed: 'terminé',
  evaluated: 'évalué',
};

export function closedMessage(call: Call): string {
  if (call.state === CallState.DRAFT) return "Cet appel n'est pas encore publié : les dépôts ne sont pas ouverts.";
  if (call.state === CallState.UPCOMING)
    return `Cet appel ouvre le ${call.opensOn.split('-').reverse().join('/')} : les dépôts ne sont pas encore ouverts.`;
  return `Cet appel est clos depuis le ${call.closesOn.split('-').reverse().join('/')} à minuit : plus aucun projet ne peut être déposé.`;
}

/** What a project must have to be submitted, as field errors in French. */
export function submissionProblems(
  row: Pick<ProjectRow, 'summary' | 'missions' | 'targetPublic' | 'workshopCount' | 'workshopMinutes' | 'criteria'>,
  call: Pick<Call, 'requiredCriteria'>,
): FieldError[] {
  const out: FieldError[] = [];
  if (!row.summary.trim()) out.push({ field: 'summary', message: 'Résumez le projet.' });
  if (row.missions.length === 0) out.push({ field: 'missions', message: 'Choisissez au moins une mission du projet de santé.' });
  if (!row.targetPublic.trim()) out.push({ field: 'targetPublic', message: 'Dites à quel public le projet s’adresse.' });
  if (row.workshopCount < 1) out.push({ field: 'workshopCount', message: 'Prévoyez au moins un atelier.' });
  if (row.workshopMinutes < 1) out.push({ field: 'workshopMinutes', message: 'Un atelier dure plus de 0 heure : indiquez sa durée.' });
  const criteria = row.criteria.filter((c) => c.criterion.trim());
  if (criteria.length === 0)
    out.push({ field: 'criteria', message: "Fixez au moins un critère d'évaluation, avec son indicateur et sa cible." });
  for (const c of criteria)
    if (!c.indicator.trim() || !c.target.trim())
      out.push({ field: 'criteria', message: `Le critère « ${c.criterion} » doit avoir un indicateur et une cible.` });
  const given = new Set(criteria.map((c) => c.criterion.trim().toLowerCase()));
  for (const required of call.requiredCriteria)
    if (!given.has(required.trim().toLowerCase()))
      out.push({ field: 'criteria', message: `L'appel demande le critère « ${required} », avec son indicateur et sa cible.` });
  return out;
}
