import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { RemindersService } from '@cpts/platform-reminders';
import { appendAudit, AuditChannel } from './audit-chain';
import { DecisionCloser, electorsOf } from './decision-closing';
import { HELD_ON, PARIS_TODAY } from './instances.service';
import { Choice, proxyProblems, Statutes } from './statutes';

/** Who acts on a voter's behalf: the voter from their link, or a signed-in user (their own row, or the team recording it). */
export interface VoteActor {
  channel: Extract<AuditChannel, 'link' | 'web'>;
  /** "voter:<id>" or "user:<id>". */
  actor: string;
}

export interface VoterRow {
  id: string;
  decisionId: string;
  name: string;
  choice: Choice | null;
  conflict: boolean;
  proxyTo: string | null;
  status: string;
  /** The deadline has passed (the close may not have run yet). */
  due: boolean;
  /** The mandate (or the membership, at the AG) that gave the vote still holds. */
  seated: boolean;
  statutes: Statutes;
}

const CHOICES: readonly string[] = ['for', 'against', 'abstain'];

/**
 * What a voter does on a decision, from the email link or signed in: vote
 * and change their vote, declare a conflict of interest, give (or take back)
 * a proxy, comment. Each runs in the caller's tenant transaction under the
 * decision's row lock (so the audit chain and "everyone has voted" see one
 * order), checks the decision is still open and the person still sits, and
 * writes its entry in the chain. The last vote closes the decision early.
 */
