import { Badge, Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError } from '../../lib/errors';
import { formatParis } from '../../lib/paris';
import { GroupStatusBadge } from '../cpts/working-groups/labels';

const FollowedWorkingGroupsDocument = graphql(`
  query FollowedWorkingGroups($id: ID!) {
    cpts(id: $id) {
      id
      workingGroups {
        id
        name
        missions
        theme
        status
        memberCount
        referentCount
        nextMeetingAt
        meetingsThisYear
        openActionItems
        overdueActionItems
        doneThisQuarter
      }
    }
  }
`);

/**
 * A followed CPTS's working groups, for its mission officer: read-only
 * figures (members, meetings, action items), never the names of the people
 * in them. Read through the regional path, which records the access.
 */
export function FollowedWorkingGroups({ cptsId }: { cptsId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: FollowedWorkingGroupsDocument, variables: { id: cptsId } });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="followed-groups">
      <Title order={2} size="h4" mb="sm" id="followed-groups">
        {t('followedGroups.title')}
      </Title>
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={2} />
      ) : data.cpts.workingGroups.length === 0 ? (
        <Text size="sm">{t('followedGroups.none')}</Text>
      ) : (
        // Scrolls sideways on a phone; focusable, so the keyboard scrolls it too.
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={t('followedGroups.title')}>
          <Table verticalSpacing={6} miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('followedGroups.group')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('followedGroups.members')}</Table.Th>
                <Table.Th>{t('followedGroups.nextMeeting')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('followedGroups.meetingsThisYear')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('followedGroups.open')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('followedGroups.doneThisQuarter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.cpts.workingGroups.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={600} size="sm">
                          {g.name}
                        </Text>
                        <GroupStatusBadge status={g.status} />
                      </Group>
                      <Text size="xs" c="gray.8">
                        {g.missions.map((m) => t(`workingGroups.missions.${m}`)).join(' · ')}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Text size="sm">{t('followedGroups.membersValue', { count: g.memberCount, referents: g.referentCount })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.nextMeetingAt ? formatParis(g.nextMeetingAt) : '—'}</Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{g.meetingsThisYear}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Text size="sm">{g.openActionItems}</Text>
                      {g.overdueActionItems > 0 && (
                        <Badge color="red" variant="light" tt="none" size="sm">
                          {t('followedGroups.overdue', { count: g.overdueActionItems })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{g.doneThisQuarter}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}
