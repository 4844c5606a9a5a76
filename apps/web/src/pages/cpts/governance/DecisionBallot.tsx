import { Alert, Box, Button, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHandStop, IconUserShare } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { AppError } from '../../../lib/errors';
import { formatParis } from '../../../lib/paris';
import { CHOICES, type Choice } from './DecisionLabels';

// Shared by the public vote page (from the email's link) and the signed-in decision page: Mantine and i18n only.

/** What the voter's part of the page shows: their own answer and what they may still do. */
export interface VoterState {
  options: Choice[];
  choice: Choice | null;
  conflict: boolean;
  proxyToId: string | null;
  /** Whose votes the person also carries. */
  holdsProxiesOf: string[];
  /** Proxies one may hold under the rules of the decision (0: none). */
  proxiesPerHolder: number;
  /** The other voters one may give one's vote to. */
  others: Array<{ id: string; name: string }>;
  deadline: string | null;
  /** Why the person can no longer act, in French; null while they can. */
  closed: string | null;
}

/** Each action answers the API's French error, or null once done (the page then shows the decision as it stands). */
export interface VoterActions {
  vote: (choice: Choice) => Promise<AppError | null>;
  declareConflict: (note: string) => Promise<AppError | null>;
  giveProxy: (holderId: string | null) => Promise<AppError | null>;
}

type Busy = 'vote' | 'conflict' | 'proxy' | null;

/**
 * The voter's part of a decision: their answer, chosen then confirmed (the
 * email's button only preselects it: opening the page records nothing), with
 * the recorded vote said plainly and changeable until the close; a proxy to
 * another voter (and taking it back); a conflict of interest, after a
 * confirmation. Each action's error shows next to it.
 */
