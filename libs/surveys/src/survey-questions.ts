import { randomUUID } from 'node:crypto';
import { AppError, FieldError } from '@cpts/platform-core';
import { SurveyQuestion, SurveyQuestionInput, SurveyQuestionType } from './survey.types';

/** Questions as stored: options only for choices (2 to 30, distinct, trimmed), none for the others. */
export function normalizeQuestions(input: SurveyQuestionInput[]): SurveyQuestion[] {
  const errors: FieldError[] = [];
  const out = input.map((q, i) => {
    const choices = q.type === SurveyQuestionType.SINGLE || q.type === SurveyQuestionType.MULTIPLE;
    const options = choices ? [...new Set((q.options ?? []).map((o) => o.trim()).filter(Boolean))] : [];
    if (choices && options.length < 2)
      errors.push({ field: `questions.${i}.options`, message: `Question ${i + 1} : proposez au moins deux choix différents.` });
    if (!choices && (q.options ?? []).some((o) => o.trim()))
      errors.push({ field: `questions.${i}.options`, message: `Question ${i + 1} : seules les questions à choix ont des choix.` });
    return { id: randomUUID(), type: q.type, label: q.label.trim(), options, required: q.required ?? false };
  });
  if (errors.length) throw AppError.badInput(errors[0].message, errors);
  return out;
}

/** An answer to one question, as the public page sends it and responses store it. */
export type AnswerValue = number | string | string[];

/**
 * A response checked against the questions: a scale answer is a whole
 * number 1 to 5, a single choice one of the options, a multiple choice
 * distinct options, a text at most 5000 characters; required questions
 * answered. Blank answers are dropped (not answered). French messages, one
 * per question in error.
 */
export function checkAnswers(questions: SurveyQuestion[], raw: unknown): Record<string, AnswerValue> {
  const given = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!given) throw AppError.badInput('Réponses illisibles.');
  const known = new Set(questions.map((q) => q.id));
  if (Object.keys(given).some((id) => !known.has(id)))
    throw AppError.badInput("Une réponse porte sur une question qui n'est pas dans l'enquête.");
  const errors: FieldError[] = [];
  const out: Record<string, AnswerValue> = {};
  questions.forEach((q, i) => {
    const field = `answers.${q.id}`;
    const value = given[q.id];
    const bad = (message: string) => errors.push({ field, message: `Question ${i + 1} : ${message}` });
    const blank =
      value === undefined || value === null || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0);
    if (blank) {
      if (q.required) bad('une réponse est obligatoire.');
      return;
    }
    switch (q.type) {
      case SurveyQuestionType.SCALE:
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) return bad('choisissez une note de 1 à 5.');
        out[q.id] = value;
        return;
      case SurveyQuestionType.SINGLE:
        if (typeof value !== 'string' || !q.options.includes(value)) return bad('choisissez une des réponses proposées.');
        out[q.id] = value;
        return;
      case SurveyQuestionType.MULTIPLE:
        if (
          !Array.isArray(value) ||
          value.some((v) => typeof v !== 'string' || !q.options.includes(v)) ||
          new Set(value).size !== value.length
        )
          return bad('choisissez parmi les réponses proposées.');
        // Kept in the options' order, whatever order they were ticked in.
        out[q.id] = q.options.filter((o) => (value as string[]).includes(o));
        return;
      case SurveyQuestionType.TEXT:
        if (typeof value !== 'string') return bad('réponse illisible.');
        if (value.trim().length > 5000) return bad('5000 caractères au plus.');
        out[q.id] = value.trim();
        return;
    }
  });
  if (errors.length) throw AppError.badInput(errors[0].message, errors);
  return out;
}
