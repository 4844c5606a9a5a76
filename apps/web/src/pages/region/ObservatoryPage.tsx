import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCamera, IconChartLine, IconFileTypeCsv } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { ObservatoryIndicator, ObservatoryTrendQuery } from '../../gql/graphql';
import '../../i18n/region';
import { downloadFile } from '../../lib/download';
import { toAppError } from '../../lib/errors';
import { formatDateTime, formatEuros, formatNumber, formatPercent } from '../../lib/format';
import { EChart } from './EChart';

const ObservatoryTrendDocument = graphql(`
  query ObservatoryTrend($indicator: ObservatoryIndicator!, $departementCode: String) {
    observatoryTrend(indicator: $indicator, departementCode: $departementCode) {
      indicator
      years
      cpts {
        cptsId
        name
        departementCodes
        values
      }
      departements {
        code
        values
      }
      total
      lastTakenAt
      includesDemo
    }
  }
`);

const TakeSnapshotDocument = graphql(`
  mutation TakeRegionSnapshot {
    takeRegionSnapshot {
      year
      count
      takenAt
    }
  }
`);

type Trend = ObservatoryTrendQuery['observatoryTrend'];

const INDICATORS: ObservatoryIndicator[] = [
  'MEMBERS',
  'PROFESSIONALS',
  'WORKING_GROUPS',
  'MEETINGS_HELD',
  'PARTICIPANTS',
  'ACTION_ITEMS_DONE',
  'DECISIONS_CLOSED',
  'DECISIONS_WITHOUT_QUORUM',
  'PRO_ACTIF_PROJECTS',
  'PRO_ACTIF_COMMITTED_CENTS',
  'PRO_ACTIF_PAID_CENTS',
  'MAILINGS_SENT',
  'CLICK_RATE',
];

/** The indicator's value as people read it: euros for amounts, a percentage for the click rate, a count otherwise. */
function formatter(indicator: ObservatoryIndicator): (v: number | null | undefined) => string {
  if (indicator === 'PRO_ACTIF_COMMITTED_CENTS' || indicator === 'PRO_ACTIF_PAID_CENTS')
    return (v) => (v === null || v === undefined ? '—' : formatEuros(v));
  if (indicator === 'CLICK_RATE') return (v) => formatPercent(v);
  return (v) => (v === null || v === undefined ? '—' : formatNumber(Math.round(v * 10) / 10));
}

