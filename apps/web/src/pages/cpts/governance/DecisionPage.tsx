import { Alert, Anchor, Button, Grid, Group, List, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPencil, IconRepeat, IconSend, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal, DialogButtons } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { TableHead } from '../../../components/TableHead';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import type { DecisionQuery, VoteChoice } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate, formatEuros } from '../../../lib/format';
import { formatParis, fromParisInput, toParisInput } from '../../../lib/paris';
import { DecisionAudit } from './DecisionAudit';
import { DecisionVoterPanel, type VoterActions } from './DecisionBallot';
import { DecisionComments } from './DecisionComments';
import { DecisionDocuments } from './DecisionDocuments';
import { DecisionStatusBadge, OutcomeBadge, OutcomeSummary, TallyLines, toChoice, type Choice } from './DecisionLabels';
import { useDecisionCrumbs } from './DecisionsPage';
import { DecisionVoters } from './DecisionVoters';
import {
  CommentOnDecisionDocument,
  DECISION_CONTEXT,
  DecisionDocument,
  DecisionRecipientsDocument,
  DeclareDecisionConflictDocument,
  DeleteDecisionDraftDocument,
  GiveDecisionProxyDocument,
  OpenDecisionDocument,
  PublishDecisionDocument,
  ReopenDecisionDocument,
  VoteOnDecisionDocument,
} from './queries-decisions';

type Decision = DecisionQuery['decision'];
type Dialog = 'open' | 'delete' | 'reopen' | 'publish' | null;

