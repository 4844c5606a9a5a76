import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import { graphql } from '../../../gql';
import { toAppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';

const PersonDataDocument = graphql(`
  query PersonData($id: ID!) {
    personData(id: $id)
  }
`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Column names of the export, as a person reads them (the JSON keeps the machine names). */
const FIELD_KEYS = ['last_name', 'first_name', 'profession', 'commune', 'rpps', 'structure_name', 'email', 'email_is_work', 'phone', 'practice_mode', 'created_at', 'updated_at', 'archived_at', 'imported_at'];

/**
 * The readable GDPR export: the same data as the JSON file, in French, for
 * the person to read or for the staff to print and hand over.
 */
export function PersonDataPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  // network-only: every view is a fresh export, and logged as one.
  const [{ data, error }, refetch] = useQuery({ query: PersonDataDocument, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const crumbs = [{ label: t('directory.title'), to: '/annuaire' }];
  if (!data && error) {
    return <PageErrorState title={t('gdpr.dataTitle')} crumbs={crumbs} error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return <LoadingState rows={5} />;
  const doc = JSON.parse(data.personData) as { exportedAt: string; cpts: { name: string }; professional: Record<string, Json> } & Record<string, Json>;
  const person = doc.professional;
  const name = `${String(person.first_name)} ${String(person.last_name)}`;
  const consents = doc.consents as { events?: Array<Record<string, Json>> } | undefined;
  const history = (doc.history as Array<Record<string, Json>> | undefined) ?? [];
  const labels = (doc.labels as string[] | undefined) ?? [];
  const others = Object.keys(doc).filter((k) => !['format', 'exportedAt', 'cpts', 'professional', 'consents', 'history', 'labels'].includes(k));
  return (
    <>
      <PageHeader
        title={t('gdpr.dataTitle')}
        subtitle={t('gdpr.dataSubtitle', { name, cpts: doc.cpts.name, date: formatDateTime(doc.exportedAt) })}
        crumbs={[...crumbs, { label: name, to: `/annuaire/${String(person.id)}` }, { label: t('gdpr.dataCrumb') }]}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
            {t('gdpr.print')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Block title={t('gdpr.identity')}>
          <Table fz="sm" withRowBorders>
            <Table.Tbody>
              {FIELD_KEYS.filter((k) => k in person).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th w="40%">{t(`gdpr.field.${k}`)}</Table.Th>
                  <Table.Td>{show(person[k], t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Block>
        <Block title={t('gdpr.consents')}>
          {(consents?.events ?? []).length === 0 ? (
            <Text size="sm">{t('gdpr.nothing')}</Text>
          ) : (
            <Table fz="sm">
              <Table.Tbody>
                {(consents?.events ?? []).map((e) => (
                  <Table.Tr key={String(e.id)}>
                    <Table.Td>{formatDateTime(String(e.at))}</Table.Td>
                    <Table.Td>{t(`consents.purpose.${String(e.purpose).toUpperCase()}`)}</Table.Td>
                    <Table.Td>{t(`consents.action.${String(e.action).toUpperCase()}`)}</Table.Td>
                    <Table.Td>{t(`consents.method.${String(e.method).toUpperCase()}`)}</Table.Td>
                    <Table.Td>{e.wordingVersion ? String(e.wordingVersion) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Block>
        <Block title={t('gdpr.labels')}>
          <Text size="sm">{labels.length ? labels.join(' · ') : t('gdpr.nothing')}</Text>
        </Block>
        <Block title={t('gdpr.history')}>
          <Stack gap={4}>
            {history.map((h) => (
              <Text size="sm" key={String(h.id)}>
                {formatDateTime(String(h.at))} — {String(h.summary || h.kind)}
              </Text>
            ))}
          </Stack>
        </Block>
        {others.map((key) => (
          <Block key={key} title={key}>
            <Text component="pre" size="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(doc[key], null, 2)}
            </Text>
          </Block>
        ))}
      </Stack>
    </>
  );
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
      </Group>
      {children}
    </Paper>
  );
}

function show(value: Json, t: (key: string) => string): string {
  if (value === null || value === '') return t('person.none');
  if (typeof value === 'boolean') return value ? t('gdpr.yes') : t('gdpr.no');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
