import { Badge, Card, Group, List, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { Figure } from '../../../components/CptsFigures';
import { ErrorState, LoadingState } from '../../../components/states';
import type { SurveyQuery, SurveyResultsQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { ScrollTable } from '../calls/ScrollTable';
import { formatNumber, formatPercent } from '../../../lib/format';
import { SURVEY_CONTEXT, SurveyResultsDocument } from './queries';

type Question = SurveyResultsQuery['surveyResults']['questions'][number];

/** The results: response rate, then per question its bars (scale, choices) and mean, or the texts written; the team also sees who answered. */
export function SurveyResultsView({ survey }: { survey: SurveyQuery['survey'] }) {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({
    query: SurveyResultsDocument,
    variables: { id: survey.id },
    context: SURVEY_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={3} />;
  const r = data.surveyResults;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Figure label={t('surveys.results.rate')} value={formatPercent(r.responseRate)} />
        <Figure label={t('surveys.results.answers')} value={formatNumber(r.answers)} />
        <Figure label={t('surveys.results.recipients')} value={formatNumber(r.recipients)} />
      </SimpleGrid>
      <Title order={2} size="h3">
        {t('surveys.results.title')}
      </Title>
      {r.answers === 0 && <Text c="gray.8">{t('surveys.results.none')}</Text>}
      {r.questions.map((q, i) => (
        <QuestionCard key={q.questionId} question={q} n={i + 1} />
      ))}
      {me.isCptsStaff && survey.recipients.length > 0 && (
        <Card withBorder radius="md" p="md">
          <Title order={2} size="h3" mb="xs">
            {t('surveys.recipientsList.title')}
          </Title>
          {survey.audienceLabel && (
            <Text size="sm" c="gray.8" mb="xs">
              {t('surveys.recipientsList.audience', { label: survey.audienceLabel })}
            </Text>
          )}
          <ScrollTable minWidth={420} label={t('surveys.recipientsList.title')}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.recipientsList.name')}</Table.Th>
                  <Table.Th>{t('surveys.recipientsList.email')}</Table.Th>
                  <Table.Th>{t('surveys.recipientsList.answered')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {survey.recipients.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.email}</Table.Td>
                    <Table.Td>
                      <Badge color={p.answered ? 'teal' : 'gray'} variant="light">
                        {p.answered ? t('surveys.recipientsList.yes') : t('surveys.recipientsList.no')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Card>
      )}
    </Stack>
  );
}

function QuestionCard({ question: q, n }: { question: Question; n: number }) {
  const { t } = useTranslation();
  const total = Math.max(1, q.answered);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={`q-${q.questionId}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Text fw={600} id={`q-${q.questionId}`} style={{ overflowWrap: 'anywhere' }}>
            {n}. {q.label}
          </Text>
          <Text size="sm" c="gray.8">
            {t('surveys.results.answered', { count: q.answered })}
          </Text>
        </Group>
        {q.mean !== null && q.mean !== undefined && (
          <Text fw={600}>{t('surveys.results.mean', { mean: q.mean.toLocaleString('fr-FR') })}</Text>
        )}
        {q.counts.map((c) => {
          const percent = formatPercent(c.count / total);
          const label = t('surveys.results.bar', { label: c.label, count: c.count, percent });
          return (
            <div key={c.label}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {c.label}
                </Text>
                <Text size="sm" c="gray.8">
                  {c.count} ({percent})
                </Text>
              </Group>
              <Progress value={(c.count / total) * 100} aria-label={label} size="lg" />
            </div>
          );
        })}
        {q.type === 'TEXT' &&
          (q.texts.length === 0 ? (
            <Text size="sm" c="gray.8">
              {t('surveys.results.noText')}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {q.texts.map((text, i) => (
                <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                  « {text} »
                </List.Item>
              ))}
            </List>
          ))}
      </Stack>
    </Card>
  );
}
