import { Alert, Anchor, Badge, Box, Button, Center, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockExclamation } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import { errorFromBody, type AppError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { identityBody, type Identity } from './IdentityFields';
import { CallFacts } from './PublicCallFacts';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { draftFrom, formOf, pageFields, type ProjectDraft, type ProjectPerson, type ProjectView } from './proposerProject';
import { ProposerProjectForm } from './ProposerProjectForm';
import { ProjectDocumentsSection, ProjectHistory, ProjectThread } from './ProposerProjectSide';
import { useCurrentAddress } from './useCurrentAddress';
import { networkError, usePublicJson } from './usePublicJson';

/** The code of an authentic link past its time (410): the page offers a fresh one. */
const LINK_EXPIRED = 'LINK_EXPIRED';
/** The form is saved this long after the last keystroke. */
const AUTOSAVE_MS = 1200;

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string } | { kind: 'invalid' };

const STATUS_COLOR: Record<string, string> = {
  draft: 'blue',
  submitted: 'teal',
  under_review: 'teal',
  changes_requested: 'orange',
  ready_for_bureau: 'violet',
  approved: 'green',
  rejected: 'red',
  in_progress: 'cyan',
  completed: 'green',
  evaluated: 'green',
};
const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

/**
 * A request of the page: the JSON answer, or the API's French error (its
 * code kept, LINK_EXPIRED included), every message of a field kept, one a
 * line (a submission may have several about the criteria).
 */
async function send<T>(
  method: string,
  url: string,
  body?: BodyInit,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): Promise<{ data: T } | { error: AppError }> {
  try {
    const res = await fetch(url, { method, body, headers: body === undefined ? headers : { 'content-type': contentType, ...headers } });
    const answer = await res.json().catch(() => null);
    if (res.ok) return { data: answer as T };
    const fields: Record<string, string> = {};
    for (const f of (answer as { errors?: Array<{ extensions?: { fields?: Array<{ field: string; message: string }> } }> } | null)
      ?.errors?.[0]?.extensions?.fields ?? [])
      fields[f.field] = !fields[f.field]
        ? f.message
        : fields[f.field].split('\n').includes(f.message)
          ? fields[f.field]
          : `${fields[f.field]}\n${f.message}`;
    return { error: { ...errorFromBody(answer), fields } };
  } catch {
    return { error: networkError('') };
  }
}

/**
 * The proposer's page of their project, /cpts/<slug>/projets/<token>: no
 * sign-in, the emailed link is the key. The form saves itself as it is
 * typed (a visible "Enregistré à 14:32", failures said), the budget is
 * computed as the server computes it, and "Déposer mon projet" shows the
 * server's French reasons next to the fields. Read-only once submitted,
 * unless the team asks for changes. The thread with the team, the files,
 * the history. An expired link explains itself and sends a fresh one.
 */