/**
 * One decision, from its draft to the register: the question and the file;
 * while a draft, its documents and "Soumettre au vote" (who receives the
 * email is said first); once open, the live count, the voters, the
 * comments, the caller's own vote if they are consulted (the same actions
 * as the email's page, signed in); closed, the outcome and its number in the
 * register, a second consultation when the quorum failed, the AG's
 * publication to the members. The team and the board read the audit trail
 * and verify it. At /gouvernance/decisions/<id>.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const crumbs = useDecisionCrumbs();
  const [{ data, error }, refetch] = useQuery({
    query: DecisionDocument,
    variables: { id },
    context: DECISION_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <PageErrorState
        title={t('governance.decisions.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={5} />;
  return <DecisionView decision={data.decision} refresh={() => refetch({ requestPolicy: 'network-only' })} />;
}

function DecisionView({ decision: d, refresh }: { decision: Decision; refresh: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const crumbs = useDecisionCrumbs();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [{ fetching: opening }, open] = useMutation(OpenDecisionDocument);
  const [{ fetching: deleting }, remove] = useMutation(DeleteDecisionDraftDocument);
  const [{ fetching: publishing }, publish] = useMutation(PublishDecisionDocument);
  const [, vote] = useMutation(VoteOnDecisionDocument);
  const [, conflict] = useMutation(DeclareDecisionConflictDocument);
  const [, proxy] = useMutation(GiveDecisionProxyDocument);
  const [, comment] = useMutation(CommentOnDecisionDocument);

  const team = me.isCptsStaff;
  const drafter = me.isCptsStaff || me.isBoardMember;
  const isDraft = d.status === 'DRAFT';
  const isOpen = d.status === 'OPEN';
  const isClosed = d.status === 'CLOSED';
  const mine = d.myVoterId ? d.voters.find((v) => v.id === d.myVoterId) : undefined;
  const voterNames = Object.fromEntries(d.voters.map((v) => [v.id, v.name]));

  const doOpen = async () => {
    setActionError(null);
    const result = await open({ id: d.id }, DECISION_CONTEXT);
    setDialog(null);
    if (result.error) return setActionError(toAppError(result.error));
    notifications.show({
      color: 'teal',
      message: t('governance.decisions.openDone', { count: result.data?.openDecision.voterCount ?? 0 }),
    });
  };
  const doDelete = async () => {
    setActionError(null);
    const result = await remove({ id: d.id }, DECISION_CONTEXT);
    setDialog(null);
    if (result.error) return setActionError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.decisions.deleteDone', { title: d.title }) });
    navigate('/gouvernance/decisions');
  };
  const doPublish = async () => {
    setActionError(null);
    const result = await publish({ id: d.id }, DECISION_CONTEXT);
    setDialog(null);
    if (result.error) return setActionError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.decisions.publishDone') });
  };

  // The caller's own vote, signed in: the same actions as the email's page; the page is read again after each.
  const asVoter = async (run: () => Promise<{ error?: Parameters<typeof toAppError>[0] }>): Promise<AppError | null> => {
    const result = await run();
    if (result.error) {
      refresh();
      return toAppError(result.error);
    }
    return null;
  };
  const actions: VoterActions = {
    vote: (choice: Choice) => asVoter(() => vote({ id: d.id, choice: choice.toUpperCase() as VoteChoice }, DECISION_CONTEXT)),
    declareConflict: (note: string) => asVoter(() => conflict({ id: d.id, note: note || null }, DECISION_CONTEXT)),
    giveProxy: (holderId: string | null) => asVoter(() => proxy({ id: d.id, holderId }, DECISION_CONTEXT)),
  };
  const addComment = async (body: string) => {
    const result = await comment({ id: d.id, body }, DECISION_CONTEXT);
    return result.error ? toAppError(result.error) : null;
  };
  const closedReason = isClosed
    ? t('governance.decisions.closedReason')
    : d.deadline && new Date(d.deadline).getTime() <= Date.now()
      ? t('governance.decisions.pastDeadline')
      : null;

  const actionsBar = (
    <>
      {d.canEditDraft && (
        <>
          <Button
            component={Link}
            to={`/gouvernance/decisions/${d.id}/modifier`}
            variant="default"
            leftSection={<IconPencil size={18} aria-hidden />}
          >
            {t('common.edit')}
          </Button>
          <Button variant="default" c="red.9" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDialog('delete')}>
            {t('governance.decisions.delete')}
          </Button>
          <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setDialog('open')}>
            {t('governance.decisions.submit')}
          </Button>
        </>
      )}
      {isClosed && team && d.outcome === 'NO_QUORUM' && !d.reopenedById && !d.reopensId && d.source !== 'SESSION' && (
        <Button leftSection={<IconRepeat size={18} aria-hidden />} onClick={() => setDialog('reopen')}>
          {t('governance.decisions.reopen')}
        </Button>
      )}
      {isClosed && team && d.instanceKind === 'AG' && !d.publishedAt && (
        <Button leftSection={<IconSpeakerphone size={18} aria-hidden />} onClick={() => setDialog('publish')}>
          {t('governance.decisions.publish')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={d.title}
        subtitle={
          <Group gap="xs" component="span" wrap="wrap">
            {isClosed && d.outcome ? <OutcomeBadge outcome={d.outcome} /> : <DecisionStatusBadge status={d.status} />}
            {d.registerNumber && <span>{t('governance.decisions.numberShort', { number: d.registerNumber })}</span>}
            <span>{d.instanceName}</span>
          </Group>
        }
        crumbs={[...crumbs, { label: d.title }]}
        actions={actionsBar}
      />
      <Stack gap="md">
        <FormAlert error={actionError} />
        {isDraft && (
          <Alert color="blue" icon={<IconInfoCircle size={20} aria-hidden />} title={t('governance.decisions.draftTitle')}>
            <Text size="sm">{t('governance.decisions.draftHelp')}</Text>
          </Alert>
        )}
        {d.reopensId && (
          <Alert color="blue" icon={<IconInfoCircle size={20} aria-hidden />}>
            <Text size="sm">
              {t('governance.decisions.secondRound')}{' '}
              <Anchor component={Link} to={`/gouvernance/decisions/${d.reopensId}`} inherit>
                {t('governance.decisions.seeFirstRound')}
              </Anchor>
            </Text>
          </Alert>
        )}
        {d.reopenedById && (
          <Alert color="blue" icon={<IconInfoCircle size={20} aria-hidden />}>
            <Text size="sm">
              {t('governance.decisions.reopened')}{' '}
              <Anchor component={Link} to={`/gouvernance/decisions/${d.reopenedById}`} inherit>
                {t('governance.decisions.seeSecondRound')}
              </Anchor>
            </Text>
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <DecisionQuestion decision={d} />
              {mine && !isDraft && (
                <CardSection id="decision-my-vote" title={t('governance.vote.answerTitle')} gap="sm">
                  <DecisionVoterPanel
                    state={{
                      options: d.options.map(toChoice).filter((c): c is Choice => c !== null),
                      choice: toChoice(mine.choice),
                      conflict: mine.conflict,
                      proxyToId: mine.proxyToId,
                      holdsProxiesOf: mine.holdsProxiesOf,
                      proxiesPerHolder: d.statutes?.proxiesPerHolder ?? 0,
                      others: d.voters.filter((v) => v.id !== mine.id && !v.conflict).map((v) => ({ id: v.id, name: v.name })),
                      deadline: d.deadline,
                      closed: closedReason,
                    }}
                    preselect={null}
                    actions={actions}
                  />
                </CardSection>
              )}
              {!isDraft && <DecisionCount decision={d} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <DecisionDocuments decisionId={d.id} documents={d.documents} canManage={d.canEditDraft} onChanged={refresh} />
              {!isDraft && (
                <CardSection id="decision-comments" title={t('governance.vote.commentsTitle', { count: d.comments.length })} gap="sm">
                  <DecisionComments comments={d.comments} canComment={isOpen && (!!mine || team)} onAdd={addComment} />
                </CardSection>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        {/* The tables take the page's width: on a phone they scroll sideways. */}
        {!isDraft && <DecisionVoters voters={d.voters} />}
        {!isDraft && drafter && <DecisionAudit decisionId={d.id} voterNames={voterNames} />}
      </Stack>

      {dialog === 'open' && <OpenDialog decision={d} loading={opening} onClose={() => setDialog(null)} onConfirm={() => void doOpen()} />}
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={t('governance.decisions.deleteTitle')}
        action={{ label: t('governance.decisions.deleteConfirm'), color: 'red.8', loading: deleting, onClick: () => void doDelete() }}
      >
        <Text size="sm">{t('governance.decisions.deleteExplain', { title: d.title })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('governance.decisions.publishTitle')}
        action={{ label: t('governance.decisions.publishConfirm'), loading: publishing, onClick: () => void doPublish() }}
      >
        <Text size="sm">{t('governance.decisions.publishExplain')}</Text>
      </ConfirmModal>
      {dialog === 'reopen' && <ReopenDialog decision={d} onClose={() => setDialog(null)} />}
    </>
  );
}

