import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormAlert } from '../../../components/states';
import type { SurveyFieldsFragment, SurveyQuestionType } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { SetSurveyQuestionsDocument, SURVEY_CONTEXT, UpdateSurveyDocument } from './queries';

const TYPES: SurveyQuestionType[] = ['SCALE', 'SINGLE', 'MULTIPLE', 'TEXT'];
type Draft = { type: SurveyQuestionType; label: string; options: string; required: boolean };

/** A Paris calendar day (YYYY-MM-DD) from an instant, and the end of that day in Paris as an instant. */
const parisDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));
function endOfParisDay(day: string): string {
  // 23:59:59 in Paris: try both offsets (winter +01:00, summer +02:00), keep the one that is that day in Paris.
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${day}T23:59:59${offset}`);
    if (parisDay(at.toISOString()) === day) return at.toISOString();
  }
  return new Date(`${day}T22:59:59Z`).toISOString();
}

/** The draft's settings and its questions, each saved with its own button (the API replaces the questions as a whole). */
export function SurveyBuilder({ survey: s }: { survey: SurveyFieldsFragment }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(s.title);
  const [intro, setIntro] = useState(s.intro);
  const [anonymous, setAnonymous] = useState(s.anonymous);
  const [closesOn, setClosesOn] = useState(s.closesAt ? parisDay(s.closesAt) : '');
  const [reminderDays, setReminderDays] = useState<number | string>(s.reminderDays);
  const [settingsError, setSettingsError] = useState<AppError | null>(null);
  const [{ fetching: saving }, update] = useMutation(UpdateSurveyDocument);
  const [questions, setQuestions] = useState<Draft[]>(
    s.questions.map((q) => ({ type: q.type, label: q.label, options: q.options.join('\n'), required: q.required })),
  );
  const [questionsError, setQuestionsError] = useState<AppError | null>(null);
  const [{ fetching: savingQuestions }, setRemote] = useMutation(SetSurveyQuestionsDocument);

  const saveSettings = async () => {
    setSettingsError(null);
    const res = await update(
      {
        id: s.id,
        input: { title, intro, anonymous, closesAt: closesOn ? endOfParisDay(closesOn) : null, reminderDays: Number(reminderDays) || 0 },
      },
      SURVEY_CONTEXT,
    );
    if (res.error) return setSettingsError(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('surveys.form.saved') });
  };
  const saveQuestions = async () => {
    setQuestionsError(null);
    const input = questions.map((q) => ({
      type: q.type,
      label: q.label,
      required: q.required,
      options:
        q.type === 'SINGLE' || q.type === 'MULTIPLE'
          ? q.options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
    }));
    const res = await setRemote({ id: s.id, input: { questions: input } }, SURVEY_CONTEXT);
    if (res.error) return setQuestionsError(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('surveys.questions.saved') });
  };
  const set = (i: number, patch: Partial<Draft>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const out = [...qs];
      [out[i], out[i + by]] = [out[i + by], out[i]];
      return out;
    });

  return (
    <>
      <Card withBorder radius="md" p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveSettings();
          }}
        >
          <Stack>
            <FormAlert error={settingsError} />
            <TextInput
              label={t('surveys.form.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={200}
              error={settingsError?.fields.title}
            />
            <Textarea
              label={t('surveys.form.intro')}
              description={t('surveys.form.introHelp')}
              value={intro}
              onChange={(e) => setIntro(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
            />
            <Switch
              label={t('surveys.form.anonymous')}
              description={t('surveys.form.anonymousHelp')}
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
            />
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                type="date"
                label={t('surveys.form.closesAt')}
                description={t('surveys.form.closesAtHelp')}
                value={closesOn}
                onChange={(e) => setClosesOn(e.currentTarget.value)}
                error={settingsError?.fields.closesAt}
                style={{ minWidth: 200 }}
              />
              <NumberInput
                label={t('surveys.form.reminderDays')}
                description={t('surveys.form.reminderDaysHelp')}
                value={reminderDays}
                onChange={setReminderDays}
                min={0}
                max={60}
                allowDecimal={false}
                style={{ minWidth: 200 }}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={saving}>
                {t('surveys.form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      <Card withBorder radius="md" p="md">
        <Stack>
          <div>
            <Title order={2} size="h3">
              {t('surveys.questions.title')}
            </Title>
            <Text size="sm" c="gray.8">
              {t('surveys.questions.help')}
            </Text>
          </div>
          <FormAlert error={questionsError} />
          {questions.length === 0 && <Text c="gray.8">{t('surveys.questions.none')}</Text>}
          {questions.map((q, i) => (
            <Card
              key={i}
              withBorder
              radius="sm"
              p="sm"
              component="fieldset"
              style={{ margin: 0 }}
              aria-label={t('surveys.questions.label', { n: i + 1 })}
            >
              <Stack gap="xs">
                <Group align="flex-end" wrap="wrap" gap="xs">
                  <TextInput
                    label={t('surveys.questions.label', { n: i + 1 })}
                    value={q.label}
                    onChange={(e) => set(i, { label: e.currentTarget.value })}
                    maxLength={500}
                    style={{ flex: '1 1 240px' }}
                  />
                  <Select
                    label={t('surveys.questions.type')}
                    data={TYPES.map((type) => ({ value: type, label: t(`surveys.questions.types.${type}`) }))}
                    value={q.type}
                    onChange={(v) => v && set(i, { type: v as SurveyQuestionType })}
                    allowDeselect={false}
                    style={{ flex: '0 1 180px' }}
                  />
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('surveys.questions.up', { n: i + 1 })}
                    >
                      <IconArrowUp size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      disabled={i === questions.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('surveys.questions.down', { n: i + 1 })}
                    >
                      <IconArrowDown size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                      aria-label={t('surveys.questions.remove', { n: i + 1 })}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                </Group>
                {(q.type === 'SINGLE' || q.type === 'MULTIPLE') && (
                  <Textarea
                    label={t('surveys.questions.options')}
                    value={q.options}
                    onChange={(e) => set(i, { options: e.currentTarget.value })}
                    autosize
                    minRows={2}
                  />
                )}
                <Checkbox
                  label={t('surveys.questions.required')}
                  checked={q.required}
                  onChange={(e) => set(i, { required: e.currentTarget.checked })}
                />
              </Stack>
            </Card>
          ))}
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setQuestions((qs) => [...qs, { type: 'SCALE', label: '', options: '', required: false }])}
            >
              {t('surveys.questions.add')}
            </Button>
            <Button onClick={saveQuestions} loading={savingQuestions}>
              {t('surveys.questions.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