export function ProposerProjectPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/projects/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<ProjectView>(url);
  const [expired, setExpired] = useState(false);
  const [draft, setDraft] = useState<ProjectDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<AppError | null>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  // The draft as last typed, the version of it, the version saved, and the saves in flight (one after the other).
  const latest = useRef<ProjectDraft | null>(null);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useCurrentAddress(data ? `/cpts/${data.cptsSlug}/projets/${encodeURIComponent(token)}` : null);
  useDocumentTitle(data ? data.project.title : t('proposerProject.title'));
  useEffect(() => {
    if (error && (error.code as string) === LINK_EXPIRED) setExpired(true);
  }, [error]);
  useEffect(() => {
    if (data && !latest.current) {
      latest.current = draftFrom(data);
      setDraft(latest.current);
    }
  }, [data]);

  /** Any answer of the API: the page as it now stands, or its error (an expired link turns the page into its renewal). */
  const answered = useCallback(
    (res: { data: ProjectView } | { error: AppError }): AppError | null => {
      if ('error' in res) {
        if ((res.error.code as string) === LINK_EXPIRED) setExpired(true);
        return res.error.code === 'NETWORK' ? { ...res.error, message: t('errors.network') } : res.error;
      }
      setData(res.data);
      return null;
    },
    [setData, t],
  );

  /** Saves the draft as it is now, after the saves already under way. */
  const save = useCallback(() => {
    chain.current = chain.current.then(async () => {
      const current = latest.current;
      const at = version.current;
      if (!current || at === savedVersion.current) return;
      const body = formOf(current);
      if (!('form' in body)) {
        setErrors(Object.fromEntries(Object.keys(body.invalid).map((k) => [k, t('proposerProject.invalidAmount')])));
        setSaveState({ kind: 'invalid' });
        return;
      }
      setSaveState({ kind: 'saving' });
      const failure = answered(await send<ProjectView>('PUT', url, JSON.stringify({ form: body.form })));
      if (failure) {
        setErrors(pageFields(failure.fields, body.lineAt));
        setSaveState({ kind: 'failed', message: failure.message });
        // Submitted elsewhere, or the call closed meanwhile: the page reads the project as it now stands.
        if (failure.code === 'CONFLICT') retry();
        return;
      }
      savedVersion.current = at;
      setErrors({});
      setSaveState({ kind: 'saved', at: new Date() });
    });
    return chain.current;
  }, [answered, retry, t, url]);

  const edit = (change: (d: ProjectDraft) => ProjectDraft) => {
    if (!latest.current) return;
    latest.current = change(latest.current);
    version.current += 1;
    setDraft(latest.current);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };
  useEffect(() => {
    const pending = timer;
    return () => {
      if (pending.current) clearTimeout(pending.current);
    };
  }, []);

  const submit = async () => {
    if (timer.current) clearTimeout(timer.current);
    setSubmitting(true);
    setSubmitError(null);
    await save();
    if (version.current !== savedVersion.current) {
      setSubmitting(false);
      setSubmitError({ code: 'BAD_USER_INPUT', message: t('proposerProject.fixBeforeSubmit'), fields: {} });
      return;
    }
    const res = await send<ProjectView>('POST', `${url}/submit`);
    setSubmitting(false);
    const failure = answered(res);
    if (failure) {
      setErrors(pageFields(failure.fields, []));
      setSubmitError(failure);
      return;
    }
    setErrors({});
    setJustSubmitted(true);
  };

  const addCoCarrier = async (who: Identity): Promise<{ person: ProjectPerson } | { error: AppError }> => {
    const res = await send<ProjectPerson>('POST', `${url}/co-carriers`, JSON.stringify(identityBody(who)));
    if ('error' in res && (res.error.code as string) === LINK_EXPIRED) setExpired(true);
    return 'error' in res ? res : { person: res.data };
  };

  if (expired) return <ExpiredLink url={url} />;
  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  const editable = data?.can.edit ?? false;
  return (
    <PublicFrame
      name={data?.cptsName ?? t('app.name')}
      footer={data ? t('proposerProject.footer', { date: formatDate(data.linkExpiresAt) }) : undefined}
    >
      {!data || !draft ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Box>
            <Text c="gray.8" size="sm">
              {t('proposerProject.kicker', { number: data.project.number, call: data.call.title })}
            </Text>
            <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {data.project.title}
            </Title>
            <Text size="sm" c="gray.8" mt={4}>
              {t('proposerProject.carriedBy', { name: data.project.proposer.name, email: data.project.proposer.email })}
            </Text>
          </Box>

          <Alert
            color={STATUS_COLOR[data.project.status] ?? 'gray'}
            variant="light"
            title={
              <Group gap="xs">
                {t('proposerProject.status')}
                <Badge color={STATUS_COLOR[data.project.status] ?? 'gray'}>{data.statusLabel}</Badge>
              </Group>
            }
          >
            <Text size="sm">{data.statusHelp}</Text>
          </Alert>

          <Box component="section" aria-labelledby="project-form">
            <Group justify="space-between" align="baseline" mb="xs" wrap="wrap" gap="xs">
              <Title order={2} size="h4" id="project-form">
                {t('proposerProject.formTitle')}
              </Title>
              {editable && <SaveIndicator state={saveState} />}
            </Group>
            <ProposerProjectForm view={data} draft={draft} edit={edit} errors={errors} editable={editable} addCoCarrier={addCoCarrier} />
          </Box>

          {(editable || justSubmitted) && (
            <Box component="section" aria-labelledby="project-submit">
              <Title order={2} size="h4" id="project-submit" mb={4}>
                {t('proposerProject.submitTitle')}
              </Title>
              {justSubmitted && !editable ? (
                <Alert color="teal" icon={<IconCircleCheck size={20} aria-hidden />} role="status">
                  <Text size="sm">{t('proposerProject.submitted')}</Text>
                </Alert>
              ) : (
                <Stack gap="xs">
                  <Text size="sm" c="gray.8">
                    {t('proposerProject.submitHelp')}
                  </Text>
                  {submitError && (
                    <Alert color="red" role="alert" icon={<IconAlertTriangle size={20} aria-hidden />} title={submitError.message}>
                      {Object.keys(submitError.fields).length > 0 && <Text size="sm">{t('proposerProject.seeFields')}</Text>}
                    </Alert>
                  )}
                  <Button size="md" loading={submitting} style={{ alignSelf: 'flex-start' }} onClick={() => void submit()}>
                    {t('proposerProject.submit')}
                  </Button>
                </Stack>
              )}
            </Box>
          )}

          <ProjectDocumentsSection
            documents={data.documents}
            editable={editable}
            upload={async (file) =>
              answered(
                await send<ProjectView>('POST', `${url}/documents`, file, 'application/octet-stream', {
                  'x-file-name': encodeURIComponent(file.name),
                }),
              )
            }
            remove={async (id) => answered(await send<ProjectView>('DELETE', `${url}/documents/${encodeURIComponent(id)}`))}
          />
          <ProjectThread
            comments={data.comments}
            send={async (body) => answered(await send<ProjectView>('POST', `${url}/comments`, JSON.stringify({ body })))}
          />
          <ProjectHistory history={data.history} />

          <Divider />
          <Box component="section" aria-label={t('proposerProject.callTitle')}>
            <CallFacts call={data.call} headingLevel={2} withRules={false} />
            <Anchor component={Link} to={data.callPage} size="sm" mt="xs" display="inline-block">
              {t('proposerProject.callLink')}
            </Anchor>
          </Box>
        </Stack>
      )}
    </PublicFrame>
  );
}

