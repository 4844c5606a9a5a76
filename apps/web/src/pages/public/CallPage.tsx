import { Alert, Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { EMPTY_IDENTITY, identityBody, IdentityFields, type Identity, type IdentityChoices } from './IdentityFields';
import { CallFacts, type PublicCall } from './PublicCallFacts';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { useCurrentAddress } from './useCurrentAddress';
import { postPublicJson, usePublicJson } from './usePublicJson';

interface CallView extends IdentityChoices {
  cptsName: string;
  cptsSlug: string;
  call: PublicCall;
}

/**
 * A call for projects' public page, /cpts/<slug>/appels/<call slug>: no
 * sign-in. Its rules, timeline, eligible missions and fee schedule, then
 * "Proposer un projet" (who one is for the CPTS's directory, an address, a
 * title): the link to the project is emailed, never shown, so the address
 * is proved by receiving it. Someone who already started asks for their
 * links again (the answer is the same whether any project exists).
 */
export function CallPage() {
  const { slug = '', callSlug = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/calls/${encodeURIComponent(slug)}/${encodeURIComponent(callSlug)}`;
  const { data, error, retry } = usePublicJson<CallView>(url);
  useCurrentAddress(data ? `/cpts/${data.cptsSlug}/appels/${encodeURIComponent(callSlug)}` : null);
  useDocumentTitle(data ? data.call.title : t('proposerCall.title'));

  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  return (
    <PublicFrame name={data?.cptsName ?? t('app.name')} footer={t('proposerCall.footer')}>
      {!data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <CallFacts call={data.call} />
          <ProposeForm url={url} call={data.call} choices={data} />
          <LinksAgain url={url} />
        </Stack>
      )}
    </PublicFrame>
  );
}

/** "Proposer un projet": identity, address, title; the answer says where the link went. */
function ProposeForm({ url, call, choices }: { url: string; call: PublicCall; choices: IdentityChoices }) {
  const { t } = useTranslation();
  const [who, setWho] = useState<Identity>(EMPTY_IDENTITY);
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sentTo) confirmation.current?.focus();
  }, [sentTo]);

  const send = async () => {
    setSending(true);
    setFailure(null);
    const res = await postPublicJson<{ sent: true; email: string }>(`${url}/proposals`, { ...identityBody(who), email, title }, t);
    setSending(false);
    if ('error' in res) return setFailure(res.error);
    setSentTo(res.data.email);
  };

  const fields = failure?.fields ?? {};
  const shownFields = ['rpps', 'firstName', 'lastName', 'professionCode', 'communeCode', 'email', 'title'];
  return (
    <Box component="section" aria-labelledby="call-propose">
      <Title order={2} size="h4" id="call-propose" mb={4}>
        {t('proposerCall.proposeTitle')}
      </Title>
      {sentTo ? (
        <Alert
          ref={confirmation}
          tabIndex={-1}
          color="teal"
          icon={<IconCircleCheck size={20} aria-hidden />}
          title={t('proposerCall.sentTitle')}
          role="status"
        >
          <Text size="sm">{t('proposerCall.sent', { email: sentTo })}</Text>
          <Text size="sm" mt={4}>
            {t('proposerCall.sentHelp')}
          </Text>
        </Alert>
      ) : call.state !== 'open' ? (
        <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('proposerCall.notOpenTitle')} role="status">
          <Text size="sm">{call.timeline}</Text>
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="gray.8">
              {t('proposerCall.proposeIntro')}
            </Text>
            {failure && !Object.keys(failure.fields).some((f) => shownFields.includes(f)) && (
              <Alert color="red" role="alert" title={t('errors.title')}>
                <Text size="sm">{failure.message}</Text>
              </Alert>
            )}
            <IdentityFields value={who} onChange={setWho} choices={choices} errors={fields} disabled={sending} />
            <TextInput
              label={t('proposerCall.email')}
              description={t('proposerCall.emailHelp')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields.email}
              disabled={sending}
            />
            <TextInput
              label={t('proposerCall.projectTitle')}
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fields.title}
              disabled={sending}
            />
            <Button type="submit" size="md" loading={sending} style={{ alignSelf: 'flex-start' }}>
              {t('proposerCall.send')}
            </Button>
          </Stack>
        </form>
      )}
    </Box>
  );
}

/** "Vous avez déjà commencé ?": a fresh link for each of one's projects of this call. */
function LinksAgain({ url }: { url: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  const send = async () => {
    setSending(true);
    setFailure(null);
    const res = await postPublicJson<{ sent: true; email: string }>(`${url}/links`, { email }, t);
    setSending(false);
    if ('error' in res) return setFailure(res.error);
    setSentTo(res.data.email);
  };

  return (
    <Box component="section" aria-labelledby="call-again">
      <Title order={2} size="h5" id="call-again" mb={4}>
        {t('proposerCall.againTitle')}
      </Title>
      {sentTo ? (
        <Text size="sm" role="status">
          {t('proposerCall.againSent', { email: sentTo })}
        </Text>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('proposerCall.againEmail')}
              description={t('proposerCall.againIntro')}
              type="email"
              autoComplete="email"
              size="sm"
              miw={220}
              style={{ flex: 1 }}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={failure ? (failure.fields.email ?? failure.message) : undefined}
              disabled={sending}
            />
            <Button type="submit" variant="default" size="sm" loading={sending}>
              {t('proposerCall.againSend')}
            </Button>
          </Group>
        </form>
      )}
    </Box>
  );
}
