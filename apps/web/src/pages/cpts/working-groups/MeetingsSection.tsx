import { Alert, Badge, Button, Collapse, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCalendarQuestion, IconCalendarTime, IconFileText, IconX } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { MeetingAgenda, MeetingFacts } from '../../../components/MeetingFacts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorState, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { MeetingsQuery, WorkingGroupQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { formatParisSlot } from '../../../lib/paris';
import { ReplyBadge, REPLIES } from './labels';
import { MeetingForm } from './MeetingForm';
import { MinutesText } from './MinutesSection';
import { PollForm } from './PollForm';
import { PollList } from './PollList';
import { CancelMeetingDocument, MEETING_CONTEXT, MeetingDocument, MeetingsDocument, OWNER_KIND } from './queries';
import { MeetingMinutesDocument } from './queries-meetings';

export type MeetingRow = MeetingsQuery['meetings'][number];

type Dialog = { kind: 'schedule' | 'poll' } | { kind: 'move' | 'cancel' | 'detail'; meeting: MeetingRow } | null;

/**
 * The group's meetings, coming (soonest first) then past (latest first), as
 * the API orders them, with its scheduling polls still open. Those who
 * manage the group schedule one or propose slots to choose from, move or
 * cancel one to come; everyone sees who is invited and what they answered,
 * opens a meeting's page, and reads past meetings' minutes once sent.
 */
export function MeetingsSection({ group, canManage }: { group: WorkingGroupQuery['workingGroup']; canManage: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [{ data, error }, refetch] = useQuery({
    query: MeetingsDocument,
    variables: { ownerKind: OWNER_KIND, ownerId: group.id },
    context: MEETING_CONTEXT,
  });
  const [{ fetching: cancelling }, cancel] = useMutation(CancelMeetingDocument);
  const now = Date.now();
  const meetings = data?.meetings ?? [];
  const coming = meetings.filter((m) => new Date(m.endsAt).getTime() >= now);
  const past = meetings.filter((m) => new Date(m.endsAt).getTime() < now);
  const close = () => setDialog(null);
  const doCancel = async (meeting: MeetingRow) => {
    const result = await cancel({ id: meeting.id }, MEETING_CONTEXT);
    close();
    notifications.show(
      result.data ? { color: 'teal', message: t('meetings.cancel.done') } : { color: 'red', message: toAppError(result.error)?.message },
    );
  };
  const list = (items: MeetingRow[], empty: string, mayChange: boolean) =>
    items.length === 0 ? (
      <Text size="sm">{empty}</Text>
    ) : (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((m) => (
          <MeetingItem
            key={m.id}
            groupId={group.id}
            meeting={m}
            canManage={canManage}
            mayChange={mayChange && m.status === 'SCHEDULED'}
            onOpen={(kind) => setDialog({ kind, meeting: m })}
          />
        ))}
      </Stack>
    );
  return (
    <CardSection id="group-meetings" title={t('meetings.title')} gap="sm">
      {canManage &&
        (group.status === 'CLOSED' ? (
          <Text size="sm" c="gray.8">
            {t('meetings.closedGroup')}
          </Text>
        ) : (
          <Group gap="sm">
            <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setDialog({ kind: 'schedule' })}>
              {t('meetings.schedule')}
            </Button>
            <Button variant="default" leftSection={<IconCalendarQuestion size={18} />} onClick={() => setDialog({ kind: 'poll' })}>
              {t('workingGroups.polls.propose')}
            </Button>
          </Group>
        ))}
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={2} />
      ) : (
        <>
          <PollList groupId={group.id} />
          <Title order={3} size="h5">
            {t('meetings.coming')}
          </Title>
          {list(coming, t('meetings.noneComing'), canManage)}
          <Title order={3} size="h5">
            {t('meetings.past')}
          </Title>
          {list(past, t('meetings.nonePast'), false)}
        </>
      )}
      <Modal
        opened={dialog?.kind === 'schedule' || dialog?.kind === 'move'}
        onClose={close}
        title={dialog?.kind === 'move' ? t('meetings.form.moveTitle') : t('meetings.form.scheduleTitle')}
        centered
        size="lg"
      >
        {(dialog?.kind === 'schedule' || dialog?.kind === 'move') && (
          <MeetingForm
            groupId={group.id}
            memberCount={group.memberCount}
            meeting={dialog.kind === 'move' ? dialog.meeting : null}
            onDone={close}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'poll'} onClose={close} title={t('workingGroups.polls.form.title')} centered size="lg">
        {dialog?.kind === 'poll' && <PollForm groupId={group.id} memberCount={group.memberCount} onDone={close} />}
      </Modal>
      <Modal
        opened={dialog?.kind === 'detail'}
        onClose={close}
        title={dialog?.kind === 'detail' ? dialog.meeting.title : ''}
        centered
        size="lg"
      >
        {dialog?.kind === 'detail' && <MeetingDetail id={dialog.meeting.id} />}
      </Modal>
      <ConfirmModal
        opened={dialog?.kind === 'cancel'}
        onClose={close}
        title={t('meetings.cancel.title')}
        cancelLabel={t('meetings.cancel.keep')}
        action={{
          label: t('meetings.cancel.confirm'),
          color: 'red.8',
          loading: cancelling,
          onClick: () => dialog?.kind === 'cancel' && void doCancel(dialog.meeting),
        }}
      >
        {dialog?.kind === 'cancel' && (
          <Text size="sm">
            {t('meetings.cancel.explain', {
              title: dialog.meeting.title,
              when: formatParisSlot(dialog.meeting.startsAt, dialog.meeting.endsAt),
            })}
          </Text>
        )}
      </ConfirmModal>
    </CardSection>
  );
}

