import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Radio, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconGitMerge, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import type { DuplicateCandidatesQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDate, formatPhone } from '../../../lib/format';

export const DuplicateCandidatesDocument = graphql(`
  query DuplicateCandidates {
    duplicateCandidates {
      reason
      first {
        ...DuplicateFields
      }
      second {
        ...DuplicateFields
      }
    }
  }

  fragment DuplicateFields on Professional {
    ...ProfessionalSummary
    rpps
    createdAt
  }
`);

const MergeProfessionalsDocument = graphql(`
  mutation MergeProfessionals($keptId: ID!, $mergedId: ID!) {
    mergeProfessionals(keptId: $keptId, mergedId: $mergedId) {
      id
      mergedInto
    }
  }
`);

const DismissDuplicateDocument = graphql(`
  mutation DismissDuplicate($firstId: ID!, $secondId: ID!) {
    dismissDuplicate(firstId: $firstId, secondId: $secondId)
  }
`);

type Pair = DuplicateCandidatesQuery['duplicateCandidates'][number];
type Person = Pair['first'];

/** The fields compared side by side, and how each is shown. */
const FIELDS: Array<{ key: string; value: (p: Person) => string | null }> = [
  { key: 'name', value: (p) => `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstName}` },
  { key: 'profession', value: (p) => p.profession.label },
  { key: 'commune', value: (p) => p.commune.name },
  { key: 'rpps', value: (p) => p.rpps },
  { key: 'structure', value: (p) => p.structureName },
  { key: 'email', value: (p) => p.email },
  { key: 'phone', value: (p) => (p.phone ? formatPhone(p.phone) : null) },
  { key: 'createdAt', value: (p) => formatDate(p.createdAt) },
];

/** Fields a merge fills on the kept record when it has none (as the server does). */
const FILLABLE: Array<{ key: string; value: (p: Person) => string | null }> = FIELDS.filter((f) => ['rpps', 'structure', 'email', 'phone'].includes(f.key));

