import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconChecklist, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { ActionItemFilter, ActionItemStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDate, formatNumber } from '../../../lib/format';
import { useFilterParams } from '../../../lib/useFilterParams';
import { ActionItemButtons, ActionItemStatusBadge, DueDate, type ActionItemRow, type ItemRights } from './ActionItemParts';
import { GROUP_CONTEXT, OWNER_KIND, WorkingGroupsDocument } from './queries';
import { ACTION_ITEM_CONTEXT, ActionItemPeopleDocument, ActionItemsDocument } from './queries-action-items';

/** The status filter as the address says it (French words), and what the API is asked. */
const STATUS_PARAM: Record<string, ActionItemStatus | null> = { ouvertes: 'OPEN', faites: 'DONE', abandonnees: 'DROPPED', toutes: null };
const SORTS = ['echeance', 'groupe', 'personne'] as const;
type Sort = (typeof SORTS)[number];

const byText = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' });
/** Open first, then by due date: the API's order, kept as the tie-breaker of the other sorts. */
const byDue = (a: ActionItemRow, b: ActionItemRow) =>
  Number(b.status === 'OPEN') - Number(a.status === 'OPEN') || a.dueOn.localeCompare(b.dueOn);
const SORTERS: Record<Sort, (a: ActionItemRow, b: ActionItemRow) => number> = {
  echeance: byDue,
  groupe: (a, b) => byText(a.ownerName, b.ownerName) || byDue(a, b),
  personne: (a, b) => byText(a.assigneeName, b.assigneeName) || byDue(a, b),
};

