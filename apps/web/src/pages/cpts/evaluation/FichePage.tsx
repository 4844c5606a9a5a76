import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  FileButton,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { AciMission, FicheQuery, FicheSourceKind, FicheStatus, IndicatorKind } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatDay, formatNumber } from '../../../lib/format';
import { uploadFile } from '../../../lib/upload';
import { ScrollTable } from '../calls/ScrollTable';
import { MISSIONS } from '../working-groups/labels';
import { STATUS_COLORS, useEvaluationCrumbs } from './EvaluationPage';
import {
  AddFicheEvidenceDocument,
  EVALUATION_CONTEXT,
  FicheDocument,
  FicheSourceChoicesDocument,
  LinkFicheSourceDocument,
  PlanFicheReviewDocument,
  RemoveFicheEvidenceDocument,
  UnlinkFicheSourceDocument,
  UpdateFicheDocument,
} from './queries';
import '../../../i18n/evaluation';

type Fiche = FicheQuery['fiche'];
type Evidence = FicheQuery['ficheEvidence'][number];
const STATUSES: FicheStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'ABANDONED'];
const FIGURES = ['meetings', 'attendances', 'participants', 'campaigns', 'recipients', 'clickers', 'projects', 'members', 'answers'];
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/**
 * A fiche action: its frame and indicators (the team edits them; the board
 * reads), its evidence (read from the linked sources, with their figures and
 * a link to each source; texts and files added by hand), and its review
 * meetings. At /dialogue-de-gestion/fiches/:id.
 */
export function FichePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: FicheDocument, variables: { id }, context: EVALUATION_CONTEXT });
  const crumbs = useEvaluationCrumbs(data?.fiche.year);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={reload} />;
  if (!data) return <LoadingState rows={4} />;
  const fiche = data.fiche;
  const team = me.isCptsStaff;
  return (
    <>
      <PageHeader
        title={fiche.title}
        crumbs={crumbs}
        subtitle={
          <Group gap="xs">
            <Badge color={STATUS_COLORS[fiche.status]} variant="light">
              {t(`evaluation.status.${fiche.status}`)}
            </Badge>
            <Text size="sm" c="gray.8">
              {fiche.responsible
                ? t('evaluation.fiche.responsible', { name: fiche.responsible.name })
                : t('evaluation.fiche.noResponsible')}
            </Text>
          </Group>
        }
      />
      <Stack gap="lg">
        {team ? <FicheEditor key={fiche.updatedAt} fiche={fiche} /> : <FicheView fiche={fiche} />}
        <EvidencePanel fiche={fiche} evidence={data.ficheEvidence} team={team} onChange={reload} />
        <ReviewMeetings fiche={fiche} team={team} onChange={reload} />
      </Stack>
    </>
  );
}

function indicatorValue(value: number | null | undefined, unit: string | null | undefined) {
  return value === null || value === undefined ? '—' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

function MetBadge({ met }: { met: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (met === null || met === undefined) return <Text size="sm">—</Text>;
  return (
    <Badge color={met ? 'teal' : 'orange'} variant="light">
      {met ? t('evaluation.indicators.met') : t('evaluation.indicators.notMet')}
    </Badge>
  );
}

/** The board's view: the same frame and indicators, read-only. */
function FicheView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <CardSection id="fiche-frame" title={t('evaluation.fiche.frame')} gap="sm">
      <Text size="sm">{t('evaluation.fiche.readOnly')}</Text>
      <Text size="sm">
        <b>{t('evaluation.fiche.fields.mission')} : </b>
        {fiche.mission ? t(`workingGroups.missions.${fiche.mission}`) : t('evaluation.noMission')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <b>{t('evaluation.fiche.fields.objective')} : </b>
        {fiche.objective}
      </Text>
      {fiche.actions.length > 0 && (
        <Stack gap={2} component="ol" m={0}>
          {fiche.actions.map((a, n) => (
            <Text size="sm" component="li" key={n}>
              {a}
            </Text>
          ))}
        </Stack>
      )}
      {/* A table from the tablet up; on a phone each indicator is a card, so nothing needs a sideways scroll. */}
      <Box visibleFrom="sm">
        <ScrollTable minWidth={480} label={t('evaluation.indicators.title')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.indicators.label')}</Table.Th>
                <Table.Th>{t('evaluation.indicators.target')}</Table.Th>
                <Table.Th>{t('evaluation.indicators.actual')}</Table.Th>
                <Table.Th>{t('evaluation.indicators.met')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fiche.indicators.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.label}</Table.Td>
                  <Table.Td>{i.kind === 'QUANTITATIVE' ? indicatorValue(i.target, i.unit) : ''}</Table.Td>
                  <Table.Td>{i.kind === 'QUANTITATIVE' ? indicatorValue(i.actual, i.unit) : i.assessment}</Table.Td>
                  <Table.Td>
                    <MetBadge met={i.met} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('evaluation.indicators.title')}>
        {fiche.indicators.map((i) => (
          <Paper component="li" key={i.id} withBorder p="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} className="break">
                {i.label}
              </Text>
              <MetBadge met={i.met} />
            </Group>
            {i.kind === 'QUANTITATIVE' ? (
              <Text size="sm">
                {t('evaluation.indicators.target')} : {indicatorValue(i.target, i.unit)} · {t('evaluation.indicators.actual')} :{' '}
                {indicatorValue(i.actual, i.unit)}
              </Text>
            ) : (
              i.assessment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {i.assessment}
                </Text>
              )
            )}
          </Paper>
        ))}
      </Stack>
    </CardSection>
  );
}

