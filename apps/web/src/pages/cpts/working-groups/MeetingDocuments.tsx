import { ActionIcon, Anchor, Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { MeetingDocumentsQuery } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { uploadFile } from '../../../lib/upload';
import { DeleteMeetingDocumentDocument, MeetingDocumentsDocument } from './queries-meetings';

type Doc = MeetingDocumentsQuery['meeting']['documents'][number];

/** The server's limit, said before sending (it checks again, whatever the browser says). */
const MAX_BYTES = 20 * 1024 * 1024;
/** What the server accepts: the file picker offers these first. */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.txt,.csv';
const DOCUMENT_CONTEXT = { additionalTypenames: ['MeetingDocument'] };

/** "245 Ko", "1,2 Mo": a file's size in French units. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} o`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} Ko`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} Mo`;
}

/** The kind of file in words, from the type the server recognised in the file itself. */
function kindOf(contentType: string): string {
  const type = contentType.split(';')[0].trim();
  if (type === 'application/pdf') return 'PDF';
  if (type.startsWith('image/')) return `Image ${type.slice(6).toUpperCase()}`;
  if (type === 'text/csv') return 'CSV';
  if (type === 'text/plain') return 'Texte';
  if (type.includes('wordprocessingml') || type === 'application/msword') return 'Word';
  if (type.includes('spreadsheetml') || type === 'application/vnd.ms-excel') return 'Excel';
  if (type.includes('presentationml') || type === 'application/vnd.ms-powerpoint') return 'PowerPoint';
  if (type.includes('opendocument')) return 'OpenDocument';
  return type;
}

/**
 * The files of a meeting (agenda, slides, attendance sheet): each with its
 * kind and size, downloaded with the session (a plain link cannot carry
 * it); the meeting's managers attach one (sent as is, with its progress;
 * the server checks the size and that the file is what its name says) and
 * remove one after a confirmation.
 */
export function MeetingDocuments({ meetingId, canManage }: { meetingId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: MeetingDocumentsDocument, variables: { id: meetingId }, context: DOCUMENT_CONTEXT });
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState<Doc | null>(null);
  const [{ fetching: deleting }, remove] = useMutation(DeleteMeetingDocumentDocument);
  const documents = data?.meeting.documents ?? [];

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setUploadError(null);
    if (!file) return setUploadError({ code: 'BAD_USER_INPUT', message: t('workingGroups.documents.choose'), fields: {} });
    if (file.size > MAX_BYTES)
      return setUploadError({ code: 'BAD_USER_INPUT', message: t('workingGroups.documents.tooLarge'), fields: {} });
    setSent({ sent: 0, total: file.size });
    const result = await uploadFile<{ meetingDocument: { id: string } }>(`/api/meetings/${meetingId}/documents`, file, (s, total) =>
      setSent({ sent: s, total }),
    );
    setSent(null);
    if ('error' in result) {
      // The server's French words: too large, not the type its name says, too many documents...
      return setUploadError({ ...result.error, message: result.error.fields.file ?? result.error.message });
    }
    notifications.show({ color: 'teal', message: t('workingGroups.documents.added', { name: file.name }) });
    setFile(null);
    refetch({ requestPolicy: 'network-only' });
  };
  const download = async (doc: Doc) => {
    const failure = await downloadFile(doc.url, doc.fileName);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  const doRemove = async (doc: Doc) => {
    const result = await remove({ id: doc.id }, DOCUMENT_CONTEXT);
    setRemoving(null);
    if (result.error) return notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    notifications.show({ color: 'teal', message: t('workingGroups.documents.removed', { name: doc.fileName }) });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <CardSection id="meeting-documents" title={t('workingGroups.documents.title', { count: documents.length })} gap="sm">
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={1} />
      ) : documents.length === 0 ? (
        <Text size="sm">{t('workingGroups.documents.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {documents.map((d) => (
            <Paper key={d.id} withBorder p="xs" radius="md" component="li" aria-label={d.fileName}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={600}
                    ta="left"
                    onClick={() => void download(d)}
                    aria-label={t('workingGroups.documents.download', { name: d.fileName })}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                    {d.fileName}
                  </Anchor>
                  <Text size="xs" c="gray.8">
                    {[
                      kindOf(d.contentType),
                      formatSize(d.bytes),
                      d.uploadedByName
                        ? t('workingGroups.documents.addedBy', { date: formatDateTime(d.uploadedAt), name: d.uploadedByName })
                        : t('workingGroups.documents.addedOn', { date: formatDateTime(d.uploadedAt) }),
                    ].join(' · ')}
                  </Text>
                </Stack>
                {canManage && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    c="red.9"
                    size="lg"
                    aria-label={t('workingGroups.documents.remove', { name: d.fileName })}
                    onClick={() => setRemoving(d)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canManage && (
        <form onSubmit={upload} noValidate>
          <Stack gap="xs">
            <FileInput
              label={t('workingGroups.documents.file')}
              description={t('workingGroups.documents.fileHelp')}
              accept={ACCEPT}
              value={file}
              onChange={(f) => {
                setFile(f);
                setUploadError(null);
              }}
              leftSection={<IconPaperclip size={16} />}
              clearable
              clearButtonProps={{ 'aria-label': t('workingGroups.documents.clear') }}
            />
            {sent && (
              <Stack gap={4}>
                <Progress value={sent.total ? (100 * sent.sent) / sent.total : 0} aria-label={t('workingGroups.documents.uploading')} />
                <Text size="sm" c="gray.8">
                  {t('workingGroups.documents.progress', { sent: formatSize(sent.sent), total: formatSize(sent.total) })}
                </Text>
              </Stack>
            )}
            <FormAlert error={uploadError} />
            <Group>
              <Button type="submit" variant="light" leftSection={<IconFileUpload size={16} />} loading={!!sent}>
                {t('workingGroups.documents.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('workingGroups.documents.removeTitle')}
        action={{
          label: t('workingGroups.documents.removeConfirm'),
          color: 'red.8',
          loading: deleting,
          onClick: () => removing && void doRemove(removing),
        }}
      >
        <Text size="sm">{removing && t('workingGroups.documents.removeExplain', { name: removing.fileName })}</Text>
      </ConfirmModal>
    </CardSection>
  );
}
