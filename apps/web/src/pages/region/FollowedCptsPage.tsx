import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';

const FollowedCptsDocument = graphql(`
  query FollowedCpts {
    followedCpts {
      ...CptsOverview
    }
  }
`);

/** "Mes CPTS": the CPTS a mission officer follows, with their key figures, read-only. */
export function FollowedCptsPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: FollowedCptsDocument });
  return (
    <>
      <PageHeader title={t('officer.title')} subtitle={t('officer.subtitle')} />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={3} />
      ) : data.followedCpts.length === 0 ? (
        <EmptyState icon={<IconBuildingCommunity size={32} />} title={t('officer.none')} description={t('officer.noneHelp')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {data.followedCpts.map((c) => (
            <Card key={c.id} withBorder padding="md" radius="md" component={Link} to={`/mes-cpts/${c.id}`}>
              <Stack gap="sm">
                <div>
                  <Title order={2} size="h4" c="brand.8">
                    {c.name}
                  </Title>
                  <Group gap={4} mt={4}>
                    {c.departements.map((d) => (
                      <Badge key={d.code} color="gray">
                        {d.code} · {d.name}
                      </Badge>
                    ))}
                    <Badge color="brand">{t('cpts.sizeValue', { size: c.size })}</Badge>
                  </Group>
                </div>
                <SimpleGrid cols={3} spacing="xs">
                  <KeyFigure label={t('cpts.professionals')} value={formatNumber(c.professionalCount)} />
                  <KeyFigure label={t('cpts.inhabitants')} value={formatNumber(c.inhabitants)} />
                  <KeyFigure label={t('cpts.communes')} value={formatNumber(c.communeCodes.length)} />
                </SimpleGrid>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function KeyFigure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Text size="xs" c="gray.8">
        {label}
      </Text>
    </div>
  );
}