interface IndicatorDraft {
  label: string;
  kind: IndicatorKind;
  unit: string;
  target: number | string;
  actual: number | string;
  computedFrom: string;
  assessment: string;
}
const toNumber = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** The team's editor: the frame, the actions (a line each) and the indicators, saved together. */
function FicheEditor({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    title: fiche.title,
    objective: fiche.objective,
    mission: (fiche.mission ?? '') as AciMission | '',
    status: fiche.status,
    startsOn: fiche.startsOn ?? '',
    endsOn: fiche.endsOn ?? '',
    actions: fiche.actions.join('\n'),
  });
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(
    fiche.indicators.map((i) => ({
      label: i.label,
      kind: i.kind,
      unit: i.unit ?? '',
      target: i.target ?? '',
      actual: i.computedFrom ? '' : (i.actual ?? ''),
      computedFrom: i.computedFrom ?? '',
      assessment: i.assessment ?? '',
    })),
  );
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, update] = useMutation(UpdateFicheDocument);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setIndicator = (n: number, patch: Partial<IndicatorDraft>) =>
    setIndicators((list) => list.map((i, m) => (m === n ? { ...i, ...patch } : i)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await update(
      {
        id: fiche.id,
        input: {
          year: fiche.year,
          title: form.title,
          objective: form.objective,
          mission: form.mission || null,
          status: form.status,
          startsOn: form.startsOn || null,
          endsOn: form.endsOn || null,
          actions: form.actions
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
          responsibleProfessionalId: fiche.responsible?.kind === 'professional' ? fiche.responsible.id : null,
          responsibleUserId: fiche.responsible?.kind === 'user' ? fiche.responsible.id : null,
          indicators: indicators.map((i) =>
            i.kind === 'QUANTITATIVE'
              ? {
                  label: i.label,
                  kind: i.kind,
                  unit: i.unit || null,
                  target: toNumber(i.target),
                  actual: i.computedFrom ? null : toNumber(i.actual),
                  computedFrom: i.computedFrom || null,
                }
              : { label: i.label, kind: i.kind, assessment: i.assessment || null },
          ),
        },
      },
      EVALUATION_CONTEXT,
    );
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('evaluation.fiche.saved') });
  };
  const shown = actual(fiche);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="lg">
        <CardSection id="fiche-frame" title={t('evaluation.fiche.frame')} gap="sm">
          <FormAlert error={error} />
          <TextInput
            label={t('evaluation.fiche.fields.title')}
            value={form.title}
            maxLength={200}
            required
            onChange={(e) => set('title', e.currentTarget.value)}
            error={error?.fields.title}
          />
          <Textarea
            label={t('evaluation.fiche.fields.objective')}
            value={form.objective}
            maxLength={5000}
            autosize
            minRows={2}
            onChange={(e) => set('objective', e.currentTarget.value)}
            error={error?.fields.objective}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('evaluation.fiche.fields.mission')}
              data={[
                { value: '', label: t('evaluation.noMission') },
                ...MISSIONS.map((m) => ({ value: m, label: t(`workingGroups.missions.${m}`) })),
              ]}
              value={form.mission}
              onChange={(e) => set('mission', e.currentTarget.value as AciMission | '')}
            />
            <NativeSelect
              label={t('evaluation.fiche.fields.status')}
              data={STATUSES.map((s) => ({ value: s, label: t(`evaluation.status.${s}`) }))}
              value={form.status}
              onChange={(e) => set('status', e.currentTarget.value as FicheStatus)}
            />
            <TextInput
              type="date"
              label={t('evaluation.fiche.fields.startsOn')}
              value={form.startsOn}
              onChange={(e) => set('startsOn', e.currentTarget.value)}
              error={error?.fields.startsOn}
            />
            <TextInput
              type="date"
              label={t('evaluation.fiche.fields.endsOn')}
              value={form.endsOn}
              onChange={(e) => set('endsOn', e.currentTarget.value)}
              error={error?.fields.endsOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('evaluation.fiche.fields.actions')}
            description={t('evaluation.fiche.fields.actionsHelp')}
            value={form.actions}
            autosize
            minRows={3}
            onChange={(e) => set('actions', e.currentTarget.value)}
          />
        </CardSection>
        <CardSection id="fiche-indicators" title={t('evaluation.indicators.title')} gap="sm">
          {indicators.length === 0 && <Text size="sm">{t('evaluation.indicators.empty')}</Text>}
          {indicators.map((i, n) => (
            <Paper key={n} withBorder p="sm" radius="md" component="fieldset" aria-label={i.label || t('evaluation.indicators.label')}>
              <Stack gap="xs">
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('evaluation.indicators.label')}
                    value={i.label}
                    maxLength={500}
                    required
                    onChange={(e) => setIndicator(n, { label: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    onClick={() => setIndicators((list) => list.filter((_, m) => m !== n))}
                    aria-label={t('evaluation.indicators.remove', { label: i.label })}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                  <NativeSelect
                    label={t('evaluation.indicators.kind')}
                    data={(['QUANTITATIVE', 'QUALITATIVE'] as IndicatorKind[]).map((k) => ({
                      value: k,
                      label: t(`evaluation.indicators.${k}`),
                    }))}
                    value={i.kind}
                    onChange={(e) => setIndicator(n, { kind: e.currentTarget.value as IndicatorKind })}
                  />
                  {i.kind === 'QUANTITATIVE' && (
                    <>
                      <TextInput
                        label={t('evaluation.indicators.unit')}
                        value={i.unit}
                        maxLength={40}
                        onChange={(e) => setIndicator(n, { unit: e.currentTarget.value })}
                      />
                      <NumberInput
                        label={t('evaluation.indicators.target')}
                        value={i.target}
                        min={0}
                        onChange={(v) => setIndicator(n, { target: v })}
                      />
                      <NativeSelect
                        label={t('evaluation.indicators.computedFrom')}
                        data={[
                          { value: '', label: t('evaluation.indicators.manual') },
                          ...FIGURES.map((f) => ({ value: f, label: t(`evaluation.indicators.figures.${f}`) })),
                        ]}
                        value={i.computedFrom}
                        onChange={(e) => setIndicator(n, { computedFrom: e.currentTarget.value })}
                      />
                      {i.computedFrom ? (
                        <Text size="sm" pt="lg">
                          {t('evaluation.indicators.actual')} : {indicatorValue(shown[n], i.unit)} ({t('evaluation.indicators.computed')})
                        </Text>
                      ) : (
                        <NumberInput
                          label={t('evaluation.indicators.actual')}
                          value={i.actual}
                          min={0}
                          onChange={(v) => setIndicator(n, { actual: v })}
                        />
                      )}
                      <Stack gap={2} pt="lg">
                        <MetBadge met={fiche.indicators[n]?.met} />
                      </Stack>
                    </>
                  )}
                </SimpleGrid>
                {i.kind === 'QUALITATIVE' && (
                  <Textarea
                    label={t('evaluation.indicators.assessment')}
                    value={i.assessment}
                    maxLength={5000}
                    autosize
                    minRows={2}
                    onChange={(e) => setIndicator(n, { assessment: e.currentTarget.value })}
                  />
                )}
              </Stack>
            </Paper>
          ))}
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() =>
                setIndicators((list) => [
                  ...list,
                  { label: '', kind: 'QUANTITATIVE', unit: '', target: '', actual: '', computedFrom: '', assessment: '' },
                ])
              }
            >
              {t('evaluation.indicators.add')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('evaluation.fiche.save')}
            </Button>
          </Group>
        </CardSection>
      </Stack>
    </form>
  );
}

