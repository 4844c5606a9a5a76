import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAddressBook, IconMailForward, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../auth/me';
import { CptsFigures } from '../../components/CptsFigures';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError } from '../../lib/errors';
import { CurrentCptsDocument } from './queries';

const PendingInvitationsDocument = graphql(`
  query PendingInvitations {
    cptsInvitations {
      id
      acceptedAt
      revokedAt
      expiresAt
      mailState
    }
    cptsTeam {
      user {
        id
      }
    }
  }
`);

/** The coordinator's and staff's home: the CPTS at a glance and the next things to do. */
export function CptsHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [{ data, error }, refetch] = useQuery({ query: CurrentCptsDocument });
  const [{ data: inv }] = useQuery({ query: PendingInvitationsDocument });
  const [q, setQ] = useState('');
  const firstName = me.me.user.displayName.split(' ')[0];

  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/annuaire${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`);
  };

  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={4} />;
  const cpts = data.currentCpts;
  const pending = inv?.cptsInvitations.filter((i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > Date.now()) ?? [];
  const failed = pending.filter((i) => i.mailState === 'failed').length;

  return (
    <>
      <PageHeader title={t('staffHome.hello', { name: firstName })} subtitle={`${cpts.name} · ${cpts.region.networkName}`} />
      <Stack gap="lg">
        <Card withBorder padding="md" radius="md">
          <form onSubmit={search} role="search">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('staffHome.searchLabel')}
                placeholder={t('directory.searchPlaceholder')}
                leftSection={<IconSearch size={16} />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                style={{ flex: '1 1 240px' }}
              />
              <Button type="submit">{t('common.search')}</Button>
            </Group>
          </form>
        </Card>
        <CptsFigures cpts={cpts} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <ActionCard icon={<IconUserPlus size={22} />} title={t('staffHome.addProfessional')} text={t('staffHome.addProfessionalText')} to="/annuaire/nouveau" />
          <ActionCard icon={<IconAddressBook size={22} />} title={t('staffHome.openDirectory')} text={t('staffHome.openDirectoryText', { count: cpts.professionalCount })} to="/annuaire" />
          <ActionCard
            icon={<IconMailForward size={22} />}
            title={t('staffHome.team')}
            text={
              inv
                ? [t('staffHome.teamCount', { count: inv.cptsTeam.length }), pending.length ? t('staffHome.pending', { count: pending.length }) : null, failed ? t('staffHome.failed', { count: failed }) : null]
                    .filter(Boolean)
                    .join(' · ')
                : t('common.loading')
            }
            to="/equipe"
          />
        </SimpleGrid>
        <Card withBorder padding="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('cpts.territory')}
          </Title>
          <Text size="sm">
            {cpts.communes
              .slice(0, 15)
              .map((c) => c.name)
              .join(', ')}
            {cpts.communes.length > 15 ? ` ${t('staffHome.andMore', { count: cpts.communes.length - 15 })}` : ''}
          </Text>
          <Text size="sm" c="gray.8" mt="xs">
            {t('staffHome.contact')}{' '}
            <Anchor href={`mailto:${cpts.contactEmail}`} size="sm" className="break">
              {cpts.contactEmail}
            </Anchor>
          </Text>
        </Card>
      </Stack>
    </>
  );
}

function ActionCard({ icon, title, text, to }: { icon: React.ReactNode; title: string; text: string; to: string }) {
  return (
    <Card withBorder padding="md" radius="md" component={Link} to={to}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text c="brand.7" aria-hidden>
          {icon}
        </Text>
        <div>
          <Text fw={600} c="brand.8">
            {title}
          </Text>
          <Text size="sm" c="gray.8">
            {text}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
