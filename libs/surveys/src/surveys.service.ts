import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { RemindersService } from '@cpts/platform-reminders';
import { normalizeQuestions } from './survey-questions';
import { SurveyLinks } from './survey-links';
import { INVITATION_KIND, surveyEmail, SurveyEmailFacts } from './survey-emails';
import { AudiencePerson, SurveyAudiences } from './survey-audiences';
import { nonAnswererEmails, SURVEY_REMINDER } from './survey-reminder';
import {
  Survey,
  SurveyAudienceInput,
  SurveyInput,
  SurveyQuestion,
  SurveyQuestionInput,
  SurveyRecipient,
  SurveyStatus,
} from './survey.types';

export const NOT_FOUND = 'Enquête introuvable.';
const DAY_MS = 86_400_000;
/** A survey is sent for at least this long: a closing sooner would leave nobody the time to answer. */
const MIN_OPEN_MS = 3_600_000;

/** The status as people see it: a sent survey past its closing is closed, whether or not someone closed it. */
export const STATUS_SQL = (s: string) => `CASE WHEN ${s}.status = 'sent' AND ${s}.closes_at <= now() THEN 'closed' ELSE ${s}.status END`;

export const SURVEY_COLUMNS = `s.id, s.title, s.intro, s.anonymous, ${STATUS_SQL('s')} AS status, s.closes_at AS "closesAt",
  s.reminder_days AS "reminderDays", s.adoption_id AS "adoptionId", s.audience_label AS "audienceLabel", s.sent_at AS "sentAt",
  coalesce(s.closed_at, CASE WHEN s.status = 'sent' AND s.closes_at <= now() THEN s.closes_at END) AS "closedAt", s.created_at AS "createdAt",
  (SELECT count(*)::int FROM survey_recipients r WHERE r.tenant_id = s.tenant_id AND r.survey_id = s.id) AS "recipientCount",
  (SELECT count(*)::int FROM survey_responses a WHERE a.tenant_id = s.tenant_id AND a.survey_id = s.id) AS "answerCount"`;

type SurveyRow = Omit<Survey, 'questions'>;

/**
 * The team's side of surveys: write a draft and its questions, send it
 * (one personal link per recipient, emailed through the outbox; a reminder
 * scheduled before the closing), remind those who have not answered, close
 * it. Every method runs in the request's tenant transaction.
 */
