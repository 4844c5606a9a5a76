import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, isUuid, xlsxWorkbook, XLSX_CONTENT_TYPE } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { computeResults, ResponseLine, SurveyResultsReader } from './survey-results';
import { NOT_FOUND, SurveysService } from './surveys.service';
import { Survey, SurveyQuestionType, SurveyResults } from './survey.types';

const TYPE_LABELS: Record<SurveyQuestionType, string> = {
  scale: 'Note de 1 à 5',
  single: 'Choix unique',
  multiple: 'Choix multiple',
  text: 'Texte libre',
};

/** The results as a workbook: Synthèse (a line per question and answer), Réponses (a line per response; names only when nominative). */
export function surveyWorkbook(survey: Survey, results: SurveyResults, lines: ResponseLine[]): Promise<Buffer> {
  const synthesis: Array<Array<string | number | null>> = [
    ['Enquête', survey.title, null, null],
    ['Destinataires', null, results.recipients, null],
    ['Réponses', null, results.answers, null],
    ['Taux de réponse (%)', null, null, Math.round(results.responseRate * 1000) / 10],
  ];
  for (const q of results.questions) {
    synthesis.push([q.label, TYPE_LABELS[q.type], q.answered, q.mean]);
    for (const c of q.counts) synthesis.push([q.label, c.label, c.count, null]);
    for (const t of q.texts) synthesis.push([q.label, t, null, null]);
  }
  const cell = (v: unknown) => (v === undefined ? null : Array.isArray(v) ? v.join(' ; ') : (v as string | number));
  return xlsxWorkbook([
    {
      name: 'Synthèse',
      columns: [
        { header: 'Question', width: 50 },
        { header: 'Réponse', width: 50 },
        { header: 'Nombre', width: 10, whole: true },
        { header: 'Moyenne / taux', width: 14 },
      ],
      rows: synthesis,
    },
    {
      name: 'Réponses',
      columns: [
        ...(survey.anonymous ? [] : [{ header: 'Répondant', width: 30 }]),
        ...survey.questions.map((q) => ({
          header: q.label.slice(0, 200),
          width: q.type === SurveyQuestionType.TEXT ? 50 : 20,
          whole: q.type === SurveyQuestionType.SCALE,
        })),
      ],
      rows: lines.map((l) => [...(survey.anonymous ? [] : [l.name]), ...survey.questions.map((q) => cell(l.answers[q.id]))]),
    },
  ]);
}

/** /api/surveys/<id>/results.xlsx, for the team (the board reads the results on screen). */
@Controller('api/surveys')
export class SurveyExportController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly results: SurveyResultsReader,
  ) {}

  @Get(':id/results.xlsx')
  @Allow(...CPTS_TEAM)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async xlsx(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    if (!isUuid(id)) throw AppError.notFound(NOT_FOUND);
    const survey = await this.surveys.get(id.toLowerCase());
    const lines = await this.results.lines(survey);
    const results = computeResults(
      survey,
      lines.map((l) => l.answers),
    );
    void reply.header('content-disposition', `attachment; filename="enquete-resultats.xlsx"`);
    return surveyWorkbook(survey, results, lines);
  }
}
