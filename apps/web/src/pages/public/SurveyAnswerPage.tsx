import { Alert, Box, Button, Checkbox, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { postPublicJson, usePublicJson } from './usePublicJson';
import '../../i18n/surveys';

type QuestionType = 'scale' | 'single' | 'multiple' | 'text';
interface SurveyPage {
  cptsName: string;
  title: string;
  intro: string;
  anonymous: boolean;
  closesAt: string;
  state: 'open' | 'answered' | 'closed';
  questions: Array<{ id: string; type: QuestionType; label: string; options: string[]; required: boolean }>;
}
type Answer = number | string | string[];

const longDay = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * The answer page of a survey's link (its email): no sign-in, the signed
 * token names one recipient. Says whether the answers are anonymous or
 * nominative, then the questions; one answer per link (the API refuses a
 * second one). Mobile first. At /cpts/<slug>/enquetes/<token>.
 */
export function SurveyAnswerPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/surveys/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<SurveyPage>(url);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const done = useRef<HTMLDivElement>(null);
  useDocumentTitle(data ? data.title : t('surveys.answer.pageTitle'));
  useEffect(() => {
    if (data?.state === 'answered') done.current?.focus();
  }, [data?.state]);

  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  const submit = async () => {
    setSaving(true);
    setSaveError(null);
    const res = await postPublicJson<SurveyPage>(url, { answers }, t);
    setSaving(false);
    if ('error' in res) {
      setSaveError(res.error);
      // Answered from another tab, or closed meanwhile: the page as it now stands.
      if (res.error.code === 'CONFLICT') retry();
      return;
    }
    setData(res.data);
  };
  const set = (id: string, value: Answer) => setAnswers((a) => ({ ...a, [id]: value }));
  const fieldError = (id: string) => saveError?.fields[`answers.${id}`];

  return (
    <PublicFrame name={data?.cptsName ?? t('app.name')} footer={t('surveys.answer.footer')}>
      {!data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Box>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
            {data.intro && (
              <Text mt="xs" style={{ whiteSpace: 'pre-line' }}>
                {data.intro}
              </Text>
            )}
            <Alert mt="sm" color={data.anonymous ? 'teal' : 'blue'} variant="light" icon={<IconLock size={18} aria-hidden />}>
              <Text size="sm" fw={600} data-testid="survey-anonymity">
                {data.anonymous ? t('surveys.answer.anonymous') : t('surveys.answer.nominative')}
              </Text>
              {data.state === 'open' && (
                <Text size="sm">{t('surveys.answer.closesAt', { date: longDay.format(new Date(data.closesAt)) })}</Text>
              )}
            </Alert>
          </Box>
          {data.state === 'answered' && (
            <Alert
              ref={done}
              tabIndex={-1}
              color="teal"
              icon={<IconCircleCheck size={20} aria-hidden />}
              title={t('surveys.answer.thanksTitle')}
              role="status"
            >
              <Text size="sm">{t('surveys.answer.thanks')}</Text>
            </Alert>
          )}
          {data.state === 'closed' && (
            <Alert color="gray" title={t('surveys.answer.closedTitle')} role="status">
              <Text size="sm">{t('surveys.answer.closed')}</Text>
            </Alert>
          )}
          {data.state === 'open' && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <Stack gap="lg">
                {data.questions.map((q, i) => {
                  const label = (
                    <>
                      {i + 1}. {q.label}
                      {q.required && (
                        <Text span c="red.8" size="sm">
                          {' '}
                          ({t('surveys.answer.required')})
                        </Text>
                      )}
                    </>
                  );
                  if (q.type === 'scale')
                    return (
                      <Box key={q.id} role="group" aria-labelledby={`q-${q.id}`}>
                        <Text fw={600} id={`q-${q.id}`} mb={6}>
                          {label}
                        </Text>
                        <SegmentedControl
                          fullWidth
                          data={['1', '2', '3', '4', '5']}
                          value={answers[q.id] === undefined ? '' : String(answers[q.id])}
                          onChange={(v) => set(q.id, Number(v))}
                          aria-label={q.label}
                        />
                        <Text size="xs" c="gray.8" mt={4}>
                          {t('surveys.answer.scaleLow')} · {t('surveys.answer.scaleHigh')}
                        </Text>
                        {fieldError(q.id) && (
                          <Text size="sm" c="red.8" role="alert">
                            {fieldError(q.id)}
                          </Text>
                        )}
                      </Box>
                    );
                  if (q.type === 'single')
                    return (
                      <Radio.Group
                        key={q.id}
                        label={label}
                        value={(answers[q.id] as string) ?? null}
                        onChange={(v) => set(q.id, v)}
                        error={fieldError(q.id)}
                      >
                        <Stack gap="xs" mt="xs">
                          {q.options.map((o) => (
                            <Radio key={o} value={o} label={o} />
                          ))}
                        </Stack>
                      </Radio.Group>
                    );
                  if (q.type === 'multiple')
                    return (
                      <Checkbox.Group
                        key={q.id}
                        label={label}
                        value={(answers[q.id] as string[]) ?? []}
                        onChange={(v) => set(q.id, v)}
                        error={fieldError(q.id)}
                      >
                        <Stack gap="xs" mt="xs">
                          {q.options.map((o) => (
                            <Checkbox key={o} value={o} label={o} />
                          ))}
                        </Stack>
                      </Checkbox.Group>
                    );
                  return (
                    <Textarea
                      key={q.id}
                      label={label}
                      value={(answers[q.id] as string) ?? ''}
                      onChange={(e) => set(q.id, e.currentTarget.value)}
                      autosize
                      minRows={3}
                      maxLength={5000}
                      error={fieldError(q.id)}
                    />
                  );
                })}
                {saveError && (
                  <Alert color="red" role="alert" title={t('errors.title')}>
                    <Text size="sm">{saveError.message}</Text>
                  </Alert>
                )}
                <Button type="submit" size="md" loading={saving} fullWidth>
                  {t('surveys.answer.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </PublicFrame>
  );
}
