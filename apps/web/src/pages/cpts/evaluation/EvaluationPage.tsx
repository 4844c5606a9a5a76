import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconReportAnalytics } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { PageHeader, type Crumb } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { FicheStatus } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { toAppError, type AppError } from '../../../lib/errors';
import { CreateFicheDocument, EVALUATION_CONTEXT, EvaluationFileDocument } from './queries';
import '../../../i18n/evaluation';

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

export function useEvaluationCrumbs(year?: number): Crumb[] {
  const { t } = useTranslation();
  return [{ label: t('evaluation.title'), to: year ? `/dialogue-de-gestion?annee=${year}` : '/dialogue-de-gestion' }];
}

export const STATUS_COLORS: Record<FicheStatus, string> = { PLANNED: 'gray', IN_PROGRESS: 'blue', DONE: 'teal', ABANDONED: 'orange' };

/**
 * The dialogue de gestion of a year: its fiches action (each with its
 * indicators met and its evidence), the year's file to download (PDF, XLSX),
 * and, for the team, a new fiche. The board reads. At /dialogue-de-gestion.
 */
export function EvaluationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('annee')) || thisYear();
  const [{ data, error }, refetch] = useQuery({ query: EvaluationFileDocument, variables: { year }, context: EVALUATION_CONTEXT });
  const file = data?.evaluationFile;
  const download = async (url: string, ext: string) => {
    const failure = await downloadFile(url, `dialogue-de-gestion-${year}.${ext}`);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  const years = [thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2].map(String);
  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        subtitle={me.isCptsStaff ? t('evaluation.subtitle') : t('evaluation.boardSubtitle')}
        actions={
          file && (
            <Group gap="xs">
              <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => void download(file.pdfUrl, 'pdf')}>
                {t('evaluation.downloadPdf')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
                onClick={() => void download(file.xlsxUrl, 'xlsx')}
              >
                {t('evaluation.downloadXlsx')}
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('evaluation.year')}
            data={years}
            value={String(year)}
            onChange={(e) => setParams({ annee: e.currentTarget.value })}
            w={120}
          />
          {file && (
            <Text size="sm" c="gray.8" pb={6}>
              {t('evaluation.figures', {
                fiches: file.fiches,
                met: file.indicatorsMet,
                quantitative: file.quantitativeIndicators,
                evidence: file.evidence,
              })}
            </Text>
          )}
        </Group>
        {me.isCptsStaff && <NewFiche year={year} />}
        {error && !data ? (
          <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : !file ? (
          <LoadingState rows={3} />
        ) : file.perFiche.length === 0 ? (
          <EmptyState
            icon={<IconReportAnalytics size={32} />}
            title={t('evaluation.empty')}
            description={me.isCptsStaff ? t('evaluation.emptyHelp') : t('evaluation.emptyBoard')}
          />
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('evaluation.fichesList')}>
            {file.perFiche.map((f) => (
              <Paper key={f.id} withBorder p="md" radius="md" component="li" aria-labelledby={`fiche-${f.id}`}>
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                    <Anchor
                      component={Link}
                      to={`/dialogue-de-gestion/fiches/${f.id}`}
                      fw={600}
                      id={`fiche-${f.id}`}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {f.title}
                    </Anchor>
                    <Badge color={STATUS_COLORS[f.status]} variant="light">
                      {t(`evaluation.status.${f.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="gray.8">
                    {[
                      f.mission ? t(`workingGroups.missions.${f.mission}`) : t('evaluation.noMission'),
                      t('evaluation.ficheLine', { indicators: f.indicators, met: f.indicatorsMet, evidence: f.evidence }),
                    ].join(' · ')}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

/** A new fiche: its title is enough to start; the rest is written on its page. */
function NewFiche({ year }: { year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, create] = useMutation(CreateFicheDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await create({ input: { year, title } }, EVALUATION_CONTEXT);
    if (result.error || !result.data) return setError(toAppError(result.error));
    void navigate(`/dialogue-de-gestion/fiches/${result.data.createFiche.id}`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="xs">
        <FormAlert error={error && !error.fields.title ? error : null} />
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t('evaluation.newTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
            required
            error={error?.fields.title}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit" loading={fetching} leftSection={<IconPlus size={18} aria-hidden />}>
            {t('evaluation.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
