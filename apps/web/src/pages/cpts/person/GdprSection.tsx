import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEye, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import { graphql } from '../../../gql';
import { downloadFile } from '../../../lib/download';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { PersonSection } from './PersonSection';

const PersonGdprDocument = graphql(`
  query PersonGdpr($id: ID!) {
    professional(id: $id) {
      id
      lastName
      firstName
      erasedAt
    }
  }
`);

const EraseProfessionalDocument = graphql(`
  mutation EraseProfessional($id: ID!, $confirmation: String!) {
    eraseProfessional(id: $id, confirmation: $confirmation) {
      id
      lastName
      firstName
      erasedAt
    }
  }
`);

/** The person's GDPR rights, exercised by the staff on request: export (file or readable page) and erasure. */
export function GdprSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: PersonGdprDocument, variables: { id: professionalId }, requestPolicy: 'cache-and-network' });
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);
  const p = data?.professional;

  const exportJson = async () => {
    setExporting(true);
    const error = await downloadFile(`/api/directory/professionals/${professionalId}/export.json`, `donnees-personnelles-${professionalId}.json`);
    setExporting(false);
    if (error) notifications.show({ color: 'red', message: error.message });
    else notifications.show({ color: 'teal', message: t('gdpr.exported') });
  };

  return (
    <PersonSection title={t('gdpr.title')}>
      {p?.erasedAt ? (
        <Text size="sm">{t('gdpr.erasedInfo', { date: formatDate(p.erasedAt) })}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="gray.8">
            {t('gdpr.intro')}
          </Text>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportJson()} loading={exporting}>
              {t('gdpr.exportJson')}
            </Button>
            <Button variant="default" leftSection={<IconEye size={16} />} component={Link} to={`/annuaire/${professionalId}/donnees`}>
              {t('gdpr.view')}
            </Button>
            <Button variant="default" c="red.9" leftSection={<IconTrash size={16} />} onClick={() => setErasing(true)} disabled={!p}>
              {t('gdpr.erase')}
            </Button>
          </Group>
        </Stack>
      )}
      {p && erasing && <EraseModal id={p.id} lastName={p.lastName} firstName={p.firstName} onClose={() => setErasing(false)} />}
    </PersonSection>
  );
}

function EraseModal({ id, lastName, firstName, onClose }: { id: string; lastName: string; firstName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, erase] = useMutation(EraseProfessionalDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await erase({ id, confirmation: typed });
    if (result.data) {
      notifications.show({ color: 'teal', message: t('gdpr.erased') });
      onClose();
    } else setError(toAppError(result.error));
  };

  return (
    <Modal opened onClose={onClose} title={t('gdpr.eraseTitle')} centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('gdpr.eraseExplain', { name: `${firstName} ${lastName}` })}</Text>
          <FormAlert error={error && !error.fields.confirmation ? error : null} />
          <TextInput label={t('gdpr.eraseType', { lastName })} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} error={error?.fields.confirmation} autoComplete="off" data-autofocus />
          <Checkbox label={t('gdpr.eraseUnderstood')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
          <DialogButtons onCancel={onClose} action={{ label: t('gdpr.eraseSubmit'), color: 'red.8', loading: fetching, disabled: !understood || !typed.trim() }} />
        </Stack>
      </form>
    </Modal>
  );
}
