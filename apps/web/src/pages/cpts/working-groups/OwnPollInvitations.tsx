import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { formatDateTime } from '../../../lib/format';
import { formatParisSlot } from '../../../lib/paris';
import { OWNER_KIND } from './queries';

const GroupPollsToAnswerDocument = graphql(`
  query GroupPollsToAnswer($ownerKind: String!, $ownerId: ID!) {
    meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) {
      id
      title
      status
      slots {
        id
        startsAt
        endsAt
      }
      myInvitation {
        answerPath
        answeredAt
      }
    }
  }
`);

/** Read again when polls or meetings change (closing a poll makes a meeting); one object, not one per render (urql would re-run the query). */
const POLLS_CONTEXT = { additionalTypenames: ['MeetingPoll', 'Meeting'] };

/**
 * The group's open polls the signed-in person was asked to answer (as a
 * user of the team: a member, a board member...), each with the way to
 * their own answer page, the one their email links to; nothing when there
 * is none. A poll is answered on that one page, whichever way one comes.
 */
export function OwnPollInvitations({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({
    query: GroupPollsToAnswerDocument,
    variables: { ownerKind: OWNER_KIND, ownerId: groupId },
    context: POLLS_CONTEXT,
  });
  const mine = (data?.meetingPolls ?? []).filter((p) => p.status === 'OPEN' && p.myInvitation);
  if (mine.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('ownPolls.label')}>
      {mine.map((p) => {
        const invitation = p.myInvitation!;
        return (
          <Alert
            key={p.id}
            color={invitation.answeredAt ? 'teal' : 'brand'}
            variant="light"
            icon={<IconCalendarQuestion size={20} aria-hidden />}
            title={t('ownPolls.title', { title: p.title })}
          >
            <Stack gap={6}>
              <Text size="sm">
                {invitation.answeredAt
                  ? t('ownPolls.answered', { date: formatDateTime(invitation.answeredAt) })
                  : t('ownPolls.notAnswered', { count: p.slots.length })}
              </Text>
              {p.slots.length > 0 && (
                <Text size="sm" c="gray.8">
                  {p.slots.map((s) => formatParisSlot(s.startsAt, s.endsAt)).join(' ; ')}
                </Text>
              )}
              <Group>
                <Button
                  component={Link}
                  to={invitation.answerPath}
                  size="compact-md"
                  variant={invitation.answeredAt ? 'default' : 'filled'}
                  aria-label={
                    invitation.answeredAt ? t('ownPolls.changeOf', { title: p.title }) : t('ownPolls.answerOf', { title: p.title })
                  }
                >
                  {invitation.answeredAt ? t('ownPolls.change') : t('ownPolls.answer')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
