import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  AciMission,
  ResourceCategory,
  ResourceContentFieldsFragment,
  ResourceContentInput,
  ResourceContentKind,
} from '../../../gql/graphql';
import '../../../i18n/resources';

export const CATEGORIES: ResourceCategory[] = [
  'SURVEY_TEMPLATE',
  'FICHE_ACTION_TEMPLATE',
  'REFLEX_SHEET',
  'DIALOGUE_FRAME',
  'DASHBOARD_TEMPLATE',
  'RISK_MATRIX',
  'COMMUNICATION_KIT',
];
const MISSIONS: AciMission[] = ['ACCESS_TO_CARE', 'CARE_PATHWAYS', 'PREVENTION', 'HEALTH_CRISES', 'QUALITY', 'PROFESSIONAL_SUPPORT'];
const QUESTION_TYPES = ['scale', 'single', 'multiple', 'text'] as const;

/** The kind of content a category carries: survey and fiche templates their structure, the others free text. */
export function kindFor(category: ResourceCategory): ResourceContentKind {
  if (category === 'SURVEY_TEMPLATE') return 'SURVEY';
  if (category === 'FICHE_ACTION_TEMPLATE') return 'FICHE_ACTION';
  return 'TEXT';
}

export function emptyContent(kind: ResourceContentKind): ResourceContentInput {
  if (kind === 'SURVEY') return { kind, title: '', intro: '', questions: [{ type: 'scale', label: '', required: false }] };
  if (kind === 'FICHE_ACTION') return { kind, title: '', objective: '', mission: 'ACCESS_TO_CARE', actions: [''], indicators: [] };
  return { kind, body: '' };
}

/** Stored content → the form's state (no __typename, no nulls of other kinds). */
export function contentInput(c: ResourceContentFieldsFragment | null | undefined): ResourceContentInput | null {
  if (!c) return null;
  if (c.kind === 'SURVEY')
    return {
      kind: c.kind,
      title: c.title ?? '',
      intro: c.intro ?? '',
      questions: (c.questions ?? []).map((q) => ({
        type: q.type,
        label: q.label,
        options: q.options ?? null,
        required: q.required ?? false,
      })),
    };
  if (c.kind === 'FICHE_ACTION')
    return {
      kind: c.kind,
      title: c.title ?? '',
      objective: c.objective ?? '',
      mission: c.mission ?? 'ACCESS_TO_CARE',
      actions: c.actions ?? [],
      indicators: (c.indicators ?? []).map((i) => ({ label: i.label, kind: i.kind, unit: i.unit ?? null, target: i.target ?? null })),
    };
  return { kind: c.kind, body: c.body ?? '' };
}

/** The content as the API takes it: empty optional texts dropped, choices only on choice questions. */
export function cleanContent(c: ResourceContentInput): ResourceContentInput {
  if (c.kind === 'SURVEY')
    return {
      ...c,
      intro: c.intro?.trim() ? c.intro : null,
      questions: (c.questions ?? []).map((q) => ({
        ...q,
        options: q.type === 'single' || q.type === 'multiple' ? (q.options ?? []).filter((o) => o.trim()) : null,
      })),
    };
  if (c.kind === 'FICHE_ACTION') return { ...c, actions: (c.actions ?? []).filter((a) => a.trim()) };
  return c;
}

interface EditorProps {
  value: ResourceContentInput;
  onChange: (value: ResourceContentInput) => void;
  /** Field messages from the API, keyed like `content.questions.0.label`. */
  errors: Record<string, string>;
}

