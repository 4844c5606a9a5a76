import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { DialogButtons } from '../../../components/ConfirmModal';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatEuros } from '../../../lib/format';
import { eurosToCents } from '../memberships/labels';
import { PaymentSettingsDocument, PAYMENTS_CONTEXT, UpdatePaymentSettingsDocument } from './queries';
import '../../../i18n/calls';

/** The CPTS's hourly rate of the indemnities (its règlement intérieur): the team reads it, the coordinator changes it. */
export function PaymentSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PaymentSettingsDocument, context: PAYMENTS_CONTEXT });
  const [editing, setEditing] = useState(false);
  const settings = data?.paymentSettings;
  return (
    <CardSection id="payment-settings" title={t('payments.settings.title')} gap="sm">
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !settings ? (
        <LoadingState />
      ) : editing ? (
        <RateForm rateCents={settings.indemnityHourlyRateCents} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {settings.indemnityHourlyRateCents === null
              ? t('payments.settings.none')
              : t('payments.settings.rate', { amount: formatEuros(settings.indemnityHourlyRateCents) })}
          </Text>
          {settings.updatedAt && (
            <Text size="xs" c="gray.8">
              {t('payments.settings.changed', { date: formatDateTime(settings.updatedAt), name: settings.updatedByName ?? '—' })}
            </Text>
          )}
          {canEdit ? (
            <Group>
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
                {t('payments.settings.edit')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="gray.8">
              {t('payments.settings.coordinatorOnly')}
            </Text>
          )}
        </Stack>
      )}
    </CardSection>
  );
}

function RateForm({ rateCents, onDone }: { rateCents: number | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, update] = useMutation(UpdatePaymentSettingsDocument);
  const [rate, setRate] = useState(rateCents === null ? '' : (rateCents / 100).toFixed(2).replace('.', ','));
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const cents = eurosToCents(rate);
    if (cents === null) {
      const message = t('payments.settings.invalid');
      return setError({ code: 'BAD_USER_INPUT', message, fields: { indemnityHourlyRateCents: message } });
    }
    const result = await update({ rate: cents }, PAYMENTS_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('payments.settings.saved') });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('payments.settings.label')}
          description={t('payments.settings.help')}
          inputMode="decimal"
          required
          rightSection="€"
          value={rate}
          onChange={(e) => setRate(e.currentTarget.value)}
          error={error?.fields.indemnityHourlyRateCents}
          data-autofocus
        />
        <FormAlert error={formLevelError(error, (f) => f === 'indemnityHourlyRateCents')} />
        <DialogButtons onCancel={onDone} action={{ label: t('payments.settings.save'), loading: fetching }} />
      </Stack>
    </form>
  );
}
