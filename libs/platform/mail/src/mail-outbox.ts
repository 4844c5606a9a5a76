import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { afterCommit } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DEFAULT_JOB_OPTIONS, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { RenderedEmail, SECRET_PLACEHOLDER } from './layout';
import { SecretBox } from './secret-box';

export interface OutboxEmail {
  kind: string;
  to: string;
  tenantId?: string | null;
  email: RenderedEmail;
  /** Replaces SECRET_PLACEHOLDER in the email at send time; stored encrypted meanwhile. */
  secret?: string;
}

/** Rows per INSERT of addMany, and at most this many bytes of bodies per INSERT (a long compte rendu, hundreds of copies). */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8_000_000;
/** Jobs per addBulk call (one Redis round trip each). */
const BULK_JOBS = 1000;

/**
 * Producer side of platform email: the row is written in the current
 * transaction, the job is queued once it commits. If Redis is down then, the
 * reconciler queues it later: the row is the truth, the job only a nudge.
 */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly db: Db,
    private readonly producer: QueueProducer,
    private readonly secrets: SecretBox,
  ) {}

  async add(message: OutboxEmail): Promise<string> {
    checkSecret(message);
    const id = randomUUID();
    const manager = await this.db.manager();
    await manager.query(
      `INSERT INTO mail_outbox (id, kind, tenant_id, to_address, subject, html, text_body, secret, calendar_method, calendar_ics)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        message.kind,
        message.tenantId ?? null,
        message.to,
        message.email.subject,
        message.email.html,
        message.email.text,
        message.secret === undefined ? null : this.secrets.seal(message.secret),
        message.email.calendar?.method ?? null,
        message.email.calendar?.ics ?? null,
      ],
    );
    afterCommit(() => this.producer.add(QUEUES.mail, { outboxId: id }, id));
    return id;
  }

  /**
   * The same for many emails at once (one per recipient of a message sent
   * to a group): their rows in one INSERT per batch, their jobs in one
   * addBulk once the transaction commits. One round trip to PostgreSQL and
   * one to Redis instead of one each per email: the minutes of a meeting
   * reach a group of 300 in a fraction of the time (docs/performance.md).
   * Returns the rows' ids, in the order of `messages`.
   */
  async addMany(messages: OutboxEmail[]): Promise<string[]> {
    messages.forEach(checkSecret);
    const ids = messages.map(() => randomUUID());
    const manager = await this.db.manager();
    for (let start = 0; start < messages.length;) {
      let end = start;
      let bytes = 0;
      while (end < messages.length && end - start < BATCH_ROWS && (end === start || bytes < BATCH_BYTES)) {
        bytes += messages[end].email.html.length + messages[end].email.text.length + (messages[end].email.calendar?.ics.length ?? 0);
        end += 1;
      }
      const batch = messages.slice(start, end);
      await manager.query(
        `INSERT INTO mail_outbox (id, kind, tenant_id, to_address, subject, html, text_body, secret, calendar_method, calendar_ics)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bytea[], $9::text[], $10::text[])`,
        [
          ids.slice(start, end),
          batch.map((m) => m.kind),
          batch.map((m) => m.tenantId ?? null),
          batch.map((m) => m.to),
          batch.map((m) => m.email.subject),
          batch.map((m) => m.email.html),
          batch.map((m) => m.email.text),
          batch.map((m) => (m.secret === undefined ? null : this.secrets.seal(m.secret))),
          batch.map((m) => m.email.calendar?.method ?? null),
          batch.map((m) => m.email.calendar?.ics ?? null),
        ],
      );
      start = end;
    }
    if (ids.length > 0) {
      // The same jobs as add()'s (id, options), queued together.
      afterCommit(async () => {
        const queue = this.producer.queue(QUEUES.mail);
        for (let i = 0; i < ids.length; i += BULK_JOBS) {
          await queue.addBulk(
            ids
              .slice(i, i + BULK_JOBS)
              .map((id) => ({ name: QUEUES.mail, data: { outboxId: id }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: id } })),
          );
        }
      });
    }
    return ids;
  }
}

/** An email has a secret placeholder exactly when it has a secret (else a link would go out broken, or a secret unused). */
function checkSecret(message: OutboxEmail): void {
  const usesSecret = message.email.html.includes(SECRET_PLACEHOLDER) || message.email.text.includes(SECRET_PLACEHOLDER);
  if (usesSecret !== (message.secret !== undefined)) throw new Error('An email has a secret placeholder exactly when it has a secret.');
}