/**
 * The action items of every group of the CPTS (those the person may see:
 * the team and the board all of them, a member their groups'), filtered by
 * group, person, status and lateness, the filters kept in the address. The
 * team marks items done or dropped here too; everyone marks their own done.
 */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { params, setParam, setParams } = useFilterParams();
  const groupId = params.get('groupe');
  const personId = params.get('personne');
  const statusKey = params.get('statut') ?? 'ouvertes';
  const status = statusKey in STATUS_PARAM ? STATUS_PARAM[statusKey] : 'OPEN';
  const overdueOnly = params.get('retard') === '1';
  const sortParam = params.get('tri');
  const sort: Sort = SORTS.includes(sortParam as Sort) ? (sortParam as Sort) : 'echeance';

  const filter: ActionItemFilter = {
    ...(groupId ? { ownerKind: OWNER_KIND, ownerId: groupId } : {}),
    ...(personId ? { assigneeId: personId } : {}),
    // Late means open: the status filter gives way.
    ...(overdueOnly ? { overdueOnly: true } : status ? { status } : {}),
  };
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ActionItemsDocument,
    variables: { filter },
    context: ACTION_ITEM_CONTEXT,
  });
  const [{ data: groupsData }] = useQuery({ query: WorkingGroupsDocument, variables: { status: null }, context: GROUP_CONTEXT });
  const [{ data: peopleData }] = useQuery({ query: ActionItemPeopleDocument, context: ACTION_ITEM_CONTEXT });

  const groups = groupsData?.workingGroups ?? [];
  const closedGroups = new Set(groups.filter((g) => g.status === 'CLOSED').map((g) => g.id));
  const people = [
    ...new Map((peopleData?.actionItems ?? []).map((i) => [i.professionalId ?? i.userId ?? '', i.assigneeName] as const)).entries(),
  ].sort((a, b) => byText(a[1], b[1]));
  const carriesSome = people.some(([id]) => id === me.me.user.id);
  const filtered = !!(groupId || personId || overdueOnly || statusKey !== 'ouvertes');
  const clear = () => setParams(sortParam ? { tri: sortParam } : {}, { replace: true });
  // The team manages every group's items (not a closed group's); the others change only their own, on their group's page too.
  const rightsOf = (item: ActionItemRow): ItemRights => ({ manage: me.isCptsStaff && !closedGroups.has(item.ownerId) });

  const items = data ? [...data.actionItems].sort(SORTERS[sort]) : null;
  const overdue = (items ?? []).filter((i) => i.overdue).length;

  return (
    <>
      <PageHeader
        title={t('actionItems.page.title')}
        subtitle={me.isCptsStaff || me.isBoardMember ? t('actionItems.page.subtitle') : t('actionItems.page.subtitleMember')}
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Stack gap="sm">
          <Group align="end" wrap="wrap" gap="sm">
            <Select
              label={t('actionItems.page.group')}
              placeholder={t('actionItems.page.allGroups')}
              data={groups.map((g) => ({ value: g.id, label: g.name }))}
              value={groupId}
              onChange={(v) => setParam('groupe', v)}
              clearable
              searchable
              nothingFoundMessage={t('common.noResult')}
              miw={220}
              style={{ flex: '1 1 220px' }}
            />
            <Select
              label={t('actionItems.page.person')}
              placeholder={t('actionItems.page.allPeople')}
              data={people.map(([id, name]) => ({ value: id, label: id === me.me.user.id ? t('actionItems.page.me', { name }) : name }))}
              value={personId}
              onChange={(v) => setParam('personne', v)}
              clearable
              searchable
              nothingFoundMessage={t('common.noResult')}
              miw={220}
              style={{ flex: '1 1 220px' }}
            />
            <Select
              label={t('actionItems.page.status')}
              data={Object.keys(STATUS_PARAM).map((k) => ({ value: k, label: t(`actionItems.page.statuses.${k}`) }))}
              value={statusKey in STATUS_PARAM ? statusKey : 'ouvertes'}
              onChange={(v) => setParam('statut', v === 'ouvertes' ? null : v)}
              allowDeselect={false}
              disabled={overdueOnly}
              miw={170}
            />
            <Select
              label={t('actionItems.page.sort')}
              data={SORTS.map((s) => ({ value: s, label: t(`actionItems.page.sorts.${s}`) }))}
              value={sort}
              onChange={(v) => setParam('tri', v === 'echeance' ? null : v)}
              allowDeselect={false}
              miw={170}
            />
          </Group>
          <Group gap="lg" wrap="wrap">
            <Checkbox
              label={t('actionItems.page.overdueOnly')}
              checked={overdueOnly}
              onChange={(e) => setParam('retard', e.currentTarget.checked ? '1' : null)}
            />
            {carriesSome && (
              <Checkbox
                label={t('actionItems.page.mineOnly')}
                checked={personId === me.me.user.id}
                onChange={(e) => setParam('personne', e.currentTarget.checked ? me.me.user.id : null)}
              />
            )}
            {filtered && (
              <Button variant="subtle" size="compact-sm" onClick={clear}>
                {t('actionItems.page.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !items ? (
        <LoadingState rows={5} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch size={32} />}
            title={t('actionItems.page.noMatch')}
            action={
              <Button variant="default" onClick={clear}>
                {t('actionItems.page.clear')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<IconChecklist size={32} />}
            title={t('actionItems.page.empty')}
            description={t('actionItems.page.emptyHelp')}
          />
        )
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="gray.8" role="status" aria-live="polite">
            {t('actionItems.page.count', { count: items.length, formatted: formatNumber(items.length) })}
            {overdue > 0 && ` · ${t('actionItems.page.overdueCount', { count: overdue })}`}
            {fetching ? ` · ${t('common.updating')}` : ''}
          </Text>
          <Table.ScrollContainer minWidth={860} visibleFrom="md">
            <Table verticalSpacing="sm" highlightOnHover striped>
              <TableHead
                labels={[
                  t('actionItems.page.colTitle'),
                  t('actionItems.page.colGroup'),
                  t('actionItems.page.colPerson'),
                  t('actionItems.page.colDue'),
                  t('actionItems.page.colStatus'),
                ]}
                actions
              />
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.title}</Table.Td>
                    <Table.Td>
                      <GroupLink item={item} />
                    </Table.Td>
                    <Table.Td>
                      {item.assigneeName}
                      {item.mine && <MineBadge />}
                    </Table.Td>
                    <Table.Td miw={140}>
                      <DueDate item={item} bare />
                    </Table.Td>
                    <Table.Td>
                      <StatusCell item={item} />
                    </Table.Td>
                    <Table.Td>
                      <ActionItemButtons item={item} rights={rightsOf(item)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <Card key={item.id} withBorder padding="sm" component="li" aria-labelledby={`card-${item.id}`}>
                <Stack gap={4}>
                  <Text fw={600} id={`card-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Text>
                  <Text size="sm">
                    <GroupLink item={item} /> · {item.assigneeName}
                    {item.mine && <MineBadge />}
                  </Text>
                  <Group gap="xs" wrap="wrap">
                    <DueDate item={item} />
                    <StatusCell item={item} />
                  </Group>
                  <ActionItemButtons item={item} rights={rightsOf(item)} />
                </Stack>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
    </>
  );
}

/** The item's group, a link to its page (an owner of another kind, later, by its name only). */
function GroupLink({ item }: { item: ActionItemRow }) {
  return item.ownerKind === OWNER_KIND ? (
    <Anchor component={Link} to={`/groupes-de-travail/${item.ownerId}`} size="sm">
      {item.ownerName}
    </Anchor>
  ) : (
    <Text span size="sm">
      {item.ownerName}
    </Text>
  );
}

function MineBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="brand" variant="light" tt="none" size="sm" ml={6}>
      {t('actionItems.you')}
    </Badge>
  );
}

/** The status, and for a closed item when it was closed. */
function StatusCell({ item }: { item: ActionItemRow }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <ActionItemStatusBadge item={item} />
      {item.statusAt && (
        <Text span size="xs" c="gray.8">
          {t('actionItems.page.statusOn', { date: formatDate(item.statusAt) })}
        </Text>
      )}
    </Group>
  );
}
