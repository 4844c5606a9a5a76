import { Badge, Group, List, Select, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import type { InvolvementLevel } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { LEVELS } from '../memberships/labels';
import { PersonSection } from './PersonSection';

// The section reads it, and a change answers with it.
const PersonInvolvementFields = graphql(`
  fragment PersonInvolvementFields on Professional {
    id
    involvementLevel
    involvements {
      source
      level
      setAt
      setByName
    }
  }
`);
void PersonInvolvementFields;

const PersonInvolvementDocument = graphql(`
  query PersonInvolvement($id: ID!) {
    professional(id: $id) {
      ...PersonInvolvementFields
    }
  }
`);

const SetInvolvementLevelDocument = graphql(`
  mutation SetInvolvementLevel($professionalId: ID!, $level: InvolvementLevel!) {
    setInvolvementLevel(professionalId: $professionalId, level: $level) {
      ...PersonInvolvementFields
    }
  }
`);

/**
 * How far the person takes part: the level kept is the highest of its
 * sources (the staff's hand setting, a membership, later working groups and
 * governance), so the page says why, and the staff set only their own source.
 */
export function InvolvementSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PersonInvolvementDocument, variables: { id: professionalId } });
  const [state, setLevel] = useMutation(SetInvolvementLevelDocument);
  const [failure, setFailure] = useState<AppError | null>(null);
  // Five steps side by side do not fit a phone: one under the other there.
  const narrow = useMediaQuery('(max-width: 48em)');
  if (!data && error) {
    return (
      <PersonSection title={t('involvement.title')}>
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </PersonSection>
    );
  }
  if (!data) {
    return (
      <PersonSection title={t('involvement.title')}>
        <LoadingState rows={1} />
      </PersonSection>
    );
  }
  const { involvementLevel, involvements } = data.professional;
  const manual = involvements.find((i) => i.source === 'manual')?.level ?? 'INFORMED';
  const change = async (level: InvolvementLevel) => {
    setFailure(null);
    const res = await setLevel({ professionalId, level });
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('involvement.saved', { level: t(`involvement.levels.${res.data?.setInvolvementLevel.involvementLevel ?? level}`) }) });
  };
  const sourceLabel = (source: string) => {
    const [kind] = source.split(':');
    return ['manual', 'membership'].includes(kind) ? t(`involvement.sources.${kind}`) : t('involvement.sources.other', { source });
  };
  return (
    <PersonSection title={t('involvement.title')} actions={<Badge size="lg">{t(`involvement.levels.${involvementLevel}`)}</Badge>}>
      <Stack gap="md">
        <Stepper active={LEVELS.indexOf(involvementLevel)} orientation={narrow ? 'vertical' : 'horizontal'} size="sm" allowNextStepsSelect={false} aria-label={t('involvement.scale')} iconSize={28}>
          {LEVELS.map((level) => (
            <Stepper.Step key={level} label={t(`involvement.levels.${level}`)} aria-current={level === involvementLevel ? 'step' : undefined} />
          ))}
        </Stepper>
        <div>
          <Text size="sm" fw={600}>
            {t('involvement.why')}
          </Text>
          {involvements.length === 0 ? (
            <Text size="sm">{t('involvement.noSource')}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {involvements.map((i) => (
                <List.Item key={i.source}>
                  {t('involvement.sourceLine', { source: sourceLabel(i.source), level: t(`involvement.levels.${i.level}`) })}
                  <Text span size="xs" c="gray.7">
                    {' · '}
                    {i.setByName ? t('involvement.setBy', { date: formatDateTime(i.setAt), name: i.setByName }) : formatDateTime(i.setAt)}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
          <Text size="xs" c="gray.7" mt={4}>
            {t('involvement.explain')}
          </Text>
        </div>
        <Group align="end" gap="sm" wrap="wrap">
          <Select
            label={t('involvement.manualLabel')}
            description={t('involvement.manualHelp')}
            data={LEVELS.map((level) => ({ value: level, label: t(`involvement.levels.${level}`) }))}
            value={manual}
            onChange={(v) => v && v !== manual && change(v as InvolvementLevel)}
            allowDeselect={false}
            disabled={state.fetching}
            maw={360}
          />
        </Group>
        <FormAlert error={failure} />
      </Stack>
    </PersonSection>
  );
}