/** The actuals the API computed, by position (a computed one is not typed in). */
const actual = (fiche: Fiche) => fiche.indicators.map((i) => i.actual);

/** The kinds of evidence that come from a linked source, as the API names them in FicheSourceKind. */
const SOURCE_KIND: Record<string, FicheSourceKind> = {
  working_group: 'WORKING_GROUP',
  call_project: 'CALL_PROJECT',
  campaign: 'CAMPAIGN',
  survey: 'SURVEY',
  memberships: 'MEMBERSHIPS',
};

/** The evidence: automatic (from the linked sources, one click from their page) and manual (text, file); the team links, adds and removes. */
function EvidencePanel({ fiche, evidence, team, onChange }: { fiche: Fiche; evidence: Evidence[]; team: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [, unlink] = useMutation(UnlinkFicheSourceDocument);
  const [, remove] = useMutation(RemoveFicheEvidenceDocument);
  const act = async (run: () => Promise<{ error?: unknown }>) => {
    const result = await run();
    if (result.error) notifications.show({ color: 'red', message: toAppError(result.error as never)?.message });
    else onChange();
  };
  const open = async (e: Evidence) => {
    const failure = await downloadFile(e.url!, e.title);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  return (
    <CardSection id="fiche-evidence" title={t('evaluation.evidence.title')} gap="sm">
      {evidence.length === 0 && <Text size="sm">{t('evaluation.evidence.empty')}</Text>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {evidence.map((e) => (
          <Paper key={`${e.kind}-${e.id}`} withBorder p="sm" radius="md" component="li" aria-label={e.title}>
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {e.title}
                </Text>
                <Badge variant="light" color={e.automatic ? 'blue' : 'gray'}>
                  {e.automatic ? t('evaluation.evidence.automatic') : t('evaluation.evidence.manual')}
                </Badge>
              </Group>
              {(e.from || e.to) && (
                <Text size="xs" c="gray.8">
                  {[e.from, e.to]
                    .filter(Boolean)
                    .map((d) => formatDay(d!))
                    .join(' → ')}
                </Text>
              )}
              {e.figures.length > 0 && (
                <Text size="sm">{e.figures.map((f) => `${f.label} : ${indicatorValue(f.value, f.unit)}`).join(' · ')}</Text>
              )}
              {e.details.length > 0 && (
                <Stack gap={0} component="ul" m={0} pl="md">
                  {e.details.slice(0, 12).map((d, n) => (
                    <Text size="xs" component="li" key={n} style={{ whiteSpace: 'pre-wrap' }}>
                      {d}
                    </Text>
                  ))}
                </Stack>
              )}
              {e.gap && (
                <Text size="xs" c="orange.9">
                  {e.gap}
                </Text>
              )}
              <Group gap="xs">
                {e.url &&
                  (e.url.startsWith('/api/') ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => void open(e)}>
                      <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                      {t('evaluation.evidence.download')}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} to={e.url} size="sm">
                      {t('evaluation.evidence.source')}
                    </Anchor>
                  ))}
                {team && e.automatic && SOURCE_KIND[e.kind] && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      void act(() => unlink({ ficheId: fiche.id, kind: SOURCE_KIND[e.kind], sourceId: e.id }, EVALUATION_CONTEXT))
                    }
                  >
                    {t('evaluation.evidence.unlink')}
                  </Button>
                )}
                {team && !e.automatic && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => void act(() => remove({ id: e.id }, EVALUATION_CONTEXT))}
                  >
                    {t('evaluation.evidence.remove')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {team && <LinkSource fiche={fiche} onChange={onChange} />}
      {team && <AddEvidence fiche={fiche} onChange={onChange} />}
    </CardSection>
  );
}

function LinkSource({ fiche, onChange }: { fiche: Fiche; onChange: () => void }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: FicheSourceChoicesDocument, variables: { year: fiche.year }, context: EVALUATION_CONTEXT });
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, link] = useMutation(LinkFicheSourceDocument);
  const linked = new Set(fiche.sources.map((s) => `${s.kind}:${s.id}`));
  const options = (data?.ficheSourceChoices ?? []).filter((c) => !linked.has(`${c.kind}:${c.id}`));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = choice.split(':') as [FicheSourceKind, string];
    if (!id) return;
    setError(null);
    const result = await link({ ficheId: fiche.id, kind, sourceId: id }, EVALUATION_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    setChoice('');
    onChange();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert error={error} />
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('evaluation.evidence.link')}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          data={[
            { value: '', label: t('evaluation.evidence.linkPlaceholder') },
            ...options.map((c) => ({
              value: `${c.kind}:${c.id}`,
              label: `${t(`evaluation.evidence.kinds.${c.kind}`)} — ${c.name}${c.detail ? ` (${c.detail})` : ''}`,
            })),
          ]}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Button type="submit" variant="default" loading={fetching} disabled={!choice} leftSection={<IconLink size={18} aria-hidden />}>
          {t('evaluation.evidence.linkButton')}
        </Button>
      </Group>
    </form>
  );
}

