import { Badge, Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { INVITATION_CONTEXT, InvitationsSection, InviteButton, InviteModal, useInvitationChanges, useInviteDialog } from '../../components/Invitations';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { roleColor, roleLabel } from '../../components/roles';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { RegionTeamQuery, Role } from '../../gql/graphql';
import { toAppError, type AppError } from '../../lib/errors';

const RegionTeamDocument = graphql(`
  query RegionTeam {
    regionTeam {
      user {
        id
        displayName
        email
      }
      roles
      followedCpts {
        id
        name
      }
    }
    regionCpts {
      id
      name
    }
  }
`);

const RegionInvitationsDocument = graphql(`
  query RegionInvitations {
    regionInvitations {
      ...InvitationRowFields
    }
  }
`);

const InviteToRegionDocument = graphql(`
  mutation InviteToRegion($input: InviteToRegionInput!) {
    inviteToRegion(input: $input) {
      id
    }
  }
`);

const RevokeRegionInvitationDocument = graphql(`
  mutation RevokeRegionInvitation($id: ID!) {
    revokeRegionInvitation(id: $id)
  }
`);

const AssignMissionOfficerDocument = graphql(`
  mutation AssignMissionOfficer($userId: ID!, $cptsIds: [ID!]!) {
    assignMissionOfficer(userId: $userId, cptsIds: $cptsIds) {
      user {
        id
      }
      roles
      followedCpts {
        id
        name
      }
    }
  }
`);

type Member = RegionTeamQuery['regionTeam'][number];

export function RegionTeamPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: RegionTeamDocument });
  const [{ data: invData, error: invError }, refetchInvitations] = useQuery({ query: RegionInvitationsDocument, context: INVITATION_CONTEXT });
  const [{ fetching: inviting }, invite] = useMutation(InviteToRegionDocument);
  const [, revoke] = useMutation(RevokeRegionInvitationDocument);
  const dialog = useInviteDialog();
  const invitations = useInvitationChanges(revoke, () => refetchInvitations({ requestPolicy: 'network-only' }));
  const [assigning, setAssigning] = useState<Member | null>(null);

  const sendInvite = (email: string, role: Role | null) =>
    dialog.send(
      () => invite({ input: { email, role: role ?? 'MISSION_OFFICER' } }),
      () => invitations.sent(email),
    );

  return (
    <>
      <PageHeader
        title={t('regionTeam.title')}
        subtitle={t('regionTeam.subtitle')}
        actions={<InviteButton label={t('regionTeam.invite')} onClick={dialog.open} />}
      />
      <Stack gap="xl">
        <section aria-labelledby="region-members">
          <Title order={2} size="h4" mb="sm" id="region-members">
            {t('regionTeam.members')}
          </Title>
          {error && !data ? (
            <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          ) : !data ? (
            <LoadingState rows={3} />
          ) : data.regionTeam.length === 0 ? (
            <EmptyState icon={<IconUsersGroup size={32} />} title={t('regionTeam.empty')} />
          ) : (
            <Stack gap="xs">
              {data.regionTeam.map((m) => (
                <Card key={m.user.id} withBorder padding="sm">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                    <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
                      <Group gap="xs">
                        <Text fw={600}>{m.user.displayName}</Text>
                        {m.roles.map((r) => (
                          <Badge key={r} color={roleColor[r]}>
                            {roleLabel(r)}
                          </Badge>
                        ))}
                      </Group>
                      <Text size="sm" c="gray.8" className="break">
                        {m.user.email}
                      </Text>
                      {m.roles.includes('MISSION_OFFICER') && (
                        <Text size="sm">
                          {m.followedCpts.length
                            ? t('regionTeam.follows', { list: m.followedCpts.map((c) => c.name).join(', ') })
                            : t('regionTeam.followsNone')}
                        </Text>
                      )}
                    </Stack>
                    {m.roles.includes('MISSION_OFFICER') && (
                      <Button variant="default" size="xs" leftSection={<IconEdit size={16} />} onClick={() => setAssigning(m)} aria-label={t('regionTeam.assignFor', { name: m.user.displayName })}>
                        {t('regionTeam.assign')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </section>
        <InvitationsSection id="region-invitations" invitations={invData?.regionInvitations} error={invError} {...invitations.sectionProps} />
      </Stack>
      <InviteModal
        key={dialog.key}
        {...dialog.modalProps}
        title={t('regionTeam.invite')}
        intro={t('regionTeam.inviteIntro')}
        roles={['MISSION_OFFICER', 'REGION_ADMIN']}
        submitting={inviting}
        onSubmit={(email, role) => void sendInvite(email, role)}
      />
      {assigning && data && (
        <AssignModal
          member={assigning}
          allCpts={data.regionCpts}
          onClose={() => setAssigning(null)}
          onDone={() => {
            setAssigning(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </>
  );
}

function AssignModal({ member, allCpts, onClose, onDone }: { member: Member; allCpts: Array<{ id: string; name: string }>; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [cptsIds, setCptsIds] = useState(member.followedCpts.map((c) => c.id));
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, assign] = useMutation(AssignMissionOfficerDocument);
  const save = async () => {
    setError(null);
    const result = await assign({ userId: member.user.id, cptsIds });
    if (result.data) {
      notifications.show({ color: 'teal', message: t('regionTeam.assigned', { name: member.user.displayName }) });
      onDone();
    } else setError(toAppError(result.error));
  };
  return (
    <ConfirmModal
      onClose={onClose}
      title={t('regionTeam.assignTitle', { name: member.user.displayName })}
      action={{ label: t('common.save'), loading: fetching, onClick: () => void save() }}
    >
      <Text size="sm" c="gray.8">
        {t('regionTeam.assignIntro')}
      </Text>
      <FormAlert error={error && !error.fields.cptsIds ? error : null} />
      <MultiSelect
        label={t('regionTeam.followedCpts')}
        data={allCpts.map((c) => ({ value: c.id, label: c.name }))}
        value={cptsIds}
        onChange={setCptsIds}
        searchable
        clearable
        error={error?.fields.cptsIds}
        nothingFoundMessage={t('common.noResult')}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
    </ConfirmModal>
  );
}
