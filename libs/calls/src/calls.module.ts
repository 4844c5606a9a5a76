import { Module } from '@nestjs/common';
import { GovernanceModule } from '@cpts/governance';
import { MeetingsModule } from '@cpts/meetings';
import { PaymentsModule } from '@cpts/payments';
import type { DomainLibrary } from '@cpts/platform-domain';
import { IdentityModule } from '@cpts/platform-identity';
import { MailModule } from '@cpts/platform-mail';
import { RemindersModule } from '@cpts/platform-reminders';
import { callsEntities } from './calls.entities';
import { CALLS_RESOLVERS, CallsResolver, FollowedCallsResolver, ProjectsResolver } from './calls.resolver';
import { CallsService } from './calls.service';
import { callsMigrations } from './migrations';
import { ProjectBureau } from './project-bureau';
import { ProjectMemberships } from './project-memberships';
import { ProjectReview } from './project-review';
import { ProjectsService } from './projects.service';
import { DraftReminderHandler } from './public/draft-reminder';
import { ProjectDocuments } from './public/project-documents';
import { ProjectDocumentsController, ProjectDocumentsResolver } from './public/project-documents.resolver';
import { ProposerController } from './public/proposer.controller';
import { ProposerPages } from './public/proposer-pages';
import { IdentityChoicesReader } from './public/public-call-facts';
import { PublicCallsController, PublicCallsService } from './public/public-calls';
import { CallSummaries } from './workshops/call-summaries.service';
import { CallSummaryExportController } from './workshops/call-summary-export.controller';
import { ProjectClosing } from './workshops/project-closing';
import { ProjectMeetings } from './workshops/project-meetings';
import { ProjectWorkshops } from './workshops/project-workshops.service';
import { WORKSHOPS_RESOLVERS } from './workshops/workshops.resolver';

/** Calls for projects in the gateway: calls, projects and their review, the bureau's decisions on them, workshops and evaluation. */
@Module({
  imports: [GovernanceModule, MeetingsModule, PaymentsModule, MailModule, IdentityModule, RemindersModule],
  providers: [
    CallsService,
    ProjectsService,
    ProjectReview,
    ProjectBureau,
    ProjectMemberships,
    CallsResolver,
    ProjectsResolver,
    FollowedCallsResolver,
    // The proposer's side (public, no login) and the projects' documents.
    PublicCallsService,
    ProposerPages,
    ProjectDocuments,
    IdentityChoicesReader,
    ProjectDocumentsResolver,
    // Carrying out an approved project: its workshops (meetings of the project), payments, debrief, evaluation; the call's summary.
    ProjectMeetings,
    ProjectWorkshops,
    ProjectClosing,
    CallSummaries,
    ...WORKSHOPS_RESOLVERS,
  ],
  controllers: [PublicCallsController, ProposerController, ProjectDocumentsController, CallSummaryExportController],
})
export class CallsModule {}

/** Everything the apps need of the calls for projects (see DomainLibrary). */
export const callsDomain: DomainLibrary = {
  name: 'calls',
  entities: callsEntities,
  migrations: callsMigrations,
  resolvers: [...CALLS_RESOLVERS, ProjectDocumentsResolver, ...WORKSHOPS_RESOLVERS],
  gateway: CallsModule,
  reminderHandlers: [DraftReminderHandler],
};
