import { Alert, Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { postPublicJson, usePublicJson } from './usePublicJson';

type Status = 'open' | 'done' | 'dropped';

interface ActionItem {
  cptsName: string;
  ownerName: string;
  title: string;
  assigneeName: string;
  /** A calendar day, YYYY-MM-DD. */
  dueOn: string;
  status: Status;
}

const STATUS_COLORS: Record<Status, string> = { open: 'blue', done: 'teal', dropped: 'gray' };

// A due date is a calendar day, not an instant: read and written in UTC so that no time zone moves it.
const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const formatDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

/**
 * The page of an action item's link (in its reminders): no sign-in, the
 * signed token in the address names one action item. It shows the action,
 * its group, its due date and status; opening it changes nothing: only a
 * click on « C'est fait » marks it done. At the CPTS's address,
 * /cpts/<slug>/actions/<token>.
 */
export function ActionItemPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/action-items/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<ActionItem>(url);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useDocumentTitle(data ? data.title : error?.code === 'NOT_FOUND' ? t('meetingReply.invalidTitle') : t('actionItemPage.title'));
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const markDone = async () => {
    setSaving(true);
    setSaveError(null);
    const res = await postPublicJson<ActionItem>(`${url}/done`, {}, t);
    setSaving(false);
    if ('error' in res) {
      // Dropped since the page was opened: the API's French words say so where the button was.
      if (res.error.code === 'CONFLICT') {
        setRefused(res.error.message);
        setData((d) => d && { ...d, status: 'dropped' });
      } else setSaveError(res.error);
      return;
    }
    setData(res.data);
    setDone(true);
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
              {t('actionItemPage.hello', { name: data.assigneeName })}
            </Text>
            <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
            <Text fw={600} mt={4}>
              {t('meetingReply.group', { name: data.ownerName })}
            </Text>
          </Box>
          <Stack gap={4}>
            <Text>{t('actionItemPage.due', { day: formatDay(data.dueOn) })}</Text>
            <Group gap="xs">
              <Text>{t('actionItemPage.statusLabel')}</Text>
              <Badge color={STATUS_COLORS[data.status]} variant="light" data-testid="action-status">
                {t(`actionItemPage.status.${data.status}`)}
              </Badge>
            </Group>
          </Stack>

          {done && (
            <Alert
              ref={confirmation}
              tabIndex={-1}
              color="teal"
              icon={<IconCircleCheck size={20} aria-hidden />}
              title={t('meetingReply.doneTitle')}
              role="status"
            >
              <Text size="sm">{t('actionItemPage.done')}</Text>
            </Alert>
          )}
          {saveError && (
            <Alert color="red" role="alert" title={t('errors.title')}>
              <Text size="sm">{saveError.message}</Text>
            </Alert>
          )}
          {data.status === 'open' && (
            <Box>
              <Text size="sm" c="gray.8" mb="xs">
                {t('actionItemPage.choose')}
              </Text>
              <Button size="md" loading={saving} onClick={() => void markDone()} leftSection={<IconCircleCheck size={20} aria-hidden />}>
                {t('actionItemPage.markDone')}
              </Button>
            </Box>
          )}
          {data.status === 'done' && !done && (
            <Alert color="teal" icon={<IconCircleCheck size={20} aria-hidden />} title={t('actionItemPage.alreadyDoneTitle')}>
              <Text size="sm">{t('actionItemPage.alreadyDone')}</Text>
            </Alert>
          )}
          {data.status === 'dropped' && (
            <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert" title={t('actionItemPage.droppedTitle')}>
              <Text size="sm">{refused ?? t('actionItemPage.dropped')}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </PublicFrame>
  );
}
