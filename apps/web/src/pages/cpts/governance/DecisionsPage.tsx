import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { PageHeader, type Crumb } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { DecisionsQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { formatParis } from '../../../lib/paris';
import { DecisionStatusBadge, OutcomeBadge } from './DecisionLabels';
import { GovernanceNav } from './InstanceLabels';
import { DECISION_CONTEXT, DecisionsDocument } from './queries-decisions';

type Row = DecisionsQuery['decisions'][number];

/** The crumbs above every decision page: the governance's landing, then the decisions. */
export function useDecisionCrumbs(): Crumb[] {
  const { t } = useTranslation();
  const me = useMe();
  const governance = me.isCptsStaff || me.isBoardMember ? [{ label: t('governance.decisions.governance'), to: '/gouvernance' }] : [];
  return [...governance, { label: t('governance.decisions.title'), to: '/gouvernance/decisions' }];
}

/**
 * The decisions of the CPTS's instances: the votes under way (instance,
 * deadline, participation), the drafts, then the closed ones with their
 * outcome and number in the register. The team and the board draft; a
 * member sees the AG's published decisions (the API filters).
 */
export function DecisionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayDraft = me.isCptsStaff || me.isBoardMember;
  const crumbs = useDecisionCrumbs();
  const [{ data, error }, refetch] = useQuery({ query: DecisionsDocument, variables: {}, context: DECISION_CONTEXT });

  const header = (
    <>
      <PageHeader
        title={t('governance.decisions.title')}
        subtitle={mayDraft ? t('governance.decisions.subtitle') : t('governance.decisions.memberSubtitle')}
        crumbs={[...crumbs.slice(0, -1), { label: t('governance.decisions.title') }]}
        actions={
          mayDraft && (
            <Button component={Link} to="/gouvernance/decisions/nouvelle" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('governance.decisions.new')}
            </Button>
          )
        }
      />
      {mayDraft && <GovernanceNav />}
    </>
  );
  if (error && !data)
    return (
      <>
        {header}
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </>
    );
  if (!data)
    return (
      <>
        {header}
        <LoadingState rows={4} />
      </>
    );

  const of = (status: Row['status']) => data.decisions.filter((d) => d.status === status);
  const groups = [
    { id: 'decisions-open', status: 'OPEN' as const, rows: of('OPEN') },
    { id: 'decisions-draft', status: 'DRAFT' as const, rows: of('DRAFT') },
    { id: 'decisions-closed', status: 'CLOSED' as const, rows: of('CLOSED') },
  ].filter((g) => g.rows.length > 0 || (mayDraft && g.status === 'OPEN'));

  return (
    <>
      {header}
      {data.decisions.length === 0 ? (
        <EmptyState
          icon={<IconGavel size={32} />}
          title={mayDraft ? t('governance.decisions.empty') : t('governance.decisions.memberEmpty')}
          description={mayDraft ? t('governance.decisions.emptyHelp') : t('governance.decisions.memberEmptyHelp')}
          action={
            mayDraft && (
              <Button component={Link} to="/gouvernance/decisions/nouvelle" leftSection={<IconPlus size={18} aria-hidden />}>
                {t('governance.decisions.new')}
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="md">
          {groups.map((g) => (
            <CardSection
              key={g.id}
              id={g.id}
              title={t(`governance.decisions.groups.${g.status.toLowerCase()}`, { count: g.rows.length })}
              gap="sm"
            >
              {g.rows.length === 0 ? (
                <Text size="sm" c="gray.8">
                  {t('governance.decisions.noneOpen')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {g.rows.map((d) => (
                    <DecisionItem key={d.id} decision={d} />
                  ))}
                </Stack>
              )}
            </CardSection>
          ))}
        </Stack>
      )}
    </>
  );
}

/** One decision of the list: its title (the link), its instance and what stands out for its status. */
function DecisionItem({ decision: d }: { decision: Row }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="li" aria-label={d.title}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/gouvernance/decisions/${d.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {d.title}
          </Anchor>
          <Group gap={6} wrap="wrap">
            {d.status === 'CLOSED' && d.outcome ? <OutcomeBadge outcome={d.outcome} /> : <DecisionStatusBadge status={d.status} />}
            {d.status === 'OPEN' && d.myVoterId && (
              <Badge color="blue" variant="outline" tt="none" miw="max-content">
                {t('governance.decisions.youVote')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="gray.8">
          {[
            d.instanceName,
            d.status === 'CLOSED'
              ? [
                  d.registerNumber && t('governance.decisions.numberShort', { number: d.registerNumber }),
                  d.closedAt && t('governance.decisions.closedOn', { date: formatDate(d.closedAt) }),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : d.deadline
                ? t('governance.decisions.deadlineLine', { when: formatParis(d.deadline) })
                : t('governance.decisions.noDeadline'),
          ].join(' · ')}
        </Text>
        {d.status === 'OPEN' && (
          <Text size="sm">
            {t('governance.vote.participation', { count: d.votedCount, total: d.voterCount })}
            {d.tally && d.tally.byProxy > 0 ? ` ${t('governance.decisions.tally.byProxy', { count: d.tally.byProxy })}` : ''}
          </Text>
        )}
        {d.status === 'CLOSED' && d.tally && (
          <Text size="sm">
            {t('governance.decisions.tally.counts', { for: d.tally.for, against: d.tally.against, abstain: d.tally.abstain })} ·{' '}
            {t('governance.decisions.tally.participation', { count: d.tally.participating, eligible: d.tally.eligible })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