export function DecisionVoterPanel({ state, preselect, actions }: { state: VoterState; preselect: Choice | null; actions: VoterActions }) {
  const { t } = useTranslation();
  const offered = CHOICES.filter((c) => state.options.includes(c));
  const initial = preselect && offered.includes(preselect) ? preselect : state.choice;
  const [selected, setSelected] = useState<Choice | null>(initial);
  const [busy, setBusy] = useState<Busy>(null);
  const [errors, setErrors] = useState<Partial<Record<Exclude<Busy, null>, AppError>>>({});
  const [justVoted, setJustVoted] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [note, setNote] = useState('');
  const [holder, setHolder] = useState<string | null>(null);
  const recorded = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justVoted) recorded.current?.focus();
  }, [justVoted]);

  const run = async (kind: Exclude<Busy, null>, act: () => Promise<AppError | null>) => {
    setBusy(kind);
    setErrors((e) => ({ ...e, [kind]: undefined }));
    const error = await act();
    setBusy(null);
    if (error) setErrors((e) => ({ ...e, [kind]: error }));
    return error;
  };
  const vote = async () => {
    if (!selected) return;
    setJustVoted(false);
    if (!(await run('vote', () => actions.vote(selected)))) setJustVoted(true);
  };
  const declare = async () => {
    if (!(await run('conflict', () => actions.declareConflict(note.trim())))) setConflictOpen(false);
  };
  const proxy = async (holderId: string | null) => {
    if (!(await run('proxy', () => actions.giveProxy(holderId)))) setHolder(null);
  };

  const label = (c: Choice) => t(`governance.decisions.choice.${c}`);
  const proxyHolder = state.proxyToId ? state.others.find((o) => o.id === state.proxyToId)?.name : null;
  const mayGiveProxy = state.proxiesPerHolder > 0 && state.choice === null && !state.proxyToId && state.holdsProxiesOf.length === 0;
  const errorOf = (kind: Exclude<Busy, null>) =>
    errors[kind] && (
      <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('errors.title')}>
        <Text size="sm">{Object.values(errors[kind]!.fields)[0] ?? errors[kind]!.message}</Text>
      </Alert>
    );

  return (
    <Stack gap="md">
      {state.choice && (
        <Alert
          ref={recorded}
          tabIndex={-1}
          color="teal"
          icon={<IconCircleCheck size={20} aria-hidden />}
          role="status"
          title={t('governance.vote.recorded', { choice: label(state.choice) })}
        >
          <Text size="sm">
            {state.closed
              ? t('governance.vote.recordedFinal')
              : state.deadline
                ? t('governance.vote.changeUntil', { when: formatParis(state.deadline) })
                : t('governance.vote.changeUntilClose')}
          </Text>
        </Alert>
      )}
      {state.closed ? (
        <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('governance.vote.closedTitle')}>
          <Text size="sm">{state.closed}</Text>
          {!state.choice && state.proxyToId && (
            <Text size="sm" mt={4}>
              {t('governance.vote.proxyWasGiven', { name: proxyHolder ?? t('governance.vote.anotherVoter') })}
            </Text>
          )}
          {state.conflict && (
            <Text size="sm" mt={4}>
              {t('governance.vote.conflictWasDeclared')}
            </Text>
          )}
        </Alert>
      ) : state.conflict ? (
        <Alert color="orange" icon={<IconHandStop size={20} aria-hidden />} title={t('governance.vote.conflictDeclaredTitle')}>
          <Text size="sm">{t('governance.vote.conflictDeclared')}</Text>
        </Alert>
      ) : (
        <>
          {state.holdsProxiesOf.length > 0 && (
            <Alert color="blue" icon={<IconUserShare size={20} aria-hidden />}>
              <Text size="sm">
                {t('governance.vote.holds', { names: state.holdsProxiesOf.join(', '), count: state.holdsProxiesOf.length })}
              </Text>
            </Alert>
          )}
          {state.proxyToId && (
            <Alert color="blue" icon={<IconUserShare size={20} aria-hidden />} title={t('governance.vote.proxyGivenTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('governance.vote.proxyGiven', { name: proxyHolder ?? t('governance.vote.anotherVoter') })}</Text>
                <Group>
                  <Button variant="default" size="sm" loading={busy === 'proxy'} onClick={() => void proxy(null)}>
                    {t('governance.vote.takeBack')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Radio.Group
            label={t('governance.vote.answerLabel')}
            description={state.choice ? t('governance.vote.answerChangeHelp') : t('governance.vote.answerHelp')}
            value={selected}
            onChange={(v) => setSelected(v as Choice)}
          >
            <SimpleGrid cols={{ base: 1, xs: offered.length }} spacing="xs" mt="xs">
              {offered.map((c) => (
                <Radio.Card key={c} value={c} p="sm" radius="md" withBorder disabled={busy !== null}>
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator />
                    <Text fw={600}>{label(c)}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          {errorOf('vote')}
          {selected && selected !== state.choice && (
            <Button size="md" loading={busy === 'vote'} onClick={() => void vote()} style={{ alignSelf: 'flex-start', maxWidth: '100%' }}>
              {t(state.choice ? 'governance.vote.change' : 'governance.vote.confirm', { choice: label(selected) })}
            </Button>
          )}
          {!selected && (
            <Text size="sm" c="gray.8">
              {t('governance.vote.chooseFirst')}
            </Text>
          )}

          {mayGiveProxy && (
            <Box component="section" aria-labelledby="vote-proxy">
              <Title order={3} size="h5" id="vote-proxy" mb={4}>
                {t('governance.vote.proxyTitle')}
              </Title>
              <Text size="sm" c="gray.8" mb="xs">
                {t('governance.vote.proxyHelp', { count: state.proxiesPerHolder })}
              </Text>
              <Group align="flex-end" gap="xs" wrap="wrap">
                <Select
                  label={t('governance.vote.proxyTo')}
                  placeholder={t('governance.vote.proxyPlaceholder')}
                  data={state.others.map((o) => ({ value: o.id, label: o.name }))}
                  value={holder}
                  onChange={setHolder}
                  style={{ flex: '1 1 220px' }}
                  comboboxProps={{ withinPortal: true }}
                />
                <Button variant="light" loading={busy === 'proxy'} disabled={!holder} onClick={() => holder && void proxy(holder)}>
                  {t('governance.vote.giveProxy')}
                </Button>
              </Group>
            </Box>
          )}
          {errorOf('proxy')}

          <Box component="section" aria-labelledby="vote-conflict">
            <Title order={3} size="h5" id="vote-conflict" mb={4}>
              {t('governance.vote.conflictTitle')}
            </Title>
            <Text size="sm" c="gray.8" mb="xs">
              {t('governance.vote.conflictHelp')}
            </Text>
            <Button variant="default" c="red.9" leftSection={<IconHandStop size={16} aria-hidden />} onClick={() => setConflictOpen(true)}>
              {t('governance.vote.conflictAction')}
            </Button>
          </Box>
          {!conflictOpen && errorOf('conflict')}
        </>
      )}
      <ConfirmModal
        opened={conflictOpen}
        onClose={() => setConflictOpen(false)}
        title={t('governance.vote.conflictConfirmTitle')}
        action={{
          label: t('governance.vote.conflictConfirm'),
          color: 'red.8',
          loading: busy === 'conflict',
          onClick: () => void declare(),
        }}
      >
        <Text size="sm">{t('governance.vote.conflictExplain')}</Text>
        <Textarea
          label={t('governance.vote.conflictNote')}
          description={t('governance.vote.conflictNoteHelp')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {errorOf('conflict')}
      </ConfirmModal>
    </Stack>
  );
}
