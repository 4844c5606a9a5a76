import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, Role, UuidPipe } from '@cpts/platform-core';
import { CreateMeetingPollInput, MeetingPoll, MeetingPollInvitee } from './meeting-poll.types';
import { MeetingPollsService } from './meeting-polls.service';
import { Meeting } from './meeting.types';

/** Who may call: the CPTS's people; what each may see or change is the owner's rule (MeetingOwner). */
const CPTS_PEOPLE = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

@Resolver(() => MeetingPoll)
export class MeetingPollsResolver {
  constructor(private readonly polls: MeetingPollsService) {}

  @Query(() => [MeetingPoll], { description: "An owner's scheduling polls: open ones first, latest first." })
  @Allow(...CPTS_PEOPLE)
  meetingPolls(
    @Args('ownerKind') ownerKind: string,
    @Args('ownerId', { type: () => ID }, UuidPipe) ownerId: string,
  ): Promise<MeetingPoll[]> {
    return this.polls.list(ownerKind, ownerId);
  }

  @Query(() => MeetingPoll)
  @Allow(...CPTS_PEOPLE)
  meetingPoll(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MeetingPoll> {
    return this.polls.get(id);
  }

  @Mutation(() => MeetingPoll, {
    description: 'Proposes slots and asks the group (or a list of people) which suit them, by email; those who do not answer are reminded.',
  })
  @Allow(...CPTS_PEOPLE)
  createMeetingPoll(@Args('input') input: CreateMeetingPollInput): Promise<MeetingPoll> {
    return this.polls.create({
      ...input,
      ownerId: input.ownerId.toLowerCase(),
      professionalIds: input.professionalIds.map((id) => id.toLowerCase()),
    });
  }

  @Mutation(() => Int, { description: 'Reminds now those who have not answered (never those who have); answers how many will be.' })
  @Allow(...CPTS_PEOPLE)
  remindMeetingPoll(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<number> {
    return this.polls.remind(id);
  }

  @Mutation(() => Meeting, {
    description: "Closes the poll on one slot: the meeting is scheduled with the poll's invitees, and the invitations go out.",
  })
  @Allow(...CPTS_PEOPLE)
  closeMeetingPoll(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('slotId', { type: () => ID }, UuidPipe) slotId: string,
  ): Promise<Meeting> {
    return this.polls.close(id, slotId);
  }

  @ResolveField(() => [MeetingPollInvitee], { description: 'Who was asked, with their answers.' })
  invitees(@Parent() poll: MeetingPoll): Promise<MeetingPollInvitee[]> {
    return this.polls.invitees(poll.id);
  }
}
