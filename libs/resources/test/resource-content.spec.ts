import { AppError } from '@cpts/platform-core';
import { parseResourceContent } from '../src/resource-content';
import { contentChanges, lineDiff, versionChanges } from '../src/resource-diff';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return Object.fromEntries((err as AppError).fields.map((f) => [f.field, f.message]));
  }
  throw new Error('no error');
};

describe('parseResourceContent', () => {
  it('returns a clean copy of valid content (trimmed, no unknown keys)', () => {
    expect(parseResourceContent({ kind: 'text', body: '  Bonjour  ', extra: 1 })).toEqual({ kind: 'text', body: 'Bonjour' });
    expect(
      parseResourceContent(
        JSON.stringify({
          kind: 'survey',
          title: 'Q',
          questions: [
            { type: 'single', label: 'Choix', options: ['A', 'B'], required: true },
            { type: 'text', label: 'Libre', options: [] },
          ],
        }),
      ),
    ).toEqual({
      kind: 'survey',
      title: 'Q',
      questions: [
        { type: 'single', label: 'Choix', options: ['A', 'B'], required: true },
        { type: 'text', label: 'Libre' },
      ],
    });
  });

  it('names every wrong field in French', () => {
    expect(
      fieldsOf(() =>
        parseResourceContent({
          kind: 'survey',
          title: '',
          questions: [
            { type: 'single', label: 'X', options: ['A', 'A'] },
            { type: 'audio', label: '' },
          ],
        }),
      ),
    ).toEqual({
      'content.title': 'Ce champ est obligatoire.',
      'content.questions.0.options': 'Les choix doivent être distincts.',
      'content.questions.1.type': 'Type de question inconnu.',
      'content.questions.1.label': 'Ce champ est obligatoire.',
    });
    expect(
      fieldsOf(() =>
        parseResourceContent({
          kind: 'fiche_action',
          title: 'F',
          objective: 'O',
          mission: 'mars',
          actions: [],
          indicators: [{ label: 'Q', kind: 'qualitative', target: 3 }],
        }),
      ),
    ).toEqual({
      'content.mission': 'Mission ACI inconnue.',
      'content.indicators.0.target': "Un indicateur qualitatif n'a pas de cible chiffrée.",
    });
    expect(fieldsOf(() => parseResourceContent({ kind: 'video' }))).toEqual({
      'content.kind': 'Type de contenu inconnu (survey, fiche_action ou text).',
    });
    expect(fieldsOf(() => parseResourceContent('{oops'))).toEqual({ content: 'Le contenu de la ressource est invalide.' });
  });
});

describe('the diff between two versions', () => {
  it('diffs a text line by line', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('lists the questions changed, added and removed, and a renamed title', () => {
    const q = (label: string) => ({ type: 'text' as const, label });
    const before = { kind: 'survey' as const, title: 'S', questions: [q('Un'), q('Deux'), q('Trois')] };
    const after = { kind: 'survey' as const, title: 'S', questions: [q('Un'), q('Deux bis'), q('Trois'), q('Quatre')] };
    expect(
      versionChanges({ title: 'A', content: before }, { title: 'B', content: after }).map((c) => [c.kind, c.label, c.before, c.after]),
    ).toEqual([
      ['changed', 'Titre', 'A', 'B'],
      ['changed', 'Question 2', 'Deux (texte libre)', 'Deux bis (texte libre)'],
      ['added', 'Question 4', null, 'Quatre (texte libre)'],
    ]);
    expect(contentChanges(after, before).map((c) => [c.kind, c.label])).toEqual([
      ['changed', 'Question 2'],
      ['removed', 'Question'],
    ]);
    expect(contentChanges(before, before)).toEqual([]);
  });

  it('compares a fiche per field', () => {
    const fiche = {
      kind: 'fiche_action' as const,
      title: 'F',
      objective: 'O',
      mission: 'prevention' as never,
      actions: ['a'],
      indicators: [],
    };
    expect(
      contentChanges(fiche, { ...fiche, mission: 'quality' as never, actions: ['a', 'b'] }).map((c) => [c.kind, c.label, c.after]),
    ).toEqual([
      ['changed', 'Mission ACI', 'Qualité et pertinence des soins'],
      ['added', 'Action 2', 'b'],
    ]);
  });
});

describe('a long text added whole', () => {
  it('reads as its lines, all added', () => {
    const s = (intro?: string) => ({ kind: 'survey' as const, title: 'S', intro, questions: [{ type: 'text' as const, label: 'Q' }] });
    expect(contentChanges(s(), s('Un.\nDeux.'))).toEqual([
      {
        kind: 'added',
        label: 'Introduction',
        before: null,
        after: 'Un.\nDeux.',
        lines: [
          { kind: 'added', text: 'Un.' },
          { kind: 'added', text: 'Deux.' },
        ],
      },
    ]);
  });
});
