import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { FormAlert } from '../../../components/states';
import type { CallProjectQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { CALL_CONTEXT, CommentOnProjectDocument } from './queries';
import '../../../i18n/calls';

type Project = CallProjectQuery['callProject'];

/**
 * The methodological help: the thread between the team and the proposer,
 * oldest first. A message of the team goes to the proposer by email with
 * the link to their project; the board reads the thread.
 */
export function ProjectThread({ project: p, team }: { project: Project; team: boolean }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, comment] = useMutation(CommentOnProjectDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!body.trim())
      return setError({ code: 'BAD_USER_INPUT', message: t('calls.thread.empty'), fields: { body: t('calls.thread.empty') } });
    const result = await comment({ id: p.id, body: body.trim() }, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    setBody('');
    notifications.show({ color: 'teal', message: t('calls.thread.sent') });
  };

  return (
    <CardSection id="project-thread" title={t('calls.thread.title', { count: p.comments.length })} gap="sm">
      {p.comments.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.thread.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.comments.map((c) => (
            <Paper key={c.id} withBorder p="sm" radius="md" component="li" bg={c.author === 'team' ? 'brand.0' : undefined}>
              <Group gap={6} mb={4} wrap="wrap">
                <Badge color={c.author === 'team' ? 'brand' : 'gray'} tt="none" size="sm" miw="max-content">
                  {c.author === 'team' ? t('calls.thread.team') : t('calls.thread.proposer')}
                </Badge>
                <Text size="xs" c="gray.8">
                  {t('calls.thread.by', { name: c.authorName, date: formatDateTime(c.createdAt) })}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {team && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('calls.thread.label')}
              description={t('calls.thread.help')}
              autosize
              minRows={3}
              maxLength={4000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={error?.fields.body}
            />
            <FormAlert error={error && !error.fields.body ? error : null} />
            <Group>
              <Button type="submit" variant="light" loading={fetching} leftSection={<IconSend size={16} aria-hidden />}>
                {t('calls.thread.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </CardSection>
  );
}

/** Every change of status: when, from what, to what, by whom, and the note that came with it. */
export function ProjectHistory({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const label = (s: string | null | undefined) => (s ? t(`calls.status.${s}`) : '');
  return (
    <CardSection id="project-history" title={t('calls.history.title')} gap="sm">
      {p.events.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.history.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {p.events.map((e, i) => (
            <Stack key={`${e.at}-${i}`} gap={0} component="li" pb={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={600}>
                {!e.fromStatus
                  ? t('calls.history.created', { to: label(e.toStatus) })
                  : e.fromStatus === e.toStatus
                    ? label(e.toStatus)
                    : t('calls.history.move', { from: label(e.fromStatus), to: label(e.toStatus) })}
              </Text>
              <Text size="xs" c="gray.8">
                {t('calls.history.when', { date: formatDateTime(e.at), name: e.actorName })}
              </Text>
              {e.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.note}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </CardSection>
  );
}
