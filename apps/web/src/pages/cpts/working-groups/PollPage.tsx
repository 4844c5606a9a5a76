import { Alert, Anchor, Badge, Box, Button, Group, Paper, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconCalendarCheck, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import type { MeetingPollQuery, PollAnswer } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';
import { toAppError } from '../../../lib/errors';
import { formatParisSlot } from '../../../lib/paris';
import { useGroupManager } from './MeetingAccess';
import { CloseMeetingPollDocument, MeetingPollDocument, POLL_CONTEXT, RemindMeetingPollDocument } from './queries-meetings';

type Poll = MeetingPollQuery['meetingPoll'];
type Slot = Poll['slots'][number];

/** The tallies are read again this often while the poll is open and the page is in view: one small query. */
const REFRESH_MS = 10_000;
const answerColor: Record<PollAnswer, string> = { YES: 'teal', IF_NEED_BE: 'yellow', NO: 'red' };

const shortDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'short' });
const hour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
/** "jeu. 10 déc., 18:30–20:00": a slot as a column of the answers' table names it (Paris time). */
const shortSlot = (s: Slot) =>
  `${shortDay.format(new Date(s.startsAt))}, ${hour.format(new Date(s.startsAt))}–${hour.format(new Date(s.endsAt))}`;

/** The slot most can come to: the most yes, then the most "if need be"; none before anyone answered. */
function leadingSlot(slots: Slot[]): string | null {
  const ranked = slots.filter((s) => s.yes + s.ifNeedBe > 0).sort((a, b) => b.yes - a.yes || b.ifNeedBe - a.ifNeedBe);
  if (ranked.length === 0) return null;
  const [first, second] = ranked;
  // A tie leads nowhere: the organiser chooses.
  return second && second.yes === first.yes && second.ifNeedBe === first.ifNeedBe ? null : first.id;
}

/**
 * A scheduling poll, as its organiser follows it: the tallies per slot and
 * each person's answers, read again every few seconds while it is open; a
 * reminder to those who have not answered (never to those who have); and
 * closing on a slot, which schedules the meeting, sends the invitations and
 * leads to the meeting's page. Those who do not manage the group read it.
 */