/** The question and its file: what the voters were asked, with the rules it is counted under. */
function DecisionQuestion({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const facts = [
    t('governance.vote.instance', { name: d.instanceName }),
    d.amountCents !== null && d.amountCents !== undefined
      ? t('governance.decisions.amountLine', { amount: formatEuros(d.amountCents) })
      : null,
    d.missions.length > 0
      ? t('governance.decisions.missionsLine', { missions: d.missions.map((m) => t(`workingGroups.missions.${m}`)).join(', ') })
      : null,
    d.deadline ? t('governance.decisions.deadlineLine', { when: formatParis(d.deadline) }) : t('governance.decisions.noDeadline'),
    t('governance.decisions.optionsLine', {
      options: d.options.map((o) => t(`governance.decisions.choice.${o.toLowerCase()}`)).join(', '),
    }),
  ].filter((f): f is string => !!f);
  return (
    <CardSection id="decision-question" title={t('governance.decisions.question')} gap="sm">
      <Paper withBorder p="sm" radius="md" bg="brand.0">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {d.question}
        </Text>
      </Paper>
      <Stack gap={2}>
        {facts.map((f) => (
          <Text key={f} size="sm">
            {f}
          </Text>
        ))}
      </Stack>
      {d.context && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('governance.decisions.file')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {d.context}
          </Text>
        </Stack>
      )}
    </CardSection>
  );
}

