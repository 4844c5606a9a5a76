import { Injectable } from '@nestjs/common';
import { AppError, Principal } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { OrganisationService, RegionalAccess } from '@cpts/platform-identity';
import { ReferenceService } from '@cpts/platform-reference';
import { readFigures } from '../figures/figures.reader';
import type { CptsYearFigures } from '../figures/figures.types';
import { LiveFigures } from '../live-figures/live-figures';
import { MEMBERSHIP_HISTORY_SQL } from '../figures/figures.sql';
import { governanceHealth, INSTANCE_FACTS_SQL, InstanceFacts } from '../health/governance-health';
import { CptsMembershipYear, RegionOverview, RegionOverviewRow } from './overview.types';

export interface RegionCptsHead {
  id: string;
  regionId: string;
  name: string;
  departementCodes: string[];
}

/**
 * "Mes CPTS": the figures of the CPTS a region person may read (a region
 * admin: the region's; a mission officer: those they follow), through
 * RegionalAccess only: read-only, logged, confined by the database too.
 */
@Injectable()
export class RegionOverviewService {
  constructor(
    private readonly db: Db,
    private readonly organisation: OrganisationService,
    private readonly regional: RegionalAccess,
    private readonly reference: ReferenceService,
    private readonly live: LiveFigures,
  ) {}

  /** The CPTS asked for (all readable ones when none), each checked: one the person may not read is as missing as one that does not exist. */
  async readableCpts(principal: Principal, cptsIds?: readonly string[] | null): Promise<RegionCptsHead[]> {
    const readable = await this.organisation.regionallyReadableTenants(principal);
    const ids = cptsIds ?? readable;
    if (ids.some((id) => !readable.includes(id))) throw AppError.notFound('CPTS introuvable.');
    return this.db.rows<RegionCptsHead>(
      `SELECT id, region_id AS "regionId", name, departement_codes AS "departementCodes" FROM tenants WHERE id = ANY($1) ORDER BY name, id`,
      [ids],
    );
  }

  async overview(principal: Principal, year: number, cptsIds?: readonly string[] | null): Promise<RegionOverview> {
    const cpts = await this.readableCpts(principal, cptsIds);
    if (cpts.length === 0) return { year, rows: [], computedAt: new Date() };
    const ids = cpts.map((c) => c.id);
    const catalog = await this.reference.catalog();
    const label = (code: string) => catalog.profession(code)?.labelPlural ?? code;
    const years = [year - 1, year];
    // The figures as the worker last stored them (cpts_figures, every few minutes); those it has not
    // stored yet (a new CPTS, a year other than this one and the last) counted now, in the same read.
    const { figures, computedAt, facts } = await this.regional.read(principal, ids, 'region-overview', async (m) => {
      const stored = await this.live.read(m, ids, years);
      const missing = ids.filter((id) => years.some((y) => !stored.get(id)?.has(y)));
      const counted = await readFigures(m, missing, years, label);
      const figures = new Map<string, Map<number, CptsYearFigures>>();
      let oldest: Date | null = null;
      for (const id of ids) {
        const mine = stored.get(id);
        if (mine && years.every((y) => mine.has(y))) {
          figures.set(id, new Map([...mine].map(([y, s]) => [y, s.figures])));
          for (const s of mine.values()) if (!oldest || s.computedAt < oldest) oldest = s.computedAt;
        } else {
          figures.set(id, counted.get(id)!);
        }
      }
      const facts = (await m.query(INSTANCE_FACTS_SQL, [ids])) as Array<InstanceFacts & { tenant_id: string }>;
      return { figures, computedAt: oldest, facts };
    });
    const now = new Date();
    const rows: RegionOverviewRow[] = cpts.map((c) => {
      const years = figures.get(c.id)!;
      const current = years.get(year)!;
      return {
        cptsId: c.id,
        name: c.name,
        departementCodes: c.departementCodes,
        current,
        previous: years.get(year - 1)!,
        health: governanceHealth(
          facts.filter((f) => f.tenant_id === c.id).map((f) => ({ ...f, soonestEnd: f.soonestEnd ? new Date(f.soonestEnd) : null })),
          current.decisionsWithoutQuorum,
          now,
        ),
      };
    });
    return { year, rows, computedAt: computedAt ?? new Date() };
  }

  /** One CPTS's active members per profession, year by year (the chart of its page). */
  async membershipHistory(principal: Principal, cptsId: string): Promise<CptsMembershipYear[]> {
    const catalog = await this.reference.catalog();
    const rows: Array<{ year: number; code: string | null; n: number }> = await this.regional.read(
      principal,
      [cptsId],
      'region-membership-history',
      (m) => m.query(MEMBERSHIP_HISTORY_SQL, [cptsId]),
    );
    const years = new Map<number, CptsMembershipYear>();
    for (const r of rows) {
      const y = years.get(r.year) ?? { year: r.year, total: 0, professions: [] };
      y.total += r.n;
      y.professions.push({
        code: r.code ?? '',
        label: r.code ? (catalog.profession(r.code)?.labelPlural ?? r.code) : 'Profession non renseignée',
        count: r.n,
      });
      years.set(r.year, y);
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  }
}
