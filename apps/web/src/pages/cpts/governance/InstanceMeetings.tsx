import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { MeetingFacts } from '../../../components/MeetingFacts';
import { ErrorState, LoadingState } from '../../../components/states';
import type { GovernanceInstanceQuery, MeetingsQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { MeetingForm } from '../working-groups/MeetingForm';
import { MEETING_CONTEXT, MeetingsDocument } from '../working-groups/queries';
import { INSTANCE_OWNER_KIND } from './queries-governance';

type Instance = GovernanceInstanceQuery['governanceInstance'];
type MeetingRow = MeetingsQuery['meetings'][number];

/**
 * The instance's meetings, coming then past, through the meetings engine (the
 * instance is their owner): the team convenes one (the members of the
 * instance invited, the AG's members of the year; the AG's notice is the
 * API's to check, its French message shown on the date); each meeting's page
 * takes the attendance, proxies, votes in session and minutes.
 */
export function InstanceMeetings({ instance, canManage }: { instance: Instance; canManage: boolean }) {
  const { t } = useTranslation();
  const [convening, setConvening] = useState(false);
  const [{ data, error }, refetch] = useQuery({
    query: MeetingsDocument,
    variables: { ownerKind: INSTANCE_OWNER_KIND, ownerId: instance.id },
    context: MEETING_CONTEXT,
  });
  const now = Date.now();
  const meetings = data?.meetings ?? [];
  const coming = meetings.filter((m) => new Date(m.endsAt).getTime() >= now);
  const past = meetings.filter((m) => new Date(m.endsAt).getTime() < now);
  const list = (items: MeetingRow[], empty: string) =>
    items.length === 0 ? (
      <Text size="sm">{empty}</Text>
    ) : (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((m) => (
          <MeetingItem key={m.id} instanceId={instance.id} meeting={m} />
        ))}
      </Stack>
    );
  return (
    <CardSection id="instance-meetings" title={t('governance.meetings.title')} gap="sm">
      {instance.statutes.noticeDays > 0 && (
        <Text size="sm" c="gray.8">
          {t('governance.meetings.notice', { count: instance.statutes.noticeDays })}
        </Text>
      )}
      {canManage && (
        <Group>
          <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setConvening(true)}>
            {t('governance.meetings.convene')}
          </Button>
        </Group>
      )}
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={2} />
      ) : (
        <>
          <Title order={3} size="h5">
            {t('meetings.coming')}
          </Title>
          {list(coming, t('meetings.noneComing'))}
          <Title order={3} size="h5">
            {t('meetings.past')}
          </Title>
          {list(past, t('meetings.nonePast'))}
        </>
      )}
      <Modal opened={convening} onClose={() => setConvening(false)} title={t('governance.meetings.conveneTitle')} centered size="lg">
        {convening && (
          <MeetingForm
            groupId={instance.id}
            ownerKind={INSTANCE_OWNER_KIND}
            memberCount={instance.currentCount}
            inviteLabel={
              instance.kind === 'AG'
                ? t('governance.meetings.inviteMembersAg', { count: instance.currentCount })
                : t('governance.meetings.inviteMembers', { count: instance.currentCount })
            }
            meeting={null}
            onDone={() => setConvening(false)}
            submitLabel={t('governance.meetings.conveneSubmit')}
          />
        )}
      </Modal>
    </CardSection>
  );
}

function MeetingItem({ instanceId, meeting: m }: { instanceId: string; meeting: MeetingRow }) {
  const { t } = useTranslation();
  const cancelled = m.status === 'CANCELLED';
  const held = !cancelled && new Date(m.startsAt).getTime() <= Date.now();
  return (
    <Paper withBorder p="sm" radius="md" component="li" aria-label={m.title}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} td={cancelled ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {m.title}
          </Text>
          {cancelled && (
            <Badge color="red" tt="none" miw="max-content">
              {t('meetings.cancelled')}
            </Badge>
          )}
        </Group>
        <MeetingFacts startsAt={m.startsAt} endsAt={m.endsAt} place={m.place} videoUrl={m.videoUrl} />
        {!cancelled && (
          <Text size="sm" c="gray.8">
            {t('meetings.answers', { count: m.inviteeCount, present: m.presentCount })}
          </Text>
        )}
        {held && (
          <Text size="sm" c="gray.8">
            {m.minutesPublishedAt
              ? t('workingGroups.minutes.sentOn', { date: formatDateTime(m.minutesPublishedAt) })
              : t('workingGroups.minutes.notPublished')}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          <Button
            size="compact-sm"
            variant="light"
            component={Link}
            to={`/gouvernance/instances/${instanceId}/reunions/${m.id}`}
            aria-label={t('workingGroups.meeting.openOf', { title: m.title })}
          >
            {t('workingGroups.meeting.open')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
