import { UnrecoverableError } from 'bullmq';
import type { PoolClient } from 'pg';
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

  /** `setup`: a parameterless statement sent with BEGIN in one round trip (e.g. setting the tenant). */
  async begin(setup?: string): Promise<void> {
    await this.client.query(setup ? `BEGIN; ${setup}` : 'BEGIN');
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

/** How one kind of email row records its fate (the outbox's rows, a campaign's deliveries...). */
export interface LockedEmail {
  /** For logs: which row this is. */
  readonly log: Record<string, unknown>;
  readonly message: OutgoingMessage;
  /** Inside the open transaction, while the server holds the message without its final dot. */
  markSent(tx: RowTransaction): Promise<void>;
  /** The email left but the transaction that marked it did not commit: mark it on its own. */
  markSentAlone(): Promise<void>;
  /**
   * In the open transaction when there is one (then committed), else on its own.
   * `refusal` says how the server refused it (a campaign records a 5xx refusal of its recipient as a hard bounce).
   */
  recordFailure(tx: RowTransaction, error: string, giveUp: boolean, alreadyCounted: boolean, refusal: SmtpRefusal): Promise<void>;
}

/**
 * Sends the email of a row locked in `tx` with commit-before-dot (see
 * SmtpSender and docs/adr/0004-exactly-once-email.md) and records the
 * outcome: resolves once sent; throws RetryLater for a temporary failure
 * (the row stays pending) and UnrecoverableError when it is given up.
 */
export async function sendLocked(sender: SmtpSender, tx: RowTransaction, email: LockedEmail, finalAttempt: boolean, logger: Logger): Promise<void> {
  const outcome = await sender.send(email.message, {
    prepare: () => email.markSent(tx),
    commit: () => tx.commit(),
  });
  switch (outcome.kind) {
    case 'delivered':
      return;
    case 'unconfirmed':
      // The dot went out; most likely delivered. Keep "sent": resending risks a duplicate.
      logger.warn({ ...email.log, error: outcome.error }, 'email sent without confirmation from the SMTP server');
      return;
    case 'commit-failed':
      // The email left but its mark did not commit: record it now, or a reconciler would send it again.
      logger.error({ ...email.log, err: outcome.error }, 'commit failed after the email left; marking it sent');
      await email.markSentAlone();
      return;
    case 'not-sent':
    case 'refused-after-commit': {
      const giveUp = !outcome.temporary || finalAttempt;
      // A try that reached the commit was already counted there.
      await email.recordFailure(tx, outcome.error.slice(0, 1000), giveUp, outcome.kind === 'refused-after-commit', {
        temporary: outcome.temporary,
        responseCode: outcome.responseCode ?? null,
      });
      if (giveUp) {
        logger.error({ ...email.log, error: outcome.error }, 'email failed for good');
        throw new UnrecoverableError(`email failed: ${outcome.error}`);
      }
      throw new RetryLater(outcome.error);
    }
  }
}
