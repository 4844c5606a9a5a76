import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AppError, requirePrincipal, Role, UuidPipe } from '@cpts/platform-core';
import { ObservatoryIndicator, ObservatoryTrend, SnapshotResult } from './observatory.types';
import { ObservatoryService } from './observatory.service';

/** A département code as the reference has them: 2 or 3 characters (01–95, 2A, 2B, 971…). */
export function checkedDepartement(code: string | null | undefined): string | null {
  if (code === null || code === undefined || code === '') return null;
  if (!/^(\d{2,3}|2[AB])$/.test(code)) throw AppError.field('departementCode', 'Département inconnu.');
  return code;
}

@Resolver()
export class ObservatoryResolver {
  constructor(private readonly observatory: ObservatoryService) {}

  @Query(() => ObservatoryTrend, {
    description:
      "The observatory: one indicator across the region's CPTS (a mission officer: those followed) and years, from the snapshots only; `departementCode` keeps one département's CPTS.",
  })
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER)
  observatoryTrend(
    @Args('indicator', { type: () => ObservatoryIndicator }) indicator: ObservatoryIndicator,
    @Args('departementCode', { type: () => String, nullable: true }) departementCode?: string | null,
    @Args('regionId', { type: () => ID, nullable: true }, UuidPipe) regionId?: string | null,
  ): Promise<ObservatoryTrend> {
    return this.observatory.trend(requirePrincipal(), indicator, checkedDepartement(departementCode), regionId);
  }

  @Mutation(() => SnapshotResult, {
    description: "Takes a snapshot of every CPTS of the admin's region now (this year's figures so far); snapshots are never changed.",
  })
  @Allow(Role.REGION_ADMIN)
  takeRegionSnapshot(@Args('regionId', { type: () => ID, nullable: true }, UuidPipe) regionId?: string | null): Promise<SnapshotResult> {
    return this.observatory.takeOnDemand(requirePrincipal(), regionId);
  }
}
