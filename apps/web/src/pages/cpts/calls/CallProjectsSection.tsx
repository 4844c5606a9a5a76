import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ErrorState, LoadingState } from '../../../components/states';
import type { CallProjectsQuery, CallQuery, ProjectStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatEuros } from '../../../lib/format';
import { useFilterParams } from '../../../lib/useFilterParams';
import { PutToBureauDialog } from './BureauDialogs';
import { BureauDecisionBadge, decisionIs, PROJECT_STATUSES, ProjectStatusBadge } from './labels';
import { formatScore } from './money';
import { CALL_CONTEXT, CallProjectsDocument } from './queries';
import { ScrollTable } from './ScrollTable';
import '../../../i18n/calls';

type Project = CallProjectsQuery['callProjects'][number];

/** A project the team may put to the bureau: ready, and not already voted on. */
const puttable = (p: Project) => p.status === 'READY_FOR_BUREAU' && !decisionIs(p.decision, 'open');

/**
 * The call's projects: a table on a wide screen, a card each on a phone;
 * filtered by status (kept in the address). The team ticks ready projects
 * and puts them to the bureau, one decision each; the board sees the
 * projects put to it.
 */
export function CallProjectsSection({ call, team }: { call: CallQuery['call']; team: boolean }) {
  const { t } = useTranslation();
  const { params, setParam } = useFilterParams();
  const statusParam = params.get('statut')?.toUpperCase() as ProjectStatus | undefined;
  const status = statusParam && PROJECT_STATUSES.includes(statusParam) ? statusParam : null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: CallProjectsDocument,
    variables: { callId: call.id, status },
    context: CALL_CONTEXT,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [putting, setPutting] = useState(false);
  const projects = data?.callProjects;
  const chosen = (projects ?? []).filter((p) => selected.includes(p.id) && puttable(p));
  const toggle = (id: string, on: boolean) => setSelected((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <CardSection id="call-projects" title={t('calls.projects.title')} gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('calls.projects.statusFilter')}
          value={status ?? ''}
          onChange={(e) => setParam('statut', e.currentTarget.value ? e.currentTarget.value.toLowerCase() : null)}
          data={[
            { value: '', label: t('calls.projects.allStatuses') },
            ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`calls.status.${s}`) })),
          ]}
          maw={280}
        />
        {team && (
          <Button leftSection={<IconGavel size={18} aria-hidden />} disabled={chosen.length === 0} onClick={() => setPutting(true)}>
            {chosen.length > 0 ? t('calls.projects.putSelected', { count: chosen.length }) : t('calls.projects.put')}
          </Button>
        )}
      </Group>
      {team && (
        <Text size="sm" c="gray.8">
          {t('calls.projects.putHelp')}
        </Text>
      )}
      {error && !projects ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !projects ? (
        <LoadingState rows={3} />
      ) : projects.length === 0 ? (
        <Text size="sm" c="gray.8">
          {status
            ? t('calls.projects.noneWithStatus', { status: t(`calls.status.${status}`) })
            : team
              ? t('calls.projects.none')
              : t('calls.projects.noneBoard')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="gray.8" role="status" aria-live="polite">
            {t('calls.projects.count', { count: projects.length })}
            {fetching ? ` · ${t('common.updating')}` : ''}
          </Text>
          <ScrollTable minWidth={900} visibleFrom="md" label={t('calls.projects.tableLabel')}>
            <Table verticalSpacing="sm" striped highlightOnHover aria-label={t('calls.projects.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  {team && (
                    <Table.Th>
                      <VisuallyHidden>{t('calls.projects.select')}</VisuallyHidden>
                    </Table.Th>
                  )}
                  <Table.Th>{t('calls.projects.number')}</Table.Th>
                  <Table.Th>{t('calls.projects.project')}</Table.Th>
                  <Table.Th>{t('calls.projects.carrier')}</Table.Th>
                  <Table.Th>{t('calls.projects.status')}</Table.Th>
                  <Table.Th ta="right">{t('calls.projects.budget')}</Table.Th>
                  <Table.Th ta="right">{t('calls.projects.score')}</Table.Th>
                  <Table.Th>{t('calls.projects.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {projects.map((p) => (
                  <Table.Tr key={p.id}>
                    {team && (
                      <Table.Td>
                        {puttable(p) && (
                          <Checkbox
                            aria-label={t('calls.projects.selectOne', { number: p.number, title: p.title })}
                            checked={selected.includes(p.id)}
                            onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                          />
                        )}
                      </Table.Td>
                    )}
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {p.number}
                    </Table.Td>
                    <Table.Td miw={200}>
                      <Anchor component={Link} to={`/appels/projets/${p.id}`} style={{ overflowWrap: 'anywhere' }}>
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.proposer.name}</Table.Td>
                    <Table.Td>
                      <ProjectStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Budget project={p} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {p.scores.weighted !== null && p.scores.weighted !== undefined ? formatScore(p.scores.weighted) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Decision project={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Stack gap="xs" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {projects.map((p) => (
              <Paper key={p.id} withBorder p="sm" radius="md" component="li" aria-label={`${p.number} ${p.title}`}>
                <Stack gap={6}>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    {team && puttable(p) && (
                      <Checkbox
                        mt={3}
                        aria-label={t('calls.projects.selectOne', { number: p.number, title: p.title })}
                        checked={selected.includes(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />
                    )}
                    <Anchor component={Link} to={`/appels/projets/${p.id}`} fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                      {p.number} {p.title}
                    </Anchor>
                  </Group>
                  <Group gap={6}>
                    <ProjectStatusBadge status={p.status} />
                  </Group>
                  <Text size="sm" c="gray.8">
                    {t('calls.projects.carriedBy', { name: p.proposer.name })}
                  </Text>
                  <Text size="sm">
                    <Budget project={p} />
                    {p.scores.weighted !== null && p.scores.weighted !== undefined
                      ? ` · ${t('calls.projects.scoreShort', { score: formatScore(p.scores.weighted) })}`
                      : ''}
                  </Text>
                  {p.decision && <Decision project={p} />}
                </Stack>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      {putting && chosen.length > 0 && (
        <PutToBureauDialog
          projects={chosen}
          envelope={call.envelope}
          onClose={() => setPutting(false)}
          onDone={() => {
            setPutting(false);
            setSelected([]);
          }}
        />
      )}
    </CardSection>
  );
}

/** The budget asked, or the one the bureau approved. */
function Budget({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  return p.approvedCents !== null && p.approvedCents !== undefined ? (
    <>{t('calls.projects.approved', { amount: formatEuros(p.approvedCents) })}</>
  ) : (
    <>{formatEuros(p.budgetCents)}</>
  );
}

/** The bureau's decision on the project: where the vote stands or its outcome, and the link to it. */
function Decision({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const d = p.decision;
  if (!d) return <>—</>;
  return (
    <Group gap={6} wrap="wrap">
      <BureauDecisionBadge decision={d} />
      <Anchor component={Link} to={`/gouvernance/decisions/${d.id}`} size="sm">
        {d.registerNumber ? t('calls.decision.number', { number: d.registerNumber }) : t('calls.decision.see')}
      </Anchor>
    </Group>
  );
}
