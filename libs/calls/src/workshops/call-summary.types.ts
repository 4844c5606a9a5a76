import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AciMission } from '@cpts/platform-reference';
import { CallEnvelope, ProjectStatus } from '../calls.types';

@ObjectType()
export class SummaryByStatus {
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field(() => Int) projects: number;
  @Field(() => Float, { description: 'Their budgets, in cents.' }) budgetCents: number;
}

@ObjectType({ description: 'A project counts for each of its missions.' })
export class SummaryByMission {
  @Field(() => AciMission) mission: AciMission;
  @Field(() => Int) projects: number;
  @Field(() => Float, { description: 'Their budgets, in cents.' }) budgetCents: number;
  @Field(() => Float, { description: 'Of which approved by the bureau, in cents.' }) approvedCents: number;
}

@ObjectType({ description: 'A professional carrying an approved project (or one carried out since): proposer or co-carrier.' })
export class SummaryProfessional {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() professionCode: string;
  @Field() professionLabel: string;
  @Field({ description: 'Proposer of at least one of them.' }) carrier: boolean;
  @Field({ description: 'Co-carrier of at least one of them.' }) coCarrier: boolean;
  @Field(() => Int) projects: number;
}

@ObjectType({ description: "A project's line of the summary." })
export class SummaryProject {
  @Field(() => ID) id: string;
  @Field({ description: '"P03".' }) number: string;
  @Field() title: string;
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field({ description: 'The proposer’s name.' }) carrier: string;
  @Field(() => [AciMission]) missions: AciMission[];
  @Field(() => Float, { description: 'In cents.' }) budgetCents: number;
  @Field(() => Float, { nullable: true, description: 'In cents.' }) approvedCents: number | null;
  @Field(() => Float, { description: "Its workshops' and debrief's payment lines marked paid, in cents." }) paidCents: number;
  @Field(() => Int) workshops: number;
  @Field(() => Int) participants: number;
}

@ObjectType({ description: "A workshop's line of the summary." })
export class SummaryWorkshop {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() projectNumber: string;
  @Field() projectTitle: string;
  @Field({ description: 'YYYY-MM-DD.' }) heldOn: string;
  @Field(() => Int) minutes: number;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => Int) participants: number;
  @Field(() => Int) knownParticipants: number;
  @Field(() => [String]) speakers: string[];
  @Field(() => Float, { description: "The speakers' hourly fees generated (lines not cancelled), in cents." }) feesCents: number;
}

@ObjectType({
  description:
    "A call's year at a glance, for the team, the board and the region's people who follow the CPTS. The team sees every project; " +
    'the board and the region, the projects put to the bureau (never drafts nor reviews).',
})
export class CallSummary {
  @Field(() => ID) callId: string;
  @Field() title: string;
  @Field(() => Int) year: number;
  @Field(() => CallEnvelope) envelope: CallEnvelope;
  @Field(() => Int) projectCount: number;
  @Field(() => [SummaryByStatus], { description: 'In the order of a project’s life; statuses without projects left out.' })
  byStatus: SummaryByStatus[];
  @Field(() => [SummaryByMission]) byMission: SummaryByMission[];
  @Field(() => Int, { description: 'Distinct professionals carrying the approved projects (and those carried out since).' })
  professionalCount: number;
  @Field(() => [SummaryProfessional]) professionals: SummaryProfessional[];
  @Field(() => Int) workshopCount: number;
  @Field(() => Int, { description: "The workshops' participants added up (speakers and the public included)." }) participants: number;
  @Field(() => Int, { description: 'Of whom known by name in the directory.' }) knownParticipants: number;
  @Field(() => [SummaryProject]) projects: SummaryProject[];
  @Field(() => [SummaryWorkshop]) workshops: SummaryWorkshop[];
}
