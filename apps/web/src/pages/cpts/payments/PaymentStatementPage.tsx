import { Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState, PageNotice } from '../../../components/states';
import { toAppError } from '../../../lib/errors';
import { formatDay, formatEuros } from '../../../lib/format';
import { formatMinutes, formatPermille, PaymentStatusBadge } from './labels';
import { PAYMENTS_CONTEXT, PaymentStatementDocument } from './queries';
import '../../../i18n/calls';

/**
 * A professional's yearly statement (état annuel) of what the CPTS owes and
 * paid them: the person, the CPTS, each line of the year not cancelled, the
 * totals by kind and the share of the PASS. Printable: the print stylesheet
 * keeps the statement alone on the page. At /paiements/etat/:professionalId/:annee.
 */
export function PaymentStatementPage() {
  const { t } = useTranslation();
  const { professionalId = '', annee = '' } = useParams();
  const year = Number(annee);
  const [{ data, error }, refetch] = useQuery({
    query: PaymentStatementDocument,
    variables: { professionalId, year },
    pause: !Number.isInteger(year),
    context: PAYMENTS_CONTEXT,
  });
  const appError = toAppError(error);
  if (appError?.code === 'FORBIDDEN')
    return (
      <PageNotice
        icon={<IconLock size={32} />}
        title={t('payments.treasurerOnly.title')}
        description={t('payments.treasurerOnly.description')}
        role="alert"
      />
    );
  const s = data?.paymentStatement;
  const title = s ? t('payments.statement.title', { name: s.professional.name, year }) : t('payments.statement.titleShort');

  return (
    <>
      <div className="no-print">
        <PageHeader
          title={title}
          subtitle={s ? t('payments.statement.subtitle', { cpts: s.cptsName }) : undefined}
          crumbs={[{ label: t('payments.title'), to: `/paiements?annee=${annee}` }, { label: t('payments.statement.titleShort') }]}
          actions={
            <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()} disabled={!s}>
              {t('payments.statement.print')}
            </Button>
          }
        />
      </div>
      {error && !data ? (
        <ErrorState error={appError} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !s ? (
        <LoadingState rows={4} />
      ) : (
        <Stack gap="md">
          {/* On paper, the statement says what it is and whose: the header above is not printed. */}
          <div className="print-only">
            <h1 className="register-print-title">{t('payments.statement.printTitle', { cpts: s.cptsName, year })}</h1>
          </div>
          <Card withBorder padding="md" radius="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Stack gap={2}>
                <Text size="sm" c="gray.8">
                  {t('payments.statement.professional')}
                </Text>
                <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
                  {s.professional.name}
                </Title>
                <Text size="sm">
                  {[
                    s.professional.professionLabel,
                    s.professional.rpps ? t('payments.statement.rpps', { rpps: s.professional.rpps }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Stack gap={2}>
                <Text size="sm" c="gray.8">
                  {t('payments.statement.payer')}
                </Text>
                <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
                  {s.cptsName}
                </Title>
                <Text size="sm">{t('payments.statement.year', { year })}</Text>
              </Stack>
            </SimpleGrid>
          </Card>
          <Table.ScrollContainer
            minWidth={640}
            className="register-table"
            scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('payments.statement.lines') } }}
          >
            <Table verticalSpacing="xs" striped withTableBorder aria-label={t('payments.statement.lines')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payments.lines.date')}</Table.Th>
                  <Table.Th>{t('payments.statement.kind')}</Table.Th>
                  <Table.Th>{t('payments.lines.label')}</Table.Th>
                  <Table.Th>{t('payments.statement.length')}</Table.Th>
                  <Table.Th ta="right">{t('payments.lines.amount')}</Table.Th>
                  <Table.Th>{t('payments.lines.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('payments.statement.none', { year })}</Table.Td>
                  </Table.Tr>
                ) : (
                  s.lines.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(l.workDate)}</Table.Td>
                      <Table.Td>{t(`payments.kind.${l.kind}`)}</Table.Td>
                      <Table.Td miw={200} style={{ overflowWrap: 'anywhere' }}>
                        {l.label}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {l.minutes !== null ? formatMinutes(l.minutes) : t('payments.lines.flatFee')}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatEuros(l.amountCents)}
                      </Table.Td>
                      <Table.Td>
                        <PaymentStatusBadge status={l.status} />
                        {l.paidOn && (
                          <Text size="xs" c="gray.8">
                            {t('payments.lines.paidOn', { date: formatDay(l.paidOn), reference: l.paidReference ?? '' })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Card withBorder padding="md" radius="md">
            <Table aria-label={t('payments.statement.totals')} withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {(
                  [
                    [t('payments.statement.indemnities'), s.indemnityCents],
                    [t('payments.statement.remunerations'), s.remunerationCents],
                    [t('payments.statement.total'), s.totalCents],
                    [t('payments.statement.paid'), s.paidCents],
                    [t('payments.statement.toPay'), s.toPayCents],
                  ] as const
                ).map(([label, cents]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row" fw={label === t('payments.statement.total') ? 700 : 400}>
                      {label}
                    </Table.Th>
                    <Table.Td ta="right" fw={label === t('payments.statement.total') ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>
                      {formatEuros(cents)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="gray.8" mt="xs">
              {s.passCents === null || s.passPermille === null
                ? t('payments.statement.noPass', { year })
                : t('payments.statement.pass', { year, pass: formatEuros(s.passCents), share: formatPermille(s.passPermille) })}
            </Text>
            <Text size="xs" c="gray.8" mt="xs">
              {t('payments.statement.legal')}
            </Text>
          </Card>
        </Stack>
      )}
    </>
  );
}
