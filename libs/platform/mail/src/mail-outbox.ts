import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { afterCommit } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';
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
    const usesSecret = message.email.html.includes(SECRET_PLACEHOLDER) || message.email.text.includes(SECRET_PLACEHOLDER);
    if (usesSecret !== (message.secret !== undefined)) throw new Error('An email has a secret placeholder exactly when it has a secret.');
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
}
