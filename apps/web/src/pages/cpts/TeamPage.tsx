import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../auth/me';
import { InvitationsSection, InviteModal, type InvitationRow } from '../../components/Invitations';
import { PageHeader } from '../../components/PageHeader';
import { roleColor, roleLabel } from '../../components/roles';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { toAppError, type AppError } from '../../lib/errors';

const CptsTeamDocument = graphql(`
  query CptsTeam {
    cptsTeam {
      user {
        id
        displayName
        email
      }
      roles
    }
  }
`);

const CptsInvitationsDocument = graphql(`
  query CptsInvitations {
    cptsInvitations {
      id
      email
      role
      createdAt
      expiresAt
      acceptedAt
      revokedAt
      invitedByName
      mailState
      mailError
    }
  }
`);

const InviteToCptsDocument = graphql(`
  mutation InviteToCpts($input: InviteToCptsInput!) {
    inviteToCpts(input: $input) {
      id
    }
  }
`);

const RevokeCptsInvitationDocument = graphql(`
  mutation RevokeCptsInvitation($id: ID!) {
    revokeCptsInvitation(id: $id)
  }
`);

const ROLE_ORDER: Role[] = ['COORDINATOR', 'STAFF', 'BOARD_MEMBER', 'MEMBER'];

/** The CPTS's team: who has access, invitations and what became of their emails. */
// Stable across renders: a new context object would start the query again, forever.
const INVITATION_CONTEXT = { additionalTypenames: ['Invitation'] };

export function TeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: CptsTeamDocument });
  const [{ data: invData, error: invError }, refetchInvitations] = useQuery({ query: CptsInvitationsDocument, context: INVITATION_CONTEXT });
  const [{ fetching: inviting }, invite] = useMutation(InviteToCptsDocument);
  const [, revoke] = useMutation(RevokeCptsInvitationDocument);
  const [inviteOpen, setInviteOpen] = useState(false);
  const [inviteKey, setInviteKey] = useState(0);
  const [inviteError, setInviteError] = useState<AppError | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  // Only a coordinator may invite another coordinator.
  const roles: Role[] = me.isCoordinator ? ['STAFF', 'BOARD_MEMBER', 'MEMBER', 'COORDINATOR'] : ['STAFF', 'BOARD_MEMBER', 'MEMBER'];

  const sendInvite = async (email: string, role: Role | null) => {
    setInviteError(null);
    const result = await invite({ input: { email, role: role ?? 'STAFF' } });
    if (result.data) {
      setInviteOpen(false);
      notifications.show({ color: 'teal', title: t('invitations.sentTitle'), message: t('invitations.sentTo', { email }) });
      refetchInvitations({ requestPolicy: 'network-only' });
    } else setInviteError(toAppError(result.error));
  };

  const revokeInvitation = async (inv: InvitationRow) => {
    setRevoking(inv.id);
    const result = await revoke({ id: inv.id });
    setRevoking(null);
    if (result.error) notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    else {
      notifications.show({ color: 'teal', message: t('invitations.revoked', { email: inv.email }) });
      refetchInvitations({ requestPolicy: 'network-only' });
    }
  };

  const sorted = [...(data?.cptsTeam ?? [])].sort(
    (a, b) => Math.min(...a.roles.map((r) => ROLE_ORDER.indexOf(r))) - Math.min(...b.roles.map((r) => ROLE_ORDER.indexOf(r))) || a.user.displayName.localeCompare(b.user.displayName, 'fr'),
  );

  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={me.me.activeCpts?.name}
        actions={
          <Button
            leftSection={<IconMailForward size={18} />}
            onClick={() => {
              setInviteError(null);
              setInviteKey((k) => k + 1);
              setInviteOpen(true);
            }}
          >
            {t('team.invite')}
          </Button>
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="team-members">
          <Title order={2} size="h4" mb="sm" id="team-members">
            {t('team.members')}
          </Title>
          {error && !data ? (
            <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          ) : !data ? (
            <LoadingState rows={3} />
          ) : sorted.length === 0 ? (
            <EmptyState icon={<IconUsers size={32} />} title={t('team.empty')} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {sorted.map((m) => (
                <Card key={m.user.id} withBorder padding="sm">
                  <Text fw={600}>{m.user.displayName}</Text>
                  <Text size="sm" c="gray.8" className="break">
                    {m.user.email}
                  </Text>
                  <Group gap={4} mt={6}>
                    {m.roles.map((r) => (
                      <Badge key={r} color={roleColor[r]}>
                        {roleLabel(r)}
                      </Badge>
                    ))}
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </section>
        <InvitationsSection
          id="team-invitations"
          invitations={invData?.cptsInvitations}
          error={invError}
          onRetry={() => refetchInvitations({ requestPolicy: 'network-only' })}
          onRevoke={(inv) => void revokeInvitation(inv)}
          revoking={revoking}
        />
      </Stack>
      <InviteModal
        key={inviteKey}
        opened={inviteOpen}
        onClose={() => setInviteOpen(false)}
        title={t('team.invite')}
        intro={t('team.inviteIntro')}
        roles={roles}
        defaultRole="STAFF"
        submitting={inviting}
        error={inviteError}
        onSubmit={(email, role) => void sendInvite(email, role)}
      />
    </>
  );
}
