import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonIntake } from '@cpts/platform-persons';
import type { FastifyRequest } from 'fastify';
import { CallsService } from '../calls.service';
import { Call, CallProject, CallState, ProjectFormInput, ProjectStatus } from '../calls.types';
import { frDay } from '../project-emails';
import { PROPOSER_LINK_DAYS, ProposerLinks, ProposerTarget } from '../project-links';
import { closedMessage, EDITABLE, ProjectRow, ProjectsService, STATUS_LABELS_FR } from '../projects.service';
import { DocumentFile, ProjectDocuments } from './project-documents';
import { IdentityChoices, IdentityChoicesReader, PublicCall, publicCall } from './public-call-facts';
import { callPagePath } from './public-calls';
import { IdentityBody } from './proposer-bodies';

const INVALID_LINK = "Ce lien de projet n'est pas valide : vérifiez qu'il a été copié en entier depuis le message.";
export const LINK_EXPIRED_MESSAGE = `Ce lien a expiré : un lien de projet ne vaut que ${PROPOSER_LINK_DAYS} jours. Demandez-en un nouveau : il sera envoyé à l'adresse e-mail du projet.`;

/** An authentic link past its time: the route answers 410 LINK_EXPIRED (the page then offers a fresh link). */
export class ExpiredLinkError extends Error {
  constructor() {
    super(LINK_EXPIRED_MESSAGE);
    this.name = 'ExpiredLinkError';
  }
}

/** The proposer's page of their project (GET /api/public/projects/<token>, and the answer of each change). */
export interface ProposerPageView extends IdentityChoices {
  cptsName: string;
  /** The CPTS's current address (the page moves to it when opened at a former one). */
  cptsSlug: string;
  /** The call's public page, under the CPTS's current address. */
  callPage: string;
  call: PublicCall;
  project: ProposerProject;
  /** The status in French, and what it means for the proposer now. */
  statusLabel: string;
  statusHelp: string;
  /** Whether the form may be written and submitted (also: documents added or taken back, co-carriers added); why not, in French. */
  can: { edit: boolean; submit: boolean; reason: string | null };
  comments: Array<{ id: string; author: string; authorName: string; body: string; createdAt: Date }>;
  documents: Array<{
    id: string;
    fileName: string;
    contentType: string;
    bytes: number;
    uploadedAt: Date;
    byProposer: boolean;
    url: string;
  }>;
  history: Array<{ at: Date; fromStatus: string | null; toStatus: string; label: string; actorName: string; note: string | null }>;
  linkExpiresAt: Date;
}

/** The project as its proposer sees it: the form, and the money computed from the call's schedule (integer cents). */
type ProposerProject = Pick<
  CallProject,
  | 'number'
  | 'status'
  | 'title'
  | 'summary'
  | 'missions'
  | 'targetPublic'
  | 'coCarriers'
  | 'workshopCount'
  | 'workshopMinutes'
  | 'speakers'
  | 'budgetLines'
  | 'speakerFeesCents'
  | 'budgetCents'
  | 'approvedCents'
  | 'submittedAt'
  | 'updatedAt'
> & { proposer: { name: string; email: string }; criteria: Array<{ criterion: string; indicator: string; target: string }> };

/**
 * Notes the proposer reads in the history: the team's request for changes
 * (also in the thread), the bureau's outcome and the notes of a step that
 * changes no status (put to the bureau). The others are the team's own
 * (a record to check in the directory, why a project is ready).
 */
const PUBLIC_NOTES: readonly string[] = [ProjectStatus.CHANGES_REQUESTED, ProjectStatus.APPROVED, ProjectStatus.REJECTED];

/**
 * The proposer's side of their project, without login: the signed link
 * (ProposerLinks) names one project of one CPTS, and each use is one
 * transaction confined to that CPTS. A link that is forged, of another
 * kind, or names no project of its CPTS: the same French NOT_FOUND, nothing
 * touched. An authentic link past its time reads nothing and changes
 * nothing: it may only ask for a fresh one, sent to the project's address.
 * The changes go through ProjectsService (its rules: editable while a
 * draft of an open call or when changes are requested).
 */
@Injectable()
export class ProposerPages {
  private readonly links: ProposerLinks;

  constructor(
    private readonly db: Db,
    private readonly projects: ProjectsService,
    private readonly calls: CallsService,
    private readonly documents: ProjectDocuments,
    private readonly choices: IdentityChoicesReader,
    private readonly intake: PersonIntake,
  ) {
    this.links = projects.links;
  }

  view(token: string): Promise<ProposerPageView> {
    return this.withProject(token, 'proposer-view', (target) => this.page(token, target), { readOnly: true });
  }

