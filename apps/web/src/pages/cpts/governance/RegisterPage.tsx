import { Anchor, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook2, IconFileSpreadsheet, IconFileTypeCsv, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../auth/me';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { downloadFile } from '../../../lib/download';
import { toAppError } from '../../../lib/errors';
import { formatDate, formatNumber } from '../../../lib/format';
import { parisParts } from '../../../lib/paris';
import { useCursorPages } from '../../../lib/useCursorPages';
import { OutcomeBadge } from './DecisionLabels';
import { GovernanceNav } from './InstanceLabels';
import { DECISION_CONTEXT, DecisionRegisterDocument } from './queries-decisions';

const PAGE_SIZE = 50;
/** The years offered by the filter: this one and the nine before (the register starts with the platform). */
const YEARS = 10;

/**
 * The register of decisions: every closed decision by its number (year and
 * order), newest first, with its count; a year or all of them; exported as
 * CSV or Excel (the API's files) and printed (the print stylesheet keeps the
 * register alone on the page). At /gouvernance/registre.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [year, setYear] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const thisYear = parisParts(new Date()).year;
  const years = Array.from({ length: YEARS }, (_, i) => String(thisYear - i));

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    const query = year ? `?annee=${year}` : '';
    const failure = await downloadFile(
      `/api/governance/register.${format}${query}`,
      `registre-des-decisions${year ? `-${year}` : ''}.${format}`,
    );
    setExporting(null);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };

  return (
    <>
      <div className="no-print">
        <PageHeader
          title={t('governance.register.title')}
          subtitle={t('governance.register.subtitle', { cpts: me.me.activeCpts?.name ?? '' })}
          crumbs={[
            ...(me.isCptsStaff || me.isBoardMember ? [{ label: t('governance.decisions.governance'), to: '/gouvernance' }] : []),
            { label: t('governance.decisions.title'), to: '/gouvernance/decisions' },
            { label: t('governance.register.title') },
          ]}
          actions={
            <>
              <Button
                variant="default"
                leftSection={<IconFileTypeCsv size={18} aria-hidden />}
                loading={exporting === 'csv'}
                onClick={() => void exportAs('csv')}
              >
                {t('governance.register.csv')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                loading={exporting === 'xlsx'}
                onClick={() => void exportAs('xlsx')}
              >
                {t('governance.register.xlsx')}
              </Button>
              <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
                {t('governance.register.print')}
              </Button>
            </>
          }
        />
        <GovernanceNav />
      </div>
      {/* On paper, the register says what it is and whose: the header above is not printed. */}
      <div className="print-only">
        <h1 className="register-print-title">
          {t('governance.register.printTitle', { cpts: me.me.activeCpts?.name ?? '' })}
          {year ? ` — ${year}` : ''}
        </h1>
      </div>
      <Stack gap="sm">
        <Card withBorder padding="md" radius="md" className="no-print">
          <Select
            label={t('governance.register.year')}
            placeholder={t('governance.register.allYears')}
            data={years}
            value={year}
            onChange={setYear}
            clearable
            maw={260}
          />
        </Card>
        <RegisterRows key={year ?? 'all'} year={year ? Number(year) : null} />
      </Stack>
    </>
  );
}

/** Pages of 50; "Afficher plus" adds the next page under those already shown. */
function RegisterRows({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const { edges, totalCount, error, fetching, retry, more } = useCursorPages(
    DecisionRegisterDocument,
    { year, first: PAGE_SIZE },
    (d) => d.decisionRegister,
    { context: DECISION_CONTEXT },
  );
  if (error && edges.length === 0) return <ErrorState error={toAppError(error)} onRetry={retry} />;
  if (totalCount === null && edges.length === 0) return <LoadingState rows={4} />;
  const total = totalCount ?? edges.length;
  if (total === 0)
    return (
      <EmptyState
        icon={<IconBook2 size={32} />}
        title={year ? t('governance.register.emptyYear', { year }) : t('governance.register.empty')}
        description={t('governance.register.emptyHelp')}
      />
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8" role="status" aria-live="polite">
        {t('governance.register.count', { count: total, formatted: formatNumber(total) })}
        {fetching ? ` · ${t('common.updating')}` : ''}
      </Text>
      <Table.ScrollContainer
        minWidth={860}
        className="register-table"
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('governance.register.title') } }}
      >
        <Table verticalSpacing="xs" striped withTableBorder aria-label={t('governance.register.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('governance.register.number')}</Table.Th>
              <Table.Th>{t('governance.register.date')}</Table.Th>
              <Table.Th>{t('governance.register.instance')}</Table.Th>
              <Table.Th>{t('governance.register.decision')}</Table.Th>
              <Table.Th>{t('governance.register.outcome')}</Table.Th>
              <Table.Th ta="right">{t('governance.decisions.choice.for')}</Table.Th>
              <Table.Th ta="right">{t('governance.decisions.choice.against')}</Table.Th>
              <Table.Th ta="right">{t('governance.decisions.choice.abstain')}</Table.Th>
              <Table.Th ta="right">{t('governance.register.voters')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map(({ node: d }) => (
              <Table.Tr key={d.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
                  {d.registerNumber}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.closedAt ? formatDate(d.closedAt) : '—'}</Table.Td>
                <Table.Td>{d.instanceName}</Table.Td>
                <Table.Td miw={220}>
                  <Anchor component={Link} to={`/gouvernance/decisions/${d.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {d.title}
                  </Anchor>
                  {d.source === 'SESSION' && (
                    <Text size="xs" c="gray.8">
                      {t('governance.register.inSession')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.outcome ? <OutcomeBadge outcome={d.outcome} /> : '—'}</Table.Td>
                <Table.Td ta="right">{d.tally?.for ?? '—'}</Table.Td>
                <Table.Td ta="right">{d.tally?.against ?? '—'}</Table.Td>
                <Table.Td ta="right">{d.tally?.abstain ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {d.tally ? t('governance.register.votersOf', { participating: d.tally.participating, eligible: d.tally.eligible }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more && (
        <Group justify="center" className="no-print">
          <Button variant="default" loading={fetching} onClick={more}>
            {t('governance.register.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
