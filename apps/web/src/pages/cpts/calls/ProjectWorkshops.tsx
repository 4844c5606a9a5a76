import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal, DialogButtons } from '../../../components/ConfirmModal';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { FormAlert } from '../../../components/states';
import type { CallProjectQuery, ProjectStatus } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDay, formatEuros } from '../../../lib/format';
import { parisToday } from '../governance/InstanceLabels';
import { formatMinutes, PaymentStatusBadge } from '../payments/labels';
import { feeForMinutes } from './money';
import { CALL_CONTEXT, RecordProjectWorkshopDocument, RemoveProjectWorkshopDocument } from './queries';
import '../../../i18n/calls';

type Project = CallProjectQuery['callProject'];
type Workshop = Project['workshops'][number];

/** The statuses in which workshops are held and recorded: once the bureau approved the project, until its debrief. */
const RECORDABLE: ProjectStatus[] = ['APPROVED', 'IN_PROGRESS'];
/** Where the workshops section shows: from the approval on. */
export const CARRIED_OUT: ProjectStatus[] = ['APPROVED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED'];

/**
 * The workshops held, recorded afterwards by the team: when, how long,
 * where, who took part (a count, and the people the directory knows), who
 * led it; each speaker's payment line for it (a rémunération at the call's
 * hourly rate) and the warnings of the payments module (80 % of the PASS).
 * A workshop recorded by mistake is removed (its unpaid lines cancelled).
 */
