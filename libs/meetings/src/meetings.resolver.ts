import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, Role, UuidPipe } from '@cpts/platform-core';
import {
  AttendanceInput,
  Meeting,
  MeetingDetailsInput,
  MeetingInvitee,
  MeetingMinutesInput,
  MeetingMinutesRecipient,
  ScheduleMeetingInput,
} from './meeting.types';
import { MeetingMinutesService } from './meeting-minutes.service';
import { MeetingsService } from './meetings.service';

/** Who may call: the CPTS's people; what each may see or change is the owner's rule (MeetingOwner). */
const CPTS_PEOPLE = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly minutes: MeetingMinutesService,
  ) {}

  @Query(() => [Meeting], {
    description: "An owner's meetings (e.g. a working group's): coming ones first, soonest first; then past ones, latest first.",
  })
  @Allow(...CPTS_PEOPLE)
  meetings(@Args('ownerKind') ownerKind: string, @Args('ownerId', { type: () => ID }, UuidPipe) ownerId: string): Promise<Meeting[]> {
    return this.service.list(ownerKind, ownerId);
  }

  @Query(() => Meeting)
  @Allow(...CPTS_PEOPLE)
  meeting(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Meeting> {
    return this.service.get(id);
  }

  @Mutation(() => Meeting, {
    description: 'Schedules a meeting and emails the invitations (with the event for calendars); J-7 and J-1 reminders follow.',
  })
  @Allow(...CPTS_PEOPLE)
  scheduleMeeting(@Args('input') input: ScheduleMeetingInput): Promise<Meeting> {
    return this.service.schedule({
      ...input,
      ownerId: input.ownerId.toLowerCase(),
      professionalIds: input.professionalIds.map((id) => id.toLowerCase()),
    });
  }

  @Mutation(() => Meeting, { description: 'Changes the time, place or agenda: every invitee gets the change, the reminders move.' })
  @Allow(...CPTS_PEOPLE)
  updateMeeting(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: MeetingDetailsInput): Promise<Meeting> {
    return this.service.update(id, input);
  }

  @Mutation(() => Meeting, {
    description: 'Cancels the meeting: every invitee is told, the event leaves their calendars, no reminder fires.',
  })
  @Allow(...CPTS_PEOPLE)
  cancelMeeting(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Meeting> {
    return this.service.cancel(id);
  }

  @Mutation(() => Meeting, { description: 'Records who was there (during or after the meeting).' })
  @Allow(...CPTS_PEOPLE)
  recordMeetingAttendance(
    @Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string,
    @Args('entries', { type: () => [AttendanceInput] }) entries: AttendanceInput[],
  ): Promise<Meeting> {
    return this.minutes.recordAttendance(meetingId, entries);
  }

  @Mutation(() => Meeting, { description: 'Saves the minutes and the decisions (until they are sent).' })
  @Allow(...CPTS_PEOPLE)
  saveMeetingMinutes(
    @Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string,
    @Args('input') input: MeetingMinutesInput,
  ): Promise<Meeting> {
    return this.minutes.save(meetingId, input);
  }

  @Mutation(() => Meeting, {
    description: 'Sends the minutes to every invitee and every member of the owner, present or not; final once sent.',
  })
  @Allow(...CPTS_PEOPLE)
  publishMeetingMinutes(@Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string): Promise<Meeting> {
    return this.minutes.publish(meetingId);
  }

  @ResolveField(() => [MeetingMinutesRecipient], { description: 'Who the minutes were sent to, and when.' })
  minutesRecipients(@Parent() meeting: Meeting): Promise<MeetingMinutesRecipient[]> {
    return this.minutes.recipients(meeting.id);
  }

  @ResolveField(() => [MeetingInvitee], { description: 'Who is invited, with their answer.' })
  invitees(@Parent() meeting: Meeting): Promise<MeetingInvitee[]> {
    return this.service.invitees(meeting.id);
  }
}
