import { DynamicModule, Module } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import type { Logger } from '@cpts/platform-observability';
import { DIRECTORY_SQL, DirectorySql } from '../campaigns/audience';
import { CampaignLinks } from '../links/campaign-links';
import { CampaignClicksService } from './campaign-clicks.service';
import { CampaignReportResolver } from './campaign-report.resolver';
import { CampaignReportService } from './campaign-report.service';
import { ClickRedirectController } from './click-redirect.controller';
import { FollowUpList } from './follow-up';
import { FollowUpExportController } from './follow-up-export.controller';
import { CLICKS_LOGGER } from './tokens';

/** Click tracking (the public redirect), the campaign report and the "relance téléphonique" list, in the gateway. */
@Module({})
export class CampaignClicksModule {
  static forGateway(logger: Logger, directorySql: DirectorySql): DynamicModule {
    return {
      module: CampaignClicksModule,
      controllers: [ClickRedirectController, FollowUpExportController],
      providers: [
        { provide: CLICKS_LOGGER, useValue: logger },
        { provide: DIRECTORY_SQL, useValue: directorySql },
        { provide: CampaignLinks, inject: [MailEnv], useFactory: CampaignLinks.fromEnv },
        CampaignClicksService,
        CampaignReportService,
        CampaignReportResolver,
        FollowUpList,
      ],
      exports: [FollowUpList],
    };
  }
}

export const clicksResolvers = [CampaignReportResolver];
