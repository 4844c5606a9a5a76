import type { SurveyEvidence } from '@cpts/surveys';
import { FicheEvidence } from '../fiche.types';
import { missing } from './read';

/** "YYYY-MM-DD" in Paris of a date (the surveys engine gives Date objects). */
const day = (d: Date | null) => (d ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d) : null);

/**
 * A survey's evidence: read through the surveys engine's SurveyEvidence (an
 * engine: imported, never read with SQL from here): recipients, answers,
 * response rate, and the mean of each 1-5 scale question.
 */
export async function surveyEvidence(surveys: SurveyEvidence, ids: readonly string[]): Promise<FicheEvidence[]> {
  const summaries = await surveys.summaries([...ids]);
  const byId = new Map(summaries.map((s) => [s.surveyId, s]));
  return ids.map((id): FicheEvidence => {
    const s = byId.get(id);
    if (!s) return missing('survey', id, 'Enquête');
    return {
      id,
      kind: 'survey',
      automatic: true,
      title: `Enquête « ${s.title} »`,
      from: day(s.sentAt),
      to: day(s.closesAt),
      figures: [
        { label: 'Destinataires', value: s.recipients, unit: null, key: null },
        { label: 'Réponses', value: s.answers, unit: null, key: 'answers' },
        { label: 'Taux de réponse', value: Math.round(s.responseRate * 1000) / 10, unit: '%', key: null },
      ],
      details: s.scaleMeans.map((m) => `${m.label} : ${m.mean.toFixed(1).replace('.', ',')} / 5`),
      url: `/enquetes/${id}`,
      gap: null,
    };
  });
}
