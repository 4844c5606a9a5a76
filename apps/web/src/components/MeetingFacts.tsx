import { Anchor, Box, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatParisSlot } from '../lib/paris';

interface AgendaItem {
  title: string;
  durationMinutes: number | null;
  presenter: string | null;
}

/** When (Paris time) and where a meeting takes place: a place, a video link, or both. The staff's pages and the invitee's page say it alike. */
export function MeetingFacts({
  startsAt,
  endsAt,
  place,
  videoUrl,
  size = 'sm',
}: {
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoUrl: string | null;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size={size}>{t('meetings.when', { when: formatParisSlot(startsAt, endsAt) })}</Text>
      {place && (
        <Text size={size} style={{ overflowWrap: 'anywhere' }}>
          {t('meetings.place', { place })}
        </Text>
      )}
      {videoUrl && (
        <Text size={size} style={{ overflowWrap: 'anywhere' }}>
          {t('meetings.video')}{' '}
          <Anchor href={videoUrl} target="_blank" rel="noopener noreferrer" inherit>
            {videoUrl}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

/** The agenda, in order: each item with its duration and who presents it. */
export function MeetingAgenda({ agenda, order = 3 }: { agenda: AgendaItem[]; order?: 2 | 3 }) {
  const { t } = useTranslation();
  if (agenda.length === 0) return null;
  return (
    <Box>
      <Title order={order} size={order === 2 ? 'h4' : 'h5'} mb={4}>
        {t('meetings.agenda')}
      </Title>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {agenda.map((a, i) => (
          <li key={i}>
            <Text size="sm">
              {a.title}
              {a.durationMinutes ? ` (${t('meetings.minutes', { count: a.durationMinutes })})` : ''}
              {a.presenter ? `, ${a.presenter}` : ''}
            </Text>
          </li>
        ))}
      </ol>
    </Box>
  );
}
