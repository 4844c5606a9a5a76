import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MailEnv } from '@cpts/platform-config';
import { Allow, CPTS_TEAM, requirePrincipal, requireTenantId, Role, UuidPipe } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { Cpts, RegionalAccess } from '@cpts/platform-identity';
import { CALL_MONEY_SQL, envelopeOf } from './call-payments';
import { CALL_COLUMNS, CallsService } from './calls.service';
import {
  Call,
  CallEnvelope,
  CallInput,
  CallProject,
  EnvelopeRaise,
  EnvelopeRaiseInput,
  ProjectComment,
  ProjectEvent,
  ProjectScores,
  ProjectStatus,
  PutToBureauInput,
} from './calls.types';
import { ProjectBureau } from './project-bureau';
import { ProposerLinks } from './project-links';
import { ProjectReview } from './project-review';
import { ProjectsService } from './projects.service';

const TEAM = [...CPTS_TEAM];
/** The board reads the calls (their envelope) and the projects put to it; it votes through governance. */
const READERS = [...CPTS_TEAM, Role.BOARD_MEMBER];

@Resolver(() => Call)
export class CallsResolver {
  private readonly links: ProposerLinks;

  constructor(
    private readonly service: CallsService,
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = ProposerLinks.fromEnv(mail);
  }

  @Query(() => [Call], { description: "The CPTS's calls for projects, newest year first." })
  @Allow(...READERS)
  calls(): Promise<Call[]> {
    return this.service.list();
  }

  @Query(() => Call)
  @Allow(...READERS)
  call(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Call> {
    return this.service.get(id);
  }

  @ResolveField(() => CallEnvelope, { description: 'Envelope, committed, voted on, paid, remaining: shown wherever a decision is made.' })
  async envelope(@Parent() call: RegionalCall): Promise<CallEnvelope> {
    return call.readRegionally?.envelope ?? this.service.envelope(call);
  }

  @ResolveField(() => [EnvelopeRaise], { description: "The envelope's raises put to the bureau." })
  async envelopeRaises(@Parent() call: RegionalCall): Promise<EnvelopeRaise[]> {
    // The raises are the team's and the bureau's business; the region sees the envelope as it stands.
    return call.readRegionally ? [] : this.service.raises(call.id);
  }

  @ResolveField(() => String, { description: 'The public page of the call (no login): its rules, its timeline, "propose a project".' })
  async publicUrl(@Parent() call: RegionalCall): Promise<string> {
    if (call.readRegionally) return call.readRegionally.publicUrl;
    const [t] = await this.db.rows<{ slug: string }>(`SELECT slug FROM tenants WHERE id = $1`, [requireTenantId()]);
    return this.links.callUrl(t.slug, call.slug);
  }

  @Mutation(() => Call, { description: 'A new call, not yet public (publishCall puts it on its page).' })
  @Allow(...TEAM)
  createCall(@Args('input') input: CallInput): Promise<Call> {
    return this.service.create(input);
  }

  @Mutation(() => Call, {
    description: 'Changes the call; its envelope only while nothing is committed nor voted on (then raiseCallEnvelope).',
  })
  @Allow(...TEAM)
  updateCall(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: CallInput): Promise<Call> {
    return this.service.update(id, input);
  }

  @Mutation(() => Call, {
    description: "Puts the call on its public page and schedules the drafts' reminders (7 and 1 days before the closing day).",
  })
  @Allow(...TEAM)
  publishCall(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Call> {
    return this.service.publish(id);
  }
}

@Resolver(() => CallProject)
export class ProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly review: ProjectReview,
    private readonly bureau: ProjectBureau,
  ) {}

  @Query(() => [CallProject], { description: 'The team: every project of the call; a board member: those put to the bureau.' })
  @Allow(...READERS)
  callProjects(
    @Args('callId', { type: () => ID }, UuidPipe) callId: string,
    @Args('status', { type: () => ProjectStatus, nullable: true }) status: ProjectStatus | null,
  ): Promise<CallProject[]> {
    return this.projects.list(callId, status ?? null);
  }

