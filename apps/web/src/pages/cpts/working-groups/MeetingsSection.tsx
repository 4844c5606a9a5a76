import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCalendarTime, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { MeetingAgenda, MeetingFacts } from '../../../components/MeetingFacts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorState, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { MeetingsQuery, WorkingGroupQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatParisSlot } from '../../../lib/paris';
import { ReplyBadge, REPLIES } from './labels';
import { MeetingForm } from './MeetingForm';
import { CancelMeetingDocument, MEETING_CONTEXT, MeetingDocument, MeetingsDocument, OWNER_KIND } from './queries';

export type MeetingRow = MeetingsQuery['meetings'][number];

type Dialog = { kind: 'schedule' } | { kind: 'move' | 'cancel' | 'detail'; meeting: MeetingRow } | null;

/**
 * The group's meetings, coming (soonest first) then past (latest first), as
 * the API orders them. Those who manage the group schedule one, move or
 * cancel one to come; everyone sees who is invited and what they answered.
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
            meeting={m}
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
          <Group>
            <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setDialog({ kind: 'schedule' })}>
              {t('meetings.schedule')}
            </Button>
          </Group>
        ))}
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={2} />
      ) : (
        <>
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
  meeting: m,
  mayChange,
  onOpen,
}: {
  meeting: MeetingRow;
  mayChange: boolean;
  onOpen: (kind: 'move' | 'cancel' | 'detail') => void;
}) {
  const { t } = useTranslation();
  const cancelled = m.status === 'CANCELLED';
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
        <Group gap="xs" mt={4}>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onOpen('detail')}
            aria-label={t('meetings.detailOf', { title: m.title })}
          >
            {t('meetings.detail')}
          </Button>
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
      </Stack>
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
