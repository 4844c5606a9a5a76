import { Badge, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import type { WorkingGroupJoinRequestsQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { GROUP_CONTEXT } from './queries';

export const WorkingGroupJoinRequestsDocument = graphql(`
  query WorkingGroupJoinRequests($id: ID!) {
    workingGroup(id: $id) {
      id
      joinUrl
      joinRequests {
        id
        firstName
        lastName
        email
        profession
        message
        requestedAt
        matches {
          professionalId
          name
        }
      }
    }
  }
`);

const AcceptJoinRequestDocument = graphql(`
  mutation AcceptWorkingGroupJoinRequest($id: ID!, $professionalId: ID) {
    acceptWorkingGroupJoinRequest(id: $id, professionalId: $professionalId) {
      id
      status
    }
  }
`);

const DeclineJoinRequestDocument = graphql(`
  mutation DeclineWorkingGroupJoinRequest($id: ID!) {
    declineWorkingGroupJoinRequest(id: $id) {
      id
      status
    }
  }
`);

type JoinRequest = WorkingGroupJoinRequestsQuery['workingGroup']['joinRequests'][number];
const CONTEXT = { additionalTypenames: [...GROUP_CONTEXT.additionalTypenames, 'WorkingGroupJoinRequest'] };

/**
 * For those who manage the group: the link to paste in a newsletter, and the
 * requests made from it, each accepted (the person of the directory joins as
 * a member and is told by email) or declined. Shown to managers only (the
 * API gives others neither the link nor the requests).
 */
export function JoinRequestsSection({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: WorkingGroupJoinRequestsDocument, variables: { id: groupId }, context: CONTEXT });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={2} />;
  const { joinUrl, joinRequests } = data.workingGroup;
  if (!joinUrl) return null;
  return (
    <CardSection id="group-join-requests" title={t('joinRequests.title')} gap="sm">
      <Stack gap={4}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('joinRequests.linkLabel')}
            value={joinUrl}
            readOnly
            style={{ flex: 1 }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={joinUrl}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}>
                {copied ? t('joinRequests.copied') : t('joinRequests.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="gray.8">
          {t('joinRequests.linkHelp')}
        </Text>
      </Stack>
      {joinRequests.length === 0 ? (
        <Text size="sm">{t('joinRequests.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('joinRequests.count', { count: joinRequests.length })}
          </Text>
          {joinRequests.map((r) => (
            <JoinRequestCard key={r.id} request={r} />
          ))}
        </Stack>
      )}
    </CardSection>
  );
}

function JoinRequestCard({ request }: { request: JoinRequest }) {
  const { t } = useTranslation();
  const name = `${request.firstName} ${request.lastName}`;
  // One person of the directory with the address: accepted as is; none or several: the manager picks the record.
  const single = request.matches.length === 1 ? request.matches[0] : null;
  const [picked, setPicked] = useState<string[]>([]);
  const [declining, setDeclining] = useState(false);
  const [{ fetching: accepting }, accept] = useMutation(AcceptJoinRequestDocument);
  const [{ fetching: declineNow }, decline] = useMutation(DeclineJoinRequestDocument);
  const [pickError, setPickError] = useState<string | undefined>();

  const doAccept = async () => {
    setPickError(undefined);
    const result = await accept({ id: request.id, professionalId: single ? null : (picked[0] ?? null) }, CONTEXT);
    if (result.data) {
      notifications.show({ color: 'teal', message: t('joinRequests.accepted', { name }) });
      return;
    }
    const err = toAppError(result.error);
    if (err?.fields.professionalId) setPickError(err.fields.professionalId);
    else notifications.show({ color: 'red', message: err?.message });
  };
  const doDecline = async () => {
    const result = await decline({ id: request.id }, CONTEXT);
    setDeclining(false);
    notifications.show(
      result.data
        ? { color: 'teal', message: t('joinRequests.declined', { name }) }
        : { color: 'red', message: toAppError(result.error)?.message },
    );
  };

  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={name}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{name}</Text>
          <Badge variant="light" color="gray" tt="none">
            {request.profession}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {request.email} · {t('joinRequests.requestedOn', { date: formatDate(request.requestedAt) })}
        </Text>
        {request.message && (
          <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            « {request.message} »
          </Text>
        )}
        {single ? (
          <Text size="sm" c="teal.9">
            {t('joinRequests.match', { name: single.name })}
          </Text>
        ) : (
          <PeoplePicker
            label={t('joinRequests.pick')}
            description={request.matches.length === 0 ? t('joinRequests.noMatch') : undefined}
            ids={picked}
            onChange={(ids) => setPicked(ids.slice(-1))}
            error={pickError}
          />
        )}
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() => void doAccept()}
            loading={accepting}
            disabled={!single && picked.length === 0}
            aria-label={t('joinRequests.acceptOf', { name })}
          >
            {t('joinRequests.accept')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDeclining(true)} aria-label={t('joinRequests.declineOf', { name })}>
            {t('joinRequests.decline')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t('joinRequests.declineOf', { name })}
        action={{ label: t('joinRequests.decline'), color: 'red.8', loading: declineNow, onClick: () => void doDecline() }}
      >
        <Text size="sm">{t('joinRequests.declineConfirm', { name })}</Text>
      </ConfirmModal>
    </Paper>
  );
}
