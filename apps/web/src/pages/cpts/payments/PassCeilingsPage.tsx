import { Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatEuros } from '../../../lib/format';
import { parisParts } from '../../../lib/paris';
import { eurosToCents } from '../memberships/labels';
import { PassCeilingsDocument, SetPassCeilingDocument } from './queries';
import '../../../i18n/calls';

const PASS_CONTEXT = { additionalTypenames: ['PassCeiling'] };

/**
 * The PASS (plafond annuel de la sécurité sociale) of each year, which caps
 * what every CPTS pays one professional in a year: the platform admin enters
 * each new year's figure (or corrects one). At /plateforme/pass.
 */
export function PassCeilingsPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PassCeilingsDocument, context: PASS_CONTEXT });
  return (
    <>
      <PageHeader title={t('payments.pass.title')} subtitle={t('payments.pass.subtitle')} />
      <Stack gap="md">
        <PassForm />
        {error && !data ? (
          <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !data ? (
          <LoadingState rows={2} />
        ) : data.passCeilings.length === 0 ? (
          <EmptyState title={t('payments.pass.none')} />
        ) : (
          <Card withBorder padding="md" radius="md">
            <Table.ScrollContainer
              minWidth={420}
              scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('payments.pass.title') } }}
            >
              <Table verticalSpacing="xs" striped aria-label={t('payments.pass.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payments.pass.year')}</Table.Th>
                    <Table.Th ta="right">{t('payments.pass.amount')}</Table.Th>
                    <Table.Th>{t('payments.pass.changed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.passCeilings.map((c) => (
                    <Table.Tr key={c.year}>
                      <Table.Td fw={600}>{c.year}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatEuros(c.amountCents)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {c.updatedByName
                            ? t('payments.pass.changedBy', { date: formatDateTime(c.updatedAt), name: c.updatedByName })
                            : t('payments.pass.seeded')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Stack>
    </>
  );
}

function PassForm() {
  const { t } = useTranslation();
  const [{ fetching }, save] = useMutation(SetPassCeilingDocument);
  const [year, setYear] = useState(String(parisParts(new Date()).year + 1));
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const amountCents = eurosToCents(amount);
    if (amountCents === null || !/^\d{4}$/.test(year)) {
      const fields: Record<string, string> = {};
      if (amountCents === null) fields.amountCents = t('payments.pass.amountInvalid');
      if (!/^\d{4}$/.test(year)) fields.year = t('payments.pass.yearInvalid');
      return setError({ code: 'BAD_USER_INPUT', message: Object.values(fields)[0], fields });
    }
    const result = await save({ year: Number(year), amountCents }, PASS_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('payments.pass.saved', { year }) });
    setAmount('');
  };

  return (
    <CardSection id="pass-form" title={t('payments.pass.formTitle')} gap="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="start" wrap="wrap" preventGrowOverflow={false}>
            <TextInput
              label={t('payments.pass.year')}
              inputMode="numeric"
              required
              maxLength={4}
              value={year}
              onChange={(e) => setYear(e.currentTarget.value)}
              error={error?.fields.year}
              miw={120}
            />
            <TextInput
              label={t('payments.pass.amount')}
              inputMode="decimal"
              required
              rightSection="€"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={error?.fields.amountCents}
              miw={180}
            />
          </Group>
          <FormAlert error={formLevelError(error, (f) => ['year', 'amountCents'].includes(f))} />
          <Group>
            <Button type="submit" loading={fetching}>
              {t('payments.pass.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CardSection>
  );
}
