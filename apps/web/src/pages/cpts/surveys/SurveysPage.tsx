import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { DialogButtons } from '../../../components/ConfirmModal';
import { PageHeader, type Crumb } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { SurveysQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { SurveyStatusBadge } from './labels';
import { CreateSurveyDocument, SURVEY_CONTEXT, SurveysDocument } from './queries';
import '../../../i18n/surveys';

type Row = SurveysQuery['surveys'][number];

export function useSurveysCrumbs(): Crumb[] {
  const { t } = useTranslation();
  return [{ label: t('surveys.title'), to: '/enquetes' }];
}

/**
 * The CPTS's surveys, newest first, each with its status and answers. The
 * team creates them (« Nouvelle enquête »: a title, anonymous or not, then
 * the builder); the board reads them and their results. At /enquetes.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: SurveysDocument, context: SURVEY_CONTEXT });
  const [creating, setCreating] = useState(false);
  const add = me.isCptsStaff ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t('surveys.new')}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader title={t('surveys.title')} subtitle={me.isCptsStaff ? t('surveys.subtitle') : t('surveys.boardSubtitle')} actions={add} />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={3} />
      ) : data.surveys.length === 0 ? (
        <EmptyState
          icon={<IconClipboardList size={32} />}
          title={t('surveys.empty')}
          description={me.isCptsStaff ? t('surveys.emptyHelp') : t('surveys.emptyBoard')}
          action={add}
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.surveys.map((s) => (
            <SurveyItem key={s.id} survey={s} />
          ))}
        </Stack>
      )}
      <NewSurveyModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function SurveyItem({ survey: s }: { survey: Row }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={`survey-${s.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/enquetes/${s.id}`} fw={600} id={`survey-${s.id}`} style={{ overflowWrap: 'anywhere' }}>
            {s.title}
          </Anchor>
          <Group gap={6}>
            <Badge variant="outline" color="gray">
              {s.anonymous ? t('surveys.anonymous') : t('surveys.nominative')}
            </Badge>
            <SurveyStatusBadge status={s.status} />
          </Group>
        </Group>
        <Text size="sm" c="gray.8">
          {s.status === 'DRAFT'
            ? t('surveys.draftLine', { date: formatDate(s.createdAt) })
            : [
                t('surveys.answersLine', { answers: s.answerCount, recipients: s.recipientCount }),
                s.closesAt ? t('surveys.closesLine', { date: formatDate(s.closesAt) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A title and anonymous or not: the draft is created, then written in its builder. */
function NewSurveyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, create] = useMutation(CreateSurveyDocument);
  const submit = async () => {
    setError(null);
    const res = await create({ input: { title, anonymous } }, SURVEY_CONTEXT);
    if (res.error || !res.data) return setError(toAppError(res.error));
    navigate(`/enquetes/${res.data.createSurvey.id}`);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('surveys.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <FormAlert error={error} />
          <TextInput
            label={t('surveys.form.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            data-autofocus
          />
          <Switch
            label={t('surveys.form.anonymous')}
            description={t('surveys.form.anonymousHelp')}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          <DialogButtons onCancel={onClose} action={{ label: t('surveys.form.create'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}
