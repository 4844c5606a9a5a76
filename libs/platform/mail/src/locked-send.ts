import { UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
import { TRANSACTION_LIMITS } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import { OutgoingMessage, SmtpSender } from './smtp-sender';

/** Raised for a temporary failure: BullMQ retries the job with backoff. */
export class RetryLater extends Error {}

/**
 * A transaction on one raw connection. commit() writes COMMIT to the socket
 * before it returns its promise: node-postgres sends a parameterless query
 * synchronously when the connection is idle, which commit-before-dot relies on.
 */
export class RowTransaction {
  active = false;

  constructor(readonly client: PoolClient) {}

  /** `setup`: a parameterless statement sent with BEGIN and the connection limits in one round trip (e.g. setting the tenant). */
  async begin(setup?: string): Promise<void> {
    await this.client.query(`BEGIN; SELECT ${TRANSACTION_LIMITS}${setup ? `; ${setup}` : ''}`);
    this.active = true;
  }

  commit(): Promise<void> {
    this.active = false;
    return this.client.query('COMMIT').then(() => undefined);
  }

  async rollback(): Promise<void> {
    this.active = false;
    await this.client.query('ROLLBACK');
  }
}

/** What the SMTP server said when it refused a message: its reply code, when it gave one (none for a connection error). */
export interface SmtpRefusal {
  temporary: boolean;
  responseCode: number | null;
}

/** One email of a locked row. */
export interface LockedEmail {
  /** For logs: which row this is. */
  readonly log: Record<string, unknown>;
  readonly message: OutgoingMessage;
}

/** How one kind of email row records its fate (the outbox's rows, a campaign's deliveries...). */
export interface LockedRows<E extends LockedEmail> {
  /** In the open transaction, while the server holds these messages without their final dot: one statement for them all. */
  markSent(tx: RowTransaction, emails: E[]): Promise<void>;
  /** These emails left but the transaction that marked them did not commit: mark them on their own. */
  markSentAlone(emails: E[]): Promise<void>;
  /**
   * In `tx`, the group's open transaction (committed with the group), when
   * given; else on its own. `alreadyCounted`: the try was counted when the
   * row was marked sent. `refusal` says how the server refused it (a
   * campaign records a 5xx refusal of its recipient as a hard bounce).
   */
  recordFailure(
    tx: RowTransaction | null,
    email: E,
    error: string,
    giveUp: boolean,
    alreadyCounted: boolean,
    refusal: SmtpRefusal,
  ): Promise<void>;
}

/** What became of one email: sent, or not sent and recorded (to be retried, or failed for good). */
export type LockedResult = { state: 'sent' } | { state: 'retry' | 'failed'; error: string };

/**
 * Sends the emails of rows locked in `tx` with group commit-before-dot (see
 * SmtpSender and docs/adr/0004-exactly-once-email.md): one transaction and
 * one COMMIT for them all, each dot after it. Resolves once `tx` is
 * committed (its connection is free again); `results` then records and
 * gives what became of each email, once the server has answered. Throws
 * only for a database error before the commit (nothing was sent; `tx` is
 * left to roll back).
 */
export async function sendLockedGroup<E extends LockedEmail>(
  sender: SmtpSender,
  tx: RowTransaction,
  emails: E[],
  rows: LockedRows<E>,
  finalAttempt: boolean,
  logger: Logger,
): Promise<{ results: Promise<LockedResult[]> }> {
  const failure = (index: number, outcome: { temporary: boolean; error: string }): LockedResult => {
    const giveUp = !outcome.temporary || finalAttempt;
    if (giveUp) logger.error({ ...emails[index].log, error: outcome.error }, 'email failed for good');
    return { state: giveUp ? 'failed' : 'retry', error: outcome.error };
  };
  const record = (
    t: RowTransaction | null,
    index: number,
    outcome: { temporary: boolean; error: string; responseCode?: number },
    alreadyCounted: boolean,
  ) =>
    rows.recordFailure(t, emails[index], outcome.error.slice(0, 1000), !outcome.temporary || finalAttempt, alreadyCounted, {
      temporary: outcome.temporary,
      responseCode: outcome.responseCode ?? null,
    });

  const { answers } = await sender.sendGroup(
    emails.map((e) => e.message),
    {
      prepare: async (held, refused) => {
        if (held.length > 0)
          await rows.markSent(
            tx,
            held.map((i) => emails[i]),
          );
        for (const r of refused) await record(tx, r.index, r.outcome, r.marked);
      },
      commit: () => tx.commit(),
    },
  );
  const results = answers.then(async (outcomes) => {
    const done: LockedResult[] = [];
    const unmarked: E[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      switch (outcome.kind) {
        case 'delivered':
          done.push({ state: 'sent' });
          break;
        case 'unconfirmed':
          // The dot went out; most likely delivered. Keep "sent": resending risks a duplicate.
          logger.warn({ ...emails[i].log, error: outcome.error }, 'email sent without confirmation from the SMTP server');
          done.push({ state: 'sent' });
          break;
        case 'commit-failed':
          // The email left but its mark did not commit: record it now, or a reconciler would send it again.
          logger.error({ ...emails[i].log, err: outcome.error }, 'commit failed after the email left; marking it sent');
          unmarked.push(emails[i]);
          done.push({ state: 'sent' });
          break;
        case 'not-sent':
          // Recorded in the group's transaction.
          done.push(failure(i, outcome));
          break;
        case 'refused-after-commit':
          // The commit counted the try.
          await record(null, i, outcome, true);
          done.push(failure(i, outcome));
          break;
      }
    }
    if (unmarked.length > 0) await rows.markSentAlone(unmarked);
    return done;
  });
  return { results };
}

/**
 * One email of a row locked in `tx` (see sendLockedGroup): resolves once
 * sent; throws RetryLater for a temporary failure (the row stays pending)
 * and UnrecoverableError when it is given up.
 */
export async function sendLocked<E extends LockedEmail>(
  sender: SmtpSender,
  tx: RowTransaction,
  email: E,
  rows: LockedRows<E>,
  finalAttempt: boolean,
  logger: Logger,
): Promise<void> {
  const [result] = await (await sendLockedGroup(sender, tx, [email], rows, finalAttempt, logger)).results;
  if (result.state === 'retry') throw new RetryLater(result.error);
  if (result.state === 'failed') throw new UnrecoverableError(`email failed: ${result.error}`);
}