  save(token: string, form: ProjectFormInput): Promise<ProposerPageView> {
    return this.withProject(token, 'proposer-save', async (target) => {
      await this.projects.save(target.projectId, form);
      return this.page(token, target);
    });
  }

  submit(token: string): Promise<ProposerPageView> {
    return this.withProject(token, 'proposer-submit', async (target) => {
      await this.projects.submit(target.projectId);
      return this.page(token, target);
    });
  }

  comment(token: string, body: string): Promise<ProposerPageView> {
    return this.withProject(token, 'proposer-comment', async (target) => {
      await this.projects.comment(target.projectId, body, 'proposer');
      return this.page(token, target);
    });
  }

  /**
   * A co-carrier named by the proposer, for the form's list: found in the
   * directory, or entered in it (flagged for the team to check, like a
   * proposer unknown to it). Saved with the form (coCarrierIds).
   */
  addCoCarrier(token: string, who: IdentityBody): Promise<{ id: string; name: string; professionCode: string }> {
    return this.withProject(token, 'proposer-co-carrier', async (target) => {
      const { row, call } = await this.changeable(
        target.projectId,
        'Ce projet a été déposé : ses porteurs ne changent plus, sauf si l’équipe vous demande des changements.',
      );
      const { person } = await this.intake.findOrCreate({ ...who, email: null }, `un projet de l'appel « ${call.title} »`);
      if (person.id === row.proposerId) throw AppError.field('lastName', 'Vous portez déjà ce projet : nommez une autre personne.');
      if (person.erased || person.archived)
        throw AppError.field('lastName', "Cette personne n'est plus active dans l'annuaire de la CPTS : contactez l'équipe.");
      return { id: person.id, name: `${person.firstName} ${person.lastName}`.trim(), professionCode: person.professionCode };
    });
  }

  upload(token: string, req: FastifyRequest, fileName: string | undefined): Promise<ProposerPageView> {
    return this.withProject(token, 'proposer-document', async (target) => {
      await this.documents.upload(target.projectId, req, fileName, () => this.documentsChangeable(target.projectId));
      return this.page(token, target);
    });
  }

  removeDocument(token: string, id: string): Promise<ProposerPageView> {
    return this.withProject(token, 'proposer-document-removal', async (target) => {
      await this.documentsChangeable(target.projectId);
      await this.documents.removeByProposer(target.projectId, id);
      return this.page(token, target);
    });
  }

  download(token: string, id: string): Promise<DocumentFile> {
    return this.withProject(token, 'proposer-document-download', (target) => this.documents.ofProject(target.projectId, id), {
      readOnly: true,
    });
  }

  /** A fresh link emailed to the project's address: the way back from an expired one (authentic, so it did name this project). */
  renew(token: string): Promise<{ sent: true }> {
    return this.withProject(
      token,
      'proposer-renew',
      async (target) => {
        await this.projects.emailProposer(target.projectId, 'link');
        return { sent: true as const };
      },
      { expiredToo: true },
    );
  }

