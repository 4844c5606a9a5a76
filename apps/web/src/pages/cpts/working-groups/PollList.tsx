import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorState } from '../../../components/states';
import { toAppError } from '../../../lib/errors';
import { formatParisSlot } from '../../../lib/paris';
import { OWNER_KIND } from './queries';
import { MeetingPollsDocument, POLL_CONTEXT } from './queries-meetings';

/**
 * The group's scheduling polls still open, newest first: how many answered,
 * the slots proposed, and the way to the tallies. Nothing at all when none
 * is open (a closed poll lives on as its meeting).
 */
export function PollList({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: MeetingPollsDocument,
    variables: { ownerKind: OWNER_KIND, ownerId: groupId },
    context: POLL_CONTEXT,
  });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const open = (data?.meetingPolls ?? []).filter((p) => p.status === 'OPEN');
  if (open.length === 0) return null;
  return (
    <>
      <Title order={3} size="h5">
        {t('workingGroups.polls.openTitle')}
      </Title>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {open.map((p) => (
          <Paper key={p.id} withBorder p="sm" radius="md" component="li" aria-label={p.title}>
            <Stack gap={4}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {p.title}
              </Text>
              <Text size="sm">{t('workingGroups.polls.answered', { count: p.inviteeCount, answered: p.answeredCount })}</Text>
              <Text size="sm" c="gray.8">
                {t('workingGroups.polls.slotCount', { count: p.slots.length })}
                {p.slots.length > 0 && ` : ${p.slots.map((s) => formatParisSlot(s.startsAt, s.endsAt)).join(' ; ')}`}
              </Text>
              <Group gap="xs" mt={4}>
                <Button
                  size="compact-sm"
                  variant="light"
                  component={Link}
                  to={`/groupes-de-travail/${groupId}/sondages/${p.id}`}
                  leftSection={<IconChartBar size={14} />}
                  aria-label={t('workingGroups.polls.openOf', { title: p.title })}
                >
                  {t('workingGroups.polls.open')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
