import { Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCheck, IconReceiptEuro } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { DialogButtons } from '../../../components/ConfirmModal';
import { EmptyState, FormAlert } from '../../../components/states';
import type { PaymentLineFieldsFragment } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDay, formatEuros } from '../../../lib/format';
import { parisToday } from '../governance/InstanceLabels';
import { formatMinutes, PaymentStatusBadge } from './labels';
import { CancelPaymentLineDocument, MarkPaymentLinesPaidDocument, PAYMENTS_CONTEXT } from './queries';
import '../../../i18n/calls';

type Line = PaymentLineFieldsFragment;

/**
 * The year's lines as filtered, latest work first: those to pay can be
 * ticked and marked paid together (one transfer: its day and reference);
 * the team cancels a line not paid yet, with the reason.
 */
export function PaymentLinesSection({
  lines,
  canManage,
  canMarkPaid,
  updating,
}: {
  lines: Line[];
  canManage: boolean;
  canMarkPaid: boolean;
  updating: boolean;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [paying, setPaying] = useState(false);
  const [cancelling, setCancelling] = useState<Line | null>(null);
  const toPay = lines.filter((l) => l.status === 'TO_PAY');
  const chosen = toPay.filter((l) => selected.has(l.id));
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = toPay.length > 0 && chosen.length === toPay.length;

  return (
    <CardSection id="payment-lines" title={t('payments.lines.title', { count: lines.length })} gap="sm">
      {canMarkPaid && toPay.length > 0 && (
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="gray.8" role="status" aria-live="polite">
            {t('payments.lines.chosen', { count: chosen.length, amount: formatEuros(chosen.reduce((sum, l) => sum + l.amountCents, 0)) })}
            {updating ? ` · ${t('common.updating')}` : ''}
          </Text>
          <Button leftSection={<IconCheck size={18} aria-hidden />} disabled={chosen.length === 0} onClick={() => setPaying(true)}>
            {t('payments.lines.markPaid', { count: chosen.length })}
          </Button>
        </Group>
      )}
      {lines.length === 0 ? (
        <EmptyState icon={<IconReceiptEuro size={32} />} title={t('payments.lines.none')} description={t('payments.lines.noneHelp')} />
      ) : (
        <Table.ScrollContainer
          minWidth={820}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('payments.lines.tableLabel') } }}
        >
          <Table verticalSpacing="xs" striped withTableBorder aria-label={t('payments.lines.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                {canMarkPaid && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('payments.lines.chooseAll')}
                      checked={allChosen}
                      indeterminate={chosen.length > 0 && !allChosen}
                      disabled={toPay.length === 0}
                      onChange={() => setSelected(allChosen ? new Set() : new Set(toPay.map((l) => l.id)))}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('payments.lines.date')}</Table.Th>
                <Table.Th>{t('payments.lines.professional')}</Table.Th>
                <Table.Th>{t('payments.lines.label')}</Table.Th>
                <Table.Th ta="right">{t('payments.lines.amount')}</Table.Th>
                <Table.Th>{t('payments.lines.status')}</Table.Th>
                {canManage && <Table.Th aria-label={t('payments.lines.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.id}>
                  {canMarkPaid && (
                    <Table.Td>
                      {l.status === 'TO_PAY' && (
                        <Checkbox
                          aria-label={t('payments.lines.choose', { name: l.professionalName, label: l.label })}
                          checked={selected.has(l.id)}
                          onChange={() => toggle(l.id)}
                        />
                      )}
                    </Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(l.workDate)}</Table.Td>
                  <Table.Td miw={140} style={{ overflowWrap: 'anywhere' }}>
                    {l.professionalName}
                  </Table.Td>
                  <Table.Td miw={220}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {l.label}
                    </Text>
                    <Text size="xs" c="gray.8">
                      {[t(`payments.kind.${l.kind}`), l.minutes !== null ? formatMinutes(l.minutes) : t('payments.lines.flatFee')].join(
                        ' · ',
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(l.amountCents)}
                  </Table.Td>
                  <Table.Td>
                    <PaymentStatusBadge status={l.status} />
                    {l.status === 'PAID' && l.paidOn && (
                      <Text size="xs" c="gray.8" mt={2}>
                        {t('payments.lines.paidOn', { date: formatDay(l.paidOn), reference: l.paidReference ?? '' })}
                      </Text>
                    )}
                    {l.status === 'CANCELLED' && l.cancelReason && (
                      <Text size="xs" c="gray.8" mt={2} style={{ overflowWrap: 'anywhere' }}>
                        {l.cancelReason}
                      </Text>
                    )}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {l.status === 'TO_PAY' && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          c="red.9"
                          leftSection={<IconBan size={14} aria-hidden />}
                          onClick={() => setCancelling(l)}
                          aria-label={t('payments.cancel.of', { name: l.professionalName, label: l.label })}
                        >
                          {t('payments.cancel.button')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={paying} onClose={() => setPaying(false)} title={t('payments.markPaid.title', { count: chosen.length })} centered>
        {paying && (
          <MarkPaidForm
            lines={chosen}
            onDone={(paid) => {
              setPaying(false);
              if (paid) setSelected(new Set());
            }}
          />
        )}
      </Modal>
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t('payments.cancel.title')} centered>
        {cancelling && <CancelForm line={cancelling} onDone={() => setCancelling(null)} />}
      </Modal>
    </CardSection>
  );
}

function MarkPaidForm({ lines, onDone }: { lines: Line[]; onDone: (paid: boolean) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, markPaid] = useMutation(MarkPaymentLinesPaidDocument);
  const [paidOn, setPaidOn] = useState(parisToday());
  const [reference, setReference] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await markPaid({ input: { lineIds: lines.map((l) => l.id), paidOn, reference } }, PAYMENTS_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('payments.markPaid.done', { count: lines.length }) });
    onDone(true);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('payments.markPaid.summary', { count: lines.length, amount: formatEuros(lines.reduce((sum, l) => sum + l.amountCents, 0)) })}
        </Text>
        <TextInput
          type="date"
          label={t('payments.markPaid.paidOn')}
          required
          max={parisToday()}
          value={paidOn}
          onChange={(e) => setPaidOn(e.currentTarget.value)}
          error={error?.fields.paidOn}
        />
        <TextInput
          label={t('payments.markPaid.reference')}
          description={t('payments.markPaid.referenceHelp')}
          required
          maxLength={100}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={error?.fields.reference}
          data-autofocus
        />
        <FormAlert error={formLevelError(error, (f) => ['paidOn', 'reference'].includes(f))} />
        <DialogButtons onCancel={() => onDone(false)} action={{ label: t('payments.markPaid.submit'), loading: fetching }} />
      </Stack>
    </form>
  );
}

function CancelForm({ line, onDone }: { line: Line; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, cancel] = useMutation(CancelPaymentLineDocument);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await cancel({ id: line.id, reason }, PAYMENTS_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('payments.cancel.done') });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >{`${line.professionalName} · ${line.label} · ${formatEuros(line.amountCents)}`}</Text>
        <Textarea
          label={t('payments.cancel.reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error?.fields.reason}
          data-autofocus
        />
        <FormAlert error={formLevelError(error, (f) => f === 'reason')} />
        <DialogButtons onCancel={onDone} action={{ label: t('payments.cancel.submit'), loading: fetching, color: 'red' }} />
      </Stack>
    </form>
  );
}
