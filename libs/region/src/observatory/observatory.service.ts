import { Injectable } from '@nestjs/common';
import { Principal, regionsWhere, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { OrganisationService, RegionalAccess } from '@cpts/platform-identity';
import { ReferenceService } from '@cpts/platform-reference';
import { readFigures } from '../figures/figures.reader';
import { RegionUnits } from '@cpts/platform-db';
import { parisYear, regionOf } from '../region-units';
import { ObservatoryIndicator, ObservatoryTrend, SnapshotResult } from './observatory.types';
import { SnapshotIndicators, SnapshotWriter } from './snapshots';

interface StoredSnapshot {
  tenant_id: string;
  year: number;
  taken_at: Date;
  demo: boolean;
  indicators: SnapshotIndicators;
}

/** The observatory: snapshots taken on demand by a region admin, and the trends read from them (never from live data). */
@Injectable()
export class ObservatoryService {
  constructor(
    private readonly db: Db,
    private readonly units: RegionUnits,
    private readonly organisation: OrganisationService,
    private readonly regional: RegionalAccess,
    private readonly writer: SnapshotWriter,
    private readonly reference: ReferenceService,
  ) {}

  /** A snapshot of every CPTS of the admin's region, now: figures of this year so far, read through the logged regional path. */
  async takeOnDemand(principal: Principal, regionId?: string | null): Promise<SnapshotResult> {
    const region = this.organisation.adminRegion(principal, regionId);
    const year = parisYear();
    const cpts = await this.db.rows<{ id: string; name: string; departementCodes: string[] }>(
      `SELECT id, name, departement_codes AS "departementCodes" FROM tenants WHERE region_id = $1 ORDER BY id`,
      [region],
    );
    const ids = cpts.map((c) => c.id);
    const catalog = await this.reference.catalog();
    const label = (code: string) => catalog.profession(code)?.labelPlural ?? code;
    const figures = ids.length
      ? await this.regional.read(principal, ids, 'observatory-snapshot', (m) => readFigures(m, ids, [year], label))
      : new Map();
    const takenAt = new Date();
    const count = await this.writer.write(
      region,
      year,
      'on_demand',
      principal.userId,
      cpts.map((c) => ({
        tenantId: c.id,
        indicators: { ...figures.get(c.id)!.get(year)!, name: c.name, departementCodes: c.departementCodes },
      })),
      takenAt,
    );
    return { year, count, takenAt };
  }

  /**
   * One indicator over the years, per CPTS and per département: for each
   * CPTS and year, its year_end snapshot, else its latest on-demand one.
   * A region admin reads the region's CPTS; a mission officer those they follow.
   */
  async trend(
    principal: Principal,
    indicator: ObservatoryIndicator,
    departementCode?: string | null,
    regionId?: string | null,
  ): Promise<ObservatoryTrend> {
    const region = regionOf(principal, regionId);
    const admin = regionsWhere(principal, [Role.REGION_ADMIN]).includes(region);
    const followed = admin ? null : await this.organisation.regionallyReadableTenants(principal);
    const stored = await this.units.run(
      region,
      () =>
        this.db.regionRows<StoredSnapshot>(
          `SELECT DISTINCT ON (tenant_id, year) tenant_id, year, taken_at, demo, indicators
             FROM region_snapshots
            WHERE region_id = $1 AND ($2::uuid[] IS NULL OR tenant_id = ANY($2))
            ORDER BY tenant_id, year, (kind = 'year_end') DESC, taken_at DESC`,
          [region, followed],
        ),
      // A regional read like the officers' table: on the replica when there is one (a snapshot just taken may show a moment later).
      { readOnly: true, replica: true },
    );
    const shown = departementCode ? stored.filter((s) => s.indicators.departementCodes?.includes(departementCode)) : stored;
    const years = [...new Set(shown.map((s) => s.year))].sort((a, b) => a - b);
    const at = new Map(years.map((y, i) => [y, i]));
    const value = (s: StoredSnapshot): number | null => {
      const v = (s.indicators as unknown as Record<string, unknown>)[indicator];
      return typeof v === 'number' ? v : null;
    };
    const series = new Map<
      string,
      { cptsId: string; name: string; departementCodes: string[]; values: Array<number | null>; latest: number }
    >();
    const departements = new Map<string, Array<number | null>>();
    for (const s of shown) {
      const line = series.get(s.tenant_id) ?? {
        cptsId: s.tenant_id,
        name: s.indicators.name,
        departementCodes: s.indicators.departementCodes ?? [],
        values: years.map(() => null),
        latest: 0,
      };
      line.values[at.get(s.year)!] = value(s);
      if (s.year >= line.latest)
        Object.assign(line, { latest: s.year, name: s.indicators.name, departementCodes: s.indicators.departementCodes ?? [] });
      series.set(s.tenant_id, line);
      for (const code of s.indicators.departementCodes ?? []) {
        if (departementCode && code !== departementCode) continue;
        const values = departements.get(code) ?? years.map(() => null);
        const v = value(s);
        if (v !== null) values[at.get(s.year)!] = (values[at.get(s.year)!] ?? 0) + v;
        departements.set(code, values);
      }
    }
    const total = years.map((y) => {
      const values = shown
        .filter((s) => s.year === y)
        .map(value)
        .filter((v): v is number => v !== null);
      if (values.length === 0) return null;
      const sum = values.reduce((a, b) => a + b, 0);
      return indicator === ObservatoryIndicator.CLICK_RATE ? sum / values.length : sum;
    });
    const lastTakenAt = stored.reduce<Date | null>((last, s) => (!last || s.taken_at > last ? s.taken_at : last), null);
    return {
      indicator,
      years,
      cpts: [...series.values()].map(({ latest: _latest, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      departements: [...departements.entries()].map(([code, values]) => ({ code, values })).sort((a, b) => a.code.localeCompare(b.code)),
      total,
      lastTakenAt,
      includesDemo: shown.some((s) => s.demo),
    };
  }
}
