import { Anchor, Box, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { formatEuros } from '../../lib/format';
import { formatParis } from '../../lib/paris';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DecisionComments } from '../cpts/governance/DecisionComments';
import { DecisionVoterPanel, type VoterActions } from '../cpts/governance/DecisionBallot';
import { choiceFromParam, OutcomeSummary, toChoice, type Choice, type TallyFigures } from '../cpts/governance/DecisionLabels';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { postPublicJson, usePublicJson } from './usePublicJson';

/** The vote page's view (GET /api/public/decisions/<token>, and the answer of each POST). */
interface VoteView {
  cptsName: string;
  instanceName: string;
  title: string;
  context: string;
  question: string;
  options: string[];
  amountCents: number | null;
  missions: string[];
  deadline: string;
  status: string;
  /** Why the person can no longer act, in French; null while they can. */
  closed: string | null;
  outcome: string | null;
  registerNumber: string | null;
  tally: TallyFigures | null;
  participation: { voted: number; total: number };
  voter: { name: string; choice: string | null; conflict: boolean; proxyToId: string | null; holdsProxiesOf: string[] };
  proxiesPerHolder: number;
  others: Array<{ id: string; name: string }>;
  comments: Array<{ authorName: string; body: string; createdAt: string }>;
  documents: Array<{ id: string; fileName: string; bytes: number; url: string }>;
}

/** "245 Ko", "1,2 Mo". */
const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} o`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} Ko`
      : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

/**
 * The page of a decision's vote link: no sign-in, the signed token in the
 * address names one voter of one decision. It shows the file and the
 * question; the email's button (?choix=pour|contre|abstention) only
 * preselects the answer: opening the page records nothing (a mail scanner
 * follows links), the vote is the confirm button's POST, changeable until
 * the close. The voter may also give their vote to another (pouvoir),
 * declare a conflict of interest, and comment. At the CPTS's address,
 * /cpts/<slug>/decisions/<token>.
 */
export function DecisionVotePage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const url = `/api/public/decisions/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<VoteView>(url);
  useDocumentTitle(data ? data.title : error?.code === 'NOT_FOUND' ? t('meetingReply.invalidTitle') : t('governance.vote.pageTitle'));

  /** One POST of the page: the view as it now stands, or the API's French error (then the page is read again: it may have closed). */
  const act = async (action: string, body: unknown): Promise<AppError | null> => {
    const res = await postPublicJson<VoteView>(`${url}/${action}`, body, t);
    if ('error' in res) {
      if (res.error.code === 'CONFLICT') retry();
      return res.error;
    }
    setData(res.data);
    return null;
  };
  const actions: VoterActions = {
    vote: (choice: Choice) => act('vote', { choice }),
    declareConflict: (note: string) => act('conflict', { note: note || null }),
    giveProxy: (holderId: string | null) => act('proxy', { holderId }),
  };

  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  return (
    <PublicFrame name={data?.cptsName ?? t('app.name')} footer={t('governance.vote.footer')}>
      {!data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Box>
            <Text c="gray.8" size="sm">
              {t('governance.vote.hello', { name: data.voter.name, instance: data.instanceName })}
            </Text>
            <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {data.title}
            </Title>
          </Box>
          <Paper withBorder p="sm" radius="md" bg="brand.0">
            <Text size="sm" fw={700} c="brand.9">
              {t('governance.decisions.question')}
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {data.question}
            </Text>
          </Paper>
          <Stack gap={4}>
            <Text size="sm">{t('governance.vote.instance', { name: data.instanceName })}</Text>
            {data.amountCents !== null && (
              <Text size="sm">{t('governance.decisions.amountLine', { amount: formatEuros(data.amountCents) })}</Text>
            )}
            {data.missions.length > 0 && (
              <Text size="sm">
                {t('governance.decisions.missionsLine', {
                  missions: data.missions.map((m) => t(`workingGroups.missions.${m.toUpperCase()}`)).join(', '),
                })}
              </Text>
            )}
            <Text size="sm">{t('governance.decisions.deadlineLine', { when: formatParis(data.deadline) })}</Text>
            <Text size="sm" data-testid="vote-participation">
              {t('governance.vote.participation', { count: data.participation.voted, total: data.participation.total })}
            </Text>
          </Stack>

          {(data.context || data.documents.length > 0) && (
            <Box component="section" aria-labelledby="vote-file">
              <Title order={2} size="h4" id="vote-file" mb={4}>
                {t('governance.decisions.file')}
              </Title>
              {data.context && (
                // A long file (a project's, with its budget and criteria) folded: on a phone, the answer the email's
                // button chose stays a thumb's reach below the question instead of a screen and a half down.
                <Spoiler maxHeight={150} showLabel={t('governance.vote.fileMore')} hideLabel={t('common.showLess')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {data.context}
                  </Text>
                </Spoiler>
              )}
              {data.documents.length > 0 && (
                <Stack gap={4} component="ul" p={0} m={0} mt="xs" style={{ listStyle: 'none' }}>
                  {data.documents.map((d) => (
                    <Group key={d.id} component="li" gap={6} wrap="nowrap" align="flex-start">
                      <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        <Anchor href={d.url} inherit fw={600}>
                          {d.fileName}
                        </Anchor>{' '}
                        ({size(d.bytes)})
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Box>
          )}

          <Box component="section" aria-labelledby="vote-answer">
            <Title order={2} size="h4" id="vote-answer" mb="xs">
              {t('governance.vote.answerTitle')}
            </Title>
            {data.status === 'closed' && data.outcome && (
              <Paper withBorder p="sm" radius="md" mb="sm" bg="gray.0">
                <OutcomeSummary outcome={data.outcome} registerNumber={data.registerNumber} tally={data.tally} />
              </Paper>
            )}
            <DecisionVoterPanel
              state={{
                options: data.options.map(toChoice).filter((c): c is Choice => c !== null),
                choice: toChoice(data.voter.choice),
                conflict: data.voter.conflict,
                proxyToId: data.voter.proxyToId,
                holdsProxiesOf: data.voter.holdsProxiesOf,
                proxiesPerHolder: data.proxiesPerHolder,
                others: data.others,
                deadline: data.deadline,
                closed: data.closed,
              }}
              preselect={choiceFromParam(params.get('choix'))}
              actions={actions}
            />
          </Box>

          <Box component="section" aria-labelledby="vote-comments">
            <Title order={2} size="h4" id="vote-comments" mb="xs">
              {t('governance.vote.commentsTitle', { count: data.comments.length })}
            </Title>
            <DecisionComments comments={data.comments} canComment={!data.closed} onAdd={(body) => act('comment', { body })} />
          </Box>
        </Stack>
      )}
    </PublicFrame>
  );
}
