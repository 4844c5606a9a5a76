import { Anchor, Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBooks, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { ResourceCategory } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { LibraryFilters } from '../../region/library/RegionLibraryPage';
import { AdoptResourceDocument, LibraryResourcesDocument, RESOURCE_CONTEXT, ResourceAdoptionsDocument } from '../../region/library/queries';

/**
 * The region's library seen from a CPTS: browse and search, adopt (the CPTS's
 * own copy); and the CPTS's adopted resources with their update notices.
 * At /ressources (library) and /ressources/mes-ressources (its copies).
 */
export function LibraryPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const tab = location.pathname.endsWith('/mes-ressources') ? 'mine' : 'library';
  // The board reads the CPTS's adopted copies only; browsing and adopting are the team's.
  if (!me.isCptsStaff)
    return (
      <>
        <PageHeader title={t('resources.cptsTitle')} subtitle={t('resources.boardSubtitle')} />
        <MyResources />
      </>
    );
  return (
    <>
      <PageHeader title={t('resources.cptsTitle')} subtitle={t('resources.cptsSubtitle')} />
      <Tabs value={tab} onChange={(v) => navigate(v === 'mine' ? '/ressources/mes-ressources' : '/ressources')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="library">{t('resources.tabLibrary')}</Tabs.Tab>
          <Tabs.Tab value="mine">{t('resources.tabMine')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="library">
          <Library />
        </Tabs.Panel>
        <Tabs.Panel value="mine">
          <MyResources />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Library() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<ResourceCategory | null>(null);
  const debounced = useDebounced(search, 300);
  const [{ data, error }, refetch] = useQuery({
    query: LibraryResourcesDocument,
    variables: { search: debounced || null, category },
    context: RESOURCE_CONTEXT,
  });
  const [{ fetching }, adopt] = useMutation(AdoptResourceDocument);
  const [adoptError, setAdoptError] = useState<AppError | null>(null);
  const onAdopt = async (id: string, title: string) => {
    setAdoptError(null);
    const result = await adopt({ resourceId: id }, RESOURCE_CONTEXT);
    if (result.error || !result.data) return setAdoptError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('resources.adopted', { title }) });
    navigate(`/ressources/mes-ressources/${result.data.adoptResource.id}`);
  };
  return (
    <Stack gap="md">
      <LibraryFilters search={search} onSearch={setSearch} category={category} onCategory={setCategory} />
      <FormAlert error={adoptError} />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={3} />
      ) : data.libraryResources.length === 0 ? (
        <EmptyState icon={<IconBooks size={32} />} title={t('resources.empty')} description={t('resources.emptyCpts')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.libraryResources.map((r) => (
            <Paper key={r.id} withBorder p="md" radius="md" component="li" aria-labelledby={`resource-${r.id}`}>
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600} id={`resource-${r.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {r.title}
                  </Text>
                  <Badge variant="light">{t(`resources.categories.${r.category}`)}</Badge>
                </Group>
                {r.description && (
                  <Text size="sm" c="gray.8">
                    {r.description}
                  </Text>
                )}
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm">{t('resources.versionLine', { version: r.currentVersion, date: formatDate(r.updatedAt) })}</Text>
                  {r.myAdoptionId ? (
                    <Anchor component={Link} to={`/ressources/mes-ressources/${r.myAdoptionId}`} size="sm">
                      {t('resources.seeMyCopy')}
                    </Anchor>
                  ) : (
                    <Button
                      size="xs"
                      leftSection={<IconCopy size={14} aria-hidden />}
                      loading={fetching}
                      onClick={() => onAdopt(r.id, r.title)}
                      aria-label={t('resources.adoptNamed', { title: r.title })}
                    >
                      {t('resources.adopt')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MyResources() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: ResourceAdoptionsDocument, context: RESOURCE_CONTEXT });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  if (data.resourceAdoptions.length === 0)
    return <EmptyState icon={<IconCopy size={32} />} title={t('resources.noCopy')} description={t('resources.noCopyHelp')} />;
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {data.resourceAdoptions.map((a) => (
        <Paper key={a.id} withBorder p="md" radius="md" component="li">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/ressources/mes-ressources/${a.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {a.title}
              </Anchor>
              <Group gap={6}>
                {a.updateAvailable && <Badge>{t('resources.updateAvailable')}</Badge>}
                {a.adapted && (
                  <Badge variant="light" color="grape">
                    {t('resources.adaptedBadge')}
                  </Badge>
                )}
              </Group>
            </Group>
            <Text size="sm" c="gray.8">
              {t(`resources.categories.${a.category}`)} ·{' '}
              {t('resources.copyOf', { version: a.adoptedVersion, date: formatDate(a.adoptedAt) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
