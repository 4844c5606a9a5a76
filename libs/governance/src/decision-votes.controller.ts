import { Body, Controller, Get, Header, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, Public, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { registerNumber } from './decision-closing';
import { DecisionLinks, VoterTarget } from './decision-links';
import { Result } from './statutes';
import { VoteActor, VotingService } from './voting.service';

const INVALID_LINK = "Ce lien de vote n'est pas valide : vérifiez qu'il a été copié en entier depuis le message.";

/** What the vote page shows: the decision's file, the person's own answer, and what they may still do. */
export interface VotePageView {
  cptsName: string;
  instanceName: string;
  title: string;
  context: string;
  question: string;
  options: string[];
  amountCents: number | null;
  missions: string[];
  deadline: Date;
  status: string;
  /** Why the person can no longer act (closed, past the deadline, mandate ended), in French; null while they can. */
  closed: string | null;
  outcome: string | null;
  registerNumber: string | null;
  /** The final count, once closed. */
  tally: Result['tally'] | null;
  /** Votes expressed (in person or by proxy) among the voters who count (no conflict declared). */
  participation: { voted: number; total: number };
  voter: { name: string; choice: string | null; conflict: boolean; proxyToId: string | null; holdsProxiesOf: string[] };
  /** Proxies one may hold under the rules of the decision (0: none). */
  proxiesPerHolder: number;
  /** The other voters, to give a proxy to. */
  others: Array<{ id: string; name: string }>;
  comments: Array<{ authorName: string; body: string; createdAt: Date }>;
  documents: Array<{ id: string; fileName: string; bytes: number; url: string }>;
}

/**
 * The voter's side of a decision, without login: the signed link names one
 * voter of one decision in one CPTS; each use runs in a transaction of its
 * own confined to that CPTS. Reading records nothing (mail scanners open
 * links); only the page's POSTs act, through VotingService, with the
 * channel "link" in the audit chain.
 */
@Injectable()
export class DecisionVotesService {
  private readonly links: DecisionLinks;
  /** The last link action queued per CPTS in this process (see inTurn). */
  private readonly turns = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly voting: VotingService,
    mail: MailEnv,
  ) {
    this.links = DecisionLinks.fromEnv(mail);
  }

  view(token: string): Promise<VotePageView> {
    return this.withVoter(token, 'decision-vote-view', (target) => this.page(token, target.voterId, false));
  }

  act(token: string, action: 'vote' | 'conflict' | 'proxy' | 'comment', body: unknown): Promise<VotePageView> {
    const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    return this.inTurn(this.voterOf(token).tenantId, () =>
      this.withVoter(token, `decision-${action}`, async (target) => {
        const by: VoteActor = { channel: 'link', actor: `voter:${target.voterId}` };
        if (action === 'vote') await this.voting.vote(target.voterId, b.choice, by);
        if (action === 'conflict') await this.voting.declareConflict(target.voterId, b.note, by);
        if (action === 'proxy') await this.voting.giveProxy(target.voterId, b.holderId ?? null, by);
        if (action === 'comment') await this.voting.comment(target.voterId, b.body, by);
        return this.page(token, target.voterId, true);
      }),
    );
  }

  /**
   * One link action of a CPTS at a time in this process. Actions on a
   * decision queue on its row lock anyway; queued there, a burst (an AG's
   * 400 members answering the same email) held every connection of the pool
   * idle on that lock, starving every other request, and those beyond the
   * pool failed after its 5 s wait. Queued here, a burst uses one
   * connection per process; the row lock still orders the processes.
   */
  private inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.turns.get(key) ?? Promise.resolve()).then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(key, tail);
    void tail.then(() => {
      if (this.turns.get(key) === tail) this.turns.delete(key);
    });
    return run;
  }

  /** The voter named by a token, in their CPTS's transaction; for the documents' downloads. */
  voterOf(token: string): VoterTarget {
    const target = this.links.read(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    return target;
  }

  private withVoter<T>(token: string, label: string, fn: (target: VoterTarget) => Promise<T>): Promise<T> {
    const target = this.voterOf(token);
    return this.db.runApart({ tenantId: target.tenantId, label }, () => fn(target));
  }

  private async page(token: string, voterId: string, locked: boolean): Promise<VotePageView> {
    const tenantId = requireTenantId();
    const v = await this.voting.lockVoter(voterId, locked);
    const [d] = await this.db.tenantRows<
      Omit<
        VotePageView,
        'closed' | 'voter' | 'proxiesPerHolder' | 'others' | 'comments' | 'documents' | 'registerNumber' | 'tally' | 'participation'
      > & {
        registerYear: number | null;
        registerSeq: number | null;
        result: Result | null;
        voted: number;
        total: number;
      }
    >(
      `SELECT t.name AS "cptsName", i.name AS "instanceName", d.title, d.context, d.question, d.options, d.amount_cents::float8 AS "amountCents", d.missions, d.deadline,
              d.status, d.outcome, d.register_year AS "registerYear", d.register_seq AS "registerSeq", d.result,
              -- Votes expressed, in person or carried by a proxy, among those who count (no conflict declared): the count's participation.
              (SELECT count(*)::int FROM governance_voters x LEFT JOIN governance_voters h ON h.tenant_id = x.tenant_id AND h.id = x.proxy_to
               WHERE x.tenant_id = d.tenant_id AND x.decision_id = d.id AND x.conflict_at IS NULL
                 AND (x.choice IS NOT NULL OR (h.choice IS NOT NULL AND h.conflict_at IS NULL))) AS voted,
              (SELECT count(*)::int FROM governance_voters x WHERE x.tenant_id = d.tenant_id AND x.decision_id = d.id AND x.conflict_at IS NULL) AS total
       FROM governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id JOIN tenants t ON t.id = d.tenant_id
       WHERE d.tenant_id = $1 AND d.id = $2`,
      [tenantId, v.decisionId],
    );
    // One after the other: the statements share the transaction's one connection.
    const others = await this.db.tenantRows<{ id: string; name: string }>(
      `SELECT id, name FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 AND id <> $3 AND conflict_at IS NULL ORDER BY lower(name), id`,
      [tenantId, v.decisionId, voterId],
    );
    const comments = await this.db.tenantRows<{ authorName: string; body: string; createdAt: Date }>(
      `SELECT author_name AS "authorName", body, created_at AS "createdAt" FROM governance_comments WHERE tenant_id = $1 AND decision_id = $2 ORDER BY created_at, id`,
      [tenantId, v.decisionId],
    );
    const documents = await this.db.tenantRows<{ id: string; fileName: string; bytes: number }>(
      `SELECT id, file_name AS "fileName", bytes::float8 AS bytes FROM decision_documents WHERE tenant_id = $1 AND decision_id = $2 ORDER BY uploaded_at, id`,
      [tenantId, v.decisionId],
    );
    // Proxies are given within a decision (VotingService.giveProxy): its voters, by the decision's index, not the whole CPTS's.
    const holds = await this.db.tenantRows<{ name: string }>(
      `SELECT name FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 AND proxy_to = $3 ORDER BY lower(name)`,
      [tenantId, v.decisionId, voterId],
    );
    const { registerYear, registerSeq, result, voted, total, ...rest } = d;
    return {
      ...rest,
      closed: this.voting.closedReason(v),
      registerNumber: registerNumber(registerYear, registerSeq),
      tally: result?.tally ?? null,
      participation: { voted, total },
      voter: { name: v.name, choice: v.choice, conflict: v.conflict, proxyToId: v.proxyTo, holdsProxiesOf: holds.map((h) => h.name) },
      proxiesPerHolder: v.statutes.proxiesPerHolder,
      others,
      comments,
      documents: documents.map((doc) => ({ ...doc, url: `/api/public/decisions/${token}/documents/${doc.id}` })),
    };
  }
}

/**
 * The vote page's API (/api/public/decisions/<token>): read, vote, declare
 * a conflict, give a proxy, comment. Under /api/public/, so limited per
 * client address; answers the page as it now stands.
 */
@Controller('api/public/decisions')
export class DecisionVotesController {
  constructor(private readonly votes: DecisionVotesService) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  page(@Param('token') token: string): Promise<VotePageView> {
    return this.votes.view(token);
  }

  @Post(':token/vote')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  vote(@Param('token') token: string, @Body() body: unknown): Promise<VotePageView> {
    return this.votes.act(token, 'vote', body);
  }

  @Post(':token/conflict')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  conflict(@Param('token') token: string, @Body() body: unknown): Promise<VotePageView> {
    return this.votes.act(token, 'conflict', body);
  }

  @Post(':token/proxy')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  proxy(@Param('token') token: string, @Body() body: unknown): Promise<VotePageView> {
    return this.votes.act(token, 'proxy', body);
  }

  @Post(':token/comment')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  comment(@Param('token') token: string, @Body() body: unknown): Promise<VotePageView> {
    return this.votes.act(token, 'comment', body);
  }
}
