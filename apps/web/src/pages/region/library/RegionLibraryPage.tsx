import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconBooks, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { ResourceCategory } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { CATEGORIES } from './content';
import { RegionResourcesDocument, RESOURCE_CONTEXT } from './queries';

/** The filters above a library list: search (title and description) and category. */
export function LibraryFilters({
  search,
  onSearch,
  category,
  onCategory,
}: {
  search: string;
  onSearch: (v: string) => void;
  category: ResourceCategory | null;
  onCategory: (v: ResourceCategory | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        style={{ flex: '1 1 16rem' }}
        label={t('common.search')}
        placeholder={t('resources.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
      />
      <Select
        style={{ flex: '0 1 16rem' }}
        label={t('resources.category')}
        placeholder={t('resources.allCategories')}
        clearable
        data={CATEGORIES.map((c) => ({ value: c, label: t(`resources.categories.${c}`) }))}
        value={category}
        onChange={(v) => onCategory(v as ResourceCategory | null)}
      />
    </Group>
  );
}

/** The region's library, for its team: every resource, newest first, with a link to its versions and usage. At /region/bibliotheque. */
export function RegionLibraryPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<ResourceCategory | null>(null);
  const debounced = useDebounced(search, 300);
  const [{ data, error }, refetch] = useQuery({
    query: RegionResourcesDocument,
    variables: { search: debounced || null, category },
    context: RESOURCE_CONTEXT,
  });
  const add = (
    <Button component={Link} to="/region/bibliotheque/nouvelle" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('resources.publish')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('resources.regionTitle')} subtitle={t('resources.regionSubtitle')} actions={add} />
      <Stack gap="md">
        <LibraryFilters search={search} onSearch={setSearch} category={category} onCategory={setCategory} />
        {error && !data ? (
          <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data ? (
          <LoadingState rows={3} />
        ) : data.regionResources.length === 0 ? (
          <EmptyState icon={<IconBooks size={32} />} title={t('resources.empty')} description={t('resources.emptyRegion')} action={add} />
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.regionResources.map((r) => (
              <Paper key={r.id} withBorder p="md" radius="md" component="li">
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/region/bibliotheque/${r.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {r.title}
                    </Anchor>
                    <Badge variant="light">{t(`resources.categories.${r.category}`)}</Badge>
                  </Group>
                  {r.description && (
                    <Text size="sm" c="gray.8">
                      {r.description}
                    </Text>
                  )}
                  <Text size="sm">{t('resources.versionLine', { version: r.currentVersion, date: formatDate(r.updatedAt) })}</Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
