import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ErrorState, LoadingState } from '../../../components/states';
import { toAppError } from '../../../lib/errors';
import { formatParis } from '../../../lib/paris';
import { DECISION_CONTEXT, PendingDecisionsDocument } from './queries-decisions';

/**
 * The open decisions on which the signed-in person is consulted and has not
 * expressed a vote yet (neither voted, nor given a proxy, nor declared a
 * conflict), soonest deadline first, each a link to its page.
 */
export function DecisionPendingCard() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PendingDecisionsDocument, context: DECISION_CONTEXT });
  const pending = (data?.decisions ?? []).filter((d) => {
    const mine = d.myVoterId ? d.voters.find((v) => v.id === d.myVoterId) : undefined;
    return mine && !mine.voted && !mine.conflict && !mine.proxyToId;
  });
  return (
    <CardSection id="decisions-pending" title={t('governance.decisions.pending.title', { count: pending.length })} gap="sm">
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={1} />
      ) : pending.length === 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('board.emptyTitle')}
          </Text>
          <Text size="sm" c="gray.8">
            {t('governance.decisions.pending.none')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {pending.map((d) => (
            <Paper key={d.id} withBorder p="sm" radius="md" component="li" aria-label={d.title}>
              <Anchor component={Link} to={`/gouvernance/decisions/${d.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {d.title}
              </Anchor>
              <Text size="sm" c="gray.8">
                {d.instanceName}
                {d.deadline ? ` · ${t('governance.decisions.deadlineLine', { when: formatParis(d.deadline) })}` : ''}
              </Text>
              <Text size="sm">{t('governance.vote.participation', { count: d.votedCount, total: d.voterCount })}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      <Group>
        <Button component={Link} to="/gouvernance/decisions" variant="default" leftSection={<IconGavel size={16} aria-hidden />}>
          {t('governance.decisions.pending.all')}
        </Button>
      </Group>
    </CardSection>
  );
}
