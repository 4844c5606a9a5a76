import { ActionIcon, Anchor, Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { DecisionQuery } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { uploadFile } from '../../../lib/upload';
import { formatSize } from '../working-groups/MeetingDocuments';
import { DECISION_CONTEXT, RemoveDecisionDocumentDocument } from './queries-decisions';

type Doc = DecisionQuery['decision']['documents'][number];

/** The server's limit (the meetings' document storage), said before sending: it checks again. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.txt,.csv';

/**
 * A decision's file (the quote, the project, the budget): each document
 * downloaded with the session; while the decision is a draft, whoever may
 * change it attaches one (sent as is with its progress; the server checks
 * size and type) and removes one after a confirmation. Once opened, the file
 * no longer changes: the voters read what they were sent.
 */
export function DecisionDocuments({
  decisionId,
  documents,
  canManage,
  onChanged,
}: {
  decisionId: string;
  documents: Doc[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState<Doc | null>(null);
  const [{ fetching: deleting }, remove] = useMutation(RemoveDecisionDocumentDocument);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setUploadError(null);
    if (!file) return setUploadError({ code: 'BAD_USER_INPUT', message: t('workingGroups.documents.choose'), fields: {} });
    if (file.size > MAX_BYTES)
      return setUploadError({ code: 'BAD_USER_INPUT', message: t('workingGroups.documents.tooLarge'), fields: {} });
    setSent({ sent: 0, total: file.size });
    const result = await uploadFile<{ decisionDocument: { id: string } }>(
      `/api/governance/decisions/${decisionId}/documents`,
      file,
      (s, total) => setSent({ sent: s, total }),
    );
    setSent(null);
    if ('error' in result) return setUploadError({ ...result.error, message: result.error.fields.file ?? result.error.message });
    notifications.show({ color: 'teal', message: t('governance.decisions.documents.added', { name: file.name }) });
    setFile(null);
    onChanged();
  };
  const download = async (doc: Doc) => {
    const failure = await downloadFile(doc.url, doc.fileName);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  const doRemove = async (doc: Doc) => {
    const result = await remove({ id: doc.id }, DECISION_CONTEXT);
    setRemoving(null);
    if (result.error) return notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    notifications.show({ color: 'teal', message: t('workingGroups.documents.removed', { name: doc.fileName }) });
    onChanged();
  };

  return (
    <CardSection id="decision-documents" title={t('governance.decisions.documents.title', { count: documents.length })} gap="sm">
      {documents.length === 0 ? (
        <Text size="sm">{canManage ? t('governance.decisions.documents.noneDraft') : t('governance.decisions.documents.none')}</Text>
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
                    {[formatSize(d.bytes), t('workingGroups.documents.addedOn', { date: formatDateTime(d.uploadedAt) })].join(' · ')}
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
        <Text size="sm">{removing && t('governance.decisions.documents.removeExplain', { name: removing.fileName })}</Text>
      </ConfirmModal>
    </CardSection>
  );
}
