import { Alert, Button, Card, Grid, Group, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState, PageNotice } from '../../../components/states';
import type { PaymentKind, PaymentStatus } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { toAppError } from '../../../lib/errors';
import { formatEuros } from '../../../lib/format';
import { parisParts } from '../../../lib/paris';
import { useFilterParams } from '../../../lib/useFilterParams';
import { KINDS, paymentYears, STATUSES } from './labels';
import { MeetingIndemnitiesSection } from './MeetingIndemnitiesSection';
import { PaymentLinesSection } from './PaymentLinesSection';
import { PaymentSettingsSection } from './PaymentSettingsSection';
import { PaymentTotals } from './PaymentTotals';
import { PAYMENTS_CONTEXT, PaymentYearDocument } from './queries';
import '../../../i18n/calls';

/**
 * What the CPTS pays professionals (decree 2022-375): a year's lines with
 * filters (status, kind), the totals per professional against the PASS, the
 * lines marked paid (the team or the bureau's treasurer) or cancelled (the
 * team), the Excel export; for the team, the indemnity rate and the
 * indemnities of the instances' meetings. At /paiements; a board member who
 * is not the treasurer is told it is the treasurer's.
 */
export function PaymentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const thisYear = parisParts(new Date()).year;
  const { params, setParam } = useFilterParams();
  const year = Number(params.get('annee') ?? thisYear);
  const status = (params.get('statut') as PaymentStatus | null) ?? null;
  const kind = (params.get('nature') as PaymentKind | null) ?? null;
  const [exporting, setExporting] = useState(false);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: PaymentYearDocument,
    variables: { year, filter: { year, status, kind } },
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

  const exportXlsx = async () => {
    setExporting(true);
    const failure = await downloadFile(`/api/payments/lines.xlsx?annee=${year}`, `paiements-${year}.xlsx`);
    setExporting(false);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };

  return (
    <>
      <PageHeader
        title={t('payments.title')}
        subtitle={t('payments.subtitle')}
        actions={
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            loading={exporting}
            onClick={() => void exportXlsx()}
          >
            {t('payments.export', { year })}
          </Button>
        }
      />
      <Stack gap="md">
        <Card withBorder padding="md" radius="md">
          <Group grow align="end" wrap="wrap" preventGrowOverflow={false}>
            <Select
              label={t('payments.filters.year')}
              data={paymentYears(thisYear)}
              value={String(year)}
              onChange={(v) => setParam('annee', v && v !== String(thisYear) ? v : null)}
              allowDeselect={false}
              miw={140}
            />
            <Select
              label={t('payments.filters.status')}
              placeholder={t('payments.filters.allStatuses')}
              data={STATUSES.map((s) => ({ value: s, label: t(`payments.status.${s}`) }))}
              value={status}
              onChange={(v) => setParam('statut', v)}
              clearable
              miw={160}
            />
            <Select
              label={t('payments.filters.kind')}
              placeholder={t('payments.filters.allKinds')}
              data={KINDS.map((k) => ({ value: k, label: t(`payments.kind.${k}`) }))}
              value={kind}
              onChange={(v) => setParam('nature', v)}
              clearable
              miw={160}
            />
          </Group>
        </Card>
        {error && !data ? (
          <ErrorState error={appError} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data ? (
          <LoadingState rows={4} />
        ) : (
          <>
            {data.paymentYear.passCents === null ? (
              <Alert color="orange" variant="light" role="status">
                {t('payments.passMissing', { year })}
              </Alert>
            ) : (
              <Alert color="gray" variant="light">
                {t('payments.passOfYear', { year, amount: formatEuros(data.paymentYear.passCents) })}
              </Alert>
            )}
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: data.paymentYear.canManage ? 8 : 12 }}>
                <Stack gap="md">
                  <PaymentTotals year={year} professionals={data.paymentYear.professionals} />
                  <PaymentLinesSection
                    lines={data.paymentLines}
                    canManage={data.paymentYear.canManage}
                    canMarkPaid={data.paymentYear.canMarkPaid}
                    updating={fetching}
                  />
                </Stack>
              </Grid.Col>
              {data.paymentYear.canManage && (
                <Grid.Col span={{ base: 12, lg: 4 }}>
                  <Stack gap="md">
                    <PaymentSettingsSection canEdit={me.isCoordinator} />
                    <MeetingIndemnitiesSection />
                  </Stack>
                </Grid.Col>
              )}
            </Grid>
          </>
        )}
      </Stack>
    </>
  );
}
