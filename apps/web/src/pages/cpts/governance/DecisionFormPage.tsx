import {
  Box,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import type { AciMission, DecisionQuery, VoteChoice } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { fromParisInput, toParisInput } from '../../../lib/paris';
import { MISSIONS } from '../working-groups/labels';
import { useDecisionCrumbs } from './DecisionsPage';
import {
  CreateDecisionDocument,
  DECISION_CONTEXT,
  DecisionDocument,
  DecisionInstancesDocument,
  UpdateDecisionDocument,
} from './queries-decisions';

type Existing = DecisionQuery['decision'];

/** A new draft (/gouvernance/decisions/nouvelle) or a draft being edited (/gouvernance/decisions/:id/modifier): the team and the board. */
export function DecisionFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const crumbs = useDecisionCrumbs();
  const [{ data, error }, refetch] = useQuery({
    query: DecisionDocument,
    variables: { id: id ?? '' },
    pause: !id,
    context: DECISION_CONTEXT,
    requestPolicy: 'network-only',
  });
  if (!id) return <DecisionForm />;
  if (error && !data)
    return (
      <PageErrorState
        title={t('governance.decisions.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={5} />;
  return <DecisionForm key={data.decision.id} existing={data.decision} />;
}

/** The fields whose errors sit next to their field; any other error shows above the buttons. */
const FIELDS = ['instanceId', 'title', 'context', 'question', 'options', 'amountCents', 'missions', 'deadline'];

/** A week from now at 18:00, Paris time: a usual deadline for a written consultation. */
function defaultDeadline(): { date: string; time: string } {
  const inAWeek = toParisInput(new Date(Date.now() + 7 * 86_400_000));
  return { date: inAWeek.split('T')[0], time: '18:00' };
}

function DecisionForm({ existing }: { existing?: Existing }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const crumbs = useDecisionCrumbs();
  const [{ data: instances, error: instancesError }] = useQuery({ query: DecisionInstancesDocument });
  const [{ fetching: creating }, create] = useMutation(CreateDecisionDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateDecisionDocument);
  const deadline = existing?.deadline ? toParisInput(new Date(existing.deadline)).split('T') : null;
  const fallback = defaultDeadline();
  const [form, setForm] = useState({
    instanceId: existing?.instanceId ?? (null as string | null),
    title: existing?.title ?? '',
    context: existing?.context ?? '',
    question: existing?.question ?? '',
    abstention: existing ? existing.options.includes('ABSTAIN') : true,
    amount: existing?.amountCents != null ? existing.amountCents / 100 : ('' as number | string),
    missions: existing?.missions ?? ([] as AciMission[]),
    date: deadline?.[0] ?? fallback.date,
    time: deadline?.[1] ?? fallback.time,
  });
  const [error, setError] = useState<AppError | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const missing: Record<string, string> = {};
    if (!form.instanceId) missing.instanceId = t('governance.decisions.form.instanceMissing');
    const when = form.date || form.time ? fromParisInput(`${form.date}T${form.time}`) : null;
    if ((form.date || form.time) && !when) missing.deadline = t('governance.decisions.form.deadlineInvalid');
    if (Object.keys(missing).length) return setError({ code: 'BAD_USER_INPUT', message: Object.values(missing)[0], fields: missing });
    const amount = typeof form.amount === 'number' ? form.amount : form.amount.trim() ? Number(form.amount.replace(',', '.')) : null;
    const input = {
      instanceId: form.instanceId!,
      title: form.title,
      context: form.context,
      question: form.question,
      options: ['FOR', 'AGAINST', ...(form.abstention ? ['ABSTAIN'] : [])] as VoteChoice[],
      amountCents: amount === null || Number.isNaN(amount) ? null : Math.round(amount * 100),
      missions: form.missions,
      deadline: when ? when.toISOString() : null,
    };
    const result = existing ? await update({ id: existing.id, input }, DECISION_CONTEXT) : await create({ input }, DECISION_CONTEXT);
    if (result.error || !result.data) return setError(toAppError(result.error));
    const saved = 'updateDecision' in result.data ? result.data.updateDecision : result.data.createDecision;
    notifications.show({
      color: 'teal',
      message: existing
        ? t('governance.decisions.form.saved', { title: saved.title })
        : t('governance.decisions.form.created', { title: saved.title }),
    });
    navigate(`/gouvernance/decisions/${saved.id}`);
  };

  const title = existing ? t('governance.decisions.form.editTitle') : t('governance.decisions.form.newTitle');
  const back = existing ? `/gouvernance/decisions/${existing.id}` : '/gouvernance/decisions';
  if (existing && existing.status !== 'DRAFT')
    return (
      <PageErrorState
        title={title}
        crumbs={crumbs}
        error={{ code: 'CONFLICT', message: t('governance.decisions.form.notDraft'), fields: {} }}
        onRetry={() => navigate(back)}
      />
    );
  return (
    <>
      <PageHeader
        title={title}
        subtitle={existing?.title ?? t('governance.decisions.form.newSubtitle')}
        crumbs={[
          ...crumbs,
          ...(existing ? [{ label: existing.title, to: back }] : []),
          { label: existing ? t('common.edit') : t('governance.decisions.form.newCrumb') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={860}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert error={toAppError(instancesError ?? null)} />
            <Select
              label={t('governance.decisions.form.instance')}
              description={t('governance.decisions.form.instanceHelp')}
              placeholder={instances ? t('governance.decisions.form.instancePlaceholder') : t('common.loading')}
              required
              data={(instances?.governanceInstances ?? []).map((i) => ({ value: i.id, label: i.name }))}
              value={form.instanceId}
              onChange={(v) => set('instanceId', v)}
              error={fields.instanceId}
              allowDeselect={false}
              nothingFoundMessage={t('governance.decisions.form.noInstance')}
            />
            <TextInput
              label={t('governance.decisions.form.title')}
              description={t('governance.decisions.form.titleHelp')}
              required
              maxLength={200}
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={fields.title}
            />
            <Textarea
              label={t('governance.decisions.form.context')}
              description={t('governance.decisions.form.contextHelp')}
              autosize
              minRows={4}
              maxLength={20000}
              value={form.context}
              onChange={(e) => set('context', e.currentTarget.value)}
              error={fields.context}
            />
            <Textarea
              label={t('governance.decisions.form.question')}
              description={t('governance.decisions.form.questionHelp')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={form.question}
              onChange={(e) => set('question', e.currentTarget.value)}
              error={fields.question}
            />
            <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
              <Title order={2} size="h5" component="legend" p={0} mb={4}>
                {t('governance.decisions.form.options')}
              </Title>
              <Group gap="lg" wrap="wrap">
                <Checkbox label={t('governance.decisions.choice.for')} checked readOnly disabled />
                <Checkbox label={t('governance.decisions.choice.against')} checked readOnly disabled />
                <Checkbox
                  label={t('governance.decisions.choice.abstain')}
                  checked={form.abstention}
                  onChange={(e) => set('abstention', e.currentTarget.checked)}
                />
              </Group>
              <Text size="sm" c="gray.8" mt={4}>
                {t('governance.decisions.form.optionsHelp')}
              </Text>
              {fields.options && (
                <Text size="sm" c="red.9" mt={4}>
                  {fields.options}
                </Text>
              )}
            </Box>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label={t('governance.decisions.form.amount')}
                description={t('governance.decisions.form.amountHelp')}
                min={0}
                decimalScale={2}
                decimalSeparator=","
                thousandSeparator=" "
                suffix=" €"
                allowNegative={false}
                value={form.amount}
                onChange={(v) => set('amount', v)}
                error={fields.amountCents}
              />
              <MultiSelect
                label={t('governance.decisions.form.missions')}
                description={t('governance.decisions.form.missionsHelp')}
                placeholder={form.missions.length ? undefined : t('workingGroups.fields.missionsPlaceholder')}
                data={MISSIONS.map((m) => ({ value: m, label: t(`workingGroups.missions.${m}`) }))}
                value={form.missions}
                onChange={(v) => set('missions', v as AciMission[])}
                error={fields.missions}
                clearable
              />
            </SimpleGrid>
            <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
              <Title order={2} size="h5" component="legend" p={0} mb={4}>
                {t('governance.decisions.form.deadline')}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={480}>
                <TextInput
                  type="date"
                  label={t('governance.decisions.form.deadlineDate')}
                  value={form.date}
                  onChange={(e) => set('date', e.currentTarget.value)}
                  error={fields.deadline}
                />
                <TextInput
                  type="time"
                  label={t('governance.decisions.form.deadlineTime')}
                  description={t('meetings.form.parisTime')}
                  value={form.time}
                  onChange={(e) => set('time', e.currentTarget.value)}
                />
              </SimpleGrid>
              <Text size="sm" c="gray.8" mt={4}>
                {t('governance.decisions.form.deadlineHelp')}
              </Text>
            </Box>
            <FormAlert error={formLevelError(error, (f) => FIELDS.includes(f))} />
            <DialogButtons
              onCancel={() => navigate(back)}
              action={{ label: existing ? t('common.save') : t('governance.decisions.form.create'), loading: creating || updating }}
              mt="sm"
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
