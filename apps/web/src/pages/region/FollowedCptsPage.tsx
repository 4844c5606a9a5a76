import { Anchor, Badge, Button, Group, List, Select, Stack, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowsSort,
  IconBuildingCommunity,
  IconChartLine,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { HealthLevel, RegionTableQuery } from '../../gql/graphql';
import '../../i18n/region';
import { downloadFile } from '../../lib/download';
import { toAppError } from '../../lib/errors';
import { formatDate, formatDateTime, formatEuros, formatNumber, formatPercent } from '../../lib/format';

const RegionTableDocument = graphql(`
  query RegionTable($year: Int) {
    regionOverview(year: $year) {
      year
      computedAt
      rows {
        cptsId
        name
        departementCodes
        current {
          ...RegionYearFigures
        }
        previous {
          ...RegionYearFigures
        }
        health {
          level
          signals {
            level
            text
          }
        }
      }
    }
  }
`);

const RegionYearFigures = graphql(`
  fragment RegionYearFigures on CptsYearFigures {
    year
    professionals
    members
    workingGroups
    meetingsHeld
    participants
    actionItemsDone
    actionItemsOverdue
    decisionsOpen
    decisionsClosed
    decisionsWithoutQuorum
    mandatesEndingSoon
    proActifProjects
    proActifCommittedCents
    proActifPaidCents
    mailingsSent
    clickRate
    lastActivityAt
  }
`);
void RegionYearFigures;

type Row = RegionTableQuery['regionOverview']['rows'][number];
type SortKey =
  | 'name'
  | 'health'
  | 'professionals'
  | 'members'
  | 'workingGroups'
  | 'meetings'
  | 'participants'
  | 'actions'
  | 'decisions'
  | 'mandates'
  | 'proActif'
  | 'mailings'
  | 'lastActivity';

const LEVEL_RANK: Record<HealthLevel, number> = { OK: 0, WATCH: 1, ALERT: 2 };
export const LEVEL_COLOR: Record<HealthLevel, string> = { OK: 'teal', WATCH: 'yellow', ALERT: 'red' };

/** The value each column sorts on. */
const SORT_VALUE: Record<SortKey, (r: Row) => number | string> = {
  name: (r) => r.name.toLocaleLowerCase('fr'),
  health: (r) => LEVEL_RANK[r.health.level],
  professionals: (r) => r.current.professionals,
  members: (r) => r.current.members,
  workingGroups: (r) => r.current.workingGroups,
  meetings: (r) => r.current.meetingsHeld,
  participants: (r) => r.current.participants,
  actions: (r) => r.current.actionItemsOverdue,
  decisions: (r) => r.current.decisionsOpen,
  mandates: (r) => r.current.mandatesEndingSoon,
  proActif: (r) => r.current.proActifCommittedCents,
  mailings: (r) => r.current.mailingsSent,
  lastActivity: (r) => (r.current.lastActivityAt ? new Date(r.current.lastActivityAt).getTime() : 0),
};

const thisYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

/**
 * The region's table of its CPTS: "Mes CPTS" for a mission officer (the CPTS
 * they follow), the same table of the whole region for a region admin.
 * Sortable, filterable, each figure against last year's and linked to the
 * CPTS's read-only page; CSV and Excel exports of the same rows.
 */
export function FollowedCptsPage({ mode = 'officer' }: { mode?: 'officer' | 'admin' }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const [{ data, error, fetching }, refetch] = useQuery({ query: RegionTableDocument, variables: { year } });
  const [search, setSearch] = useState('');
  const [departement, setDepartement] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const base = mode === 'admin' ? '/region/cpts' : '/mes-cpts';

  const rows = useMemo(() => data?.regionOverview.rows ?? [], [data]);
  const departements = useMemo(() => [...new Set(rows.flatMap((r) => r.departementCodes))].sort(), [rows]);
  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('fr');
    const filtered = rows.filter(
      (r) =>
        (!needle || r.name.toLocaleLowerCase('fr').includes(needle)) &&
        (!departement || r.departementCodes.includes(departement)) &&
        (!level || r.health.level === level),
    );
    const value = SORT_VALUE[sort.key];
    return [...filtered].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'string' ? x.localeCompare(y as string, 'fr') : x - (y as number);
      return (sort.desc ? -order : order) || a.name.localeCompare(b.name, 'fr');
    });
  }, [rows, search, departement, level, sort]);

  const exportAs = async (kind: 'csv' | 'xlsx') => {
    setExporting(kind);
    const failure = await downloadFile(`/api/region/overview.${kind}?year=${year}`, `mes-cpts-${year}.${kind}`);
    setExporting(null);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };

  const years = Array.from({ length: 6 }, (_, i) => String(thisYear() - i));
  const header = (key: SortKey, label: string) => (
    <Table.Th key={key} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      <UnstyledButton
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}
        aria-label={t('regionTable.sortBy', { column: label })}
        style={{ fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' }}
      >
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          {sort.key === key ? (
            sort.desc ? (
              <IconSortDescending size={14} aria-hidden />
            ) : (
              <IconSortAscending size={14} aria-hidden />
            )
          ) : (
            <IconArrowsSort size={14} aria-hidden />
          )}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <>
      <PageHeader
        title={mode === 'admin' ? t('regionTable.adminTitle') : t('regionTable.title')}
        subtitle={mode === 'admin' ? t('regionTable.adminSubtitle') : t('regionTable.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to={mode === 'admin' ? '/region/observatoire' : '/mes-cpts/observatoire'}
              leftSection={<IconChartLine size={18} aria-hidden />}
            >
              {t('regionTable.observatory')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypeCsv size={18} aria-hidden />}
              loading={exporting === 'csv'}
              onClick={() => void exportAs('csv')}
            >
              {t('regionTable.exportCsv')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              loading={exporting === 'xlsx'}
              onClick={() => void exportAs('xlsx')}
            >
              {t('regionTable.exportXlsx')}
            </Button>
          </>
        }
      />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={4} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<IconBuildingCommunity size={32} />} title={t('officer.none')} description={t('officer.noneHelp')} />
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('regionTable.year')}
              data={years}
              value={String(year)}
              onChange={(v) => v && setYear(Number(v))}
              allowDeselect={false}
              w={110}
              disabled={fetching}
            />
            <TextInput
              label={t('regionTable.search')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('regionTable.departement')}
              data={[{ value: '', label: t('regionTable.allDepartements') }, ...departements.map((d) => ({ value: d, label: d }))]}
              value={departement ?? ''}
              onChange={(v) => setDepartement(v || null)}
              w={190}
            />
            <Select
              label={t('regionTable.health')}
              data={[
                { value: '', label: t('regionTable.allLevels') },
                ...(['ALERT', 'WATCH', 'OK'] as const).map((l) => ({ value: l, label: t(`health.${l}`) })),
              ]}
              value={level ?? ''}
              onChange={(v) => setLevel(v || null)}
              w={190}
              data-testid="health-filter"
            />
          </Group>
          <Text size="sm" c="gray.8" aria-live="polite">
            {t('regionTable.shown', { count: shown.length })} · {t('regionTable.computedAt', { at: formatDateTime(data.regionOverview.computedAt) })}
          </Text>
          {shown.length === 0 ? (
            <Text>{t('regionTable.noMatch')}</Text>
          ) : (
            <Table.ScrollContainer
              minWidth={1500}
              scrollAreaProps={{
                viewportProps: { tabIndex: 0, 'aria-label': t('regionTable.caption', { year: data.regionOverview.year }) },
              }}
            >
              <Table striped highlightOnHover verticalSpacing="xs" data-testid="region-table">
                <VisuallyHidden component="caption">{t('regionTable.caption', { year: data.regionOverview.year })}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    {header('name', t('regionTable.col.name'))}
                    {header('health', t('regionTable.col.health'))}
                    {header('professionals', t('regionTable.col.professionals'))}
                    {header('members', t('regionTable.col.members'))}
                    {header('workingGroups', t('regionTable.col.workingGroups'))}
                    {header('meetings', t('regionTable.col.meetings'))}
                    {header('participants', t('regionTable.col.participants'))}
                    {header('actions', t('regionTable.col.actions'))}
                    {header('decisions', t('regionTable.col.decisions'))}
                    {header('mandates', t('regionTable.col.mandates'))}
                    {header('proActif', t('regionTable.col.proActif'))}
                    {header('mailings', t('regionTable.col.mailings'))}
                    {header('lastActivity', t('regionTable.col.lastActivity'))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((r) => (
                    <RegionRow key={r.cptsId} row={r} to={`${base}/${r.cptsId}`} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </>
  );
}

function RegionRow({ row: r, to }: { row: Row; to: string }) {
  const { t } = useTranslation();
  const prev = r.previous.year;
  const figure = (current: number, previous: number, format: (n: number) => string = formatNumber) => (
    <Figure to={to} value={format(current)} previous={t('regionTable.previous', { value: format(previous), year: prev })} />
  );
  return (
    <Table.Tr data-testid={`region-row-${r.cptsId}`}>
      <Table.Td style={{ minWidth: 180 }}>
        <Anchor component={Link} to={to} fw={600}>
          {r.name}
        </Anchor>
        <Group gap={4} mt={2}>
          {r.departementCodes.map((d) => (
            <Badge key={d} color="gray" variant="light" size="sm">
              {d}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td style={{ minWidth: 240 }}>
        <Badge color={LEVEL_COLOR[r.health.level]} variant="light">
          {t(`health.${r.health.level}`)}
        </Badge>
        <List size="xs" mt={4} spacing={2}>
          {r.health.signals.map((s) => (
            <List.Item key={s.text}>{s.text}</List.Item>
          ))}
        </List>
      </Table.Td>
      <Table.Td>{figure(r.current.professionals, r.previous.professionals)}</Table.Td>
      <Table.Td>{figure(r.current.members, r.previous.members)}</Table.Td>
      <Table.Td>{figure(r.current.workingGroups, r.previous.workingGroups)}</Table.Td>
      <Table.Td>{figure(r.current.meetingsHeld, r.previous.meetingsHeld)}</Table.Td>
      <Table.Td>{figure(r.current.participants, r.previous.participants)}</Table.Td>
      <Table.Td>
        <Figure
          to={to}
          value={`${formatNumber(r.current.actionItemsDone)} / ${formatNumber(r.current.actionItemsOverdue)}`}
          previous={t('regionTable.previous', {
            value: `${formatNumber(r.previous.actionItemsDone)} / ${formatNumber(r.previous.actionItemsOverdue)}`,
            year: prev,
          })}
        />
      </Table.Td>
      <Table.Td>
        <Figure
          to={to}
          value={`${formatNumber(r.current.decisionsOpen)} / ${formatNumber(r.current.decisionsClosed)}`}
          previous={t('regionTable.previous', {
            value: `${formatNumber(r.previous.decisionsOpen)} / ${formatNumber(r.previous.decisionsClosed)}`,
            year: prev,
          })}
          extra={r.current.decisionsWithoutQuorum > 0 ? t('regionTable.noQuorum', { count: r.current.decisionsWithoutQuorum }) : undefined}
        />
      </Table.Td>
      <Table.Td>{figure(r.current.mandatesEndingSoon, r.previous.mandatesEndingSoon)}</Table.Td>
      <Table.Td style={{ minWidth: 170 }}>
        <Figure
          to={to}
          value={t('regionTable.projects', { count: r.current.proActifProjects })}
          previous={t('regionTable.previous', { value: t('regionTable.projects', { count: r.previous.proActifProjects }), year: prev })}
          extra={t('regionTable.committedPaid', {
            committed: formatEuros(r.current.proActifCommittedCents),
            paid: formatEuros(r.current.proActifPaidCents),
          })}
        />
      </Table.Td>
      <Table.Td>
        <Figure
          to={to}
          value={`${formatNumber(r.current.mailingsSent)} · ${formatPercent(r.current.clickRate)}`}
          previous={t('regionTable.previous', {
            value: `${formatNumber(r.previous.mailingsSent)} · ${formatPercent(r.previous.clickRate)}`,
            year: prev,
          })}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.current.lastActivityAt ? formatDate(r.current.lastActivityAt) : t('regionTable.never')}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** A figure of the table: this year's value (a link to the CPTS's page), last year's beneath. */
function Figure({ to, value, previous, extra }: { to: string; value: string; previous: string; extra?: ReactNode }) {
  return (
    <div>
      <Anchor component={Link} to={`${to}#chiffres`} fw={600} c="inherit" underline="hover">
        {value}
      </Anchor>
      <Text size="xs" c="gray.8">
        {previous}
      </Text>
      {extra && (
        <Text size="xs" c="gray.8">
          {extra}
        </Text>
      )}
    </div>
  );
}
