import { Alert, Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { TableHead } from '../../../components/TableHead';
import type { CallProjectQuery } from '../../../gql/graphql';
import { formatEuros } from '../../../lib/format';
import { formatMinutes } from '../payments/labels';
import { ProfessionsDocument } from '../queries';
import { MissionBadges } from '../working-groups/labels';
import { feeForMinutes } from './money';
import '../../../i18n/calls';

type Project = CallProjectQuery['callProject'];

/** A profession's French label from its RPPS code (the reference list, read once). */
function useProfessionLabel(): (code: string) => string {
  const [{ data }] = useQuery({ query: ProfessionsDocument, requestPolicy: 'cache-first' });
  const labels = new Map((data?.professions ?? []).map((p) => [p.code, p.label]));
  return (code) => labels.get(code) ?? '';
}

/** What the project is: its summary, its missions, its public. */
export function ProjectSummary({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <CardSection id="project-summary" title={t('calls.project.summaryTitle')} gap="sm">
      {p.summary ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {p.summary}
        </Text>
      ) : (
        <Text size="sm" c="gray.8">
          {t('calls.project.noSummary')}
        </Text>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('calls.project.missions')}
        </Text>
        {p.missions.length ? (
          <MissionBadges missions={p.missions} />
        ) : (
          <Text size="sm" c="gray.8">
            {t('calls.project.none')}
          </Text>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('calls.project.public')}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {p.targetPublic || t('calls.project.none')}
        </Text>
      </Stack>
    </CardSection>
  );
}

/**
 * Who carries the project: the proposer (with their address, and a warning
 * when their record was created by the proposal: to check, perhaps to merge)
 * and the co-carriers. The team opens their records in the directory.
 */
export function ProjectCarriers({ project: p, team }: { project: Project; team: boolean }) {
  const { t } = useTranslation();
  const profession = useProfessionLabel();
  const person = (x: { id: string; name: string; professionCode: string }) => (
    <>
      {team ? (
        <Anchor component={Link} to={`/annuaire/${x.id}`} fw={600}>
          {x.name}
        </Anchor>
      ) : (
        <Text span fw={600}>
          {x.name}
        </Text>
      )}
      {profession(x.professionCode) && (
        <Text span size="sm" c="gray.8">
          {' '}
          · {profession(x.professionCode)}
        </Text>
      )}
    </>
  );
  return (
    <CardSection id="project-carriers" title={t('calls.project.carriersTitle')} gap="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{person(p.proposer)}</Text>
          <Badge color="brand" variant="light" tt="none" miw="max-content">
            {t('calls.project.proposerBadge')}
          </Badge>
        </Group>
        <Anchor href={`mailto:${p.proposer.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {p.proposer.email}
        </Anchor>
        {p.proposer.created && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="proposer-created">
            <Text size="sm">
              {t('calls.project.createdByProposal')}
              {team && (
                <>
                  {' '}
                  <Anchor component={Link} to={`/annuaire/${p.proposer.id}`} inherit>
                    {t('calls.project.checkRecord')}
                  </Anchor>
                </>
              )}
            </Text>
          </Alert>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('calls.project.coCarriers')}
        </Text>
        {p.coCarriers.length === 0 ? (
          <Text size="sm" c="gray.8">
            {t('calls.project.noCoCarriers')}
          </Text>
        ) : (
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {p.coCarriers.map((c) => (
              <Text key={c.id} size="sm" component="li">
                {person(c)}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </CardSection>
  );
}

/**
 * The workshops planned and the budget asked: the speakers' fees from the
 * call's schedule (each speaker the flat fee, and each workshop's hourly
 * fee), the other lines, the total; the budget the bureau approved. A list
 * rather than a table: the amounts stay in sight on a phone.
 */
export function ProjectBudget({
  project: p,
  schedule,
}: {
  project: Project;
  schedule: { flatFeeCents: number; hourlyRateCents: number } | null;
}) {
  const { t } = useTranslation();
  const perWorkshop = schedule ? feeForMinutes(p.workshopMinutes, schedule.hourlyRateCents) : null;
  const lines = [
    {
      key: 'fees',
      label: t('calls.project.speakerFees'),
      kind: t('calls.project.kinds.fees'),
      detail:
        schedule && perWorkshop !== null && p.workshopCount > 0
          ? t('calls.project.feesDetail', {
              speakers: p.speakers,
              flat: formatEuros(schedule.flatFeeCents),
              count: p.workshopCount,
              fee: formatEuros(perWorkshop),
            })
          : null,
      amountCents: p.speakerFeesCents,
    },
    ...p.budgetLines.map((l, i) => ({
      key: `${i}`,
      label: l.label,
      kind: t(`calls.project.kinds.${l.kind === 'materials' ? 'materials' : 'other'}`),
      detail: null,
      amountCents: l.amountCents,
    })),
  ];
  return (
    <CardSection id="project-budget" title={t('calls.project.budgetTitle')} gap="sm">
      <Text size="sm">
        {p.workshopCount > 0
          ? t('calls.project.plan', { count: p.workshopCount, length: formatMinutes(p.workshopMinutes), speakers: p.speakers })
          : t('calls.project.noPlan')}
      </Text>
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('calls.project.budgetLines')}>
        {lines.map((l) => (
          <Group
            key={l.key}
            component="li"
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            gap="sm"
            py={6}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {l.label}
              </Text>
              <Text size="xs" c="gray.8">
                {[l.kind, l.detail].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatEuros(l.amountCents)}
            </Text>
          </Group>
        ))}
      </Stack>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={700}>
          {t('calls.project.total')}
        </Text>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="project-budget-total">
          {formatEuros(p.budgetCents)}
        </Text>
      </Group>
      {p.approvedCents !== null && p.approvedCents !== undefined && (
        <Text size="sm" fw={600}>
          {t('calls.project.approvedBudget', { amount: formatEuros(p.approvedCents) })}
        </Text>
      )}
    </CardSection>
  );
}

/**
 * The evaluation criteria set at design: what is measured, how, the target,
 * and the actual once evaluated, side by side (a table on a wide screen, one
 * block per criterion on a phone).
 */
export function ProjectCriteria({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <CardSection id="project-criteria" title={t('calls.project.criteriaTitle')} gap="sm">
      {p.criteria.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.project.noCriteria')}
        </Text>
      ) : (
        <>
          <Table verticalSpacing={6} striped visibleFrom="sm" aria-label={t('calls.project.criteriaTitle')}>
            <TableHead
              labels={[t('calls.project.criterion'), t('calls.project.indicator'), t('calls.project.target'), t('calls.project.actual')]}
            />
            <Table.Tbody>
              {p.criteria.map((c, i) => (
                <Table.Tr key={`${c.criterion}-${i}`}>
                  <Table.Td fw={600} style={{ overflowWrap: 'break-word' }}>
                    {c.criterion}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'break-word' }}>{c.indicator}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'break-word' }}>{c.target}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'break-word' }}>{c.actual ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {p.criteria.map((c, i) => (
              <Stack key={`${c.criterion}-${i}`} gap={0} component="li">
                <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                  {c.criterion}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('calls.project.indicatorLine', { value: c.indicator })}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('calls.project.targetLine', { value: c.target })}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('calls.project.actualLine', { value: c.actual ?? '—' })}
                </Text>
              </Stack>
            ))}
          </Stack>
        </>
      )}
    </CardSection>
  );
}