function AddEvidence({ fiche, onChange }: { fiche: Fiche; onChange: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: '', body: '', datedOn: parisToday() });
  const [error, setError] = useState<AppError | null>(null);
  const [sending, setSending] = useState(false);
  const [{ fetching }, add] = useMutation(AddFicheEvidenceDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await add({ input: { ficheId: fiche.id, ...form } }, EVALUATION_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    setForm({ title: '', body: '', datedOn: parisToday() });
    onChange();
  };
  const upload = async (file: File | null) => {
    if (!file) return;
    setSending(true);
    const result = await uploadFile(`/api/evaluation/fiches/${fiche.id}/evidence`, file, () => undefined, {
      'x-evidence-date': form.datedOn,
    });
    setSending(false);
    if ('error' in result) return setError(result.error);
    notifications.show({ color: 'teal', message: t('evaluation.evidence.fileAdded') });
    onChange();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('evaluation.evidence.addText')}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('evaluation.evidence.addText')}
        </Text>
        <FormAlert error={error && !error.fields.title ? error : null} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('evaluation.evidence.textTitle')}
            value={form.title}
            maxLength={200}
            required
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={error?.fields.title}
          />
          <TextInput
            type="date"
            label={t('evaluation.evidence.textDate')}
            value={form.datedOn}
            onChange={(e) => setForm({ ...form, datedOn: e.currentTarget.value })}
            error={error?.fields.datedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('evaluation.evidence.textBody')}
          value={form.body}
          maxLength={10000}
          autosize
          minRows={2}
          onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
        />
        <Group gap="xs" wrap="wrap">
          <Button type="submit" variant="default" loading={fetching}>
            {t('evaluation.evidence.addTextButton')}
          </Button>
          <FileButton onChange={(f) => void upload(f)}>
            {(props) => (
              <Button {...props} variant="default" loading={sending} leftSection={<IconPaperclip size={18} aria-hidden />}>
                {t('evaluation.evidence.addFile')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </form>
  );
}

/** The fiche's review meetings (meetings of the meetings module); the team plans one. */
function ReviewMeetings({ fiche, team, onChange }: { fiche: Fiche; team: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    title: t('evaluation.review.defaultTitle', { title: fiche.title }).slice(0, 200),
    startsAt: '',
    minutes: 90,
    place: '',
  });
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, plan] = useMutation(PlanFicheReviewDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const starts = form.startsAt ? new Date(form.startsAt) : null;
    const result = await plan(
      {
        input: {
          ficheIds: [fiche.id],
          title: form.title,
          startsAt: starts?.toISOString() ?? '',
          endsAt: starts ? new Date(starts.getTime() + form.minutes * 60_000).toISOString() : '',
          place: form.place || null,
          professionalIds: [],
        },
      },
      EVALUATION_CONTEXT,
    );
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('evaluation.review.planned') });
    onChange();
  };
  return (
    <CardSection id="fiche-reviews" title={t('evaluation.review.title')} gap="sm">
      {fiche.reviewMeetings.length === 0 ? (
        <Text size="sm">{t('evaluation.review.empty')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {fiche.reviewMeetings.map((m) => (
            <Text size="sm" component="li" key={m.id}>
              <b>{m.title}</b> — {formatDateTime(m.startsAt)}
              {m.ficheIds.length > 1 ? ` · ${t('evaluation.review.fiches', { count: m.ficheIds.length })}` : ''}
            </Text>
          ))}
        </Stack>
      )}
      {team && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('evaluation.review.plan')}>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('evaluation.review.plan')}
            </Text>
            {error && <Alert color="red">{error.message}</Alert>}
            <TextInput
              label={t('evaluation.review.meetingTitle')}
              value={form.title}
              maxLength={200}
              onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                type="datetime-local"
                label={t('evaluation.review.startsAt')}
                value={form.startsAt}
                onChange={(e) => setForm({ ...form, startsAt: e.currentTarget.value })}
              />
              <NumberInput
                label={t('evaluation.review.minutes')}
                value={form.minutes}
                min={15}
                max={600}
                step={15}
                onChange={(v) => setForm({ ...form, minutes: Number(v) || 90 })}
              />
              <TextInput
                label={t('evaluation.review.place')}
                value={form.place}
                maxLength={300}
                onChange={(e) => setForm({ ...form, place: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" variant="default" loading={fetching}>
                {t('evaluation.review.planButton')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </CardSection>
  );
}
