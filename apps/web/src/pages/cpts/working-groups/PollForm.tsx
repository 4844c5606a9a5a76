import { Box, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { FormAlert } from '../../../components/states';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { fromParisInput } from '../../../lib/paris';
import { OWNER_KIND } from './queries';
import { CreateMeetingPollDocument, POLL_CONTEXT } from './queries-meetings';

interface SlotRow {
  key: number;
  date: string;
  start: string;
  end: string;
}

/** The fields whose errors sit next to their field (each slot's too); any other error shows above the buttons. */
const FIELDS = ['title', 'place', 'videoUrl', 'professionalIds', 'slots'];
const shown = (field: string) => FIELDS.includes(field) || /^slots\.\d+\.(startsAt|endsAt)$/.test(field);

let nextKey = 0;
/** A new slot keeps the hours of the one before it: a group meets at its usual time (evenings, lunch breaks) on other days. */
const slotRow = (like?: SlotRow): SlotRow => ({ key: nextKey++, date: '', start: like?.start ?? '18:30', end: like?.end ?? '20:00' });

/**
 * A scheduling poll (what Doodle did): what and where, the slots proposed
 * (Paris time), and who is asked: the group's members, and others of the
 * directory if wished. Each person asked gets an email with their own link
 * to answer; the organiser then lands on the poll's tallies.
 */
export function PollForm({ groupId, memberCount, onDone }: { groupId: string; memberCount: number; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ fetching }, create] = useMutation(CreateMeetingPollDocument);
  const [form, setForm] = useState({ title: '', place: '', videoUrl: '' });
  const [slots, setSlots] = useState<SlotRow[]>(() => [slotRow(), slotRow()]);
  const [inviteMembers, setInviteMembers] = useState(true);
  const [others, setOthers] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: fields[key],
  });
  /** A field of slot `i`; changing it takes back that slot's messages (they spoke of what it was). */
  const bindSlot = (row: SlotRow, i: number, key: 'date' | 'start' | 'end', error?: string) => ({
    value: row[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setSlots((rows) => rows.map((r) => (r.key === row.key ? { ...r, [key]: value } : r)));
      setError((current) => {
        if (!current) return current;
        const rest = Object.fromEntries(Object.entries(current.fields).filter(([f]) => !f.startsWith(`slots.${i}.`)));
        return Object.keys(rest).length === Object.keys(current.fields).length
          ? current
          : Object.keys(rest).length
            ? { ...current, fields: rest }
            : null;
      });
    },
    error,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // A slot without its date or hours is said here, next to it: the API would only see a slot it cannot read.
    const missing: Record<string, string> = {};
    const times = slots.map((s, i) => {
      const start = fromParisInput(`${s.date}T${s.start}`);
      const end = fromParisInput(`${s.date}T${s.end}`);
      if (!start) missing[`slots.${i}.startsAt`] = s.date ? t('meetings.form.startMissing') : t('meetings.form.dateMissing');
      if (!end) missing[`slots.${i}.endsAt`] = t('meetings.form.endMissing');
      return { startsAt: start?.toISOString() ?? '', endsAt: end?.toISOString() ?? '' };
    });
    if (slots.length === 0) missing.slots = t('workingGroups.polls.form.noSlot');
    if (Object.keys(missing).length > 0) {
      return setError({ code: 'BAD_USER_INPUT', message: Object.values(missing)[0], fields: missing });
    }
    const result = await create(
      {
        input: {
          ownerKind: OWNER_KIND,
          ownerId: groupId,
          title: form.title,
          place: form.place.trim() || null,
          videoUrl: form.videoUrl.trim() || null,
          slots: times,
          inviteOwnerMembers: inviteMembers,
          professionalIds: others,
        },
      },
      POLL_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    const poll = result.data.createMeetingPoll;
    notifications.show({ color: 'teal', message: t('workingGroups.polls.form.created', { count: poll.inviteeCount }) });
    onDone();
    navigate(`/groupes-de-travail/${groupId}/sondages/${poll.id}`);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('meetings.form.title')} required maxLength={200} {...bind('title')} data-autofocus />
        <Text size="sm" c="gray.8">
          {t('meetings.form.whereHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('meetings.form.place')} maxLength={300} {...bind('place')} />
          <TextInput
            label={t('meetings.form.videoUrl')}
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={500}
            {...bind('videoUrl')}
          />
        </SimpleGrid>
        <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
          <Title order={3} size="h5" component="legend" p={0} mb={4}>
            {t('workingGroups.polls.form.slots')}
          </Title>
          <Stack gap="xs">
            <Text size="sm" c="gray.8">
              {t('workingGroups.polls.form.slotsHelp')}
            </Text>
            {slots.map((s, i) => (
              <Box key={s.key} component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
                <Text component="legend" size="sm" fw={600} p={0}>
                  {t('workingGroups.polls.form.slot', { n: i + 1 })}
                </Text>
                <Group align="flex-start" gap="xs" wrap="wrap">
                  <TextInput
                    type="date"
                    label={t('meetings.form.date')}
                    required
                    {...bindSlot(s, i, 'date', fields[`slots.${i}.startsAt`])}
                    style={{ flex: '1 1 160px' }}
                  />
                  <TextInput type="time" label={t('meetings.form.start')} required {...bindSlot(s, i, 'start')} w={130} />
                  <TextInput
                    type="time"
                    label={t('meetings.form.end')}
                    required
                    {...bindSlot(s, i, 'end', fields[`slots.${i}.endsAt`])}
                    w={130}
                  />
                  <RemoveRowButton
                    label={t('workingGroups.polls.form.removeSlot', { n: i + 1 })}
                    disabled={slots.length === 1}
                    onClick={() => {
                      setSlots((rows) => rows.filter((r) => r.key !== s.key));
                      // The slots' messages are by position: after a removal they would sit next to another slot.
                      setError(null);
                    }}
                  />
                </Group>
              </Box>
            ))}
            {fields.slots && (
              <Text size="sm" c="red.9" role="alert">
                {fields.slots}
              </Text>
            )}
            <AddRowButton
              label={t('workingGroups.polls.form.addSlot')}
              disabled={slots.length >= 30}
              onClick={() => setSlots((rows) => [...rows, slotRow(rows[rows.length - 1])])}
            />
            <Text size="xs" c="gray.8">
              {t('meetings.form.parisTime')}
            </Text>
          </Stack>
        </Box>
        <Checkbox
          label={t('meetings.form.inviteMembers', { count: memberCount })}
          checked={inviteMembers}
          onChange={(e) => setInviteMembers(e.currentTarget.checked)}
        />
        <PeoplePicker
          label={t('workingGroups.polls.form.others')}
          description={t('workingGroups.polls.form.othersHelp')}
          ids={others}
          onChange={setOthers}
          error={fields.professionalIds}
        />
        <Text size="sm" c="gray.8">
          {t('workingGroups.polls.form.help')}
        </Text>
        <FormAlert error={formLevelError(error, shown)} />
        <DialogButtons onCancel={onDone} action={{ label: t('workingGroups.polls.form.submit'), loading: fetching }} mt="xs" />
      </Stack>
    </form>
  );
}
