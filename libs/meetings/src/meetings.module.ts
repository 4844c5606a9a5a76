import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { MailModule } from '@cpts/platform-mail';
import { RemindersModule } from '@cpts/platform-reminders';
import { ActionItemDueReminder, ActionItemLinksController, ActionItemLinksService, ActionItemOverdueReminder } from './action-item-links';
import { ActionItemsResolver } from './action-items.resolver';
import { ActionItemsService } from './action-items.service';
import { MeetingDocumentsController, MeetingDocumentsResolver, MeetingDocumentsService } from './meeting-documents';
import { meetingEntities } from './meeting.entities';
import { MeetingMailer } from './meeting-mailer';
import { MeetingMinutesService } from './meeting-minutes.service';
import { MeetingOwners } from './meeting-owners';
import { MeetingPeople } from './meeting-people';
import { MeetingPollAnswersController, MeetingPollAnswersService } from './meeting-poll-answers';
import { MeetingPollOwnAnswerResolver } from './meeting-poll-own-answer';
import { MeetingPollsResolver } from './meeting-polls.resolver';
import { MeetingPollsService } from './meeting-polls.service';
import { MeetingRepliesController, MeetingRepliesService } from './meeting-replies';
import { MeetingRecords } from './meeting-records';
import { MeetingPollReminder, MeetingReminder } from './meeting-reminder';
import { meetingsMigrations } from './migrations';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsPersonData } from './meetings.person-data';
import { MeetingsService } from './meetings.service';
import { ParticipationResolver, ParticipationService } from './participation';

/**
 * Meetings in the gateway, for every kind of owner. An owner's library
 * imports this module and registers its MeetingOwner with MeetingOwners
 * (one instance: Nest builds a module once).
 */
@Module({
  imports: [MailModule, RemindersModule],
  controllers: [MeetingRepliesController, MeetingPollAnswersController, ActionItemLinksController, MeetingDocumentsController],
  providers: [
    MeetingOwners,
    MeetingPeople,
    MeetingsService,
    MeetingRecords,
    MeetingMailer,
    MeetingsResolver,
    MeetingRepliesService,
    MeetingPollsService,
    MeetingPollsResolver,
    MeetingPollOwnAnswerResolver,
    MeetingPollAnswersService,
    MeetingMinutesService,
    MeetingDocumentsService,
    MeetingDocumentsResolver,
    MeetingsPersonData,
    ActionItemsService,
    ActionItemsResolver,
    ActionItemLinksService,
    ParticipationService,
    ParticipationResolver,
  ],
  exports: [MeetingOwners, MeetingsService, MeetingRecords],
})
export class MeetingsModule {}

/** Everything the apps need of the meetings (see DomainLibrary). */
export const meetingsDomain: DomainLibrary = {
  name: 'meetings',
  entities: meetingEntities,
  migrations: meetingsMigrations,
  resolvers: [
    MeetingsResolver,
    MeetingDocumentsResolver,
    MeetingPollsResolver,
    MeetingPollOwnAnswerResolver,
    ActionItemsResolver,
    ParticipationResolver,
  ],
  gateway: MeetingsModule,
  personData: [MeetingsPersonData],
  reminderHandlers: [MeetingReminder, MeetingPollReminder, ActionItemDueReminder, ActionItemOverdueReminder],
};
