import { ActionIcon, Alert, Anchor, Badge, Button, CopyButton, Grid, Group, List, Spoiler, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChartBar,
  IconCheck,
  IconCopy,
  IconExternalLink,
  IconInfoCircle,
  IconPencil,
  IconTrendingUp,
  IconWorldUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import type { CallQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate, formatDay, formatEuros } from '../../../lib/format';
import { MissionBadges } from '../working-groups/labels';
import { RaiseEnvelopeDialog } from './BureauDialogs';
import { CallProjectsSection } from './CallProjectsSection';
import { useCallsCrumbs } from './CallsPage';
import { EnvelopeCard } from './EnvelopeFigures';
import { BureauDecisionBadge, CallStateBadge } from './labels';
import { CALL_CONTEXT, CallDocument, PublishCallDocument, RaiseDecisionDocument } from './queries';
import '../../../i18n/calls';

type Call = CallQuery['call'];

/**
 * A call for projects, where the team runs it and the board follows it:
 * its envelope (envelope, committed, voted on, paid, remaining), its public
 * link, its projects (filtered by status; the ready ones put to the bureau
 * one by one or as a batch), the raises of its envelope with their
 * decisions. The team publishes it (the public page goes live) and changes
 * it. At /appels/<id>.
 */
export function CallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const crumbs = useCallsCrumbs();
  const [{ data, error }, refetch] = useQuery({
    query: CallDocument,
    variables: { id },
    context: CALL_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <PageErrorState
        title={t('calls.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={5} />;
  return <CallView call={data.call} />;
}

function CallView({ call: c }: { call: Call }) {
  const { t } = useTranslation();
  const me = useMe();
  const team = me.isCptsStaff;
  const crumbs = useCallsCrumbs();
  const [dialog, setDialog] = useState<'publish' | 'raise' | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [{ fetching: publishing }, publish] = useMutation(PublishCallDocument);

  const doPublish = async () => {
    setActionError(null);
    const result = await publish({ id: c.id }, CALL_CONTEXT);
    setDialog(null);
    if (result.error) return setActionError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.publishDone') });
  };

  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={
          <Group gap="xs" component="span" wrap="wrap">
            <CallStateBadge state={c.state} />
            <span>{t('calls.dates', { opens: formatDay(c.opensOn), closes: formatDay(c.closesOn) })}</span>
          </Group>
        }
        crumbs={[...crumbs, { label: c.title }]}
        actions={
          <>
            <Button component={Link} to={`/appels/${c.id}/synthese`} variant="default" leftSection={<IconChartBar size={18} aria-hidden />}>
              {t('calls.summary.open')}
            </Button>
            {team && (
              <Button component={Link} to={`/appels/${c.id}/modifier`} variant="default" leftSection={<IconPencil size={18} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {team && !c.publishedAt && (
              <Button leftSection={<IconWorldUpload size={18} aria-hidden />} onClick={() => setDialog('publish')}>
                {t('calls.publish')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <FormAlert error={actionError} />
        {!c.publishedAt && team && (
          <Alert color="blue" icon={<IconInfoCircle size={20} aria-hidden />} title={t('calls.draftTitle')}>
            <Text size="sm">{t('calls.draftHelp')}</Text>
          </Alert>
        )}
        <EnvelopeCard envelope={c.envelope} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <CallFacts call={c} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <PublicLink call={c} />
              <EnvelopeRaises call={c} team={team} onRaise={() => setDialog('raise')} />
            </Stack>
          </Grid.Col>
        </Grid>
        <CallProjectsSection call={c} team={team} />
      </Stack>

      <ConfirmModal
        opened={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('calls.publishTitle')}
        action={{ label: t('calls.publishConfirm'), loading: publishing, onClick: () => void doPublish() }}
      >
        <Text size="sm">{t('calls.publishExplain', { opens: formatDay(c.opensOn), closes: formatDay(c.closesOn) })}</Text>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {c.publicUrl}
        </Text>
        <Text size="sm" c="gray.8">
          {t('calls.publishReminders')}
        </Text>
      </ConfirmModal>
      {dialog === 'raise' && <RaiseEnvelopeDialog callId={c.id} envelope={c.envelope} onClose={() => setDialog(null)} />}
    </>
  );
}

/** What the call says: missions, who may answer, the fee schedule, the required criteria, the grid, the rules. */
function CallFacts({ call: c }: { call: Call }) {
  const { t } = useTranslation();
  return (
    <CardSection id="call-facts" title={t('calls.facts.title')} gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('calls.facts.missions')}
        </Text>
        <MissionBadges missions={c.missions} />
      </Stack>
      <Text size="sm">{c.membersOnly ? t('calls.facts.membersOnly') : t('calls.facts.everyone')}</Text>
      <Text size="sm">{t('calls.facts.fees', { flat: formatEuros(c.flatFeeCents), hourly: formatEuros(c.hourlyRateCents) })}</Text>
      {c.requiredCriteria.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('calls.facts.requiredCriteria')}
          </Text>
          <List size="sm" spacing={2}>
            {c.requiredCriteria.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('calls.facts.rubric')}
        </Text>
        {c.rubric.length === 0 ? (
          <Text size="sm" c="gray.8">
            {t('calls.facts.noRubric')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {c.rubric.map((l) => (
              <List.Item key={l.label}>{t('calls.facts.rubricLine', { label: l.label, weight: l.weight })}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      {c.rules && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('calls.facts.rules')}
          </Text>
          <Spoiler maxHeight={120} showLabel={t('calls.facts.showMore')} hideLabel={t('common.showLess')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {c.rules}
            </Text>
          </Spoiler>
        </Stack>
      )}
    </CardSection>
  );
}

/** The public page's address, to copy into a newsletter; live once the call is published. */
function PublicLink({ call: c }: { call: Call }) {
  const { t } = useTranslation();
  return (
    <CardSection id="call-public-link" title={t('calls.link.title')} gap="xs">
      <Text size="sm">{c.publishedAt ? t('calls.link.help') : t('calls.link.notYet')}</Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {c.publishedAt ? (
          <Anchor
            href={c.publicUrl}
            target="_blank"
            rel="noopener"
            size="sm"
            style={{ wordBreak: 'break-all' }}
            data-testid="call-public-link"
          >
            {c.publicUrl} <IconExternalLink size={14} aria-hidden />
          </Anchor>
        ) : (
          <Text size="sm" c="gray.8" style={{ wordBreak: 'break-all' }}>
            {c.publicUrl}
          </Text>
        )}
        <CopyButton value={c.publicUrl}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('calls.link.copied') : t('calls.link.copy')}>
              <ActionIcon variant="subtle" onClick={copy} aria-label={t('calls.link.copy')}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </CardSection>
  );
}

/** The raises of the envelope put to the bureau, each with where its decision stands; the team asks for a new one. */
function EnvelopeRaises({ call: c, team, onRaise }: { call: Call; team: boolean; onRaise: () => void }) {
  const { t } = useTranslation();
  return (
    <CardSection id="call-raises" title={t('calls.raise.listTitle')} gap="sm">
      {c.envelopeRaises.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.raise.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {c.envelopeRaises.map((r) => (
            <Stack key={r.id} gap={2} component="li">
              <Text size="sm" fw={600}>
                {t('calls.raise.line', { from: formatEuros(r.fromCents), to: formatEuros(r.toCents) })}
              </Text>
              <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                {r.reason}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c="gray.8">
                  {t('calls.raise.requested', { date: formatDate(r.requestedAt) })}
                </Text>
                {r.appliedAt ? (
                  <Badge color="teal" tt="none" miw="max-content">
                    {t('calls.raise.applied', { date: formatDate(r.appliedAt) })}
                  </Badge>
                ) : (
                  <RaiseDecision decisionId={r.decisionId} />
                )}
                <Anchor component={Link} to={`/gouvernance/decisions/${r.decisionId}`} size="sm">
                  {t('calls.decision.see')}
                </Anchor>
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {team && (
        <Group>
          <Button variant="default" leftSection={<IconTrendingUp size={18} aria-hidden />} onClick={onRaise}>
            {t('calls.raise.open')}
          </Button>
        </Group>
      )}
    </CardSection>
  );
}

/** Where a raise not applied stands: voted on, rejected, without quorum (its decision, as governance holds it). */
function RaiseDecision({ decisionId }: { decisionId: string }) {
  const [{ data }] = useQuery({ query: RaiseDecisionDocument, variables: { id: decisionId } });
  const d = data?.decision;
  if (!d) return null;
  return <BureauDecisionBadge decision={d} />;
}