@Injectable()
export class VotingService {
  private readonly closer: DecisionCloser;

  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    reminders: RemindersService,
    mail: MailEnv,
  ) {
    this.closer = new DecisionCloser(db, mail, reminders);
  }

  /** The voter and their decision, the decision's row locked unless only read (`lock` false). NOT_FOUND when the voter is gone. */
  async lockVoter(voterId: string, lock = true): Promise<VoterRow> {
    const tenantId = requireTenantId();
    const [decision] = await this.db.tenantRows<{ decisionId: string }>(
      `SELECT decision_id AS "decisionId" FROM governance_voters WHERE tenant_id = $1 AND id = $2`,
      [tenantId, voterId],
    );
    if (!decision) throw AppError.notFound('Ce lien de vote ne correspond plus à aucune personne consultée.');
    const [row] = await this.db.tenantRows<VoterRow>(
      `SELECT v.id, v.decision_id AS "decisionId", v.name, v.choice, v.conflict_at IS NOT NULL AS conflict, v.proxy_to AS "proxyTo",
              d.status, d.deadline <= now() AS due, d.statutes,
              CASE WHEN v.mandate_id IS NOT NULL
                   THEN EXISTS (SELECT 1 FROM governance_mandates m WHERE m.tenant_id = v.tenant_id AND m.id = v.mandate_id AND ${HELD_ON('m', PARIS_TODAY)})
                   WHEN v.membership_id IS NOT NULL
                   THEN EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = v.tenant_id AND s.id = v.membership_id AND s.status = 'active')
                   ELSE true END AS seated
       FROM governance_decisions d JOIN governance_voters v ON v.tenant_id = d.tenant_id AND v.decision_id = d.id
       WHERE d.tenant_id = $1 AND d.id = $2 AND v.id = $3${lock ? ' FOR NO KEY UPDATE OF d' : ''}`,
      [tenantId, decision.decisionId, voterId],
    );
    return row;
  }

  /** Why the voter can no longer act, in French; null while they can. */
  closedReason(v: Pick<VoterRow, 'status' | 'due' | 'seated'>): string | null {
    if (v.status === 'closed') return 'Ce vote est clos : la décision a été comptée.';
    if (v.status !== 'open') return "Ce vote n'est pas ouvert.";
    if (v.due) return "L'échéance de ce vote est passée : il n'est plus possible de voter.";
    if (!v.seated) return 'Votre mandat dans cette instance a pris fin : vous ne pouvez plus voter sur cette décision.';
    return null;
  }

  async vote(voterId: string, choice: unknown, by: VoteActor): Promise<VoterRow> {
    if (typeof choice !== 'string' || !CHOICES.includes(choice)) throw AppError.field('choice', 'Choisissez : pour, contre ou abstention.');
    const v = await this.open(voterId);
    const [{ options }] = await this.db.tenantRows<{ options: string[] }>(
      `SELECT options FROM governance_decisions WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), v.decisionId],
    );
    if (!options.includes(choice))
      throw AppError.field('choice', "L'abstention n'est pas proposée pour cette décision : votez pour ou contre.");
    if (v.conflict) throw AppError.conflict("Vous avez déclaré un conflit d'intérêts sur cette décision : vous ne votez pas.");
    if (v.choice === choice) return v; // the same answer again (a second tap): nothing changes
    const changed = v.choice !== null;
    await this.db.tenantRows(
      `UPDATE governance_voters SET choice = $3, voted_at = now(), channel = $4, changes = changes + $5 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), voterId, choice, by.channel, changed ? 1 : 0],
    );
    await appendAudit(this.db, requireTenantId(), v.decisionId, [
      {
        event: changed ? 'vote_changed' : 'vote',
        actor: by.actor,
        channel: by.channel,
        data: { voter: voterId, choice, ...(changed ? { previous: v.choice } : {}) },
      },
    ]);
    await this.closeIfEveryoneVoted(v.decisionId);
    return { ...v, choice: choice as Choice };
  }

  /** Out of the quorum and the count for this decision; a vote already given is withdrawn, a proxy given too. */
  async declareConflict(voterId: string, note: unknown, by: VoteActor): Promise<VoterRow> {
    const text = typeof note === 'string' ? note.trim() : '';
    if (text.length > 1000) throw AppError.field('note', 'La précision ne peut pas dépasser 1 000 caractères.');
    const v = await this.open(voterId);
    if (v.conflict) return v;
    await this.db.tenantRows(
      `UPDATE governance_voters SET conflict_at = now(), conflict_note = $3, choice = NULL, voted_at = NULL, channel = NULL, proxy_to = NULL, proxy_at = NULL
       WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), voterId, text || null],
    );
    await appendAudit(this.db, requireTenantId(), v.decisionId, [
      {
        event: 'conflict',
        actor: by.actor,
        channel: by.channel,
        data: { voter: voterId, note: text || null, withdrawnVote: v.choice, withdrawnProxyTo: v.proxyTo },
      },
    ]);
    await this.closeIfEveryoneVoted(v.decisionId);
    return { ...v, conflict: true, choice: null, proxyTo: null };
  }

  /** Gives the voter's vote to another voter of the decision (null: takes it back), within the statutes' limit. */
  async giveProxy(voterId: string, holderId: unknown, by: VoteActor): Promise<VoterRow> {
    if (holderId !== null && (typeof holderId !== 'string' || !/^[0-9a-f-]{36}$/i.test(holderId)))
      throw AppError.field('holderId', 'Choisissez la personne à qui donner pouvoir.');
    const v = await this.open(voterId);
    const holder = holderId === null ? null : holderId.toLowerCase();
    if (holder === v.proxyTo) return v;
    if (holder !== null) {
      if (v.statutes.proxiesPerHolder === 0) throw AppError.conflict('Les statuts ne prévoient pas de pouvoir pour cette instance.');
      if (v.conflict)
        throw AppError.conflict("Vous avez déclaré un conflit d'intérêts : vous ne pouvez pas donner pouvoir sur cette décision.");
      if (v.choice !== null) throw AppError.conflict('Vous avez déjà voté : votre vote compte, un pouvoir ne servirait pas.');
      const electors = (await electorsOf(this.db, v.decisionId)).map((e) => (e.id === voterId ? { ...e, proxyTo: holder } : e));
      if (!electors.some((e) => e.id === holder))
        throw AppError.field('holderId', "Cette personne n'est pas consultée sur cette décision.");
      if (electors.find((e) => e.id === holder)?.conflict)
        throw AppError.conflict("Cette personne a déclaré un conflit d'intérêts : elle ne vote pas sur cette décision.");
      const held = electors.filter((e) => e.proxyTo === voterId);
      if (held.length > 0)
        throw AppError.conflict(
          'Vous détenez déjà un pouvoir : un pouvoir ne se transmet pas, vous ne pouvez donc pas donner le vôtre. Votez pour vous et pour la personne que vous représentez.',
        );
      const before = new Set(proxyProblems(await electorsOf(this.db, v.decisionId), v.statutes).map((p) => p.from));
      const problem = proxyProblems(electors, v.statutes).find((p) => p.from === voterId || !before.has(p.from));
      if (problem) throw AppError.conflict(problem.message);
    }
    await this.db.tenantRows(
      `UPDATE governance_voters SET proxy_to = $3, proxy_at = CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), voterId, holder],
    );
    await appendAudit(this.db, requireTenantId(), v.decisionId, [
      holder === null
        ? { event: 'proxy_withdrawn', actor: by.actor, channel: by.channel, data: { voter: voterId, holder: v.proxyTo } }
        : { event: 'proxy_given', actor: by.actor, channel: by.channel, data: { voter: voterId, holder } },
    ]);
    await this.closeIfEveryoneVoted(v.decisionId);
    return { ...v, proxyTo: holder };
  }

  /** A comment seen by the other voters and the team, while the decision is open. */
  async comment(voterId: string, body: unknown, by: VoteActor): Promise<void> {
    const text = typeof body === 'string' ? body.trim() : '';
    if (!text) throw AppError.field('body', 'Le commentaire est vide.');
    if (text.length > 5000) throw AppError.field('body', 'Le commentaire ne peut pas dépasser 5 000 caractères.');
    const v = await this.open(voterId);
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO governance_comments (tenant_id, id, decision_id, voter_id, author_name, body) VALUES ($1, $2, $3, $4, $5, $6)`,
      [requireTenantId(), id, v.decisionId, voterId, v.name, text],
    );
    await appendAudit(this.db, requireTenantId(), v.decisionId, [
      { event: 'comment', actor: by.actor, channel: by.channel, data: { voter: voterId, comment: id } },
    ]);
  }

  private async open(voterId: string): Promise<VoterRow> {
    const v = await this.lockVoter(voterId);
    const closed = this.closedReason(v);
    if (closed) throw AppError.conflict(closed);
    return v;
  }

  private async closeIfEveryoneVoted(decisionId: string): Promise<void> {
    // Asked of PostgreSQL first, so that every vote but the last reads one row instead of the whole electorate (2,000
    // at an AG): someone eligible, and nobody eligible without a vote of their own or one carried by a proxy (a holder
    // of the same decision who voted and declared no conflict): the count's `participating === eligible`
    // (statutes.ts). The closer then counts with the statutes' arithmetic and closes only if everyoneVoted holds.
    const [{ allVoted }] = await this.db.tenantRows<{ allVoted: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM governance_voters v WHERE v.tenant_id = $1 AND v.decision_id = $2 AND v.conflict_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM governance_voters v
                          LEFT JOIN governance_voters h ON h.tenant_id = v.tenant_id AND h.id = v.proxy_to AND h.decision_id = v.decision_id
                          WHERE v.tenant_id = $1 AND v.decision_id = $2 AND v.conflict_at IS NULL AND v.choice IS NULL
                            AND (h.id IS NULL OR h.choice IS NULL OR h.conflict_at IS NOT NULL)) AS "allVoted"`,
      [requireTenantId(), decisionId],
    );
    if (!allVoted) return;
    const emails = await this.closer.close(decisionId, 'all_voted');
    if (emails?.length)
      await this.outbox.addMany(
        emails.map((e) => ({ kind: 'decision_outcome', to: e.to, tenantId: requireTenantId(), email: e.email, secret: e.secret })),
      );
  }
}
