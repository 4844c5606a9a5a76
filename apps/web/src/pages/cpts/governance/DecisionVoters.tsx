import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardSection } from '../../../components/CardSection';
import { TableHead } from '../../../components/TableHead';
import type { DecisionQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';
import { ChoiceBadge } from './DecisionLabels';

type Voter = DecisionQuery['decision']['voters'][number];

/**
 * Who is consulted and where each stands: voted (and what, where the caller
 * may see it: the team always, a voter their own, everyone once closed),
 * from the email's link or signed in, how many times they changed it, a
 * conflict of interest, a proxy given or held.
 */
export function DecisionVoters({ voters }: { voters: Voter[] }) {
  const { t } = useTranslation();
  const withColleges = voters.some((v) => v.college);
  const labels = [
    t('governance.decisions.voters.name'),
    ...(withColleges ? [t('governance.decisions.voters.college')] : []),
    t('governance.decisions.voters.vote'),
    t('governance.decisions.voters.channel'),
    t('governance.decisions.voters.changes'),
    t('governance.decisions.voters.conflict'),
    t('governance.decisions.voters.proxy'),
  ];
  return (
    <CardSection id="decision-voters" title={t('governance.decisions.voters.title', { count: voters.length })} gap="sm">
      {voters.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('governance.decisions.voters.hidden')}
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={720}
          scrollAreaProps={{
            viewportProps: { tabIndex: 0, 'aria-label': t('governance.decisions.voters.title', { count: voters.length }) },
          }}
        >
          <Table verticalSpacing="xs" striped>
            <TableHead labels={labels} />
            <Table.Tbody>
              {voters.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td fw={600}>{v.name}</Table.Td>
                  {withColleges && <Table.Td>{v.college ?? '—'}</Table.Td>}
                  <Table.Td>
                    {v.conflict ? (
                      <Text size="sm">{t('governance.decisions.voters.outOfCount')}</Text>
                    ) : v.voted ? (
                      <>
                        {v.choice ? <ChoiceBadge choice={v.choice} /> : <Text size="sm">{t('governance.decisions.voters.voted')}</Text>}
                        {v.votedAt && (
                          <Text size="xs" c="gray.8">
                            {formatDateTime(v.votedAt)}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Text size="sm" c="gray.8">
                        {v.proxyToName
                          ? t('governance.decisions.voters.byProxyOf', { name: v.proxyToName })
                          : t('governance.decisions.voters.notYet')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{v.channel ? t(`governance.decisions.channel.${v.channel.toLowerCase()}`) : '—'}</Table.Td>
                  <Table.Td>{v.changes}</Table.Td>
                  <Table.Td>
                    {v.conflict ? (
                      <Text size="sm">
                        {t('governance.decisions.voters.conflictYes')}
                        {v.conflictNote ? ` : ${v.conflictNote}` : ''}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {v.proxyToName
                      ? t('governance.decisions.voters.proxyTo', { name: v.proxyToName })
                      : v.holdsProxiesOf.length > 0
                        ? t('governance.decisions.voters.holds', { names: v.holdsProxiesOf.join(', ') })
                        : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </CardSection>
  );
}