export function ProjectWorkshops({
  project: p,
  team,
  hourlyRateCents,
}: {
  project: Project;
  team: boolean;
  hourlyRateCents: number | null;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState<Workshop | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching: removingNow }, remove] = useMutation(RemoveProjectWorkshopDocument);
  const canRecord = team && RECORDABLE.includes(p.status);
  const linesOf = (w: Workshop) => p.paymentLines.filter((l) => l.source === 'call_workshop' && l.sourceRef === w.id);

  const doRemove = async (w: Workshop) => {
    setError(null);
    const result = await remove({ id: w.id }, CALL_CONTEXT);
    setRemoving(null);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.workshops.removed', { date: formatDay(w.heldOn) }) });
  };

  return (
    <CardSection id="project-workshops" title={t('calls.workshops.title', { count: p.workshops.length })} gap="sm">
      {warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('calls.workshops.passWarning')}
          withCloseButton
          closeButtonLabel={t('calls.workshops.closeWarning')}
          onClose={() => setWarnings([])}
        >
          <Stack gap={2}>
            {warnings.map((w) => (
              <Text key={w} size="sm">
                {w}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <FormAlert error={error} />
      {p.workshops.length === 0 ? (
        <Text size="sm" c="gray.8">
          {canRecord ? t('calls.workshops.noneYet') : t('calls.workshops.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.workshops.map((w) => (
            <Paper
              key={w.id}
              withBorder
              p="sm"
              radius="md"
              component="li"
              aria-label={t('calls.workshops.of', { date: formatDay(w.heldOn) })}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={700}>
                    {t('calls.workshops.when', { date: formatDay(w.heldOn), time: w.startTime, length: formatMinutes(w.minutes) })}
                  </Text>
                  {w.place && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {w.place}
                    </Text>
                  )}
                  <Text size="sm">{t('calls.workshops.participantsLine', { count: w.participants, known: w.knownParticipants })}</Text>
                  <Text size="sm">{t('calls.workshops.speakersLine', { names: w.speakers.map((s) => s.name).join(', ') })}</Text>
                  {linesOf(w).map((l) => (
                    <Group key={l.id} gap={6} wrap="wrap">
                      <Text size="xs" c="gray.8">
                        {t('calls.workshops.lineOf', { name: l.professionalName, amount: formatEuros(l.amountCents) })}
                      </Text>
                      <PaymentStatusBadge status={l.status} />
                    </Group>
                  ))}
                </Stack>
                {canRecord && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    c="red.9"
                    size="lg"
                    aria-label={t('calls.workshops.remove', { date: formatDay(w.heldOn) })}
                    onClick={() => setRemoving(w)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canRecord && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
            {t('calls.workshops.record')}
          </Button>
        </Group>
      )}
      {recording && (
        <WorkshopDialog
          project={p}
          hourlyRateCents={hourlyRateCents}
          onClose={() => setRecording(false)}
          onDone={(found) => {
            setRecording(false);
            setWarnings(found);
          }}
        />
      )}
      {removing && (
        <ConfirmModal
          onClose={() => setRemoving(null)}
          title={t('calls.workshops.removeTitle')}
          action={{
            label: t('calls.workshops.removeConfirm'),
            color: 'red.8',
            loading: removingNow,
            onClick: () => void doRemove(removing),
          }}
        >
          <Text size="sm">{t('calls.workshops.removeExplain', { date: formatDay(removing.heldOn) })}</Text>
        </ConfirmModal>
      )}
    </CardSection>
  );
}

/** The fields whose errors sit next to their field. */
const FIELDS = ['heldOn', 'startTime', 'minutes', 'place', 'participants', 'participantIds', 'speakerIds'];

/**
 * A workshop held, recorded: its day (today at the latest) and start (Paris
 * time), its length (the project's planned one to begin with), its place,
 * how many took part, the people of the directory among them, and who led
 * it among the project's carriers (each paid the hourly fee, shown).
 */
function WorkshopDialog({
  project: p,
  hourlyRateCents,
  onClose,
  onDone,
}: {
  project: Project;
  hourlyRateCents: number | null;
  onClose: () => void;
  onDone: (warnings: string[]) => void;
}) {
  const { t } = useTranslation();
  const carriers = [p.proposer, ...p.coCarriers];
  const [form, setForm] = useState({
    heldOn: parisToday(),
    startTime: '14:00',
    hours: String(Math.floor(p.workshopMinutes / 60)),
    minutes: String(p.workshopMinutes % 60),
    place: '',
    participants: '',
  });
  const [speakerIds, setSpeakerIds] = useState<string[]>([p.proposer.id]);
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, record] = useMutation(RecordProjectWorkshopDocument);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fields = error?.fields ?? {};
  const whole = (s: string) => (/^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : null);
  const hours = whole(form.hours || '0');
  const minutes = whole(form.minutes || '0');
  const length = hours !== null && minutes !== null ? hours * 60 + minutes : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const participants = whole(form.participants);
    const local: Record<string, string> = {};
    if (length === null) local.minutes = t('calls.workshops.lengthInvalid');
    if (participants === null) local.participants = t('calls.workshops.participantsInvalid');
    if (Object.keys(local).length) return setError({ code: 'BAD_USER_INPUT', message: Object.values(local)[0], fields: local });
    const result = await record(
      {
        input: {
          projectId: p.id,
          heldOn: form.heldOn,
          startTime: form.startTime,
          minutes: length!,
          place: form.place.trim() || null,
          participants: participants!,
          participantIds,
          speakerIds,
        },
      },
      CALL_CONTEXT,
    );
    if (result.error || !result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.workshops.recorded') });
    onDone(result.data.recordProjectWorkshop.warnings);
  };

  return (
    <Modal opened onClose={onClose} title={t('calls.workshops.recordTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('calls.workshops.recordExplain')}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('calls.workshops.heldOn')}
              required
              max={parisToday()}
              value={form.heldOn}
              onChange={(e) => set('heldOn', e.currentTarget.value)}
              error={fields.heldOn}
            />
            <TextInput
              type="time"
              label={t('calls.workshops.startTime')}
              description={t('meetings.form.parisTime')}
              value={form.startTime}
              onChange={(e) => set('startTime', e.currentTarget.value)}
              error={fields.startTime}
            />
          </SimpleGrid>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              label={t('calls.workshops.hours')}
              inputMode="numeric"
              maxLength={2}
              value={form.hours}
              onChange={(e) => set('hours', e.currentTarget.value)}
              error={fields.minutes}
              w={120}
            />
            <TextInput
              label={t('calls.workshops.minutes')}
              inputMode="numeric"
              maxLength={2}
              value={form.minutes}
              onChange={(e) => set('minutes', e.currentTarget.value)}
              w={120}
            />
          </Group>
          <TextInput
            label={t('calls.workshops.place')}
            required
            maxLength={300}
            value={form.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={fields.place}
          />
          <Checkbox.Group
            label={t('calls.workshops.speakers')}
            description={
              hourlyRateCents !== null && length !== null
                ? t('calls.workshops.speakersFee', { amount: formatEuros(feeForMinutes(length, hourlyRateCents)) })
                : undefined
            }
            required
            value={speakerIds}
            onChange={setSpeakerIds}
            error={fields.speakerIds}
          >
            <Stack gap={6} mt="xs">
              {carriers.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            label={t('calls.workshops.participants')}
            description={t('calls.workshops.participantsHelp')}
            required
            inputMode="numeric"
            maxLength={5}
            value={form.participants}
            onChange={(e) => set('participants', e.currentTarget.value)}
            error={fields.participants}
            maw={220}
          />
          <PeoplePicker
            label={t('calls.workshops.known')}
            description={t('calls.workshops.knownHelp')}
            ids={participantIds}
            onChange={setParticipantIds}
            exclude={speakerIds}
            error={fields.participantIds}
          />
          <FormAlert error={formLevelError(error, (f) => FIELDS.includes(f))} />
          <DialogButtons onCancel={onClose} action={{ label: t('calls.workshops.recordConfirm'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}
