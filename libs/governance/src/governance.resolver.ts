import { Args, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AppError, Connection, CPTS_TEAM, decodeCursor, requirePrincipal, Role, toConnection, UuidPipe } from '@cpts/platform-core';
import { Cpts, RegionalAccess } from '@cpts/platform-identity';
import { Meeting } from '@cpts/meetings';
import { DECISION_COLUMNS, DECISION_FROM, DecisionsService, toDecision } from './decisions.service';
import {
  AuditVerification,
  CollegeInput,
  Decision,
  DecisionAuditEntry,
  DecisionComment,
  DecisionConnection,
  DecisionDocument,
  DecisionInput,
  DecisionStatus,
  DecisionVoter,
  DelegationInput,
  DelegationSettings,
  EndMandateInput,
  GovernanceInstance,
  InstanceInput,
  Mandate,
  MandateInput,
  MeetingQuorum,
  RegisterArgs,
  SessionVoteInput,
  SpendingCheck,
  SpendingRequest,
  SpendingRequestInput,
  UpdateInstanceInput,
  VoteChoice,
} from './governance.types';
import { DecisionDocumentsService } from './decision-documents';
import { InstanceMeetings } from './instance-meetings';
import { InstancesService } from './instances.service';
import { SpendingService } from './spending.service';
import { VotingService } from './voting.service';

const TEAM = [...CPTS_TEAM];
const GOVERNANCE_READERS = [...CPTS_TEAM, Role.BOARD_MEMBER];
const DECISION_READERS = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

@Resolver(() => GovernanceInstance)
export class InstancesResolver {
  constructor(private readonly instances: InstancesService) {}

  @Query(() => [GovernanceInstance], { description: "The CPTS's instances: bureau, CA, AG, then the commissions." })
  @Allow(...GOVERNANCE_READERS)
  governanceInstances(): Promise<GovernanceInstance[]> {
    return this.instances.list();
  }

  @Query(() => GovernanceInstance)
  @Allow(...GOVERNANCE_READERS)
  governanceInstance(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<GovernanceInstance> {
    return this.instances.get(id);
  }

  @ResolveField(() => [Mandate], {
    description: 'Who sits on it: on a date (YYYY-MM-DD; today by default), or every mandate ever with `all`, current ones first.',
  })
  mandates(
    @Parent() instance: GovernanceInstance,
    @Args('on', { type: () => String, nullable: true }) on: string | null,
    @Args('all', { type: () => Boolean, nullable: true }) all: boolean | null,
  ): Promise<Mandate[]> {
    if (on !== null && on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(on)) throw AppError.field('on', 'Date invalide (AAAA-MM-JJ).');
    return this.instances.mandates(instance.id, { on, all: all ?? false });
  }

  @Mutation(() => GovernanceInstance, {
    description: 'Sets up an instance with the usual rules of its kind (the CA with the four usual colleges).',
  })
  @Allow(...TEAM)
  createGovernanceInstance(@Args('input') input: InstanceInput): Promise<GovernanceInstance> {
    return this.instances.create(input);
  }

  @Mutation(() => GovernanceInstance, {
    description: "Name, seats and the statutes' rules (the coordinator): open decisions keep the rules they opened with.",
  })
  @Allow(Role.COORDINATOR)
  updateGovernanceInstance(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateInstanceInput,
  ): Promise<GovernanceInstance> {
    return this.instances.update(id, input);
  }

  @Mutation(() => GovernanceInstance, {
    description: 'The colleges of a CA or a commission, in order (a college with mandates cannot be removed).',
  })
  @Allow(...TEAM)
  setGovernanceColleges(
    @Args('instanceId', { type: () => ID }, UuidPipe) instanceId: string,
    @Args('colleges', { type: () => [CollegeInput] }) colleges: CollegeInput[],
  ): Promise<GovernanceInstance> {
    if (colleges.length > 12) throw AppError.field('colleges', 'Au plus 12 collèges.');
    return this.instances.setColleges(instanceId, colleges);
  }

  @Mutation(() => Mandate)
  @Allow(...TEAM)
  addMandate(@Args('instanceId', { type: () => ID }, UuidPipe) instanceId: string, @Args('input') input: MandateInput): Promise<Mandate> {
    return this.instances.addMandate(instanceId, input);
  }

  @Mutation(() => Mandate, { description: 'Corrects a mandate (a mistake in its entry; ending it early is endMandate).' })
  @Allow(...TEAM)
  updateMandate(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: MandateInput): Promise<Mandate> {
    return this.instances.updateMandate(id, input);
  }

  @Mutation(() => Mandate, {
    description: 'Ends a mandate before its term (resignation, revocation): the person no longer votes from the day after.',
  })
  @Allow(...TEAM)
  endMandate(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: EndMandateInput): Promise<Mandate> {
    return this.instances.endMandate(id, input);
  }
}

@Resolver(() => Decision)
export class DecisionsResolver {
  constructor(
    private readonly service: DecisionsService,
    private readonly voting: VotingService,
    private readonly files: DecisionDocumentsService,
  ) {}