function MeetingItem({
  groupId,
  meeting: m,
  canManage,
  mayChange,
  onOpen,
}: {
  groupId: string;
  meeting: MeetingRow;
  canManage: boolean;
  mayChange: boolean;
  onOpen: (kind: 'move' | 'cancel' | 'detail') => void;
}) {
  const { t } = useTranslation();
  const [minutesOpen, setMinutesOpen] = useState(false);
  const minutesId = useId();
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
              : canManage
                ? t('workingGroups.minutes.toWrite')
                : t('workingGroups.minutes.notPublished')}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          <Button
            size="compact-sm"
            variant="light"
            component={Link}
            to={`/groupes-de-travail/${groupId}/reunions/${m.id}`}
            aria-label={t('workingGroups.meeting.openOf', { title: m.title })}
          >
            {t('workingGroups.meeting.open')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => onOpen('detail')}
            aria-label={t('meetings.detailOf', { title: m.title })}
          >
            {t('meetings.detail')}
          </Button>
          {m.minutesPublishedAt && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconFileText size={14} />}
              aria-expanded={minutesOpen}
              aria-controls={minutesId}
              onClick={() => setMinutesOpen((o) => !o)}
            >
              {minutesOpen ? t('workingGroups.minutes.hide') : t('workingGroups.minutes.read')}
            </Button>
          )}
          {mayChange && (
            <>
              <Button size="compact-sm" variant="default" leftSection={<IconCalendarTime size={14} />} onClick={() => onOpen('move')}>
                {t('meetings.move')}
              </Button>
              <Button size="compact-sm" variant="default" c="red.9" leftSection={<IconX size={14} />} onClick={() => onOpen('cancel')}>
                {t('meetings.cancel.action')}
              </Button>
            </>
          )}
        </Group>
        {m.minutesPublishedAt && (
          <Collapse expanded={minutesOpen} id={minutesId}>
            {minutesOpen && <PastMinutes id={m.id} />}
          </Collapse>
        )}
      </Stack>
    </Paper>
  );
}

/** A past meeting's minutes, read when someone opens them (a group's list does not carry every text). */
function PastMinutes({ id }: { id: string }) {
  const [{ data, error }, refetch] = useQuery({ query: MeetingMinutesDocument, variables: { id }, context: MEETING_CONTEXT });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={1} />;
  return (
    <Paper bg="gray.0" p="sm" radius="sm" mt="xs">
      <MinutesText html={data.meeting.minutesHtml} decisions={data.meeting.decisions} />
    </Paper>
  );
}

/** A meeting as invited: when, where, the agenda, then each invitee's answer and whether the invitation could be emailed. */
function MeetingDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: MeetingDocument,
    variables: { id },
    context: MEETING_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  const m = data.meeting;
  const counts = [...REPLIES, null].map((reply) => ({ reply, count: m.invitees.filter((i) => i.reply === reply).length }));
  return (
    <Stack gap="sm">
      {m.status === 'CANCELLED' && (
        <Alert color="red" variant="light">
          <Text size="sm">{t('meetings.cancelledInfo')}</Text>
        </Alert>
      )}
      <MeetingFacts startsAt={m.startsAt} endsAt={m.endsAt} place={m.place} videoUrl={m.videoUrl} />
      <MeetingAgenda agenda={m.agenda} />
      <Title order={3} size="h5">
        {t('meetings.invitees', { count: m.invitees.length })}
      </Title>
      <Text size="sm" c="gray.8">
        {counts
          .filter((c) => c.count > 0)
          .map((c) => t(c.reply ? `meetings.replyCount.${c.reply}` : 'meetings.replyCount.none', { count: c.count }))
          .join(' · ')}
      </Text>
      <Table fz="sm" verticalSpacing={6}>
        <TableHead labels={[t('meetings.invitee'), t('meetings.replyLabel'), t('meetings.invitation')]} />
        <Table.Tbody>
          {m.invitees.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.name}</Table.Td>
              <Table.Td>
                <ReplyBadge reply={i.reply} />
              </Table.Td>
              <Table.Td>{i.emailed ? t('meetings.emailed') : t('meetings.notEmailed')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
