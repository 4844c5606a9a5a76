import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import {
  AppError,
  Connection,
  CPTS_TEAM,
  decodeCursor,
  hasAnyRole,
  hasRole,
  requirePrincipal,
  requireTenantId,
  Role,
  toConnection,
} from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { PersonDirectory } from '@cpts/platform-persons';
import { COLLEGE_LABELS_FR, MembershipCollege } from '@cpts/platform-reference';
import { RemindersService } from '@cpts/platform-reminders';
import { appendAudit, auditRows, checkChain } from './audit-chain';
import { DECISION_CLOSE, DECISION_VOTE_REMINDER, electorsOf, registerNumber } from './decision-closing';
import { DecisionMailer } from './decision-mailer';
import {
  AuditVerification,
  Decision,
  DecisionAuditEntry,
  DecisionComment,
  DecisionInput,
  DecisionSource,
  DecisionStatus,
  DecisionVoter,
  InstanceKind,
  RegisterArgs,
  VoteChoice,
} from './governance.types';
import { HELD_ON, InstancesService, PARIS_TODAY, PARIS_YEAR, statutesOf } from './instances.service';
import { outcomeOf, Result, Statutes } from './statutes';
import { VoteActor, VotingService } from './voting.service';

const NOT_FOUND = 'Décision introuvable.';
/** The shortest and the longest a written consultation may run. */
const MIN_OPEN_MS = 10 * 60 * 1000;
const MAX_OPEN_DAYS = 90;

/** Who drafts and reads decisions; members only read the AG's published ones. */
const DRAFTERS = [...CPTS_TEAM, Role.BOARD_MEMBER];

interface DecisionRow {
  id: string;
  instanceId: string;
  instanceName: string;
  instanceKind: InstanceKind;
  source: DecisionSource;
  title: string;
  context: string;
  question: string;
  options: VoteChoice[];
  amountCents: number | null;
  missions: string[];
  deadline: Date | null;
  status: DecisionStatus;
  statutes: Statutes | null;
  openedAt: Date | null;
  closedAt: Date | null;
  closedBecause: string | null;
  outcome: string | null;
  result: Result | null;
  registerYear: number | null;
  registerSeq: number | null;
  reopensId: string | null;
  subjectKind: string | null;
  subjectRef: string | null;
  reopenedById: string | null;
  meetingId: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  voterCount: number;
  votedCount: number;
}

export const DECISION_COLUMNS = `d.id, d.instance_id AS "instanceId", i.name AS "instanceName", i.kind AS "instanceKind", d.source, d.title, d.context, d.question, d.options,
  d.amount_cents::float8 AS "amountCents", d.missions, d.deadline, d.status, d.statutes, d.opened_at AS "openedAt", d.closed_at AS "closedAt",
  d.closed_because AS "closedBecause", d.outcome, d.result, d.register_year AS "registerYear", d.register_seq AS "registerSeq", d.reopens_id AS "reopensId", d.subject_kind AS "subjectKind", d.subject_ref AS "subjectRef",
  (SELECT r.id FROM governance_decisions r WHERE r.tenant_id = d.tenant_id AND r.reopens_id = d.id) AS "reopenedById",
  d.meeting_id AS "meetingId", d.published_at AS "publishedAt", d.created_at AS "createdAt", d.created_by AS "createdBy",
  (SELECT count(*)::int FROM governance_voters v WHERE v.tenant_id = d.tenant_id AND v.decision_id = d.id) AS "voterCount",
  (SELECT count(*)::int FROM governance_voters v WHERE v.tenant_id = d.tenant_id AND v.decision_id = d.id AND v.choice IS NOT NULL) AS "votedCount"`;
export const DECISION_FROM = `governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id`;

/** A decision row as the API shows it; `live`: the count so far of an open decision (its voters as they stand). */
export function toDecision(row: DecisionRow, live: Result | null): Decision {
  const result = row.result ?? live;
  return {
    ...row,
    missions: row.missions as Decision['missions'],
    outcome: row.outcome as Decision['outcome'],
    registerNumber: registerNumber(row.registerYear, row.registerSeq),
    statutes: row.statutes ? statutesOf(row.statutes) : null,
    tally: result ? result.tally : null,
    colleges: result ? result.colleges.map((c) => ({ ...c, outcome: c.outcome as NonNullable<Decision['outcome']> })) : [],
  };
}

