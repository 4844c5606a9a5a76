import { Anchor, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconMap2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../auth/me';
import { DepartementBadges } from '../../components/CptsFigures';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';

const RegionCptsDocument = graphql(`
  query RegionCpts {
    regionCpts {
      ...CptsOverview
    }
  }
`);

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function RegionCptsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RegionCptsDocument });
  const [filter, setFilter] = useState('');
  const region = me.me.regionRoles.find((r) => r.role === 'REGION_ADMIN')?.region;

  const list = useMemo(() => {
    const all = data?.regionCpts ?? [];
    const f = fold(filter.trim());
    return f ? all.filter((c) => fold(c.name).includes(f) || c.departements.some((d) => d.code === f || fold(d.name).includes(f))) : all;
  }, [data, filter]);

  const total = data?.regionCpts.reduce((sum, c) => sum + c.professionalCount, 0) ?? 0;

  return (
    <>
      <PageHeader
        title={t('region.cptsTitle')}
        subtitle={region ? `${region.networkName} · ${region.name}` : undefined}
        actions={
          <Button component={Link} to="/region/cpts/nouvelle" leftSection={<IconPlus size={18} />}>
            {t('region.createCpts')}
          </Button>
        }
      />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={5} />
      ) : data.regionCpts.length === 0 ? (
        <EmptyState
          icon={<IconMap2 size={32} />}
          title={t('region.noCpts')}
          description={t('region.noCptsHelp')}
          action={
            <Button component={Link} to="/region/cpts/nouvelle" leftSection={<IconPlus size={18} />}>
              {t('region.createCpts')}
            </Button>
          }
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder={t('region.filterPlaceholder')}
              aria-label={t('region.filterLabel')}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={{ base: '100%', xs: 320 }}
            />
            <Text size="sm" c="gray.8" aria-live="polite">
              {t('region.summary', { count: data.regionCpts.length, professionals: formatNumber(total) })}
              {fetching && ` · ${t('common.updating')}`}
            </Text>
          </Group>
          {list.length === 0 ? (
            <Text c="gray.8">{t('region.noMatch')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={720} visibleFrom="sm">
                <Table verticalSpacing="sm" highlightOnHover striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('fields.cptsName')}</Table.Th>
                      <Table.Th>{t('cpts.size')}</Table.Th>
                      <Table.Th>{t('cpts.departements')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('cpts.inhabitants')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('cpts.professionals')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/region/cpts/${c.id}`} fw={600}>
                            {c.name}
                          </Anchor>
                          <Text size="xs" c="gray.8">
                            {t('cpts.communeCount', { count: c.communeCodes.length })}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t('cpts.sizeValue', { size: c.size })}</Table.Td>
                        <Table.Td>
                          <DepartementBadges departements={c.departements} />
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>{formatNumber(c.inhabitants)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>{formatNumber(c.professionalCount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Stack gap="xs" hiddenFrom="sm">
                {list.map((c) => (
                  <Card key={c.id} withBorder padding="sm" component={Link} to={`/region/cpts/${c.id}`}>
                    <Text fw={600} c="brand.8">
                      {c.name}
                    </Text>
                    <Text size="sm" c="gray.8">
                      {t('cpts.sizeValue', { size: c.size })} · {c.departements.map((d) => d.code).join(', ')} ·{' '}
                      {t('cpts.professionalCount', { count: c.professionalCount, formatted: formatNumber(c.professionalCount) })}
                    </Text>
                  </Card>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      )}
    </>
  );
}
