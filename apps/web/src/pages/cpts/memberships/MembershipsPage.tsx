import { Alert, Anchor, Button, Card, Group, Modal, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconIdBadge2, IconSearch, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import type { MembershipStatus } from '../../../gql/graphql';
import { useFilterParams } from '../../../lib/useFilterParams';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDay, formatEuros, formatNumber } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { useCursorPages } from '../../../lib/useCursorPages';
import { CurrentCptsDocument } from '../queries';
import { currentYear, eurosToCents, STATUSES } from './labels';
import { StatusBadge } from './StatusBadge';

const MembershipYearsDocument = graphql(`
  query MembershipYears {
    membershipYears {
      year
      defaultFeeCents
      openedAt
      membershipCount
    }
  }
`);

const MembershipsDocument = graphql(`
  query Memberships($year: Int!, $status: MembershipStatus, $search: String, $first: Int, $after: String) {
    memberships(year: $year, status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
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

const MembershipCountsDocument = graphql(`
  query MembershipCounts($year: Int!) {
    membershipCounts(year: $year) {
      year
      totals {
        pending
        active
        lapsed
        resigned
        total
      }
      byProfession {
        profession {
          code
          labelPlural
        }
        pending
        active
        lapsed
        resigned
        total
      }
    }
  }
`);

const LapsedMembersDocument = graphql(`
  query LapsedMembers($year: Int!) {
    lapsedMembers(year: $year) {
      professional {
        id
        firstName
        lastName
        profession {
          label
        }
      }
      previous {
        id
        feeCents
        college
      }
      current {
        id
        status
      }
    }
  }
`);

const OpenMembershipYearDocument = graphql(`
  mutation OpenMembershipYear($year: Int!, $defaultFeeCents: Int!) {
    openMembershipYear(year: $year, defaultFeeCents: $defaultFeeCents) {
      created
      year {
        year
        defaultFeeCents
        openedAt
        membershipCount
      }
    }
  }
`);

const LapseUnpaidDocument = graphql(`
  mutation LapseUnpaidMemberships($year: Int!) {
    lapseUnpaidMemberships(year: $year)
  }
`);

// Stable across renders: ties these queries to every change of a membership, even when they showed none.
const MEMBERSHIP_CONTEXT = { additionalTypenames: ['Membership', 'MembershipYear'] };
const PAGE_SIZE = 50;

/**
 * Memberships (adhésions) of the CPTS, year by year: the list, the yearly
 * figure per profession, the members who did not renew, and the renewal
 * actions (open next year, lapse the unpaid).
 */
export function MembershipsPage() {
  const { t } = useTranslation();
  const { params, setParam: set } = useFilterParams();
  const [{ data: cptsData }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data: yearsData, error: yearsError }, refetchYears] = useQuery({ query: MembershipYearsDocument, context: MEMBERSHIP_CONTEXT });
  const now = currentYear();
  const years = yearsData?.membershipYears ?? [];
  const yearChoices = [...new Set([...years.map((y) => y.year), now])].sort((a, b) => b - a);
  const year = Number(params.get('annee')) || now;
  const tab = params.get('vue') ?? 'liste';
  // The next year to open: this one if the staff have not yet, else the next (the server refuses further).
  const opened = new Set(years.filter((y) => y.openedAt).map((y) => y.year));
  const toOpen = [now, now + 1].find((y) => !opened.has(y)) ?? null;
  const [opening, setOpening] = useState(false);

  if (yearsError && !yearsData) return <ErrorState error={toAppError(yearsError)} onRetry={() => refetchYears({ requestPolicy: 'network-only' })} />;
  return (
    <>
      <PageHeader
        title={t('memberships.title')}
        subtitle={cptsData?.currentCpts.name}
        actions={
          toOpen !== null && (
            <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setOpening(true)}>
              {t('memberships.openYear', { year: toOpen })}
            </Button>
          )
        }
      />
      <Group mb="md" align="end" wrap="wrap">
        <Select
          label={t('memberships.year')}
          data={yearChoices.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(v) => set('annee', v)}
          allowDeselect={false}
          w={140}
        />
        {!yearsData && <LoadingState />}
      </Group>
      <Tabs value={tab} onChange={(v) => set('vue', v === 'liste' ? null : v)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="liste">{t('memberships.tabList')}</Tabs.Tab>
          <Tabs.Tab value="professions">{t('memberships.tabCounts')}</Tabs.Tab>
          <Tabs.Tab value="non-renouveles">{t('memberships.tabLapsed')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="liste">
          <MembershipList key={year} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="professions">
          <CountsTable year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="non-renouveles">
          <LapsedList year={year} />
        </Tabs.Panel>
      </Tabs>
      {toOpen !== null && (
        <OpenYearModal
          key={toOpen}
          opened={opening}
          year={toOpen}
          suggestedFeeCents={years.find((y) => y.year === toOpen - 1)?.defaultFeeCents ?? 0}
          onClose={() => setOpening(false)}
          onDone={() => {
            setOpening(false);
            set('annee', String(toOpen));
          }}
        />
      )}
    </>
  );
}

function MembershipList({ year }: { year: number }) {
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
  const { edges, totalCount, error, fetching, retry, more } = useCursorPages(MembershipsDocument, { year, status, search, first: PAGE_SIZE }, (d) => d.memberships, {
    context: MEMBERSHIP_CONTEXT,
  });
  if (error && edges.length === 0) return <ErrorState error={toAppError(error)} onRetry={retry} />;
  if (totalCount === null && edges.length === 0) return <LoadingState rows={4} />;
  const total = totalCount ?? edges.length;
  if (total === 0) {
    return <EmptyState icon={<IconIdBadge2 size={32} />} title={t('memberships.empty', { year })} description={search || status ? t('memberships.noMatchHelp') : t('memberships.emptyHelp')} />;
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

/** The yearly figure: memberships per profession and status, active members first. */
function CountsTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MembershipCountsDocument, variables: { year }, context: MEMBERSHIP_CONTEXT });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  const { byProfession, totals } = data.membershipCounts;
  if (totals.total === 0) return <EmptyState icon={<IconIdBadge2 size={32} />} title={t('memberships.empty', { year })} description={t('memberships.emptyHelp')} />;
  const cells = (c: typeof totals) => (
    <>
      <Table.Td ta="right" fw={700}>
        {formatNumber(c.active)}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(c.pending)}</Table.Td>
      <Table.Td ta="right">{formatNumber(c.lapsed)}</Table.Td>
      <Table.Td ta="right">{formatNumber(c.resigned)}</Table.Td>
      <Table.Td ta="right">{formatNumber(c.total)}</Table.Td>
    </>
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {t('memberships.countsHelp', { year, active: formatNumber(totals.active) })}
      </Text>
      {/* Nothing to focus in the figures: the scrolling region itself takes the keyboard (arrows) on a phone. */}
      <Table.ScrollContainer minWidth={560} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('memberships.countsCaption', { year }) } }}>
        <Table verticalSpacing="sm" striped>
          <Table.Caption>{t('memberships.countsCaption', { year })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('memberships.profession')}</Table.Th>
              {(['ACTIVE', 'PENDING', 'LAPSED', 'RESIGNED'] as const).map((s) => (
                <Table.Th key={s} scope="col" ta="right">
                  {t(`memberships.statusPlural.${s}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('memberships.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byProfession.map((row) => (
              <Table.Tr key={row.profession.code}>
                <Table.Th scope="row" fw={500}>
                  {row.profession.labelPlural}
                </Table.Th>
                {cells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('memberships.total')}</Table.Th>
              {cells(totals)}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Members of last year who are not active this year, and the bulk "not renewed" for the unpaid. */
function LapsedList({ year }: { year: number }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: LapsedMembersDocument, variables: { year }, context: MEMBERSHIP_CONTEXT });
  const [confirming, setConfirming] = useState(false);
  const [lapse, runLapse] = useMutation(LapseUnpaidDocument);
  const [failure, setFailure] = useState<AppError | null>(null);
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  const pending = data.lapsedMembers.filter((l) => l.current?.status === 'PENDING').length;
  const started = year <= currentYear();
  const confirm = async () => {
    const res = await runLapse({ year }, MEMBERSHIP_CONTEXT);
    if (res.error) return setFailure(toAppError(res.error));
    setConfirming(false);
    notifications.show({ color: 'teal', message: t('memberships.lapsedDone', { count: res.data?.lapseUnpaidMemberships ?? 0 }) });
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="gray.8" role="status">
          {t('memberships.lapsedCount', { count: data.lapsedMembers.length, previous: year - 1, year })}
        </Text>
        {pending > 0 && started && (
          <Button color="red" variant="light" leftSection={<IconUserX size={18} />} onClick={() => setConfirming(true)}>
            {t('memberships.lapseUnpaid')}
          </Button>
        )}
      </Group>
      {data.lapsedMembers.length === 0 ? (
        <EmptyState icon={<IconIdBadge2 size={32} />} title={t('memberships.noLapsed', { year })} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('memberships.person')}</Table.Th>
                <Table.Th>{t('memberships.profession')}</Table.Th>
                <Table.Th>{t('memberships.previousFee', { year: year - 1 })}</Table.Th>
                <Table.Th>{t('memberships.thisYear', { year })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.lapsedMembers.map((l) => (
                <Table.Tr key={l.previous.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/annuaire/${l.professional.id}`} fw={600}>
                      {l.professional.lastName} {l.professional.firstName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{l.professional.profession.label}</Table.Td>
                  <Table.Td>{l.previous.feeCents === 0 ? t('memberships.free') : formatEuros(l.previous.feeCents)}</Table.Td>
                  <Table.Td>
                    {l.current ? <StatusBadge status={l.current.status} /> : t('memberships.noMembership')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('memberships.lapseTitle', { year })} centered>
        <Stack gap="md">
          <Text size="sm">{t('memberships.lapseExplain', { count: pending, year })}</Text>
          <FormAlert error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={lapse.fetching} onClick={confirm}>
              {t('memberships.lapseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function OpenYearModal({ opened, year, suggestedFeeCents, onClose, onDone }: { opened: boolean; year: number; suggestedFeeCents: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [fee, setFee] = useState((suggestedFeeCents / 100).toFixed(2).replace('.', ','));
  const [failure, setFailure] = useState<AppError | null>(null);
  const [state, open] = useMutation(OpenMembershipYearDocument);
  const cents = eurosToCents(fee);
  const submit = async () => {
    if (cents === null) return;
    const res = await open({ year, defaultFeeCents: cents }, MEMBERSHIP_CONTEXT);
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('memberships.openedDone', { year, count: res.data?.openMembershipYear.created ?? 0 }) });
    onDone();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('memberships.openYear', { year })} centered>
      <Stack gap="md">
        <Text size="sm">{t('memberships.openExplain', { year, previous: year - 1 })}</Text>
        <Alert color="blue" variant="light">
          <Text size="sm">{t('memberships.openAgain')}</Text>
        </Alert>
        <TextInput
          label={t('memberships.defaultFee')}
          description={t('memberships.feeHelp')}
          value={fee}
          onChange={(e) => setFee(e.currentTarget.value)}
          inputMode="decimal"
          rightSection="€"
          error={cents === null ? t('memberships.feeInvalid') : failure?.fields.defaultFeeCents}
        />
        <FormAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={state.fetching} disabled={cents === null}>
            {t('memberships.openConfirm', { year })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
