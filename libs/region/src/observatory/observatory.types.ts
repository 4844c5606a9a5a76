import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The figures the observatory follows over the years (keys of CptsYearFigures, as stored in each snapshot). */
export enum ObservatoryIndicator {
  PROFESSIONALS = 'professionals',
  MEMBERS = 'members',
  WORKING_GROUPS = 'workingGroups',
  MEETINGS_HELD = 'meetingsHeld',
  PARTICIPANTS = 'participants',
  ACTION_ITEMS_DONE = 'actionItemsDone',
  DECISIONS_CLOSED = 'decisionsClosed',
  DECISIONS_WITHOUT_QUORUM = 'decisionsWithoutQuorum',
  PRO_ACTIF_PROJECTS = 'proActifProjects',
  PRO_ACTIF_COMMITTED_CENTS = 'proActifCommittedCents',
  PRO_ACTIF_PAID_CENTS = 'proActifPaidCents',
  MAILINGS_SENT = 'mailingsSent',
  CLICK_RATE = 'clickRate',
}
registerEnumType(ObservatoryIndicator, { name: 'ObservatoryIndicator', description: "A figure of the observatory's snapshots." });

export const INDICATOR_LABELS: Record<ObservatoryIndicator, string> = {
  professionals: 'Professionnels du territoire',
  members: 'Adhérents',
  workingGroups: 'Groupes de travail actifs',
  meetingsHeld: 'Réunions tenues',
  participants: 'Participants aux réunions',
  actionItemsDone: 'Actions faites',
  decisionsClosed: 'Décisions closes',
  decisionsWithoutQuorum: 'Décisions closes sans quorum',
  proActifProjects: 'Projets Pro Actif',
  proActifCommittedCents: 'Pro Actif engagé (centimes)',
  proActifPaidCents: 'Pro Actif payé (centimes)',
  mailingsSent: 'Envois',
  clickRate: 'Taux de clic',
};

@ObjectType({ description: "One CPTS's value of the indicator, year by year (null: no snapshot that year)." })
export class ObservatorySeries {
  @Field(() => ID) cptsId: string;
  @Field({ description: 'Its name in its latest snapshot.' }) name: string;
  @Field(() => [String], { description: 'Its départements in its latest snapshot.' }) departementCodes: string[];
  @Field(() => [Float], { nullable: 'items' }) values: Array<number | null>;
}

@ObjectType({
  description: 'The sum of the indicator over the CPTS of one département, year by year (a CPTS over two départements counts in both).',
})
export class ObservatoryDepartement {
  @Field() code: string;
  @Field(() => [Float], { nullable: 'items' }) values: Array<number | null>;
}

@ObjectType({
  description: "The observatory's trend of one indicator: years, CPTS, départements, from the snapshots (never from live data).",
})
export class ObservatoryTrend {
  @Field(() => ObservatoryIndicator) indicator: ObservatoryIndicator;
  @Field(() => [Int]) years: number[];
  @Field(() => [ObservatorySeries]) cpts: ObservatorySeries[];
  @Field(() => [ObservatoryDepartement]) departements: ObservatoryDepartement[];
  @Field(() => [Float], { nullable: 'items', description: 'Over every CPTS shown (sum; mean for the click rate).' }) total: Array<
    number | null
  >;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastTakenAt: Date | null;
  @Field({ description: 'Some snapshots shown are demo data.' }) includesDemo: boolean;
}

@ObjectType()
export class SnapshotResult {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'CPTS snapshotted.' }) count: number;
  @Field(() => GraphQLISODateTime) takenAt: Date;
}
