import { Module } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { CampaignLinks } from '../links/campaign-links';
import { CampaignClicksService } from './campaign-clicks.service';
import { CampaignReportResolver } from './campaign-report.resolver';
import { CampaignReportService } from './campaign-report.service';
import { ClickRedirectController } from './click-redirect.controller';
import { FollowUpList } from './follow-up';
import { FollowUpExportController } from './follow-up-export.controller';

/** Click tracking (the public redirect), the campaign report and the "relance téléphonique" list, in the gateway. */
@Module({
  controllers: [ClickRedirectController, FollowUpExportController],
  providers: [
    { provide: CampaignLinks, inject: [MailEnv], useFactory: CampaignLinks.fromEnv },
    CampaignClicksService,
    CampaignReportService,
    CampaignReportResolver,
    FollowUpList,
  ],
})
export class CampaignClicksModule {}
