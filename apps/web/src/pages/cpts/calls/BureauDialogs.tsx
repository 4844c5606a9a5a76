import { Alert, List, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { CallEnvelopeFieldsFragment } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatEuros } from '../../../lib/format';
import { fromParisInput, toParisInput } from '../../../lib/paris';
import { eurosToCents } from './money';
import { CALL_CONTEXT, PutProjectsToBureauDocument, RaiseCallEnvelopeDocument } from './queries';
import '../../../i18n/calls';

/** A week from now at 18:00, Paris time: a usual deadline for the bureau's written vote (as governance proposes it). */
function useDeadline() {
  const [date, setDate] = useState(() => toParisInput(new Date(Date.now() + 7 * 86_400_000)).split('T')[0]);
  const [time, setTime] = useState('18:00');
  return { date, setDate, time, setTime, instant: () => fromParisInput(`${date}T${time}`) };
}

/** The vote's deadline: a Paris day and hour. */
function DeadlineFields({ deadline, error }: { deadline: ReturnType<typeof useDeadline>; error?: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput
        type="date"
        label={t('calls.bureau.deadlineDate')}
        required
        value={deadline.date}
        onChange={(e) => deadline.setDate(e.currentTarget.value)}
        error={error}
      />
      <TextInput
        type="time"
        label={t('calls.bureau.deadlineTime')}
        description={t('meetings.form.parisTime')}
        required
        value={deadline.time}
        onChange={(e) => deadline.setTime(e.currentTarget.value)}
      />
    </SimpleGrid>
  );
}

export interface BureauProject {
  id: string;
  number: string;
  title: string;
  budgetCents: number;
}

/**
 * Puts one project or a batch to the bureau: one decision (one vote) per
 * project, by the deadline. The batch's total is set against what the
 * envelope still holds; the server has the last word (its refusal, with its
 * figures, is shown as it says it).
 */
export function PutToBureauDialog({
  projects,
  envelope,
  onClose,
  onDone,
}: {
  projects: BureauProject[];
  envelope: CallEnvelopeFieldsFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const deadline = useDeadline();
  const [{ fetching }, put] = useMutation(PutProjectsToBureauDocument);
  const [error, setError] = useState<AppError | null>(null);
  const total = projects.reduce((sum, p) => sum + p.budgetCents, 0);
  const over = total > envelope.availableCents;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const when = deadline.instant();
    if (!when)
      return setError({
        code: 'BAD_USER_INPUT',
        message: t('calls.bureau.deadlineInvalid'),
        fields: { deadline: t('calls.bureau.deadlineInvalid') },
      });
    const result = await put({ input: { projectIds: projects.map((p) => p.id), deadline: when.toISOString() } }, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.bureau.putDone', { count: projects.length }) });
    onDone();
  };

  return (
    <Modal opened onClose={onClose} title={t('calls.bureau.putTitle', { count: projects.length })} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('calls.bureau.putExplain')}</Text>
          <List size="sm" spacing={2}>
            {projects.map((p) => (
              <List.Item key={p.id}>
                {p.number} {p.title} — {formatEuros(p.budgetCents)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" fw={600} data-testid="batch-total">
            {t('calls.bureau.batchTotal', { total: formatEuros(total), available: formatEuros(envelope.availableCents) })}
          </Text>
          {over && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              <Text size="sm">{t('calls.bureau.overEnvelope', { over: formatEuros(total - envelope.availableCents) })}</Text>
            </Alert>
          )}
          <DeadlineFields deadline={deadline} error={error?.fields.deadline} />
          <FormAlert error={formLevelError(error, (f) => f === 'deadline')} />
          <DialogButtons
            onCancel={onClose}
            action={{ label: t('calls.bureau.putConfirm', { count: projects.length }), loading: fetching }}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks the bureau to raise the call's envelope: a decision; adopted, the envelope becomes the new amount. */
export function RaiseEnvelopeDialog({
  callId,
  envelope,
  onClose,
}: {
  callId: string;
  envelope: CallEnvelopeFieldsFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const deadline = useDeadline();
  const [{ fetching }, raise] = useMutation(RaiseCallEnvelopeDocument);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const toCents = eurosToCents(amount);
    const when = deadline.instant();
    const local: Record<string, string> = {};
    if (toCents === null) local.toCents = amount.trim() ? t('calls.form.amountInvalid') : t('calls.form.amountMissing');
    if (!when) local.deadline = t('calls.bureau.deadlineInvalid');
    if (Object.keys(local).length) return setError({ code: 'BAD_USER_INPUT', message: Object.values(local)[0], fields: local });
    const result = await raise({ input: { callId, toCents: toCents!, reason, deadline: when!.toISOString() } }, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.raise.done') });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('calls.raise.title')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('calls.raise.explain', { envelope: formatEuros(envelope.envelopeCents), committed: formatEuros(envelope.committedCents) })}
          </Text>
          <TextInput
            label={t('calls.raise.amount')}
            description={t('calls.raise.amountHelp')}
            required
            inputMode="decimal"
            rightSection="€"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={fields.toCents}
            maw={260}
          />
          <Textarea
            label={t('calls.raise.reason')}
            description={t('calls.raise.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fields.reason}
          />
          <DeadlineFields deadline={deadline} error={fields.deadline} />
          <FormAlert error={formLevelError(error, (f) => ['toCents', 'reason', 'deadline'].includes(f))} />
          <DialogButtons onCancel={onClose} action={{ label: t('calls.raise.confirm'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}
