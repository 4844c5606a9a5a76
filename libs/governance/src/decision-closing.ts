import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RenderedEmail, RetryLater } from '@cpts/platform-mail';
import { RemindersService } from '@cpts/platform-reminders';
import { appendAudit } from './audit-chain';
import { outcomeEmail } from './decision-emails';
import { DecisionLinks } from './decision-links';
import { DecisionSubjects } from './decision-subjects';
import { Choice, Elector, outcomeOf, Result, Statutes } from './statutes';

export const DECISION_CLOSE = 'governance.decision_close';
export const DECISION_VOTE_REMINDER = 'governance.vote_reminder';

/** "2026-014": the register's number of a decision. */
export const registerNumber = (year: number | null, seq: number | null) => (year && seq ? `${year}-${String(seq).padStart(3, '0')}` : null);

/** The voters of a decision as the statutes' arithmetic reads them. */
export async function electorsOf(db: Db, decisionId: string): Promise<Elector[]> {
  const rows = await db.tenantRows<{
    id: string;
    college: string | null;
    choice: Choice | null;
    conflict: boolean;
    proxyTo: string | null;
  }>(
    `SELECT id, college, choice, conflict_at IS NOT NULL AS conflict, proxy_to AS "proxyTo" FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`,
    [requireTenantId(), decisionId],
  );
  return rows.map((r) => ({ id: r.id, college: r.college, vote: r.choice, conflict: r.conflict, proxyTo: r.proxyTo }));
}

/** Everyone who counts has expressed a vote, in person or through a proxy: nothing is left to wait for. */
export function everyoneVoted(result: Result): boolean {
  return result.tally.eligible > 0 && result.tally.participating === result.tally.eligible;
}

/** The next number of the register for the Paris year of now, taken under the counter's row lock. */
export async function nextRegisterNumber(db: Db): Promise<{ year: number; seq: number }> {
  const [row] = await db.tenantRows<{ year: number; last: number }>(
    `INSERT INTO governance_register_counters (tenant_id, year, last) VALUES ($1, extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = governance_register_counters.last + 1 RETURNING year, last`,
    [requireTenantId()],
  );
  return { year: row.year, seq: row.last };
}

export type CloseReason = 'deadline' | 'all_voted';

/**
 * Closes an open decision: the outcome from the rules frozen at its
 * opening, the next number of the register, the chain's "closed" entry, and
 * the outcome's emails to every voter and the team (returned: the caller
 * writes them to the outbox in the same transaction). Nothing when it is
 * already closed (the deadline's job and the last vote may race: the row
 * lock makes one of them find it closed). Runs in the gateway (the last
 * vote) and in the worker (the deadline), with global providers only.
 */
export class DecisionCloser {
  private readonly links: DecisionLinks;

  constructor(
    private readonly db: Db,
    private readonly mail: MailEnv,
    private readonly reminders: RemindersService,
  ) {
    this.links = DecisionLinks.fromEnv(mail);
  }

  async close(decisionId: string, because: CloseReason): Promise<Array<{ to: string; email: RenderedEmail; secret?: string }> | null> {
    const tenantId = requireTenantId();
    const [d] = await this.db.tenantRows<{
      status: string;
      due: boolean;
      statutes: Statutes;
      title: string;
      question: string;
      instanceName: string;
      cptsName: string;
      subjectKind: string | null;
      subjectRef: string | null;
    }>(
      `SELECT d.status, d.deadline <= now() AS due, d.statutes, d.title, d.question, i.name AS "instanceName", t.name AS "cptsName",
              d.subject_kind AS "subjectKind", d.subject_ref AS "subjectRef"
       FROM governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id JOIN tenants t ON t.id = d.tenant_id
       WHERE d.tenant_id = $1 AND d.id = $2 FOR NO KEY UPDATE OF d`,
      [tenantId, decisionId],
    );
    if (!d || d.status !== 'open') return null;
    const result = outcomeOf(await electorsOf(this.db, decisionId), d.statutes);
    // The job may run a little before the deadline (the reminder engine allows a second, and clocks differ): try again
    // shortly rather than skip it, or the decision would stay open past its deadline (its deadline never moves).
    if (because === 'deadline' && !d.due) throw new RetryLater('decision deadline not reached yet');
    if (because === 'all_voted' && !everyoneVoted(result)) return null;
    const { year, seq } = await nextRegisterNumber(this.db);
    await this.db.tenantRows(
      `UPDATE governance_decisions SET status = 'closed', closed_at = now(), closed_because = $3, outcome = $4, result = $5, register_year = $6, register_seq = $7,
              updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, decisionId, because, result.outcome, JSON.stringify(result), year, seq],
    );
    const number = registerNumber(year, seq)!;
    await appendAudit(this.db, tenantId, decisionId, [
      {
        event: 'closed',
        actor: 'system',
        channel: 'system',
        data: { because, outcome: result.outcome, registerNumber: number, tally: { ...result.tally } },
      },
    ]);
    const subjectEmails = d.subjectKind
      ? await DecisionSubjects.of(d.subjectKind).closed(
          { db: this.db, mail: this.mail },
          { id: decisionId, subjectRef: d.subjectRef!, outcome: result.outcome, registerNumber: number },
        )
      : [];
    // What the deadline would still have done is moot now.
    await this.reminders.cancel(DECISION_CLOSE, decisionId);
    await this.reminders.cancel(DECISION_VOTE_REMINDER, decisionId);
    const recipients = await this.db.tenantRows<{ email: string }>(
      `SELECT DISTINCT lower(email) AS email FROM (
         SELECT email FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 AND email IS NOT NULL
         UNION ALL
         SELECT u.email FROM role_assignments ra JOIN users u ON u.id = ra.user_id
         WHERE ra.tenant_id = $1 AND ra.role IN ('COORDINATOR', 'STAFF') AND u.disabled_at IS NULL
       ) x ORDER BY 1`,
      [tenantId, decisionId],
    );
    const email = outcomeEmail({
      title: d.title,
      question: d.question,
      instanceName: d.instanceName,
      cptsName: d.cptsName,
      registerNumber: number,
      result,
      url: this.links.appUrlOf(decisionId),
    });
    return [...recipients.map((r) => ({ to: r.email, email })), ...subjectEmails];
  }
}
