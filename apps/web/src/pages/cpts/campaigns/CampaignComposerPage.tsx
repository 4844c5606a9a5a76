import { Alert, Button, Grid, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { CampaignAudience, CampaignPurpose, CampaignQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { CurrentCptsDocument } from '../queries';
import { CampaignDocument, CreateCampaignDocument, UpdateCampaignDocument } from './queries';
import { RichEditor } from './RichEditor';
import { AudienceCount, EMPTY_SEGMENT, SegmentBuilder, segmentInput, type Segment } from './SegmentBuilder';

const PURPOSES: Record<CampaignAudience, CampaignPurpose[]> = { PROFESSIONALS: ['PRO_NEWSLETTER', 'EVENT_INVITATIONS'], PUBLIC: ['PUBLIC_NEWSLETTER'] };
export const CAMPAIGN_CONTEXT = { additionalTypenames: ['Campaign'] };

interface Draft {
  subject: string;
  senderName: string;
  replyTo: string;
  audienceType: CampaignAudience;
  purpose: CampaignPurpose;
  bodyHtml: string;
  segment: Segment;
}

/** New campaign (/campagnes/nouvelle) or a draft being edited (/campagnes/:id/modifier). */
export function CampaignComposerPage() {
  const { id } = useParams();
  const [{ data: cpts }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data, error }, refetch] = useQuery({ query: CampaignDocument, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  if (id && error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if ((id && !data) || !cpts) return <LoadingState rows={4} />;
  return <Composer key={id ?? 'new'} campaign={data?.campaign ?? null} cptsName={cpts.currentCpts.name} />;
}

function Composer({ campaign, cptsName }: { campaign: CampaignQuery['campaign'] | null; cptsName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() =>
    campaign
      ? {
          subject: campaign.subject,
          senderName: campaign.senderName,
          replyTo: campaign.replyTo ?? '',
          audienceType: campaign.audienceType,
          purpose: campaign.purpose,
          bodyHtml: campaign.bodyHtml,
          segment: segmentInput(campaign.segment) as Segment,
        }
      : { subject: '', senderName: cptsName, replyTo: '', audienceType: 'PROFESSIONALS', purpose: 'PRO_NEWSLETTER', bodyHtml: '', segment: EMPTY_SEGMENT },
  );
  const [failure, setFailure] = useState<AppError | null>(null);
  const [created, create] = useMutation(CreateCampaignDocument);
  const [updated, update] = useMutation(UpdateCampaignDocument);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const fields = failure?.fields ?? {};

  const save = async () => {
    const input = { subject: draft.subject, senderName: draft.senderName, replyTo: draft.replyTo || null, audienceType: draft.audienceType, purpose: draft.purpose, bodyHtml: draft.bodyHtml, segment: segmentInput(draft.segment) };
    const res = campaign ? await update({ id: campaign.id, input }, CAMPAIGN_CONTEXT) : await create({ input }, CAMPAIGN_CONTEXT);
    if (res.error) {
      setFailure(toAppError(res.error));
      return;
    }
    const savedId = campaign ? campaign.id : (res.data as { createCampaign: { id: string } }).createCampaign.id;
    notifications.show({ color: 'teal', message: t('campaigns.composer.saved') });
    navigate(`/campagnes/${savedId}`);
  };

  const title = campaign ? t('campaigns.composer.editTitle') : t('campaigns.composer.newTitle');
  return (
    <>
      <PageHeader title={title} crumbs={[{ label: t('campaigns.title'), to: '/campagnes' }, { label: title }]} />
      {campaign?.status === 'SCHEDULED' && (
        <Alert color="blue" variant="light" mb="md">
          <Text size="sm">{t('campaigns.composer.scheduledBack')}</Text>
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <CardSection id="composer-message" title={t('campaigns.composer.message')} gap="sm">
                <TextInput label={t('campaigns.fields.subject')} value={draft.subject} onChange={(e) => set({ subject: e.currentTarget.value })} error={fields.subject} maxLength={200} required />
                <Group grow align="start" wrap="wrap" preventGrowOverflow={false}>
                  <TextInput label={t('campaigns.fields.senderName')} value={draft.senderName} onChange={(e) => set({ senderName: e.currentTarget.value })} error={fields.senderName} maxLength={100} required miw={200} />
                  <TextInput
                    label={t('campaigns.fields.replyTo')}
                    description={t('campaigns.fields.replyToHelp')}
                    type="email"
                    value={draft.replyTo}
                    onChange={(e) => set({ replyTo: e.currentTarget.value })}
                    error={fields.replyTo}
                    miw={200}
                  />
                </Group>
                <RichEditor label={t('campaigns.fields.body')} description={t('campaigns.fields.bodyHelp')} value={draft.bodyHtml} onChange={(bodyHtml) => set({ bodyHtml })} error={fields.bodyHtml} />
              </CardSection>
              <CardSection id="composer-audience" title={t('campaigns.composer.audience')} gap="sm">
                <Radio.Group
                  label={t('campaigns.fields.audienceType')}
                  description={t('campaigns.fields.audienceHelp')}
                  value={draft.audienceType}
                  onChange={(v) => {
                    const audienceType = v as CampaignAudience;
                    set({ audienceType, purpose: PURPOSES[audienceType][0] });
                  }}
                >
                  <Group mt={6}>
                    <Radio value="PROFESSIONALS" label={t('campaigns.audience.PROFESSIONALS')} />
                    <Radio value="PUBLIC" label={t('campaigns.audience.PUBLIC')} />
                  </Group>
                </Radio.Group>
                <Select
                  label={t('campaigns.fields.purpose')}
                  description={t('campaigns.fields.purposeHelp')}
                  data={PURPOSES[draft.audienceType].map((p) => ({ value: p, label: t(`campaigns.purpose.${p}`) }))}
                  value={draft.purpose}
                  onChange={(v) => v && set({ purpose: v as CampaignPurpose })}
                  error={fields.purpose}
                  allowDeselect={false}
                />
                <SegmentBuilder value={draft.segment} onChange={(segment) => set({ segment })} errors={fields} />
              </CardSection>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md" style={{ position: 'sticky', top: 80 }}>
              <AudienceCount audienceType={draft.audienceType} purpose={draft.purpose} segment={draft.segment} />
              <FormAlert error={failure} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => navigate(campaign ? `/campagnes/${campaign.id}` : '/campagnes')}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={created.fetching || updated.fetching}>
                  {t('campaigns.composer.save')}
                </Button>
              </Group>
              <Text size="xs" c="gray.8">
                {t('campaigns.composer.saveHelp')}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
