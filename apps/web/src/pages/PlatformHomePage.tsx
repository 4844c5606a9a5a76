import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { graphql } from '../gql';
import { toAppError } from '../lib/errors';

const RegionsDocument = graphql(`
  query Regions {
    regions {
      id
      name
      networkName
      inseeRegionCode
    }
  }
`);

export function PlatformHomePage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: RegionsDocument });
  return (
    <>
      <PageHeader title={t('platform.title')} subtitle={t('platform.subtitle')} />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={3} />
      ) : data.regions.length === 0 ? (
        <EmptyState title={t('platform.none')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {data.regions.map((r) => (
            <Card key={r.id} withBorder>
              <Title order={2} size="h4">
                {r.networkName}
              </Title>
              <Text c="gray.8">
                {r.name} · {t('platform.code', { code: r.inseeRegionCode })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
