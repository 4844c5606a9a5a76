import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardSection } from '../../../components/CardSection';
import type { CallEnvelopeFieldsFragment } from '../../../gql/graphql';
import { formatEuros } from '../../../lib/format';
import '../../../i18n/calls';

/** One amount of the envelope: smaller than the home page's figures, so that "14 189,50 €" fits two to a phone's row. */
function Amount({ label, cents, hint }: { label: string; cents: number; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fw={700} fz={{ base: 18, sm: 22 }} lh={1.3} style={{ whiteSpace: 'nowrap' }}>
        {formatEuros(cents)}
      </Text>
      {hint && (
        <Text size="xs" c="gray.8">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The call's money, wherever a decision is made (the call's page, a
 * project's): the envelope, what the bureau approved, what it is voting on,
 * what was paid, and what remains (and, of it, what the bureau may still
 * approve while votes are open).
 */
export function EnvelopeCard({ envelope: e, id = 'call-envelope' }: { envelope: CallEnvelopeFieldsFragment; id?: string }) {
  const { t } = useTranslation();
  return (
    <CardSection id={id} title={t('calls.envelope.title')} gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Amount label={t('calls.envelope.envelope')} cents={e.envelopeCents} />
        <Amount label={t('calls.envelope.committed')} cents={e.committedCents} hint={t('calls.envelope.committedHint')} />
        <Amount label={t('calls.envelope.pending')} cents={e.pendingCents} hint={t('calls.envelope.pendingHint')} />
        <Amount label={t('calls.envelope.paid')} cents={e.paidCents} />
        <Amount
          label={t('calls.envelope.remaining')}
          cents={e.remainingCents}
          hint={e.pendingCents > 0 ? t('calls.envelope.availableHint', { amount: formatEuros(e.availableCents) }) : undefined}
        />
      </SimpleGrid>
    </CardSection>
  );
}
