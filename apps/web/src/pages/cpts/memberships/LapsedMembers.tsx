import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconIdBadge2, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import { graphql } from '../../../gql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatEuros } from '../../../lib/format';
import { currentYear } from './labels';
import { StatusBadge } from './StatusBadge';
import { MEMBERSHIP_CONTEXT } from './membership-context';

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

const LapseUnpaidDocument = graphql(`
  mutation LapseUnpaidMemberships($year: Int!) {
    lapseUnpaidMemberships(year: $year)
  }
`);

/** Members of last year who are not active this year, and the bulk "not renewed" for the unpaid. */
export function LapsedList({ year }: { year: number }) {
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
            <TableHead
              labels={[
                t('memberships.person'),
                t('memberships.profession'),
                t('memberships.previousFee', { year: year - 1 }),
                t('memberships.thisYear', { year }),
              ]}
            />
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
                  <Table.Td>{l.current ? <StatusBadge status={l.current.status} /> : t('memberships.noMembership')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('memberships.lapseTitle', { year })}
        action={{ label: t('memberships.lapseConfirm'), color: 'red', loading: lapse.fetching, onClick: confirm }}
      >
        <Text size="sm">{t('memberships.lapseExplain', { count: pending, year })}</Text>
        <FormAlert error={failure} />
      </ConfirmModal>
    </Stack>
  );
}
