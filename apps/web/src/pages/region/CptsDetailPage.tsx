import { Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CptsFigures, DepartementBadges } from '../../components/CptsFigures';
import { CptsRegionFigures } from './CptsRegionFigures';
import { FollowedWorkingGroups } from './FollowedWorkingGroups';
import { InviteButton, InviteModal, useInviteDialog } from '../../components/Invitations';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';

export const CptsDetailDocument = graphql(`
  query CptsDetail($id: ID!) {
    cpts(id: $id) {
      ...CptsOverview
      slug
      contactEmail
      createdAt
      updatedAt
      departementCodes
      communes {
        inseeCode
        name
        population
        departementCode
        epciName
      }
      region {
        id
        name
        networkName
      }
    }
  }
`);

const InviteCoordinatorDocument = graphql(`
  mutation InviteCoordinator($cptsId: ID!, $input: EmailInput!) {
    inviteCoordinator(cptsId: $cptsId, input: $input) {
      id
      email
      mailState
    }
  }
`);

const COMMUNES_SHOWN = 12;

/** One CPTS: for the region admin (with its actions) or for the mission officer following it (read-only). */
export function CptsDetailPage({ mode }: { mode: 'admin' | 'officer' }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: CptsDetailDocument, variables: { id } });
  const [{ fetching: inviting }, inviteCoordinator] = useMutation(InviteCoordinatorDocument);
  const dialog = useInviteDialog();
  const [allCommunes, setAllCommunes] = useState(false);

  const back = mode === 'admin' ? { label: t('region.cptsTitle'), to: '/region' } : { label: t('nav.followedCpts'), to: '/mes-cpts' };
  if (error && !data) {
    return <PageErrorState title={t('cpts.detailTitle')} crumbs={[back]} error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return <LoadingState rows={4} />;
  const cpts = data.cpts;
  const communes = allCommunes ? cpts.communes : cpts.communes.slice(0, COMMUNES_SHOWN);

  const invite = (email: string) =>
    dialog.send(
      () => inviteCoordinator({ cptsId: cpts.id, input: { email } }),
      () => notifications.show({ color: 'teal', title: t('invitations.sentTitle'), message: t('region.coordinatorInvited', { email, name: cpts.name }) }),
    );

  return (
    <>
      <PageHeader
        title={cpts.name}
        subtitle={`${cpts.region.networkName} · ${t('cpts.createdOn', { date: formatDate(cpts.createdAt) })}`}
        crumbs={[back, { label: cpts.name }]}
        actions={
          mode === 'admin' && (
            <>
              <Button variant="default" component={Link} to={`/region/cpts/${cpts.id}/modifier`} leftSection={<IconEdit size={18} />}>
                {t('common.edit')}
              </Button>
              <InviteButton label={t('region.inviteCoordinator')} onClick={dialog.open} />
            </>
          )
        }
      />
      {mode === 'officer' && (
        <Text size="sm" c="gray.8" mb="md">
          {t('officer.readOnly')}
        </Text>
      )}
      <Stack gap="lg">
        <CptsFigures cpts={cpts} />
        <CptsRegionFigures cptsId={cpts.id} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('cpts.identity')}
            </Title>
            <Stack gap="xs">
              <div>
                <Text size="sm" c="gray.8">
                  {t('cpts.departements')}
                </Text>
                <DepartementBadges departements={cpts.departements} />
              </div>
              <div>
                <Text size="sm" c="gray.8">
                  {t('fields.contactEmail')}
                </Text>
                <Anchor href={`mailto:${cpts.contactEmail}`} className="break">
                  {cpts.contactEmail}
                </Anchor>
              </div>
              <div>
                <Text size="sm" c="gray.8">
                  {t('cpts.publicAddress')}
                </Text>
                <Anchor
                  href={`/cpts/${cpts.slug}/annuaire`}
                  target="_blank"
                  rel="noopener"
                  className="break"
                  data-testid="cpts-public-address"
                >
                  {`${window.location.origin}/cpts/${cpts.slug}/annuaire`}
                </Anchor>
              </div>
              <div>
                <Text size="sm" c="gray.8">
                  {t('cpts.updatedOn')}
                </Text>
                <Text>{formatDate(cpts.updatedAt)}</Text>
              </div>
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('cpts.territory')}
            </Title>
            <Table verticalSpacing={4} visibleFrom="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.commune')}</Table.Th>
                  <Table.Th>{t('cpts.epci')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('cpts.population')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {communes.map((c) => (
                  <Table.Tr key={c.inseeCode}>
                    <Table.Td>
                      {c.name} <Text span size="xs" c="gray.8">({c.inseeCode})</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.epciName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{formatNumber(c.population)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Stack gap={4} hiddenFrom="xs">
              {communes.map((c) => (
                <Card key={c.inseeCode} padding={6} withBorder>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">{c.name}</Text>
                    <Text size="sm">{formatNumber(c.population)}</Text>
                  </Group>
                </Card>
              ))}
            </Stack>
            {cpts.communes.length > COMMUNES_SHOWN && (
              <Button variant="subtle" size="xs" mt="xs" onClick={() => setAllCommunes((v) => !v)}>
                {allCommunes ? t('common.showLess') : t('cpts.showAllCommunes', { count: cpts.communes.length })}
              </Button>
            )}
          </Paper>
        </SimpleGrid>
        {mode === 'officer' && <FollowedWorkingGroups cptsId={cpts.id} />}
      </Stack>
      {mode === 'admin' && (
        <InviteModal
          key={dialog.key}
          {...dialog.modalProps}
          title={t('region.inviteCoordinator')}
          intro={t('region.inviteCoordinatorIntro', { name: cpts.name })}
          submitting={inviting}
          onSubmit={(email) => void invite(email)}
        />
      )}
    </>
  );
}
