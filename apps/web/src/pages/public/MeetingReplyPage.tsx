import { Alert, Anchor, Box, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDown, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MeetingAgenda, MeetingFacts } from '../../components/MeetingFacts';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { postPublicJson, usePublicJson } from './usePublicJson';

type Reply = 'present' | 'absent' | 'excused';
const REPLIES: Reply[] = ['present', 'absent', 'excused'];

interface Invitation {
  cptsName: string;
  ownerName: string;
  frame: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoUrl: string | null;
  agenda: Array<{ title: string; durationMinutes: number | null; presenter: string | null }>;
  inviteeName: string;
  reply: Reply | null;
  /** Why the person can no longer answer (cancelled, started), in French; null while they can. */
  closed: string | null;
}

/**
 * The page of a meeting invitation's link: no sign-in, the signed token in
 * the address names one invitee of one meeting. It shows the meeting as it
 * stands, the group's frame and the person's answer; opening it changes
 * nothing (a mail scanner that follows the link answers nothing): only a
 * click on Présent·e, Absent·e or Excusé·e records an answer, changeable
 * until the meeting starts. At the CPTS's address, /cpts/<slug>/reunions/<token>.
 */
export function MeetingReplyPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/meetings/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<Invitation>(url);
  const [saving, setSaving] = useState<Reply | null>(null);
  const [done, setDone] = useState<Reply | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useDocumentTitle(data ? data.title : error?.code === 'NOT_FOUND' ? t('meetingReply.invalidTitle') : t('meetingReply.title'));
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const answer = async (reply: Reply) => {
    setSaving(reply);
    setSaveError(null);
    setDone(null);
    const res = await postPublicJson<Invitation>(`${url}/reply`, { reply }, t);
    setSaving(null);
    if ('error' in res) {
      // Cancelled or started since the page was opened: the API's French words say so where the buttons were.
      const closed = res.error.code === 'CONFLICT' ? res.error.message : null;
      if (closed) setData((d) => d && { ...d, closed });
      else setSaveError(res.error);
      return;
    }
    setData(res.data);
    setDone(reply);
  };

  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  return (
    <PublicFrame name={data?.cptsName ?? t('app.name')} footer={t('meetingReply.footer')}>
      {!data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Box>
            <Text c="gray.8" size="sm">
              {t('meetingReply.invited', { name: data.inviteeName })}
            </Text>
            <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
            <Text fw={600} mt={4}>
              {t('meetingReply.group', { name: data.ownerName })}
            </Text>
          </Box>
          <MeetingFacts startsAt={data.startsAt} endsAt={data.endsAt} place={data.place} videoUrl={data.videoUrl} size="md" />
          <MeetingAgenda agenda={data.agenda} order={2} />
          {data.frame && (
            <Box component="section" aria-labelledby="meeting-frame">
              <Title order={2} size="h4" id="meeting-frame" mb={4}>
                {t('meetingReply.frame')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {data.frame}
              </Text>
            </Box>
          )}

          <Box component="section" aria-labelledby="meeting-answer">
            <Title order={2} size="h4" id="meeting-answer" mb={4}>
              {t('meetingReply.answerTitle')}
            </Title>
            <Text size="sm" mb="sm" data-testid="meeting-current-reply">
              {data.reply ? t('meetingReply.current', { reply: t(`meetingReply.reply.${data.reply}`) }) : t('meetingReply.noAnswer')}
            </Text>
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
                <Text size="sm">{t('meetingReply.done', { reply: t(`meetingReply.reply.${done}`) })}</Text>
              </Alert>
            )}
            {saveError && (
              <Alert color="red" role="alert" title={t('errors.title')} mb="sm">
                <Text size="sm">{saveError.fields.reply ?? saveError.message}</Text>
              </Alert>
            )}
            {data.closed ? (
              <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert" title={t('meetingReply.closedTitle')}>
                <Text size="sm">{data.closed}</Text>
              </Alert>
            ) : (
              <>
                <Text size="sm" c="gray.8" mb="xs">
                  {t('meetingReply.choose')}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
                  {REPLIES.map((reply) => (
                    <Button
                      key={reply}
                      size="md"
                      variant={data.reply === reply ? 'filled' : 'default'}
                      aria-pressed={data.reply === reply}
                      loading={saving === reply}
                      disabled={saving !== null && saving !== reply}
                      onClick={() => void answer(reply)}
                    >
                      {t(`meetingReply.reply.${reply}`)}
                    </Button>
                  ))}
                </SimpleGrid>
              </>
            )}
          </Box>
          {!data.closed && (
            <Group gap="xs">
              <IconCalendarDown size={18} aria-hidden />
              <Anchor href={`${url}/invitation.ics`} size="sm">
                {t('meetingReply.calendar')}
              </Anchor>
            </Group>
          )}
        </Stack>
      )}
    </PublicFrame>
  );
}
