import { MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert, LoadingState } from '../../../components/states';
import type { AciMission, WorkingGroupQuery, WorkingGroupStatus } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { GROUP_STATUSES, GroupErrorState, MISSIONS } from './labels';
import { CreateWorkingGroupDocument, GROUP_CONTEXT, UpdateWorkingGroupDocument, WorkingGroupDocument } from './queries';

type Existing = WorkingGroupQuery['workingGroup'];

/** A new group (/groupes-de-travail/nouveau, the team) or a group being edited (/groupes-de-travail/:id/modifier, the team or its referents). */
export function WorkingGroupFormPage() {
  const { id } = useParams();
  const [{ data, error }, refetch] = useQuery({
    query: WorkingGroupDocument,
    variables: { id: id ?? '' },
    pause: !id,
    context: GROUP_CONTEXT,
    requestPolicy: 'network-only',
  });
  if (!id) return <GroupForm />;
  if (error && !data) return <GroupErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={5} />;
  return <GroupForm key={data.workingGroup.id} existing={data.workingGroup} />;
}

/** The frame's three texts, in the order the group page shows them. */
const FRAME = ['purpose', 'rules', 'confidentiality'] as const;
/** The fields whose errors sit next to their field; any other error shows above the form. */
const FIELDS = ['name', 'missions', 'theme', 'description', 'status', ...FRAME.map((part) => `frame.${part}`)];

function GroupForm({ existing }: { existing?: Existing }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ fetching: creating }, create] = useMutation(CreateWorkingGroupDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateWorkingGroupDocument);
  const [form, setForm] = useState({
    name: existing?.name ?? '',
    missions: existing?.missions ?? ([] as AciMission[]),
    theme: existing?.theme ?? '',
    description: existing?.description ?? '',
    status: existing?.status ?? ('ACTIVE' as WorkingGroupStatus),
    frame: {
      purpose: existing?.frame.purpose ?? '',
      rules: existing?.frame.rules ?? '',
      confidentiality: existing?.frame.confidentiality ?? '',
    },
  });
  const [error, setError] = useState<AppError | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      name: form.name,
      missions: form.missions,
      theme: form.theme.trim() || null,
      description: form.description,
      status: form.status,
      frame: form.frame,
    };
    const result = existing ? await update({ id: existing.id, input }, GROUP_CONTEXT) : await create({ input }, GROUP_CONTEXT);
    if (result.error || !result.data) return setError(toAppError(result.error));
    const saved = 'updateWorkingGroup' in result.data ? result.data.updateWorkingGroup : result.data.createWorkingGroup;
    notifications.show({
      color: 'teal',
      message: existing ? t('workingGroups.form.saved', { name: saved.name }) : t('workingGroups.form.created', { name: saved.name }),
    });
    navigate(`/groupes-de-travail/${saved.id}`);
  };

  const title = existing ? t('workingGroups.form.editTitle') : t('workingGroups.form.newTitle');
  const back = existing ? `/groupes-de-travail/${existing.id}` : '/groupes-de-travail';
  return (
    <>
      <PageHeader
        title={title}
        subtitle={existing?.name}
        crumbs={[
          { label: t('workingGroups.title'), to: '/groupes-de-travail' },
          ...(existing ? [{ label: existing.name, to: back }] : []),
          { label: existing ? t('common.edit') : t('common.new') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={860}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert error={formLevelError(error, (f) => FIELDS.includes(f))} />
            <TextInput
              label={t('workingGroups.fields.name')}
              required
              maxLength={120}
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={fields.name}
            />
            <MultiSelect
              label={t('workingGroups.fields.missions')}
              description={t('workingGroups.fields.missionsHelp')}
              placeholder={form.missions.length ? undefined : t('workingGroups.fields.missionsPlaceholder')}
              required
              data={MISSIONS.map((m) => ({ value: m, label: t(`workingGroups.missions.${m}`) }))}
              value={form.missions}
              onChange={(v) => set('missions', v as AciMission[])}
              error={fields.missions}
              clearable
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('workingGroups.fields.theme')}
                description={t('workingGroups.fields.themeHelp')}
                maxLength={120}
                value={form.theme}
                onChange={(e) => set('theme', e.currentTarget.value)}
                error={fields.theme}
              />
              <Select
                label={t('workingGroups.statusLabel')}
                description={t('workingGroups.fields.statusHelp')}
                data={GROUP_STATUSES.map((s) => ({ value: s, label: t(`workingGroups.status.${s}`) }))}
                value={form.status}
                onChange={(v) => v && set('status', v as WorkingGroupStatus)}
                error={fields.status}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Textarea
              label={t('workingGroups.fields.description')}
              autosize
              minRows={3}
              maxLength={5000}
              value={form.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={fields.description}
            />
            <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
              <Title order={2} size="h4" component="legend" p={0}>
                {t('workingGroups.frame.title')}
              </Title>
              <Text size="sm" c="gray.8">
                {t('workingGroups.frame.help')}
              </Text>
              {FRAME.map((part) => (
                <Textarea
                  key={part}
                  label={t(`workingGroups.frame.${part}`)}
                  description={t(`workingGroups.frame.${part}Help`)}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={form.frame[part]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setForm((f) => ({ ...f, frame: { ...f.frame, [part]: value } }));
                  }}
                  error={fields[`frame.${part}`]}
                />
              ))}
            </Stack>
            <DialogButtons
              onCancel={() => navigate(back)}
              action={{ label: existing ? t('common.save') : t('workingGroups.form.create'), loading: creating || updating }}
              mt="sm"
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
