import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CptsYearFigures, ProfessionCount } from '../figures/figures.types';
import { GovernanceHealth } from '../health/governance-health';

@ObjectType({ description: 'One CPTS in the region\'s table ("Mes CPTS"): its figures this year and last, and its governance health.' })
export class RegionOverviewRow {
  @Field(() => ID) cptsId: string;
  @Field() name: string;
  @Field(() => [String]) departementCodes: string[];
  @Field(() => CptsYearFigures) current: CptsYearFigures;
  @Field(() => CptsYearFigures) previous: CptsYearFigures;
  @Field(() => GovernanceHealth) health: GovernanceHealth;
}

@ObjectType({ description: "The CPTS a region person follows (region admins: all of their region's), read-only." })
export class RegionOverview {
  @Field(() => Int) year: number;
  @Field(() => [RegionOverviewRow]) rows: RegionOverviewRow[];
  @Field(() => GraphQLISODateTime, { description: 'When the oldest of these figures was counted (the worker recounts every CPTS every few minutes).' })
  computedAt: Date;
}

@ObjectType({ description: 'Active members per profession of one year.' })
export class CptsMembershipYear {
  @Field(() => Int) year: number;
  @Field(() => Int) total: number;
  @Field(() => [ProfessionCount]) professions: ProfessionCount[];
}
