import { Anchor, Badge, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconGavel, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { InstanceMeetingQuery, MeetingPageQuery, MeetingQuorumQuery } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatPercent } from '../../../lib/format';
import { formatParis } from '../../../lib/paris';
import { MEMBERSHIP_COLLEGES, OutcomeBadge } from './InstanceLabels';
import {
  ApproveMeetingMinutesDocument,
  INSTANCE_MEETING_CONTEXT,
  INSTANCE_OWNER_KIND,
  InstanceMeetingDocument,
  MeetingQuorumDocument,
  RecordMeetingProxyDocument,
  RecordSessionVoteDocument,
  RemoveMeetingProxyDocument,
} from './queries-governance';

type Meeting = MeetingPageQuery['meeting'];
type Governance = InstanceMeetingQuery;
type Quorum = MeetingQuorumQuery['meetingQuorum'];

/**
 * What governance adds to a meeting of an instance (its page is the
 * meetings module's): the live quorum from the attendance and the proxies,
 * the proxies given for the meeting, the votes taken in session (closed at
 * once, numbered in the register) and the approval of the previous
 * meeting's minutes. The team records; the board reads.
 */
export function InstanceMeetingSection({ meeting, canManage, started }: { meeting: Meeting; canManage: boolean; started: boolean }) {
  const [{ data, error }, refetch] = useQuery({
    query: InstanceMeetingDocument,
    variables: { meetingId: meeting.id, instanceId: meeting.ownerId, ownerKind: INSTANCE_OWNER_KIND },
    context: INSTANCE_MEETING_CONTEXT,
  });
  const [quorum, refetchQuorum] = useQuery({
    query: MeetingQuorumDocument,
    variables: { meetingId: meeting.id },
    context: INSTANCE_MEETING_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const mayRecord = canManage && meeting.status === 'SCHEDULED';
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={2} />;
  return (
    <>
      <QuorumSection
        quorum={quorum.data?.meetingQuorum ?? null}
        error={quorum.error && !quorum.data ? toAppError(quorum.error) : null}
        onRetry={() => refetchQuorum({ requestPolicy: 'network-only' })}
        governance={data}
      />
      <ProxiesSection meeting={meeting} quorum={quorum.data?.meetingQuorum ?? null} governance={data} canManage={mayRecord} />
      <SessionVotesSection meeting={meeting} governance={data} canManage={mayRecord && started} />
      <MinutesApprovalSection meeting={meeting} governance={data} canManage={canManage && started && meeting.status === 'SCHEDULED'} />
    </>
  );
}

/** The quorum as it stands: the electorate, those present, those represented by a proxy, how many are needed. */
function QuorumSection({
  quorum,
  error,
  onRetry,
  governance,
}: {
  quorum: Quorum | null;
  error: AppError | null;
  onRetry: () => void;
  governance: Governance;
}) {
  const { t } = useTranslation();
  const share = governance.governanceInstance.statutes.quorumShare;
  return (
    <CardSection id="meeting-quorum" title={t('governance.meetings.quorum.title')} gap="sm">
      {error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !quorum ? (
        <LoadingState rows={1} />
      ) : (
        <Stack gap="xs" role="status" aria-live="polite">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {(
              [
                ['electorate', quorum.electorate],
                ['present', quorum.present],
                ['represented', quorum.represented],
                ['needed', quorum.needed],
              ] as const
            ).map(([key, value]) => (
              <Paper key={key} withBorder p="xs" radius="md">
                <Text size="xs" c="gray.8">
                  {t(`governance.meetings.quorum.${key}`)}
                </Text>
                <Text fw={700} size="lg">
                  {value}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Group gap="xs">
            <Badge
              color={quorum.met ? 'teal' : 'red'}
              tt="none"
              size="lg"
              leftSection={quorum.met ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
            >
              {quorum.met ? t('governance.meetings.quorum.met') : t('governance.meetings.quorum.notMet')}
            </Badge>
            <Text size="sm" c="gray.8">
              {share > 0
                ? t('governance.meetings.quorum.rule', {
                    share: formatPercent(share),
                    count: quorum.present + quorum.represented,
                    needed: quorum.needed,
                  })
                : t('governance.meetings.quorum.noRule')}
            </Text>
          </Group>
        </Stack>
      )}
    </CardSection>
  );
}

/** Proxies for the meeting: someone convened gives their vote to another who is convened, within the statutes' limit. */
function ProxiesSection({
  meeting,
  quorum,
  governance,
  canManage,
}: {
  meeting: Meeting;
  quorum: Quorum | null;
  governance: Governance;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const limit = governance.governanceInstance.statutes.proxiesPerHolder;
  const [giverId, setGiverId] = useState('');
  const [holderId, setHolderId] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [recording, record] = useMutation(RecordMeetingProxyDocument);
  const [removing, remove] = useMutation(RemoveMeetingProxyDocument);
  const proxies = quorum?.proxies ?? [];
  const givers = new Set(proxies.map((p) => p.giverId));
  const people = meeting.invitees.map((i) => ({ value: i.id, label: i.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!giverId || !holderId) {
      const message = t('governance.meetings.proxies.choose');
      return setError({ code: 'BAD_USER_INPUT', message, fields: giverId ? { holderId: message } : { giverId: message } });
    }
    const result = await record({ meetingId: meeting.id, giverId, holderId }, INSTANCE_MEETING_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.meetings.proxies.recorded') });
    setGiverId('');
    setHolderId('');
  };
  const doRemove = async (giver: string) => {
    const result = await remove({ meetingId: meeting.id, giverId: giver }, INSTANCE_MEETING_CONTEXT);
    notifications.show(
      result.data
        ? { color: 'teal', message: t('governance.meetings.proxies.removed') }
        : { color: 'red', message: toAppError(result.error)?.message },
    );
  };

  return (
    <CardSection id="meeting-proxies" title={t('governance.meetings.proxies.title', { count: proxies.length })} gap="sm">
      <Text size="sm" c="gray.8">
        {limit > 0 ? t('governance.meetings.proxies.limit', { count: limit }) : t('governance.meetings.proxies.none')}
      </Text>
      {proxies.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {proxies.map((p) => (
            <Paper key={p.giverId} withBorder p="xs" radius="md" component="li">
              <Group justify="space-between" gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('governance.meetings.proxies.line', { giver: p.giverName, holder: p.holderName })}
                </Text>
                {canManage && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    c="red.9"
                    loading={removing.fetching}
                    onClick={() => void doRemove(p.giverId)}
                    aria-label={t('governance.meetings.proxies.removeOf', { name: p.giverName })}
                  >
                    {t('governance.meetings.proxies.remove')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canManage && limit > 0 && (
        <Box component="form" onSubmit={submit} noValidate aria-labelledby="meeting-proxy-new">
          <Stack gap="xs">
            <Title order={3} size="h5" id="meeting-proxy-new">
              {t('governance.meetings.proxies.new')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <NativeSelect
                label={t('governance.meetings.proxies.giver')}
                required
                data={[{ value: '', label: t('governance.meetings.proxies.choosePerson') }, ...people.filter((p) => !givers.has(p.value))]}
                value={giverId}
                onChange={(e) => setGiverId(e.currentTarget.value)}
                error={error?.fields.giverId}
              />
              <NativeSelect
                label={t('governance.meetings.proxies.holder')}
                required
                data={[{ value: '', label: t('governance.meetings.proxies.choosePerson') }, ...people.filter((p) => p.value !== giverId)]}
                value={holderId}
                onChange={(e) => setHolderId(e.currentTarget.value)}
                error={error?.fields.holderId}
              />
            </SimpleGrid>
            <FormAlert error={formLevelError(error, (f) => ['giverId', 'holderId'].includes(f))} />
            <Group>
              <Button type="submit" variant="light" loading={recording.fetching}>
                {t('governance.meetings.proxies.submit')}
              </Button>
            </Group>
          </Stack>
        </Box>
      )}
    </CardSection>
  );
}

interface CountRow {
  college: string | null;
  for: string;
  against: string;
  abstain: string;
}

/** The colleges a vote is counted in: the AG's four members' colleges, or the instance's colleges; none when the statutes do not ask. */
function useVoteColleges(governance: Governance): string[] {
  const { t } = useTranslation();
  const instance = governance.governanceInstance;
  if (!instance.statutes.perCollege) return [];
  if (instance.kind === 'AG') return MEMBERSHIP_COLLEGES.map((c) => t(`governance.meetings.agColleges.${c}`));
  return instance.colleges.map((c) => c.name);
}

/** The votes taken in session, then (for the team, once the meeting has started) one more to enter. */
function SessionVotesSection({ meeting, governance, canManage }: { meeting: Meeting; governance: Governance; canManage: boolean }) {
  const { t } = useTranslation();
  const decisions = governance.meeting.sessionDecisions;
  return (
    <CardSection id="meeting-votes" title={t('governance.meetings.votes.title', { count: decisions.length })} gap="sm">
      {decisions.length === 0 ? (
        <Text size="sm">{t('governance.meetings.votes.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {decisions.map((d) => (
            <Paper key={d.id} withBorder p="sm" radius="md" component="li" aria-label={d.title}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {d.title}
                  </Text>
                  <OutcomeBadge outcome={d.outcome} />
                </Group>
                {d.registerNumber && (
                  <Text size="sm" fw={600}>
                    {t('governance.meetings.votes.registerNumber', { number: d.registerNumber })}
                  </Text>
                )}
                <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                  {d.question}
                </Text>
                {d.tally && (
                  <Text size="sm">
                    {t('governance.meetings.votes.counts', { for: d.tally.for, against: d.tally.against, abstain: d.tally.abstain })}
                  </Text>
                )}
                {d.colleges.length > 0 && (
                  <Stack gap={2} component="ul" pl="md" m={0} aria-label={t('governance.meetings.votes.perCollege')}>
                    {d.colleges.map((c) => (
                      <Text key={c.college} size="sm" component="li">
                        {t('governance.meetings.votes.collegeLine', {
                          college: c.college,
                          outcome: t(`governance.meetings.outcome.${c.outcome}`),
                          for: c.tally.for,
                          against: c.tally.against,
                          abstain: c.tally.abstain,
                        })}
                      </Text>
                    ))}
                  </Stack>
                )}
                <Group>
                  <Anchor
                    component={Link}
                    to={`/gouvernance/decisions/${d.id}`}
                    size="sm"
                    aria-label={t('governance.meetings.votes.openOf', { title: d.title })}
                  >
                    {t('governance.meetings.votes.open')}
                  </Anchor>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {canManage && <SessionVoteForm meeting={meeting} governance={governance} />}
    </CardSection>
  );
}

function SessionVoteForm({ meeting, governance }: { meeting: Meeting; governance: Governance }) {
  const { t } = useTranslation();
  const colleges = useVoteColleges(governance);
  const blankRows = (): CountRow[] =>
    (colleges.length > 0 ? colleges : [null]).map((college) => ({ college, for: '', against: '', abstain: '' }));
  const [rows, setRows] = useState<CountRow[]>(blankRows);
  const [agenda, setAgenda] = useState('');
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, record] = useMutation(RecordSessionVoteDocument);
  const fields = error?.fields ?? {};
  const count = (v: string) => (v.trim() === '' ? 0 : Number(v));
  const setCount = (i: number, key: 'for' | 'against' | 'abstain', value: string) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const counts = rows.map((r) => ({ college: r.college, for: count(r.for), against: count(r.against), abstain: count(r.abstain) }));
    if (counts.some((c) => [c.for, c.against, c.abstain].some((n) => !Number.isInteger(n) || n < 0))) {
      const message = t('governance.meetings.votes.countsInvalid');
      return setError({ code: 'BAD_USER_INPUT', message, fields: {} });
    }
    // A college without a voice is left out: the API counts its members as not voting (and knows only the colleges convened).
    const voiced = counts.filter((c) => c.for + c.against + c.abstain > 0);
    const result = await record(
      {
        input: {
          meetingId: meeting.id,
          agendaPosition: agenda === '' ? null : Number(agenda),
          title,
          question,
          counts: voiced.length > 0 ? voiced : counts,
        },
      },
      INSTANCE_MEETING_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    const d = result.data.recordSessionVote;
    notifications.show({
      color: 'teal',
      message: t('governance.meetings.votes.recorded', {
        number: d.registerNumber ?? '',
        outcome: d.outcome ? t(`governance.meetings.outcome.${d.outcome}`) : '',
      }),
    });
    setRows(blankRows());
    setAgenda('');
    setTitle('');
    setQuestion('');
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby="meeting-vote-new">
      <Stack gap="sm">
        <Title order={3} size="h5" id="meeting-vote-new">
          {t('governance.meetings.votes.new')}
        </Title>
        <Text size="sm" c="gray.8">
          {t('governance.meetings.votes.help')}
        </Text>
        {meeting.agenda.length > 0 && (
          <NativeSelect
            label={t('governance.meetings.votes.agendaItem')}
            data={[
              { value: '', label: t('governance.meetings.votes.noAgendaItem') },
              ...meeting.agenda.map((a, i) => ({ value: String(i), label: `${i + 1}. ${a.title}` })),
            ]}
            value={agenda}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setAgenda(value);
              // The item's title is the vote's, unless one is typed already.
              if (value !== '' && !title.trim()) setTitle(meeting.agenda[Number(value)].title);
            }}
            error={fields.agendaPosition}
          />
        )}
        <TextInput
          label={t('governance.meetings.votes.voteTitle')}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fields.title}
        />
        <Textarea
          label={t('governance.meetings.votes.question')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={fields.question}
        />
        {colleges.length > 0 && (
          <Text size="sm" c="gray.8">
            {t('governance.meetings.votes.perCollegeHelp')}
          </Text>
        )}
        {rows.map((r, i) => (
          <Box
            key={r.college ?? 'all'}
            component="fieldset"
            m={0}
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', minWidth: 0 }}
          >
            <Text component="legend" size="sm" fw={600} px={4} style={{ overflowWrap: 'anywhere' }}>
              {r.college ?? t('governance.meetings.votes.allVoices')}
            </Text>
            <SimpleGrid cols={3} spacing="xs">
              {(['for', 'against', 'abstain'] as const).map((key) => (
                <TextInput
                  key={key}
                  label={t(`governance.meetings.votes.${key}`)}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={r[key]}
                  placeholder="0"
                  onChange={(e) => setCount(i, key, e.currentTarget.value)}
                />
              ))}
            </SimpleGrid>
          </Box>
        ))}
        <FormAlert error={formLevelError(error, (f) => ['title', 'question', 'agendaPosition'].includes(f))} />
        <Group>
          <Button type="submit" leftSection={<IconGavel size={18} />} loading={fetching}>
            {t('governance.meetings.votes.submit')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

/**
 * The minutes (procès-verbal) of this meeting, approved at a later meeting;
 * and, at this one, the approval of an earlier meeting's minutes, once
 * written and sent.
 */
function MinutesApprovalSection({ meeting, governance, canManage }: { meeting: Meeting; governance: Governance; canManage: boolean }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, approve] = useMutation(ApproveMeetingMinutesDocument);
  const approval = governance.meeting.minutesApproval;
  const others = governance.meetings;
  const approvedAt = approval ? others.find((m) => m.id === approval.atMeetingId) : null;
  const start = new Date(meeting.startsAt).getTime();
  const approvable = others.filter(
    (m) => m.id !== meeting.id && new Date(m.startsAt).getTime() < start && m.minutesPublishedAt && !m.minutesApproval,
  );
  const approvedHere = others.filter((m) => m.minutesApproval?.atMeetingId === meeting.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!chosen) {
      const message = t('governance.meetings.minutes.chooseMeeting');
      return setError({ code: 'BAD_USER_INPUT', message, fields: { meetingId: message } });
    }
    const result = await approve({ meetingId: chosen, atMeetingId: meeting.id }, INSTANCE_MEETING_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.meetings.minutes.approved') });
    setChosen('');
  };

  return (
    <CardSection id="meeting-minutes-approval" title={t('governance.meetings.minutes.title')} gap="sm">
      <Text size="sm">
        {approval
          ? t('governance.meetings.minutes.thisApproved', {
              date: formatDateTime(approval.approvedAt),
              meeting: approvedAt ? `« ${approvedAt.title} » (${formatParis(approvedAt.startsAt)})` : '',
            })
          : meeting.minutesPublishedAt
            ? t('governance.meetings.minutes.thisAwaiting')
            : t('governance.meetings.minutes.thisNotWritten')}
      </Text>
      {approvedHere.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('governance.meetings.minutes.approvedHere')}
          </Text>
          <Stack gap={2} component="ul" pl="md" m={0}>
            {approvedHere.map((m) => (
              <Text key={m.id} size="sm" component="li">
                {`« ${m.title} » (${formatParis(m.startsAt)})`}
              </Text>
            ))}
          </Stack>
        </Stack>
      )}
      {canManage && (
        <Box component="form" onSubmit={submit} noValidate aria-labelledby="meeting-approve-minutes">
          <Stack gap="xs">
            <Title order={3} size="h5" id="meeting-approve-minutes">
              {t('governance.meetings.minutes.approveTitle')}
            </Title>
            {approvable.length === 0 ? (
              <Text size="sm" c="gray.8">
                {t('governance.meetings.minutes.noneToApprove')}
              </Text>
            ) : (
              <>
                <NativeSelect
                  label={t('governance.meetings.minutes.meeting')}
                  required
                  data={[
                    { value: '', label: t('governance.meetings.minutes.chooseMeeting') },
                    ...approvable.map((m) => ({ value: m.id, label: `${m.title} (${formatParis(m.startsAt)})` })),
                  ]}
                  value={chosen}
                  onChange={(e) => setChosen(e.currentTarget.value)}
                  error={error?.fields.meetingId ?? error?.fields.atMeetingId}
                />
                <FormAlert error={formLevelError(error, (f) => ['meetingId', 'atMeetingId'].includes(f))} />
                <Group>
                  <Button type="submit" variant="light" loading={fetching}>
                    {t('governance.meetings.minutes.approve')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Box>
      )}
    </CardSection>
  );
}
