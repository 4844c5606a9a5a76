import { Module } from '@nestjs/common';
import { MeetingsModule } from '@cpts/meetings';
import type { DomainLibrary } from '@cpts/platform-domain';
import { IdentityModule } from '@cpts/platform-identity';
import { MailModule } from '@cpts/platform-mail';
import { FollowedWorkingGroupsResolver, FollowedWorkingGroupsService } from './followed-working-groups';
import { JoinRequestsController, JoinRequestsResolver, JoinRequestsService } from './join-requests';
import { workingGroupsMigrations } from './migrations';
import { workingGroupEntities } from './working-group.entities';
import { WorkingGroupMeetings } from './working-group-meetings';
import { WorkingGroupMembersService } from './working-group-members.service';
import { WorkingGroupsPersonData } from './working-groups.person-data';
import { WorkingGroupsResolver } from './working-groups.resolver';
import { WorkingGroupsService } from './working-groups.service';
import { ReferentDigestWorker } from './referent-digest.worker';

/** Working groups in the gateway: the groups, their members and referents, and the groups as owners of meetings. */
@Module({
  imports: [MeetingsModule, MailModule, IdentityModule],
  controllers: [JoinRequestsController],
  providers: [
    WorkingGroupsService,
    WorkingGroupMembersService,
    WorkingGroupsResolver,
    WorkingGroupsPersonData,
    WorkingGroupMeetings,
    JoinRequestsService,
    JoinRequestsResolver,
    FollowedWorkingGroupsService,
    FollowedWorkingGroupsResolver,
  ],
})
export class WorkingGroupsModule {}

/** Working groups in the worker: the referents' weekly digest of overdue action items. */
@Module({
  imports: [MailModule],
  providers: [ReferentDigestWorker],
})
export class WorkingGroupsWorkerModule {}

/** Everything the apps need of the working groups (see DomainLibrary). */
export const workingGroupsDomain: DomainLibrary = {
  name: 'working-groups',
  entities: workingGroupEntities,
  migrations: workingGroupsMigrations,
  resolvers: [WorkingGroupsResolver, JoinRequestsResolver, FollowedWorkingGroupsResolver],
  gateway: WorkingGroupsModule,
  personData: [WorkingGroupsPersonData],
  worker: WorkingGroupsWorkerModule,
};
