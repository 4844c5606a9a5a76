import { Badge, Button, Collapse, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconHistory, IconPencil, IconPlus, IconUserOff } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ErrorState, LoadingState } from '../../../components/states';
import type { GovernanceInstanceQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatDay } from '../../../lib/format';
import { DaysLeftBadge, OfficeBadge, parisToday } from './InstanceLabels';
import { EndMandateForm, MandateForm, type MandateRow } from './MandateForm';
import { INSTANCE_CONTEXT, InstanceMandateHistoryDocument, InstanceMandatesOnDocument } from './queries-governance';

type Instance = GovernanceInstanceQuery['governanceInstance'];
type Dialog = { kind: 'add' } | { kind: 'correct' | 'end'; mandate: MandateRow } | null;

/** "Du 12 juin 2025 au 11 juin 2028", or without an end. */
function useTerm() {
  const { t } = useTranslation();
  return (m: MandateRow) =>
    m.endsOn
      ? t('governance.instances.mandate.term', { from: formatDay(m.startsOn), to: formatDay(m.endsOn) })
      : t('governance.instances.mandate.termOpen', { from: formatDay(m.startsOn) });
}

/** How the seat was obtained, with its note ("Élu·e — AG du 12 juin 2025"). */
function useObtained() {
  const { t } = useTranslation();
  return (m: MandateRow) => [t(`governance.instances.obtained.${m.obtained}`), m.obtainedNote].filter(Boolean).join(' — ');
}

/**
 * Who sits on the instance today: each mandate with its office, college,
 * term, how it was obtained and the days left (a warning under 90). The
 * team adds a mandate, corrects one, or ends one before its term.
 */
