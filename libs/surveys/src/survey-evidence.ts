import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { computeResults, SurveyResultsReader } from './survey-results';
import { STATUS_SQL, SurveysService } from './surveys.service';
import { SurveyListItem, SurveyQuestionType, SurveySummary } from './survey.types';

/**
 * What the dialogue de gestion (libs/evaluation) reads of the surveys, to
 * attach one to a fiche action as evidence: a few figures per survey. Runs
 * in the caller's tenant transaction; rights are the caller's to check.
 */
@Injectable()
export class SurveyEvidence {
  constructor(
    private readonly db: Db,
    private readonly surveys: SurveysService,
    private readonly results: SurveyResultsReader,
  ) {}

  /** The CPTS's surveys, newest first, drafts included (the caller may keep only sent ones). */
  list(): Promise<SurveyListItem[]> {
    return this.db.tenantRows<SurveyListItem>(
      `SELECT s.id, s.title, ${STATUS_SQL('s')} AS status, s.sent_at AS "sentAt" FROM surveys s WHERE s.tenant_id = $1 ORDER BY s.created_at DESC, s.id`,
      [requireTenantId()],
    );
  }

  /** The figures of these surveys of the CPTS (ids of other CPTS or unknown are left out), in the order asked. */
  async summaries(surveyIds: string[]): Promise<SurveySummary[]> {
    const ids = [...new Set(surveyIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    const all = await this.surveys.list();
    const wanted = all.filter((s) => ids.includes(s.id));
    const responses = await this.results.responses(wanted.map((s) => s.id));
    const byId = new Map(
      wanted.map((s) => {
        const r = computeResults(s, responses.get(s.id) ?? []);
        return [
          s.id,
          {
            surveyId: s.id,
            title: s.title,
            sentAt: s.sentAt,
            closesAt: s.closesAt,
            recipients: r.recipients,
            answers: r.answers,
            responseRate: r.responseRate,
            scaleMeans: r.questions
              .filter((q) => q.type === SurveyQuestionType.SCALE && q.mean !== null)
              .map((q) => ({ label: q.label, mean: q.mean as number })),
          },
        ];
      }),
    );
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as SurveySummary] : []));
  }
}
