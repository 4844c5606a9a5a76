import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, Role, UuidPipe } from '@cpts/platform-core';
import { ActionItem, ActionItemFilter, ActionItemInput, ActionItemStatus } from './action-item.types';
import { ActionItemsService } from './action-items.service';

/** Who may call: the CPTS's people; what each may see or change is the owner's rule (MeetingOwner). */
const CPTS_PEOPLE = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

@Resolver(() => ActionItem)
export class ActionItemsResolver {
  constructor(private readonly items: ActionItemsService) {}

  @Query(() => [ActionItem], {
    description: 'Action items across the CPTS (the owners the caller may see): open first, by due date, owner and person.',
  })
  @Allow(...CPTS_PEOPLE)
  // `filter?:`, not `| null`: the parameter's design type must be the class for the validation pipe to check it (a union reads as Object).
  actionItems(@Args('filter', { type: () => ActionItemFilter, nullable: true }) filter?: ActionItemFilter): Promise<ActionItem[]> {
    return this.items.list(filter ?? {});
  }

  @Mutation(() => ActionItem, {
    description: 'An action item for a person, with a due date; they are reminded two days before and the day after if it is still open.',
  })
  @Allow(...CPTS_PEOPLE)
  createActionItem(@Args('input') input: ActionItemInput): Promise<ActionItem> {
    return this.items.create({ ...input, ownerId: input.ownerId.toLowerCase() });
  }

  @Mutation(() => ActionItem, {
    description:
      'Done, dropped or open again, by the owner\'s managers; the person who carries it (a team user) marks it done, or takes back their own "done".',
  })
  @Allow(...CPTS_PEOPLE)
  setActionItemStatus(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('status', { type: () => ActionItemStatus }) status: ActionItemStatus,
  ): Promise<ActionItem> {
    return this.items.setStatus(id, status);
  }
}
