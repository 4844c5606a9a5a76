import { randomUUID } from 'node:crypto';
import { Db } from '@cpts/platform-db';

/** The demo's satisfaction survey: its questions, in order, and how each of the 15 respondents answered (no randomness: the demo is the same every time). */
const QUESTIONS = [
  { type: 'scale', label: 'Votre satisfaction globale sur les actions de la CPTS cette année', options: [], required: true },
  {
    type: 'single',
    label: 'Connaissez-vous les groupes de travail de la CPTS ?',
    options: ['Oui, j’y participe', 'Oui, sans y participer', 'Non'],
    required: true,
  },
  {
    type: 'multiple',
    label: 'Sur quels thèmes souhaitez-vous des actions ?',
    options: ['Parcours diabète', 'Santé mentale', 'Soins non programmés', 'Prévention des chutes'],
    required: false,
  },
  { type: 'text', label: 'Une suggestion pour l’année prochaine ?', options: [], required: false },
] as const;
const NOTES = [5, 4, 4, 3, 5, 4, 2, 4, 5, 3, 4, 4, 5, 3, 4];
const KNOWS = [0, 1, 0, 2, 0, 1, 2, 1, 0, 1, 2, 0, 1, 1, 0];
const THEMES = [[0, 1], [2], [0], [1, 3], [0, 2], [], [3], [1], [0, 1, 2], [2], [1], [0, 3], [], [2, 3], [1]];
const TEXTS: Record<number, string> = {
  0: 'Des réunions en fin de journée, après 19 h.',
  3: 'Plus d’échanges avec les pharmacies du territoire.',
  6: 'Un annuaire des professionnels partagé entre nous.',
  9: 'Continuer les ateliers prévention, très appréciés des patients.',
  12: 'Une formation sur les outils de coordination.',
};

/**
 * One satisfaction survey of the demo CPTS, sent three weeks ago to 25
 * professionals of its directory and answered by 15 (anonymous: the
 * responses carry no one; the recipients only "answered"), closing in ten
 * days. Written as the service would leave it, without sending emails.
 */
export async function seedSurveys(db: Db, tenantId: string, coordinatorId: string): Promise<void> {
  await db.run({ tenantId, label: 'seed-surveys' }, async () => {
    const people = await db.tenantRows<{ id: string; name: string; email: string }>(
      `SELECT id, last_name || ' ' || first_name AS name, lower(btrim(email)) AS email FROM professionals
       WHERE tenant_id = $1 AND nullif(btrim(email), '') IS NOT NULL AND erased_at IS NULL AND merged_into IS NULL
       ORDER BY last_name, first_name, id LIMIT 40`,
      [tenantId],
    );
    const unique = [...new Map(people.map((p) => [p.email, p])).values()].slice(0, 25);
    if (unique.length < NOTES.length) return;
    const surveyId = randomUUID();
    await db.tenantRows(
      `INSERT INTO surveys (tenant_id, id, title, intro, anonymous, status, closes_at, reminder_days, audience_label, sent_at, created_at, created_by, updated_by)
       VALUES ($1, $2, $3, $4, true, 'sent', now() + interval '10 days', 3, 'Segment de l''annuaire', now() - interval '21 days', now() - interval '25 days', $5, $5)`,
      [
        tenantId,
        surveyId,
        'Satisfaction des professionnels 2026',
        'Cinq minutes pour nous dire ce qui marche et ce qui manque : vos réponses orientent le programme de l’an prochain.',
        coordinatorId,
      ],
    );
    const questionIds = QUESTIONS.map(() => randomUUID());
    for (const [i, q] of QUESTIONS.entries())
      await db.tenantRows(
        `INSERT INTO survey_questions (tenant_id, id, survey_id, position, type, label, options, required) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [tenantId, questionIds[i], surveyId, i, q.type, q.label, [...q.options], q.required],
      );
    await db.tenantRows(
      `INSERT INTO survey_recipients (tenant_id, id, survey_id, professional_id, name, email, answered)
       SELECT $1, gen_random_uuid(), $2, u.id, u.name, u.email, u.ord <= $6
       FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS u(id, name, email, ord)`,
      [tenantId, surveyId, unique.map((p) => p.id), unique.map((p) => p.name), unique.map((p) => p.email), NOTES.length],
    );
    const responses = NOTES.map((note, i) => ({
      [questionIds[0]]: note,
      [questionIds[1]]: QUESTIONS[1].options[KNOWS[i]],
      ...(THEMES[i].length ? { [questionIds[2]]: THEMES[i].map((t) => QUESTIONS[2].options[t]) } : {}),
      ...(TEXTS[i] ? { [questionIds[3]]: TEXTS[i] } : {}),
    }));
    await db.tenantRows(
      `INSERT INTO survey_responses (tenant_id, id, survey_id, recipient_id, anonymous, answers)
       SELECT $1, gen_random_uuid(), $2, NULL, true, a FROM unnest($3::jsonb[]) AS a`,
      [tenantId, surveyId, responses.map((r) => JSON.stringify(r))],
    );
  });
}
