import { Alert, Box, Button, Card, Grid, Group, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconChartBar, IconCopy, IconPencil, IconPlayerPause, IconPlayerPlay, IconSend, IconTestPipe, IconTrash, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { CampaignQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { formatParis, fromParisInput, toParisInput } from '../../../lib/paris';
import { CAMPAIGN_CONTEXT } from './CampaignComposerPage';
import { CampaignStatusBadge } from './CampaignsPage';
import {
  AudiencePreviewDocument,
  CampaignDocument,
  CancelCampaignDocument,
  DeleteCampaignDocument,
  DuplicateCampaignDocument,
  NewslettersInMonthDocument,
  PauseCampaignDocument,
  ResumeCampaignDocument,
  ScheduleCampaignDocument,
  SendCampaignDocument,
  SendTestCampaignDocument,
  UnscheduleCampaignDocument,
} from './queries';
import { NEWSLETTERS, NEWSLETTERS_PER_MONTH, nextFriday1830, parisMonthStart } from './schedule';
import { TooManyWarning } from './TooManyWarning';
import { AudienceCount, segmentInput, type Segment } from './SegmentBuilder';

type Campaign = CampaignQuery['campaign'];
/** While it sends, the page reads the progress this often. */
const POLL_MS = 2000;

/** One campaign: what it says (preview at phone and desktop widths), who gets it, and what can be done with it now. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: CampaignDocument, variables: { id }, context: CAMPAIGN_CONTEXT, requestPolicy: 'cache-and-network' });
  const status = data?.campaign.status;
  useEffect(() => {
    if (status !== 'SENDING') return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [status, refetch]);
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={4} />;
  const campaign = data.campaign;
  return (
    <>
      <PageHeader
        title={campaign.subject}
        subtitle={<CampaignStatusBadge status={campaign.status} />}
        crumbs={[{ label: t('campaigns.title'), to: '/campagnes' }, { label: campaign.subject }]}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <Stack gap="md">
            <Actions campaign={campaign} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
            {campaign.progress.total > 0 && <ProgressCard campaign={campaign} />}
            <CardSection id="campaign-summary" title={t('campaigns.page.summary')} gap={6}>
              <Line label={t('campaigns.fields.audienceType')}>{t(`campaigns.audience.${campaign.audienceType}`)}</Line>
              <Line label={t('campaigns.fields.purpose')}>{t(`campaigns.purpose.${campaign.purpose}`)}</Line>
              <Line label={t('campaigns.fields.senderName')}>{campaign.senderName}</Line>
              <Line label={t('campaigns.fields.replyTo')}>{campaign.replyTo ?? '—'}</Line>
              {campaign.scheduledAt && <Line label={t('campaigns.page.scheduledAt')}>{formatParis(campaign.scheduledAt)}</Line>}
              {campaign.sendingStartedAt && <Line label={t('campaigns.page.startedAt')}>{formatParis(campaign.sendingStartedAt)}</Line>}
              {campaign.finishedAt && <Line label={t('campaigns.page.finishedAt')}>{formatParis(campaign.finishedAt)}</Line>}
            </CardSection>
            {(campaign.status === 'DRAFT' || campaign.status === 'SCHEDULED') && (
              <AudienceCount audienceType={campaign.audienceType} purpose={campaign.purpose} segment={segmentInput(campaign.segment) as Segment} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <EmailPreview campaign={campaign} />
        </Grid.Col>
      </Grid>
    </>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label} :
      </Text>{' '}
      {children}
    </Text>
  );
}

/** The email as a recipient sees it, in a frame as wide as a phone or a desktop mail reader. */
function EmailPreview({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [width, setWidth] = useState<'phone' | 'desktop'>('desktop');
  const px = width === 'phone' ? 375 : 700;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="campaign-preview">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="campaign-preview">
            {t('campaigns.preview.title')}
          </Title>
          <SegmentedControl
            aria-label={t('campaigns.preview.width')}
            value={width}
            onChange={(v) => setWidth(v as 'phone' | 'desktop')}
            data={[
              { value: 'phone', label: t('campaigns.preview.phone') },
              { value: 'desktop', label: t('campaigns.preview.desktop') },
            ]}
          />
        </Group>
        {/* Wider than a phone's screen at desktop width: the scrolling box itself takes the keyboard. */}
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('campaigns.preview.frame', { width: px })}>
          <iframe
            title={t('campaigns.preview.frame', { width: px })}
            srcDoc={campaign.previewHtml}
            // Nothing in the email runs: no scripts, no forms, links open nowhere from the preview.
            sandbox=""
            style={{ width: px, maxWidth: 'none', height: 640, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, display: 'block', margin: '0 auto' }}
          />
        </Box>
      </Stack>
    </Card>
  );
}

/** Sent / failed / remaining, read again every 2 s while it sends. */
function ProgressCard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { total, sent, failed, pending, cancelled, skipped } = campaign.progress;
  const pct = (n: number) => (total ? (n / total) * 100 : 0);
  return (
    <CardSection id="campaign-progress" title={t('campaigns.progress.title')} gap="xs">
      <Progress.Root size="lg" aria-hidden>
        <Progress.Section value={pct(sent)} color="teal" />
        <Progress.Section value={pct(failed)} color="red" />
        <Progress.Section value={pct(cancelled + skipped)} color="gray" />
      </Progress.Root>
      <SimpleGrid cols={3} spacing="xs" role="status" aria-live="polite">
        <Figure label={t('campaigns.progress.sent')} value={sent} />
        <Figure label={t('campaigns.progress.failed')} value={failed} />
        <Figure label={t('campaigns.progress.remaining')} value={pending} />
      </SimpleGrid>
      <Text size="sm" c="gray.8">
        {t('campaigns.progress.summary', { sent: formatNumber(sent), total: formatNumber(total) })}
        {cancelled > 0 ? ` ${t('campaigns.progress.cancelled', { count: cancelled })}` : ''}
        {skipped > 0 ? ` ${t('campaigns.progress.skipped', { count: skipped })}` : ''}
      </Text>
    </CardSection>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700}>
        {formatNumber(value)}
      </Text>
      <Text size="sm" c="gray.8">
        {label}
      </Text>
    </Stack>
  );
}

