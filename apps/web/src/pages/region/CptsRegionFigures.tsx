import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Figure } from '../../components/CptsFigures';
import { ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { CptsRegionFiguresQuery } from '../../gql/graphql';
import '../../i18n/region';
import { toAppError } from '../../lib/errors';
import { formatDate, formatEuros, formatNumber, formatPercent } from '../../lib/format';
import { EChart } from './EChart';
import { LEVEL_COLOR } from './FollowedCptsPage';

const CptsRegionFiguresDocument = graphql(`
  query CptsRegionFigures($id: ID!) {
    regionOverview(cptsIds: [$id]) {
      year
      rows {
        cptsId
        current {
          ...RegionYearFigures
          participantsByMission {
            mission
            count
          }
        }
        previous {
          ...RegionYearFigures
          participantsByMission {
            mission
            count
          }
        }
        health {
          level
          signals {
            level
            text
          }
        }
        membershipHistory {
          year
          total
          professions {
            code
            label
            count
          }
        }
      }
    }
  }
`);

type Row = CptsRegionFiguresQuery['regionOverview']['rows'][number];

/** A followed CPTS's figures on its read-only page: governance health, this year against last, and two charts. */
export function CptsRegionFigures({ cptsId }: { cptsId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: CptsRegionFiguresDocument, variables: { id: cptsId } });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  const row = data.regionOverview.rows[0];
  if (!row) return null;
  return <FiguresView row={row} />;
}

function FiguresView({ row }: { row: Row }) {
  const { t } = useTranslation();
  const c = row.current;
  const p = row.previous;
  const vs = (value: string) => t('regionFigures.vsPrevious', { value, year: p.year });
  const figures: Array<[string, string, string]> = [
    [t('regionTable.col.professionals'), formatNumber(c.professionals), formatNumber(p.professionals)],
    [t('regionTable.col.members'), formatNumber(c.members), formatNumber(p.members)],
    [t('regionTable.col.workingGroups'), formatNumber(c.workingGroups), formatNumber(p.workingGroups)],
    [t('regionTable.col.meetings'), formatNumber(c.meetingsHeld), formatNumber(p.meetingsHeld)],
    [t('regionTable.col.participants'), formatNumber(c.participants), formatNumber(p.participants)],
    [
      t('regionTable.col.actions'),
      `${formatNumber(c.actionItemsDone)} / ${formatNumber(c.actionItemsOverdue)}`,
      `${formatNumber(p.actionItemsDone)} / ${formatNumber(p.actionItemsOverdue)}`,
    ],
    [
      t('regionTable.col.decisions'),
      `${formatNumber(c.decisionsOpen)} / ${formatNumber(c.decisionsClosed)}`,
      `${formatNumber(p.decisionsOpen)} / ${formatNumber(p.decisionsClosed)}`,
    ],
    [t('regionTable.col.mandates'), formatNumber(c.mandatesEndingSoon), formatNumber(p.mandatesEndingSoon)],
    [t('regionFigures.proActifCommitted'), formatEuros(c.proActifCommittedCents), formatEuros(p.proActifCommittedCents)],
    [t('regionFigures.proActifPaid'), formatEuros(c.proActifPaidCents), formatEuros(p.proActifPaidCents)],
    [
      t('regionTable.col.mailings'),
      `${formatNumber(c.mailingsSent)} · ${formatPercent(c.clickRate)}`,
      `${formatNumber(p.mailingsSent)} · ${formatPercent(p.clickRate)}`,
    ],
    [
      t('regionTable.col.lastActivity'),
      c.lastActivityAt ? formatDate(c.lastActivityAt) : '—',
      p.lastActivityAt ? formatDate(p.lastActivityAt) : '—',
    ],
  ];
  return (
    <Stack gap="md" id="chiffres">
      <Paper withBorder p="md" radius="md" data-testid="governance-health">
        <Group gap="sm" mb="xs">
          <Title order={2} size="h4">
            {t('regionFigures.health')}
          </Title>
          <Badge color={LEVEL_COLOR[row.health.level]} variant="light">
            {t(`health.${row.health.level}`)}
          </Badge>
        </Group>
        <List size="sm" spacing={4}>
          {row.health.signals.map((s) => (
            <List.Item key={s.text}>{s.text}</List.Item>
          ))}
        </List>
      </Paper>
      <div>
        <Title order={2} size="h4" mb="sm">
          {t('regionFigures.title')} · {c.year}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
          {figures.map(([label, value, previous]) => (
            <Figure key={label} label={label} value={value} hint={vs(previous)} />
          ))}
        </SimpleGrid>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MembersChart history={row.membershipHistory} />
        <MissionsChart current={c} previous={p} />
      </SimpleGrid>
    </Stack>
  );
}

function MembersChart({ history }: { history: Row['membershipHistory'] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const professions = [...new Map(history.flatMap((y) => y.professions.map((p) => [p.code, p.label] as const))).entries()];
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: history.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: professions.map(([code, label]) => ({
        name: label,
        type: 'bar',
        stack: 'members',
        data: history.map((y) => y.professions.find((p) => p.code === code)?.count ?? 0),
      })),
    };
  }, [history]);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        {t('regionFigures.membersChart')}
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('regionFigures.noMembers')}
        </Text>
      ) : (
        <EChart
          option={option}
          testId="members-chart"
          label={`${t('regionFigures.membersChartLabel', { from: history[0].year, to: history[history.length - 1].year })} : ${history.map((y) => `${y.year} ${y.total}`).join(', ')}`}
        />
      )}
    </Paper>
  );
}

function MissionsChart({ current, previous }: { current: Row['current']; previous: Row['previous'] }) {
  const { t } = useTranslation();
  const missions = useMemo(
    () => [...new Set([...current.participantsByMission, ...previous.participantsByMission].map((m) => m.mission))],
    [current, previous],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: missions.map((m) => t(`workingGroups.missions.${m}`)),
        axisLabel: { width: 110, overflow: 'break', lineHeight: 14, fontSize: 11 },
      },
      series: [previous, current].map((f) => ({
        name: String(f.year),
        type: 'bar',
        data: missions.map((m) => f.participantsByMission.find((x) => x.mission === m)?.count ?? 0),
      })),
    }),
    [current, previous, missions, t],
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        {t('regionFigures.missionsChart')}
      </Title>
      {missions.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('regionFigures.noMissions')}
        </Text>
      ) : (
        <EChart
          option={option}
          testId="missions-chart"
          height={Math.max(220, missions.length * 60 + 60)}
          label={`${t('regionFigures.missionsChartLabel', { year: current.year, previous: previous.year })} : ${current.participantsByMission
            .map((m) => `${t(`workingGroups.missions.${m.mission}`)} ${m.count}`)
            .join(', ')}`}
        />
      )}
    </Paper>
  );
}
