import { Anchor, Badge, Box, Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconPlus, IconTrophy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ErrorState, LoadingState } from '../../../components/states';
import type { WorkingGroupMembersQuery, WorkingGroupQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { ActionItemForm } from './ActionItemForm';
import {
  ActionItemButtons,
  ActionItemStatusBadge,
  DueDate,
  quarterOf,
  quarterStart,
  type ActionItemRow,
  type ItemRights,
} from './ActionItemParts';
import { OWNER_KIND } from './queries';
import { ACTION_ITEM_CONTEXT, ActionItemsDocument } from './queries-action-items';

type Group = WorkingGroupQuery['workingGroup'];
type Member = WorkingGroupMembersQuery['workingGroup']['members'][number];

/** The address of the CPTS-wide view showing one group's items (every status), for what the group page leaves out. */
export const groupActionsPath = (groupId: string) => `/actions?groupe=${groupId}&statut=toutes`;

/**
 * The group's open action items, soonest due first (overdue ones said so):
 * those who manage the group add one by hand, mark one done or drop it
 * (after a confirmation); the person who carries one marks it done.
 */
export function OpenActionItems({ group, members, canManage }: { group: Group; members: Member[] | null; canManage: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [{ data, error }, refetch] = useQuery({
    query: ActionItemsDocument,
    variables: { filter: { ownerKind: OWNER_KIND, ownerId: group.id, status: 'OPEN' } },
    context: ACTION_ITEM_CONTEXT,
  });
  // A closed group's items no longer change but by the person who carries one (the API refuses its managers).
  const rights: ItemRights = { manage: canManage && group.status !== 'CLOSED' };
  const items = data?.actionItems ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  const current = (members ?? []).filter((m) => !m.leftAt);
  return (
    <CardSection id="group-actions" title={t('actionItems.group.title')} gap="sm">
      {rights.manage && (
        <Group>
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} disabled={!members}>
            {t('actionItems.group.new')}
          </Button>
        </Group>
      )}
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={2} />
      ) : items.length === 0 ? (
        <Text size="sm">{rights.manage ? t('actionItems.group.noneManager') : t('actionItems.group.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="gray.8">
            {overdue > 0
              ? t('actionItems.group.summaryOverdue', { count: items.length, overdue })
              : t('actionItems.group.summary', { count: items.length })}
          </Text>
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <OpenItem key={item.id} item={item} rights={rights} />
            ))}
          </Stack>
        </>
      )}
      <Anchor component={Link} to={groupActionsPath(group.id)} size="sm">
        {t('actionItems.group.all')}
      </Anchor>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('actionItems.form.newTitle')} centered size="lg">
        {creating &&
          (current.length === 0 ? (
            <Text size="sm">{t('actionItems.form.noMembers')}</Text>
          ) : (
            <ActionItemForm groupId={group.id} members={current} onDone={() => setCreating(false)} />
          ))}
      </Modal>
    </CardSection>
  );
}

function OpenItem({ item, rights }: { item: ActionItemRow; rights: ItemRights }) {
  const { t } = useTranslation();
  const id = `action-${item.id}`;
  return (
    <Group
      component="li"
      aria-labelledby={id}
      justify="space-between"
      align="flex-start"
      wrap="wrap"
      gap="xs"
      py="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Box style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Text fw={600} id={id} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        <Group gap="xs" wrap="wrap" mt={2}>
          <Text span size="sm">
            {t('actionItems.carriedBy', { name: item.assigneeName })}
          </Text>
          {item.mine && (
            <Badge color="brand" variant="light" tt="none" size="sm">
              {t('actionItems.you')}
            </Badge>
          )}
          <DueDate item={item} />
          {item.overdue && <ActionItemStatusBadge item={item} />}
        </Group>
      </Box>
      <ActionItemButtons item={item} rights={rights} />
    </Group>
  );
}

/**
 * "Fait ce trimestre": the items done since the quarter began (Paris), the
 * latest first, with who carried each and when it was done: the group's
 * small victories, said as such.
 */
export function DoneThisQuarter({ group, canManage }: { group: Group; canManage: boolean }) {
  const { t } = useTranslation();
  // One value for the whole quarter: the query's variables stay the same from one render to the next.
  const since = useMemo(() => quarterStart().toISOString(), []);
  const { quarter, year } = quarterOf(new Date(since));
  const [{ data, error }, refetch] = useQuery({
    query: ActionItemsDocument,
    variables: { filter: { ownerKind: OWNER_KIND, ownerId: group.id, doneSince: since } },
    context: ACTION_ITEM_CONTEXT,
  });
  const rights: ItemRights = { manage: canManage && group.status !== 'CLOSED' };
  const items = [...(data?.actionItems ?? [])].sort((a, b) => (b.statusAt ?? '').localeCompare(a.statusAt ?? ''));
  return (
    <CardSection id="group-done" title={t('actionItems.done.title')} gap="sm">
      <Text size="sm" c="gray.8">
        {t('actionItems.done.since', { quarter: t(`actionItems.done.quarter${quarter}`), year, date: formatDate(since) })}
      </Text>
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={1} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('actionItems.done.none')}</Text>
      ) : (
        <>
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon color="teal" variant="light" size="lg" radius="xl" aria-hidden>
              <IconTrophy size={20} />
            </ThemeIcon>
            <Text fw={600}>{t('actionItems.done.count', { count: items.length })}</Text>
          </Group>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <Group key={item.id} component="li" aria-labelledby={`done-${item.id}`} gap="xs" align="flex-start" wrap="nowrap">
                <IconCircleCheck size={20} color="var(--mantine-color-teal-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Box style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={600} id={`done-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Text>
                  <Text size="xs" c="gray.8">
                    {item.statusAt && t('actionItems.done.byOn', { name: item.assigneeName, date: formatDate(item.statusAt) })}
                    {item.statusByName && item.statusBy !== item.userId && ` ${t('actionItems.done.notedBy', { name: item.statusByName })}`}
                  </Text>
                  <Box mt={4}>
                    <ActionItemButtons item={item} rights={rights} />
                  </Box>
                </Box>
              </Group>
            ))}
          </Stack>
        </>
      )}
    </CardSection>
  );
}
