import { Db } from '@cpts/platform-db';

/** How long a click is kept: the CNIL's guideline for audience measurement. */
export const CLICK_RETENTION = '13 months';

/**
 * Deletes the clicks older than CLICK_RETENTION (a click is personal data:
 * this person opened that link). The campaign's counts of messages stay;
 * its click figures then describe the last 13 months only. Each CPTS in its
 * own tenant transaction; run by the worker every hour.
 */
export class ClickRetention {
  constructor(private readonly db: Db) {}

  async purgeOnce(): Promise<number> {
    const tenants = await this.db.run({ tenantId: null, label: 'click-retention' }, () => this.db.rows<{ id: string }>(`SELECT id FROM tenants ORDER BY id`));
    let deleted = 0;
    for (const { id: tenantId } of tenants) {
      const rows = await this.db.run({ tenantId, label: 'click-retention' }, () =>
        this.db.tenantRows(`DELETE FROM campaign_clicks WHERE tenant_id = $1 AND clicked_at < now() - $2::interval RETURNING 1`, [tenantId, CLICK_RETENTION]),
      );
      deleted += rows.length;
    }
    return deleted;
  }
}
