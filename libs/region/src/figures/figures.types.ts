import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { AciMission } from '@cpts/platform-reference';

@ObjectType({ description: 'Active members of one profession.' })
export class ProfessionCount {
  @Field({ description: 'RPPS profession code; "" when the professional has none.' }) code: string;
  @Field() label: string;
  @Field(() => Int) count: number;
}

@ObjectType({
  description: 'Participants of the meetings held for one ACI mission (working groups and Pro Actif projects tagged with it).',
})
export class MissionCount {
  @Field(() => AciMission) mission: AciMission;
  @Field(() => Int) count: number;
}

/**
 * One CPTS's figures for one Paris calendar year, read through the regional
 * path (docs/region.md says where each comes from). State figures (open,
 * overdue, ending soon) are as of 31 December, or now for the current year.
 */
@ObjectType()
export class CptsYearFigures {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'Professionals on the territory, active in the directory.' }) professionals: number;
  @Field(() => Int, { description: 'Memberships of the year with status active.' }) members: number;
  @Field(() => [ProfessionCount]) membersByProfession: ProfessionCount[];
  @Field(() => Int, { description: 'Working groups active (or that met during the year).' }) workingGroups: number;
  @Field(() => Int, { description: 'Meetings held (not cancelled, started).' }) meetingsHeld: number;
  @Field(() => Int, { description: 'Participants of those meetings: invitees present or by video, plus guests.' }) participants: number;
  @Field(() => [MissionCount]) participantsByMission: MissionCount[];
  @Field(() => Int) actionItemsDone: number;
  @Field(() => Int) actionItemsOverdue: number;
  @Field(() => Int) decisionsOpen: number;
  @Field(() => Int, { description: 'Decisions closed during the year, without quorum included.' }) decisionsClosed: number;
  @Field(() => Int) decisionsWithoutQuorum: number;
  @Field(() => Int, { description: 'Mandates ending within 90 days.' }) mandatesEndingSoon: number;
  @Field(() => Int, { description: "Pro Actif projects of the year's calls, approved or later." }) proActifProjects: number;
  @Field(() => Float) proActifCommittedCents: number;
  @Field(() => Float, { description: "Paid workshop and debrief fees of the year's Pro Actif." }) proActifPaidCents: number;
  @Field(() => Int, { description: 'Campaigns whose sending started during the year.' }) mailingsSent: number;
  @Field(() => Int) mailingRecipients: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Unique clickers / messages sent, as the campaign report counts it; null when nothing was sent.',
  })
  clickRate: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastActivityAt: Date | null;
}