  /** Runs `fn` in a transaction of the link's CPTS, once the link is known to name a project there. */
  private async withProject<T>(
    token: string,
    label: string,
    fn: (target: ProposerTarget) => Promise<T>,
    options: { readOnly?: boolean; expiredToo?: boolean } = {},
  ): Promise<T> {
    const target = this.links.read(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    return this.db.runApart({ tenantId: target.tenantId, label, readOnly: options.readOnly }, async () => {
      const [found] = await this.db.tenantRows(`SELECT 1 FROM call_projects WHERE tenant_id = $1 AND id = $2`, [
        requireTenantId(),
        target.projectId,
      ]);
      if (!found) throw AppError.notFound(INVALID_LINK);
      if (target.expired && !options.expiredToo) throw new ExpiredLinkError();
      return fn(target);
    });
  }

  /** The project locked, if its proposer may still change it (the rule of ProjectsService.save); CONFLICT in French otherwise. */
  private async changeable(projectId: string, notEditable: string): Promise<{ row: ProjectRow; call: Call }> {
    const row = await this.projects.row(projectId, true);
    const call = await this.calls.row(row.callId);
    const reason = cannotEdit(row, call, notEditable);
    if (reason) throw AppError.conflict(reason);
    return { row, call };
  }

  private async documentsChangeable(projectId: string): Promise<void> {
    await this.changeable(
      projectId,
      'Ce projet a été déposé : ses documents ne changent plus, sauf si l’équipe vous demande des changements.',
    );
  }

  private async page(token: string, target: ProposerTarget): Promise<ProposerPageView> {
    const tenantId = requireTenantId();
    const row = await this.projects.row(target.projectId);
    const [p] = await this.projects.toProjects([row]);
    const call = await this.calls.row(row.callId);
    // One after the other: the statements share the transaction's one connection.
    const [cpts] = await this.db.rows<{ name: string; slug: string }>(`SELECT name, slug FROM tenants WHERE id = $1`, [tenantId]);
    const comments = await this.projects.comments(row.id);
    const events = await this.projects.events(row.id);
    const documents = await this.documents.list(row.id);
    const reason = cannotEdit(row, call, "Ce projet a été déposé : il ne se modifie plus, sauf si l'équipe vous demande des changements.");
    return {
      cptsName: cpts.name,
      cptsSlug: cpts.slug,
      callPage: callPagePath(cpts.slug, call.slug),
      call: publicCall(call),
      project: {
        number: p.number,
        status: p.status,
        title: p.title,
        summary: p.summary,
        missions: p.missions,
        targetPublic: p.targetPublic,
        coCarriers: p.coCarriers,
        workshopCount: p.workshopCount,
        workshopMinutes: p.workshopMinutes,
        speakers: p.speakers,
        budgetLines: p.budgetLines,
        criteria: p.criteria.map((c) => ({ criterion: c.criterion, indicator: c.indicator, target: c.target })),
        speakerFeesCents: p.speakerFeesCents,
        budgetCents: p.budgetCents,
        approvedCents: p.approvedCents,
        submittedAt: p.submittedAt,
        updatedAt: p.updatedAt,
        proposer: { name: p.proposer.name, email: p.proposer.email },
      },
      statusLabel: capitalised(STATUS_LABELS_FR[row.status]),
      statusHelp: statusHelp(row, call),
      can: { edit: reason === null, submit: reason === null, reason },
      comments,
      documents: documents.map((d) => ({
        id: d.id,
        fileName: d.fileName,
        contentType: d.contentType,
        bytes: d.bytes,
        uploadedAt: d.uploadedAt,
        byProposer: d.uploadedBy === null,
        url: `/api/public/projects/${token}/documents/${d.id}`,
      })),
      history: events.map((e) => ({
        at: e.at,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        label: capitalised(STATUS_LABELS_FR[e.toStatus]),
        actorName: e.actorName,
        note: PUBLIC_NOTES.includes(e.toStatus) || e.fromStatus === e.toStatus ? e.note : null,
      })),
      linkExpiresAt: target.expiresAt,
      ...(await this.choices.read()),
    };
  }
}

/** Why the proposer cannot change the project now, in French; null when they can. */
function cannotEdit(row: Pick<ProjectRow, 'status'>, call: Call, notEditable: string): string | null {
  if (!EDITABLE.includes(row.status)) return notEditable;
  if (row.status === ProjectStatus.DRAFT && call.state !== CallState.OPEN) return closedMessage(call);
  return null;
}

/** What the status means for the proposer now. */
function statusHelp(row: Pick<ProjectRow, 'status'>, call: Call): string {
  const after = "Il ne se modifie plus, sauf si l'équipe vous demande des changements.";
  switch (row.status) {
    case ProjectStatus.DRAFT:
      return call.state === CallState.OPEN
        ? `Votre projet est un brouillon : il s'enregistre au fil de la saisie. Déposez-le au plus tard le ${frDay(call.closesOn)}.`
        : closedMessage(call);
    case ProjectStatus.SUBMITTED:
      return `Votre projet est déposé : l'équipe de la CPTS va l'étudier. ${after}`;
    case ProjectStatus.UNDER_REVIEW:
      return `L'équipe de la CPTS étudie votre projet. ${after}`;
    case ProjectStatus.CHANGES_REQUESTED:
      return "L'équipe vous demande des modifications (voir les échanges) : complétez le projet puis déposez-le à nouveau.";
    case ProjectStatus.READY_FOR_BUREAU:
      return 'Votre projet est prêt : il est présenté au bureau de la CPTS, qui décide de son financement.';
    case ProjectStatus.APPROVED:
      return "Le bureau de la CPTS a approuvé votre projet. L'équipe vous contactera pour organiser les ateliers.";
    case ProjectStatus.REJECTED:
      return "Le bureau de la CPTS n'a pas retenu votre projet.";
    case ProjectStatus.IN_PROGRESS:
      return 'Votre projet est en cours : ses ateliers ont commencé.';
    case ProjectStatus.COMPLETED:
      return 'Votre projet est terminé : son bilan est enregistré.';
    case ProjectStatus.EVALUATED:
      return 'Votre projet est terminé et évalué. Merci !';
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
