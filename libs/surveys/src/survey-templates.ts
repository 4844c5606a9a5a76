import { Injectable } from '@nestjs/common';
import { AppError } from '@cpts/platform-core';
import { AdoptedResources } from '@cpts/resources';
import { SurveysService } from './surveys.service';
import { Survey, SURVEY_LIMITS, SurveyQuestionType } from './survey.types';

/**
 * A survey from a regional survey template the CPTS adopted: its copy's
 * title, intro and questions (as the CPTS adapted them) become a new draft,
 * nominative by default and without a closing date, for the team to finish.
 * The question kinds are the template's (TemplateQuestion.type).
 */
@Injectable()
export class SurveyTemplates {
  constructor(
    private readonly adopted: AdoptedResources,
    private readonly surveys: SurveysService,
  ) {}

  async create(adoptionId: string): Promise<Survey> {
    const copy = await this.adopted.content(adoptionId);
    const content = copy.content;
    if (!content || content.kind !== 'survey') throw AppError.badInput("Cette ressource n'est pas un modèle d'enquête.");
    if (content.questions.length === 0) throw AppError.badInput("Ce modèle d'enquête n'a pas de question.");
    return this.surveys.create(
      { title: content.title.slice(0, SURVEY_LIMITS.title), intro: (content.intro ?? '').slice(0, SURVEY_LIMITS.intro), anonymous: false },
      content.questions.slice(0, SURVEY_LIMITS.questions).map((q) => ({
        type: q.type as SurveyQuestionType,
        label: q.label.slice(0, SURVEY_LIMITS.label),
        options: q.options ?? null,
        required: q.required ?? false,
      })),
      copy.adoptionId,
    );
  }
}
