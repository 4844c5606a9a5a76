import { Args, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AppError, CPTS_TEAM, requireTenantId, UuidPipe } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { AdoptedResources } from '@cpts/resources';
import { SurveyEvidence } from '@cpts/surveys';
import { sourceChoices } from './evidence/choices';
import { EvaluationFileService } from './evaluation-file.service';
import { FicheEvidenceService } from './fiche-evidence.service';
import { FicheMeetings } from './fiche-meetings';
import {
  EvaluationFile,
  FicheAction,
  FicheEvidence,
  FicheEvidenceTextInput,
  FicheIndicatorInput,
  FicheInput,
  FicheReviewMeeting,
  FicheSourceChoice,
  FicheSourceKind,
  PlanFicheReviewInput,
} from './fiche.types';
import { FICHE_READERS, FichesService } from './fiches.service';
import { ficheFromTemplate } from './fiche-template';

const TEAM = [...CPTS_TEAM];
const READERS = [...FICHE_READERS];

export const fileUrls = (year: number) => ({
  pdfUrl: `/api/evaluation/${year}/dossier.pdf`,
  xlsxUrl: `/api/evaluation/${year}/dossier.xlsx`,
});

/** The fiches action and the year's file: the team writes, the board reads; the region sees none of it (its observatory reads snapshots). */
@Resolver(() => FicheAction)
export class FichesResolver {
  constructor(
    private readonly service: FichesService,
    private readonly evidence: FicheEvidenceService,
    private readonly meetings: FicheMeetings,
    private readonly file: EvaluationFileService,
    private readonly db: Db,
    private readonly surveys: SurveyEvidence,
    private readonly adopted: AdoptedResources,
  ) {}

  private async one(id: string): Promise<FicheAction> {
    const [fiche] = await this.service.toFiches([await this.service.row(id)], (f, i) => this.evidence.actuals(f, i));
    return fiche;
  }

  @Query(() => [FicheAction], { description: "The CPTS's fiches action of a year, by title." })
  @Allow(...READERS)
  async fiches(@Args('year', { type: () => Int }) year: number): Promise<FicheAction[]> {
    this.service.requireReader();
    return this.service.toFiches(await this.service.rows(year), (f, i) => this.evidence.actuals(f, i));
  }