/** The count: live while open, final once closed (per college where the statutes ask for it), and the rules it follows. */
function DecisionCount({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const s = d.statutes;
  return (
    <CardSection
      id="decision-count"
      title={d.status === 'CLOSED' ? t('governance.decisions.countFinal') : t('governance.decisions.countLive')}
      gap="sm"
    >
      {d.status === 'CLOSED' && d.outcome ? (
        <OutcomeSummary outcome={d.outcome} registerNumber={d.registerNumber} tally={d.tally} />
      ) : d.tally ? (
        <TallyLines tally={d.tally} />
      ) : null}
      {d.status === 'CLOSED' && d.closedAt && (
        <Text size="sm" c="gray.8">
          {t(
            `governance.decisions.closedBecause.${d.closedBecause === 'all_voted' || d.closedBecause === 'session' ? d.closedBecause : 'deadline'}`,
            {
              date: formatDate(d.closedAt),
            },
          )}
          {d.publishedAt ? ` ${t('governance.decisions.publishedOn', { date: formatDate(d.publishedAt) })}` : ''}
        </Text>
      )}
      {d.colleges.length > 0 && (
        <Table.ScrollContainer
          minWidth={480}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('governance.decisions.collegesTable') } }}
        >
          <Table verticalSpacing="xs">
            <TableHead
              labels={[
                t('governance.decisions.voters.college'),
                t('governance.decisions.outcomeLabel'),
                t('governance.decisions.choice.for'),
                t('governance.decisions.choice.against'),
                t('governance.decisions.choice.abstain'),
              ]}
            />
            <Table.Tbody>
              {d.colleges.map((c) => (
                <Table.Tr key={c.college}>
                  <Table.Td>{c.college}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={c.outcome} />
                  </Table.Td>
                  <Table.Td>{c.tally.for}</Table.Td>
                  <Table.Td>{c.tally.against}</Table.Td>
                  <Table.Td>{c.tally.abstain}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {s && (
        <Text size="sm" c="gray.8">
          {t('governance.decisions.rules', {
            quorum:
              s.quorumShare === 0
                ? t('governance.decisions.noQuorum')
                : t('governance.decisions.quorumShare', { percent: Math.round(s.quorumShare * 100) }),
            majority: t(`governance.decisions.majority.${s.majority}`),
            abstentions: s.abstentionsCountAsCast
              ? t('governance.decisions.abstentionsCast')
              : t('governance.decisions.abstentionsNotCast'),
            proxies:
              s.proxiesPerHolder === 0
                ? t('governance.decisions.proxiesNone')
                : t('governance.decisions.proxiesRule', { count: s.proxiesPerHolder }),
          })}
        </Text>
      )}
    </CardSection>
  );
}

/** "Soumettre au vote ?": who receives the email (the instance's seats today, or the AG's members of the year), until when. */
function OpenDialog({
  decision: d,
  loading,
  onClose,
  onConfirm,
}: {
  decision: Decision;
  loading: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: DecisionRecipientsDocument, variables: { id: d.instanceId }, requestPolicy: 'network-only' });
  const instance = data?.governanceInstance;
  const people = instance?.mandates.map((m) => m.name) ?? [];
  return (
    <ConfirmModal
      onClose={onClose}
      title={t('governance.decisions.submitTitle')}
      action={{ label: t('governance.decisions.submitConfirm'), loading, disabled: !instance || !d.deadline, onClick: onConfirm }}
    >
      {!d.deadline ? (
        <Text size="sm" c="red.9">
          {t('governance.decisions.submitNoDeadline')}
        </Text>
      ) : error ? (
        <FormAlert error={toAppError(error)} />
      ) : !instance ? (
        <LoadingState />
      ) : instance.kind === 'AG' ? (
        <Text size="sm">{t('governance.decisions.submitAg', { count: instance.currentCount, instance: instance.name })}</Text>
      ) : people.length === 0 ? (
        <Text size="sm" c="red.9">
          {t('governance.decisions.submitNobody', { instance: instance.name })}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('governance.decisions.submitWho', { count: people.length, instance: instance.name })}</Text>
          <List size="sm" spacing={2}>
            {people.map((name, i) => (
              <List.Item key={`${name}-${i}`}>{name}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {d.deadline && <Text size="sm">{t('governance.decisions.submitUntil', { when: formatParis(d.deadline) })}</Text>}
      <Text size="sm" c="gray.8">
        {t('governance.decisions.submitFrozen')}
      </Text>
    </ConfirmModal>
  );
}

/** A decision closed without quorum, put to the vote once more with a new deadline: the team lands on the new one. */
function ReopenDialog({ decision: d, onClose }: { decision: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ fetching }, reopen] = useMutation(ReopenDecisionDocument);
  const start = toParisInput(new Date(Date.now() + 7 * 86_400_000)).split('T')[0];
  const [date, setDate] = useState(start);
  const [time, setTime] = useState('18:00');
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const when = fromParisInput(`${date}T${time}`);
    if (!when)
      return setError({
        code: 'BAD_USER_INPUT',
        message: t('governance.decisions.form.deadlineInvalid'),
        fields: { deadline: t('governance.decisions.form.deadlineInvalid') },
      });
    const result = await reopen({ id: d.id, deadline: when.toISOString() }, DECISION_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.decisions.reopenDone') });
    navigate(`/gouvernance/decisions/${result.data.reopenDecision.id}`);
  };
  return (
    <Modal opened onClose={onClose} title={t('governance.decisions.reopenTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('governance.decisions.reopenExplain')}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('governance.decisions.form.deadlineDate')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={error?.fields.deadline}
            />
            <TextInput
              type="time"
              label={t('governance.decisions.form.deadlineTime')}
              description={t('meetings.form.parisTime')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
          </SimpleGrid>
          <FormAlert error={error && !error.fields.deadline ? error : null} />
          <DialogButtons onCancel={onClose} action={{ label: t('governance.decisions.reopenConfirm'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}
