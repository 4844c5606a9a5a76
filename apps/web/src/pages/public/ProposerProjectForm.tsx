import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
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
import { IconPlus, IconTrash, IconUserPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../lib/errors';
import { formatEuros } from '../../lib/format';
import { EMPTY_IDENTITY, IdentityFields, type Identity } from './IdentityFields';
import { feeForMinutes } from '../cpts/calls/money';
import { linesTotal, nextKey, speakerFees, type ProjectDraft, type ProjectPerson, type ProjectView } from './proposerProject';

const wholeNumber = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

/** A count typed by the proposer: a whole number within its bounds, never negative; an emptied field is 0. */
function WholeInput(props: {
  label: string;
  min?: number;
  max: number;
  step?: number;
  readOnly: boolean;
  value: number;
  onChange: (value: number) => void;
  error?: string;
}) {
  const { min = 0, onChange, ...rest } = props;
  return (
    <NumberInput
      {...rest}
      min={min}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      onChange={(v) => onChange(wholeNumber(v))}
    />
  );
}

/**
 * The project's form: what it is, for whom, who carries it, the workshops,
 * the budget (the speakers' fees computed from the call's schedule, as the
 * server does), the evaluation criteria. Read-only when the project is not
 * the proposer's to change; each change is saved by the page (autosave).
 */
export function ProposerProjectForm({
  view,
  draft,
  edit,
  errors,
  editable,
  addCoCarrier,
}: {
  view: ProjectView;
  draft: ProjectDraft;
  edit: (change: (draft: ProjectDraft) => ProjectDraft) => void;
  errors: Record<string, string>;
  editable: boolean;
  addCoCarrier: (who: Identity) => Promise<{ person: ProjectPerson } | { error: AppError }>;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]) => edit((d) => ({ ...d, [key]: value }));
  const fees = speakerFees(view.call, draft);
  const others = linesTotal(draft);
  const perWorkshop = feeForMinutes(draft.hours * 60 + draft.minutes, view.call.hourlyRateCents);

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <TextInput
          label={t('proposerProject.titleLabel')}
          required
          maxLength={200}
          readOnly={!editable}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <Textarea
          label={t('proposerProject.summary')}
          description={t('proposerProject.summaryHelp')}
          autosize
          minRows={4}
          maxLength={10000}
          readOnly={!editable}
          value={draft.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          error={errors.summary}
        />
        {editable ? (
          <Checkbox.Group
            label={t('proposerProject.missions')}
            description={t('proposerProject.missionsHelp')}
            value={draft.missions}
            onChange={(v) => set('missions', v)}
            error={errors.missions}
          >
            <Stack gap={6} mt={6}>
              {view.call.missions.map((m) => (
                <Checkbox key={m.code} value={m.code} label={m.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Box>
            <Text size="sm" fw={600}>
              {t('proposerProject.missions')}
            </Text>
            <Text size="sm">
              {view.call.missions
                .filter((m) => draft.missions.includes(m.code))
                .map((m) => m.label)
                .join(', ') || '—'}
            </Text>
          </Box>
        )}
        <Textarea
          label={t('proposerProject.targetPublic')}
          autosize
          minRows={2}
          maxLength={2000}
          readOnly={!editable}
          value={draft.targetPublic}
          onChange={(e) => set('targetPublic', e.currentTarget.value)}
          error={errors.targetPublic}
        />
      </Stack>

      <CoCarriers view={view} draft={draft} edit={edit} editable={editable} error={errors.coCarrierIds} addCoCarrier={addCoCarrier} />

      <Box component="section" aria-labelledby="project-workshops">
        <Title order={3} size="h5" id="project-workshops" mb={4}>
          {t('proposerProject.workshopsTitle')}
        </Title>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm" style={{ alignItems: 'end' }}>
          <WholeInput
            label={t('proposerProject.workshopCount')}
            max={200}
            readOnly={!editable}
            value={draft.workshopCount}
            onChange={(v) => set('workshopCount', v)}
            error={errors.workshopCount}
          />
          <WholeInput
            label={t('proposerProject.speakers')}
            min={1}
            max={20}
            readOnly={!editable}
            value={draft.speakers}
            onChange={(v) => set('speakers', Math.max(1, v))}
            error={errors.speakers}
          />
          <WholeInput
            label={t('proposerProject.hours')}
            max={24}
            readOnly={!editable}
            value={draft.hours}
            onChange={(v) => set('hours', v)}
            error={errors.workshopMinutes}
          />
          <WholeInput
            label={t('proposerProject.minutes')}
            max={59}
            step={5}
            readOnly={!editable}
            value={draft.minutes}
            onChange={(v) => set('minutes', v)}
          />
        </SimpleGrid>
      </Box>

      <Box component="section" aria-labelledby="project-budget">
        <Title order={3} size="h5" id="project-budget" mb={4}>
          {t('proposerProject.budgetTitle')}
        </Title>
        <Stack gap="xs">
          {draft.budgetLines.map((line, i) => (
            <Paper key={line.key} withBorder p="xs" radius="sm">
              <Group align="flex-start" gap="xs" wrap="wrap">
                <Select
                  label={t('proposerProject.budgetKind')}
                  data={[
                    { value: 'materials', label: t('proposerProject.kinds.materials') },
                    { value: 'other', label: t('proposerProject.kinds.other') },
                  ]}
                  allowDeselect={false}
                  w={130}
                  readOnly={!editable}
                  value={line.kind}
                  onChange={(v) =>
                    set(
                      'budgetLines',
                      draft.budgetLines.map((l) => (l.key === line.key ? { ...l, kind: v === 'other' ? 'other' : 'materials' } : l)),
                    )
                  }
                  error={errors[`budgetLines.${i}.kind`]}
                />
                <TextInput
                  label={t('proposerProject.budgetLabel')}
                  maxLength={200}
                  miw={160}
                  style={{ flex: 1 }}
                  readOnly={!editable}
                  value={line.label}
                  onChange={(e) => {
                    const label = e.currentTarget.value;
                    set(
                      'budgetLines',
                      draft.budgetLines.map((l) => (l.key === line.key ? { ...l, label } : l)),
                    );
                  }}
                  error={errors[`budgetLines.${i}.label`]}
                />
                <TextInput
                  label={t('proposerProject.budgetAmount')}
                  inputMode="decimal"
                  w={120}
                  readOnly={!editable}
                  value={line.amount}
                  onChange={(e) => {
                    const amount = e.currentTarget.value;
                    set(
                      'budgetLines',
                      draft.budgetLines.map((l) => (l.key === line.key ? { ...l, amount } : l)),
                    );
                  }}
                  error={errors[`budgetLines.${i}.amountCents`]}
                />
                {editable && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    // At the foot of the row, beside the amount: no gap when a phone wraps it under the fields.
                    style={{ alignSelf: 'flex-end' }}
                    aria-label={t('proposerProject.removeLine', { n: i + 1 })}
                    onClick={() =>
                      set(
                        'budgetLines',
                        draft.budgetLines.filter((l) => l.key !== line.key),
                      )
                    }
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          ))}
          {editable && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => set('budgetLines', [...draft.budgetLines, { key: nextKey(), kind: 'materials', label: '', amount: '' }])}
            >
              {t('proposerProject.addLine')}
            </Button>
          )}
          <Paper withBorder p="sm" radius="md" bg="gray.0">
            <Stack gap={2}>
              <Text size="sm">{t('proposerProject.feesLine', { amount: formatEuros(fees) })}</Text>
              {draft.workshopCount > 0 && (
                <Text size="xs" c="gray.8">
                  {t('proposerProject.feesDetail', {
                    speakers: draft.speakers,
                    flat: formatEuros(view.call.flatFeeCents),
                    count: draft.workshopCount,
                    fee: formatEuros(perWorkshop),
                  })}
                </Text>
              )}
              <Text size="sm">{t('proposerProject.linesTotal', { amount: others === null ? '—' : formatEuros(others) })}</Text>
              <Text size="sm" fw={700} data-testid="project-total">
                {t('proposerProject.total', { amount: others === null ? '—' : formatEuros(fees + others) })}
              </Text>
            </Stack>
          </Paper>
        </Stack>
      </Box>

      <Box component="section" aria-labelledby="project-criteria">
        <Title order={3} size="h5" id="project-criteria" mb={4}>
          {t('proposerProject.criteriaTitle')}
        </Title>
        <Text size="sm" c="gray.8" mb="xs">
          {t('proposerProject.criteriaHelp')}
        </Text>
        {errors.criteria && (
          <Alert color="red" mb="xs" role="alert" p="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {errors.criteria}
            </Text>
          </Alert>
        )}
        <Stack gap="xs">
          {draft.criteria.map((c, i) => {
            const change = (field: 'criterion' | 'indicator' | 'target', value: string) =>
              set(
                'criteria',
                draft.criteria.map((x) => (x.key === c.key ? { ...x, [field]: value } : x)),
              );
            return (
              <Paper key={c.key} withBorder p="xs" radius="sm">
                <Stack gap={6}>
                  <Group align="flex-end" gap="xs" wrap="nowrap">
                    <TextInput
                      label={t('proposerProject.criterion')}
                      description={c.required ? t('proposerProject.requiredCriterion') : undefined}
                      maxLength={200}
                      style={{ flex: 1 }}
                      readOnly={!editable || c.required}
                      value={c.criterion}
                      onChange={(e) => change('criterion', e.currentTarget.value)}
                    />
                    {editable && !c.required && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={4}
                        aria-label={t('proposerProject.removeCriterion', { n: i + 1 })}
                        onClick={() =>
                          set(
                            'criteria',
                            draft.criteria.filter((x) => x.key !== c.key),
                          )
                        }
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
                    <TextInput
                      label={t('proposerProject.indicator')}
                      maxLength={500}
                      readOnly={!editable}
                      value={c.indicator}
                      onChange={(e) => change('indicator', e.currentTarget.value)}
                    />
                    <TextInput
                      label={t('proposerProject.target')}
                      maxLength={500}
                      readOnly={!editable}
                      value={c.target}
                      onChange={(e) => change('target', e.currentTarget.value)}
                    />
                  </SimpleGrid>
                </Stack>
              </Paper>
            );
          })}
          {editable && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                set('criteria', [...draft.criteria, { key: nextKey(), criterion: '', indicator: '', target: '', required: false }])
              }
            >
              {t('proposerProject.addCriterion')}
            </Button>
          )}
        </Stack>
      </Box>
    </Stack>
  );
}

/** The co-carriers: listed, taken off, and added by who they are (found in the directory or entered in it by the API). */
function CoCarriers({
  view,
  draft,
  edit,
  editable,
  error,
  addCoCarrier,
}: {
  view: ProjectView;
  draft: ProjectDraft;
  edit: (change: (draft: ProjectDraft) => ProjectDraft) => void;
  editable: boolean;
  error?: string;
  addCoCarrier: (who: Identity) => Promise<{ person: ProjectPerson } | { error: AppError }>;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [who, setWho] = useState<Identity>(EMPTY_IDENTITY);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const profession = (code: string) => view.professions.find((p) => p.code === code)?.label ?? '';

  const add = async () => {
    setSending(true);
    setFailure(null);
    const res = await addCoCarrier(who);
    setSending(false);
    if ('error' in res) return setFailure(res.error);
    edit((d) => (d.coCarriers.some((c) => c.id === res.person.id) ? d : { ...d, coCarriers: [...d.coCarriers, res.person] }));
    setWho(EMPTY_IDENTITY);
    setAdding(false);
  };

  const fields = failure?.fields ?? {};
  return (
    <Box component="section" aria-labelledby="project-co-carriers">
      <Title order={3} size="h5" id="project-co-carriers" mb={4}>
        {t('proposerProject.coCarriers')}
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        {t('proposerProject.coCarriersHelp')}
      </Text>
      {error && (
        <Text size="sm" c="red.8" role="alert" mb="xs">
          {error}
        </Text>
      )}
      {draft.coCarriers.length === 0 ? (
        <Text size="sm">{t('proposerProject.noCoCarrier')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {draft.coCarriers.map((c) => (
            <Group key={c.id} component="li" gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>
                {c.name}
                {profession(c.professionCode) && (
                  <Text span size="xs" c="gray.8">
                    {' '}
                    · {profession(c.professionCode)}
                  </Text>
                )}
              </Text>
              {editable && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('proposerProject.removeCoCarrier', { name: c.name })}
                  onClick={() => edit((d) => ({ ...d, coCarriers: d.coCarriers.filter((x) => x.id !== c.id) }))}
                >
                  <IconX size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {editable &&
        (adding ? (
          <Paper withBorder p="sm" radius="md" mt="xs">
            <Stack gap="sm">
              {failure && !Object.keys(failure.fields).length && (
                <Alert color="red" role="alert" p="xs">
                  <Text size="sm">{failure.message}</Text>
                </Alert>
              )}
              <IdentityFields value={who} onChange={setWho} choices={view} errors={fields} disabled={sending} />
              <Group gap="xs">
                <Button size="xs" loading={sending} onClick={() => void add()}>
                  {t('proposerProject.addCoCarrierSubmit')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setAdding(false)} disabled={sending}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Button variant="default" size="xs" mt="xs" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('proposerProject.addCoCarrier')}
          </Button>
        ))}
    </Box>
  );
}
