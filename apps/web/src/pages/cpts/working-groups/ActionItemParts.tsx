import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useMe } from '../../../auth/me';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { ActionItemFieldsFragment, ActionItemStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDay } from '../../../lib/format';
import { fromParisWallClock, parisParts } from '../../../lib/paris';
import { ACTION_ITEM_CONTEXT, SetActionItemStatusDocument } from './queries-action-items';

export type ActionItemRow = ActionItemFieldsFragment;

/** The statuses in the order the pages offer them. */
export const ACTION_ITEM_STATUSES: ActionItemStatus[] = ['OPEN', 'DONE', 'DROPPED'];

/** The first instant of the calendar quarter that holds `now`, as Paris clocks count it (1 January, 1 April, 1 July, 1 October at 00:00). */
export function quarterStart(now: Date = new Date()): Date {
  const { year, month } = parisParts(now);
  return fromParisWallClock(year, Math.floor((month - 1) / 3) * 3 + 1, 1, 0, 0);
}

/** Which quarter that is (1 to 4) and of which year, in Paris. */
export function quarterOf(now: Date = new Date()): { quarter: number; year: number } {
  const { year, month } = parisParts(now);
  return { quarter: Math.floor((month - 1) / 3) + 1, year };
}

const statusColor: Record<ActionItemStatus, string> = { OPEN: 'blue', DONE: 'teal', DROPPED: 'gray' };

/** An item's status; "En retard" stands out instead of "À faire" when it is open past its due date. */
export function ActionItemStatusBadge({ item }: { item: Pick<ActionItemRow, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (item.overdue)
    return (
      <Badge color="red.8" variant="filled" tt="none" miw="max-content">
        {t('actionItems.overdue')}
      </Badge>
    );
  return (
    <Badge color={statusColor[item.status]} variant="light" tt="none" miw="max-content">
      {t(`actionItems.status.${item.status}`)}
    </Badge>
  );
}

/**
 * "Échéance : 12 mai 2026" (the date alone under a column that says it), in
 * red words when it is past and the item still open (not by colour alone:
 * the badge says it too).
 */
export function DueDate({ item, bare = false }: { item: Pick<ActionItemRow, 'dueOn' | 'overdue'>; bare?: boolean }) {
  const { t } = useTranslation();
  const date = formatDay(item.dueOn);
  return (
    <Text span size="sm" c={item.overdue ? 'red.9' : undefined} fw={item.overdue ? 600 : undefined}>
      {bare ? date : t('actionItems.due', { date })}
    </Text>
  );
}

/** Who may change an item on this screen: the group's managers (not in a closed group: the API refuses), and the person who carries it. */
export interface ItemRights {
  /** The team, or a referent of the item's group, the group not closed. */
  manage: boolean;
}

/** What the signed-in person may do to one item, as the API will accept it. */
export function useItemActions(item: ActionItemRow, rights: ItemRights): ActionItemStatus[] {
  const me = useMe();
  if (rights.manage) {
    return item.status === 'OPEN' ? ['DONE', 'DROPPED'] : ['OPEN'];
  }
  if (!item.mine) return [];
  // The person marks their own item done, and takes back their own "done" (not another's decision).
  if (item.status === 'OPEN') return ['DONE'];
  if (item.status === 'DONE' && item.statusBy === me.me.user.id) return ['OPEN'];
  return [];
}

/**
 * The buttons that change an item's status, and the confirmation before
 * "done" and "dropped" (reopening asks nothing: nothing is lost by it).
 */
export function ActionItemButtons({ item, rights }: { item: ActionItemRow; rights: ItemRights }) {
  const { t } = useTranslation();
  const actions = useItemActions(item, rights);
  const [asking, setAsking] = useState<ActionItemStatus | null>(null);
  const [{ fetching }, setStatus] = useMutation(SetActionItemStatusDocument);
  const change = async (status: ActionItemStatus) => {
    const result = await setStatus({ id: item.id, status }, ACTION_ITEM_CONTEXT);
    setAsking(null);
    notifications.show(
      result.data
        ? { color: 'teal', message: t(`actionItems.changed.${status}`, { title: item.title }) }
        : { color: 'red', message: toAppError(result.error)?.message },
    );
  };
  if (actions.length === 0) return null;
  const button: Record<ActionItemStatus, ReactNode> = {
    DONE: (
      <Button
        key="DONE"
        size="compact-sm"
        variant="default"
        c="teal.9"
        leftSection={<IconCheck size={14} />}
        aria-label={t('actionItems.markDoneOf', { title: item.title })}
        onClick={() => setAsking('DONE')}
      >
        {t('actionItems.markDone')}
      </Button>
    ),
    DROPPED: (
      <Button
        key="DROPPED"
        size="compact-sm"
        variant="subtle"
        c="red.9"
        color="red"
        leftSection={<IconX size={14} />}
        aria-label={t('actionItems.dropOf', { title: item.title })}
        onClick={() => setAsking('DROPPED')}
      >
        {t('actionItems.drop')}
      </Button>
    ),
    OPEN: (
      <Button
        key="OPEN"
        size="compact-sm"
        variant="default"
        leftSection={<IconArrowBackUp size={14} />}
        aria-label={t('actionItems.reopenOf', { title: item.title })}
        loading={fetching && asking === null}
        onClick={() => void change('OPEN')}
      >
        {t('actionItems.reopen')}
      </Button>
    ),
  };
  return (
    <>
      <Group gap={6} wrap="wrap">
        {actions.map((a) => button[a])}
      </Group>
      <ConfirmModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'DROPPED' ? t('actionItems.dropTitle') : t('actionItems.doneTitle')}
        action={{
          label: asking === 'DROPPED' ? t('actionItems.dropConfirm') : t('actionItems.doneConfirm'),
          color: asking === 'DROPPED' ? 'red.8' : 'teal.9',
          loading: fetching,
          onClick: () => asking && void change(asking),
        }}
      >
        <Text size="sm">
          {asking === 'DROPPED'
            ? t('actionItems.dropExplain', { title: item.title, name: item.assigneeName })
            : item.mine
              ? t('actionItems.doneExplainMine', { title: item.title })
              : t('actionItems.doneExplain', { title: item.title, name: item.assigneeName })}
        </Text>
      </ConfirmModal>
    </>
  );
}
