import { Job, UnrecoverableError } from 'bullmq';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { MailJob } from '@cpts/platform-queue';
import type { Logger } from '@cpts/platform-observability';
import { SECRET_PLACEHOLDER } from './layout';
import { SecretBox } from './secret-box';
import { SmtpSender } from './smtp-sender';

interface Row {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  html: string;
  text_body: string;
  secret: Buffer | null;
  state: string;
  attempts: number;
}

/** Raised for a temporary failure: BullMQ retries the job with backoff. */
export class RetryLater extends Error {}

export type ProcessResult = 'sent' | 'already-done' | 'failed';

/**
 * Consumer side of platform email. One job = one outbox row, locked for the
 * duration of the SMTP exchange (two workers never send the same row), sent
 * with commit-before-dot (see SmtpSender), so replays, duplicates and crashes
 * never send twice.
 */
export class OutboxProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: SmtpSender,
    private readonly secrets: SecretBox,
    private readonly from: string,
    private readonly messageIdDomain: string,
    private readonly logger: Logger,
  ) {}

  async process(job: Job<MailJob>): Promise<ProcessResult> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const runner = this.dataSource.createQueryRunner();
    // The raw connection, not TypeORM's query methods: the COMMIT must reach
    // the socket synchronously, right before the final dot (see SmtpSender).
    const client = (await runner.connect()) as PoolClient;
    const tx = new Transaction(client);
    try {
      await tx.begin();
      const { rows } = await client.query<Row>(`SELECT * FROM mail_outbox WHERE id = $1 FOR UPDATE SKIP LOCKED`, [job.data.outboxId]);
      const row = rows[0];
      if (!row) {
        await tx.rollback();
        const exists = await this.dataSource.query(`SELECT 1 FROM mail_outbox WHERE id = $1`, [job.data.outboxId]);
        if (exists.length === 0) return 'already-done'; // deleted: nothing to send
        throw new RetryLater('outbox row is being sent by another worker');
      }
      if (row.state !== 'pending') {
        await tx.rollback();
        return 'already-done';
      }
      return await this.send(tx, row, finalAttempt);
    } finally {
      if (tx.active) await tx.rollback().catch(() => undefined);
      await runner.release();
    }
  }

  private async send(tx: Transaction, row: Row, finalAttempt: boolean): Promise<ProcessResult> {
    let secret: string | null = null;
    try {
      secret = row.secret ? this.secrets.open(row.secret) : null;
    } catch {
      // LINK_SECRET changed since the row was written: the link cannot be rebuilt.
      await this.recordFailure(tx, row.id, 'secret cannot be decrypted (LINK_SECRET changed?)', true);
      throw new UnrecoverableError(`email ${row.id}: secret cannot be decrypted`);
    }
    const fill = (s: string) => (secret === null ? s : s.split(SECRET_PLACEHOLDER).join(secret));
    const raw = await new MailComposer({
      from: this.from,
      to: row.to_address,
      subject: row.subject,
      html: fill(row.html),
      text: fill(row.text_body),
      // Stable across retries: a receiver that deduplicates by Message-ID sees one message.
      messageId: `<${row.id}@${this.messageIdDomain}>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    })
      .compile()
      .build();

    const envelopeFrom = /<([^>]+)>/.exec(this.from)?.[1] ?? this.from.trim();
    const outcome = await this.sender.send(
      { from: envelopeFrom, to: row.to_address, raw: raw.toString('utf8') },
      {
        // While the server holds the message without its dot: written, not yet visible.
        prepare: async () => {
          await tx.client.query(`UPDATE mail_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, secret = NULL, last_error = NULL WHERE id = $1`, [row.id]);
        },
        commit: () => tx.commit(),
      },
    );

    switch (outcome.kind) {
      case 'delivered':
        return 'sent';
      case 'unconfirmed':
        // The dot went out; most likely delivered. Keep "sent": resending risks a duplicate.
        this.logger.warn({ outboxId: row.id, error: outcome.error }, 'email sent without confirmation from the SMTP server');
        return 'sent';
      case 'commit-failed':
        // The email left but its mark did not commit: record it now, or the reconciler would send it again.
        this.logger.error({ outboxId: row.id, err: outcome.error }, 'outbox commit failed after the email left; marking it sent');
        await this.dataSource.query(`UPDATE mail_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, secret = NULL WHERE id = $1`, [row.id]);
        return 'sent';
      case 'not-sent':
      case 'refused-after-commit': {
        const giveUp = !outcome.temporary || finalAttempt;
        // A try that reached the commit was already counted there.
        await this.recordFailure(tx, row.id, outcome.error, giveUp, outcome.kind === 'refused-after-commit');
        if (giveUp) {
          this.logger.error({ outboxId: row.id, kind: row.kind, error: outcome.error }, 'email failed for good');
          throw new UnrecoverableError(`email ${row.id} failed: ${outcome.error}`);
        }
        throw new RetryLater(outcome.error);
      }
    }
  }

  /** Records the failure: back to pending for a retry, or failed for good (visible, never silent). */
  private async recordFailure(tx: Transaction, id: string, error: string, giveUp: boolean, alreadyCounted = false): Promise<void> {
    const sql = `UPDATE mail_outbox SET state = $2, attempts = attempts + ${alreadyCounted ? 0 : 1}, last_error = $3,
                   failed_at = CASE WHEN $2 = 'failed' THEN now() END,
                   secret = CASE WHEN $2 = 'failed' THEN NULL ELSE secret END, sent_at = NULL
                 WHERE id = $1`;
    const params = [id, giveUp ? 'failed' : 'pending', error.slice(0, 1000)];
    if (tx.active) {
      await tx.client.query(sql, params);
      await tx.commit();
    } else {
      await this.dataSource.query(sql, params);
    }
  }
}

/**
 * A transaction on one raw connection. commit() writes COMMIT to the socket
 * before it returns its promise: node-postgres sends a parameterless query
 * synchronously when the connection is idle, which commit-before-dot relies on.
 */
class Transaction {
  active = false;

  constructor(readonly client: PoolClient) {}

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
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
