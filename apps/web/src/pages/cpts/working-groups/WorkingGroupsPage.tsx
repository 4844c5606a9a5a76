import { Alert, Anchor, Box, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { WorkingGroupStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { GROUP_STATUSES, GroupStatusBadge, MissionBadges } from './labels';
import { GROUP_CONTEXT, WorkingGroupsDocument } from './queries';

/**
 * The CPTS's working groups, a card each (a CPTS has a handful): active
 * first, then paused and closed. The team and the board see them all, a
 * member the groups they are in (the API decides); a group short of
 * referents says so on its card.
 */
export function WorkingGroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<WorkingGroupStatus | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: WorkingGroupsDocument, variables: { status }, context: GROUP_CONTEXT });
  const add = me.isCptsStaff ? (
    <Button component={Link} to="/groupes-de-travail/nouveau" leftSection={<IconPlus size={18} />}>
      {t('workingGroups.new')}
    </Button>
  ) : undefined;
  const groups = data?.workingGroups;
  return (
    <>
      <PageHeader title={t('workingGroups.title')} subtitle={t('workingGroups.subtitle')} actions={add} />
      <NativeSelect
        mb="md"
        maw={280}
        label={t('workingGroups.statusLabel')}
        value={status ?? ''}
        onChange={(e) => setStatus((e.currentTarget.value || null) as WorkingGroupStatus | null)}
        data={[
          { value: '', label: t('workingGroups.allStatuses') },
          ...GROUP_STATUSES.map((s) => ({ value: s, label: t(`workingGroups.status.${s}`) })),
        ]}
      />
      {error && !groups ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !groups ? (
        <LoadingState rows={3} />
      ) : groups.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup size={32} />}
          title={status ? t('workingGroups.noneWithStatus', { status: t(`workingGroups.status.${status}`) }) : t('workingGroups.empty')}
          description={status ? undefined : me.isCptsStaff ? t('workingGroups.emptyHelp') : t('workingGroups.emptyMember')}
          action={status ? undefined : add}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {groups.map((g) => (
            <Card key={g.id} withBorder padding="md" radius="md" component="li" aria-labelledby={`group-${g.id}`}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Box style={{ minWidth: 0 }}>
                    <Anchor
                      component={Link}
                      to={`/groupes-de-travail/${g.id}`}
                      fw={600}
                      id={`group-${g.id}`}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {g.name}
                    </Anchor>
                    {g.theme && (
                      <Text size="sm" c="gray.8">
                        {g.theme}
                      </Text>
                    )}
                  </Box>
                  <GroupStatusBadge status={g.status} />
                </Group>
                <MissionBadges missions={g.missions} />
                <Text size="sm">
                  {t('workingGroups.membersShort', { count: g.memberCount })} ·{' '}
                  {t('workingGroups.referentsShort', { count: g.referentCount })}
                </Text>
                {g.referentWarning && <ReferentWarning text={g.referentWarning} />}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

/** Too few referents (none, or one carrying the group alone): the API's French words, in a visible alert. */
export function ReferentWarning({ text, title }: { text: string; title?: string }) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={title} p={title ? undefined : 'xs'}>
      <Text size="sm">{text}</Text>
    </Alert>
  );
}
