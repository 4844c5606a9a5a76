import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, requirePrincipal, Role, UuidPipe } from '@cpts/platform-core';
import { checkedYear } from '../region-units';
import { CptsMembershipYear, RegionOverview, RegionOverviewRow } from './overview.types';
import { RegionOverviewService } from './region-overview.service';

@Resolver(() => RegionOverviewRow)
export class RegionOverviewResolver {
  constructor(private readonly overview: RegionOverviewService) {}

  @Query(() => RegionOverview, {
    description:
      "The region's table: one row per CPTS the caller may read (region admin: the region's; mission officer: followed), figures of `year` (default: this year, Paris) and the year before, governance health. `cptsIds`: only these (NOT_FOUND for one the caller may not read). Read-only, through the logged regional path.",
  })
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER)
  regionOverview(
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('cptsIds', { type: () => [ID], nullable: true }, UuidPipe) cptsIds?: string[] | null,
  ): Promise<RegionOverview> {
    return this.overview.overview(requirePrincipal(), checkedYear(year), cptsIds);
  }

  @ResolveField(() => [CptsMembershipYear], {
    description: "The CPTS's active members per profession, every year recorded (a regional read of its own).",
  })
  membershipHistory(@Parent() row: RegionOverviewRow): Promise<CptsMembershipYear[]> {
    return this.overview.membershipHistory(requirePrincipal(), row.cptsId);
  }
}
