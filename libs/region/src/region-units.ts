import { AppError, regionsWhere, Principal, Role } from '@cpts/platform-core';

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

/** The region a region person (admin or officer) reads: the one given, if theirs, or their only one. */
export function regionOf(principal: Principal, regionId?: string | null): string {
  const regions = [...new Set(regionsWhere(principal, [Role.REGION_ADMIN, Role.MISSION_OFFICER]))];
  if (regionId) {
    if (!regions.includes(regionId)) throw AppError.forbidden("Vous n'appartenez pas à cette région.");
    return regionId;
  }
  if (regions.length === 0) throw AppError.forbidden();
  if (regions.length > 1) throw AppError.field('regionId', 'Précisez la région.');
  return regions[0];
}
