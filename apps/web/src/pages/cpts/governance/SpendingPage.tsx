import {
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconPencil, IconReceipt2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { DialogButtons } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { AciMission, SpendingCheck, SpendingQuery, SpendingRoute } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatEuros } from '../../../lib/format';
import { fromParisInput } from '../../../lib/paris';
import { eurosToCents } from '../memberships/labels';
import { MISSIONS } from '../working-groups/labels';
import { GovernanceNav, OutcomeBadge, parisToday } from './InstanceLabels';
import {
  CheckSpendingDocument,
  RecordSpendingDocument,
  SPENDING_CONTEXT,
  SpendingDocument,
  UpdateDelegationSettingsDocument,
} from './queries-governance';

type Settings = SpendingQuery['delegationSettings'];
type Spending = SpendingQuery['spendingRequests'][number];

const routeColor: Record<SpendingRoute, string> = { STAFF: 'gray', BUREAU: 'brand', CA: 'grape' };
const checkColor: Record<SpendingCheck, string> = { PENDING: 'yellow', CHECKED: 'teal', QUERIED: 'red' };

/** "2 000" from 200000 cents: an amount as typed in euros. */
const toEurosInput = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ','));

/**
 * Spending under the delegation thresholds: the team records a spending;
 * under the first threshold it is approved by rule and the treasurer (or the
 * coordinator) checks it afterwards; above, it opens a vote of the bureau,
 * or of the CA above the second threshold. The coordinator sets the
 * thresholds. At /gouvernance/depenses.
 */
export function SpendingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: SpendingDocument, context: SPENDING_CONTEXT });
  return (
    <>
      <PageHeader
        title={t('governance.spending.title')}
        subtitle={t('governance.spending.subtitle')}
        crumbs={[{ label: t('governance.instances.title'), to: '/gouvernance' }, { label: t('governance.spending.title') }]}
      />
      <GovernanceNav />
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={4} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              {me.isCptsStaff && <RecordSpendingSection settings={data.delegationSettings} />}
              <SpendingList requests={data.spendingRequests} mayCheck={data.delegationSettings.canCheck} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ThresholdsSection settings={data.delegationSettings} canEdit={me.isCoordinator} />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

/** Who decides up to which amount; the coordinator changes the thresholds (a spending already recorded keeps its route). */
function ThresholdsSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <CardSection id="spending-thresholds" title={t('governance.spending.thresholds.title')} gap="sm">
      <Stack gap={4} component="ul" pl="md" m={0}>
        <Text size="sm" component="li">
          {t('governance.spending.thresholds.staff', { amount: formatEuros(settings.staffLimitCents) })}
        </Text>
        <Text size="sm" component="li">
          {t('governance.spending.thresholds.bureau', {
            from: formatEuros(settings.staffLimitCents),
            amount: formatEuros(settings.bureauLimitCents),
          })}
        </Text>
        <Text size="sm" component="li">
          {t('governance.spending.thresholds.ca', { amount: formatEuros(settings.bureauLimitCents) })}
        </Text>
      </Stack>
      {editing ? (
        <ThresholdsForm settings={settings} onDone={() => setEditing(false)} />
      ) : canEdit ? (
        <Group>
          <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
            {t('governance.spending.thresholds.edit')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="gray.8">
          {t('governance.spending.thresholds.coordinatorOnly')}
        </Text>
      )}
    </CardSection>
  );
}

function ThresholdsForm({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, update] = useMutation(UpdateDelegationSettingsDocument);
  const [staff, setStaff] = useState(toEurosInput(settings.staffLimitCents));
  const [bureau, setBureau] = useState(toEurosInput(settings.bureauLimitCents));
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const [staffLimitCents, bureauLimitCents] = [eurosToCents(staff), eurosToCents(bureau)];
    if (staffLimitCents === null || bureauLimitCents === null) {
      const message = t('governance.spending.amountInvalid');
      return setError({
        code: 'BAD_USER_INPUT',
        message,
        fields: {
          ...(staffLimitCents === null ? { staffLimitCents: message } : {}),
          ...(bureauLimitCents === null ? { bureauLimitCents: message } : {}),
        },
      });
    }
    const result = await update({ input: { staffLimitCents, bureauLimitCents } }, SPENDING_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.spending.thresholds.saved') });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('governance.spending.thresholds.staffLabel')}
            description={t('governance.spending.thresholds.staffHelp')}
            inputMode="decimal"
            required
            value={staff}
            onChange={(e) => setStaff(e.currentTarget.value)}
            error={fields.staffLimitCents}
            rightSection="€"
          />
          <TextInput
            label={t('governance.spending.thresholds.bureauLabel')}
            description={t('governance.spending.thresholds.bureauHelp')}
            inputMode="decimal"
            required
            value={bureau}
            onChange={(e) => setBureau(e.currentTarget.value)}
            error={fields.bureauLimitCents}
            rightSection="€"
          />
        </SimpleGrid>
        <Text size="sm" c="gray.8">
          {t('governance.spending.thresholds.keepRoute')}
        </Text>
        <FormAlert error={formLevelError(error, (f) => ['staffLimitCents', 'bureauLimitCents'].includes(f))} />
        <DialogButtons onCancel={onDone} action={{ label: t('governance.spending.thresholds.save'), loading: fetching }} />
      </Stack>
    </form>
  );
}

