import { Db, tenantFailuresLog } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';

/** How long a click is kept: the CNIL's guideline for audience measurement. */
export const CLICK_RETENTION = '13 months';

/**
 * Deletes the clicks older than CLICK_RETENTION (a click is personal data:
 * this person opened that link). The campaign's counts of messages stay;
 * its click figures then describe the last 13 months only. Each CPTS in its
 * own tenant transaction; run by the worker every hour.
 */
export class ClickRetention {
  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  async purgeOnce(): Promise<number> {
    let deleted = 0;
    const failures = await this.db.forEachTenant('click-retention', async (tenantId) => {
      const rows = await this.db.run({ tenantId, label: 'click-retention' }, () =>
        this.db.tenantRows(`DELETE FROM campaign_clicks WHERE tenant_id = $1 AND clicked_at < now() - $2::interval RETURNING 1`, [
          tenantId,
          CLICK_RETENTION,
        ]),
      );
      deleted += rows.length;
    });
    if (failures.length > 0)
      this.logger.error(tenantFailuresLog(failures), 'old clicks not deleted for these CPTS; trying again at the next pass');
    return deleted;
  }
}
