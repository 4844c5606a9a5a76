import { Anchor, Badge, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import { toAppError } from '../../../lib/errors';
import { PersonSection } from './PersonSection';

const PersonLabelsDocument = graphql(`
  query PersonLabels($id: ID!) {
    professional(id: $id) {
      id
      erasedAt
      labels {
        id
        name
      }
    }
    directoryLabels {
      id
      name
    }
  }
`);

const SetProfessionalLabelsDocument = graphql(`
  mutation SetProfessionalLabels($professionalId: ID!, $labelIds: [ID!]!) {
    setProfessionalLabels(professionalId: $professionalId, labelIds: $labelIds) {
      id
      labels {
        id
        name
      }
    }
  }
`);

/** The CPTS's labels this person carries (shown on the public page if they opted in), editable in place. */
export function LabelsSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PersonLabelsDocument, variables: { id: professionalId }, requestPolicy: 'cache-and-network' });
  const [{ fetching }, save] = useMutation(SetProfessionalLabelsDocument);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const mine = data?.professional.labels;
  useEffect(() => {
    if (mine && !editing) setSelected(mine.map((l) => l.id));
  }, [mine, editing]);

  const submit = async () => {
    const result = await save({ professionalId, labelIds: selected });
    if (result.data) {
      notifications.show({ color: 'teal', message: t('labels.saved') });
      setEditing(false);
    } else notifications.show({ color: 'red', message: toAppError(result.error)?.message });
  };

  const p = data?.professional;
  return (
    <PersonSection
      title={t('labels.title')}
      actions={
        p && !p.erasedAt && !editing ? (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('labels.edit')}
          </Button>
        ) : undefined
      }
    >
      {!data && error && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <LoadingState rows={1} />}
      {p && !editing && (
        <Group gap="xs">
          {p.labels.length === 0 && <Text size="sm">{t('labels.none')}</Text>}
          {p.labels.map((l) => (
            <Badge key={l.id} variant="light" size="lg" tt="none">
              {l.name}
            </Badge>
          ))}
        </Group>
      )}
      {data && editing && (
        <Stack gap="sm">
          <MultiSelect
            label={t('labels.pick')}
            data={data.directoryLabels.map((l) => ({ value: l.id, label: l.name }))}
            value={selected}
            onChange={setSelected}
            searchable
            nothingFoundMessage={t('common.noResult')}
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm">
            {data.directoryLabels.length === 0 && `${t('labels.noneDefined')} `}
            <Anchor component={Link} to="/annuaire/etiquettes">
              {t('labels.manage')}
            </Anchor>
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void submit()} loading={fetching}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </PersonSection>
  );
}
