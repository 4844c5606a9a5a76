import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Connection, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { AudiencePreview, AudiencePreviewArgs, Campaign, CampaignConnection, CampaignInput, CampaignsArgs, NewslettersInMonthArgs, ScheduleCampaignArgs } from './campaign.types';
import { CampaignsService } from './campaigns.service';

/** Campaigns are the CPTS team's: board members and members neither read nor send them. */
@Resolver(() => Campaign)
export class CampaignsResolver {
  constructor(private readonly service: CampaignsService) {}

  @Query(() => CampaignConnection, { description: 'The campaigns of the CPTS, latest first (started, else scheduled, else last changed), with their progress; by pages.' })
  @Allow(...CPTS_TEAM)
  campaigns(@Args() args: CampaignsArgs): Promise<Connection<Campaign>> {
    return this.service.list(args);
  }

  @Query(() => Campaign)
  @Allow(...CPTS_TEAM)
  campaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.get(id);
  }

  @Query(() => AudiencePreview, { description: 'The live count of a segment: recipients now, and who is left out and why.' })
  @Allow(...CPTS_TEAM)
  audiencePreview(@Args() args: AudiencePreviewArgs): Promise<AudiencePreview> {
    return this.service.audiencePreview(args.audienceType, args.purpose, args.segment);
  }

  @Query(() => Int, {
    description:
      'Newsletters (professional or public) of a calendar month, Paris time: started in it, or scheduled in it and not started yet. Two is the advised maximum.',
  })
  @Allow(...CPTS_TEAM)
  newslettersInMonth(@Args() args: NewslettersInMonthArgs): Promise<number> {
    return this.service.newslettersInMonth(args.at ?? new Date(), args.exceptCampaignId ?? null);
  }

  @Mutation(() => Campaign, { description: 'A new draft.' })
  @Allow(...CPTS_TEAM)
  createCampaign(@Args('input') input: CampaignInput): Promise<Campaign> {
    return this.service.create(input);
  }

  @Mutation(() => Campaign, { description: 'Changes a draft; a scheduled campaign goes back to draft.' })
  @Allow(...CPTS_TEAM)
  updateCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: CampaignInput): Promise<Campaign> {
    return this.service.update(id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a draft.' })
  @Allow(...CPTS_TEAM)
  deleteCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    return this.service.remove(id);
  }

  @Mutation(() => Campaign, { description: 'A new draft with the same content and audience.' })
  @Allow(...CPTS_TEAM)
  duplicateCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.duplicate(id);
  }

  @Mutation(() => Campaign, { description: 'Evaluates the segment now and starts sending (draft or scheduled campaigns).' })
  @Allow(...CPTS_TEAM)
  sendCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.send(id);
  }

  @Mutation(() => Campaign, { description: 'Sending starts at that time (the segment is evaluated then).' })
  @Allow(...CPTS_TEAM)
  scheduleCampaign(@Args() args: ScheduleCampaignArgs): Promise<Campaign> {
    return this.service.schedule(args.id.toLowerCase(), args.at);
  }

  @Mutation(() => Campaign, { description: 'A scheduled campaign back to draft.' })
  @Allow(...CPTS_TEAM)
  unscheduleCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.unschedule(id);
  }

  @Mutation(() => Campaign, { description: 'Stops sending after the messages in flight; resume sends the rest.' })
  @Allow(...CPTS_TEAM)
  pauseCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.pause(id);
  }

  @Mutation(() => Campaign)
  @Allow(...CPTS_TEAM)
  resumeCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.resume(id);
  }

  @Mutation(() => Campaign, { description: 'Stops for good: the messages not yet sent are not sent.' })
  @Allow(...CPTS_TEAM)
  cancelCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Campaign> {
    return this.service.cancel(id);
  }

  @Mutation(() => String, { description: "Sends the campaign, marked [TEST], to the signed-in person's own address; returns that address." })
  @Allow(...CPTS_TEAM)
  sendTestCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<string> {
    return this.service.sendTest(id);
  }

  @ResolveField(() => String, { description: 'The HTML email as a recipient sees it (their own unsubscribe and tracking links aside).' })
  async previewHtml(@Parent() campaign: Campaign): Promise<string> {
    return (await this.service.rendered(campaign)).html;
  }

  @ResolveField(() => String, { description: 'The plain-text part of the email.' })
  async previewText(@Parent() campaign: Campaign): Promise<string> {
    return (await this.service.rendered(campaign)).text;
  }
}