/** "Enregistré à 14:32", or what stops the save; read out as it changes. */
function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saving'
      ? t('proposerProject.saving')
      : state.kind === 'saved'
        ? t('proposerProject.savedAt', { time: time.format(state.at) })
        : state.kind === 'failed'
          ? t('proposerProject.saveFailed', { message: state.message })
          : state.kind === 'invalid'
            ? t('proposerProject.saveInvalid')
            : t('proposerProject.autosave');
  const failing = state.kind === 'failed' || state.kind === 'invalid';
  return (
    <Text size="sm" c={failing ? 'red.8' : 'gray.8'} role="status" aria-live="polite" data-testid="save-state">
      {text}
    </Text>
  );
}

/** An expired link: said plainly, with a fresh one sent to the project's address. */
function ExpiredLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [failure, setFailure] = useState<AppError | null>(null);
  useDocumentTitle(t('proposerProject.expiredTitle'));
  const renew = async () => {
    setState('sending');
    setFailure(null);
    const res = await send<{ sent: true }>('POST', `${url}/renew`);
    if ('error' in res) {
      setState('idle');
      return setFailure(res.error.code === 'NETWORK' ? { ...res.error, message: t('errors.network') } : res.error);
    }
    setState('sent');
  };
  return (
    <Center mih="100vh" component="main" p="md">
      <Stack maw={480} gap="md" align="center" ta="center">
        <IconClockExclamation size={40} aria-hidden />
        <Title order={1} size="h3">
          {t('proposerProject.expiredTitle')}
        </Title>
        <Text c="gray.8">{t('proposerProject.expired')}</Text>
        {state === 'sent' ? (
          <Alert color="teal" icon={<IconCircleCheck size={20} aria-hidden />} role="status" ta="left">
            <Text size="sm">{t('proposerProject.renewed')}</Text>
          </Alert>
        ) : (
          <Button loading={state === 'sending'} onClick={() => void renew()}>
            {t('proposerProject.renew')}
          </Button>
        )}
        {failure && (
          <Text c="red.8" size="sm" role="alert">
            {failure.message}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
