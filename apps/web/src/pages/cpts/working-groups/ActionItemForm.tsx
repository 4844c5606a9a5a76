import { Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { WorkingGroupMembersQuery } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { parisParts } from '../../../lib/paris';
import { OWNER_KIND } from './queries';
import { ACTION_ITEM_CONTEXT, CreateActionItemDocument } from './queries-action-items';

type Member = WorkingGroupMembersQuery['workingGroup']['members'][number];

/** The fields whose errors sit next to their field; any other shows above the buttons. */
const FIELDS = ['title', 'professionalId', 'userId', 'dueOn'];

/** Today in Paris, as a date input's value (the API refuses a due date already past there). */
function parisToday(): string {
  const { year, month, day } = parisParts(new Date());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A member as one value of the person select: the kind of person, then their id. */
const personValue = (m: Member) => (m.professionalId ? `p:${m.professionalId}` : `u:${m.userId}`);

/**
 * An action item by hand: what, who carries it (a current member of the
 * group: a professional of the directory or a team user) and by when. The
 * person is reminded by email before the date, and after it if still open.
 */
export function ActionItemForm({ groupId, members, onDone }: { groupId: string; members: Member[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [person, setPerson] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, create] = useMutation(CreateActionItemDocument);
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // Said here rather than sent: the API would answer the same, less precisely (a person is one of two ids).
    if (!person)
      return setError({
        code: 'BAD_USER_INPUT',
        message: t('actionItems.form.personMissing'),
        fields: { person: t('actionItems.form.personMissing') },
      });
    const [kind, id] = person.split(':');
    const result = await create(
      {
        input: {
          ownerKind: OWNER_KIND,
          ownerId: groupId,
          title,
          dueOn,
          professionalId: kind === 'p' ? id : null,
          userId: kind === 'u' ? id : null,
        },
      },
      ACTION_ITEM_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({
      color: 'teal',
      message: t('actionItems.form.created', {
        title: result.data.createActionItem.title,
        name: result.data.createActionItem.assigneeName,
      }),
    });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('actionItems.form.title')}
          description={t('actionItems.form.titleHelp')}
          required
          autosize
          minRows={2}
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fields.title}
          data-autofocus
        />
        <Select
          label={t('actionItems.form.person')}
          description={t('actionItems.form.personHelp')}
          placeholder={t('actionItems.form.personPlaceholder')}
          required
          searchable
          nothingFoundMessage={t('common.noResult')}
          data={members.map((m) => ({
            value: personValue(m),
            label: m.kind === 'USER' ? t('actionItems.form.teamUser', { name: m.name }) : m.name,
          }))}
          value={person}
          onChange={setPerson}
          error={fields.person ?? fields.professionalId ?? fields.userId}
        />
        <TextInput
          type="date"
          label={t('actionItems.form.dueOn')}
          required
          min={parisToday()}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={fields.dueOn}
          maw={220}
        />
        <Text size="sm" c="gray.8">
          {t('actionItems.form.remindersHelp')}
        </Text>
        <FormAlert error={formLevelError(error, (f) => FIELDS.includes(f) || f === 'person')} />
        <DialogButtons onCancel={onDone} action={{ label: t('actionItems.form.submit'), loading: fetching }} mt="xs" />
      </Stack>
    </form>
  );
}
