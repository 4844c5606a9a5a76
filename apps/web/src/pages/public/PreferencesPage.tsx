import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconMailOff } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PublicFrame } from './PublicFrame';
import { useCurrentAddress } from './useCurrentAddress';
import { postPublicJson, usePublicJson } from './usePublicJson';

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
  const [saving, setSaving] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // Without a slug: the address of messages sent before, whose API answer leads to the current one.
  const url = slug
    ? `/api/public/cpts/${encodeURIComponent(slug)}/preferences/${encodeURIComponent(token)}`
    : `/api/public/preferences/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<Preferences>(url);
  useCurrentAddress(data ? `/cpts/${data.cpts.slug}/preferences/${encodeURIComponent(token)}` : null);

  useDocumentTitle(t('preferences.title'));

  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const choose = useCallback(
    async (standing: Pick<Standing, 'purpose' | 'wording'>, receive: boolean, key: string) => {
      setSaving(key);
      setSaveError(null);
      setDone(null);
      const res = await postPublicJson<Preferences>(
        url,
        { purpose: standing.purpose, receive, ...(receive ? { wordingVersion: standing.wording.version } : {}) },
        t,
      );
      setSaving(null);
      if ('error' in res) {
        setSaveError(res.error);
        return;
      }
      setData(res.data);
      const label = t(`preferences.purpose.${standing.purpose}`);
      setDone(receive ? t('preferences.doneReceive', { label }) : t('preferences.doneStop', { label }));
    },
    [url, t, setData],
  );

  // A link we did not write (or altered): the server's French message says what to do.
  if (error && !data) return <ErrorState error={error} onRetry={retry} fullPage />;

  const current = data?.purposes.find((p) => p.purpose === data.purpose) ?? null;
  // A blocked address (bounce, complaint) receives nothing, whatever the consents say, until the person chooses again.
  const receives = (p: Standing) => p.allowed && !data?.blocked;
  const stoppedHere = data ? (current ? !receives(current) : data.blocked !== null) : false;
  const label = data ? t(`preferences.purpose.${data.purpose}`) : '';

  return (
    <PublicFrame name={data?.cpts.name ?? t('app.name')} footer={t('preferences.footer')}>
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
    </PublicFrame>
  );
}