/**
 * Decisions put to an instance: drafted by the team or a board member,
 * opened (the rules frozen, the voters fixed, the emails sent, the
 * reminders and the close scheduled), voted on (VotingService), closed
 * (DecisionCloser), re-opened once without quorum, published to the
 * members (the AG's); the register numbers them, the audit chain keeps
 * every step.
 */
@Injectable()
export class DecisionsService {
  private readonly mailer: DecisionMailer;

  constructor(
    private readonly db: Db,
    private readonly instances: InstancesService,
    private readonly people: PersonDirectory,
    private readonly reminders: RemindersService,
    private readonly outbox: MailOutbox,
    private readonly voting: VotingService,
    mail: MailEnv,
  ) {
    this.mailer = new DecisionMailer(db, mail);
  }

  async list(filter: { status?: DecisionStatus | null; instanceId?: string | null }): Promise<Decision[]> {
    const params: unknown[] = [requireTenantId()];
    const where = [...this.readableWhere(params)];
    if (filter.status) where.push(`d.status = $${params.push(filter.status)}`);
    if (filter.instanceId) where.push(`d.instance_id = $${params.push(filter.instanceId)}`);
    const rows = await this.db.tenantRows<DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.tenant_id = $1 ${where.map((w) => `AND ${w}`).join(' ')}
       ORDER BY array_position(ARRAY['open', 'draft', 'closed'], d.status), d.deadline NULLS LAST, d.closed_at DESC, d.id LIMIT 500`,
      params,
    );
    const decisions: Decision[] = [];
    for (const row of rows) decisions.push(await this.withLive(row));
    return decisions;
  }

  async get(id: string): Promise<Decision> {
    return this.withLive(await this.row(id));
  }

  /**
   * The register: closed decisions, newest number first, a page at a time.
   * `regionalRead` lets the regional read path reuse the query.
   */
  async register(args: RegisterArgs): Promise<Connection<Decision>> {
    const params: unknown[] = [requireTenantId()];
    // Every closed decision has its number (a CHECK): saying so lets the pages read the register's partial index
    // backwards, 51 rows a page, instead of sorting every closed decision of the CPTS for each page.
    const where = [`d.status = 'closed'`, `d.register_seq IS NOT NULL`, ...this.readableWhere(params)];
    if (args.year) where.push(`d.register_year = $${params.push(args.year)}`);
    if (args.instanceId) where.push(`d.instance_id = $${params.push(args.instanceId)}`);
    const filtered = where.map((w) => `AND ${w}`).join(' ');
    const keyset: string[] = [];
    if (args.after) {
      const [year, seq] = decodeCursor(args.after, 2);
      if (!Number.isInteger(year) || !Number.isInteger(seq)) throw AppError.field('after', 'Curseur de pagination invalide.');
      keyset.push(`AND (d.register_year, d.register_seq) < ($${params.push(year)}, $${params.push(seq)})`);
    }
    // One after the other: the statements share the transaction's one connection.
    const rows = await this.db.tenantRows<DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.tenant_id = $1 ${filtered} ${keyset.join(' ')}
       ORDER BY d.register_year DESC, d.register_seq DESC LIMIT ${args.first + 1}`,
      params,
    );
    const [{ total }] = await this.db.tenantRows<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${DECISION_FROM} WHERE d.tenant_id = $1 ${filtered}`,
      params.slice(0, params.length - keyset.length * 2),
    );
    return toConnection(
      rows.map((r) => toDecision(r, null)),
      args.first,
      total,
      (d) => [rows.find((r) => r.id === d.id)!.registerYear, rows.find((r) => r.id === d.id)!.registerSeq],
      Boolean(args.after),
    );
  }

  async create(input: DecisionInput): Promise<Decision> {
    this.requireDrafter();
    const instance = await this.instances.row(input.instanceId.toLowerCase());
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, created_by, updated_by)
       VALUES ($1, $2, $3, 'written', $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        requireTenantId(),
        id,
        instance.id,
        input.title,
        input.context,
        input.question,
        checkedOptions(input.options),
        input.amountCents ?? null,
        input.missions,
        input.deadline ?? null,
        requirePrincipal().userId,
      ],
    );
    return this.get(id);
  }

  /** Drafts only: once opened, what the voters were asked does not change. */
  async update(id: string, input: DecisionInput): Promise<Decision> {
    const row = await this.lockDraft(id);
    const instance = await this.instances.row(input.instanceId.toLowerCase());
    await this.db.tenantRows(
      `UPDATE governance_decisions SET instance_id = $3, title = $4, context = $5, question = $6, options = $7, amount_cents = $8, missions = $9, deadline = $10,
              updated_at = now(), updated_by = $11 WHERE tenant_id = $1 AND id = $2`,
      [
        requireTenantId(),
        row.id,
        instance.id,
        input.title,
        input.context,
        input.question,
        checkedOptions(input.options),
        input.amountCents ?? null,
        input.missions,
        input.deadline ?? null,
        requirePrincipal().userId,
      ],
    );
    return this.get(id);
  }

  /** A draft given up; `removeFile` takes its documents away first (DecisionDocumentsService.removeAllOf: rows now, bytes once committed). */
  async deleteDraft(id: string, removeFile: (decisionId: string) => Promise<void>): Promise<boolean> {
    const row = await this.lockDraft(id);
    await removeFile(row.id);
    await this.db.tenantRows(`DELETE FROM governance_decisions WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), row.id]);
    return true;
  }

  /**
   * Puts the draft to the vote: the instance's rules as they are now are
   * frozen on it, its voters are fixed (the current mandates, or the year's
   * active members at the AG), each gets the email with their own links,
   * and the reminders (48 h and 4 h before) and the close are scheduled.
   */
  async open(id: string): Promise<Decision> {
    const row = await this.lockDraft(id);
    if (!row.deadline) throw AppError.field('deadline', "Fixez l'échéance du vote avant de l'ouvrir.");
    await this.openRow(row.id, row.instanceId, row.deadline, null);
    return this.get(id);
  }

  /** Opens a decision already written (a draft, or one created by a spending request or a re-opening), in the caller's transaction. */
  async openRow(id: string, instanceId: string, deadline: Date, audit: Record<string, unknown> | null): Promise<void> {
    const tenantId = requireTenantId();
    if (deadline.getTime() < Date.now() + MIN_OPEN_MS) throw AppError.field('deadline', "L'échéance doit être au moins dans 10 minutes.");
    if (deadline.getTime() > Date.now() + MAX_OPEN_DAYS * 86_400_000)
      throw AppError.field('deadline', `L'échéance ne peut pas dépasser ${MAX_OPEN_DAYS} jours.`);
    const instance = await this.instances.row(instanceId);
    const voters = await this.electorate(instance.id, instance.kind);
    if (voters.length === 0)
      throw AppError.conflict(
        instance.kind === InstanceKind.AG
          ? "Aucun·e adhérent·e actif·ve cette année : il n'y a personne à consulter."
          : "Personne ne siège aujourd'hui dans cette instance : ajoutez les mandats avant d'ouvrir un vote.",
      );
    const statutes = statutesOf(instance.statutes);
    await this.db.tenantRows(
      `UPDATE governance_decisions SET status = 'open', statutes = $3, deadline = $4, opened_at = now(), opened_by = $5, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, JSON.stringify(statutes), deadline, requirePrincipal().userId],
    );
    await this.db.tenantRows(
      `INSERT INTO governance_voters (tenant_id, id, decision_id, professional_id, mandate_id, membership_id, college, name, email)
       SELECT $1, gen_random_uuid(), $2, u.professional_id, u.mandate_id, u.membership_id, u.college, u.name, u.email
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[]) AS u(professional_id, mandate_id, membership_id, college, name, email)`,
      [
        tenantId,
        id,
        voters.map((v) => v.professionalId),
        voters.map((v) => v.mandateId),
        voters.map((v) => v.membershipId),
        voters.map((v) => v.college),
        voters.map((v) => v.name),
        voters.map((v) => v.email),
      ],
    );
    const [d] = await this.db.tenantRows<{
      title: string;
      question: string;
      options: string[];
      amountCents: number | null;
      context: string;
    }>(
      `SELECT title, question, options, amount_cents::float8 AS "amountCents", context FROM governance_decisions WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    await appendAudit(this.db, tenantId, id, [
      {
        event: 'opened',
        actor: `user:${requirePrincipal().userId}`,
        channel: 'web',
        data: {
          ...d,
          instance: instance.id,
          deadline: deadline.toISOString(),
          statutes: { ...statutes },
          voters: voters.length,
          ...(audit ?? {}),
        },
      },
    ]);
    const emails = await this.mailer.compose(id, 'opening');
    await this.outbox.addMany(emails.map((e) => ({ kind: 'decision_opening', to: e.to, tenantId, email: e.email, secret: e.secret })));
    const soon = Date.now() + 5 * 60 * 1000;
    await this.reminders.schedule([
      { kind: DECISION_CLOSE, ref: id, fireAt: deadline },
      ...[48, 4]
        .map((h) => new Date(deadline.getTime() - h * 3_600_000))
        .filter((at) => at.getTime() > soon)
        .map((fireAt) => ({ kind: DECISION_VOTE_REMINDER, ref: id, fireAt })),
    ]);
  }

  /**
   * Opens at once a decision about another library's thing (DecisionSubject):
   * the bureau's or the CA's, with the three usual answers, in the caller's
   * transaction; its close applies the outcome to the subject. Returns its id.
   */
  async openForSubject(input: {
    instanceKind: InstanceKind.BUREAU | InstanceKind.CA;
    subjectKind: string;
    subjectRef: string;
    title: string;
    context: string;
    question: string;
    amountCents: number | null;
    missions: string[];
    deadline: Date;
    audit: Record<string, unknown>;
  }): Promise<string> {
    const instance = await this.instances.ofKind(input.instanceKind);
    if (!instance)
      throw AppError.conflict(
        `${input.instanceKind === InstanceKind.BUREAU ? 'Le bureau' : "Le conseil d'administration"} n'existe pas encore dans Gouvernance : créez l'instance et ses mandats avant de lui soumettre une décision.`,
      );
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, created_by, updated_by,
                                         subject_kind, subject_ref)
       VALUES ($1, $2, $3, 'written', $4, $5, $6, ARRAY['for', 'against', 'abstain'], $7, $8, $9, $10, $10, $11, $12)`,
      [
        requireTenantId(),
        id,
        instance.id,
        input.title.slice(0, 200),
        input.context,
        input.question.slice(0, 1000),
        input.amountCents,
        input.missions,
        input.deadline,
        requirePrincipal().userId,
        input.subjectKind,
        input.subjectRef,
      ],
    );
    await this.openRow(id, instance.id, input.deadline, input.audit);
    return id;
  }

  /** A decision closed without quorum, put to its instance again, once (as statutes usually allow); the caller copies its file (DecisionDocumentsService.copyAll). */
  async reopen(id: string, deadline: Date): Promise<Decision> {
    this.requireTeam();
    const row = await this.row(id, true);
    if (row.status !== DecisionStatus.CLOSED || row.outcome !== 'no_quorum')
      throw AppError.conflict('Seule une décision close faute de quorum peut être soumise à nouveau.');
    if (row.reopensId)
      throw AppError.conflict('Cette décision est déjà une seconde consultation : elle ne peut pas être soumise une troisième fois.');
    if (row.reopenedById) throw AppError.conflict('Cette décision a déjà été soumise une seconde fois.');
    if (row.source === DecisionSource.SESSION) throw AppError.conflict('Un vote en séance se reprend à la séance suivante, pas par écrit.');
    const newId = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, reopens_id, created_by, updated_by,
                                         subject_kind, subject_ref)
       SELECT tenant_id, $3, instance_id, source, title, context, question, options, amount_cents, missions, $4, id, $5, $5, subject_kind, subject_ref
       FROM governance_decisions WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), row.id, newId, deadline, requirePrincipal().userId],
    );
    await this.openRow(newId, row.instanceId, deadline, { reopens: row.id });
    await appendAudit(this.db, requireTenantId(), row.id, [
      {
        event: 'reopened',
        actor: `user:${requirePrincipal().userId}`,
        channel: 'web',
        data: { as: newId, deadline: deadline.toISOString() },
      },
    ]);
    return this.get(newId);
  }

  /** An AG decision, closed, made readable by the members. */
  async publish(id: string): Promise<Decision> {
    this.requireTeam();
    const row = await this.row(id, true);
    if (row.instanceKind !== InstanceKind.AG)
      throw AppError.conflict("Seules les décisions de l'assemblée générale se publient aux adhérents.");
    if (row.status !== DecisionStatus.CLOSED) throw AppError.conflict('Une décision se publie une fois close.');
    if (!row.publishedAt) {
      await this.db.tenantRows(`UPDATE governance_decisions SET published_at = now() WHERE tenant_id = $1 AND id = $2`, [
        requireTenantId(),
        row.id,
      ]);
      await appendAudit(this.db, requireTenantId(), row.id, [
        { event: 'published', actor: `user:${requirePrincipal().userId}`, channel: 'web', data: {} },
      ]);
    }
    return this.get(id);
  }

  /** The voters, with what each may see: the team sees every vote; a voter sees their own, and the others' once closed. */
  async voters(decision: Decision): Promise<DecisionVoter[]> {
    const me = await this.myVoterId(decision.id);
    const seeAll = hasAnyRole(requirePrincipal(), CPTS_TEAM) || decision.status === DecisionStatus.CLOSED;
    if (!seeAll && !me && !hasRole(requirePrincipal(), Role.BOARD_MEMBER)) return [];
    // The proxies each holds, grouped once for the decision (they are given within it: VotingService.giveProxy); a
    // subquery per voter read the CPTS's every voter for each (2.8 s for an AG of 2,000 in a CPTS of 12,000 voters).
    const rows = await this.db.tenantRows<Omit<DecisionVoter, 'holdsProxiesOf'> & { holdsProxiesOf: string[] | null }>(
      `SELECT v.id, v.name, v.college, v.choice IS NOT NULL AS voted, v.choice, v.voted_at AS "votedAt", v.channel, v.changes,
              v.conflict_at IS NOT NULL AS conflict, v.conflict_note AS "conflictNote", v.proxy_to AS "proxyToId", h.name AS "proxyToName",
              g.names AS "holdsProxiesOf"
       FROM governance_voters v LEFT JOIN governance_voters h ON h.tenant_id = v.tenant_id AND h.id = v.proxy_to
       LEFT JOIN (SELECT proxy_to, array_agg(name ORDER BY name) AS names FROM governance_voters
                  WHERE tenant_id = $1 AND decision_id = $2 AND proxy_to IS NOT NULL GROUP BY proxy_to) g ON g.proxy_to = v.id
       WHERE v.tenant_id = $1 AND v.decision_id = $2 ORDER BY v.college NULLS FIRST, lower(v.name), v.id`,
      [requireTenantId(), decision.id],
    );
    return rows.map((r) => ({ ...r, choice: seeAll || r.id === me ? r.choice : null, holdsProxiesOf: r.holdsProxiesOf ?? [] }));
  }

  comments(decisionId: string): Promise<DecisionComment[]> {
    return this.db.tenantRows<DecisionComment>(
      `SELECT id, author_name AS "authorName", body, created_at AS "createdAt" FROM governance_comments WHERE tenant_id = $1 AND decision_id = $2 ORDER BY created_at, id`,
      [requireTenantId(), decisionId],
    );
  }

  /** A comment by the team (or a voter signed in, as themself). */
  async addComment(decisionId: string, body: string): Promise<DecisionComment[]> {
    const decision = await this.row(decisionId, true);
    const mine = await this.myVoterId(decision.id);
    if (mine) {
      await this.voting.comment(mine, body, this.webActor());
    } else {
      this.requireTeam();
      if (decision.status !== DecisionStatus.OPEN) throw AppError.conflict('Les commentaires sont fermés : la décision est close.');
      const [user] = await this.db.rows<{ name: string }>(`SELECT display_name AS name FROM users WHERE id = $1`, [
        requirePrincipal().userId,
      ]);
      const id = randomUUID();
      await this.db.tenantRows(
        `INSERT INTO governance_comments (tenant_id, id, decision_id, user_id, author_name, body) VALUES ($1, $2, $3, $4, $5, $6)`,
        [requireTenantId(), id, decision.id, requirePrincipal().userId, user.name, body],
      );
      await appendAudit(this.db, requireTenantId(), decision.id, [
        { event: 'comment', actor: `user:${requirePrincipal().userId}`, channel: 'web', data: { comment: id } },
      ]);
    }
    return this.comments(decision.id);
  }

  /** The caller's own row among the voters: the person of the directory with the user's address. */
  async myVoterId(decisionId: string): Promise<string | null> {
    const [row] = await this.db.tenantRows<{ id: string }>(
      `SELECT v.id FROM governance_voters v WHERE v.tenant_id = $1 AND v.decision_id = $2
         AND lower(v.email) = (SELECT u.email FROM users u WHERE u.id = $3) LIMIT 1`,
      [requireTenantId(), decisionId, requirePrincipal().userId],
    );
    return row?.id ?? null;
  }

  /** Signed in: the caller votes, declares a conflict, gives a proxy, as themself only. */
  async actAsVoter<T>(decisionId: string, act: (voterId: string, by: VoteActor) => Promise<T>): Promise<Decision> {
    const decision = await this.row(decisionId);
    const mine = await this.myVoterId(decision.id);
    if (!mine)
      throw AppError.forbidden("Vous n'êtes pas consulté·e sur cette décision : seules les personnes qui siègent dans l'instance votent.");
    await act(mine, this.webActor());
    return this.get(decision.id);
  }

  async audit(decisionId: string): Promise<DecisionAuditEntry[]> {
    const decision = await this.row(decisionId);
    this.requireAuditReader();
    const rows = await auditRows(this.db, requireTenantId(), decision.id);
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      event: r.event,
      actor: r.actor,
      channel: r.channel,
      data: JSON.stringify(r.data),
      hash: r.hash,
    }));
  }

  /**
   * Recomputes the chain, then replays it against the votes as they stand:
   * each voter's last vote, conflict and proxy in the chain must be what the
   * table holds, so a vote changed in the table behind the chain's back is
   * reported too.
   */
  async verify(decisionId: string): Promise<AuditVerification> {
    const decision = await this.row(decisionId);
    this.requireAuditReader();
    const tenantId = requireTenantId();
    const rows = await auditRows(this.db, tenantId, decision.id);
    const chain = checkChain(tenantId, decision.id, rows);
    if (!chain.ok) return chain;
    const replay = new Map<string, { choice: string | null; conflict: boolean; proxyTo: string | null }>();
    const of = (id: string) => replay.get(id) ?? { choice: null, conflict: false, proxyTo: null };
    for (const r of rows) {
      const voter = r.data.voter as string | undefined;
      if (!voter) continue;
      if (r.event === 'vote' || r.event === 'vote_changed') replay.set(voter, { ...of(voter), choice: r.data.choice as string });
      if (r.event === 'conflict') replay.set(voter, { choice: null, conflict: true, proxyTo: null });
      if (r.event === 'proxy_given') replay.set(voter, { ...of(voter), proxyTo: r.data.holder as string });
      if (r.event === 'proxy_withdrawn') replay.set(voter, { ...of(voter), proxyTo: null });
    }
    const electors = await electorsOf(this.db, decision.id);
    for (const e of electors) {
      const expected = of(e.id);
      if (expected.choice !== e.vote || expected.conflict !== Boolean(e.conflict) || expected.proxyTo !== (e.proxyTo ?? null))
        return {
          ok: false,
          entries: rows.length,
          brokenAt: null,
          problem: "Les votes enregistrés ne correspondent plus au journal : un vote a été modifié en dehors de l'application.",
        };
    }
    return chain;
  }

  /** The decision's row, if the caller may read it; `lock`: for a change. */
  async row(id: string, lock = false): Promise<DecisionRow> {
    const params: unknown[] = [requireTenantId(), id];
    const where = this.readableWhere(params);
    const [row] = await this.db.tenantRows<DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.tenant_id = $1 AND d.id = $2 ${where.map((w) => `AND ${w}`).join(' ')}${lock ? ' FOR NO KEY UPDATE OF d' : ''}`,
      params,
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  requireTeam(): void {
    if (!hasAnyRole(requirePrincipal(), CPTS_TEAM)) throw AppError.forbidden("Seule l'équipe de la CPTS fait cela.");
  }

  private requireDrafter(): void {
    if (!hasAnyRole(requirePrincipal(), DRAFTERS))
      throw AppError.forbidden("Seuls l'équipe et les membres du bureau préparent une décision.");
  }

  private requireAuditReader(): void {
    if (!hasAnyRole(requirePrincipal(), DRAFTERS)) throw AppError.forbidden();
  }

  private webActor(): VoteActor {
    return { channel: 'web', actor: `user:${requirePrincipal().userId}` };
  }

  /** Members (without another role) read the AG's published decisions only. */
  private readableWhere(_params: unknown[]): string[] {
    const principal = requirePrincipal();
    if (hasAnyRole(principal, DRAFTERS)) return [];
    if (hasRole(principal, Role.MEMBER)) return [`i.kind = 'ag'`, `d.status = 'closed'`, `d.published_at IS NOT NULL`];
    return ['false'];
  }

  /** The team changes any draft; a board member their own. */
  canEditDraft(decision: { status: DecisionStatus; createdBy?: string | null }): boolean {
    if (decision.status !== DecisionStatus.DRAFT) return false;
    return (
      hasAnyRole(requirePrincipal(), CPTS_TEAM) ||
      (hasRole(requirePrincipal(), Role.BOARD_MEMBER) && decision.createdBy === requirePrincipal().userId)
    );
  }

  private async lockDraft(id: string): Promise<DecisionRow> {
    this.requireDrafter();
    const row = await this.row(id, true);
    if (row.status !== DecisionStatus.DRAFT)
      throw AppError.conflict('Cette décision est déjà soumise au vote : elle ne peut plus être modifiée.');
    if (!this.canEditDraft(row))
      throw AppError.forbidden(
        "Un·e membre du bureau modifie ou soumet les décisions qu'il ou elle a préparées ; les autres reviennent à l'équipe.",
      );
    return row;
  }

  private async withLive(row: DecisionRow): Promise<Decision> {
    if (row.status !== DecisionStatus.OPEN || !row.statutes) return toDecision(row, null);
    return toDecision(row, outcomeOf(await electorsOf(this.db, row.id), row.statutes));
  }

  /** Who votes on a decision of the instance today: its current mandates, or the AG's active members of the year. */
  private async electorate(
    instanceId: string,
    kind: InstanceKind,
  ): Promise<
    Array<{
      professionalId: string;
      mandateId: string | null;
      membershipId: string | null;
      college: string | null;
      name: string;
      email: string | null;
    }>
  > {
    const tenantId = requireTenantId();
    const seats =
      kind === InstanceKind.AG
        ? (
            await this.db.tenantRows<{ professionalId: string; membershipId: string; college: MembershipCollege }>(
              `SELECT professional_id AS "professionalId", id AS "membershipId", college FROM memberships WHERE tenant_id = $1 AND year = ${PARIS_YEAR} AND status = 'active'`,
              [tenantId],
            )
          ).map((r) => ({
            professionalId: r.professionalId,
            mandateId: null,
            membershipId: r.membershipId,
            college: COLLEGE_LABELS_FR[r.college],
          }))
        : (
            await this.db.tenantRows<{ professionalId: string; mandateId: string; college: string | null }>(
              `SELECT DISTINCT ON (m.professional_id) m.professional_id AS "professionalId", m.id AS "mandateId", c.name AS college
               FROM governance_mandates m LEFT JOIN governance_colleges c ON c.tenant_id = m.tenant_id AND c.id = m.college_id
               WHERE m.tenant_id = $1 AND m.instance_id = $2 AND ${HELD_ON('m', PARIS_TODAY)} ORDER BY m.professional_id, m.starts_on DESC`,
              [tenantId, instanceId],
            )
          ).map((r) => ({ ...r, membershipId: null }));
    const people = await this.people.resolve(seats.map((s) => s.professionalId));
    // A record merged since its mandate was entered votes under the record it was merged into, once.
    const seen = new Set<string>();
    return seats.flatMap((s) => {
      const p = people.get(s.professionalId);
      if (!p || p.erased || seen.has(p.id)) return [];
      seen.add(p.id);
      return [{ ...s, professionalId: p.id, name: `${p.firstName} ${p.lastName}`.trim(), email: p.email?.toLowerCase() ?? null }];
    });
  }
}

function checkedOptions(options: VoteChoice[]): VoteChoice[] {
  if (!options.includes(VoteChoice.FOR) || !options.includes(VoteChoice.AGAINST))
    throw AppError.field('options', 'Une décision se vote au moins pour ou contre.');
  return [VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN].filter((o) => options.includes(o));
}
