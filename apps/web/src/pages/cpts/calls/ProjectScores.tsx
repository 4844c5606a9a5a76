import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { FormAlert } from '../../../components/states';
import type { CallProjectQuery, ProjectStatus } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatScore } from './money';
import { CALL_CONTEXT, ScoreProjectDocument } from './queries';
import '../../../i18n/calls';

type Scores = CallProjectQuery['callProject']['scores'];

/** The statuses in which the team scores a project (as the API allows it): from its submission to the bureau's decision. */
const SCORABLE: ProjectStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'READY_FOR_BUREAU'];

const SCORE_OPTIONS = ['0', '1', '2', '3', '4', '5'];

/**
 * The review grid: each line of the call's grid with its weight, the team's
 * average and how many scored it; a member of the team gives their own
 * score 0 to 5 per line (or none) while the project is under review ("Ma
 * note" above the selects names them for sight; each select is named for
 * screen readers). The bureau reads the averages and the weighted score.
 */
export function ProjectScores({
  projectId,
  status,
  scores,
  team,
}: {
  projectId: string;
  status: ProjectStatus;
  scores: Scores;
  team: boolean;
}) {
  const { t } = useTranslation();
  const canScore = team && SCORABLE.includes(status) && scores.lines.length > 0;
  const [mine, setMine] = useState<string[]>(() =>
    scores.lines.map((l) => (l.mine === null || l.mine === undefined ? '' : String(l.mine))),
  );
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, score] = useMutation(ScoreProjectDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await score({ id: projectId, scores: mine.map((s) => (s === '' ? null : Number(s))) }, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.scores.saved') });
  };

  return (
    <CardSection id="project-scores" title={t('calls.scores.title')} gap="sm">
      {scores.lines.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.scores.noRubric')}
        </Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {canScore && (
              <Group justify="space-between" gap="sm" aria-hidden>
                <Text size="xs" fw={700}>
                  {t('calls.scores.line')}
                </Text>
                <Text size="xs" fw={700} w={96}>
                  {t('calls.scores.mine')}
                </Text>
              </Group>
            )}
            <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {scores.lines.map((l, i) => (
                <Group
                  key={`${l.label}-${i}`}
                  component="li"
                  justify="space-between"
                  align="center"
                  wrap="nowrap"
                  gap="sm"
                  py={6}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {l.label}
                    </Text>
                    <Text size="xs" c="gray.8">
                      {[
                        t('calls.scores.weightLine', { weight: l.weight }),
                        l.average !== null && l.average !== undefined
                          ? t('calls.scores.averageOf', { score: formatScore(l.average), count: l.scorers })
                          : t('calls.scores.noAverage'),
                      ].join(' · ')}
                    </Text>
                  </Stack>
                  {canScore && (
                    <NativeSelect
                      aria-label={t('calls.scores.mineFor', { label: l.label })}
                      value={mine[i] ?? ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setMine((m) => m.map((x, j) => (j === i ? value : x)));
                      }}
                      data={[{ value: '', label: t('calls.scores.none') }, ...SCORE_OPTIONS.map((x) => ({ value: x, label: x }))]}
                      w={96}
                      style={{ flexShrink: 0 }}
                    />
                  )}
                </Group>
              ))}
            </Stack>
            <Text fw={700} data-testid="project-weighted-score">
              {scores.weighted !== null && scores.weighted !== undefined
                ? t('calls.scores.weighted', { score: formatScore(scores.weighted) })
                : t('calls.scores.notScored')}
            </Text>
            {canScore && (
              <>
                <FormAlert error={error} />
                <Group>
                  <Button type="submit" variant="light" loading={fetching}>
                    {t('calls.scores.save')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </form>
      )}
    </CardSection>
  );
}
