import { Badge, Button, Group, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { FormAlert } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { MeetingAttendance, MeetingPageQuery, MeetingReply } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { REPLIES, ReplyBadge } from './labels';
import { MEETING_PAGE_CONTEXT, RecordMeetingAttendanceDocument } from './queries-meetings';

type Meeting = MeetingPageQuery['meeting'];
type Invitee = Meeting['invitees'][number];

export const ATTENDANCES: MeetingAttendance[] = ['PRESENT', 'VIDEO', 'EXCUSED', 'ABSENT'];
const attendanceColor: Record<MeetingAttendance, string> = { PRESENT: 'teal', VIDEO: 'blue', EXCUSED: 'yellow', ABSENT: 'red' };
/** What an answer to the invitation suggests, before anyone records what happened. */
const fromReply: Record<MeetingReply, MeetingAttendance> = { PRESENT: 'PRESENT', ABSENT: 'ABSENT', EXCUSED: 'EXCUSED' };

/** Whether someone was there, in words (colour only helps). */
export function AttendanceBadge({ attendance }: { attendance: MeetingAttendance | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={attendance ? attendanceColor[attendance] : 'gray'} variant="light" tt="none" miw="max-content">
      {attendance ? t(`workingGroups.attendance.value.${attendance}`) : t('workingGroups.attendance.notRecorded')}
    </Badge>
  );
}

/**
 * The meeting's invitees. Before the meeting: each one's answer and whether
 * the invitation could be emailed. Once it has started, its managers record
 * who was there (present, by video, excused, absent), pre-filled from the
 * answers to the invitation until recorded; the others read it.
 */
export function AttendanceSection({ meeting, canManage, started }: { meeting: Meeting; canManage: boolean; started: boolean }) {
  const { t } = useTranslation();
  const editable = canManage && started && meeting.status === 'SCHEDULED';
  const counts = [...REPLIES, null].map((reply) => ({ reply, count: meeting.invitees.filter((i) => i.reply === reply).length }));
  return (
    <CardSection
      id="meeting-invitees"
      title={
        started && meeting.status === 'SCHEDULED'
          ? t('workingGroups.attendance.title', { count: meeting.invitees.length })
          : t('meetings.invitees', { count: meeting.invitees.length })
      }
      gap="sm"
    >
      <Text size="sm" c="gray.8">
        {counts
          .filter((c) => c.count > 0)
          .map((c) => t(c.reply ? `meetings.replyCount.${c.reply}` : 'meetings.replyCount.none', { count: c.count }))
          .join(' · ')}
      </Text>
      {canManage && !started && meeting.status === 'SCHEDULED' && (
        <Text size="sm" c="gray.8">
          {t('workingGroups.attendance.notYet')}
        </Text>
      )}
      {editable ? <AttendanceForm meeting={meeting} /> : <InviteesTable invitees={meeting.invitees} started={started} />}
    </CardSection>
  );
}

function InviteesTable({ invitees, started }: { invitees: Invitee[]; started: boolean }) {
  const { t } = useTranslation();
  const showAttendance = started && invitees.some((i) => i.attendance);
  return (
    <Table fz="sm" verticalSpacing={6}>
      <TableHead
        labels={[
          t('meetings.invitee'),
          t('meetings.replyLabel'),
          showAttendance ? t('workingGroups.attendance.label') : t('meetings.invitation'),
        ]}
      />
      <Table.Tbody>
        {invitees.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.name}</Table.Td>
            <Table.Td>
              <ReplyBadge reply={i.reply} />
            </Table.Td>
            <Table.Td>
              {showAttendance ? (
                <AttendanceBadge attendance={i.attendance} />
              ) : i.emailed ? (
                t('meetings.emailed')
              ) : (
                t('meetings.notEmailed')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AttendanceForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [{ fetching }, record] = useMutation(RecordMeetingAttendanceDocument);
  const initial = () =>
    Object.fromEntries(meeting.invitees.map((i) => [i.id, i.attendance ?? (i.reply ? fromReply[i.reply] : null)])) as Record<
      string,
      MeetingAttendance | null
    >;
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const recorded = meeting.invitees.every((i) => i.attendance);
  const changed = meeting.invitees.some((i) => values[i.id] !== i.attendance);
  const missing = meeting.invitees.filter((i) => !values[i.id]).length;

  const save = async () => {
    setError(null);
    const entries = meeting.invitees.flatMap((i) => {
      const attendance = values[i.id];
      return attendance ? [{ inviteeId: i.id, attendance }] : [];
    });
    const result = await record({ meetingId: meeting.id, entries }, MEETING_PAGE_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('workingGroups.attendance.saved', { count: entries.length }) });
  };

  return (
    <Stack gap="sm">
      {!recorded && (
        <Text size="sm" c="gray.8">
          {t('workingGroups.attendance.prefilled')}
        </Text>
      )}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {meeting.invitees.map((i) => (
          <Paper key={i.id} withBorder p="xs" radius="md" component="li">
            <Radio.Group
              label={i.name}
              description={
                i.reply
                  ? t('workingGroups.attendance.replied', { reply: t(`meetings.reply.${i.reply}`) })
                  : t('workingGroups.attendance.noReply')
              }
              value={values[i.id]}
              onChange={(v) => setValues((all) => ({ ...all, [i.id]: v as MeetingAttendance }))}
              styles={{ label: { overflowWrap: 'anywhere' } }}
            >
              <Group gap="md" mt={6} wrap="wrap">
                {ATTENDANCES.map((a) => (
                  <Radio key={a} value={a} label={t(`workingGroups.attendance.value.${a}`)} />
                ))}
              </Group>
            </Radio.Group>
          </Paper>
        ))}
      </Stack>
      {missing > 0 && (
        <Text size="sm" c="gray.8">
          {t('workingGroups.attendance.missing', { count: missing })}
        </Text>
      )}
      <FormAlert error={error} />
      <Group>
        <Button onClick={() => void save()} loading={fetching} disabled={(!changed && recorded) || missing === meeting.invitees.length}>
          {t('workingGroups.attendance.save')}
        </Button>
        {recorded && !changed && (
          <Text size="sm" c="teal.9">
            {t('workingGroups.attendance.upToDate')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