/** A spending to record: the thresholds decide, once, whether the team approves it alone or a vote opens. */
function RecordSpendingSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [{ fetching }, record] = useMutation(RecordSpendingDocument);
  const [form, setForm] = useState({ amount: '', purpose: '', mission: '', deadline: '' });
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};
  const cents = eurosToCents(form.amount);
  const route: SpendingRoute | null =
    cents === null || cents === 0
      ? null
      : cents <= settings.staffLimitCents
        ? 'STAFF'
        : cents <= settings.bureauLimitCents
          ? 'BUREAU'
          : 'CA';
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (cents === null) {
      const message = t('governance.spending.amountInvalid');
      return setError({ code: 'BAD_USER_INPUT', message, fields: { amountCents: message } });
    }
    // The vote closes on the chosen day at 23:59, Paris time.
    const deadline = form.deadline ? fromParisInput(`${form.deadline}T23:59`) : null;
    const result = await record(
      {
        input: {
          amountCents: cents,
          purpose: form.purpose,
          mission: (form.mission || null) as AciMission | null,
          deadline: route !== 'STAFF' && deadline ? deadline.toISOString() : null,
        },
      },
      SPENDING_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    const s = result.data.recordSpending;
    notifications.show({
      color: 'teal',
      message: s.route === 'STAFF' ? t('governance.spending.record.doneStaff') : t(`governance.spending.record.doneVote.${s.route}`),
    });
    setForm({ amount: '', purpose: '', mission: '', deadline: '' });
  };

  return (
    <CardSection id="spending-record" title={t('governance.spending.record.title')} gap="sm">
      <Box component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('governance.spending.record.amount')}
              inputMode="decimal"
              required
              rightSection="€"
              {...bind('amount')}
              error={fields.amountCents}
            />
            <NativeSelect
              label={t('governance.spending.record.mission')}
              data={[
                { value: '', label: t('governance.spending.record.noMission') },
                ...MISSIONS.map((m) => ({ value: m, label: t(`workingGroups.missions.${m}`) })),
              ]}
              {...bind('mission')}
              error={fields.mission}
            />
          </SimpleGrid>
          <Textarea
            label={t('governance.spending.record.purpose')}
            required
            autosize
            minRows={2}
            maxLength={500}
            {...bind('purpose')}
            error={fields.purpose}
          />
          {route && (
            <Text size="sm" role="status" fw={600}>
              {t(`governance.spending.record.willGo.${route}`)}
            </Text>
          )}
          {route && route !== 'STAFF' && (
            <TextInput
              type="date"
              label={t('governance.spending.record.deadline')}
              description={t('governance.spending.record.deadlineHelp')}
              min={parisToday()}
              {...bind('deadline')}
              error={fields.deadline}
              maw={260}
            />
          )}
          <FormAlert error={formLevelError(error, (f) => ['amountCents', 'purpose', 'mission', 'deadline'].includes(f))} />
          <Group>
            <Button type="submit" leftSection={<IconReceipt2 size={18} />} loading={fetching}>
              {t('governance.spending.record.submit')}
            </Button>
          </Group>
        </Stack>
      </Box>
    </CardSection>
  );
}

