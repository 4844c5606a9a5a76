import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AppError, CPTS_TEAM, hasAnyRole, requirePrincipal, Role, scopedLoader, UuidPipe } from '@cpts/platform-core';
import { Cpts, RegionalAccess } from '@cpts/platform-identity';
import { PaymentLine, PaymentLinesService } from '@cpts/payments';
import { DEBRIEF_SOURCE, WORKSHOP_SOURCE } from '../call-payments';
import { CallProject } from '../calls.types';
import { readCallSummary } from './call-summary';
import { CallSummaries } from './call-summaries.service';
import { CallSummary } from './call-summary.types';
import { ProjectClosing } from './project-closing';
import { ProjectWorkshops } from './project-workshops.service';
import { ProjectWithWarnings, ProjectWorkshop, RecordedWorkshop, RecordWorkshopInput } from './workshop.types';

const TEAM = [...CPTS_TEAM];
const READERS = [...CPTS_TEAM, Role.BOARD_MEMBER];

/** A project's workshops and payments are the team's and the board's (who read the projects put to it), never anyone else's. */
function requireReader(): void {
  if (!hasAnyRole(requirePrincipal(), READERS)) throw AppError.forbidden();
}

@Resolver(() => CallProject)
export class ProjectWorkshopsResolver {
  constructor(
    private readonly held: ProjectWorkshops,
    private readonly closing: ProjectClosing,
    private readonly payments: PaymentLinesService,
  ) {}

  @Mutation(() => RecordedWorkshop, {
    description:
      "Records a workshop held (APPROVED or IN_PROGRESS project): its meeting, its row, one rémunération line per speaker at the call's hourly rate; all or nothing. The first one puts the project IN_PROGRESS.",
  })
  @Allow(...TEAM)
  recordProjectWorkshop(@Args('input') input: RecordWorkshopInput): Promise<RecordedWorkshop> {
    return this.held.record({
      ...input,
      projectId: input.projectId.toLowerCase(),
      speakerIds: input.speakerIds.map((id) => id.toLowerCase()),
      participantIds: input.participantIds.map((id) => id.toLowerCase()),
      meetingId: input.meetingId?.toLowerCase() ?? null,
    });
  }

  @Mutation(() => CallProject, {
    description:
      'Removes a workshop recorded by mistake: its unpaid lines cancelled (refused if one is paid), its meeting withdrawn from the figures.',
  })
  @Allow(...TEAM)
  removeProjectWorkshop(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<CallProject> {
    return this.held.remove(id);
  }

  @Mutation(() => ProjectWithWarnings, {
    description: 'IN_PROGRESS → COMPLETED: the debrief, and the flat fee (a rémunération) to each distinct speaker of the workshops.',
  })
  @Allow(...TEAM)
  fileProjectDebrief(
    @Args('projectId', { type: () => ID }, UuidPipe) projectId: string,
    @Args('worked') worked: string,
    @Args('notWorked') notWorked: string,
  ): Promise<ProjectWithWarnings> {
    return this.closing.debrief(projectId, worked, notWorked);
  }

  @Mutation(() => CallProject, { description: 'COMPLETED → EVALUATED: the actual of each criterion set at design, in their order.' })
  @Allow(...TEAM)
  fileProjectEvaluation(
    @Args('projectId', { type: () => ID }, UuidPipe) projectId: string,
    @Args('actuals', { type: () => [String] }) actuals: string[],
  ): Promise<CallProject> {
    return this.closing.evaluate(projectId, actuals);
  }

  @ResolveField(() => [ProjectWorkshop], { description: 'The workshops held, in the order they were.' })
  workshops(@Parent() project: CallProject): Promise<ProjectWorkshop[]> {
    requireReader();
    return this.workshopsOf(project.id);
  }

  @ResolveField(() => [PaymentLine], {
    description: "What the project's speakers are paid: each workshop's hourly fees and the debrief's flat fees, every status.",
  })
  async paymentLines(@Parent() project: CallProject): Promise<PaymentLine[]> {
    requireReader();
    const workshops = await this.workshopsOf(project.id);
    const lines = [
      ...(await this.payments.ofSources(
        WORKSHOP_SOURCE,
        workshops.map((w) => w.id),
      )),
      ...(await this.payments.ofSources(DEBRIEF_SOURCE, [project.id])),
    ];
    return lines.sort((a, b) => a.workDate.localeCompare(b.workDate) || a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** One statement for the workshops of every project of a list. */
  private workshopsOf(projectId: string): Promise<ProjectWorkshop[]> {
    return scopedLoader<string, ProjectWorkshop[]>(ProjectWorkshopsResolver.prototype.workshops, async (ids) => {
      const all = await this.held.ofProjects(ids);
      return ids.map((id) => all.filter((w) => w.projectId === id));
    }).load(projectId);
  }
}

@Resolver(() => ProjectWorkshop)
export class WorkshopPaymentsResolver {
  constructor(private readonly payments: PaymentLinesService) {}

  @ResolveField(() => [PaymentLine], { description: "The speakers' lines for this workshop, every status." })
  paymentLines(@Parent() workshop: ProjectWorkshop): Promise<PaymentLine[]> {
    requireReader();
    return scopedLoader<string, PaymentLine[]>(WorkshopPaymentsResolver.prototype.paymentLines, async (ids) => {
      const all = await this.payments.ofSources(WORKSHOP_SOURCE, ids);
      return ids.map((id) => all.filter((l) => l.sourceRef === id));
    }).load(workshop.id);
  }
}

@Resolver(() => CallSummary)
export class CallSummaryResolver {
  constructor(private readonly summaries: CallSummaries) {}

  @Query(() => CallSummary, {
    description:
      "A call's year at a glance (also as /api/calls/<id>/summary.xlsx): the team sees every project, the board those put to the bureau.",
  })
  @Allow(...READERS)
  callSummary(@Args('callId', { type: () => ID }, UuidPipe) callId: string): Promise<CallSummary> {
    return this.summaries.read(callId);
  }
}

/** Mission officers read a followed CPTS's call summary through the regional read path (logged): every figure comes from SQL within it. */
@Resolver(() => Cpts)
export class FollowedCallSummaryResolver {
  constructor(private readonly regional: RegionalAccess) {}

  @ResolveField(() => CallSummary, {
    description:
      "A call's summary of the CPTS, for the region's people who follow it (FORBIDDEN otherwise): the projects put to the bureau.",
  })
  callSummary(@Parent() cpts: Cpts, @Args('callId', { type: () => ID }, UuidPipe) callId: string): Promise<CallSummary> {
    return this.regional.read(requirePrincipal(), [cpts.id], 'call-summary', (m) =>
      readCallSummary((sql, params) => m.query(sql, params), cpts.id, callId, 'put_to_bureau'),
    );
  }
}

export const WORKSHOPS_RESOLVERS = [ProjectWorkshopsResolver, WorkshopPaymentsResolver, CallSummaryResolver, FollowedCallSummaryResolver];