  @Query(() => CallProject)
  @Allow(...READERS)
  callProject(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<CallProject> {
    return this.projects.get(id);
  }

  @ResolveField(() => [ProjectEvent], { description: 'Every change of status: when, from what, to what, by whom.' })
  events(@Parent() project: CallProject): Promise<ProjectEvent[]> {
    return this.projects.events(project.id);
  }

  @ResolveField(() => [ProjectComment], { description: 'The thread between the team and the proposer.' })
  comments(@Parent() project: CallProject): Promise<ProjectComment[]> {
    return this.projects.comments(project.id);
  }

  @ResolveField(() => ProjectScores, { description: "The team's scores on the call's grid (visible to the bureau)." })
  scores(@Parent() project: CallProject): Promise<ProjectScores> {
    return this.review.scores(project.id);
  }

  @Mutation(() => CallProject, { description: 'SUBMITTED → UNDER_REVIEW.' })
  @Allow(...TEAM)
  startProjectReview(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<CallProject> {
    return this.projects.startReview(id);
  }

  @Mutation(() => CallProject, { description: 'Back to the proposer: the form reopens; the note goes to the thread and to them by email.' })
  @Allow(...TEAM)
  requestProjectChanges(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('note') note: string): Promise<CallProject> {
    return this.projects.requestChanges(id, note);
  }

  @Mutation(() => CallProject, { description: 'SUBMITTED or UNDER_REVIEW → READY_FOR_BUREAU.' })
  @Allow(...TEAM)
  markProjectReady(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<CallProject> {
    return this.projects.markReady(id, note ?? null);
  }

  @Mutation(() => CallProject, { description: 'READY_FOR_BUREAU → UNDER_REVIEW (not while the bureau votes).' })
  @Allow(...TEAM)
  returnProjectToReview(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<CallProject> {
    return this.projects.backToReview(id, note ?? null);
  }

  @Mutation(() => [ProjectComment], { description: 'A message of the team to the proposer (emailed to them with their link).' })
  @Allow(...TEAM)
  commentOnProject(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('body') body: string): Promise<ProjectComment[]> {
    return this.projects.comment(id, body, 'team');
  }

  @Mutation(() => ProjectScores, { description: "The caller's scores, 0 to 5, one per line of the call's grid (null: not scored)." })
  @Allow(...TEAM)
  scoreProject(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('scores', { type: () => [Int], nullable: 'items' }) scores: Array<number | null>,
  ): Promise<ProjectScores> {
    return this.review.score(id, scores);
  }

  @Mutation(() => [CallProject], {
    description: 'Puts one project or a batch to the bureau: one governance decision (one vote) per project; refused past the envelope.',
  })
  @Allow(...TEAM)
  putProjectsToBureau(@Args('input') input: PutToBureauInput): Promise<CallProject[]> {
    return this.bureau.putToBureau(input);
  }

  @Mutation(() => EnvelopeRaise, { description: "Asks the bureau to raise the call's envelope: applied when its decision is adopted." })
  @Allow(...TEAM)
  raiseCallEnvelope(@Args('input') input: EnvelopeRaiseInput): Promise<EnvelopeRaise> {
    return this.bureau.raiseEnvelope(input);
  }
}

/** Mission officers read the calls of the CPTS they follow, through the regional read path (logged), with their envelope. */
@Resolver(() => Cpts)
export class FollowedCallsResolver {
  constructor(
    private readonly regional: RegionalAccess,
    mail: MailEnv,
  ) {
    this.links = ProposerLinks.fromEnv(mail);
  }

  private readonly links: ProposerLinks;

  @ResolveField(() => [Call], {
    description: "The CPTS's calls for projects, for the region's people who follow it (FORBIDDEN otherwise).",
  })
  async calls(@Parent() cpts: Cpts): Promise<Call[]> {
    return this.regional.read(requirePrincipal(), [cpts.id], 'calls', async (m) => {
      const calls = (await m.query(
        `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 ORDER BY c.year DESC, c.opens_on DESC, c.id`,
        [cpts.id],
      )) as Call[];
      const out: RegionalCall[] = [];
      for (const call of calls) {
        const [money] = (await m.query(CALL_MONEY_SQL, [cpts.id, call.id])) as Array<{ committed: number; pending: number; paid: number }>;
        out.push({
          ...call,
          readRegionally: { envelope: envelopeOf(call.envelopeCents, money), publicUrl: this.links.callUrl(cpts.slug, call.slug) },
        });
      }
      return out;
    });
  }
}

/** A call read through the regional path: its figures computed there (the tenant's request-scoped reads are not available). */
type RegionalCall = Call & { readRegionally?: { envelope: CallEnvelope; publicUrl: string } };

export const CALLS_RESOLVERS = [CallsResolver, ProjectsResolver, FollowedCallsResolver];