/** The spending recorded, those awaiting the treasurer's check first; each with its route, its vote or its check. */
function SpendingList({ requests, mayCheck }: { requests: Spending[]; mayCheck: boolean }) {
  const { t } = useTranslation();
  const [checking, setChecking] = useState<{ spending: Spending; check: SpendingCheck } | null>(null);
  return (
    <CardSection id="spending-list" title={t('governance.spending.list.title', { count: requests.length })} gap="sm">
      {mayCheck && (
        <Text size="sm" c="gray.8">
          {t('governance.spending.list.checkHelp')}
        </Text>
      )}
      {requests.length === 0 ? (
        <EmptyState icon={<IconReceipt2 size={32} />} title={t('governance.spending.list.none')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {requests.map((s) => (
            <Paper key={s.id} withBorder p="sm" radius="md" component="li" aria-label={`${formatEuros(s.amountCents)} : ${s.purpose}`}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0, flex: '1 1 200px' }}>
                    {formatEuros(s.amountCents)} · {s.purpose}
                  </Text>
                  <Badge color={routeColor[s.route]} variant="light" tt="none" miw="max-content">
                    {t(`governance.spending.route.${s.route}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="gray.8">
                  {[
                    s.mission ? t(`workingGroups.missions.${s.mission}`) : null,
                    t('governance.spending.list.recorded', { date: formatDateTime(s.requestedAt), name: s.requestedByName ?? '—' }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {s.decisionId ? (
                  <Group gap="xs">
                    {s.decisionStatus === 'CLOSED' ? (
                      <OutcomeBadge outcome={s.decisionOutcome} />
                    ) : (
                      <Badge color="blue" tt="none" miw="max-content">
                        {t(`governance.spending.decisionStatus.${s.decisionStatus ?? 'OPEN'}`)}
                      </Badge>
                    )}
                    <Anchor
                      component={Link}
                      to={`/gouvernance/decisions/${s.decisionId}`}
                      size="sm"
                      aria-label={t('governance.spending.list.decisionOf', { purpose: s.purpose })}
                    >
                      {t('governance.spending.list.decision')}
                    </Anchor>
                  </Group>
                ) : (
                  s.check && (
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Badge color={checkColor[s.check]} tt="none" miw="max-content">
                          {t(`governance.spending.check.${s.check}`)}
                        </Badge>
                        {s.checkedAt && (
                          <Text size="sm" c="gray.8">
                            {t('governance.spending.list.checkedBy', { date: formatDateTime(s.checkedAt), name: s.checkedByName ?? '—' })}
                          </Text>
                        )}
                      </Group>
                      {s.checkNote && (
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {t('governance.spending.list.note', { note: s.checkNote })}
                        </Text>
                      )}
                    </Stack>
                  )
                )}
                {mayCheck && s.route === 'STAFF' && s.check !== 'CHECKED' && (
                  <Group gap="xs" mt={4}>
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="teal"
                      leftSection={<IconCheck size={14} />}
                      onClick={() => setChecking({ spending: s, check: 'CHECKED' })}
                      aria-label={t('governance.spending.check.checkedOf', { purpose: s.purpose })}
                    >
                      {t('governance.spending.check.markChecked')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      c="red.9"
                      leftSection={<IconAlertCircle size={14} />}
                      onClick={() => setChecking({ spending: s, check: 'QUERIED' })}
                      aria-label={t('governance.spending.check.queriedOf', { purpose: s.purpose })}
                    >
                      {t('governance.spending.check.markQueried')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={checking !== null}
        onClose={() => setChecking(null)}
        title={checking ? t(`governance.spending.check.title.${checking.check}`) : ''}
        centered
      >
        {checking && <CheckForm spending={checking.spending} check={checking.check} onDone={() => setChecking(null)} />}
      </Modal>
    </CardSection>
  );
}

function CheckForm({ spending, check, onDone }: { spending: Spending; check: SpendingCheck; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, save] = useMutation(CheckSpendingDocument);
  const [note, setNote] = useState(spending.checkNote ?? '');
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await save({ id: spending.id, check, note: note.trim() || null }, SPENDING_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t(`governance.spending.check.done.${check}`) });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{`${formatEuros(spending.amountCents)} · ${spending.purpose}`}</Text>
        <Textarea
          label={check === 'QUERIED' ? t('governance.spending.check.noteQueried') : t('governance.spending.check.noteChecked')}
          required={check === 'QUERIED'}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error?.fields.note}
          data-autofocus
        />
        <FormAlert error={formLevelError(error, (f) => f === 'note')} />
        <DialogButtons onCancel={onDone} action={{ label: t(`governance.spending.check.submit.${check}`), loading: fetching }} />
      </Stack>
    </form>
  );
}
