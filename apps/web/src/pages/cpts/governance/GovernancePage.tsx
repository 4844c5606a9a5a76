import { Alert, Anchor, Badge, Box, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBuildingBank, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { DialogButtons } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { GovernanceInstancesQuery, InstanceKind } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { GovernanceNav, KINDS } from './InstanceLabels';
import { CreateGovernanceInstanceDocument, GovernanceInstancesDocument, INSTANCE_CONTEXT } from './queries-governance';

type Instance = GovernanceInstancesQuery['governanceInstances'][number];

/** The seats a new instance starts with (the API's defaults), to change in the form. */
const DEFAULT_SEATS: Partial<Record<InstanceKind, number>> = { BUREAU: 4, CA: 12, COMMISSION: 6 };

/**
 * Governance's landing page: the CPTS's instances (bureau, CA, AG, then the
 * commissions) as cards with who sits on them against their seats, the
 * seats to fill and the mandates ending soon; links to the decisions, the
 * register and spending. The team sets up the instances missing.
 */
export function GovernancePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [creating, setCreating] = useState<InstanceKind | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: GovernanceInstancesDocument, context: INSTANCE_CONTEXT });
  const instances = data?.governanceInstances;
  // The bureau, the CA and the AG exist once each; commissions as many as needed.
  const missing = KINDS.filter((k) => k === 'COMMISSION' || !(instances ?? []).some((i) => i.kind === k));
  const createButtons =
    me.isCptsStaff && instances ? (
      <Group gap="sm" wrap="wrap">
        {missing.map((kind) => (
          <Button
            key={kind}
            variant={kind === 'COMMISSION' ? 'default' : 'filled'}
            leftSection={<IconPlus size={18} />}
            onClick={() => setCreating(kind)}
          >
            {t(`governance.instances.create.${kind}`)}
          </Button>
        ))}
      </Group>
    ) : null;
  return (
    <>
      <PageHeader title={t('governance.instances.title')} subtitle={t('governance.instances.subtitle')} />
      <GovernanceNav />
      {error && !instances ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !instances ? (
        <LoadingState rows={3} />
      ) : (
        <Stack gap="md">
          {instances.length === 0 ? (
            <EmptyState
              icon={<IconBuildingBank size={32} />}
              title={t('governance.instances.empty')}
              description={me.isCptsStaff ? t('governance.instances.emptyTeam') : t('governance.instances.emptyBoard')}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {instances.map((i) => (
                <InstanceCard key={i.id} instance={i} />
              ))}
            </SimpleGrid>
          )}
          {createButtons}
        </Stack>
      )}
      <Modal
        opened={creating !== null}
        onClose={() => setCreating(null)}
        title={creating ? t(`governance.instances.create.${creating}`) : ''}
        centered
      >
        {creating && <CreateInstanceForm kind={creating} onDone={() => setCreating(null)} />}
      </Modal>
    </>
  );
}

function InstanceCard({ instance: i }: { instance: Instance }) {
  const { t } = useTranslation();
  const titleId = `instance-${i.id}`;
  return (
    <Card withBorder padding="md" radius="md" component="li" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor
            component={Link}
            to={`/gouvernance/instances/${i.id}`}
            fw={600}
            size="lg"
            id={titleId}
            style={{ overflowWrap: 'anywhere' }}
          >
            {i.name}
          </Anchor>
          <Badge color="gray" variant="light" tt="none" miw="max-content">
            {t(`governance.instances.kind.${i.kind}`)}
          </Badge>
        </Group>
        {i.seats === null ? (
          <Text size="sm">
            {t('governance.instances.agElectorate', { count: i.currentCount, formatted: formatNumber(i.currentCount) })}
          </Text>
        ) : (
          <>
            <Text size="sm">{t('governance.instances.composition', { count: i.seats, current: i.currentCount })}</Text>
            <Text size="sm" c={i.seatsToFill > 0 ? undefined : 'gray.8'} fw={i.seatsToFill > 0 ? 700 : undefined}>
              {i.seatsToFill > 0
                ? t('governance.instances.seatsToFill', { count: i.seatsToFill })
                : t('governance.instances.allSeatsFilled')}
            </Text>
          </>
        )}
        {i.colleges.length > 0 && (
          <Text size="sm" c="gray.8">
            {t('governance.instances.collegesCount', { count: i.colleges.length })}
          </Text>
        )}
        {i.endingSoon > 0 && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} aria-hidden />}>
            <Text size="sm">{t('governance.instances.endingSoon', { count: i.endingSoon })}</Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** An instance to set up: its name (the usual one by default) and its seats (not the AG's: its members are the year's). */
function CreateInstanceForm({ kind, onDone }: { kind: InstanceKind; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ fetching }, create] = useMutation(CreateGovernanceInstanceDocument);
  const [name, setName] = useState(kind === 'COMMISSION' ? '' : t(`governance.instances.defaultName.${kind}`));
  const [seats, setSeats] = useState(String(DEFAULT_SEATS[kind] ?? ''));
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};
  const isAg = kind === 'AG';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const count = Number(seats);
    if (!isAg && (!seats.trim() || !Number.isInteger(count))) {
      const message = t('governance.instances.seatsInvalid');
      return setError({ code: 'BAD_USER_INPUT', message, fields: { seats: message } });
    }
    const result = await create({ input: { kind, name: name.trim() || null, seats: isAg ? null : count } }, INSTANCE_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    const created = result.data.createGovernanceInstance;
    notifications.show({ color: 'teal', message: t('governance.instances.created', { name: created.name }) });
    onDone();
    void navigate(`/gouvernance/instances/${created.id}`);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          {t(`governance.instances.createHelp.${kind}`)}
        </Text>
        <TextInput
          label={t('governance.instances.name')}
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          data-autofocus
        />
        {!isAg && (
          <TextInput
            label={t('governance.instances.seatsLabel')}
            type="number"
            inputMode="numeric"
            min={1}
            max={200}
            required
            value={seats}
            onChange={(e) => setSeats(e.currentTarget.value)}
            error={fields.seats}
            w={160}
          />
        )}
        <Box>
          <FormAlert error={formLevelError(error, (f) => ['name', 'seats'].includes(f))} />
        </Box>
        <DialogButtons onCancel={onDone} action={{ label: t('governance.instances.createSubmit'), loading: fetching }} />
      </Stack>
    </form>
  );
}
