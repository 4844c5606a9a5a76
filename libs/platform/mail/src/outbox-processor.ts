import { Job, UnrecoverableError } from 'bullmq';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { MailJob } from './mail.job';
import type { Logger } from '@cpts/platform-observability';
import { SECRET_PLACEHOLDER } from './layout';
import { SecretBox } from './secret-box';
import { RetryLater, RowTransaction, sendLocked } from './locked-send';
import { SmtpSender } from './smtp-sender';

interface Row {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  html: string;
  text_body: string;
  secret: Buffer | null;
  calendar_method: 'REQUEST' | 'CANCEL' | null;
  calendar_ics: string | null;
  state: string;
  attempts: number;
}

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
    const tx = new RowTransaction(client);
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

  private async send(tx: RowTransaction, row: Row, finalAttempt: boolean): Promise<ProcessResult> {
    let secret: string | null = null;
    try {
      secret = row.secret ? this.secrets.open(row.secret) : null;
    } catch {
      // LINK_SECRET changed since the row was written: the link cannot be rebuilt.
      await this.recordFailure(tx, row.id, 'secret cannot be decrypted (LINK_SECRET changed?)', true);
      await tx.commit();
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
      // Calendars show the event from the text/calendar part; the .ics is for the others (and to save it).
      ...(row.calendar_ics
        ? {
            icalEvent: { method: row.calendar_method ?? 'REQUEST', content: row.calendar_ics },
            attachments: [
              {
                filename: row.calendar_method === 'CANCEL' ? 'annulation.ics' : 'invitation.ics',
                content: row.calendar_ics,
                contentType: 'application/ics',
              },
            ],
          }
        : {}),
    })
      .compile()
      .build();

    const envelopeFrom = /<([^>]+)>/.exec(this.from)?.[1] ?? this.from.trim();
    await sendLocked(
      this.sender,
      tx,
      { log: { outboxId: row.id, kind: row.kind }, message: { from: envelopeFrom, to: row.to_address, raw: raw.toString('utf8') } },
      {
        markSent: (t) =>
          t.client
            .query(
              `UPDATE mail_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, secret = NULL, last_error = NULL WHERE id = $1`,
              [row.id],
            )
            .then(() => undefined),
        markSentAlone: () =>
          this.dataSource
            .query(`UPDATE mail_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, secret = NULL WHERE id = $1`, [row.id])
            .then(() => undefined),
        recordFailure: (t, _email, error, giveUp, alreadyCounted) => this.recordFailure(t, row.id, error, giveUp, alreadyCounted),
      },
      finalAttempt,
      this.logger,
    );
    return 'sent';
  }

  /** Records the failure: back to pending for a retry, or failed for good (visible, never silent). In `tx` when given (its commit is the caller's). */
  private async recordFailure(
    tx: RowTransaction | null,
    id: string,
    error: string,
    giveUp: boolean,
    alreadyCounted = false,
  ): Promise<void> {
    const sql = `UPDATE mail_outbox SET state = $2, attempts = attempts + ${alreadyCounted ? 0 : 1}, last_error = $3,
                   failed_at = CASE WHEN $2 = 'failed' THEN now() END,
                   secret = CASE WHEN $2 = 'failed' THEN NULL ELSE secret END, sent_at = NULL
                 WHERE id = $1`;
    const params = [id, giveUp ? 'failed' : 'pending', error.slice(0, 1000)];
    if (tx) await tx.client.query(sql, params);
    else await this.dataSource.query(sql, params);
  }
}
