import { Anchor, Badge, Button, Card, Group, MultiSelect, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconCopy, IconDownload, IconFileImport, IconFileSpreadsheet, IconPlus, IconSearch, IconTableImport, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { graphql } from '../../gql';
import type { ProfessionalsQuery } from '../../gql/graphql';
import { downloadFile } from '../../lib/download';
import { useFilterParams } from '../../lib/useFilterParams';
import { toAppError } from '../../lib/errors';
import { formatDate, formatNumber, formatPhone } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { DuplicateCountDocument } from './duplicates/queries';
import { CurrentCptsDocument, ProfessionsDocument } from './queries';

const ProfessionalsDocument = graphql(`
  query Professionals($first: Int!, $after: String, $filter: ProfessionalFilter) {
    professionals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...CursorPageInfo
      }
      edges {
        cursor
        node {
          ...ProfessionalSummary
          archivedAt
        }
      }
    }
  }
`);

const PAGE_SIZE = 25;
// Stable across renders (a new object would restart the query); lets an empty list refresh after a creation.
const PROFESSIONAL_CONTEXT = { additionalTypenames: ['Professional'] };
type Edge = ProfessionalsQuery['professionals']['edges'][number];

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/** The directory: search as you type, filters kept in the address (so "back" keeps them), pages of 25. */
export function ProfessionalsPage() {
  const { t } = useTranslation();
  const { params, setParam: update, setParams } = useFilterParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebounced(search.trim(), 300);
  const professionCodes = list(params.get('professions'));
  const communeCodes = list(params.get('communes'));
  const archived = params.get('archives') === '1';
  const [{ data: cptsData }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data: profData }] = useQuery({ query: ProfessionsDocument, requestPolicy: 'cache-first' });


  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) update('q', debounced || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filter = useMemo(
    () => ({ search: debounced || null, professionCodes: professionCodes.length ? professionCodes : null, communeCodes: communeCodes.length ? communeCodes : null, archived }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [debounced, params.get('professions'), params.get('communes'), archived],
  );
  const filtered = !!(filter.search || filter.professionCodes || filter.communeCodes);

  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  // The list as filtered on screen: the export takes the same parameters as this page's address.
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    const query = new URLSearchParams(params);
    // What is typed, even before the search is debounced into the address.
    if (search.trim()) query.set('q', search.trim());
    else query.delete('q');
    const error = await downloadFile(`/api/directory/professionals.${format}?${query.toString()}`, `annuaire.${format}`);
    setExporting(null);
    if (error) notifications.show({ color: 'red', message: error.message });
  };
  const [{ data: duplicateData }] = useQuery({ query: DuplicateCountDocument, requestPolicy: 'cache-and-network', context: PROFESSIONAL_CONTEXT });
  const duplicateCount = duplicateData?.duplicateCandidates.length ?? 0;

  const clear = () => {
    setSearch('');
    setParams(archived ? { archives: '1' } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('directory.title')}
        subtitle={cptsData?.currentCpts.name}
        actions={
          <Group gap="sm">
            {duplicateCount > 0 && (
              <Button component={Link} to="/annuaire/doublons" variant="light" color="orange" leftSection={<IconCopy size={18} />}>
                {t('duplicates.link', { count: duplicateCount })}
              </Button>
            )}
            <Button component={Link} to="/annuaire/import" variant="default" leftSection={<IconFileImport size={18} />}>
              {t('directory.import')}
            </Button>
            <Button component={Link} to="/annuaire/import-csv" variant="default" leftSection={<IconTableImport size={18} />}>
              {t('csvImport.link')}
            </Button>
            <Button component={Link} to="/annuaire/nouveau" leftSection={<IconPlus size={18} />}>
              {t('directory.add')}
            </Button>
          </Group>
        }
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('directory.searchLabel')}
            placeholder={t('directory.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            autoComplete="off"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MultiSelect
              label={t('directory.professionFilter')}
              placeholder={professionCodes.length ? undefined : t('directory.allProfessions')}
              data={(profData?.professions ?? []).map((p) => ({ value: p.code, label: p.label }))}
              value={professionCodes}
              onChange={(v) => update('professions', v.join(',') || null)}
              searchable
              clearable
              nothingFoundMessage={t('common.noResult')}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label={t('directory.communeFilter')}
              placeholder={communeCodes.length ? undefined : t('directory.allCommunes')}
              data={(cptsData?.currentCpts.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.name }))}
              value={communeCodes}
              onChange={(v) => update('communes', v.join(',') || null)}
              searchable
              clearable
              nothingFoundMessage={t('common.noResult')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <SegmentedControl
              aria-label={t('directory.whichLabel')}
              value={archived ? 'archived' : 'active'}
              onChange={(v) => update('archives', v === 'archived' ? '1' : null)}
              data={[
                { value: 'active', label: t('directory.active') },
                { value: 'archived', label: t('directory.archived') },
              ]}
            />
            <Group gap="sm">
              {filtered && (
                <Button variant="subtle" leftSection={<IconX size={16} />} onClick={clear}>
                  {t('directory.clearFilters')}
                </Button>
              )}
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting === 'csv'} disabled={exporting !== null} onClick={() => exportAs('csv')}>
                {t('directory.export')}
              </Button>
              <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => exportAs('xlsx')}>
                {t('csvImport.exportXlsx')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Card>
      <Results key={JSON.stringify(filter)} filter={filter} filtered={filtered} onClear={clear} />
    </>
  );
}

