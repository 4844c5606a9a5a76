import { AppError, type FieldError } from '@cpts/platform-core';
import { ACI_MISSIONS, AciMission } from '@cpts/platform-reference';

/**
 * The structured content a regional resource may carry (besides files). Stored
 * as jsonb in resource_versions.content and in each CPTS's adopted copy; the
 * surveys and evaluation engines read a CPTS's copy through AdoptedResources.
 */
export type QuestionType = 'scale' | 'single' | 'multiple' | 'text';
export const QUESTION_TYPES: readonly QuestionType[] = ['scale', 'single', 'multiple', 'text'];

export interface TemplateQuestion {
  type: QuestionType;
  label: string;
  /** Choices, for single and multiple questions only. */
  options?: string[];
  required?: boolean;
}

/** A survey template (category survey_template). */
export interface SurveyTemplateContent {
  kind: 'survey';
  title: string;
  intro?: string;
  questions: TemplateQuestion[];
}

export interface TemplateIndicator {
  label: string;
  kind: 'quantitative' | 'qualitative';
  unit?: string;
  target?: number;
}

/** A fiche-action template (category fiche_action_template). */
export interface FicheTemplateContent {
  kind: 'fiche_action';
  title: string;
  objective: string;
  mission: AciMission;
  actions: string[];
  indicators: TemplateIndicator[];
}

/** Free text (any category): markdown-ish plain text. */
export interface TextContent {
  kind: 'text';
  body: string;
}

export type ResourceContent = SurveyTemplateContent | FicheTemplateContent | TextContent;

/** Limits keep a copy readable and a jsonb row small. */
export const CONTENT_LIMITS = {
  title: 200,
  label: 500,
  longText: 20_000,
  questions: 100,
  options: 30,
  actions: 50,
  indicators: 50,
} as const;

const INVALID = 'Le contenu de la ressource est invalide.';

/** Collects field errors with a path ("questions.2.label") so the form can point at them. */
class Checker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string): void {
    this.errors.push({ field: `content.${field}`, message });
  }

  text(value: unknown, field: string, max: number, required: boolean): string | undefined {
    if (value === undefined || value === null || value === '') {
      if (required) this.fail(field, 'Ce champ est obligatoire.');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.fail(field, 'Ce champ doit être un texte.');
      return undefined;
    }
    const trimmed = value.trim();
    if (required && trimmed === '') this.fail(field, 'Ce champ est obligatoire.');
    if (trimmed.length > max) this.fail(field, `Ce champ dépasse ${max} caractères.`);
    return trimmed === '' ? undefined : trimmed;
  }

  list(value: unknown, field: string, max: number, min = 0): unknown[] {
    if (value === undefined || value === null) {
      if (min > 0) this.fail(field, 'Au moins un élément est nécessaire.');
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(field, 'Une liste est attendue.');
      return [];
    }
    if (value.length < min) this.fail(field, 'Au moins un élément est nécessaire.');
    if (value.length > max) this.fail(field, `Pas plus de ${max} éléments.`);
    return value.slice(0, max);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function question(c: Checker, raw: unknown, at: string): TemplateQuestion {
  const q = isObject(raw) ? raw : {};
  if (!isObject(raw)) c.fail(at, 'Question invalide.');
  const type = q.type as QuestionType;
  if (!QUESTION_TYPES.includes(type)) c.fail(`${at}.type`, 'Type de question inconnu.');
  const label = c.text(q.label, `${at}.label`, CONTENT_LIMITS.label, true) ?? '';
  const result: TemplateQuestion = { type, label };
  if (type === 'single' || type === 'multiple') {
    const options = c
      .list(q.options, `${at}.options`, CONTENT_LIMITS.options, 2)
      .map((o, i) => c.text(o, `${at}.options.${i}`, CONTENT_LIMITS.label, true) ?? '');
    if (new Set(options).size !== options.length) c.fail(`${at}.options`, 'Les choix doivent être distincts.');
    result.options = options;
  } else if (q.options !== undefined && q.options !== null && !(Array.isArray(q.options) && q.options.length === 0)) {
    c.fail(`${at}.options`, 'Seules les questions à choix ont des choix.');
  }
  if (q.required !== undefined && typeof q.required !== 'boolean') c.fail(`${at}.required`, 'Valeur invalide.');
  if (q.required === true) result.required = true;
  return result;
}

function indicator(c: Checker, raw: unknown, at: string): TemplateIndicator {
  const i = isObject(raw) ? raw : {};
  if (!isObject(raw)) c.fail(at, 'Indicateur invalide.');
  const kind = i.kind as TemplateIndicator['kind'];
  if (kind !== 'quantitative' && kind !== 'qualitative') c.fail(`${at}.kind`, "Type d'indicateur inconnu.");
  const result: TemplateIndicator = { label: c.text(i.label, `${at}.label`, CONTENT_LIMITS.label, true) ?? '', kind };
  const unit = c.text(i.unit, `${at}.unit`, 50, false);
  if (unit) result.unit = unit;
  if (i.target !== undefined && i.target !== null) {
    if (typeof i.target !== 'number' || !Number.isFinite(i.target) || i.target < 0) {
      c.fail(`${at}.target`, 'La cible doit être un nombre positif.');
    } else if (kind === 'qualitative') {
      c.fail(`${at}.target`, "Un indicateur qualitatif n'a pas de cible chiffrée.");
    } else {
      result.target = i.target;
    }
  }
  return result;
}

/**
 * Validates untrusted JSON (GraphQL input, a stored row) and returns a clean copy
 * (trimmed texts, no unknown keys). Throws AppError BAD_USER_INPUT with per-field
 * French messages.
 */
export function parseResourceContent(json: unknown): ResourceContent {
  const c = new Checker();
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw AppError.field('content', INVALID);
    }
  }
  if (!isObject(value)) throw AppError.field('content', INVALID);
  let result: ResourceContent;
  switch (value.kind) {
    case 'survey': {
      const questions = c.list(value.questions, 'questions', CONTENT_LIMITS.questions, 1).map((q, i) => question(c, q, `questions.${i}`));
      result = {
        kind: 'survey',
        title: c.text(value.title, 'title', CONTENT_LIMITS.title, true) ?? '',
        questions,
      };
      const intro = c.text(value.intro, 'intro', CONTENT_LIMITS.longText, false);
      if (intro) result.intro = intro;
      break;
    }
    case 'fiche_action': {
      const mission = value.mission as AciMission;
      if (!ACI_MISSIONS.includes(mission)) c.fail('mission', 'Mission ACI inconnue.');
      result = {
        kind: 'fiche_action',
        title: c.text(value.title, 'title', CONTENT_LIMITS.title, true) ?? '',
        objective: c.text(value.objective, 'objective', CONTENT_LIMITS.longText, true) ?? '',
        mission,
        actions: c
          .list(value.actions, 'actions', CONTENT_LIMITS.actions)
          .map((a, i) => c.text(a, `actions.${i}`, CONTENT_LIMITS.label, true) ?? ''),
        indicators: c.list(value.indicators, 'indicators', CONTENT_LIMITS.indicators).map((x, i) => indicator(c, x, `indicators.${i}`)),
      };
      break;
    }
    case 'text':
      result = { kind: 'text', body: c.text(value.body, 'body', CONTENT_LIMITS.longText, true) ?? '' };
      break;
    default:
      throw AppError.field('content.kind', 'Type de contenu inconnu (survey, fiche_action ou text).');
  }
  if (c.errors.length > 0) throw AppError.badInput(INVALID, c.errors);
  return result;
}