@Injectable()
export class SurveysService {
  readonly links: SurveyLinks;

  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    private readonly reminders: RemindersService,
    private readonly audiences: SurveyAudiences,
    mail: MailEnv,
  ) {
    this.links = SurveyLinks.fromEnv(mail);
  }

  async list(): Promise<Survey[]> {
    const rows = await this.db.tenantRows<SurveyRow>(
      `SELECT ${SURVEY_COLUMNS} FROM surveys s WHERE s.tenant_id = $1 ORDER BY s.created_at DESC, s.id`,
      [requireTenantId()],
    );
    return this.withQuestions(rows);
  }

  async get(id: string, lock = false): Promise<Survey> {
    const [row] = await this.db.tenantRows<SurveyRow>(
      `SELECT ${SURVEY_COLUMNS} FROM surveys s WHERE s.tenant_id = $1 AND s.id = $2${lock ? ' FOR UPDATE OF s' : ''}`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return (await this.withQuestions([row]))[0];
  }

  async questions(surveyIds: string[]): Promise<Map<string, SurveyQuestion[]>> {
    const rows = await this.db.tenantRows<SurveyQuestion & { surveyId: string }>(
      `SELECT survey_id AS "surveyId", id, type, label, options, required FROM survey_questions
       WHERE tenant_id = $1 AND survey_id = ANY($2::uuid[]) ORDER BY survey_id, position`,
      [requireTenantId(), surveyIds],
    );
    const out = new Map<string, SurveyQuestion[]>(surveyIds.map((id) => [id, []]));
    for (const { surveyId, ...q } of rows) out.get(surveyId)?.push(q);
    return out;
  }

  async create(input: SurveyInput, questions: SurveyQuestionInput[] = [], adoptionId: string | null = null): Promise<Survey> {
    const id = randomUUID();
    const userId = requirePrincipal().userId;
    await this.db.tenantRows(
      `INSERT INTO surveys (tenant_id, id, title, intro, anonymous, closes_at, reminder_days, adoption_id, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [
        requireTenantId(),
        id,
        input.title,
        input.intro ?? '',
        input.anonymous,
        input.closesAt ?? null,
        input.reminderDays ?? 3,
        adoptionId,
        userId,
      ],
    );
    if (questions.length) await this.writeQuestions(id, questions);
    return this.get(id);
  }

  async update(id: string, input: SurveyInput): Promise<Survey> {
    await this.draft(id);
    await this.db.tenantRows(
      `UPDATE surveys SET title = $3, intro = $4, anonymous = $5, closes_at = $6, reminder_days = $7, updated_at = now(), updated_by = $8
       WHERE tenant_id = $1 AND id = $2`,
      [
        requireTenantId(),
        id,
        input.title,
        input.intro ?? '',
        input.anonymous,
        input.closesAt ?? null,
        input.reminderDays ?? 3,
        requirePrincipal().userId,
      ],
    );
    return this.get(id);
  }

  async setQuestions(id: string, questions: SurveyQuestionInput[]): Promise<Survey> {
    await this.draft(id);
    await this.writeQuestions(id, questions);
    await this.db.tenantRows(`UPDATE surveys SET updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      id,
      requirePrincipal().userId,
    ]);
    return this.get(id);
  }

  /**
   * Sends the draft to a segment of the directory or a meeting's
   * participants: a recipient per address, each with a personal link in
   * their email; the reminder scheduled reminderDays before the closing.
   */
  async send(id: string, audience: SurveyAudienceInput): Promise<Survey> {
    const survey = await this.draft(id);
    if (!!audience.segment === !!audience.meetingId)
      throw AppError.badInput('Choisissez les destinataires : un segment de l’annuaire ou les participants d’une réunion.');
    if (survey.questions.length === 0) throw AppError.badInput('Ajoutez au moins une question avant d’envoyer l’enquête.');
    if (!survey.closesAt) throw AppError.field('closesAt', 'Fixez la date de clôture avant d’envoyer l’enquête.');
    if (survey.closesAt.getTime() < Date.now() + MIN_OPEN_MS)
      throw AppError.field('closesAt', 'La clôture doit laisser au moins une heure pour répondre : repoussez-la.');
    const { label, people } = audience.segment
      ? await this.audiences.ofSegment(audience.segment)
      : await this.audiences.ofMeeting(audience.meetingId as string);
    const recipients = await this.addRecipients(id, people);
    if (recipients.length === 0)
      throw AppError.badInput('Personne ne recevrait cette enquête (pas d’adresse, pas de consentement) : élargissez les destinataires.');
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `UPDATE surveys SET status = 'sent', sent_at = now(), audience_label = $3, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, label, requirePrincipal().userId],
    );
    await this.email(survey, 'invitation', recipients);
    const fireAt = new Date(survey.closesAt.getTime() - survey.reminderDays * DAY_MS);
    if (survey.reminderDays > 0 && fireAt.getTime() > Date.now())
      await this.reminders.schedule([{ kind: SURVEY_REMINDER, ref: id, fireAt }]);
    return this.get(id);
  }

  /** « Relancer maintenant »: a reminder now to everyone who has not answered yet. Returns how many were written to. */
  async remind(id: string): Promise<number> {
    const survey = await this.get(id, true);
    if (survey.status !== SurveyStatus.SENT) throw AppError.conflict(notOpen(survey.status));
    const emails = await nonAnswererEmails(this.db, this.links, survey.id);
    if (emails.length === 0) throw AppError.conflict('Tout le monde a déjà répondu : personne à relancer.');
    await this.outbox.addMany(emails.map((e) => ({ ...e, kind: SURVEY_REMINDER, tenantId: requireTenantId() })));
    return emails.length;
  }

  async close(id: string): Promise<Survey> {
    const survey = await this.get(id, true);
    if (survey.status !== SurveyStatus.SENT) throw AppError.conflict(notOpen(survey.status));
    await this.db.tenantRows(
      `UPDATE surveys SET status = 'closed', closed_at = now(), updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, requirePrincipal().userId],
    );
    await this.reminders.cancel(SURVEY_REMINDER, id);
    return this.get(id);
  }

  recipients(surveyId: string): Promise<SurveyRecipient[]> {
    return this.db.tenantRows<SurveyRecipient>(
      `SELECT id, name, email, answered, reminders FROM survey_recipients WHERE tenant_id = $1 AND survey_id = $2 ORDER BY lower(name), email`,
      [requireTenantId(), surveyId],
    );
  }

  private async draft(id: string): Promise<Survey> {
    const survey = await this.get(id, true);
    if (survey.status !== SurveyStatus.DRAFT) throw AppError.conflict('Cette enquête est envoyée : elle ne se modifie plus.');
    return survey;
  }

  private async writeQuestions(surveyId: string, input: SurveyQuestionInput[]): Promise<void> {
    const questions = normalizeQuestions(input);
    const tenantId = requireTenantId();
    await this.db.tenantRows(`DELETE FROM survey_questions WHERE tenant_id = $1 AND survey_id = $2`, [tenantId, surveyId]);
    await this.db.tenantRows(
      `INSERT INTO survey_questions (tenant_id, id, survey_id, position, type, label, options, required)
       SELECT $1, q.id, $2, q.position, q.type, q.label, ARRAY(SELECT jsonb_array_elements_text(q.options)), q.required
       FROM jsonb_to_recordset($3::jsonb) AS q(id uuid, type text, label text, options jsonb, required boolean, position int)`,
      [tenantId, surveyId, JSON.stringify(questions.map((q, position) => ({ ...q, position })))],
    );
  }

  /** One row per address (the first person named for it), in a random order: nothing in the rows says who was listed first. */
  private async addRecipients(surveyId: string, people: AudiencePerson[]): Promise<Array<{ id: string; email: string }>> {
    const seen = new Set<string>();
    const unique = people.filter((p) => {
      const email = p.email.trim().toLowerCase();
      if (!email || seen.has(email)) return false;
      seen.add(email);
      return true;
    });
    if (unique.length === 0) return [];
    return this.db.tenantRows<{ id: string; email: string }>(
      `INSERT INTO survey_recipients (tenant_id, id, survey_id, professional_id, user_id, name, email)
       SELECT $1, gen_random_uuid(), $2, u.professional_id, u.user_id, u.name, u.email
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS u(professional_id, user_id, name, email)
       RETURNING id, email`,
      [
        requireTenantId(),
        surveyId,
        unique.map((p) => p.professionalId),
        unique.map((p) => p.userId),
        unique.map((p) => p.name),
        unique.map((p) => p.email.trim().toLowerCase()),
      ],
    );
  }

  private async email(survey: Survey, kind: 'invitation', recipients: Array<{ id: string; email: string }>): Promise<void> {
    const tenantId = requireTenantId();
    const email = surveyEmail(kind, await this.facts(survey), this.links);
    await this.outbox.addMany(
      recipients.map((r) => ({
        kind: INVITATION_KIND,
        to: r.email,
        tenantId,
        email,
        secret: this.links.token(tenantId, r.id, survey.closesAt as Date),
      })),
    );
  }

  private async facts(survey: Survey): Promise<SurveyEmailFacts> {
    const [t] = await this.db.rows<{ name: string; slug: string }>(`SELECT name, slug FROM tenants WHERE id = $1`, [requireTenantId()]);
    return {
      cptsName: t.name,
      cptsSlug: t.slug,
      title: survey.title,
      intro: survey.intro,
      anonymous: survey.anonymous,
      closesAt: survey.closesAt as Date,
    };
  }

  private async withQuestions(rows: SurveyRow[]): Promise<Survey[]> {
    const questions = await this.questions(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, questions: questions.get(r.id) ?? [] }));
  }
}

export function notOpen(status: SurveyStatus): string {
  return status === SurveyStatus.DRAFT ? "Cette enquête n'est pas encore envoyée." : 'Cette enquête est close.';
}
