import { diffArrays, diffLines } from 'diff';
import { ACI_MISSION_LABELS } from '@cpts/platform-reference';
import type { FicheTemplateContent, ResourceContent, SurveyTemplateContent, TemplateIndicator, TemplateQuestion } from './resource-content';

/**
 * A readable diff between two versions of a resource's content, for a CPTS
 * deciding whether to take an update: text as a line diff (jsdiff), structured
 * content per field, question, action and indicator (added, removed, changed).
 * Pure: unit-tested in resource-diff.spec.ts.
 */
export type ChangeKindValue = 'added' | 'removed' | 'changed';
export interface DiffLineValue {
  kind: 'same' | 'added' | 'removed';
  text: string;
}
export interface ContentChange {
  kind: ChangeKindValue;
  label: string;
  before: string | null;
  after: string | null;
  lines: DiffLineValue[];
}

const QUESTION_TYPE_LABELS: Record<string, string> = {
  scale: 'échelle 1 à 5',
  single: 'choix unique',
  multiple: 'choix multiples',
  text: 'texte libre',
};

export function lineDiff(before: string, after: string): DiffLineValue[] {
  const out: DiffLineValue[] = [];
  for (const part of diffLines(before.endsWith('\n') ? before : `${before}\n`, after.endsWith('\n') ? after : `${after}\n`)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) out.push({ kind, text });
  }
  return out;
}

function field(label: string, before: string | undefined | null, after: string | undefined | null, long = false): ContentChange[] {
  const a = before ?? '';
  const b = after ?? '';
  if (a === b) return [];
  const kind: ChangeKindValue = a === '' ? 'added' : b === '' ? 'removed' : 'changed';
  const multiline = long && (a.includes('\n') || b.includes('\n'));
  // A text added or removed whole reads as its lines, all added (or removed): no empty line against it.
  const lines: DiffLineValue[] = !multiline
    ? []
    : kind === 'changed'
      ? lineDiff(a, b)
      : (a || b).split('\n').map((text) => ({ kind: kind === 'added' ? 'added' : 'removed', text }));
  return [{ kind, label, before: a || null, after: b || null, lines }];
}

function questionText(q: TemplateQuestion): string {
  const options = q.options?.length ? ` : ${q.options.join(' / ')}` : '';
  return `${q.label} (${QUESTION_TYPE_LABELS[q.type] ?? q.type}${q.required ? ', obligatoire' : ''})${options}`;
}

function indicatorText(i: TemplateIndicator): string {
  const target = i.target !== undefined ? `, cible ${i.target}${i.unit ? ` ${i.unit}` : ''}` : i.unit ? ` (${i.unit})` : '';
  return `${i.label} (${i.kind === 'quantitative' ? 'quantitatif' : 'qualitatif'}${target})`;
}

/**
 * Items of a list compared by their text (jsdiff on arrays): an item removed
 * and one added at the same place read as one "changed" item.
 */
function list(noun: string, before: string[], after: string[]): ContentChange[] {
  const changes: ContentChange[] = [];
  let position = 0;
  const parts = diffArrays(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      position += part.value.length;
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const paired = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < paired; k++) {
        changes.push({ kind: 'changed', label: `${noun} ${position + k + 1}`, before: part.value[k], after: next.value[k], lines: [] });
      }
      for (const value of part.value.slice(paired)) changes.push({ kind: 'removed', label: noun, before: value, after: null, lines: [] });
      next.value
        .slice(paired)
        .forEach((value, k) =>
          changes.push({ kind: 'added', label: `${noun} ${position + paired + k + 1}`, before: null, after: value, lines: [] }),
        );
      position += next.value.length;
      i++;
    } else if (part.removed) {
      for (const value of part.value) changes.push({ kind: 'removed', label: noun, before: value, after: null, lines: [] });
    } else {
      part.value.forEach((value, k) =>
        changes.push({ kind: 'added', label: `${noun} ${position + k + 1}`, before: null, after: value, lines: [] }),
      );
      position += part.value.length;
    }
  }
  return changes;
}

function surveyChanges(a: SurveyTemplateContent, b: SurveyTemplateContent): ContentChange[] {
  return [
    ...field('Titre du questionnaire', a.title, b.title),
    ...field('Introduction', a.intro, b.intro, true),
    ...list('Question', a.questions.map(questionText), b.questions.map(questionText)),
  ];
}

function ficheChanges(a: FicheTemplateContent, b: FicheTemplateContent): ContentChange[] {
  return [
    ...field('Titre de la fiche', a.title, b.title),
    ...field('Objectif', a.objective, b.objective, true),
    ...field('Mission ACI', ACI_MISSION_LABELS[a.mission], ACI_MISSION_LABELS[b.mission]),
    ...list('Action', a.actions, b.actions),
    ...list('Indicateur', a.indicators.map(indicatorText), b.indicators.map(indicatorText)),
  ];
}

const KIND_LABELS = { survey: 'questionnaire', fiche_action: 'fiche action', text: 'texte' } as const;

/** Summarises content as text, for a change of kind (rare: shown whole, removed then added). */
function asText(c: ResourceContent): string {
  if (c.kind === 'text') return c.body;
  if (c.kind === 'survey') return [c.title, c.intro ?? '', ...c.questions.map(questionText)].filter(Boolean).join('\n');
  return [c.title, c.objective, ...c.actions, ...c.indicators.map(indicatorText)].join('\n');
}

export function contentChanges(before: ResourceContent | null, after: ResourceContent | null): ContentChange[] {
  if (!before && !after) return [];
  if (!before || !after || before.kind !== after.kind) {
    const label = `Contenu (${KIND_LABELS[(after ?? before)!.kind]})`;
    return field(label, before ? asText(before) : null, after ? asText(after) : null, true);
  }
  if (before.kind === 'text' && after.kind === 'text') {
    if (before.body === after.body) return [];
    return [{ kind: 'changed', label: 'Texte', before: null, after: null, lines: lineDiff(before.body, after.body) }];
  }
  if (before.kind === 'survey' && after.kind === 'survey') return surveyChanges(before, after);
  return ficheChanges(before as FicheTemplateContent, after as FicheTemplateContent);
}

/** Title, description and content between two versions of a resource. */
export function versionChanges(
  before: { title: string; content: ResourceContent | null },
  after: { title: string; content: ResourceContent | null },
): ContentChange[] {
  return [...field('Titre', before.title, after.title), ...contentChanges(before.content, after.content)];
}
