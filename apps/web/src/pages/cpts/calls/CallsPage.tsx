import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { PageHeader, type Crumb } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { CallsQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDay, formatEuros } from '../../../lib/format';
import { CallStateBadge } from './labels';
import { CALL_CONTEXT, CallsDocument } from './queries';
import '../../../i18n/calls';

type Row = CallsQuery['calls'][number];

/** The crumbs above every page of the calls: the list first. */
export function useCallsCrumbs(): Crumb[] {
  const { t } = useTranslation();
  return [{ label: t('calls.title'), to: '/appels' }];
}

/**
 * The CPTS's calls for projects (Pro Actif), newest year first: each with
 * its state, its dates and where its envelope stands. The team writes them
 * ("Nouvel appel"); the board reads them and the projects put to it.
 * At /appels.
 */
export function CallsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: CallsDocument, variables: {}, context: CALL_CONTEXT });
  const add = me.isCptsStaff ? (
    <Button component={Link} to="/appels/nouveau" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('calls.new')}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader title={t('calls.title')} subtitle={me.isCptsStaff ? t('calls.subtitle') : t('calls.boardSubtitle')} actions={add} />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={3} />
      ) : data.calls.length === 0 ? (
        <EmptyState
          icon={<IconBulb size={32} />}
          title={t('calls.empty')}
          description={me.isCptsStaff ? t('calls.emptyHelp') : t('calls.emptyBoard')}
          action={add}
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.calls.map((c) => (
            <CallItem key={c.id} call={c} team={me.isCptsStaff} />
          ))}
        </Stack>
      )}
    </>
  );
}

/** One call of the list: its title (the link), its state, its dates, its projects and its envelope. */
function CallItem({ call: c, team }: { call: Row; team: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={`call-${c.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/appels/${c.id}`} fw={600} id={`call-${c.id}`} style={{ overflowWrap: 'anywhere' }}>
            {c.title}
          </Anchor>
          <CallStateBadge state={c.state} />
        </Group>
        <Text size="sm" c="gray.8">
          {[
            t('calls.yearShort', { year: c.year }),
            t('calls.dates', { opens: formatDay(c.opensOn), closes: formatDay(c.closesOn) }),
            // The board reads only the projects put to it: the count of all of them is the team's.
            ...(team ? [t('calls.projectCount', { count: c.projectCount })] : []),
          ].join(' · ')}
        </Text>
        <Text size="sm">
          {t('calls.envelopeLine', {
            envelope: formatEuros(c.envelope.envelopeCents),
            committed: formatEuros(c.envelope.committedCents),
            remaining: formatEuros(c.envelope.remainingCents),
          })}
        </Text>
      </Stack>
    </Paper>
  );
}