type Confirm = 'send' | 'schedule' | 'cancel' | 'delete' | null;

/** What can be done with the campaign in its current status. */
function Actions({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  // This month's other newsletters: sending now would add one to them.
  const [{ data: month }] = useQuery({ query: NewslettersInMonthDocument, variables: { except: campaign.id }, context: CAMPAIGN_CONTEXT, requestPolicy: 'cache-and-network' });
  const [test, sendTest] = useMutation(SendTestCampaignDocument);
  const [sending, send] = useMutation(SendCampaignDocument);
  const [, unschedule] = useMutation(UnscheduleCampaignDocument);
  const [pausing, pause] = useMutation(PauseCampaignDocument);
  const [resuming, resume] = useMutation(ResumeCampaignDocument);
  const [cancelling, cancel] = useMutation(CancelCampaignDocument);
  const [deleting, remove] = useMutation(DeleteCampaignDocument);
  const [duplicating, duplicate] = useMutation(DuplicateCampaignDocument);
  const id = campaign.id;
  const editable = campaign.status === 'DRAFT' || campaign.status === 'SCHEDULED';
  const tooMany = NEWSLETTERS.includes(campaign.purpose) && (month?.newslettersInMonth ?? 0) >= NEWSLETTERS_PER_MONTH;

  /** Runs a mutation; the error shows above the buttons (or in the open dialog), success says so. */
  const act = async (run: () => Promise<{ error?: Parameters<typeof toAppError>[0] }>, done?: string) => {
    setFailure(null);
    const res = await run();
    if (res.error) {
      setFailure(toAppError(res.error));
      return false;
    }
    if (done) notifications.show({ color: 'teal', message: done });
    onChanged();
    return true;
  };
  const close = () => {
    setConfirm(null);
    setFailure(null);
  };
  /** A dialog's action: the mutation, then the dialog closes if it went. */
  const actThenClose = (run: Parameters<typeof act>[0], done: string) => async () => (await act(run, done)) && close();
  const removeCampaign = async () => {
    const res = await remove({ id }, CAMPAIGN_CONTEXT);
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('campaigns.delete.done') });
    navigate('/campagnes');
  };

  return (
    <>
      <CardSection id="campaign-actions" title={t('campaigns.page.actions')} gap="sm">
        {campaign.status === 'SCHEDULED' && campaign.scheduledAt && (
          <Alert color="blue" variant="light" icon={<IconCalendarEvent size={18} />}>
            <Text size="sm">{t('campaigns.scheduledFor', { when: formatParis(campaign.scheduledAt) })}</Text>
          </Alert>
        )}
        {!confirm && <FormAlert error={failure} />}
        <Group gap="xs" wrap="wrap">
          {editable && (
            <>
              <Button leftSection={<IconSend size={18} />} onClick={() => setConfirm('send')}>
                {t('campaigns.actions.sendNow')}
              </Button>
              <Button variant="light" leftSection={<IconCalendarEvent size={18} />} onClick={() => setConfirm('schedule')}>
                {campaign.status === 'SCHEDULED' ? t('campaigns.actions.reschedule') : t('campaigns.actions.schedule')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconTestPipe size={18} />}
                loading={test.fetching}
                onClick={() => act(() => sendTest({ id }, CAMPAIGN_CONTEXT).then((r) => {
                  if (r.data) notifications.show({ color: 'teal', message: t('campaigns.actions.testSent', { email: r.data.sendTestCampaign }) });
                  return r;
                }))}
              >
                {t('campaigns.actions.test')}
              </Button>
              <Button variant="default" component={Link} to={`/campagnes/${id}/modifier`} leftSection={<IconPencil size={18} />}>
                {t('common.edit')}
              </Button>
            </>
          )}
          {campaign.status === 'SCHEDULED' && (
            <Button variant="default" onClick={() => act(() => unschedule({ id }, CAMPAIGN_CONTEXT), t('campaigns.actions.unscheduled'))}>
              {t('campaigns.actions.unschedule')}
            </Button>
          )}
          {campaign.status === 'SENDING' && (
            <Button variant="light" color="yellow.9" leftSection={<IconPlayerPause size={18} />} loading={pausing.fetching} onClick={() => act(() => pause({ id }, CAMPAIGN_CONTEXT), t('campaigns.actions.paused'))}>
              {t('campaigns.actions.pause')}
            </Button>
          )}
          {campaign.status === 'PAUSED' && (
            <Button leftSection={<IconPlayerPlay size={18} />} loading={resuming.fetching} onClick={() => act(() => resume({ id }, CAMPAIGN_CONTEXT), t('campaigns.actions.resumed'))}>
              {t('campaigns.actions.resume')}
            </Button>
          )}
          {(campaign.status === 'SENDING' || campaign.status === 'PAUSED') && (
            <Button variant="light" color="red" leftSection={<IconX size={18} />} onClick={() => setConfirm('cancel')}>
              {t('campaigns.actions.cancel')}
            </Button>
          )}
          {campaign.progress.total > 0 && (
            <Button variant="default" component={Link} to={`/campagnes/${id}/rapport`} leftSection={<IconChartBar size={18} />}>
              {t('campaigns.actions.report')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconCopy size={18} />}
            loading={duplicating.fetching}
            onClick={async () => {
              const res = await duplicate({ id }, CAMPAIGN_CONTEXT);
              if (res.error) return setFailure(toAppError(res.error));
              navigate(`/campagnes/${res.data!.duplicateCampaign.id}/modifier`);
            }}
          >
            {t('campaigns.actions.duplicate')}
          </Button>
          {campaign.status === 'DRAFT' && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} onClick={() => setConfirm('delete')}>
              {t('campaigns.actions.delete')}
            </Button>
          )}
        </Group>
      </CardSection>
      <ConfirmModal
        opened={confirm === 'send'}
        onClose={close}
        title={t('campaigns.send.title')}
        action={{ label: t('campaigns.send.confirm'), loading: sending.fetching, onClick: actThenClose(() => send({ id }, CAMPAIGN_CONTEXT), t('campaigns.send.done')) }}
      >
        <Text size="sm">{t('campaigns.send.explain', { subject: campaign.subject })}</Text>
        {confirm === 'send' && <RecipientsNow campaign={campaign} />}
        {tooMany && <TooManyWarning count={month!.newslettersInMonth} at={new Date()} />}
        <FormAlert error={failure} />
      </ConfirmModal>
      {confirm === 'schedule' && <ScheduleModal campaign={campaign} onClose={close} onDone={() => { close(); onChanged(); }} />}
      <ConfirmModal
        opened={confirm === 'cancel'}
        onClose={close}
        title={t('campaigns.cancel.title')}
        cancelLabel={t('campaigns.cancel.keep')}
        action={{ label: t('campaigns.cancel.confirm'), color: 'red', loading: cancelling.fetching, onClick: actThenClose(() => cancel({ id }, CAMPAIGN_CONTEXT), t('campaigns.cancel.done')) }}
      >
        <Text size="sm">{t('campaigns.cancel.explain', { count: campaign.progress.pending })}</Text>
        <FormAlert error={failure} />
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'delete'}
        onClose={close}
        title={t('campaigns.delete.title')}
        action={{ label: t('campaigns.delete.confirm'), color: 'red', loading: deleting.fetching, onClick: removeCampaign }}
      >
        <Text size="sm">{t('campaigns.delete.explain', { subject: campaign.subject })}</Text>
        <FormAlert error={failure} />
      </ConfirmModal>
    </>
  );
}

