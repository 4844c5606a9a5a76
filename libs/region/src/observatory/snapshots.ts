import { Injectable } from '@nestjs/common';
import { Db } from '@cpts/platform-db';
import type { CptsYearFigures } from '../figures/figures.types';
import { RegionUnits } from '@cpts/platform-db';

/** What a snapshot stores: the year's figures, and the CPTS's name and départements at the time. */
export type SnapshotIndicators = CptsYearFigures & { name: string; departementCodes: string[] };

export interface SnapshotInput {
  tenantId: string;
  indicators: SnapshotIndicators;
}

/**
 * Writing snapshots (region_snapshots, append-only for the runtime role):
 * the figures of each CPTS at one moment, in one statement, in the region's
 * own unit of work. A year_end snapshot exists once per CPTS and year (a
 * second pass adds nothing); on_demand ones accumulate.
 */
@Injectable()
export class SnapshotWriter {
  constructor(
    private readonly db: Db,
    private readonly units: RegionUnits,
  ) {}

  async write(
    regionId: string,
    year: number,
    kind: 'year_end' | 'on_demand',
    takenBy: string | null,
    snapshots: SnapshotInput[],
    takenAt = new Date(),
  ): Promise<number> {
    if (snapshots.length === 0) return 0;
    return this.units.run(regionId, async () => {
      const rows = await this.db.regionRows(
        `INSERT INTO region_snapshots (region_id, id, tenant_id, year, kind, taken_at, taken_by, demo, indicators)
         SELECT $1, gen_random_uuid(), x.tenant_id, $2, $3, $4, $5, false, x.indicators
           FROM jsonb_to_recordset($6::jsonb) AS x (tenant_id uuid, indicators jsonb)
         ON CONFLICT (region_id, tenant_id, year) WHERE kind = 'year_end' DO NOTHING
         RETURNING id`,
        [
          regionId,
          year,
          kind,
          takenAt,
          takenBy,
          JSON.stringify(snapshots.map((s) => ({ tenant_id: s.tenantId, indicators: s.indicators }))),
        ],
      );
      return rows.length;
    });
  }

  /** The CPTS of a region that already have their year_end snapshot of `year`. */
  async yearEndTaken(regionId: string, year: number): Promise<Set<string>> {
    const rows = await this.units.run(
      regionId,
      () =>
        this.db.regionRows<{ tenant_id: string }>(
          `SELECT tenant_id FROM region_snapshots WHERE region_id = $1 AND year = $2 AND kind = 'year_end'`,
          [regionId, year],
        ),
      { readOnly: true },
    );
    return new Set(rows.map((r) => r.tenant_id));
  }
}
