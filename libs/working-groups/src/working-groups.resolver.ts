import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, Role, UuidPipe } from '@cpts/platform-core';
import {
  AddWorkingGroupMembersArgs,
  WorkingGroup,
  WorkingGroupInput,
  WorkingGroupMember,
  WorkingGroupRole,
  WorkingGroupStatus,
} from './working-group.types';
import { WorkingGroupMembersService } from './working-group-members.service';
import { WorkingGroupsService } from './working-groups.service';

/** The team and the board see every group; a member sees (and a referent changes) the groups they are in. */
const READERS = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

@Resolver(() => WorkingGroup)
export class WorkingGroupsResolver {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly memberships: WorkingGroupMembersService,
  ) {}

  @Query(() => [WorkingGroup], { description: 'The working groups the caller may see: active first, then paused, then closed; by name.' })
  @Allow(...READERS)
  workingGroups(
    @Args('status', { type: () => WorkingGroupStatus, nullable: true }) status: WorkingGroupStatus | null,
  ): Promise<WorkingGroup[]> {
    return this.groups.list(status ?? null);
  }

  @Query(() => WorkingGroup)
  @Allow(...READERS)
  workingGroup(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<WorkingGroup> {
    return this.groups.get(id);
  }

  @Mutation(() => WorkingGroup)
  @Allow(...CPTS_TEAM)
  createWorkingGroup(@Args('input') input: WorkingGroupInput): Promise<WorkingGroup> {
    return this.groups.create(input);
  }

  @Mutation(() => WorkingGroup, { description: 'By the team or a referent of the group.' })
  @Allow(...READERS)
  updateWorkingGroup(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: WorkingGroupInput): Promise<WorkingGroup> {
    return this.groups.update(id, input);
  }

  @Mutation(() => [WorkingGroupMember], {
    description: "Adds people to the group with a role (by the team or a referent); answers the group's current members.",
  })
  @Allow(...READERS)
  addWorkingGroupMembers(@Args() args: AddWorkingGroupMembersArgs): Promise<WorkingGroupMember[]> {
    return this.memberships.add({
      ...args,
      groupId: args.groupId.toLowerCase(),
      professionalIds: args.professionalIds.map((id) => id.toLowerCase()),
      userIds: args.userIds.map((id) => id.toLowerCase()),
    });
  }

  @Mutation(() => WorkingGroupMember)
  @Allow(...READERS)
  setWorkingGroupMemberRole(
    @Args('memberId', { type: () => ID }, UuidPipe) memberId: string,
    @Args('role', { type: () => WorkingGroupRole }) role: WorkingGroupRole,
  ): Promise<WorkingGroupMember> {
    return this.memberships.setRole(memberId, role);
  }

  @Mutation(() => WorkingGroupMember, { description: 'The person leaves the group; their row stays in its history.' })
  @Allow(...READERS)
  removeWorkingGroupMember(@Args('memberId', { type: () => ID }, UuidPipe) memberId: string): Promise<WorkingGroupMember> {
    return this.memberships.remove(memberId);
  }

  @ResolveField(() => [WorkingGroupMember], {
    description: 'Referents first, then members by name; former members too with includeFormer.',
  })
  members(
    @Parent() group: WorkingGroup,
    @Args('includeFormer', { defaultValue: false }) includeFormer: boolean,
  ): Promise<WorkingGroupMember[]> {
    return this.memberships.list(group.id, includeFormer);
  }
}