  @Query(() => [Decision], {
    description: 'Decisions the caller may read: open first, then drafts, then closed (members: the AG’s published ones).',
  })
  @Allow(...DECISION_READERS)
  decisions(
    @Args('status', { type: () => DecisionStatus, nullable: true }) status: DecisionStatus | null,
    @Args('instanceId', { type: () => ID, nullable: true }, UuidPipe) instanceId: string | null,
  ): Promise<Decision[]> {
    return this.service.list({ status, instanceId });
  }

  @Query(() => Decision)
  @Allow(...DECISION_READERS)
  decision(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Decision> {
    return this.service.get(id);
  }

  @Query(() => DecisionConnection, { description: 'The register of decisions: every closed decision, by number, newest first.' })
  @Allow(...DECISION_READERS)
  decisionRegister(@Args() args: RegisterArgs): Promise<Connection<Decision>> {
    return this.service.register(args);
  }

  @Query(() => AuditVerification, { description: "Recomputes the decision's audit chain and checks the votes against it." })
  @Allow(...GOVERNANCE_READERS)
  verifyDecisionAudit(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<AuditVerification> {
    return this.service.verify(id);
  }

  @ResolveField(() => [DecisionVoter], {
    description: 'The voters (the team sees every vote; a voter their own, and the others once closed).',
  })
  voters(@Parent() decision: Decision): Promise<DecisionVoter[]> {
    return this.service.voters(decision);
  }

  @ResolveField(() => Boolean, {
    description: 'A draft the caller may change, attach to and put to the vote (the team, or the board member who wrote it).',
  })
  canEditDraft(@Parent() decision: Decision): boolean {
    return this.service.canEditDraft(decision);
  }

  @ResolveField(() => ID, { nullable: true, description: "The caller's own voter row, if they are consulted." })
  myVoterId(@Parent() decision: Decision): Promise<string | null> {
    return this.service.myVoterId(decision.id);
  }

  @ResolveField(() => [DecisionComment])
  comments(@Parent() decision: Decision): Promise<DecisionComment[]> {
    return this.service.comments(decision.id);
  }

  @ResolveField(() => [DecisionDocument], { description: 'The file, oldest first.' })
  documents(@Parent() decision: Decision): Promise<DecisionDocument[]> {
    return this.files.list(decision.id);
  }

  @ResolveField(() => [DecisionAuditEntry], { description: 'The audit trail (the team and the board).' })
  audit(@Parent() decision: Decision): Promise<DecisionAuditEntry[]> {
    return this.service.audit(decision.id);
  }

  @Mutation(() => Decision, { description: 'A draft, by the team or a board member.' })
  @Allow(...GOVERNANCE_READERS)
  createDecision(@Args('input') input: DecisionInput): Promise<Decision> {
    return this.service.create(input);
  }

  @Mutation(() => Decision, { description: 'A draft only (by the team, or the board member who wrote it).' })
  @Allow(...GOVERNANCE_READERS)
  updateDecision(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: DecisionInput): Promise<Decision> {
    return this.service.update(id, input);
  }

  @Mutation(() => Boolean)
  @Allow(...GOVERNANCE_READERS)
  deleteDecisionDraft(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    return this.service.deleteDraft(id, (decisionId) => this.files.removeAllOf(decisionId));
  }

  @Mutation(() => Decision, { description: 'Puts a draft to the vote: every voter of the instance gets the email with their links.' })
  @Allow(...GOVERNANCE_READERS)
  openDecision(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Decision> {
    return this.service.open(id);
  }

  @Mutation(() => Decision, {
    description: 'A decision closed without quorum, put to the vote once more (once); answers the new decision.',
  })
  @Allow(...TEAM)
  async reopenDecision(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('deadline', { type: () => GraphQLISODateTime }) deadline: Date,
  ): Promise<Decision> {
    const reopened = await this.service.reopen(id, deadline);
    await this.files.copyAll(id, reopened.id);
    return reopened;
  }

  @Mutation(() => Decision, { description: 'An AG decision, closed, made readable by the members.' })
  @Allow(...TEAM)
  publishDecision(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Decision> {
    return this.service.publish(id);
  }

  @Mutation(() => Decision, { description: 'Signed in, the caller votes (or changes their vote) as the voter they are.' })
  @Allow(...DECISION_READERS)
  voteOnDecision(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('choice', { type: () => VoteChoice }) choice: VoteChoice,
  ): Promise<Decision> {
    return this.service.actAsVoter(id, (voterId, by) => this.voting.vote(voterId, choice, by));
  }

  @Mutation(() => Decision, { description: 'Signed in, the caller declares a conflict of interest: out of the quorum and the count.' })
  @Allow(...DECISION_READERS)
  declareDecisionConflict(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<Decision> {
    return this.service.actAsVoter(id, (voterId, by) => this.voting.declareConflict(voterId, note, by));
  }

  @Mutation(() => Decision, { description: 'Signed in, the caller gives their vote to another voter (holderId), or takes it back (null).' })
  @Allow(...DECISION_READERS)
  giveDecisionProxy(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('holderId', { type: () => ID, nullable: true }, UuidPipe) holderId: string | null,
  ): Promise<Decision> {
    return this.service.actAsVoter(id, (voterId, by) => this.voting.giveProxy(voterId, holderId, by));
  }

  @Mutation(() => [DecisionComment], { description: 'A comment, by a voter or the team, while the decision is open.' })
  @Allow(...DECISION_READERS)
  commentOnDecision(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('body') body: string): Promise<DecisionComment[]> {
    const text = body.trim();
    if (!text) throw AppError.field('body', 'Le commentaire est vide.');
    if (text.length > 5000) throw AppError.field('body', 'Le commentaire ne peut pas dépasser 5 000 caractères.');
    return this.service.addComment(id, text);
  }

  @Mutation(() => Boolean)
  @Allow(...GOVERNANCE_READERS)
  removeDecisionDocument(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    return this.files.remove(id);
  }
}

@Resolver(() => SpendingRequest)
export class SpendingResolver {
  constructor(private readonly spending: SpendingService) {}

  @Query(() => [SpendingRequest], { description: 'Spending recorded by the team: those awaiting the treasurer’s check first.' })
  @Allow(...GOVERNANCE_READERS)
  spendingRequests(): Promise<SpendingRequest[]> {
    return this.spending.list();
  }

  @Query(() => DelegationSettings)
  @Allow(...GOVERNANCE_READERS)
  delegationSettings(): Promise<DelegationSettings> {
    return this.spending.settings();
  }

  @Mutation(() => DelegationSettings)
  @Allow(Role.COORDINATOR)
  updateDelegationSettings(@Args('input') input: DelegationInput): Promise<DelegationSettings> {
    return this.spending.updateSettings(input);
  }

  @Mutation(() => SpendingRequest, {
    description:
      'Under the first threshold, approved by rule for the treasurer to check; above, a decision of the bureau or the CA is opened.',
  })
  @Allow(...TEAM)
  recordSpending(@Args('input') input: SpendingRequestInput): Promise<SpendingRequest> {
    return this.spending.record(input);
  }

  @Mutation(() => SpendingRequest, {
    description: "The treasurer's after-the-fact check (or the coordinator's): CHECKED, or QUERIED with a note.",
  })
  @Allow(Role.COORDINATOR, Role.BOARD_MEMBER)
  checkSpending(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('check', { type: () => SpendingCheck }) check: SpendingCheck,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<SpendingRequest> {
    const text = note?.trim() || null;
    if (text && text.length > 1000) throw AppError.field('note', 'La note ne peut pas dépasser 1 000 caractères.');
    return this.spending.check(id, check, text);
  }
}

@ObjectType({ description: 'When the minutes (procès-verbal) of an instance’s meeting were approved, and at which meeting.' })
export class MinutesApproval {
  @Field(() => GraphQLISODateTime) approvedAt: Date;
  @Field(() => ID) atMeetingId: string;
}

/** What governance adds to a meeting of an instance. */
@Resolver(() => Meeting)
export class InstanceMeetingsResolver {
  constructor(private readonly instanceMeetings: InstanceMeetings) {}

  @Query(() => MeetingQuorum, { description: "The live quorum of an instance's meeting: attendance and proxies against the electorate." })
  @Allow(...GOVERNANCE_READERS)
  meetingQuorum(@Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string): Promise<MeetingQuorum> {
    return this.instanceMeetings.quorum(meetingId);
  }

  @Mutation(() => MeetingQuorum, { description: 'A proxy for the meeting between two invitees, within the statutes’ limit.' })
  @Allow(...TEAM)
  recordMeetingProxy(
    @Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string,
    @Args('giverId', { type: () => ID }, UuidPipe) giverId: string,
    @Args('holderId', { type: () => ID }, UuidPipe) holderId: string,
  ): Promise<MeetingQuorum> {
    return this.instanceMeetings.recordProxy(meetingId, giverId, holderId);
  }

  @Mutation(() => MeetingQuorum)
  @Allow(...TEAM)
  removeMeetingProxy(
    @Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string,
    @Args('giverId', { type: () => ID }, UuidPipe) giverId: string,
  ): Promise<MeetingQuorum> {
    return this.instanceMeetings.removeProxy(meetingId, giverId);
  }

  @Mutation(() => Decision, { description: 'A vote taken in session on an agenda item: closed at once and entered into the register.' })
  @Allow(...TEAM)
  recordSessionVote(@Args('input') input: SessionVoteInput): Promise<Decision> {
    return this.instanceMeetings.recordSessionVote(input);
  }

  @Mutation(() => Boolean, { description: "Approves a meeting's minutes at a later meeting of the same instance." })
  @Allow(...TEAM)
  approveMeetingMinutes(
    @Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string,
    @Args('atMeetingId', { type: () => ID }, UuidPipe) atMeetingId: string,
  ): Promise<boolean> {
    return this.instanceMeetings.approveMinutes(meetingId, atMeetingId);
  }

  @ResolveField(() => [Decision], { description: 'The votes recorded in session (meetings of an instance; empty otherwise).' })
  async sessionDecisions(@Parent() meeting: Meeting): Promise<Decision[]> {
    return meeting.ownerKind === 'governance_instance' ? this.instanceMeetings.sessionDecisions(meeting.id) : [];
  }

  @ResolveField(() => MinutesApproval, { nullable: true, description: 'When its minutes were approved (meetings of an instance).' })
  async minutesApproval(@Parent() meeting: Meeting): Promise<MinutesApproval | null> {
    return meeting.ownerKind === 'governance_instance' ? this.instanceMeetings.minutesApproval(meeting.id) : null;
  }
}

/** The register of a followed CPTS, for the region's people, through the regional read path (read-only, logged). */
@Resolver(() => Cpts)
export class FollowedRegisterResolver {
  constructor(private readonly regional: RegionalAccess) {}

  @ResolveField(() => DecisionConnection, {
    description:
      "The CPTS's register of decisions, for the region's people who follow it (FORBIDDEN otherwise): closed decisions, newest first.",
  })
  async decisionRegister(@Parent() cpts: Cpts, @Args() args: RegisterArgs): Promise<Connection<Decision>> {
    const params: unknown[] = [cpts.id];
    // register_seq IS NOT NULL: the register's partial index serves the pages (DecisionsService.register).
    const where: string[] = [`d.status = 'closed'`, `d.register_seq IS NOT NULL`];
    if (args.year) where.push(`d.register_year = $${params.push(args.year)}`);
    if (args.instanceId) where.push(`d.instance_id = $${params.push(args.instanceId)}`);
    const filtered = where.join(' AND ');
    const countParams = [...params];
    if (args.after) {
      const [year, seq] = decodeCursor(args.after, 2);
      if (!Number.isInteger(year) || !Number.isInteger(seq)) throw AppError.field('after', 'Curseur de pagination invalide.');
      where.push(`(d.register_year, d.register_seq) < ($${params.push(year)}, $${params.push(seq)})`);
    }
    const { rows, total } = await this.regional.read(requirePrincipal(), [cpts.id], 'decision-register', async (m) => ({
      rows: await m.query(
        `SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.tenant_id = $1 AND ${where.join(' AND ')} ORDER BY d.register_year DESC, d.register_seq DESC LIMIT ${args.first + 1}`,
        params,
      ),
      total: (await m.query(`SELECT count(*)::int AS total FROM ${DECISION_FROM} WHERE d.tenant_id = $1 AND ${filtered}`, countParams))[0]
        .total as number,
    }));
    const decisions = (rows as Parameters<typeof toDecision>[0][]).map((r) => ({
      ...toDecision(r, null),
      keys: [r.registerYear, r.registerSeq],
    }));
    return toConnection(decisions, args.first, total, (d) => d.keys, Boolean(args.after));
  }
}

export const GOVERNANCE_RESOLVERS = [
  InstancesResolver,
  DecisionsResolver,
  SpendingResolver,
  InstanceMeetingsResolver,
  FollowedRegisterResolver,
];