  @Query(() => FicheAction)
  @Allow(...READERS)
  fiche(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<FicheAction> {
    return this.one(id);
  }

  @Query(() => [FicheEvidence], {
    description: 'The evidence of a fiche: read from its linked sources (with dates, figures and the source page), then the manual ones.',
  })
  @Allow(...READERS)
  async ficheEvidence(@Args('ficheId', { type: () => ID }, UuidPipe) ficheId: string): Promise<FicheEvidence[]> {
    const row = await this.service.row(ficheId);
    return (await this.evidence.ofFiches([row])).get(row.id) ?? [];
  }

  @Query(() => [FicheSourceChoice], {
    description: 'What a fiche may link as evidence (groups, projects, mailings, memberships of the year).',
  })
  @Allow(...TEAM)
  async ficheSourceChoices(@Args('year', { type: () => Int }) year: number): Promise<FicheSourceChoice[]> {
    if (!Number.isInteger(year) || year < 2020 || year > 2100) throw AppError.field('year', 'Année invalide.');
    return sourceChoices((sql, params) => this.db.tenantRows(sql, params), requireTenantId(), year, await this.surveys.list());
  }

  @Query(() => EvaluationFile, {
    description: "The year's file (dossier du dialogue de gestion) in figures, with its PDF and XLSX addresses.",
  })
  @Allow(...READERS)
  async evaluationFile(@Args('year', { type: () => Int }) year: number): Promise<EvaluationFile> {
    const file = await this.file.read(year);
    const quantitative = file.fiches.flatMap((f) => f.indicators.filter((i) => i.kind === 'quantitative'));
    return {
      year,
      cptsName: file.cptsName,
      fiches: file.fiches.length,
      quantitativeIndicators: quantitative.length,
      indicatorsMet: quantitative.filter((i) => i.met).length,
      evidence: file.fiches.reduce((sum, f) => sum + f.evidence.length, 0),
      perFiche: file.fiches.map((f) => ({
        id: f.id,
        title: f.title,
        mission: f.mission,
        status: f.status,
        indicators: f.indicators.length,
        indicatorsMet: f.indicators.filter((i) => i.met).length,
        evidence: f.evidence.length,
      })),
      ...fileUrls(year),
    };
  }

  @ResolveField(() => [FicheReviewMeeting], { description: 'The review meetings (réunions de revue) that go through this fiche.' })
  reviewMeetings(@Parent() fiche: FicheAction): Promise<FicheReviewMeeting[]> {
    return this.meetings.ofFiche(fiche.id);
  }

  @Mutation(() => FicheAction, { description: 'A fiche action made by hand.' })
  @Allow(...TEAM)
  async createFiche(@Args('input') input: FicheInput): Promise<FicheAction> {
    return this.one(await this.service.create(input));
  }

  @Mutation(() => FicheAction, {
    description:
      "A fiche made from the CPTS's adopted copy of a regional fiche-action template (its title, objective, mission, actions, indicators).",
  })
  @Allow(...TEAM)
  async createFicheFromTemplate(
    @Args('adoptionId', { type: () => ID }, UuidPipe) adoptionId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<FicheAction> {
    this.service.requireWriter();
    const adopted = await this.adopted.content(adoptionId);
    return this.one(await this.service.create(ficheFromTemplate(adopted.content, year), adopted.adoptionId));
  }

  @Mutation(() => FicheAction, { description: 'Changes the fiche; its indicators too when given (replaced, in order).' })
  @Allow(...TEAM)
  async updateFiche(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: FicheInput): Promise<FicheAction> {
    await this.service.update(id, input);
    return this.one(id);
  }

  @Mutation(() => Boolean, { description: 'Deletes a fiche without review meetings (one with them stays in the file: mark it abandoned).' })
  @Allow(...TEAM)
  async deleteFiche(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    await this.service.delete(id);
    return true;
  }

  @Mutation(() => FicheAction, { description: "Replaces the fiche's indicators, in this order." })
  @Allow(...TEAM)
  async setFicheIndicators(
    @Args('ficheId', { type: () => ID }, UuidPipe) ficheId: string,
    @Args('indicators', { type: () => [FicheIndicatorInput] }) indicators: FicheIndicatorInput[],
  ): Promise<FicheAction> {
    await this.service.setIndicators(ficheId, indicators);
    return this.one(ficheId);
  }

  @Mutation(() => FicheAction, {
    description: 'The actual of a quantitative indicator (not computed), or the assessment of a qualitative one.',
  })
  @Allow(...TEAM)
  async setIndicatorResult(
    @Args('indicatorId', { type: () => ID }, UuidPipe) indicatorId: string,
    @Args('actual', { type: () => Float, nullable: true }) actual: number | null,
    @Args('assessment', { type: () => String, nullable: true }) assessment: string | null,
  ): Promise<FicheAction> {
    return this.one(await this.service.setIndicatorResult(indicatorId, actual ?? null, assessment ?? null));
  }

  @Mutation(() => FicheAction, {
    description: 'Links recorded work (a group, project, mailing, survey, the memberships) to the fiche as evidence.',
  })
  @Allow(...TEAM)
  async linkFicheSource(
    @Args('ficheId', { type: () => ID }, UuidPipe) ficheId: string,
    @Args('kind', { type: () => FicheSourceKind }) kind: FicheSourceKind,
    @Args('sourceId', { type: () => ID }, UuidPipe) sourceId: string,
  ): Promise<FicheAction> {
    await this.service.linkSource(ficheId, kind, sourceId);
    return this.one(ficheId);
  }

  @Mutation(() => FicheAction)
  @Allow(...TEAM)
  async unlinkFicheSource(
    @Args('ficheId', { type: () => ID }, UuidPipe) ficheId: string,
    @Args('kind', { type: () => FicheSourceKind }) kind: FicheSourceKind,
    @Args('sourceId', { type: () => ID }, UuidPipe) sourceId: string,
  ): Promise<FicheAction> {
    await this.service.unlinkSource(ficheId, kind, sourceId);
    return this.one(ficheId);
  }

  @Mutation(() => FicheAction, {
    description: 'A text as evidence (a debrief, a partner’s letter summed up); files go through POST /api/evaluation/fiches/:id/evidence.',
  })
  @Allow(...TEAM)
  async addFicheEvidence(@Args('input') input: FicheEvidenceTextInput): Promise<FicheAction> {
    return this.one(await this.evidence.addText(input));
  }

  @Mutation(() => FicheAction, { description: 'Removes a manual evidence (text or file).' })
  @Allow(...TEAM)
  async removeFicheEvidence(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<FicheAction> {
    return this.one(await this.evidence.remove(id));
  }

  @Mutation(() => FicheReviewMeeting, {
    description: 'Plans a « réunion de revue » of one or several fiches: a meeting of the meetings module, invitations sent.',
  })
  @Allow(...TEAM)
  planFicheReview(@Args('input') input: PlanFicheReviewInput): Promise<FicheReviewMeeting> {
    return this.meetings.plan(input);
  }
}
