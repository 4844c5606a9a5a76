import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, currentScope, newScope, regionsWhere, Principal, Role, runInScope } from '@cpts/platform-core';
import { Db, RequestTransaction } from '@cpts/platform-db';

/** Today's calendar year in Paris, the year the region's figures count in. */
export function parisYear(at = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(at));
}

/** A year asked for: from 2000 to next year; none means this year. */
export function checkedYear(year: number | null | undefined): number {
  const current = parisYear();
  if (year === null || year === undefined) return current;
  if (!Number.isInteger(year) || year < 2000 || year > current + 1)
    throw AppError.field('year', `Choisissez une année entre 2000 et ${current + 1}.`);
  return year;
}

/**
 * A unit of work on one region's own rows (enableRegionRls: app.region_id),
 * apart from the caller's request, carrying no tenant: no CPTS row is
 * reachable from it. The caller decides the region before opening it.
 */
@Injectable()
export class RegionUnits {
  constructor(private readonly db: Db) {}

  async run<T>(regionId: string, fn: () => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
    const outer = currentScope();
    const scope = newScope({ requestId: `region-${randomUUID()}`, tenantId: null, regionId, principal: outer?.principal ?? null });
    scope.transaction = new RequestTransaction(this.db.dataSource, scope, { readOnly: options.readOnly });
    return runInScope(scope, async () => {
      let result: T;
      try {
        result = await fn();
      } catch (err) {
        await this.db.finishScope(scope, false);
        throw err;
      }
      await this.db.finishScope(scope, true);
      return result;
    });
  }

  /** The region a region person (admin or officer) reads: the one given, if theirs, or their only one. */
  regionOf(principal: Principal, regionId?: string | null): string {
    const regions = [...new Set(regionsWhere(principal, [Role.REGION_ADMIN, Role.MISSION_OFFICER]))];
    if (regionId) {
      if (!regions.includes(regionId)) throw AppError.forbidden("Vous n'appartenez pas à cette région.");
      return regionId;
    }
    if (regions.length === 0) throw AppError.forbidden();
    if (regions.length > 1) throw AppError.field('regionId', 'Précisez la région.');
    return regions[0];
  }
}