/** The observatory: one indicator over the years, per département (chart) and per CPTS (table), from the snapshots; region admins take one on demand. */
export function ObservatoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [indicator, setIndicator] = useState<ObservatoryIndicator>('MEMBERS');
  const [departement, setDepartement] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: ObservatoryTrendDocument, variables: { indicator, departementCode: departement } });
  const [{ fetching: taking }, take] = useMutation(TakeSnapshotDocument);
  const [exporting, setExporting] = useState(false);
  const [allDepartements, setAllDepartements] = useState<string[]>([]);
  const trend = data?.observatoryTrend;
  if (trend && !departement && trend.departements.length !== allDepartements.length)
    setAllDepartements(trend.departements.map((d) => d.code));

  const takeSnapshot = async () => {
    const result = await take({});
    if (result.error) notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    else {
      notifications.show({ color: 'teal', message: t('observatory.taken', { count: result.data?.takeRegionSnapshot.count ?? 0 }) });
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const exportCsv = async () => {
    setExporting(true);
    const query = `indicator=${encodeURIComponent(indicatorKey(indicator))}${departement ? `&departement=${departement}` : ''}`;
    const failure = await downloadFile(`/api/region/observatory.csv?${query}`, `observatoire-${indicatorKey(indicator)}.csv`);
    setExporting(false);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };

  return (
    <>
      <PageHeader
        title={t('observatory.title')}
        subtitle={t('observatory.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileTypeCsv size={18} aria-hidden />}
              loading={exporting}
              onClick={() => void exportCsv()}
            >
              {t('observatory.exportCsv')}
            </Button>
            {me.isRegionAdmin && (
              <Button leftSection={<IconCamera size={18} aria-hidden />} loading={taking} onClick={() => void takeSnapshot()}>
                {t('observatory.take')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('observatory.indicator')}
            data={INDICATORS.map((i) => ({ value: i, label: t(`observatory.indicators.${i}`) }))}
            value={indicator}
            onChange={(v) => v && setIndicator(v as ObservatoryIndicator)}
            allowDeselect={false}
            w={{ base: '100%', xs: 280 }}
          />
          <Select
            label={t('observatory.departement')}
            data={[{ value: '', label: t('observatory.allDepartements') }, ...allDepartements.map((d) => ({ value: d, label: d }))]}
            value={departement ?? ''}
            onChange={(v) => setDepartement(v || null)}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
        {error && !data ? (
          <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !trend ? (
          <LoadingState rows={4} />
        ) : trend.years.length === 0 ? (
          <EmptyState icon={<IconChartLine size={32} />} title={t('observatory.empty')} description={t('observatory.emptyHelp')} />
        ) : (
          <TrendView trend={trend} indicator={indicator} />
        )}
      </Stack>
    </>
  );
}

/** The API's enum value as the CSV route takes it (the snapshot's key). */
function indicatorKey(indicator: ObservatoryIndicator): string {
  return indicator.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function TrendView({ trend, indicator }: { trend: Trend; indicator: ObservatoryIndicator }) {
  const { t } = useTranslation();
  const format = formatter(indicator);
  const name = t(`observatory.indicators.${indicator}`);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => format(v) },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: trend.years.map(String) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
      series: [
        ...trend.departements.map((d) => ({
          name: t('observatory.departementLabel', { code: d.code }),
          type: 'line',
          data: d.values,
          connectNulls: true,
        })),
        ...(trend.departements.length > 1
          ? [{ name: t('observatory.total'), type: 'line', data: trend.total, lineStyle: { type: 'dashed' } }]
          : []),
      ],
    }),
    [trend, format, t],
  );
  return (
    <Stack gap="md">
      {trend.includesDemo && <Alert color="yellow">{t('observatory.demo')}</Alert>}
      {trend.lastTakenAt && (
        <Text size="sm" c="gray.8">
          {t('observatory.lastTaken', { date: formatDateTime(trend.lastTakenAt) })}
        </Text>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('observatory.byDepartement')}
        </Title>
        <EChart
          option={option}
          testId="observatory-chart"
          label={`${t('observatory.chartLabel', { indicator: name, from: trend.years[0], to: trend.years[trend.years.length - 1] })} : ${trend.years
            .map((y, i) => `${y} ${format(trend.total[i])}`)
            .join(', ')}`}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('observatory.byCpts')}
        </Title>
        <Table.ScrollContainer
          minWidth={200 + trend.years.length * 70}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': name } }}
        >
          <Table striped verticalSpacing={4} data-testid="observatory-table">
            <VisuallyHidden component="caption">{name}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('regionTable.col.name')}</Table.Th>
                {trend.years.map((y) => (
                  <Table.Th key={y} style={{ textAlign: 'right' }}>
                    {y}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.cpts.map((c) => (
                <Table.Tr key={c.cptsId}>
                  <Table.Td>
                    {c.name}{' '}
                    <Text span size="xs" c="gray.8">
                      ({c.departementCodes.join(', ')})
                    </Text>
                  </Table.Td>
                  {c.values.map((v, i) => (
                    <Table.Td key={trend.years[i]} style={{ textAlign: 'right' }}>
                      {format(v)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {trend.departements.map((d) => (
                <Table.Tr key={d.code}>
                  <Table.Td fw={600}>{t('observatory.departementLabel', { code: d.code })}</Table.Td>
                  {d.values.map((v, i) => (
                    <Table.Td key={trend.years[i]} style={{ textAlign: 'right' }} fw={600}>
                      {format(v)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('observatory.total')}</Table.Td>
                {trend.total.map((v, i) => (
                  <Table.Td key={trend.years[i]} style={{ textAlign: 'right' }} fw={700}>
                    {format(v)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
