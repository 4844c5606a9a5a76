import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecklist, IconClipboardCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { CallProjectQuery } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDate, formatDay, formatEuros } from '../../../lib/format';
import { PaymentStatusBadge } from '../payments/labels';
import { CALL_CONTEXT, FileProjectDebriefDocument, FileProjectEvaluationDocument } from './queries';
import '../../../i18n/calls';

type Project = CallProjectQuery['callProject'];

/**
 * The debrief: what worked and what did not, filed by the team once the
 * workshops are held (the project is then completed and each speaker's flat
 * fee generated); then the evaluation, the actual of each criterion set at
 * design. The board reads them.
 */
export function ProjectDebrief({ project: p, team }: { project: Project; team: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'debrief' | 'evaluation' | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  return (
    <CardSection id="project-debrief" title={t('calls.debrief.title')} gap="sm">
      {warnings.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('calls.workshops.passWarning')}>
          <Stack gap={2}>
            {warnings.map((w) => (
              <Text key={w} size="sm">
                {w}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {p.debriefedAt ? (
        <>
          <Text size="xs" c="gray.8">
            {t('calls.debrief.filedOn', { date: formatDate(p.debriefedAt) })}
          </Text>
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('calls.debrief.worked')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {p.debriefWorked || '—'}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('calls.debrief.notWorked')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {p.debriefNotWorked || '—'}
            </Text>
          </Stack>
          {p.evaluatedAt ? (
            <Text size="sm">{t('calls.debrief.evaluatedOn', { date: formatDate(p.evaluatedAt) })}</Text>
          ) : (
            <Text size="sm" c="gray.8">
              {t('calls.debrief.toEvaluate')}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="gray.8">
          {p.status === 'IN_PROGRESS' ? t('calls.debrief.due') : t('calls.debrief.notYet')}
        </Text>
      )}
      {team && p.status === 'IN_PROGRESS' && (
        <Group>
          <Button variant="light" leftSection={<IconClipboardCheck size={16} aria-hidden />} onClick={() => setDialog('debrief')}>
            {t('calls.debrief.file')}
          </Button>
        </Group>
      )}
      {team && p.status === 'COMPLETED' && (
        <Group>
          <Button variant="light" leftSection={<IconChecklist size={16} aria-hidden />} onClick={() => setDialog('evaluation')}>
            {t('calls.evaluation.file')}
          </Button>
        </Group>
      )}
      {dialog === 'debrief' && (
        <DebriefDialog
          projectId={p.id}
          onClose={() => setDialog(null)}
          onDone={(found) => {
            setDialog(null);
            setWarnings(found);
          }}
        />
      )}
      {dialog === 'evaluation' && <EvaluationDialog project={p} onClose={() => setDialog(null)} />}
    </CardSection>
  );
}

function DebriefDialog({ projectId, onClose, onDone }: { projectId: string; onClose: () => void; onDone: (warnings: string[]) => void }) {
  const { t } = useTranslation();
  const [worked, setWorked] = useState('');
  const [notWorked, setNotWorked] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, file] = useMutation(FileProjectDebriefDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await file({ projectId, worked, notWorked }, CALL_CONTEXT);
    if (result.error || !result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.debrief.done') });
    onDone(result.data.fileProjectDebrief.warnings);
  };
  return (
    <Modal opened onClose={onClose} title={t('calls.debrief.file')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('calls.debrief.explain')}</Text>
          <Textarea
            label={t('calls.debrief.worked')}
            required
            autosize
            minRows={3}
            maxLength={10000}
            value={worked}
            onChange={(e) => setWorked(e.currentTarget.value)}
            error={error?.fields.worked}
          />
          <Textarea
            label={t('calls.debrief.notWorked')}
            required
            autosize
            minRows={3}
            maxLength={10000}
            value={notWorked}
            onChange={(e) => setNotWorked(e.currentTarget.value)}
            error={error?.fields.notWorked}
          />
          <FormAlert error={formLevelError(error, (f) => f === 'worked' || f === 'notWorked')} />
          <DialogButtons onCancel={onClose} action={{ label: t('calls.debrief.confirm'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The evaluation: the actual of each criterion set at design, beside its indicator and target, in their order. */
function EvaluationDialog({ project: p, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const [actuals, setActuals] = useState<string[]>(() => p.criteria.map((c) => c.actual ?? ''));
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, file] = useMutation(FileProjectEvaluationDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await file({ projectId: p.id, actuals: actuals.map((a) => a.trim()) }, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.evaluation.done') });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('calls.evaluation.file')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('calls.evaluation.explain')}</Text>
          {p.criteria.map((c, i) => (
            <TextInput
              key={`${c.criterion}-${i}`}
              label={c.criterion}
              description={t('calls.evaluation.criterionHelp', { indicator: c.indicator, target: c.target })}
              required
              maxLength={500}
              value={actuals[i] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setActuals((all) => all.map((a, j) => (j === i ? value : a)));
              }}
              error={error?.fields[`actuals.${i}`]}
            />
          ))}
          <FormAlert error={formLevelError(error, (f) => f.startsWith('actuals.'))} />
          <DialogButtons onCancel={onClose} action={{ label: t('calls.evaluation.confirm'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * What the project's speakers are paid: each workshop's hourly fees and the
 * debrief's flat fees, from the payments module, with their status (to pay,
 * paid, cancelled); the totals leave the cancelled lines out.
 */
export function ProjectPayments({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const live = p.paymentLines.filter((l) => l.status !== 'CANCELLED');
  const total = live.reduce((sum, l) => sum + l.amountCents, 0);
  const paid = live.filter((l) => l.status === 'PAID').reduce((sum, l) => sum + l.amountCents, 0);
  return (
    <CardSection id="project-payments" title={t('calls.payments.title')} gap="sm">
      {p.paymentLines.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.payments.none')}
        </Text>
      ) : (
        <>
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {p.paymentLines.map((l) => (
              <Group
                key={l.id}
                component="li"
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                gap="sm"
                py={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {l.professionalName}
                  </Text>
                  <Text size="xs" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                    {[t(`payments.kind.${l.kind}`), formatDay(l.workDate), l.label].join(' · ')}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} td={l.status === 'CANCELLED' ? 'line-through' : undefined}>
                    {formatEuros(l.amountCents)}
                  </Text>
                  <PaymentStatusBadge status={l.status} />
                </Stack>
              </Group>
            ))}
          </Stack>
          <Text size="sm" fw={700}>
            {t('calls.payments.totals', { total: formatEuros(total), paid: formatEuros(paid) })}
          </Text>
        </>
      )}
    </CardSection>
  );
}
