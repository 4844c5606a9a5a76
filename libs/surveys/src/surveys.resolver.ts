import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, hasAnyRole, requirePrincipal, Role, UuidPipe } from '@cpts/platform-core';
import { SurveyResultsReader } from './survey-results';
import { SurveyTemplates } from './survey-templates';
import { SurveysService } from './surveys.service';
import { Survey, SurveyAudienceInput, SurveyInput, SurveyQuestionsInput, SurveyRecipient, SurveyResults } from './survey.types';

const TEAM = [...CPTS_TEAM];
/** The board reads the surveys and their results; the team writes, sends and exports them. */
const READERS = [...CPTS_TEAM, Role.BOARD_MEMBER];

@Resolver(() => Survey)
export class SurveysResolver {
  constructor(
    private readonly service: SurveysService,
    private readonly results: SurveyResultsReader,
    private readonly templates: SurveyTemplates,
  ) {}

  @Query(() => [Survey], { description: "The CPTS's surveys, newest first." })
  @Allow(...READERS)
  surveys(): Promise<Survey[]> {
    return this.service.list();
  }

  @Query(() => Survey)
  @Allow(...READERS)
  survey(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Survey> {
    return this.service.get(id);
  }

  @Query(() => SurveyResults, { description: 'Counts and distributions per question, free texts, response rate.' })
  @Allow(...READERS)
  surveyResults(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<SurveyResults> {
    return this.results.results(id);
  }

  @ResolveField(() => [SurveyRecipient], {
    description: 'Who it was sent to and whether they answered (the team only; empty for the board).',
  })
  async recipients(@Parent() survey: Survey): Promise<SurveyRecipient[]> {
    return hasAnyRole(requirePrincipal(), TEAM) ? this.service.recipients(survey.id) : [];
  }

  @Mutation(() => Survey, { description: 'A new draft survey, built in the app.' })
  @Allow(...TEAM)
  createSurvey(@Args('input') input: SurveyInput): Promise<Survey> {
    return this.service.create(input);
  }

  @Mutation(() => Survey, { description: "A new draft survey from a regional template the CPTS adopted (its copy's questions)." })
  @Allow(...TEAM)
  createSurveyFromTemplate(@Args('adoptionId', { type: () => ID }, UuidPipe) adoptionId: string): Promise<Survey> {
    return this.templates.create(adoptionId);
  }

  @Mutation(() => Survey, { description: 'Changes a draft survey.' })
  @Allow(...TEAM)
  updateSurvey(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: SurveyInput): Promise<Survey> {
    return this.service.update(id, input);
  }

  @Mutation(() => Survey, { description: "Replaces a draft survey's questions, in order." })
  @Allow(...TEAM)
  setSurveyQuestions(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: SurveyQuestionsInput): Promise<Survey> {
    return this.service.setQuestions(id, input.questions);
  }

  @Mutation(() => Survey, {
    description: 'Sends the draft to a segment of the directory or to a meeting’s participants: a personal link each, by email.',
  })
  @Allow(...TEAM)
  sendSurvey(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('audience') audience: SurveyAudienceInput): Promise<Survey> {
    return this.service.send(id, audience);
  }

  @Mutation(() => Int, { description: '« Relancer maintenant »: a reminder to those who have not answered; returns how many.' })
  @Allow(...TEAM)
  remindSurvey(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<number> {
    return this.service.remind(id);
  }

  @Mutation(() => Survey, { description: 'Stops the answers before the closing date.' })
  @Allow(...TEAM)
  closeSurvey(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Survey> {
    return this.service.close(id);
  }
}
