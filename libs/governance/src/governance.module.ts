import { Module } from '@nestjs/common';
import { MeetingsModule } from '@cpts/meetings';
import type { DomainLibrary } from '@cpts/platform-domain';
import { IdentityModule } from '@cpts/platform-identity';
import { MailModule } from '@cpts/platform-mail';
import { RemindersModule } from '@cpts/platform-reminders';
import { DecisionDocumentsController, DecisionDocumentsService } from './decision-documents';
import { DecisionVotesController, DecisionVotesService } from './decision-votes.controller';
import { DecisionsService } from './decisions.service';
import { DecisionCloseHandler, DecisionVoteReminder, MandateEndReminder } from './governance-reminders';
import { governanceEntities } from './governance.entities';
import { GovernancePersonData } from './governance.person-data';
import {
  DecisionsResolver,
  FollowedRegisterResolver,
  GOVERNANCE_RESOLVERS,
  InstanceMeetingsResolver,
  InstancesResolver,
  SpendingResolver,
} from './governance.resolver';
import { InstanceMeetings } from './instance-meetings';
import { InstancesService } from './instances.service';
import { governanceMigrations } from './migrations';
import { RegisterExportController } from './register-export.controller';
import { SpendingService } from './spending.service';
import { Treasurer } from './treasurer';
import { VotingService } from './voting.service';

/** Governance in the gateway: instances and mandates, decisions and votes, the register, spending under the delegation levels, instances' meetings. */
@Module({
  imports: [MeetingsModule, MailModule, IdentityModule, RemindersModule],
  controllers: [DecisionVotesController, DecisionDocumentsController, RegisterExportController],
  providers: [
    InstancesService,
    DecisionsService,
    VotingService,
    DecisionVotesService,
    DecisionDocumentsService,
    SpendingService,
    Treasurer,
    InstanceMeetings,
    GovernancePersonData,
    InstancesResolver,
    DecisionsResolver,
    SpendingResolver,
    InstanceMeetingsResolver,
    FollowedRegisterResolver,
  ],
  // For the libraries that put their own things to the vote (DecisionSubject) and read the instances; the treasurer for payments.
  exports: [DecisionsService, InstancesService, Treasurer],
})
export class GovernanceModule {}

/** Everything the apps need of governance (see DomainLibrary). */
export const governanceDomain: DomainLibrary = {
  name: 'governance',
  entities: governanceEntities,
  migrations: governanceMigrations,
  resolvers: GOVERNANCE_RESOLVERS,
  gateway: GovernanceModule,
  personData: [GovernancePersonData],
  reminderHandlers: [DecisionCloseHandler, DecisionVoteReminder, MandateEndReminder],
};
