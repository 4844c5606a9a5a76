import { DataSource } from 'typeorm';

/**
 * How long a sent or failed platform email is kept. The outbox is a way out,
 * not an archive: each row holds an address and a body with the person's name
 * (invitations, reminders, digests), and a month is enough to answer "did
 * that email leave?".
 */
export const OUTBOX_RETENTION = '30 days';

/** Rows deleted per statement: short statements, whatever piled up. */
const BATCH = 5000;

/** Deletes the outbox rows past OUTBOX_RETENTION; pending ones always stay. Run by the worker every hour. */
export class OutboxRetention {
  constructor(private readonly dataSource: DataSource) {}

  async purgeOnce(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `DELETE FROM mail_outbox WHERE id IN (
           SELECT id FROM mail_outbox WHERE state <> 'pending' AND coalesce(sent_at, failed_at, created_at) < now() - $1::interval LIMIT ${BATCH})
         RETURNING 1`,
        [OUTBOX_RETENTION],
      )) as unknown[];
      deleted += rows.length;
      if (rows.length < BATCH) return deleted;
    }
  }
}