/** A simple form for the structured content: a survey's questions, a fiche's actions and indicators, or a text. */
export function ContentEditor({ value, onChange, errors }: EditorProps) {
  const { t } = useTranslation();
  const err = (path: string) => errors[`content.${path}`];
  const set = (patch: Partial<ResourceContentInput>) => onChange({ ...value, ...patch });
  if (value.kind === 'TEXT') {
    return (
      <Textarea
        label={t('resources.content.body')}
        description={t('resources.content.bodyHelp')}
        autosize
        minRows={5}
        value={value.body ?? ''}
        error={err('body')}
        onChange={(e) => set({ body: e.currentTarget.value })}
      />
    );
  }
  if (value.kind === 'SURVEY') {
    const questions = value.questions ?? [];
    const setQuestion = (i: number, patch: Partial<(typeof questions)[number]>) =>
      set({ questions: questions.map((q, k) => (k === i ? { ...q, ...patch } : q)) });
    return (
      <Stack gap="md">
        <TextInput
          label={t('resources.content.surveyTitle')}
          required
          value={value.title ?? ''}
          error={err('title')}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <Textarea
          label={t('resources.content.intro')}
          autosize
          minRows={2}
          value={value.intro ?? ''}
          error={err('intro')}
          onChange={(e) => set({ intro: e.currentTarget.value })}
        />
        <Title order={3} size="h5">
          {t('resources.content.questions')}
        </Title>
        {err('questions') && (
          <Text c="red.8" size="sm">
            {err('questions')}
          </Text>
        )}
        {questions.map((q, i) => (
          <Paper key={i} withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  style={{ flex: '1 1 16rem' }}
                  label={t('resources.content.questionLabel', { n: i + 1 })}
                  required
                  value={q.label}
                  error={err(`questions.${i}.label`)}
                  onChange={(e) => setQuestion(i, { label: e.currentTarget.value })}
                />
                <Select
                  style={{ flex: '0 1 12rem' }}
                  label={t('resources.content.questionType')}
                  data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`resources.questionTypes.${type}`) }))}
                  value={q.type}
                  allowDeselect={false}
                  onChange={(type) =>
                    setQuestion(i, {
                      type: type ?? 'scale',
                      options: type === 'single' || type === 'multiple' ? (q.options?.length ? q.options : ['', '']) : null,
                    })
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('resources.content.removeQuestion', { n: i + 1 })}
                  onClick={() => set({ questions: questions.filter((_, k) => k !== i) })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
              {(q.type === 'single' || q.type === 'multiple') && (
                <Textarea
                  label={t('resources.content.options')}
                  description={t('resources.content.optionsHelp')}
                  autosize
                  minRows={2}
                  value={(q.options ?? []).join('\n')}
                  error={err(`questions.${i}.options`)}
                  onChange={(e) => setQuestion(i, { options: e.currentTarget.value.split('\n') })}
                />
              )}
              <Checkbox
                label={t('resources.content.required')}
                checked={q.required ?? false}
                onChange={(e) => setQuestion(i, { required: e.currentTarget.checked })}
              />
            </Stack>
          </Paper>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => set({ questions: [...questions, { type: 'scale', label: '', required: false }] })}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('resources.content.addQuestion')}
        </Button>
      </Stack>
    );
  }
  const actions = value.actions ?? [];
  const indicators = value.indicators ?? [];
  const setIndicator = (i: number, patch: Partial<(typeof indicators)[number]>) =>
    set({ indicators: indicators.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  return (
    <Stack gap="md">
      <TextInput
        label={t('resources.content.ficheTitle')}
        required
        value={value.title ?? ''}
        error={err('title')}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Textarea
        label={t('resources.content.objective')}
        required
        autosize
        minRows={2}
        value={value.objective ?? ''}
        error={err('objective')}
        onChange={(e) => set({ objective: e.currentTarget.value })}
      />
      <Select
        label={t('resources.content.mission')}
        data={MISSIONS.map((m) => ({ value: m, label: t(`workingGroups.missions.${m}`) }))}
        value={value.mission ?? 'ACCESS_TO_CARE'}
        allowDeselect={false}
        onChange={(m) => set({ mission: (m as AciMission) ?? 'ACCESS_TO_CARE' })}
      />
      <Textarea
        label={t('resources.content.actions')}
        description={t('resources.content.actionsHelp')}
        autosize
        minRows={3}
        value={actions.join('\n')}
        error={err('actions')}
        onChange={(e) => set({ actions: e.currentTarget.value.split('\n') })}
      />
      <Title order={3} size="h5">
        {t('resources.content.indicators')}
      </Title>
      {indicators.map((ind, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 14rem' }}
            label={t('resources.content.indicatorLabel', { n: i + 1 })}
            required
            value={ind.label}
            error={err(`indicators.${i}.label`)}
            onChange={(e) => setIndicator(i, { label: e.currentTarget.value })}
          />
          <Select
            style={{ flex: '0 1 10rem' }}
            label={t('resources.content.indicatorKind')}
            data={[
              { value: 'quantitative', label: t('resources.indicatorKinds.quantitative') },
              { value: 'qualitative', label: t('resources.indicatorKinds.qualitative') },
            ]}
            value={ind.kind}
            allowDeselect={false}
            onChange={(k) => setIndicator(i, { kind: k ?? 'quantitative', target: k === 'qualitative' ? null : ind.target })}
          />
          {ind.kind === 'quantitative' && (
            <NumberInput
              style={{ flex: '0 1 7rem' }}
              label={t('resources.content.target')}
              min={0}
              value={ind.target ?? ''}
              error={err(`indicators.${i}.target`)}
              onChange={(v) => setIndicator(i, { target: typeof v === 'number' ? v : null })}
            />
          )}
          <TextInput
            style={{ flex: '0 1 8rem' }}
            label={t('resources.content.unit')}
            value={ind.unit ?? ''}
            onChange={(e) => setIndicator(i, { unit: e.currentTarget.value || null })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('resources.content.removeIndicator', { n: i + 1 })}
            onClick={() => set({ indicators: indicators.filter((_, k) => k !== i) })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => set({ indicators: [...indicators, { label: '', kind: 'quantitative' }] })}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('resources.content.addIndicator')}
      </Button>
    </Stack>
  );
}

/** The content, read-only. */
export function ContentView({ content }: { content: ResourceContentFieldsFragment | null | undefined }) {
  const { t } = useTranslation();
  if (!content) return null;
  if (content.kind === 'TEXT')
    return (
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} size="sm">
        {content.body}
      </Text>
    );
  if (content.kind === 'SURVEY')
    return (
      <Stack gap="xs">
        <Text fw={600}>{content.title}</Text>
        {content.intro && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {content.intro}
          </Text>
        )}
        <List type="ordered" size="sm" spacing={4}>
          {(content.questions ?? []).map((q, i) => (
            <List.Item key={i}>
              {q.label}{' '}
              <Badge variant="light" size="sm">
                {t(`resources.questionTypes.${q.type}`)}
              </Badge>
              {q.options?.length ? (
                <Text size="xs" c="gray.8">
                  {q.options.join(' · ')}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  return (
    <Stack gap="xs">
      <Text fw={600}>{content.title}</Text>
      <Text size="sm">
        <strong>{t('resources.content.objective')} : </strong>
        {content.objective}
      </Text>
      <Text size="sm">
        <strong>{t('resources.content.mission')} : </strong>
        {content.mission ? t(`workingGroups.missions.${content.mission}`) : ''}
      </Text>
      {(content.actions ?? []).length > 0 && (
        <List size="sm" spacing={4}>
          {(content.actions ?? []).map((a, i) => (
            <List.Item key={i}>{a}</List.Item>
          ))}
        </List>
      )}
      {(content.indicators ?? []).map((ind, i) => (
        <Text key={i} size="sm">
          {t('resources.indicatorLine', {
            label: ind.label,
            kind: t(`resources.indicatorKinds.${ind.kind}`),
            target:
              ind.target !== null && ind.target !== undefined
                ? ` · ${t('resources.content.target')} ${ind.target}${ind.unit ? ` ${ind.unit}` : ''}`
                : '',
          })}
        </Text>
      ))}
    </Stack>
  );
}
