import { Alert, Anchor, Box, Button, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { formatParisSlot } from '../../lib/paris';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { postPublicJson, usePublicJson } from './usePublicJson';

type Answer = 'yes' | 'if_need_be' | 'no';
const ANSWERS: Answer[] = ['yes', 'if_need_be', 'no'];

interface Poll {
  cptsName: string;
  ownerName: string;
  frame: string;
  title: string;
  place: string | null;
  videoUrl: string | null;
  inviteeName: string;
  slots: Array<{ id: string; startsAt: string; endsAt: string }>;
  answers: Array<{ slotId: string; answer: Answer }>;
  /** Why the person can no longer answer (closed, cancelled), in French; null while they can. */
  closed: string | null;
}

const byslot = (poll: Poll): Record<string, Answer> => Object.fromEntries(poll.answers.map((a) => [a.slotId, a.answer]));

/**
 * The page of a scheduling poll's link: no sign-in, the signed token in the
 * address names one invitee of one poll. It shows the proposed slots (Paris
 * time) with the person's answers; opening it changes nothing (a mail
 * scanner that follows the link answers nothing): only the save button
 * records the answers, which replace the previous ones. At the CPTS's
 * address, /cpts/<slug>/sondages/<token>.
 */
export function MeetingPollPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/meeting-polls/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<Poll>(url);
  const [choices, setChoices] = useState<Record<string, Answer>>({});
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useDocumentTitle(data ? data.title : error?.code === 'NOT_FOUND' ? t('meetingReply.invalidTitle') : t('meetingPoll.title'));
  // The person's current answers fill the form once the poll is read (and again after each save).
  useEffect(() => {
    if (data) setChoices(byslot(data));
  }, [data]);
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const save = async () => {
    if (!data) return;
    setSaving(true);
    setSaveError(null);
    setDone(false);
    const answers = data.slots.filter((s) => choices[s.id]).map((s) => ({ slotId: s.id, answer: choices[s.id] }));
    const res = await postPublicJson<Poll>(`${url}/answers`, { answers }, t);
    setSaving(false);
    if ('error' in res) {
      // Closed since the page was opened: the API's French words say so where the form was.
      const closed = res.error.code === 'CONFLICT' ? res.error.message : null;
      if (closed) setData((d) => d && { ...d, closed });
      else setSaveError(res.error);
      return;
    }
    setData(res.data);
    setDone(true);
  };

  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  const missing = data ? data.slots.filter((s) => !choices[s.id]).length : 0;

  return (
    <PublicFrame name={data?.cptsName ?? t('app.name')} footer={t('meetingReply.footer')}>
      {!data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Box>
            <Text c="gray.8" size="sm">
              {t('meetingPoll.invited', { name: data.inviteeName })}
            </Text>
            <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
            <Text fw={600} mt={4}>
              {t('meetingReply.group', { name: data.ownerName })}
            </Text>
          </Box>
          {(data.place || data.videoUrl) && (
            <Stack gap={2}>
              {data.place && <Text style={{ overflowWrap: 'anywhere' }}>{t('meetings.place', { place: data.place })}</Text>}
              {data.videoUrl && (
                <Text style={{ overflowWrap: 'anywhere' }}>
                  {t('meetings.video')}{' '}
                  <Anchor href={data.videoUrl} target="_blank" rel="noopener noreferrer" inherit>
                    {data.videoUrl}
                  </Anchor>
                </Text>
              )}
            </Stack>
          )}
          {data.frame && (
            <Box component="section" aria-labelledby="poll-frame">
              <Title order={2} size="h4" id="poll-frame" mb={4}>
                {t('meetingReply.frame')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {data.frame}
              </Text>
            </Box>
          )}

          <Box component="section" aria-labelledby="poll-answer">
            <Title order={2} size="h4" id="poll-answer" mb={4}>
              {t('meetingPoll.answerTitle')}
            </Title>
            {done && (
              <Alert
                ref={confirmation}
                tabIndex={-1}
                color="teal"
                icon={<IconCircleCheck size={20} aria-hidden />}
                title={t('meetingReply.doneTitle')}
                role="status"
                mb="sm"
              >
                <Text size="sm">{t('meetingPoll.done')}</Text>
              </Alert>
            )}
            {saveError && (
              <Alert color="red" role="alert" title={t('errors.title')} mb="sm">
                <Text size="sm">{saveError.fields.answers ?? saveError.message}</Text>
              </Alert>
            )}
            {data.closed ? (
              <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert" title={t('meetingReply.closedTitle')}>
                <Text size="sm">{data.closed}</Text>
              </Alert>
            ) : (
              <Stack gap="md">
                <Text size="sm" c="gray.8">
                  {t('meetingPoll.choose')}
                </Text>
                {data.slots.map((slot) => (
                  <Radio.Group
                    key={slot.id}
                    label={formatParisSlot(slot.startsAt, slot.endsAt)}
                    value={choices[slot.id] ?? null}
                    onChange={(value) => setChoices((c) => ({ ...c, [slot.id]: value as Answer }))}
                    styles={{ label: { fontWeight: 600, marginBottom: 6 } }}
                  >
                    <Group gap="lg">
                      {ANSWERS.map((answer) => (
                        <Radio key={answer} value={answer} label={t(`meetingPoll.answer.${answer}`)} disabled={saving} />
                      ))}
                    </Group>
                  </Radio.Group>
                ))}
                {missing > 0 && (
                  <Text size="sm" c="gray.8">
                    {t('meetingPoll.missing', { count: missing })}
                  </Text>
                )}
                <Button size="md" loading={saving} onClick={() => void save()} style={{ alignSelf: 'flex-start' }}>
                  {t('meetingPoll.save')}
                </Button>
              </Stack>
            )}
          </Box>
        </Stack>
      )}
    </PublicFrame>
  );
}