export function PollPage() {
  const { t } = useTranslation();
  const { id = '', pollId = '' } = useParams();
  const navigate = useNavigate();
  const { canManage } = useGroupManager(id);
  const [{ data, error }, refetch] = useQuery({
    query: MeetingPollDocument,
    variables: { id: pollId },
    context: POLL_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const [readAt, setReadAt] = useState<Date | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'remind' } | { kind: 'close'; slot: Slot } | null>(null);
  const [reminded, setReminded] = useState<{ count: number; at: Date } | null>(null);
  const [{ fetching: reminding }, remind] = useMutation(RemindMeetingPollDocument);
  const [{ fetching: closing }, close] = useMutation(CloseMeetingPollDocument);
  const poll = data?.meetingPoll;
  const open = poll?.status === 'OPEN';

  useEffect(() => {
    if (data) setReadAt(new Date());
  }, [data]);
  // Live tallies: read again while the poll is open, only when the page is in view (a tab left open costs nothing).
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refetch({ requestPolicy: 'network-only' });
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, refetch]);

  const groupCrumbs = [{ label: t('workingGroups.title'), to: '/groupes-de-travail' }];
  if (error && !data) {
    return (
      <PageErrorState
        title={t('workingGroups.polls.notFoundTitle')}
        crumbs={groupCrumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!poll) return <LoadingState rows={4} />;

  const waiting = poll.invitees.filter((i) => !i.answeredAt);
  const reachable = waiting.filter((i) => i.emailed).length;
  const leading = leadingSlot(poll.slots);

  const doRemind = async () => {
    const result = await remind({ id: poll.id }, POLL_CONTEXT);
    setDialog(null);
    if (result.error) return notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    const count = result.data?.remindMeetingPoll ?? 0;
    setReminded({ count, at: new Date() });
    notifications.show({
      color: count ? 'teal' : 'yellow',
      message: count ? t('workingGroups.polls.remind.done', { count }) : t('workingGroups.polls.remind.nobody'),
    });
  };
  const doClose = async (slot: Slot) => {
    const result = await close({ id: poll.id, slotId: slot.id }, POLL_CONTEXT);
    setDialog(null);
    if (!result.data) return notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    notifications.show({ color: 'teal', message: t('workingGroups.polls.close.done') });
    navigate(`/groupes-de-travail/${id}/reunions/${result.data.closeMeetingPoll.id}`);
  };

  return (
    <>
      <PageHeader
        title={poll.title}
        subtitle={
          <Group gap="xs" component="span">
            <Badge color={open ? 'teal' : 'gray'} tt="none" miw="max-content">
              {t(`workingGroups.polls.status.${poll.status}`)}
            </Badge>
            <span>{t('workingGroups.polls.answered', { count: poll.inviteeCount, answered: poll.answeredCount })}</span>
          </Group>
        }
        crumbs={[...groupCrumbs, { label: poll.ownerName, to: `/groupes-de-travail/${id}` }, { label: t('workingGroups.polls.crumb') }]}
        actions={
          canManage &&
          open && (
            <Button
              variant="default"
              leftSection={<IconBellRinging size={18} />}
              onClick={() => setDialog({ kind: 'remind' })}
              disabled={reachable === 0}
            >
              {t('workingGroups.polls.remind.action')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {!open && (
          <Alert color="gray" variant="light" icon={<IconCalendarCheck size={20} aria-hidden />}>
            <Text size="sm">{t('workingGroups.polls.closedInfo')}</Text>
            {poll.meetingId && (
              <Anchor component={Link} to={`/groupes-de-travail/${id}/reunions/${poll.meetingId}`} size="sm" fw={600}>
                {t('workingGroups.polls.seeMeeting')}
              </Anchor>
            )}
          </Alert>
        )}
        {reminded && (
          <Alert color={reminded.count ? 'teal' : 'yellow'} variant="light" icon={<IconCircleCheck size={20} aria-hidden />} role="status">
            <Text size="sm">
              {reminded.count
                ? t('workingGroups.polls.remind.sent', { count: reminded.count, at: hour.format(reminded.at) })
                : t('workingGroups.polls.remind.nobody')}
            </Text>
          </Alert>
        )}
        <CardSection id="poll-slots" title={t('workingGroups.polls.slotsTitle')} gap="sm">
          <Text size="sm" c="gray.8">
            {[poll.place && t('meetings.place', { place: poll.place }), poll.videoUrl && `${t('meetings.video')} ${poll.videoUrl}`]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {open && readAt && (
            <Text size="xs" c="gray.8">
              {t('workingGroups.polls.live', { at: readAt.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' }) })}
            </Text>
          )}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {poll.slots.map((s) => (
              <SlotTally
                key={s.id}
                slot={s}
                invited={poll.inviteeCount}
                leading={s.id === leading}
                onChoose={canManage && open ? () => setDialog({ kind: 'close', slot: s }) : undefined}
              />
            ))}
          </Stack>
        </CardSection>
        <CardSection id="poll-answers" title={t('workingGroups.polls.answersTitle')} gap="sm">
          <AnswersTable poll={poll} />
          <Box>
            <Title order={3} size="h5" mb={4}>
              {t('workingGroups.polls.waitingTitle', { count: waiting.length })}
            </Title>
            {waiting.length === 0 ? (
              <Text size="sm">{t('workingGroups.polls.everyoneAnswered')}</Text>
            ) : (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {waiting.map((i) => (i.emailed ? i.name : t('workingGroups.polls.noEmail', { name: i.name }))).join(', ')}
              </Text>
            )}
          </Box>
        </CardSection>
      </Stack>
      <ConfirmModal
        opened={dialog?.kind === 'remind'}
        onClose={() => setDialog(null)}
        title={t('workingGroups.polls.remind.title')}
        action={{ label: t('workingGroups.polls.remind.confirm'), loading: reminding, onClick: () => void doRemind() }}
      >
        <Text size="sm">{t('workingGroups.polls.remind.explain', { count: waiting.length, reachable })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog?.kind === 'close'}
        onClose={() => setDialog(null)}
        title={t('workingGroups.polls.close.title')}
        action={{
          label: t('workingGroups.polls.close.confirm'),
          loading: closing,
          onClick: () => dialog?.kind === 'close' && void doClose(dialog.slot),
        }}
      >
        {dialog?.kind === 'close' && (
          <Text size="sm">
            {t('workingGroups.polls.close.explain', {
              title: poll.title,
              when: formatParisSlot(dialog.slot.startsAt, dialog.slot.endsAt),
              count: poll.inviteeCount,
            })}
          </Text>
        )}
      </ConfirmModal>
    </>
  );
}

/** One slot: its counts in words (a bar for the eye), and for the organiser, the way to choose it. */
function SlotTally({ slot: s, invited, leading, onChoose }: { slot: Slot; invited: number; leading: boolean; onChoose?: () => void }) {
  const { t } = useTranslation();
  const name = formatParisSlot(s.startsAt, s.endsAt);
  const none = Math.max(0, invited - s.yes - s.ifNeedBe - s.no);
  const pct = (n: number) => (invited ? (n / invited) * 100 : 0);
  return (
    <Paper withBorder p="sm" radius="md" component="li" aria-label={name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          {leading && (
            <Badge color="teal" variant="light" tt="none" miw="max-content">
              {t('workingGroups.polls.leading')}
            </Badge>
          )}
        </Group>
        <Progress.Root size="md" aria-hidden>
          <Progress.Section value={pct(s.yes)} color="teal" />
          <Progress.Section value={pct(s.ifNeedBe)} color="yellow" />
          <Progress.Section value={pct(s.no)} color="red" />
        </Progress.Root>
        <Text size="sm">
          {[
            t('workingGroups.polls.tally.yes', { count: s.yes }),
            t('workingGroups.polls.tally.ifNeedBe', { count: s.ifNeedBe }),
            t('workingGroups.polls.tally.no', { count: s.no }),
            t('workingGroups.polls.tally.none', { count: none }),
          ].join(' · ')}
        </Text>
        {onChoose && (
          <Group>
            <Button size="compact-sm" leftSection={<IconCalendarCheck size={14} />} onClick={onChoose}>
              {t('workingGroups.polls.close.action')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Who answered what: a row per person, a column per slot; wider than a phone, so the box scrolls (and takes the keyboard). */
function AnswersTable({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('workingGroups.polls.answersTable')}>
      <Table fz="sm" verticalSpacing={6} miw={220 + poll.slots.length * 130}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('workingGroups.polls.person')}</Table.Th>
            {poll.slots.map((s) => (
              <Table.Th scope="col" key={s.id} title={formatParisSlot(s.startsAt, s.endsAt)}>
                {shortSlot(s)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('workingGroups.polls.answeredAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {poll.invitees.map((i) => {
            const answers = new Map(i.answers.map((a) => [a.slotId, a.answer]));
            return (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {i.name}
                </Table.Th>
                {poll.slots.map((s) => {
                  const answer = answers.get(s.id);
                  return (
                    <Table.Td key={s.id}>
                      {answer ? (
                        <Badge color={answerColor[answer]} variant="light" tt="none" miw="max-content">
                          {t(`workingGroups.polls.answer.${answer}`)}
                        </Badge>
                      ) : (
                        <>
                          <span aria-hidden>—</span>
                          <VisuallyHidden>{t('workingGroups.polls.noAnswer')}</VisuallyHidden>
                        </>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  {i.answeredAt
                    ? formatDateTime(i.answeredAt)
                    : i.emailed
                      ? t('workingGroups.polls.notYet')
                      : t('workingGroups.polls.notEmailed')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
