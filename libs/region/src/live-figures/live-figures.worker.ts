import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Db, tenantFailuresLog, TenantFailure } from '@cpts/platform-db';
import { Logger, LOGGER } from '@cpts/platform-observability';
import { Periodic } from '@cpts/platform-queue';
import { parisYear } from '../region-units';
import { LiveFigures } from './live-figures';

/** How often every CPTS's figures are recounted: the age of the region's table at worst. */
export const LIVE_FIGURES_INTERVAL_MS = 5 * 60_000;
/** The closed years stored besides this one and the last (recounted once a day): the table's year picker offers the last six, each beside its year before. */
export const STORED_CLOSED_YEARS = 5;

/**
 * Recounts every CPTS's figures of this year and last (cpts_figures), each in
 * the CPTS's own transaction, every LIVE_FIGURES_INTERVAL_MS, and the closed
 * years before them once a day. About 25 ms of
 * PostgreSQL time per CPTS at Agora Lib' scale (docs/performance.md): 100 CPTS
 * cost some 2.5 s every five minutes, instead of 1.5 s on every read of the table.
 */
@Injectable()
export class LiveFiguresRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly pass: Periodic;

  constructor(
    private readonly db: Db,
    private readonly live: LiveFigures,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.pass = new Periodic('region figures refresh', () => this.runOnce(), logger);
  }

  onApplicationBootstrap(): void {
    // Not at start: stored figures keep across restarts, and until a CPTS has its row the table counts it live.
    this.pass.start(LIVE_FIGURES_INTERVAL_MS, { runNow: false });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pass.stop();
  }

  /** One pass over every CPTS (or those given); returns how many were recounted. */
  async runOnce(tenantIds?: readonly string[]): Promise<number> {
    const tenants = await this.db.run({ tenantId: null, label: 'cpts-figures' }, () =>
      this.db.rows<{ id: string }>(`SELECT id FROM tenants ${tenantIds ? 'WHERE id = ANY($1)' : ''} ORDER BY id`, tenantIds ? [tenantIds] : []),
    );
    // The reference's professions, read here: the worker has no reference catalog (a gateway service).
    const professions = await this.db.sharedRows<{ code: string; label: string }>(`SELECT code, label_plural AS label FROM professions`);
    const labels = new Map(professions.map((p) => [p.code, p.label]));
    const year = parisYear();
    let done = 0;
    const failures: TenantFailure[] = [];
    for (const t of tenants) {
      try {
        const closed = Array.from({ length: STORED_CLOSED_YEARS }, (_, i) => year - 2 - i);
        if (await this.live.refresh(t.id, [year - 1, year], (code) => labels.get(code) ?? code, closed)) done++;
      } catch (error) {
        failures.push({ tenantId: t.id, error });
      }
    }
    if (failures.length > 0) this.logger.error(tenantFailuresLog(failures), 'region figures refresh: some CPTS failed');
    return done;
  }
}