type Filter = { search: string | null; professionCodes: string[] | null; communeCodes: string[] | null; archived: boolean };

function Results({ filter, filtered, onClear }: { filter: Filter; filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  // Each "Charger plus" adds the cursor of the next page; pages already fetched stay shown.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pages, setPages] = useState<Record<string, Edge[]>>({});
  const [meta, setMeta] = useState<Omit<ProfessionalsQuery['professionals'], 'edges'> | null>(null);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProfessionalsDocument,
    variables: { first: PAGE_SIZE, after, filter },
    context: PROFESSIONAL_CONTEXT,
  });

  useEffect(() => {
    if (!data) return;
    setPages((p) => ({ ...p, [after ?? '']: data.professionals.edges }));
    setMeta({ totalCount: data.professionals.totalCount, pageInfo: data.professionals.pageInfo });
  }, [data, after]);

  const edges = cursors.flatMap((c) => pages[c ?? ''] ?? []);
  const connection = meta;

  if (error && edges.length === 0) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!connection && edges.length === 0) return <LoadingState rows={6} label={t('directory.loading')} />;
  if (connection && connection.totalCount === 0) {
    if (filtered) {
      return (
        <EmptyState
          icon={<IconSearch size={32} />}
          title={t('directory.noMatch')}
          description={t('directory.noMatchHelp')}
          action={
            <Button variant="default" onClick={onClear}>
              {t('directory.clearFilters')}
            </Button>
          }
        />
      );
    }
    return filter.archived ? (
      <EmptyState icon={<IconAddressBook size={32} />} title={t('directory.noArchived')} />
    ) : (
      <EmptyState
        icon={<IconAddressBook size={32} />}
        title={t('directory.empty')}
        description={t('directory.emptyHelp')}
        action={
          <Button component={Link} to="/annuaire/nouveau" leftSection={<IconPlus size={18} />}>
            {t('directory.add')}
          </Button>
        }
      />
    );
  }
  const total = connection?.totalCount ?? edges.length;

  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8" role="status" aria-live="polite">
        {t('directory.count', { count: total, formatted: formatNumber(total) })}
        {edges.length < total ? ` · ${t('directory.shown', { count: edges.length })}` : ''}
        {fetching ? ` · ${t('common.updating')}` : ''}
      </Text>
      <Table.ScrollContainer minWidth={760} visibleFrom="md">
        <Table verticalSpacing="sm" highlightOnHover striped>
          <TableHead labels={[t('directory.name'), t('fields.profession'), t('fields.commune'), t('fields.structure'), t('directory.contact')]} />
          <Table.Tbody>
            {edges.map(({ node: p }) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/annuaire/${p.id}`} fw={600}>
                    {p.lastName.toLocaleUpperCase('fr-FR')} {p.firstName}
                  </Anchor>
                  {p.archivedAt && (
                    <Badge color="gray" ml="xs" size="sm">
                      {t('directory.archivedOn', { date: formatDate(p.archivedAt) })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.profession.label}</Table.Td>
                <Table.Td>{p.commune.name}</Table.Td>
                <Table.Td>{p.structureName ?? ''}</Table.Td>
                <Table.Td>
                  {p.phone && (
                    <Anchor href={`tel:${p.phone}`} size="sm" display="block">
                      {formatPhone(p.phone)}
                    </Anchor>
                  )}
                  {p.email && (
                    <Anchor href={`mailto:${p.email}`} size="sm" className="break">
                      {p.email}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="md">
        {edges.map(({ node: p }) => (
          <Card key={p.id} withBorder padding="sm">
            <Anchor component={Link} to={`/annuaire/${p.id}`} fw={600}>
              {p.lastName.toLocaleUpperCase('fr-FR')} {p.firstName}
            </Anchor>
            <Text size="sm">
              {p.profession.label} · {p.commune.name}
            </Text>
            {p.structureName && (
              <Text size="sm" c="gray.8">
                {p.structureName}
              </Text>
            )}
            {p.phone && (
              <Anchor href={`tel:${p.phone}`} size="sm">
                {formatPhone(p.phone)}
              </Anchor>
            )}
          </Card>
        ))}
      </Stack>
      {error && edges.length > 0 && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={fetching} onClick={() => setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}>
            {t('directory.loadMore', { count: Math.min(PAGE_SIZE, total - edges.length) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
