import { Box, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { FormAlert } from '../../../components/states';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { fromParisInput, toParisInput } from '../../../lib/paris';
import type { MeetingRow } from './MeetingsSection';
import { MEETING_CONTEXT, OWNER_KIND, ScheduleMeetingDocument, UpdateMeetingDocument } from './queries';

interface AgendaRow {
  key: number;
  title: string;
  duration: string;
  presenter: string;
}

/** The fields whose errors sit next to their field (agenda items too); any other error shows above the buttons. */
const FIELDS = ['title', 'startsAt', 'endsAt', 'place', 'videoUrl', 'professionalIds'];
const shown = (field: string) => FIELDS.includes(field) || /^agenda\.\d+\.(title|durationMinutes|presenter)$/.test(field);

let nextKey = 0;
const agendaRow = (a?: { title: string; durationMinutes: number | null; presenter: string | null }): AgendaRow => ({
  key: nextKey++,
  title: a?.title ?? '',
  duration: a?.durationMinutes ? String(a.durationMinutes) : '',
  presenter: a?.presenter ?? '',
});

/**
 * A meeting to schedule (invitations to the group, and to others of the
 * directory if wished) or to move (the same details; every invitee is told).
 * Date and hours are Paris time.
 */
export function MeetingForm({
  groupId,
  memberCount,
  meeting,
  onDone,
  submitLabel,
  ownerKind = OWNER_KIND,
  inviteLabel,
}: {
  /** The owner's id: a working group's, or another owner's (`ownerKind`). */
  groupId: string;
  memberCount: number;
  meeting: MeetingRow | null;
  onDone: () => void;
  /** The button's words when the page says better (the meeting's page edits more than the time). */
  submitLabel?: string;
  /** The meetings engine's kind of owner: a working group by default, or a governance instance. */
  ownerKind?: string;
  /** What inviting the owner's members means, when not a group's ("the bureau's members"). */
  inviteLabel?: string;
}) {
  const { t } = useTranslation();
  const [scheduling, schedule] = useMutation(ScheduleMeetingDocument);
  const [moving, move] = useMutation(UpdateMeetingDocument);
  const [startsAt, endsAt] = meeting
    ? [toParisInput(new Date(meeting.startsAt)), toParisInput(new Date(meeting.endsAt))]
    : ['T18:30', 'T20:00'];
  const [form, setForm] = useState({
    title: meeting?.title ?? '',
    date: startsAt.split('T')[0],
    start: startsAt.split('T')[1],
    end: endsAt.split('T')[1],
    place: meeting?.place ?? '',
    videoUrl: meeting?.videoUrl ?? '',
  });
  const [agenda, setAgenda] = useState<AgendaRow[]>(() => (meeting?.agenda ?? []).map(agendaRow));
  const [inviteMembers, setInviteMembers] = useState(true);
  const [others, setOthers] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};
  /** A field of the form: its value, its change, the API's message for `apiField`. */
  const bind = (key: keyof typeof form, apiField?: string) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: apiField ? fields[apiField] : undefined,
  });
  /** The same for a field of the agenda's item `i`. */
  const bindItem = (row: AgendaRow, i: number, key: 'title' | 'duration' | 'presenter', apiField: string) => ({
    value: row[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setAgenda((rows) => rows.map((r) => (r.key === row.key ? { ...r, [key]: value } : r)));
    },
    error: fields[`agenda.${i}.${apiField}`],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const start = fromParisInput(`${form.date}T${form.start}`);
    const end = fromParisInput(`${form.date}T${form.end}`);
    if (!start || !end) {
      const missing: Record<string, string> = {};
      if (!start) missing.startsAt = form.date ? t('meetings.form.startMissing') : t('meetings.form.dateMissing');
      if (!end) missing.endsAt = t('meetings.form.endMissing');
      return setError({ code: 'BAD_USER_INPUT', message: Object.values(missing)[0], fields: missing });
    }
    const details = {
      title: form.title,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      place: form.place.trim() || null,
      videoUrl: form.videoUrl.trim() || null,
      agenda: agenda.map((a) => ({
        title: a.title,
        durationMinutes: a.duration.trim() ? Number(a.duration) : null,
        presenter: a.presenter.trim() || null,
      })),
    };
    const result = meeting
      ? await move({ id: meeting.id, input: details }, MEETING_CONTEXT)
      : await schedule(
          { input: { ...details, ownerKind, ownerId: groupId, inviteOwnerMembers: inviteMembers, professionalIds: others } },
          MEETING_CONTEXT,
        );
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: meeting ? t('meetings.form.moved') : t('meetings.form.scheduled') });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('meetings.form.title')} required maxLength={200} {...bind('title', 'title')} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput type="date" label={t('meetings.form.date')} required {...bind('date', 'startsAt')} />
          <TextInput type="time" label={t('meetings.form.start')} description={t('meetings.form.parisTime')} required {...bind('start')} />
          <TextInput
            type="time"
            label={t('meetings.form.end')}
            description={t('meetings.form.parisTime')}
            required
            {...bind('end', 'endsAt')}
          />
        </SimpleGrid>
        <Text size="sm" c="gray.8">
          {t('meetings.form.whereHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('meetings.form.place')} maxLength={300} {...bind('place', 'place')} />
          <TextInput
            label={t('meetings.form.videoUrl')}
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={500}
            {...bind('videoUrl', 'videoUrl')}
          />
        </SimpleGrid>
        <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
          <Title order={3} size="h5" component="legend" p={0} mb={4}>
            {t('meetings.agenda')}
          </Title>
          <Stack gap="xs">
            {agenda.length === 0 && (
              <Text size="sm" c="gray.8">
                {t('meetings.form.noAgenda')}
              </Text>
            )}
            {agenda.map((a, i) => (
              <Group key={a.key} align="flex-start" gap="xs" wrap="wrap">
                <TextInput
                  label={t('meetings.form.item', { n: i + 1 })}
                  required
                  maxLength={200}
                  {...bindItem(a, i, 'title', 'title')}
                  style={{ flex: '1 1 220px' }}
                />
                <TextInput
                  label={t('meetings.form.duration')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={600}
                  {...bindItem(a, i, 'duration', 'durationMinutes')}
                  w={120}
                />
                <TextInput
                  label={t('meetings.form.presenter')}
                  maxLength={120}
                  {...bindItem(a, i, 'presenter', 'presenter')}
                  style={{ flex: '1 1 160px' }}
                />
                <RemoveRowButton
                  label={t('meetings.form.removeItem', { n: i + 1 })}
                  onClick={() => setAgenda((rows) => rows.filter((r) => r.key !== a.key))}
                />
              </Group>
            ))}
            <AddRowButton label={t('meetings.form.addItem')} onClick={() => setAgenda((rows) => [...rows, agendaRow()])} />
          </Stack>
        </Box>
        {meeting ? (
          <Text size="sm" c="gray.8">
            {t('meetings.form.moveHelp')}
          </Text>
        ) : (
          <>
            <Checkbox
              label={inviteLabel ?? t('meetings.form.inviteMembers', { count: memberCount })}
              checked={inviteMembers}
              onChange={(e) => setInviteMembers(e.currentTarget.checked)}
            />
            <PeoplePicker
              label={t('meetings.form.others')}
              description={t('meetings.form.othersHelp')}
              ids={others}
              onChange={setOthers}
              error={fields.professionalIds}
            />
            <Text size="sm" c="gray.8">
              {t('meetings.form.scheduleHelp')}
            </Text>
          </>
        )}
        <FormAlert error={formLevelError(error, shown)} />
        <DialogButtons
          onCancel={onDone}
          action={{
            label: submitLabel ?? (meeting ? t('meetings.form.moveSubmit') : t('meetings.form.scheduleSubmit')),
            loading: scheduling.fetching || moving.fetching,
          }}
          mt="xs"
        />
      </Stack>
    </form>
  );
}
