import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { RemindersModule } from '@cpts/platform-reminders';
import { EmailSuppressionsResolver } from './bounces/suppressions.resolver';
import { mailingEntities } from './campaign.entity';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CampaignsResolver } from './campaigns/campaigns.resolver';
import { CampaignNotStartedNotice } from './campaigns/not-started-notice';
import { MailingSegmentAudienceModule } from './campaigns/segment-audience';
import { CampaignClicksModule } from './clicks/campaign-clicks.module';
import { CampaignReportResolver } from './clicks/campaign-report.resolver';
import { CampaignWorker } from './delivery/campaign.worker';
import { CampaignFailuresDigest } from './delivery/failures-digest';
import { mailingMigrations } from './migrations';
import { CampaignPersonData } from './person-data/campaign-person-data';
import { PreferencesFormerAddress } from './preferences/preferences-former-address';
import { PreferencesModule } from './preferences/preferences.module';

/** Mailings in the gateway: campaigns, their clicks and report, the preferences page and the bounces, and what they hold on people. */
@Module({
  imports: [CampaignsModule, CampaignClicksModule, PreferencesModule, MailingSegmentAudienceModule],
  providers: [CampaignPersonData],
})
export class MailingModule {}

/** Mailings in the worker: the campaigns' delivery, reconciliation, scheduled starts and click retention. */
@Module({
  imports: [RemindersModule],
  providers: [CampaignWorker],
})
export class MailingWorkerModule {}

/** Every resolver class of the mailing library. */
export const mailingResolvers = [CampaignsResolver, CampaignReportResolver, EmailSuppressionsResolver];

/** Everything the apps need of the mailings (see DomainLibrary). */
export const mailingDomain: DomainLibrary = {
  name: 'mailing',
  entities: mailingEntities,
  migrations: mailingMigrations,
  resolvers: mailingResolvers,
  gateway: MailingModule,
  personData: [CampaignPersonData],
  formerPages: [PreferencesFormerAddress],
  worker: MailingWorkerModule,
  reminderHandlers: [CampaignFailuresDigest, CampaignNotStartedNotice],
};
