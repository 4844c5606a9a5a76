import { Injectable } from '@nestjs/common';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { requirePrincipal } from '@cpts/platform-core';
import { ownerFiguresColumns } from '@cpts/meetings';
import { Cpts, RegionalAccess } from '@cpts/platform-identity';
import { AciMission } from '@cpts/platform-reference';
import { WORKING_GROUP_OWNER } from './working-group-meetings';
import { WorkingGroupStatus } from './working-group.types';

@ObjectType({ description: 'A working group of a followed CPTS, as a mission officer reads it: what it is and how alive it is, no names.' })
export class FollowedWorkingGroup {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [AciMission]) missions: AciMission[];
  @Field(() => String, { nullable: true }) theme: string | null;
  @Field(() => WorkingGroupStatus) status: WorkingGroupStatus;
  @Field(() => Int) memberCount: number;
  @Field(() => Int) referentCount: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) nextMeetingAt: Date | null;
  @Field(() => Int, { description: 'Meetings held since 1 January (Paris).' }) meetingsThisYear: number;
  @Field(() => Int) openActionItems: number;
  @Field(() => Int) overdueActionItems: number;
  @Field(() => Int, { description: 'Action items done this calendar quarter (Paris): the small victories.' }) doneThisQuarter: number;
}

/**
 * A followed CPTS's working groups for the region's people (mission officers,
 * region admins), through the regional read path: read-only, logged, and
 * confined to the CPTS they may read. Counts only: who is in a group stays
 * with the CPTS.
 */
@Injectable()
export class FollowedWorkingGroupsService {
  constructor(private readonly regional: RegionalAccess) {}

  async of(tenantId: string): Promise<FollowedWorkingGroup[]> {
    const rows: FollowedWorkingGroup[] = await this.regional.read(requirePrincipal(), [tenantId], 'working-groups', (m) =>
      m.query(
        `SELECT g.id, g.name, g.missions, g.theme, g.status,
                (SELECT count(*)::int FROM working_group_members x WHERE x.tenant_id = g.tenant_id AND x.group_id = g.id AND x.left_at IS NULL) AS "memberCount",
                (SELECT count(*)::int FROM working_group_members x WHERE x.tenant_id = g.tenant_id AND x.group_id = g.id AND x.left_at IS NULL AND x.role = 'referent') AS "referentCount",
                ${ownerFiguresColumns('g', WORKING_GROUP_OWNER)}
         FROM working_groups g WHERE g.tenant_id = $1
         ORDER BY array_position(ARRAY['active', 'paused', 'closed'], g.status), lower(g.name), g.id`,
        [tenantId],
      ),
    );
    return rows;
  }
}

@Resolver(() => Cpts)
export class FollowedWorkingGroupsResolver {
  constructor(private readonly followed: FollowedWorkingGroupsService) {}

  @ResolveField(() => [FollowedWorkingGroup], {
    description: "The CPTS's working groups with their figures, for the region's people who may read this CPTS (FORBIDDEN otherwise).",
  })
  workingGroups(@Parent() cpts: Cpts): Promise<FollowedWorkingGroup[]> {
    return this.followed.of(cpts.id);
  }
}
