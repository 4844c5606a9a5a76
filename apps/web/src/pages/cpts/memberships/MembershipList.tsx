import { Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconIdBadge2, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import type { MembershipStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDay, formatEuros, formatNumber } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { useCursorPages } from '../../../lib/useCursorPages';
import { STATUSES } from './labels';
import { StatusBadge } from './StatusBadge';
import { MEMBERSHIP_CONTEXT } from './membership-context';

const MembershipsDocument = graphql(`
  query Memberships($year: Int!, $status: MembershipStatus, $search: String, $first: Int, $after: String) {
    memberships(year: $year, status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...CursorPageInfo
      }
      edges {
        node {
          id
          status
          feeCents
          paidOn
          college
          professional {
            id
            firstName
            lastName
            profession {
              code
              label
            }
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 50;

export function MembershipList({ year }: { year: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MembershipStatus | null>(null);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  return (
    <Stack gap="sm">
      <Card withBorder padding="md" radius="md">
        <Group grow align="end" wrap="wrap" preventGrowOverflow={false}>
          <TextInput
            type="search"
            label={t('memberships.searchLabel')}
            placeholder={t('memberships.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            autoComplete="off"
            miw={220}
          />
          <Select
            label={t('memberships.statusFilter')}
            placeholder={t('memberships.allStatuses')}
            data={STATUSES.map((s) => ({ value: s, label: t(`memberships.status.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as MembershipStatus | null)}
            clearable
            miw={200}
          />
        </Group>
      </Card>
      <MembershipPages key={`${status}|${debounced}`} year={year} status={status} search={debounced || null} />
    </Stack>
  );
}

/** Pages of 50; "Afficher plus" adds the next page under those already shown. */
function MembershipPages({ year, status, search }: { year: number; status: MembershipStatus | null; search: string | null }) {
  const { t } = useTranslation();
  const { edges, totalCount, error, fetching, retry, more } = useCursorPages(
    MembershipsDocument,
    { year, status, search, first: PAGE_SIZE },
    (d) => d.memberships,
    {
      context: MEMBERSHIP_CONTEXT,
    },
  );
  if (error && edges.length === 0) return <ErrorState error={toAppError(error)} onRetry={retry} />;
  if (totalCount === null && edges.length === 0) return <LoadingState rows={4} />;
  const total = totalCount ?? edges.length;
  if (total === 0) {
    return (
      <EmptyState
        icon={<IconIdBadge2 size={32} />}
        title={t('memberships.empty', { year })}
        description={search || status ? t('memberships.noMatchHelp') : t('memberships.emptyHelp')}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8" role="status" aria-live="polite">
        {t('memberships.count', { count: total, formatted: formatNumber(total) })}
        {fetching ? ` · ${t('common.updating')}` : ''}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('memberships.person')}</Table.Th>
              <Table.Th>{t('memberships.profession')}</Table.Th>
              <Table.Th>{t('memberships.statusLabel')}</Table.Th>
              <Table.Th ta="right">{t('memberships.fee')}</Table.Th>
              <Table.Th>{t('memberships.paidOn')}</Table.Th>
              <Table.Th>{t('memberships.college')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map(({ node: m }) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/annuaire/${m.professional.id}`} fw={600}>
                    {m.professional.lastName} {m.professional.firstName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{m.professional.profession.label}</Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} />
                </Table.Td>
                <Table.Td ta="right">{m.feeCents === 0 ? t('memberships.free') : formatEuros(m.feeCents)}</Table.Td>
                <Table.Td>{m.paidOn ? formatDay(m.paidOn) : '—'}</Table.Td>
                <Table.Td>{t(`memberships.colleges.${m.college}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more && (
        <Group justify="center">
          <Button variant="default" loading={fetching} onClick={more}>
            {t('memberships.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
