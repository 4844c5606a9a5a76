import { parseResourceContent, ResourceContent } from './resource-content';
import { ResourceContentData, ResourceContentKind } from './resources.types';

/** GraphQL input → validated content (AppError BAD_USER_INPUT with per-field French messages). */
export function contentFromInput(input: ResourceContentData | null | undefined): ResourceContent | null {
  if (!input) return null;
  // Only the fields of the kind count: a form may send empty fields of the others.
  const pick = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
  switch (input.kind) {
    case ResourceContentKind.SURVEY:
      return parseResourceContent({
        kind: 'survey',
        title: input.title,
        intro: pick(input.intro),
        questions: (input.questions ?? []).map((q) => ({
          type: q.type,
          label: q.label,
          options: pick(q.options),
          required: pick(q.required),
        })),
      });
    case ResourceContentKind.FICHE_ACTION:
      return parseResourceContent({
        kind: 'fiche_action',
        title: input.title,
        objective: input.objective,
        mission: input.mission,
        actions: input.actions ?? [],
        indicators: (input.indicators ?? []).map((i) => ({ label: i.label, kind: i.kind, unit: pick(i.unit), target: pick(i.target) })),
      });
    default:
      return parseResourceContent({ kind: 'text', body: input.body });
  }
}

/** Stored content → the GraphQL shape (null fields for the other kinds). */
export function contentToOutput(stored: unknown): ResourceContentData | null {
  if (stored === null || stored === undefined) return null;
  const c = stored as ResourceContent;
  if (c.kind === 'survey') {
    return {
      kind: ResourceContentKind.SURVEY,
      title: c.title,
      intro: c.intro ?? null,
      questions: c.questions.map((q) => ({ type: q.type, label: q.label, options: q.options ?? null, required: q.required ?? false })),
    };
  }
  if (c.kind === 'fiche_action') {
    return {
      kind: ResourceContentKind.FICHE_ACTION,
      title: c.title,
      objective: c.objective,
      mission: c.mission,
      actions: c.actions,
      indicators: c.indicators.map((i) => ({ label: i.label, kind: i.kind, unit: i.unit ?? null, target: i.target ?? null })),
    };
  }
  return { kind: ResourceContentKind.TEXT, body: c.body };
}