/** How many the campaign would reach at this instant, said in the confirmation. */
function RecipientsNow({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({
    query: AudiencePreviewDocument,
    variables: { audienceType: campaign.audienceType, purpose: campaign.purpose, segment: segmentInput(campaign.segment) },
    requestPolicy: 'network-only',
  });
  if (!data) return <Text size="sm">{t('common.loading')}</Text>;
  const n = data.audiencePreview.recipients;
  return (
    <Text size="sm" fw={700}>
      {t('campaigns.count.recipients', { count: n, formatted: formatNumber(n) })}
    </Text>
  );
}

/** Date and time in Paris; Friday 18:30 suggested, the slot the field found best for long mailings. */
function ScheduleModal({ campaign, onClose, onDone }: { campaign: Campaign; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const suggested = nextFriday1830();
  const [value, setValue] = useState(toParisInput(campaign.scheduledAt ? new Date(campaign.scheduledAt) : suggested));
  const [failure, setFailure] = useState<AppError | null>(null);
  const [state, schedule] = useMutation(ScheduleCampaignDocument);
  const at = fromParisInput(value);
  // The newsletters of the chosen month (not of this one): asked again only when the month changes.
  const newsletter = NEWSLETTERS.includes(campaign.purpose);
  const month = at ? parisMonthStart(at).toISOString() : null;
  const [{ data: planned }] = useQuery({
    query: NewslettersInMonthDocument,
    variables: { at: month, except: campaign.id },
    pause: !newsletter || !month,
    context: CAMPAIGN_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const tooMany = newsletter && at !== null && (planned?.newslettersInMonth ?? 0) >= NEWSLETTERS_PER_MONTH;
  const submit = async () => {
    if (!at) return;
    const res = await schedule({ id: campaign.id, at: at.toISOString() }, CAMPAIGN_CONTEXT);
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('campaigns.schedule.done', { when: formatParis(at) }) });
    onDone();
  };
  return (
    <ConfirmModal onClose={onClose} title={t('campaigns.schedule.title')} action={{ label: t('campaigns.schedule.confirm'), loading: state.fetching, disabled: !at, onClick: submit }}>
      <Text size="sm">{t('campaigns.schedule.suggestion', { when: formatParis(suggested) })}</Text>
      <TextInput
        type="datetime-local"
        label={t('campaigns.schedule.when')}
        description={t('campaigns.schedule.timezone')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={at === null ? t('campaigns.schedule.invalid') : failure?.fields.at}
        data-autofocus
      />
      {value !== toParisInput(suggested) && (
        <Button variant="subtle" size="compact-sm" onClick={() => setValue(toParisInput(suggested))} style={{ alignSelf: 'flex-start' }}>
          {t('campaigns.schedule.useSuggestion')}
        </Button>
      )}
      {tooMany && <TooManyWarning count={planned!.newslettersInMonth} at={at!} />}
      {failure && !failure.fields.at && <FormAlert error={failure} />}
    </ConfirmModal>
  );
}