/** Pairs of records that may be one person, side by side: merge them, or say they are two people. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: DuplicateCandidatesDocument, requestPolicy: 'cache-and-network' });
  const [merging, setMerging] = useState<Pair | null>(null);
  const [, dismiss] = useMutation(DismissDuplicateDocument);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const crumbs = [{ label: t('directory.title'), to: '/annuaire' }];

  const notSame = async (pair: Pair) => {
    setDismissing(pair.first.id + pair.second.id);
    const res = await dismiss({ firstId: pair.first.id, secondId: pair.second.id });
    setDismissing(null);
    if (res.error) notifications.show({ color: 'red', message: toAppError(res.error)?.message });
    else {
      notifications.show({ color: 'green', message: t('duplicates.dismissed') });
      refetch({ requestPolicy: 'network-only' });
    }
  };

  let body;
  if (error && !data) body = <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  else if (!data) body = <LoadingState rows={4} label={t('duplicates.loading')} />;
  else if (data.duplicateCandidates.length === 0) body = <EmptyState icon={<IconUsers size={32} />} title={t('duplicates.empty')} description={t('duplicates.emptyHelp')} />;
  else {
    body = (
      <Stack gap="md">
        <Text size="sm" c="gray.8" role="status">
          {t('duplicates.count', { count: data.duplicateCandidates.length })}
          {fetching ? ` · ${t('common.updating')}` : ''}
        </Text>
        {data.duplicateCandidates.map((pair) => (
          <PairCard key={`${pair.first.id} ${pair.second.id}`} pair={pair} onMerge={() => setMerging(pair)} onDismiss={() => notSame(pair)} dismissing={dismissing === pair.first.id + pair.second.id} />
        ))}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} crumbs={[...crumbs, { label: t('duplicates.title') }]} />
      {body}
      {merging && <MergeModal pair={merging} onClose={() => setMerging(null)} />}
    </>
  );
}

function PairCard({ pair, onMerge, onDismiss, dismissing }: { pair: Pair; onMerge: () => void; onDismiss: () => void; dismissing: boolean }) {
  const { t } = useTranslation();
  const name = (p: Person) => `${p.firstName} ${p.lastName}`;
  return (
    <Card withBorder radius="md" padding="md" data-testid="duplicate-pair">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Text fw={600}>
          {name(pair.first)} / {name(pair.second)}
        </Text>
        <Badge color={pair.reason === 'CLOSE_NAME' ? 'yellow' : 'orange'}>{t(`duplicates.reason.${pair.reason}`)}</Badge>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={4} withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%" />
              {[pair.first, pair.second].map((p) => (
                <Table.Th key={p.id}>
                  <Anchor component={Link} to={`/annuaire/${p.id}`}>
                    {t('duplicates.openRecord', { name: name(p) })}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FIELDS.map((field) => {
              const a = field.value(pair.first);
              const b = field.value(pair.second);
              // Differing values stand out; a field blank on one side only is what a merge fills.
              const differs = (a ?? '') !== (b ?? '') && field.key !== 'createdAt';
              return (
                <Table.Tr key={field.key} bg={differs ? 'var(--mantine-color-yellow-light)' : undefined} data-differs={differs || undefined}>
                  <Table.Th scope="row">
                    {t(`duplicates.field.${field.key}`)}
                    {differs && <VisuallyHidden> ({t('duplicates.differs')})</VisuallyHidden>}
                  </Table.Th>
                  <Table.Td>{a ?? <Text span size="sm" c="dimmed">{t('person.none')}</Text>}</Table.Td>
                  <Table.Td>{b ?? <Text span size="sm" c="dimmed">{t('person.none')}</Text>}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" mt="sm" gap="sm">
        <Button variant="default" onClick={onDismiss} loading={dismissing}>
          {t('duplicates.notSame')}
        </Button>
        <Button leftSection={<IconGitMerge size={18} />} onClick={onMerge}>
          {t('duplicates.merge')}
        </Button>
      </Group>
    </Card>
  );
}

/** Which record to keep, what the merge will do, then the merge; lands on the kept person's page. */
function MergeModal({ pair, onClose }: { pair: Pair; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [keptId, setKeptId] = useState(pair.first.id);
  const [{ fetching, error }, merge] = useMutation(MergeProfessionalsDocument);
  const kept = keptId === pair.first.id ? pair.first : pair.second;
  const merged = keptId === pair.first.id ? pair.second : pair.first;
  const name = (p: Person) => `${p.firstName} ${p.lastName}`;
  const filled = FILLABLE.filter((f) => !f.value(kept) && f.value(merged)).map((f) => t(`duplicates.field.${f.key}`));

  const submit = async () => {
    const res = await merge({ keptId: kept.id, mergedId: merged.id }, { additionalTypenames: ['Professional'] });
    if (res.error) return;
    notifications.show({ color: 'green', message: t('duplicates.merged', { name: name(kept) }) });
    navigate(`/annuaire/${kept.id}`);
  };

  return (
    <Modal opened onClose={onClose} title={t('duplicates.mergeTitle')} centered size="lg">
      <Stack gap="md">
        <FormAlert error={toAppError(error)} />
        <Radio.Group label={t('duplicates.keepLabel')} value={keptId} onChange={setKeptId}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {[pair.first, pair.second].map((p) => (
              <Radio.Card key={p.id} value={p.id} p="sm" radius="md" withBorder>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600}>{name(p)}</Text>
                    <Text size="sm" c="gray.8">
                      {t('duplicates.createdOn', { date: formatDate(p.createdAt) })}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Alert color="blue" icon={<IconCopy size={18} />} title={t('duplicates.whatHappens')}>
          <List size="sm" spacing={4}>
            <List.Item>{t('duplicates.happensKept', { kept: name(kept) })}</List.Item>
            <List.Item>{filled.length > 0 ? t('duplicates.happensFilled', { fields: filled.join(', '), merged: name(merged) }) : t('duplicates.happensNothingFilled')}</List.Item>
            <List.Item>{t('duplicates.happensMoved', { merged: name(merged), kept: name(kept) })}</List.Item>
            <List.Item>{t('duplicates.happensArchived', { merged: name(merged), kept: name(kept) })}</List.Item>
            <List.Item>{t('duplicates.happensRecorded')}</List.Item>
          </List>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconGitMerge size={18} />} loading={fetching} onClick={submit}>
            {t('duplicates.confirmMerge', { kept: name(kept) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
