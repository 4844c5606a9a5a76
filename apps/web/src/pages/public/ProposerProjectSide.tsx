import { ActionIcon, Alert, Anchor, Box, Button, FileButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import type { ProjectView } from './proposerProject';

/** "245 Ko", "1,2 Mo". */
const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} o`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} Ko`
      : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

/** The project's files: downloaded from the link; added and taken back while the form is the proposer's to change. */
export function ProjectDocumentsSection({
  documents,
  editable,
  upload,
  remove,
}: {
  documents: ProjectView['documents'];
  editable: boolean;
  upload: (file: File) => Promise<AppError | null>;
  remove: (id: string) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const act = async (work: () => Promise<AppError | null>) => {
    setBusy(true);
    setFailure(null);
    setFailure(await work());
    setBusy(false);
  };

  return (
    <Box component="section" aria-labelledby="project-documents">
      <Title order={2} size="h4" id="project-documents" mb={4}>
        {t('proposerProject.documentsTitle')}
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        {t('proposerProject.documentsHelp')}
      </Text>
      {documents.length === 0 ? (
        <Text size="sm">{t('proposerProject.noDocument')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {documents.map((d) => (
            <Group key={d.id} component="li" gap={6} wrap="nowrap" align="flex-start">
              <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>
                <Anchor href={d.url} inherit fw={600}>
                  {d.fileName}
                </Anchor>{' '}
                ({size(d.bytes)}){!d.byProposer && ` · ${t('proposerProject.byTeam')}`}
              </Text>
              {editable && d.byProposer && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('proposerProject.removeDocument', { name: d.fileName })}
                  disabled={busy}
                  onClick={() => void act(() => remove(d.id))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {failure && (
        <Alert color="red" role="alert" mt="xs" p="xs">
          <Text size="sm">{failure.fields.file ?? failure.message}</Text>
        </Alert>
      )}
      {editable && (
        <FileButton onChange={(file) => file && void act(() => upload(file))}>
          {(props) => (
            <Button {...props} variant="default" size="xs" mt="xs" loading={busy} leftSection={<IconUpload size={16} aria-hidden />}>
              {t('proposerProject.addDocument')}
            </Button>
          )}
        </FileButton>
      )}
    </Box>
  );
}

/** The thread with the team: oldest first; the proposer writes at any time (the team is told by email). */
export function ProjectThread({ comments, send }: { comments: ProjectView['comments']; send: (body: string) => Promise<AppError | null> }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setFailure(null);
    const error = await send(body);
    setSending(false);
    if (error) return setFailure(error);
    setBody('');
  };

  return (
    <Box component="section" aria-labelledby="project-thread">
      <Title order={2} size="h4" id="project-thread" mb={4}>
        {t('proposerProject.threadTitle')}
      </Title>
      {comments.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('proposerProject.noMessage')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {comments.map((c) => (
            <Paper key={c.id} withBorder p="sm" radius="md" component="li" bg={c.author === 'team' ? 'brand.0' : undefined}>
              <Text size="xs" c="gray.8" mb={4}>
                {t('proposerProject.messageBy', { name: c.authorName, date: formatDateTime(c.createdAt) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t('proposerProject.messageLabel')}
            autosize
            minRows={2}
            maxLength={4000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={failure ? (failure.fields.body ?? failure.message) : undefined}
            disabled={sending}
          />
          <Button type="submit" variant="default" size="sm" loading={sending} style={{ alignSelf: 'flex-start' }}>
            {t('proposerProject.messageSend')}
          </Button>
        </Stack>
      </form>
    </Box>
  );
}

/** Every change of status: when, what, by whom (and the note the proposer may read). */
export function ProjectHistory({ history }: { history: ProjectView['history'] }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="project-history">
      <Title order={2} size="h4" id="project-history" mb={4}>
        {t('proposerProject.historyTitle')}
      </Title>
      <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {history.map((e, i) => (
          <Box key={`${e.at}-${i}`} component="li">
            <Text size="sm">
              <Text span fw={600}>
                {formatDateTime(e.at)}
              </Text>{' '}
              · {t('proposerProject.historyLine', { label: e.label, name: e.actorName })}
            </Text>
            {e.note && (
              <Text size="xs" c="gray.8" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.note}
              </Text>
            )}
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
