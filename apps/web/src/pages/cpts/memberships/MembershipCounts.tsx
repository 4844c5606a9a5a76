import { Stack, Table, Text } from '@mantine/core';
import { IconIdBadge2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import { toAppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { MEMBERSHIP_CONTEXT } from './membership-context';

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

/** The yearly figure: memberships per profession and status, active members first. */
export function CountsTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MembershipCountsDocument, variables: { year }, context: MEMBERSHIP_CONTEXT });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  const { byProfession, totals } = data.membershipCounts;
  if (totals.total === 0)
    return (
      <EmptyState icon={<IconIdBadge2 size={32} />} title={t('memberships.empty', { year })} description={t('memberships.emptyHelp')} />
    );
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
      <Table.ScrollContainer
        minWidth={560}
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('memberships.countsCaption', { year }) } }}
      >
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