export function MandatesSection({ instance, canManage }: { instance: Instance; canManage: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const term = useTerm();
  const obtained = useObtained();
  const close = () => setDialog(null);
  const mandates = instance.mandates;
  return (
    <CardSection id="instance-composition" title={t('governance.instances.current', { count: mandates.length })} gap="sm">
      {canManage && (
        <Group>
          <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'add' })}>
            {t('governance.instances.mandate.add')}
          </Button>
        </Group>
      )}
      {mandates.length === 0 ? (
        <Text size="sm">{canManage ? t('governance.instances.noMandateTeam') : t('governance.instances.noMandate')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {mandates.map((m) => (
            <Paper key={m.id} withBorder p="sm" radius="md" component="li" aria-label={m.name}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Group gap="xs" style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {m.name}
                    </Text>
                    <OfficeBadge office={m.office} />
                  </Group>
                  <DaysLeftBadge daysLeft={m.daysLeft} />
                </Group>
                {m.collegeName && <Text size="sm">{t('governance.instances.mandate.collegeOf', { college: m.collegeName })}</Text>}
                <Text size="sm">{term(m)}</Text>
                <Text size="sm" c="gray.8">
                  {obtained(m)}
                </Text>
                {canManage && (
                  <Group gap="xs" mt={4}>
                    <Button
                      size="compact-sm"
                      variant="default"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setDialog({ kind: 'correct', mandate: m })}
                      aria-label={t('governance.instances.mandate.correctOf', { name: m.name })}
                    >
                      {t('governance.instances.mandate.correct')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      c="red.9"
                      leftSection={<IconUserOff size={14} />}
                      onClick={() => setDialog({ kind: 'end', mandate: m })}
                      aria-label={t('governance.instances.end.actionOf', { name: m.name })}
                    >
                      {t('governance.instances.end.action')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={dialog?.kind === 'add' || dialog?.kind === 'correct'}
        onClose={close}
        title={dialog?.kind === 'correct' ? t('governance.instances.mandate.correctTitle') : t('governance.instances.mandate.addTitle')}
        centered
        size="lg"
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'correct') && (
          <MandateForm instance={instance} mandate={dialog.kind === 'correct' ? dialog.mandate : null} onDone={close} />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'end'} onClose={close} title={t('governance.instances.end.title')} centered>
        {dialog?.kind === 'end' && <EndMandateForm mandate={dialog.mandate} onDone={close} />}
      </Modal>
    </CardSection>
  );
}

/** Who sat on the instance on a chosen day: a past board, as the register's decisions of that day saw it. */
export function CompositionOnSection({ instanceId }: { instanceId: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(on);
  const [{ data, error }, refetch] = useQuery({
    query: InstanceMandatesOnDocument,
    variables: { id: instanceId, on },
    context: INSTANCE_CONTEXT,
    pause: !valid,
  });
  const mandates = data?.governanceInstance.mandates;
  return (
    <CardSection id="instance-composition-on" title={t('governance.instances.on.title')} gap="sm">
      <TextInput
        type="date"
        label={t('governance.instances.on.label')}
        description={t('governance.instances.on.help')}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        maw={260}
      />
      {!valid ? null : error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !mandates ? (
        <LoadingState rows={1} />
      ) : (
        <Stack gap={4} role="status">
          <Text size="sm" fw={600}>
            {t('governance.instances.on.count', { count: mandates.length, date: formatDay(on) })}
          </Text>
          {mandates.length > 0 && (
            <Stack gap={2} component="ul" pl="md" m={0}>
              {mandates.map((m) => (
                <Text key={m.id} size="sm" component="li" style={{ overflowWrap: 'anywhere' }}>
                  {[m.name, t(`governance.instances.office.${m.office}`), m.collegeName].filter(Boolean).join(' · ')}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </CardSection>
  );
}

/** Every mandate ever held on the instance, read when someone opens it: current ones first, then the ended ones and why. */
export function MandateHistorySection({ instanceId }: { instanceId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <CardSection id="instance-history" title={t('governance.instances.history.title')} gap="sm">
      <Group>
        <Button
          variant="default"
          leftSection={<IconHistory size={18} />}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('governance.instances.history.hide') : t('governance.instances.history.show')}
        </Button>
      </Group>
      <Collapse expanded={open} id={listId}>
        {open && <MandateHistory instanceId={instanceId} />}
      </Collapse>
    </CardSection>
  );
}

function MandateHistory({ instanceId }: { instanceId: string }) {
  const { t } = useTranslation();
  const term = useTerm();
  const obtained = useObtained();
  const [{ data, error }, refetch] = useQuery({
    query: InstanceMandateHistoryDocument,
    variables: { id: instanceId },
    context: INSTANCE_CONTEXT,
  });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={2} />;
  const mandates = data.governanceInstance.mandates;
  if (mandates.length === 0) return <Text size="sm">{t('governance.instances.history.none')}</Text>;
  const today = parisToday();
  const status = (m: MandateRow): { label: string; color: string } =>
    m.current
      ? { label: t('governance.instances.history.current'), color: 'teal' }
      : m.startsOn > today
        ? { label: t('governance.instances.history.coming'), color: 'blue' }
        : m.endedOn
          ? { label: t('governance.instances.history.endedEarly', { date: formatDay(m.endedOn) }), color: 'gray' }
          : { label: t('governance.instances.history.ended', { date: formatDay(m.endsOn ?? m.startsOn) }), color: 'gray' };
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('governance.instances.history.title')}>
      {mandates.map((m) => {
        const s = status(m);
        return (
          <Paper key={m.id} withBorder p="xs" radius="md" component="li">
            <Stack gap={2}>
              <Group justify="space-between" gap="xs" align="flex-start">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {m.name} · {t(`governance.instances.office.${m.office}`)}
                  {m.collegeName ? ` · ${m.collegeName}` : ''}
                </Text>
                <Badge color={s.color} variant="light" tt="none" miw="max-content">
                  {s.label}
                </Badge>
              </Group>
              <Text size="sm">{term(m)}</Text>
              <Text size="sm" c="gray.8">
                {obtained(m)}
              </Text>
              {m.endReason && (
                <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                  {t('governance.instances.history.reason', { reason: m.endReason })}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
