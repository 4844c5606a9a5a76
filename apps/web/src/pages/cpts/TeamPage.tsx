import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../auth/me';
import { INVITATION_CONTEXT, InvitationsSection, InviteButton, InviteModal, useInvitationChanges, useInviteDialog } from '../../components/Invitations';
import { PageHeader } from '../../components/PageHeader';
import { roleColor, roleLabel } from '../../components/roles';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { toAppError } from '../../lib/errors';

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
      ...InvitationRowFields
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
export function TeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: CptsTeamDocument });
  const [{ data: invData, error: invError }, refetchInvitations] = useQuery({ query: CptsInvitationsDocument, context: INVITATION_CONTEXT });
  const [{ fetching: inviting }, invite] = useMutation(InviteToCptsDocument);
  const [, revoke] = useMutation(RevokeCptsInvitationDocument);
  const dialog = useInviteDialog();
  const invitations = useInvitationChanges(revoke, () => refetchInvitations({ requestPolicy: 'network-only' }));

  // Only a coordinator may invite another coordinator.
  const roles: Role[] = me.isCoordinator ? ['STAFF', 'BOARD_MEMBER', 'MEMBER', 'COORDINATOR'] : ['STAFF', 'BOARD_MEMBER', 'MEMBER'];

  const sendInvite = (email: string, role: Role | null) =>
    dialog.send(
      () => invite({ input: { email, role: role ?? 'STAFF' } }),
      () => invitations.sent(email),
    );

  const sorted = [...(data?.cptsTeam ?? [])].sort(
    (a, b) => Math.min(...a.roles.map((r) => ROLE_ORDER.indexOf(r))) - Math.min(...b.roles.map((r) => ROLE_ORDER.indexOf(r))) || a.user.displayName.localeCompare(b.user.displayName, 'fr'),
  );

  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={me.me.activeCpts?.name}
        actions={<InviteButton label={t('team.invite')} onClick={dialog.open} />}
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
        <InvitationsSection id="team-invitations" invitations={invData?.cptsInvitations} error={invError} {...invitations.sectionProps} />
      </Stack>
      <InviteModal
        key={dialog.key}
        {...dialog.modalProps}
        title={t('team.invite')}
        intro={t('team.inviteIntro')}
        roles={roles}
        defaultRole="STAFF"
        submitting={inviting}
        onSubmit={(email, role) => void sendInvite(email, role)}
      />
    </>
  );
}
