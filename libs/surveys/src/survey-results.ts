import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { AnswerValue } from './survey-questions';
import { SurveysService } from './surveys.service';
import { Survey, SurveyQuestion, SurveyQuestionResult, SurveyQuestionType, SurveyResults } from './survey.types';

/** Per question: how many answered, the distribution (scale 1 to 5, each option in order) and mean, or the texts. */
export function computeResults(
  survey: Pick<Survey, 'id' | 'recipientCount' | 'questions'>,
  responses: Array<Record<string, AnswerValue>>,
): SurveyResults {
  const questions = survey.questions.map((q) =>
    questionResult(
      q,
      responses.map((r) => r[q.id]).filter((v) => v !== undefined),
    ),
  );
  const answers = responses.length;
  return {
    surveyId: survey.id,
    recipients: survey.recipientCount,
    answers,
    responseRate: survey.recipientCount ? Math.round((answers / survey.recipientCount) * 1000) / 1000 : 0,
    questions,
  };
}

function questionResult(q: SurveyQuestion, values: AnswerValue[]): SurveyQuestionResult {
  const base = { questionId: q.id, type: q.type, label: q.label, answered: values.length, mean: null, counts: [], texts: [] };
  switch (q.type) {
    case SurveyQuestionType.SCALE: {
      const notes = values.filter((v): v is number => typeof v === 'number');
      const mean = notes.length ? Math.round((notes.reduce((a, b) => a + b, 0) / notes.length) * 100) / 100 : null;
      return { ...base, mean, counts: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), count: notes.filter((v) => v === n).length })) };
    }
    case SurveyQuestionType.SINGLE:
    case SurveyQuestionType.MULTIPLE: {
      const picked = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
      return { ...base, counts: q.options.map((o) => ({ label: o, count: picked.filter((p) => p === o).length })) };
    }
    case SurveyQuestionType.TEXT:
      return { ...base, texts: values.filter((v): v is string => typeof v === 'string') };
  }
}

/** A response as the export shows it: its answers, and who gave it for a nominative survey only. */
export interface ResponseLine {
  name: string | null;
  answers: Record<string, AnswerValue>;
}

/** The results of the CPTS's surveys, in the request's tenant transaction. */
@Injectable()
export class SurveyResultsReader {
  constructor(
    private readonly db: Db,
    private readonly surveys: SurveysService,
  ) {}

  async results(surveyId: string): Promise<SurveyResults> {
    const survey = await this.surveys.get(surveyId);
    return computeResults(survey, (await this.responses([surveyId])).get(surveyId) ?? []);
  }

  /**
   * The responses, with the recipient's name only for a nominative survey
   * (an anonymous one has none to give). Ordered by their random id: the
   * order says nothing of when or by whom.
   */
  async lines(survey: Survey): Promise<ResponseLine[]> {
    return this.db.tenantRows<ResponseLine>(
      `SELECT CASE WHEN a.anonymous THEN NULL ELSE r.name END AS name, a.answers
       FROM survey_responses a LEFT JOIN survey_recipients r ON r.tenant_id = a.tenant_id AND r.id = a.recipient_id
       WHERE a.tenant_id = $1 AND a.survey_id = $2 ORDER BY name NULLS LAST, a.id`,
      [requireTenantId(), survey.id],
    );
  }

  async responses(surveyIds: string[]): Promise<Map<string, Array<Record<string, AnswerValue>>>> {
    const rows = await this.db.tenantRows<{ surveyId: string; answers: Record<string, AnswerValue> }>(
      `SELECT survey_id AS "surveyId", answers FROM survey_responses WHERE tenant_id = $1 AND survey_id = ANY($2::uuid[])`,
      [requireTenantId(), surveyIds],
    );
    const out = new Map<string, Array<Record<string, AnswerValue>>>();
    for (const r of rows) out.set(r.surveyId, [...(out.get(r.surveyId) ?? []), r.answers]);
    return out;
  }
}
