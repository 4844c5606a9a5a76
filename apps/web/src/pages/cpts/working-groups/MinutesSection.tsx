import { Box, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title, Typography } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { MeetingPageQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { RichEditor } from '../campaigns/RichEditor';
import type { GroupMember } from './MeetingAccess';
import { ActionItemButtons, ActionItemStatusBadge, DueDate } from './ActionItemParts';
import { ACTION_ITEM_CONTEXT, ActionItemsDocument, CreateActionItemDocument } from './queries-action-items';
import { MEETING_PAGE_CONTEXT, PublishMeetingMinutesDocument, SaveMeetingMinutesDocument } from './queries-meetings';

type Meeting = MeetingPageQuery['meeting'];

/**
 * The minutes as sent: rich text the server has already cut down to the
 * campaigns' allow-list (sanitizeEmailHtml: no script, no handler, no
 * style), so it is shown as HTML; then the decisions taken, in order.
 */
export function MinutesText({ html, decisions }: { html: string | null; decisions: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {html && (
        <Typography style={{ overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </Typography>
      )}
      {decisions.length > 0 && (
        <Box>
          <Title order={3} size="h5" mb={4}>
            {t('workingGroups.minutes.decisions')}
          </Title>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {decisions.map((d, i) => (
              <li key={i}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {d}
                </Text>
              </li>
            ))}
          </ol>
        </Box>
      )}
    </Stack>
  );
}

/**
 * The minutes (compte rendu): written by the group's managers once the
 * meeting has started (rich text and the decisions taken), kept as a draft
 * until published; publishing sends them to every current member of the
 * group and every invitee, present or not, and they are final. Everyone
 * who sees the meeting reads them once published.
 */
export function MinutesSection({
  meeting,
  canManage,
  started,
  recipientCount,
  onPublished,
}: {
  meeting: Meeting;
  canManage: boolean;
  started: boolean;
  recipientCount: number;
  /** Reads the meeting again once the minutes are sent (see MinutesEditor). */
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const cancelled = meeting.status === 'CANCELLED';
  return (
    <CardSection id="meeting-minutes" title={t('workingGroups.minutes.title')} gap="sm">
      {meeting.minutesPublishedAt ? (
        <>
          <Text size="sm" c="gray.8">
            {t('workingGroups.minutes.publishedOn', {
              date: formatDateTime(meeting.minutesPublishedAt),
              count: meeting.minutesRecipients.length,
            })}
          </Text>
          <MinutesText html={meeting.minutesHtml} decisions={meeting.decisions} />
        </>
      ) : cancelled ? (
        <Text size="sm">{t('workingGroups.minutes.cancelled')}</Text>
      ) : !started ? (
        <Text size="sm">{t('workingGroups.minutes.notStarted')}</Text>
      ) : canManage ? (
        <MinutesEditor meeting={meeting} recipientCount={recipientCount} onPublished={onPublished} />
      ) : (
        <Text size="sm">{t('workingGroups.minutes.notPublished')}</Text>
      )}
    </CardSection>
  );
}

let nextKey = 0;
const decisionRow = (text = '') => ({ key: nextKey++, text });

function MinutesEditor({ meeting, recipientCount, onPublished }: { meeting: Meeting; recipientCount: number; onPublished: () => void }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState(meeting.minutesHtml ?? '');
  const [decisions, setDecisions] = useState(() => meeting.decisions.map((d) => decisionRow(d)));
  // What was last saved, as typed: the server's sanitized copy differs in form, not in content.
  const snapshot = (h: string, d: Array<{ text: string }>) => JSON.stringify([h, d.map((x) => x.text.trim()).filter(Boolean)]);
  const [saved, setSaved] = useState(() => snapshot(meeting.minutesHtml ?? '', decisions));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching: saving }, save] = useMutation(SaveMeetingMinutesDocument);
  const [{ fetching: publishing }, publish] = useMutation(PublishMeetingMinutesDocument);
  const dirty = snapshot(html, decisions) !== saved;

  const doSave = async (): Promise<boolean> => {
    setError(null);
    const current = snapshot(html, decisions);
    const result = await save(
      { meetingId: meeting.id, input: { html, decisions: decisions.map((d) => d.text.trim()).filter(Boolean) } },
      MEETING_PAGE_CONTEXT,
    );
    if (!result.data) {
      setError(toAppError(result.error));
      return false;
    }
    setSaved(current);
    return true;
  };
  const doPublish = async () => {
    // What is sent is what was saved: the text on screen first, unless it is already.
    if (dirty && !(await doSave())) return setConfirming(false);
    const result = await publish({ meetingId: meeting.id }, MEETING_PAGE_CONTEXT);
    setConfirming(false);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({
      color: 'teal',
      message: t('workingGroups.minutes.published', { count: result.data.publishMeetingMinutes.minutesRecipients.length }),
    });
    // The cache reads the meeting again after each change; a read the save started may still be on its way with the draft
    // and answer last: one more read, after the sending, settles the page on the minutes as sent.
    onPublished();
  };
  const fields = error?.fields ?? {};

  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {t('workingGroups.minutes.help')}
      </Text>
      <RichEditor
        label={t('workingGroups.minutes.text')}
        description={t('workingGroups.minutes.textHelp')}
        value={html}
        onChange={setHtml}
        error={fields.html}
      />
      <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
        <Title order={3} size="h5" component="legend" p={0} mb={4}>
          {t('workingGroups.minutes.decisions')}
        </Title>
        <Stack gap="xs">
          {decisions.length === 0 && (
            <Text size="sm" c="gray.8">
              {t('workingGroups.minutes.noDecision')}
            </Text>
          )}
          {decisions.map((d, i) => (
            <Group key={d.key} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('workingGroups.minutes.decision', { n: i + 1 })}
                value={d.text}
                maxLength={1000}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setDecisions((rows) => rows.map((r) => (r.key === d.key ? { ...r, text } : r)));
                }}
                error={fields[`decisions.${i}`]}
                style={{ flex: 1 }}
              />
              <RemoveRowButton
                label={t('workingGroups.minutes.removeDecision', { n: i + 1 })}
                onClick={() => setDecisions((rows) => rows.filter((r) => r.key !== d.key))}
              />
            </Group>
          ))}
          <AddRowButton
            label={t('workingGroups.minutes.addDecision')}
            disabled={decisions.length >= 50}
            onClick={() => setDecisions((rows) => [...rows, decisionRow()])}
          />
        </Stack>
      </Box>
      <FormAlert error={formLevelError(error, (f) => f === 'html' || /^decisions\.\d+$/.test(f))} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="gray.8" role="status">
          {dirty ? t('workingGroups.minutes.unsaved') : meeting.minutesHtml ? t('workingGroups.minutes.draftSaved') : ''}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={18} />}
            loading={saving && !confirming}
            onClick={() => void doSave()}
          >
            {t('workingGroups.minutes.saveDraft')}
          </Button>
          <Button leftSection={<IconSend size={18} />} onClick={() => setConfirming(true)}>
            {t('workingGroups.minutes.publish')}
          </Button>
        </Group>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('workingGroups.minutes.confirmTitle')}
        action={{ label: t('workingGroups.minutes.confirm'), loading: saving || publishing, onClick: () => void doPublish() }}
      >
        <Text size="sm">{t('workingGroups.minutes.confirmExplain', { count: recipientCount })}</Text>
        <Text size="sm">{t('workingGroups.minutes.confirmFinal')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

/** Who the minutes were sent to, and when: the meeting's history of it. */
export function MinutesRecipients({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (!meeting.minutesPublishedAt) return null;
  return (
    <CardSection id="meeting-minutes-recipients" title={t('workingGroups.minutes.recipientsTitle')} gap="sm">
      <Text size="sm" c="gray.8">
        {t('workingGroups.minutes.recipientsHelp', { count: meeting.minutesRecipients.length })}
      </Text>
      <Table fz="sm" verticalSpacing={6}>
        <TableHead labels={[t('workingGroups.minutes.recipient'), t('workingGroups.minutes.sending'), t('workingGroups.minutes.sentAt')]} />
        <Table.Tbody>
          {meeting.minutesRecipients.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.name}</Table.Td>
              <Table.Td>{r.emailed ? t('workingGroups.minutes.byEmail') : t('meetings.notEmailed')}</Table.Td>
              <Table.Td>{formatDateTime(r.sentAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </CardSection>
  );
}

/**
 * The action items decided at this meeting (from its minutes): what, who,
 * by when, and where each stands (the badges and buttons of the group's
 * other lists of items). The group's managers add them once the meeting
 * has started, for an invitee or a member of the group; that person is
 * reminded by email before the due date, with a link to mark it done.
 */
export function MinutesActions({
  meeting,
  canManage,
  started,
  members,
}: {
  meeting: Meeting;
  canManage: boolean;
  started: boolean;
  members: GroupMember[] | null;
}) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: ActionItemsDocument,
    variables: { filter: { ownerKind: meeting.ownerKind, ownerId: meeting.ownerId } },
    context: ACTION_ITEM_CONTEXT,
  });
  const items = (data?.actionItems ?? []).filter((a) => a.meetingId === meeting.id);
  return (
    <CardSection id="meeting-actions" title={t('workingGroups.minutes.actions.title')} gap="sm">
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={1} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('workingGroups.minutes.actions.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <Paper key={a.id} withBorder p="xs" radius="md" component="li" aria-label={a.title}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {a.title}
                  </Text>
                  <ActionItemStatusBadge item={a} />
                </Group>
                <Text size="sm" c="gray.8">
                  {a.assigneeName} · <DueDate item={a} />
                </Text>
                <ActionItemButtons item={a} rights={{ manage: canManage }} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {canManage && started && meeting.status === 'SCHEDULED' && <ActionForm meeting={meeting} members={members} />}
    </CardSection>
  );
}

/** "YYYY-MM-DD" of today in Paris: the earliest due date the API takes. */
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

function ActionForm({ meeting, members }: { meeting: Meeting; members: GroupMember[] | null }) {
  const { t } = useTranslation();
  const [{ fetching }, create] = useMutation(CreateActionItemDocument);
  const [form, setForm] = useState({ title: '', person: null as string | null, dueOn: '' });
  const [error, setError] = useState<AppError | null>(null);
  // Who may carry it: the invitees first, then the group's members who were not invited (one line per person).
  const people = new Map<string, string>();
  for (const p of [...meeting.invitees, ...(members ?? [])]) {
    const key = p.professionalId ? `professional:${p.professionalId}` : p.userId ? `user:${p.userId}` : null;
    if (key && !people.has(key)) people.set(key, p.name);
  }
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const [kind, personId] = (form.person ?? ':').split(':');
    if (!form.person)
      return setError({
        code: 'BAD_USER_INPUT',
        message: t('workingGroups.minutes.actions.personMissing'),
        fields: { person: t('workingGroups.minutes.actions.personMissing') },
      });
    const result = await create(
      {
        input: {
          ownerKind: meeting.ownerKind,
          ownerId: meeting.ownerId,
          meetingId: meeting.id,
          title: form.title,
          professionalId: kind === 'professional' ? personId : null,
          userId: kind === 'user' ? personId : null,
          dueOn: form.dueOn,
        },
      },
      ACTION_ITEM_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({
      color: 'teal',
      message: t('workingGroups.minutes.actions.created', { name: result.data.createActionItem.assigneeName }),
    });
    setForm({ title: '', person: null, dueOn: '' });
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby="meeting-action-new">
      <Stack gap="xs">
        <Title order={3} size="h5" id="meeting-action-new">
          {t('workingGroups.minutes.actions.new')}
        </Title>
        <TextInput
          label={t('workingGroups.minutes.actions.what')}
          required
          maxLength={300}
          value={form.title}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setForm((f) => ({ ...f, title }));
          }}
          error={fields.title}
        />
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Select
            label={t('workingGroups.minutes.actions.person')}
            required
            searchable
            data={[...people].map(([value, label]) => ({ value, label }))}
            value={form.person}
            onChange={(person) => setForm((f) => ({ ...f, person }))}
            error={fields.person ?? fields.professionalId ?? fields.userId}
            nothingFoundMessage={t('workingGroups.minutes.actions.nobody')}
            style={{ flex: '1 1 220px' }}
          />
          <TextInput
            type="date"
            label={t('workingGroups.minutes.actions.dueOn')}
            required
            min={parisToday()}
            value={form.dueOn}
            onChange={(e) => {
              const dueOn = e.currentTarget.value;
              setForm((f) => ({ ...f, dueOn }));
            }}
            error={fields.dueOn}
            style={{ flex: '0 1 180px' }}
          />
        </Group>
        <Text size="sm" c="gray.8">
          {t('workingGroups.minutes.actions.help')}
        </Text>
        <FormAlert error={formLevelError(error, (f) => ['title', 'person', 'professionalId', 'userId', 'dueOn'].includes(f))} />
        <Group>
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={fetching}>
            {t('workingGroups.minutes.actions.add')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
