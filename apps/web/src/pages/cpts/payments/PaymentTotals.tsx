import { Anchor, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardSection } from '../../../components/CardSection';
import { EmptyState } from '../../../components/states';
import type { PaymentYearQuery } from '../../../gql/graphql';
import { formatEuros } from '../../../lib/format';
import { PassShareBadge } from './labels';
import '../../../i18n/calls';

type Totals = PaymentYearQuery['paymentYear']['professionals'][number];

/** Each professional's year: indemnities, remunerations, share of the PASS (warned from 80 %), paid and left to pay, and their statement. */
export function PaymentTotals({ year, professionals }: { year: number; professionals: Totals[] }) {
  const { t } = useTranslation();
  return (
    <CardSection id="payment-totals" title={t('payments.totals.title', { year })} gap="sm">
      {professionals.length === 0 ? (
        <EmptyState icon={<IconUsers size={32} />} title={t('payments.totals.none', { year })} />
      ) : (
        <Table.ScrollContainer
          minWidth={760}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('payments.totals.title', { year }) } }}
        >
          <Table verticalSpacing="xs" striped withTableBorder aria-label={t('payments.totals.title', { year })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.totals.professional')}</Table.Th>
                <Table.Th ta="right">{t('payments.kind.INDEMNITY')}</Table.Th>
                <Table.Th ta="right">{t('payments.kind.REMUNERATION')}</Table.Th>
                <Table.Th ta="right">{t('payments.totals.total')}</Table.Th>
                <Table.Th>{t('payments.totals.passShare')}</Table.Th>
                <Table.Th ta="right">{t('payments.totals.paid')}</Table.Th>
                <Table.Th ta="right">{t('payments.totals.toPay')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {professionals.map((p) => (
                <Table.Tr key={p.professionalId}>
                  <Table.Td miw={180}>
                    <Anchor
                      component={Link}
                      to={`/paiements/etat/${p.professionalId}/${year}`}
                      aria-label={t('payments.totals.statementOf', { name: p.name, year })}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {p.name}
                    </Anchor>
                    {p.professionLabel && (
                      <Text size="xs" c="gray.8">
                        {p.professionLabel}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.indemnityCents)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.remunerationCents)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.totalCents)}
                  </Table.Td>
                  <Table.Td>
                    <PassShareBadge permille={p.passPermille} />
                    {p.warning && (
                      <Text size="xs" c="orange.9" mt={2}>
                        {t('payments.totals.warning')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.paidCents)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.toPayCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </CardSection>
  );
}
