import { Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../components/states';
import { graphql } from '../../gql';
import type { ProfessionalQuery } from '../../gql/graphql';
import { toAppError, type AppError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { CommuneSelect } from './CommuneSelect';
import { CurrentCptsDocument, ProfessionsDocument } from './queries';
import { useProfessionalId } from './useProfessionalId';

const ProfessionalFields = graphql(`
  fragment ProfessionalFields on Professional {
    id
    firstName
    lastName
    professionCode
    communeCode
    structureName
    rpps
    email
    phone
    emailIsWork
    archivedAt
    createdAt
    updatedAt
  }
`);

const ProfessionalDocument = graphql(`
  query Professional($id: ID!) {
    professional(id: $id) {
      ...ProfessionalFields
    }
  }
`);

const CreateProfessionalDocument = graphql(`
  mutation CreateProfessional($input: ProfessionalInput!) {
    createProfessional(input: $input) {
      ...ProfessionalFields
    }
  }
`);

const UpdateProfessionalDocument = graphql(`
  mutation UpdateProfessional($id: ID!, $input: ProfessionalInput!) {
    updateProfessional(id: $id, input: $input) {
      ...ProfessionalFields
    }
  }
`);

const ArchiveProfessionalDocument = graphql(`
  mutation ArchiveProfessional($id: ID!) {
    archiveProfessional(id: $id) {
      ...ProfessionalFields
    }
  }
`);

const RestoreProfessionalDocument = graphql(`
  mutation RestoreProfessional($id: ID!) {
    restoreProfessional(id: $id) {
      ...ProfessionalFields
    }
  }
`);

void ProfessionalFields;

export function ProfessionalFormPage() {
  const { id, valid, notFound } = useProfessionalId();
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: ProfessionalDocument, variables: { id: id ?? '' }, pause: !valid, requestPolicy: 'network-only' });
  if (!id) return <ProfessionalForm />;
  const failure = notFound ?? toAppError(error);
  if (failure && !data) {
    return (
      <PageErrorState
        title={t('directory.notFoundTitle')}
        crumbs={[{ label: t('directory.title'), to: '/annuaire' }]}
        error={failure}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!data) return <LoadingState rows={5} />;
  return <ProfessionalForm key={data.professional.updatedAt} existing={data.professional} />;
}

type Existing = ProfessionalQuery['professional'];

function ProfessionalForm({ existing }: { existing?: Existing }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ data: cptsData }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data: profData }] = useQuery({ query: ProfessionsDocument, requestPolicy: 'cache-first' });
  const [{ fetching: creating }, create] = useMutation(CreateProfessionalDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateProfessionalDocument);
  const [{ fetching: archiving }, archive] = useMutation(ArchiveProfessionalDocument);
  const [{ fetching: restoring }, restore] = useMutation(RestoreProfessionalDocument);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [form, setForm] = useState({
    lastName: existing?.lastName ?? '',
    firstName: existing?.firstName ?? '',
    professionCode: existing?.professionCode ?? null,
    communeCode: existing?.communeCode ?? null,
    structureName: existing?.structureName ?? '',
    rpps: existing?.rpps ?? '',
    email: existing?.email ?? '',
    phone: existing?.phone ?? '',
  });
  const [emailIsWork, setEmailIsWork] = useState(existing?.emailIsWork ?? true);
  const [error, setError] = useState<AppError | null>(null);
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      lastName: form.lastName,
      firstName: form.firstName,
      professionCode: form.professionCode ?? '',
      communeCode: form.communeCode ?? '',
      structureName: form.structureName?.trim() || null,
      rpps: form.rpps?.trim() || null,
      email: form.email?.trim() || null,
      phone: form.phone?.trim() || null,
      emailIsWork,
    };
    const name = `${input.firstName.trim()} ${input.lastName.trim()}`;
    if (existing) {
      const result = await update({ id: existing.id, input });
      if (result.data) {
        notifications.show({ color: 'teal', message: t('directory.saved', { name }) });
        navigate(`/annuaire/${existing.id}`);
      } else setError(toAppError(result.error));
    } else {
      const result = await create({ input });
      if (result.data) {
        notifications.show({ color: 'teal', message: t('directory.created', { name }) });
        navigate('/annuaire');
      } else setError(toAppError(result.error));
    }
  };

  const doArchive = async () => {
    if (!existing) return;
    const result = await archive({ id: existing.id });
    setConfirmArchive(false);
    if (result.data) {
      notifications.show({ color: 'teal', message: t('directory.archivedDone', { name: `${existing.firstName} ${existing.lastName}` }) });
      navigate('/annuaire');
    } else notifications.show({ color: 'red', message: toAppError(result.error)?.message });
  };

  const doRestore = async () => {
    if (!existing) return;
    const result = await restore({ id: existing.id });
    if (result.data) notifications.show({ color: 'teal', message: t('directory.restored', { name: `${existing.firstName} ${existing.lastName}` }) });
    else notifications.show({ color: 'red', message: toAppError(result.error)?.message });
  };

  const known = ['lastName', 'firstName', 'professionCode', 'communeCode', 'structureName', 'rpps', 'email', 'phone'];
  const unplaced = error && !known.some((f) => error.fields[f]);
  const formLevel = unplaced ? error : error && Object.keys(error.fields).length > 1 ? { ...error, message: t('form.fixFields') } : null;
  const title = existing ? `${existing.firstName} ${existing.lastName}` : t('directory.addTitle');

  return (
    <>
      <PageHeader
        title={title}
        subtitle={existing ? t('directory.updatedAt', { date: formatDateTime(existing.updatedAt) }) : cptsData?.currentCpts.name}
        crumbs={[{ label: t('directory.title'), to: '/annuaire' }, ...(existing ? [{ label: title, to: `/annuaire/${existing.id}` }, { label: t('person.edit') }] : [{ label: t('common.new') }])]}
        actions={
          existing &&
          (existing.archivedAt ? (
            <Button variant="default" leftSection={<IconArchiveOff size={18} />} onClick={() => void doRestore()} loading={restoring}>
              {t('directory.restore')}
            </Button>
          ) : (
            <Button variant="default" color="red" leftSection={<IconArchive size={18} />} onClick={() => setConfirmArchive(true)}>
              {t('directory.archive')}
            </Button>
          ))
        }
      />
      {existing?.archivedAt && (
        <Alert color="orange" icon={<IconInfoCircle size={18} />} mb="md" maw={860}>
          <Group gap="xs">
            <Badge color="orange">{t('directory.archivedBadge')}</Badge>
            <Text size="sm">{t('directory.archivedInfo', { date: formatDate(existing.archivedAt) })}</Text>
          </Group>
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={860}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert error={formLevel} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.lastName')} required autoComplete="off" value={form.lastName} onChange={(e) => set('lastName')(e.currentTarget.value)} error={error?.fields.lastName} />
              <TextInput label={t('fields.firstName')} required autoComplete="off" value={form.firstName} onChange={(e) => set('firstName')(e.currentTarget.value)} error={error?.fields.firstName} />
              <Select
                label={t('fields.profession')}
                required
                searchable
                data={(profData?.professions ?? []).map((p) => ({ value: p.code, label: p.label }))}
                value={form.professionCode}
                onChange={set('professionCode')}
                error={error?.fields.professionCode}
                nothingFoundMessage={t('common.noResult')}
                comboboxProps={{ withinPortal: true }}
              />
              <CommuneSelect
                label={t('fields.commune')}
                description={t('directory.mainSiteHelp')}
                value={form.communeCode}
                onChange={set('communeCode')}
                error={error?.fields.communeCode}
              />
              <TextInput label={t('fields.structure')} description={t('directory.structureHelp')} value={form.structureName ?? ''} onChange={(e) => set('structureName')(e.currentTarget.value)} error={error?.fields.structureName} />
              <TextInput label={t('fields.rpps')} description={t('directory.rppsHelp')} inputMode="numeric" value={form.rpps ?? ''} onChange={(e) => set('rpps')(e.currentTarget.value)} error={error?.fields.rpps} />
              <TextInput label={t('fields.email')} type="email" inputMode="email" value={form.email ?? ''} onChange={(e) => set('email')(e.currentTarget.value)} error={error?.fields.email} />
              <Checkbox label={t('consents.emailIsWork')} description={t('consents.emailIsWorkHelp')} checked={emailIsWork} onChange={(e) => setEmailIsWork(e.currentTarget.checked)} />
              <TextInput label={t('fields.phone')} type="tel" inputMode="tel" value={form.phone ?? ''} onChange={(e) => set('phone')(e.currentTarget.value)} error={error?.fields.phone} />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to={existing ? `/annuaire/${existing.id}` : '/annuaire'}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={creating || updating}>
                {existing ? t('common.save') : t('directory.addSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ConfirmModal
        opened={confirmArchive}
        onClose={() => setConfirmArchive(false)}
        title={t('directory.archiveConfirmTitle')}
        action={{ label: t('directory.archive'), color: 'red.8', loading: archiving, onClick: () => void doArchive() }}
      >
        <Text size="sm">{t('directory.archiveConfirm', { name: title })}</Text>
      </ConfirmModal>
    </>
  );
}
