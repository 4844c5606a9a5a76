import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import { graphql } from '../../../gql';
import { toAppError } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useProfessionalId } from '../useProfessionalId';
import { ConsentsSection } from './ConsentsSection';
import { GdprSection } from './GdprSection';
import { HistorySection } from './HistorySection';
import { InvolvementSection } from './InvolvementSection';
import { MembershipsSection } from './MembershipsSection';
import { LabelsSection } from './LabelsSection';
import { SitesSection } from './SitesSection';
import { PersonSection } from './PersonSection';

const PersonDocument = graphql(`
  query Person($id: ID!) {
    professional(id: $id) {
      ...ProfessionalSummary
      rpps
      archivedAt
      erasedAt
      emailIsWork
      updatedAt
      mergedInto
    }
  }
`);

/**
 * A person's page: who they are, and every module's part of their file
 * (memberships, involvement, consents, labels, GDPR rights). Each part is a
 * section component that loads its own data from the professional's id.
 */
export function PersonPage() {
  const { id, valid, notFound } = useProfessionalId();
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PersonDocument, variables: { id: id ?? '' }, pause: !valid, requestPolicy: 'cache-and-network' });
  const crumbs = [{ label: t('directory.title'), to: '/annuaire' }];
  const failure = notFound ?? toAppError(error);
  if (failure && !data) {
    return <PageErrorState title={t('directory.notFoundTitle')} crumbs={crumbs} error={failure} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return <LoadingState rows={5} />;
  const p = data.professional;
  // A record merged into another: its old address (links, bookmarks) leads to the kept one.
  if (p.mergedInto) return <Navigate to={`/annuaire/${p.mergedInto}`} replace />;
  const name = `${p.firstName} ${p.lastName}`;
  return (
    <>
      <PageHeader
        title={name}
        subtitle={`${p.profession.label} · ${p.commune.name}`}
        crumbs={[...crumbs, { label: name }]}
        actions={
          !p.erasedAt && <Button component={Link} to={`/annuaire/${p.id}/modifier`} variant="default" leftSection={<IconPencil size={18} />}>
            {t('person.edit')}
          </Button>
        }
      />
      {p.erasedAt && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />} mb="md" title={t('gdpr.erasedBanner', { date: formatDate(p.erasedAt) })}>
          <Text size="sm">{t('gdpr.erasedBannerHelp')}</Text>
        </Alert>
      )}
      {p.archivedAt && !p.erasedAt && (
        <Alert color="orange" icon={<IconInfoCircle size={18} />} mb="md">
          <Group gap="xs">
            <Badge color="orange">{t('directory.archivedBadge')}</Badge>
            <Text size="sm">{t('directory.archivedInfo', { date: formatDate(p.archivedAt) })}</Text>
          </Group>
        </Alert>
      )}
      <Stack gap="lg">
        <PersonSection title={t('person.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('fields.rpps')} value={p.rpps} />
            <Fact label={t('fields.structure')} value={p.structureName} />
            <Fact label={t('fields.email')} value={p.email && `${p.email}${p.emailIsWork ? ` (${t('consents.workAddressShort')})` : ''}`} />
            <Fact label={t('fields.phone')} value={p.phone} />
          </SimpleGrid>
          <Text size="xs" c="gray.7" mt="sm">
            {t('directory.updatedAt', { date: formatDateTime(p.updatedAt) })}
          </Text>
        </PersonSection>
        <SitesSection professionalId={p.id} />
        {/* Module sections, one per line: each takes the professional's id. */}
        <MembershipsSection professionalId={p.id} />
        <InvolvementSection professionalId={p.id} />
        <ConsentsSection professionalId={p.id} />
        <LabelsSection professionalId={p.id} />
        <GdprSection professionalId={p.id} />
        <HistorySection professionalId={p.id} />
      </Stack>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="sm" c={value ? undefined : 'gray.7'}>
        {value || t('person.none')}
      </Text>
    </div>
  );
}
