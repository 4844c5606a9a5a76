import { ActionIcon, Anchor, Button, CopyButton, Group, Modal, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmModal, DialogButtons } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { graphql } from '../../gql';
import { toAppError, type AppError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { CurrentCptsDocument } from './queries';

// A line of the list: read, and answered by a creation or a renaming.
const DirectoryLabelRow = graphql(`
  fragment DirectoryLabelRow on DirectoryLabel {
    id
    name
    professionalCount
  }
`);
void DirectoryLabelRow;

const DirectoryLabelsDocument = graphql(`
  query DirectoryLabels {
    directoryLabels {
      ...DirectoryLabelRow
    }
  }
`);

const CreateDirectoryLabelDocument = graphql(`
  mutation CreateDirectoryLabel($name: String!) {
    createDirectoryLabel(input: { name: $name }) {
      ...DirectoryLabelRow
    }
  }
`);

const RenameDirectoryLabelDocument = graphql(`
  mutation RenameDirectoryLabel($id: ID!, $name: String!) {
    renameDirectoryLabel(id: $id, input: { name: $name }) {
      ...DirectoryLabelRow
    }
  }
`);

const DeleteDirectoryLabelDocument = graphql(`
  mutation DeleteDirectoryLabel($id: ID!) {
    deleteDirectoryLabel(id: $id)
  }
`);

type Label = { id: string; name: string; professionalCount: number };

/** The CPTS's labels, and the link to its public directory page. */
export function LabelsAdminPage() {
  const { t } = useTranslation();
  const [{ data: cpts }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data, error }, refetch] = useQuery({ query: DirectoryLabelsDocument, requestPolicy: 'cache-and-network' });
  const [{ fetching: creating }, create] = useMutation(CreateDirectoryLabelDocument);
  const [name, setName] = useState('');
  const [createError, setCreateError] = useState<AppError | null>(null);
  const [renaming, setRenaming] = useState<Label | null>(null);
  const [deleting, setDeleting] = useState<Label | null>(null);
  const publicUrl = cpts ? `${window.location.origin}/cpts/${cpts.currentCpts.slug}/annuaire` : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreateError(null);
    const result = await create({ name });
    if (result.data) {
      setName('');
      notifications.show({ color: 'teal', message: t('labels.created', { name: result.data.createDirectoryLabel.name }) });
      refetch({ requestPolicy: 'network-only' });
    } else setCreateError(toAppError(result.error));
  };

  return (
    <>
      <PageHeader title={t('labels.adminTitle')} crumbs={[{ label: t('directory.title'), to: '/annuaire' }, { label: t('labels.adminTitle') }]} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('publicDirectory.linkTitle')}>
          <Title order={2} size="h4" mb="xs">
            {t('publicDirectory.linkTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('publicDirectory.linkHelp')}
          </Text>
          {publicUrl && (
            <Group gap="xs" wrap="nowrap">
              <Anchor href={publicUrl} target="_blank" rel="noopener" size="sm" style={{ wordBreak: 'break-all' }} data-testid="public-link">
                {publicUrl} <IconExternalLink size={14} aria-hidden />
              </Anchor>
              <CopyButton value={publicUrl}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('publicDirectory.copied') : t('publicDirectory.copy')}>
                    <ActionIcon variant="subtle" onClick={copy} aria-label={t('publicDirectory.copy')}>
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('labels.listTitle')}>
          <Title order={2} size="h4" mb="xs">
            {t('labels.listTitle')}
          </Title>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Group align="flex-end" gap="xs" mb="md">
              <TextInput label={t('labels.newName')} placeholder={t('labels.newPlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={createError?.fields.name ?? (createError && createError.message)} style={{ flex: 1 }} />
              <Button type="submit" loading={creating}>
                {t('labels.create')}
              </Button>
            </Group>
          </form>
          {!data && error && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
          {!data && !error && <LoadingState rows={2} />}
          {data && data.directoryLabels.length === 0 && <EmptyState title={t('labels.emptyTitle')} description={t('labels.emptyHelp')} />}
          {data && data.directoryLabels.length > 0 && (
            <Table fz="sm">
              <TableHead labels={[t('labels.name'), t('labels.count')]} actions />
              <Table.Tbody>
                {data.directoryLabels.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td>{formatNumber(l.professionalCount)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" onClick={() => setRenaming(l)} aria-label={t('labels.renameLabel', { name: l.name })}>
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="red.8" onClick={() => setDeleting(l)} aria-label={t('labels.deleteLabel', { name: l.name })}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
      {renaming && <RenameModal label={renaming} onClose={() => setRenaming(null)} />}
      {deleting && <DeleteModal label={deleting} onClose={() => setDeleting(null)} onDone={() => refetch({ requestPolicy: 'network-only' })} />}
    </>
  );
}

function RenameModal({ label, onClose }: { label: Label; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(label.name);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, rename] = useMutation(RenameDirectoryLabelDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename({ id: label.id, name });
    if (result.data) onClose();
    else setError(toAppError(result.error));
  };
  return (
    <Modal opened onClose={onClose} title={t('labels.renameTitle')} centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t('labels.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error?.fields.name ?? error?.message} data-autofocus />
          <DialogButtons onCancel={onClose} action={{ label: t('common.save'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteModal({ label, onClose, onDone }: { label: Label; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, remove] = useMutation(DeleteDirectoryLabelDocument);
  const confirm = async () => {
    const result = await remove({ id: label.id });
    onClose();
    if (result.data) onDone();
    else notifications.show({ color: 'red', message: toAppError(result.error)?.message });
  };
  return (
    <ConfirmModal
      onClose={onClose}
      title={t('labels.deleteTitle')}
      action={{ label: t('labels.delete'), color: 'red.8', loading: fetching, onClick: () => void confirm() }}
      gap="sm"
    >
      <Text size="sm">{t('labels.deleteConfirm', { name: label.name, count: label.professionalCount })}</Text>
    </ConfirmModal>
  );
}
