import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { checkAnswers } from '../survey-questions';
import { SurveyTarget } from '../survey-links';
import { SurveysService } from '../surveys.service';
import { SurveyQuestion, SurveyStatus } from '../survey.types';

const INVALID_LINK = "Ce lien d'enquête n'est pas valable : vérifiez qu'il est complet, ou demandez-en un à la CPTS.";
const EXPIRED_LINK = "Ce lien d'enquête a expiré : l'enquête est close.";
export const ALREADY_ANSWERED = 'Vous avez déjà répondu à cette enquête : une seule réponse par lien. Merci de votre participation !';
const CLOSED = 'Cette enquête est close : elle ne reçoit plus de réponses.';

/** What the answer page shows. `state`: open (the form), answered (thanks), closed. */
export interface SurveyPageView {
  cptsName: string;
  title: string;
  intro: string;
  anonymous: boolean;
  closesAt: Date;
  state: 'open' | 'answered' | 'closed';
  questions: SurveyQuestion[];
}

/**
 * The recipient's side, without login: the signed link names one recipient
 * of one CPTS; each use is one transaction confined to that CPTS (a link of
 * CPTS A finds nothing in B: RLS and the tenant in the token agree, or
 * nothing is found). One answer per link, refused the second time. An
 * anonymous survey's response is written without the recipient; the
 * recipient row only turns `answered`.
 */
@Injectable()
export class SurveyAnswers {
  constructor(
    private readonly db: Db,
    private readonly surveys: SurveysService,
  ) {}

  view(token: string): Promise<SurveyPageView> {
    return this.withRecipient(token, 'survey-view', (target) => this.page(target), true);
  }

  submit(token: string, answers: unknown): Promise<SurveyPageView> {
    return this.withRecipient(token, 'survey-answer', async (target) => {
      const tenantId = requireTenantId();
      // The recipient's row, locked: two submits of one link at once answer once.
      const [r] = await this.db.tenantRows<{ surveyId: string; answered: boolean }>(
        `SELECT survey_id AS "surveyId", answered FROM survey_recipients WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, target.recipientId],
      );
      if (r.answered) throw new AppError(ErrorCode.CONFLICT, ALREADY_ANSWERED, [], { reason: 'ALREADY_ANSWERED' });
      const survey = await this.surveys.get(r.surveyId);
      if (survey.status !== SurveyStatus.SENT) throw new AppError(ErrorCode.CONFLICT, CLOSED, [], { reason: 'SURVEY_CLOSED' });
      const checked = checkAnswers(survey.questions, answers);
      await this.db.tenantRows(`UPDATE survey_recipients SET answered = true WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        target.recipientId,
      ]);
      // Anonymous: no recipient, no time, a random id; nothing in the row leads back to the person.
      await this.db.tenantRows(
        `INSERT INTO survey_responses (tenant_id, id, survey_id, recipient_id, anonymous, answers) VALUES ($1, $2, $3, $4, $5, $6)`,
        [tenantId, randomUUID(), survey.id, survey.anonymous ? null : target.recipientId, survey.anonymous, JSON.stringify(checked)],
      );
      return this.page(target);
    });
  }

  private async page(target: SurveyTarget): Promise<SurveyPageView> {
    const tenantId = requireTenantId();
    const [r] = await this.db.tenantRows<{ surveyId: string; answered: boolean }>(
      `SELECT survey_id AS "surveyId", answered FROM survey_recipients WHERE tenant_id = $1 AND id = $2`,
      [tenantId, target.recipientId],
    );
    const survey = await this.surveys.get(r.surveyId);
    const [t] = await this.db.rows<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
    const state = r.answered ? 'answered' : survey.status === SurveyStatus.SENT ? 'open' : 'closed';
    return {
      cptsName: t.name,
      title: survey.title,
      intro: survey.intro,
      anonymous: survey.anonymous,
      closesAt: survey.closesAt as Date,
      state,
      // The form only while it can be answered.
      questions: state === 'open' ? survey.questions : [],
    };
  }

  private async withRecipient<T>(token: string, label: string, fn: (target: SurveyTarget) => Promise<T>, readOnly = false): Promise<T> {
    const target = this.links().read(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    if (target.expired) throw AppError.notFound(EXPIRED_LINK);
    return this.db.runApart({ tenantId: target.tenantId, label, readOnly }, async () => {
      const [found] = await this.db.tenantRows(`SELECT 1 FROM survey_recipients WHERE tenant_id = $1 AND id = $2`, [
        requireTenantId(),
        target.recipientId,
      ]);
      if (!found) throw AppError.notFound(INVALID_LINK);
      return fn(target);
    });
  }

  private links() {
    return this.surveys.links;
  }
}
