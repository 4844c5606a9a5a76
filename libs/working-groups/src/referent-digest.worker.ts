import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Db, tenantFailuresLog } from '@cpts/platform-db';
import { sendActionItemsDigest } from '@cpts/meetings';
import { MailOutbox } from '@cpts/platform-mail';
import { Logger, LOGGER } from '@cpts/platform-observability';
import { HOUR_MS, Periodic } from '@cpts/platform-queue';
import { WORKING_GROUP_OWNER } from './working-group-meetings';

/**
 * Every Monday from 8:00 in France, each active group's referents get one
 * email with the group's overdue action items (none when nothing is late).
 * Checked every hour; the digest table makes a second pass of the week send
 * nothing, whichever worker runs it.
 */
@Injectable()
export class ReferentDigestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly pass: Periodic;

  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.pass = new Periodic('referent digest', () => this.runOnce(), logger);
  }

  onApplicationBootstrap(): void {
    this.pass.start(HOUR_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pass.stop();
  }

  /** One pass over every CPTS; `now` for tests. Returns the number of emails written. */
  async runOnce(now = new Date()): Promise<number> {
    if (!isMondayMorningInFrance(now)) return 0;
    let sent = 0;
    const failures = await this.db.forEachTenant('referent-digest', (tenantId) =>
      this.db.run({ tenantId, label: 'referent-digest' }, async () => {
        const groups = await this.db.tenantRows<{ id: string; name: string; leads: Array<{ name: string; email: string }> }>(
          `SELECT g.id, g.name, coalesce(json_agg(json_build_object('name', coalesce(p.last_name || ' ' || p.first_name, u.display_name), 'email', coalesce(nullif(btrim(p.email), ''), u.email)))
                    FILTER (WHERE coalesce(nullif(btrim(p.email), ''), u.email) IS NOT NULL), '[]') AS leads
           FROM working_groups g
           JOIN working_group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL AND m.role = 'referent'
           LEFT JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id AND p.archived_at IS NULL
           LEFT JOIN users u ON u.id = m.user_id
           WHERE g.tenant_id = $1 AND g.status = 'active' GROUP BY g.tenant_id, g.id`,
          [tenantId],
        );
        for (const g of groups)
          sent += await sendActionItemsDigest(this.db, this.outbox, { kind: WORKING_GROUP_OWNER, id: g.id, name: g.name }, g.leads);
      }),
    );
    if (failures.length > 0)
      this.logger.error(tenantFailuresLog(failures), 'referent digests not sent for these CPTS; trying again at the next pass');
    return sent;
  }
}

/** Monday, from 8:00 (Europe/Paris). */
export function isMondayMorningInFrance(now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return weekday === 'Mon' && hour >= 8;
}
