import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Db, tenantFailuresLog, TenantFailure } from '@cpts/platform-db';
import { Logger, LOGGER } from '@cpts/platform-observability';
import { HOUR_MS, Periodic } from '@cpts/platform-queue';
import { readFigures } from '../figures/figures.reader';
import { parisYear } from '../region-units';
import { SnapshotInput, SnapshotWriter } from './snapshots';

/**
 * The observatory's year-end snapshots: every hour, each region's CPTS
 * without a year_end snapshot of last year (Paris) get one. Idempotent (one
 * per region, CPTS and year, by a unique index), so it runs from 1 January
 * and costs one small read per region once done. No person reads here: each
 * CPTS's figures are read in that CPTS's own transaction (its tenant
 * isolation), never through a cross-CPTS path, and written as region rows.
 */
@Injectable()
export class YearEndSnapshots implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly pass: Periodic;

  constructor(
    private readonly db: Db,
    private readonly writer: SnapshotWriter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.pass = new Periodic('observatory year-end snapshots', () => this.runOnce(), logger);
  }

  onApplicationBootstrap(): void {
    this.pass.start(HOUR_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pass.stop();
  }

  /** One pass: last year's snapshots for every region; `year` for tests. Returns the snapshots written. */
  async runOnce(year = parisYear() - 1): Promise<number> {
    const tenants = await this.db.run({ tenantId: null, label: 'observatory-year-end' }, () =>
      this.db.rows<{ id: string; regionId: string; name: string; departementCodes: string[] }>(
        `SELECT id, region_id AS "regionId", name, departement_codes AS "departementCodes" FROM tenants ORDER BY region_id, id`,
      ),
    );
    // The reference's professions, read here: the worker has no reference catalog (a gateway service).
    const professions = await this.db.sharedRows<{ code: string; label: string }>(`SELECT code, label_plural AS label FROM professions`);
    const labels = new Map(professions.map((p) => [p.code, p.label]));
    const label = (code: string) => labels.get(code) ?? code;
    let written = 0;
    const failures: TenantFailure[] = [];
    for (const regionId of [...new Set(tenants.map((t) => t.regionId))]) {
      const taken = await this.writer.yearEndTaken(regionId, year);
      const snapshots: SnapshotInput[] = [];
      for (const t of tenants.filter((x) => x.regionId === regionId && !taken.has(x.id))) {
        try {
          const figures = await this.db.run({ tenantId: t.id, label: 'observatory-year-end' }, async () =>
            readFigures(await this.db.tenantManager(), [t.id], [year], label),
          );
          snapshots.push({
            tenantId: t.id,
            indicators: { ...figures.get(t.id)!.get(year)!, name: t.name, departementCodes: t.departementCodes },
          });
        } catch (error) {
          failures.push({ tenantId: t.id, error });
        }
      }
      written += await this.writer.write(regionId, year, 'year_end', null, snapshots);
    }
    if (failures.length > 0) this.logger.error(tenantFailuresLog(failures), 'observatory year-end snapshots: some CPTS failed');
    return written;
  }
}
