import { Box, Checkbox, Grid, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import type { AciMission, CallInput, CallQuery } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { MISSIONS } from '../working-groups/labels';
import { useCallsCrumbs } from './CallsPage';
import { centsToEurosInput, eurosToCents } from './money';
import { CALL_CONTEXT, CallCptsSlugDocument, CallDocument, CreateCallDocument, UpdateCallDocument } from './queries';
import '../../../i18n/calls';

type Existing = CallQuery['call'];

/** A new call (/appels/nouveau) or a call being changed (/appels/:id/modifier): the team. */
export function CallFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const crumbs = useCallsCrumbs();
  const [{ data, error }, refetch] = useQuery({
    query: CallDocument,
    variables: { id: id ?? '' },
    pause: !id,
    context: CALL_CONTEXT,
    requestPolicy: 'network-only',
  });
  if (!id) return <CallForm />;
  if (error && !data)
    return (
      <PageErrorState
        title={t('calls.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={6} />;
  return <CallForm key={data.call.id} existing={data.call} />;
}

/** The fields whose errors sit next to their field (the grid's lines too); any other error shows above the buttons. */
const FIELDS = [
  'year',
  'slug',
  'title',
  'rules',
  'opensOn',
  'closesOn',
  'envelopeCents',
  'missions',
  'flatFeeCents',
  'hourlyRateCents',
  'requiredCriteria',
  'rubric',
];
const shown = (field: string) => FIELDS.includes(field) || /^(rubric|requiredCriteria)\.\d+/.test(field);

/** "Pro Actif 2026" → "pro-actif-2026": the address the API accepts (lower case, digits, hyphens). */
function slugOf(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const parisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

let rowKey = 0;
const nextKey = () => (rowKey += 1);

interface CriterionRow {
  key: number;
  text: string;
}
interface RubricRow {
  key: number;
  label: string;
  weight: string;
}

function CallForm({ existing }: { existing?: Existing }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const crumbs = useCallsCrumbs();
  const [{ data: cpts }] = useQuery({ query: CallCptsSlugDocument, requestPolicy: 'cache-first' });
  const [{ fetching: creating }, create] = useMutation(CreateCallDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateCallDocument);
  const [form, setForm] = useState(() => ({
    year: String(existing?.year ?? parisYear()),
    title: existing?.title ?? '',
    slug: existing?.slug ?? '',
    // A new call's address follows its title until it is typed by hand.
    slugTyped: !!existing,
    rules: existing?.rules ?? '',
    opensOn: existing?.opensOn ?? '',
    closesOn: existing?.closesOn ?? '',
    envelope: existing ? centsToEurosInput(existing.envelopeCents) : '',
    missions: existing?.missions ?? ([] as AciMission[]),
    membersOnly: existing?.membersOnly ?? false,
    flatFee: centsToEurosInput(existing?.flatFeeCents ?? 10_000),
    hourlyRate: existing ? centsToEurosInput(existing.hourlyRateCents) : '',
  }));
  const [criteria, setCriteria] = useState<CriterionRow[]>(() =>
    (existing?.requiredCriteria ?? []).map((text) => ({ key: nextKey(), text })),
  );
  const [rubric, setRubric] = useState<RubricRow[]>(() =>
    (existing?.rubric ?? []).map((l) => ({ key: nextKey(), label: l.label, weight: String(l.weight) })),
  );
  const [error, setError] = useState<AppError | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fields = error?.fields ?? {};
  const publicPrefix = existing?.publicUrl
    ? existing.publicUrl.slice(0, existing.publicUrl.length - existing.slug.length)
    : cpts
      ? `${window.location.origin}/cpts/${cpts.currentCpts.slug}/appels/`
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const local: Record<string, string> = {};
    const year = Number(form.year);
    if (!/^\d{4}$/.test(form.year.trim())) local.year = t('calls.form.yearInvalid');
    const amountError = (text: string) => (text.trim() ? t('calls.form.amountInvalid') : t('calls.form.amountMissing'));
    const envelopeCents = eurosToCents(form.envelope);
    if (envelopeCents === null) local.envelopeCents = amountError(form.envelope);
    const flatFeeCents = eurosToCents(form.flatFee);
    if (flatFeeCents === null) local.flatFeeCents = amountError(form.flatFee);
    const hourlyRateCents = eurosToCents(form.hourlyRate);
    if (hourlyRateCents === null) local.hourlyRateCents = amountError(form.hourlyRate);
    if (!form.opensOn) local.opensOn = t('calls.form.dateMissing');
    if (!form.closesOn) local.closesOn = t('calls.form.dateMissing');
    rubric.forEach((r, i) => {
      if (!/^\d{1,2}$/.test(r.weight.trim())) local[`rubric.${i}.weight`] = t('calls.form.weightInvalid');
    });
    if (Object.keys(local).length) return setError({ code: 'BAD_USER_INPUT', message: Object.values(local)[0], fields: local });
    const input: CallInput = {
      year,
      slug: form.slug.trim(),
      title: form.title,
      rules: form.rules,
      opensOn: form.opensOn,
      closesOn: form.closesOn,
      envelopeCents: envelopeCents!,
      missions: form.missions,
      membersOnly: form.membersOnly,
      flatFeeCents: flatFeeCents!,
      hourlyRateCents: hourlyRateCents!,
      requiredCriteria: criteria.map((c) => c.text),
      rubric: rubric.map((r) => ({ label: r.label, weight: Number(r.weight) })),
    };
    const result = existing ? await update({ id: existing.id, input }, CALL_CONTEXT) : await create({ input }, CALL_CONTEXT);
    if (result.error || !result.data) return setError(toAppError(result.error));
    const saved = 'updateCall' in result.data ? result.data.updateCall : result.data.createCall;
    notifications.show({
      color: 'teal',
      message: existing ? t('calls.form.saved', { title: saved.title }) : t('calls.form.created', { title: saved.title }),
    });
    navigate(`/appels/${saved.id}`);
  };

  const title = existing ? t('calls.form.editTitle') : t('calls.form.newTitle');
  const back = existing ? `/appels/${existing.id}` : '/appels';
  const euroField = (key: 'envelope' | 'flatFee' | 'hourlyRate', apiField: string) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
    inputMode: 'decimal' as const,
    rightSection: '€',
    error: fields[apiField],
  });

  return (
    <>
      <PageHeader
        title={title}
        subtitle={existing?.title ?? t('calls.form.newSubtitle')}
        crumbs={[
          ...crumbs,
          ...(existing ? [{ label: existing.title, to: back }] : []),
          { label: existing ? t('common.edit') : t('calls.form.newCrumb') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <FormPart title={t('calls.form.partCall')}>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <TextInput
                    label={t('calls.form.year')}
                    required
                    inputMode="numeric"
                    maxLength={4}
                    value={form.year}
                    onChange={(e) => set('year', e.currentTarget.value)}
                    error={fields.year}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 9 }}>
                  <TextInput
                    label={t('calls.form.title')}
                    description={t('calls.form.titleHelp')}
                    required
                    maxLength={200}
                    value={form.title}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setForm((f) => ({ ...f, title: value, slug: f.slugTyped ? f.slug : slugOf(value) }));
                    }}
                    error={fields.title}
                  />
                </Grid.Col>
              </Grid>
              <TextInput
                label={t('calls.form.slug')}
                description={t('calls.form.slugHelp')}
                required
                maxLength={60}
                value={form.slug}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setForm((f) => ({ ...f, slug: value, slugTyped: true }));
                }}
                error={fields.slug}
              />
              {publicPrefix && (
                <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }} data-testid="call-url-preview">
                  {t('calls.form.urlPreview', { url: `${publicPrefix}${form.slug.trim() || '…'}` })}
                </Text>
              )}
              <Textarea
                label={t('calls.form.rules')}
                description={t('calls.form.rulesHelp')}
                autosize
                minRows={5}
                maxLength={20000}
                value={form.rules}
                onChange={(e) => set('rules', e.currentTarget.value)}
                error={fields.rules}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" maw={520}>
                <TextInput
                  type="date"
                  label={t('calls.form.opensOn')}
                  required
                  value={form.opensOn}
                  onChange={(e) => set('opensOn', e.currentTarget.value)}
                  error={fields.opensOn}
                />
                <TextInput
                  type="date"
                  label={t('calls.form.closesOn')}
                  description={t('calls.form.closesOnHelp')}
                  required
                  value={form.closesOn}
                  onChange={(e) => set('closesOn', e.currentTarget.value)}
                  error={fields.closesOn}
                />
              </SimpleGrid>
            </FormPart>

            <FormPart title={t('calls.form.partMoney')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <TextInput
                  label={t('calls.form.envelope')}
                  description={t('calls.form.envelopeHelp')}
                  required
                  {...euroField('envelope', 'envelopeCents')}
                />
                <TextInput
                  label={t('calls.form.flatFee')}
                  description={t('calls.form.flatFeeHelp')}
                  required
                  {...euroField('flatFee', 'flatFeeCents')}
                />
                <TextInput
                  label={t('calls.form.hourlyRate')}
                  description={t('calls.form.hourlyRateHelp')}
                  required
                  {...euroField('hourlyRate', 'hourlyRateCents')}
                />
              </SimpleGrid>
            </FormPart>

            <FormPart title={t('calls.form.partEligibility')}>
              <Checkbox.Group
                label={t('calls.form.missions')}
                description={t('calls.form.missionsHelp')}
                required
                value={form.missions}
                onChange={(v) => set('missions', v as AciMission[])}
                error={fields.missions}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {MISSIONS.map((m) => (
                    <Checkbox key={m} value={m} label={t(`workingGroups.missions.${m}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Checkbox
                label={t('calls.form.membersOnly')}
                description={t('calls.form.membersOnlyHelp')}
                checked={form.membersOnly}
                onChange={(e) => set('membersOnly', e.currentTarget.checked)}
              />
            </FormPart>

            <FormPart title={t('calls.form.partCriteria')} help={t('calls.form.criteriaHelp')}>
              {criteria.length === 0 && (
                <Text size="sm" c="gray.8">
                  {t('calls.form.noCriteria')}
                </Text>
              )}
              {criteria.map((c, i) => (
                <Group key={c.key} align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('calls.form.criterion', { n: i + 1 })}
                    maxLength={200}
                    value={c.text}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setCriteria((rows) => rows.map((r) => (r.key === c.key ? { ...r, text: value } : r)));
                    }}
                    error={fields[`requiredCriteria.${i}`]}
                    style={{ flex: 1 }}
                  />
                  <RemoveRowButton
                    label={t('calls.form.removeCriterion', { n: i + 1 })}
                    onClick={() => setCriteria((rows) => rows.filter((r) => r.key !== c.key))}
                  />
                </Group>
              ))}
              {fields.requiredCriteria && (
                <Text size="sm" c="red.9">
                  {fields.requiredCriteria}
                </Text>
              )}
              <AddRowButton
                label={t('calls.form.addCriterion')}
                disabled={criteria.length >= 20}
                onClick={() => setCriteria((rows) => [...rows, { key: nextKey(), text: '' }])}
              />
            </FormPart>

            <FormPart title={t('calls.form.partRubric')} help={t('calls.form.rubricHelp')}>
              {rubric.length === 0 && (
                <Text size="sm" c="gray.8">
                  {t('calls.form.noRubric')}
                </Text>
              )}
              {rubric.map((r, i) => (
                <Group key={r.key} align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('calls.form.rubricLabel', { n: i + 1 })}
                    required
                    maxLength={200}
                    value={r.label}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setRubric((rows) => rows.map((x) => (x.key === r.key ? { ...x, label: value } : x)));
                    }}
                    error={fields[`rubric.${i}.label`]}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  <TextInput
                    label={t('calls.form.rubricWeight')}
                    required
                    inputMode="numeric"
                    maxLength={2}
                    value={r.weight}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setRubric((rows) => rows.map((x) => (x.key === r.key ? { ...x, weight: value } : x)));
                    }}
                    error={fields[`rubric.${i}.weight`]}
                    w={76}
                  />
                  <RemoveRowButton
                    label={t('calls.form.removeRubric', { n: i + 1 })}
                    onClick={() => setRubric((rows) => rows.filter((x) => x.key !== r.key))}
                  />
                </Group>
              ))}
              {fields.rubric && (
                <Text size="sm" c="red.9">
                  {fields.rubric}
                </Text>
              )}
              <AddRowButton
                label={t('calls.form.addRubric')}
                disabled={rubric.length >= 20}
                onClick={() => setRubric((rows) => [...rows, { key: nextKey(), label: '', weight: '1' }])}
              />
            </FormPart>

            {!existing?.publishedAt && (
              <Text size="sm" c="gray.8">
                {t('calls.form.publishLater')}
              </Text>
            )}
            <FormAlert error={formLevelError(error, shown)} />
            <DialogButtons
              onCancel={() => navigate(back)}
              action={{ label: existing ? t('common.save') : t('calls.form.create'), loading: creating || updating }}
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}

/** A part of the form: a fieldset named by its legend, for screen readers too. */
function FormPart({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Title order={2} size="h4" component="legend" p={0} mb={help ? 2 : 'xs'}>
        {title}
      </Title>
      {help && (
        <Text size="sm" c="gray.8" mb="xs">
          {help}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Box>
  );
}
