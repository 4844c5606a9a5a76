import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconGavel, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import type { CallProjectQuery, ProjectStatus } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatParis } from '../../../lib/paris';
import { useCallsCrumbs } from './CallsPage';
import { EnvelopeCard } from './EnvelopeFigures';
import { BureauDecisionBadge, decisionIs, ProjectStatusBadge } from './labels';
import { useProjectActions } from './ProjectActions';
import { ProjectDebrief, ProjectPayments } from './ProjectClosing';
import { ProjectBudget, ProjectCarriers, ProjectCriteria, ProjectSummary } from './ProjectDetails';
import { ProjectDocuments } from './ProjectDocuments';
import { ProjectScores } from './ProjectScores';
import { ProjectHistory, ProjectThread } from './ProjectThread';
import { CARRIED_OUT, ProjectWorkshops } from './ProjectWorkshops';
import { CALL_CONTEXT, CallProjectDocument, ProjectCallDocument } from './queries';
import '../../../i18n/calls';

type Project = CallProjectQuery['callProject'];

/** The statuses in which the envelope is shown on the project: while it is reviewed and put to the bureau. */
const DECIDING: ProjectStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'READY_FOR_BUREAU'];

/**
 * A project of a call, for the team and for the board (read-only: the
 * projects put to it): its status and the team's moves, who carries it,
 * what it is, its plan and budget, its evaluation criteria, the review grid,
 * the thread with the proposer, its history and the bureau's decision;
 * once approved, its workshops, debrief, evaluation and payment lines.
 * At /appels/projets/<id> (the team's emails link here).
 */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const crumbs = useCallsCrumbs();
  const [{ data, error }, refetch] = useQuery({
    query: CallProjectDocument,
    variables: { id },
    context: CALL_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <PageErrorState
        title={t('calls.project.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={6} />;
  return <ProjectView project={data.callProject} />;
}

function ProjectView({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const me = useMe();
  const team = me.isCptsStaff;
  const crumbs = useCallsCrumbs();
  const [{ data: callData }] = useQuery({ query: ProjectCallDocument, variables: { id: p.callId }, context: CALL_CONTEXT });
  const call = callData?.call ?? null;
  const [actionError, setActionError] = useState<AppError | null>(null);
  const actions = useProjectActions(p, call?.envelope ?? null, setActionError);
  const showEnvelope = call && (DECIDING.includes(p.status) || decisionIs(p.decision, 'open'));
  const carriedOut = CARRIED_OUT.includes(p.status);

  return (
    <>
      <PageHeader
        title={`${p.number} ${p.title}`}
        subtitle={
          <Group gap="xs" component="span" wrap="wrap">
            <ProjectStatusBadge status={p.status} />
            {call && <span>{call.title}</span>}
          </Group>
        }
        crumbs={[...crumbs, ...(call ? [{ label: call.title, to: `/appels/${call.id}` }] : []), { label: p.number }]}
        actions={team ? actions.buttons : undefined}
      />
      <Stack gap="md">
        <FormAlert error={actionError} />
        {team && p.status === 'CHANGES_REQUESTED' && (
          <Alert color="blue" icon={<IconInfoCircle size={20} aria-hidden />}>
            <Text size="sm">{t('calls.project.waitingProposer')}</Text>
          </Alert>
        )}
        {!team && p.decision && decisionIs(p.decision, 'open') && (
          <Alert color="blue" icon={<IconInfoCircle size={20} aria-hidden />}>
            <Text size="sm">
              {t('calls.project.boardVote')}{' '}
              <Anchor component={Link} to={`/gouvernance/decisions/${p.decision.id}`} inherit>
                {t('calls.decision.vote')}
              </Anchor>
            </Text>
          </Alert>
        )}
        {showEnvelope && <EnvelopeCard envelope={call.envelope} id="project-envelope" />}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <ProjectSummary project={p} />
              <ProjectBudget project={p} schedule={call} />
              {carriedOut && (
                <>
                  <ProjectWorkshops project={p} team={team} hourlyRateCents={call?.hourlyRateCents ?? null} />
                  <ProjectDebrief project={p} team={team} />
                </>
              )}
              <ProjectCriteria project={p} />
              <ProjectScores key={p.id} projectId={p.id} status={p.status} scores={p.scores} team={team} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              {(p.decision || p.status === 'READY_FOR_BUREAU') && <ProjectDecision project={p} />}
              <ProjectCarriers project={p} team={team} />
              {carriedOut && <ProjectPayments project={p} />}
              <ProjectDocuments documents={p.documents} />
              <ProjectThread project={p} team={team} />
            </Stack>
          </Grid.Col>
        </Grid>
        <ProjectHistory project={p} />
      </Stack>
      {team && actions.dialogs}
    </>
  );
}

/** The bureau's decision on the project: where the vote stands, its deadline, its outcome and number; its page is where the board votes. */
function ProjectDecision({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const d = p.decision;
  return (
    <CardSection id="project-decision" title={t('calls.decision.title')} gap="xs">
      {!d ? (
        <Text size="sm" c="gray.8">
          {t('calls.decision.notYetReady')}
        </Text>
      ) : (
        <>
          <Group gap="xs" wrap="wrap">
            <BureauDecisionBadge decision={d} />
            {d.registerNumber && <Text size="sm">{t('calls.decision.number', { number: d.registerNumber })}</Text>}
          </Group>
          {d.deadline && !decisionIs(d, 'closed') && (
            <Text size="sm">{t('calls.decision.deadline', { when: formatParis(d.deadline) })}</Text>
          )}
          <Group>
            <Button
              component={Link}
              to={`/gouvernance/decisions/${d.id}`}
              variant="light"
              size="compact-md"
              leftSection={<IconGavel size={16} aria-hidden />}
            >
              {decisionIs(d, 'open') ? t('calls.decision.vote') : t('calls.decision.see')}
            </Button>
          </Group>
        </>
      )}
    </CardSection>
  );
}
