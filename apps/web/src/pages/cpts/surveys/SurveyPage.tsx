import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconFileSpreadsheet, IconLock, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import { downloadFile } from '../../../lib/download';
import { toAppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { SurveyStatusBadge } from './labels';
import { CloseSurveyDocument, RemindSurveyDocument, SURVEY_CONTEXT, SurveyDocument } from './queries';
import { SendSurveyModal } from './SendSurveyModal';
import { SurveyBuilder } from './SurveyBuilder';
import { SurveyResultsView } from './SurveyResultsView';
import { useSurveysCrumbs } from './SurveysPage';
import '../../../i18n/surveys';

/**
 * One survey. A draft: its builder (the team), then « Envoyer… ». Sent or
 * closed: its results for the team and the board; the team reminds the
 * non-answerers, closes it, exports the results. At /enquetes/:id.
 */
export function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const crumbs = useSurveysCrumbs();
  const [{ data, error }, refetch] = useQuery({ query: SurveyDocument, variables: { id }, context: SURVEY_CONTEXT });
  const [sending, setSending] = useState(false);
  const [closing, setClosing] = useState(false);
  const [{ fetching: reminding }, remind] = useMutation(RemindSurveyDocument);
  const [{ fetching: closingNow }, close] = useMutation(CloseSurveyDocument);
  if (error && !data)
    return (
      <PageErrorState
        title={t('surveys.notFound')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={4} />;
  const s = data.survey;
  const team = me.isCptsStaff;
  const fail = (err: Parameters<typeof toAppError>[0]) => notifications.show({ color: 'red', message: toAppError(err)?.message ?? '' });
  const actions =
    team && s.status === 'DRAFT' ? (
      <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setSending(true)}>
        {t('surveys.send.open')}
      </Button>
    ) : team ? (
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          onClick={async () => {
            const failure = await downloadFile(`/api/surveys/${s.id}/results.xlsx`, 'enquete-resultats.xlsx');
            if (failure) notifications.show({ color: 'red', message: failure.message });
          }}
        >
          {t('surveys.actions.export')}
        </Button>
        {s.status === 'SENT' && (
          <>
            <Button
              variant="default"
              loading={reminding}
              leftSection={<IconBellRinging size={18} aria-hidden />}
              onClick={async () => {
                const res = await remind({ id: s.id }, SURVEY_CONTEXT);
                if (res.error) return fail(res.error);
                notifications.show({ color: 'teal', message: t('surveys.actions.reminded', { count: res.data?.remindSurvey ?? 0 }) });
                refetch({ requestPolicy: 'network-only' });
              }}
            >
              {t('surveys.actions.remind')}
            </Button>
            <Button color="red" variant="light" leftSection={<IconLock size={18} aria-hidden />} onClick={() => setClosing(true)}>
              {t('surveys.actions.close')}
            </Button>
          </>
        )}
      </Group>
    ) : undefined;
  return (
    <>
      <PageHeader
        title={s.title}
        crumbs={crumbs}
        actions={actions}
        subtitle={
          <Group gap={6} component="span">
            <SurveyStatusBadge status={s.status} />
            <Badge variant="outline" color="gray">
              {s.anonymous ? t('surveys.anonymous') : t('surveys.nominative')}
            </Badge>
            {s.closesAt && (
              <Text span size="sm">
                {t('surveys.closesLine', { date: formatDate(s.closesAt) })}
              </Text>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {s.status === 'DRAFT' ? (
          team ? (
            <SurveyBuilder survey={s} />
          ) : (
            <Text>{t('surveys.status.DRAFT')}</Text>
          )
        ) : (
          <SurveyResultsView survey={s} />
        )}
      </Stack>
      {sending && <SendSurveyModal survey={s} onClose={() => setSending(false)} />}
      {closing && (
        <ConfirmModal
          title={t('surveys.actions.close')}
          onClose={() => setClosing(false)}
          action={{
            label: t('surveys.actions.close'),
            color: 'red',
            loading: closingNow,
            onClick: async () => {
              const res = await close({ id: s.id }, SURVEY_CONTEXT);
              setClosing(false);
              if (res.error) return fail(res.error);
              notifications.show({ color: 'teal', message: t('surveys.actions.closed') });
            },
          }}
        >
          <Text>{t('surveys.actions.closeConfirm')}</Text>
        </ConfirmModal>
      )}
    </>
  );
}
