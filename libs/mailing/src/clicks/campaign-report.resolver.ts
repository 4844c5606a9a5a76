import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, Connection, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { CampaignFollowUpArgs, CampaignReport, FollowUpConnection, FollowUpContact } from './campaign-report.types';
import { CampaignReportService } from './campaign-report.service';

@Resolver(() => CampaignReport)
export class CampaignReportResolver {
  constructor(private readonly service: CampaignReportService) {}

  @Query(() => CampaignReport, { description: "A campaign's figures: sent, failed, unique clickers and click rate, per link and per profession." })
  @Allow(...CPTS_TEAM)
  campaignReport(@Args('campaignId', { type: () => ID }, UuidPipe) campaignId: string): Promise<CampaignReport> {
    return this.service.report(campaignId.toLowerCase());
  }

  @Query(() => FollowUpConnection, { description: 'The "relance téléphonique" list: recipients of a sent message who clicked nothing, those with a phone number first.' })
  @Allow(...CPTS_TEAM)
  campaignFollowUp(@Args() args: CampaignFollowUpArgs): Promise<Connection<FollowUpContact>> {
    return this.service.followUp(args.campaignId.toLowerCase(), args.first, args.after);
  }
}
