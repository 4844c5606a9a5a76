import { Alert, Badge, Box, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { AppError } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PublicFrame } from './PublicFrame';
import { PublicLoadError } from './PublicLoadError';
import { postPublicJson, usePublicJson } from './usePublicJson';

interface JoinView {
  cptsName: string;
  groupName: string;
  /** As stored: lower case (care_pathways). */
  missions: string[];
  theme: string | null;
  description: string;
  frame: { purpose: string; rules: string; confidentiality: string };
  /** Why no request can be made (paused, closed), in French; null while it can. */
  closed: string | null;
}

const EMPTY = { firstName: '', lastName: '', email: '', profession: '', message: '' };
type Form = typeof EMPTY;

/**
 * The page of a working group's join link, pasted in a newsletter: no
 * sign-in, the signed token names the group. It presents the group and its
 * frame, and takes a request (name, address, profession, a word); nobody
 * joins before a referent or the team says yes. Opening it records nothing.
 * At the CPTS's address, /cpts/<slug>/groupes/<token>.
 */
export function JoinGroupPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const url = `/api/public/working-groups/${encodeURIComponent(token)}`;
  const { data, setData, error, retry } = usePublicJson<JoinView>(url);
  const [form, setForm] = useState<Form>(EMPTY);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [sendError, setSendError] = useState<AppError | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useDocumentTitle(
    data
      ? t('joinGroup.titleOf', { name: data.groupName })
      : error?.code === 'NOT_FOUND'
        ? t('meetingReply.invalidTitle')
        : t('joinGroup.title'),
  );
  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
    },
    error: sendError?.fields[name],
    disabled: sending,
  });

  const send = async () => {
    setSending(true);
    setSendError(null);
    const res = await postPublicJson<{ received: true }>(`${url}/join-requests`, form, t);
    setSending(false);
    if ('error' in res) {
      // Paused or closed since the page was opened: the API's French words replace the form.
      if (res.error.code === 'CONFLICT') setData((d) => d && { ...d, closed: res.error.message });
      else setSendError(res.error);
      return;
    }
    setSent(true);
  };

  if (error && !data) return <PublicLoadError error={error} onRetry={retry} />;

  const frame = data ? [data.frame.purpose, data.frame.rules, data.frame.confidentiality].some(Boolean) : false;

  return (
    <PublicFrame name={data?.cptsName ?? t('app.name')} footer={t('joinGroup.footer')}>
      {!data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Box>
            <Text c="gray.8" size="sm">
              {t('joinGroup.kicker')}
            </Text>
            <Title order={1} size="h2" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {data.groupName}
            </Title>
            {data.missions.length > 0 && (
              <Group gap={4} mt="xs" wrap="wrap">
                {data.missions.map((m) => (
                  <Badge key={m} color="brand" variant="outline" tt="none" size="sm">
                    {t(`workingGroups.missions.${m.toUpperCase()}`)}
                  </Badge>
                ))}
              </Group>
            )}
            {data.theme && (
              <Text mt="xs" fw={600}>
                {data.theme}
              </Text>
            )}
            {data.description && (
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {data.description}
              </Text>
            )}
          </Box>
          {frame && (
            <Box component="section" aria-labelledby="join-frame">
              <Title order={2} size="h4" id="join-frame" mb={4}>
                {t('meetingReply.frame')}
              </Title>
              <Stack gap={4}>
                {data.frame.purpose && <Text size="sm">{t('joinGroup.purpose', { text: data.frame.purpose })}</Text>}
                {data.frame.rules && <Text size="sm">{t('joinGroup.rules', { text: data.frame.rules })}</Text>}
                {data.frame.confidentiality && (
                  <Text size="sm">{t('joinGroup.confidentiality', { text: data.frame.confidentiality })}</Text>
                )}
              </Stack>
            </Box>
          )}

          <Box component="section" aria-labelledby="join-form">
            <Title order={2} size="h4" id="join-form" mb={4}>
              {t('joinGroup.formTitle')}
            </Title>
            {sent ? (
              <Alert
                ref={confirmation}
                tabIndex={-1}
                color="teal"
                icon={<IconCircleCheck size={20} aria-hidden />}
                title={t('joinGroup.sentTitle')}
                role="status"
              >
                <Text size="sm">{t('joinGroup.sent', { name: data.groupName })}</Text>
              </Alert>
            ) : data.closed ? (
              <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert" title={t('joinGroup.closedTitle')}>
                <Text size="sm">{data.closed}</Text>
              </Alert>
            ) : (
              <form
                // The API's French messages by each field, rather than the browser's own bubbles.
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void send();
                }}
              >
                <Stack gap="sm">
                  <Text size="sm" c="gray.8">
                    {t('joinGroup.intro')}
                  </Text>
                  {sendError && !Object.keys(sendError.fields).length && (
                    <Alert color="red" role="alert" title={t('errors.title')}>
                      <Text size="sm">{sendError.message}</Text>
                    </Alert>
                  )}
                  <Group grow align="flex-start" wrap="wrap">
                    <TextInput label={t('joinGroup.firstName')} autoComplete="given-name" required miw={200} {...field('firstName')} />
                    <TextInput label={t('joinGroup.lastName')} autoComplete="family-name" required miw={200} {...field('lastName')} />
                  </Group>
                  <TextInput label={t('joinGroup.email')} type="email" autoComplete="email" required {...field('email')} />
                  <TextInput label={t('joinGroup.profession')} required {...field('profession')} />
                  <Textarea label={t('joinGroup.message')} autosize minRows={3} maxLength={2000} {...field('message')} />
                  <Button type="submit" size="md" loading={sending} style={{ alignSelf: 'flex-start' }}>
                    {t('joinGroup.send')}
                  </Button>
                </Stack>
              </form>
            )}
          </Box>
        </Stack>
      )}
    </PublicFrame>
  );
}
