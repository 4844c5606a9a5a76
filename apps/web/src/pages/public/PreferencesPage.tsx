import { Alert, Badge, Box, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconMailOff } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { errorFromBody, type AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentAddress } from './useCurrentAddress';

type Purpose = 'pro_newsletter' | 'event_invitations' | 'public_newsletter';

interface Standing {
  purpose: Purpose;
  status: 'given' | 'withdrawn' | null;
  allowed: boolean;
  basis: 'consent' | 'work_address_opt_out' | null;
  wording: { version: string; text: string };
}

interface Preferences {
  cpts: { name: string; slug: string };
  email: string;
  purpose: Purpose;
  purposes: Standing[];
  blocked: string | null;
  erased: boolean;
}

const networkError = (message: string): AppError => ({ code: 'NETWORK', message, fields: {} });

/**
 * The page a campaign message's footer links to: no sign-in, the signed
 * token in the address names the message. One prominent button stops what
 * this message was about; below, each kind of message with what the person
 * receives now, to keep or stop one by one. Every choice is recorded at once
 * (with its proof) and confirmed on the page. At the CPTS's address,
 * /cpts/<slug>/preferences/<token>.
 */
export function PreferencesPage() {
  const { slug, token = '' } = useParams();
  const { t } = useTranslation();
  const [data, setData] = useState<Preferences | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // Without a slug: the address of messages sent before, whose API answer leads to the current one.
  const url = slug
    ? `/api/public/cpts/${encodeURIComponent(slug)}/preferences/${encodeURIComponent(token)}`
    : `/api/public/preferences/${encodeURIComponent(token)}`;
  useCurrentAddress(data ? `/cpts/${data.cpts.slug}/preferences/${encodeURIComponent(token)}` : null);

  useDocumentTitle(t('preferences.title'));

  useEffect(() => {
    let live = true;
    setError(null);
    fetch(url, { cache: 'no-store' })
      .then(async (res) => {
        const body = await res.json().catch(() => null);
        if (!live) return;
        if (res.ok) setData(body as Preferences);
        else setError(errorFromBody(body));
      })
      .catch(() => live && setError(networkError(t('errors.network'))));
    return () => {
      live = false;
    };
  }, [url, attempt, t]);

  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const choose = useCallback(
    async (standing: Pick<Standing, 'purpose' | 'wording'>, receive: boolean, key: string) => {
      setSaving(key);
      setSaveError(null);
      setDone(null);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ purpose: standing.purpose, receive, ...(receive ? { wordingVersion: standing.wording.version } : {}) }),
        });
        const body = await res.json().catch(() => null);
        if (!res.ok) {
          setSaveError(errorFromBody(body));
          return;
        }
        setData(body as Preferences);
        const label = t(`preferences.purpose.${standing.purpose}`);
        setDone(receive ? t('preferences.doneReceive', { label }) : t('preferences.doneStop', { label }));
      } catch {
        setSaveError(networkError(t('errors.network')));
      } finally {
        setSaving(null);
      }
    },
    [url, t],
  );

  // A link we did not write (or altered): the server's French message says what to do.
  if (error && !data) return <ErrorState error={error} onRetry={() => setAttempt((a) => a + 1)} fullPage />;

  const current = data?.purposes.find((p) => p.purpose === data.purpose) ?? null;
  // A blocked address (bounce, complaint) receives nothing, whatever the consents say, until the person chooses again.
  const receives = (p: Standing) => p.allowed && !data?.blocked;
  const stoppedHere = data ? (current ? !receives(current) : data.blocked !== null) : false;
  const label = data ? t(`preferences.purpose.${data.purpose}`) : '';

  return (
    <Center mih="100vh" p="sm" component="main" style={{ alignItems: 'flex-start' }}>
      <Stack w="100%" maw={560} gap="md" py="md">
        <Group gap="xs" justify="center">
          <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="var(--mantine-color-brand-7)" />
            <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="white" />
          </svg>
          <Text fw={700}>{data?.cpts.name ?? t('app.name')}</Text>
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
          {!data ? (
            <LoadingState />
          ) : (
            <Stack gap="lg">
              <Box>
                <Title order={1} size="h2">
                  {t('preferences.title')}
                </Title>
                {!data.erased && (
                  <>
                    <Text c="gray.8" mt={4}>
                      {t('preferences.intro', { name: data.cpts.name })}
                    </Text>
                    <Text mt={4} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {data.email}
                    </Text>
                  </>
                )}
              </Box>

              {done && (
                <Alert ref={confirmation} tabIndex={-1} color="teal" icon={<IconCircleCheck size={20} aria-hidden />} title={t('preferences.doneTitle')} role="status" data-testid="preferences-confirmation">
                  <Text size="sm">{done}</Text>
                </Alert>
              )}
              {saveError && (
                <Alert color="red" role="alert" title={t('errors.title')}>
                  <Text size="sm">{saveError.fields.wordingVersion ?? saveError.message}</Text>
                </Alert>
              )}
              {data.erased && <Alert color="gray">{t('preferences.erased')}</Alert>}
              {data.blocked && data.blocked !== 'unsubscribed' && <Alert color="orange">{t('preferences.blocked')}</Alert>}

              {!data.erased && (
                <Box component="section" aria-labelledby="prefs-unsubscribe">
                  <Title order={2} size="h4" id="prefs-unsubscribe" mb={4}>
                    {t('preferences.thisMessage')}
                  </Title>
                  <Text size="sm" mb="sm">
                    {t('preferences.thisMessageText', { label })}
                  </Text>
                  {stoppedHere ? (
                    <Group gap="xs" wrap="nowrap">
                      <IconMailOff size={20} aria-hidden />
                      <Text fw={600}>{t('preferences.alreadyStopped', { label })}</Text>
                    </Group>
                  ) : (
                    <Button
                      size="lg"
                      fullWidth
                      color="red.8"
                      loading={saving === 'main'}
                      onClick={() => void choose({ purpose: data.purpose, wording: current?.wording ?? { version: '', text: '' } }, false, 'main')}
                    >
                      {t('preferences.unsubscribe')}
                    </Button>
                  )}
                </Box>
              )}

              {data.purposes.length > 0 && (
                <Box component="section" aria-labelledby="prefs-choose">
                  <Title order={2} size="h4" id="prefs-choose" mb={4}>
                    {t('preferences.chooseTitle')}
                  </Title>
                  <Text size="sm" c="gray.8" mb="sm">
                    {t('preferences.chooseText')}
                  </Text>
                  <Stack gap="sm">
                    {data.purposes.map((p) => {
                      const name = t(`preferences.purpose.${p.purpose}`);
                      return (
                        <Paper key={p.purpose} withBorder p="sm" radius="sm" component="section" aria-labelledby={`prefs-${p.purpose}`} data-purpose={p.purpose}>
                          <Stack gap={6}>
                            <Group justify="space-between" gap="xs" wrap="wrap">
                              <Title order={3} size="h5" id={`prefs-${p.purpose}`}>
                                {name}
                              </Title>
                              <Badge color={receives(p) ? 'teal' : 'gray'}>{receives(p) ? t('preferences.receiving') : t('preferences.notReceiving')}</Badge>
                            </Group>
                            <Text size="sm" c="gray.8">
                              {t(`preferences.describe.${p.purpose}`)}
                            </Text>
                            {receives(p) ? (
                              <Button variant="default" loading={saving === p.purpose} onClick={() => void choose(p, false, p.purpose)} style={{ alignSelf: 'flex-start' }}>
                                {t('preferences.stop')}
                              </Button>
                            ) : (
                              <>
                                <Text size="sm" data-testid="consent-wording">
                                  {t('preferences.wording', { text: p.wording.text })}
                                </Text>
                                <Button variant="light" loading={saving === p.purpose} onClick={() => void choose(p, true, p.purpose)} style={{ alignSelf: 'flex-start' }}>
                                  {t('preferences.receive')}
                                </Button>
                              </>
                            )}
                          </Stack>
                        </Paper>
                      );
                    })}
                  </Stack>
                </Box>
              )}
            </Stack>
          )}
        </Paper>
        <Text size="xs" c="gray.8" ta="center">
          {t('preferences.footer')}
        </Text>
      </Stack>
    </Center>
  );
}
