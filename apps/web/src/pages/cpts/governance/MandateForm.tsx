import { NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { FormAlert } from '../../../components/states';
import type { GovernanceInstanceQuery, MandateObtained, MandateOffice } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDay } from '../../../lib/format';
import { OBTAINED, OFFICES, parisToday } from './InstanceLabels';
import { AddMandateDocument, EndMandateDocument, INSTANCE_CONTEXT, UpdateMandateDocument } from './queries-governance';

type Instance = GovernanceInstanceQuery['governanceInstance'];
export type MandateRow = Instance['mandates'][number];

const FIELDS = ['professionalId', 'office', 'collegeId', 'startsOn', 'endsOn', 'obtained', 'obtainedNote'];

/**
 * A seat given to a person of the directory (or corrected: a mistake in its
 * entry): the office, the college when the instance has colleges, the term
 * (an end date is optional) and how it was obtained, with a note such as
 * "AG du 12 juin 2025".
 */
export function MandateForm({ instance, mandate, onDone }: { instance: Instance; mandate: MandateRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [adding, add] = useMutation(AddMandateDocument);
  const [updating, update] = useMutation(UpdateMandateDocument);
  const [person, setPerson] = useState<string | null>(mandate?.professionalId ?? null);
  const [form, setForm] = useState({
    office: (mandate?.office ?? 'MEMBER') as MandateOffice,
    collegeId: mandate?.collegeId ?? '',
    startsOn: mandate?.startsOn ?? parisToday(),
    endsOn: mandate?.endsOn ?? '',
    obtained: (mandate?.obtained ?? 'ELECTED') as MandateObtained,
    obtainedNote: mandate?.obtainedNote ?? '',
  });
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: fields[key],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!person) {
      const message = t('governance.instances.mandate.personMissing');
      return setError({ code: 'BAD_USER_INPUT', message, fields: { professionalId: message } });
    }
    const input = {
      professionalId: person,
      office: form.office,
      collegeId: form.collegeId || null,
      startsOn: form.startsOn,
      endsOn: form.endsOn || null,
      obtained: form.obtained,
      obtainedNote: form.obtainedNote,
    };
    const result = mandate
      ? await update({ id: mandate.id, input }, INSTANCE_CONTEXT)
      : await add({ instanceId: instance.id, input }, INSTANCE_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({
      color: 'teal',
      message: mandate ? t('governance.instances.mandate.updated') : t('governance.instances.mandate.added'),
    });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PeoplePicker
          label={t('governance.instances.mandate.person')}
          description={t('governance.instances.mandate.personHelp')}
          ids={person ? [person] : []}
          onChange={(ids) => setPerson(ids[ids.length - 1] ?? null)}
          error={fields.professionalId}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('governance.instances.mandate.office')}
            required
            data={OFFICES.map((o) => ({ value: o, label: t(`governance.instances.office.${o}`) }))}
            {...bind('office')}
          />
          {instance.colleges.length > 0 && (
            <NativeSelect
              label={t('governance.instances.mandate.college')}
              required
              data={[
                { value: '', label: t('governance.instances.mandate.chooseCollege') },
                ...instance.colleges.map((c) => ({ value: c.id, label: c.name })),
              ]}
              {...bind('collegeId')}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('governance.instances.mandate.startsOn')} required {...bind('startsOn')} />
          <TextInput
            type="date"
            label={t('governance.instances.mandate.endsOn')}
            description={t('governance.instances.mandate.endsOnHelp')}
            min={form.startsOn || undefined}
            {...bind('endsOn')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('governance.instances.mandate.obtained')}
            required
            data={OBTAINED.map((o) => ({ value: o, label: t(`governance.instances.obtained.${o}`) }))}
            {...bind('obtained')}
          />
          <TextInput
            label={t('governance.instances.mandate.obtainedNote')}
            placeholder={t('governance.instances.mandate.obtainedNotePlaceholder')}
            maxLength={200}
            {...bind('obtainedNote')}
          />
        </SimpleGrid>
        {mandate && (
          <Text size="sm" c="gray.8">
            {t('governance.instances.mandate.correctHelp')}
          </Text>
        )}
        <FormAlert error={formLevelError(error, (f) => FIELDS.includes(f))} />
        <DialogButtons
          onCancel={onDone}
          action={{
            label: mandate ? t('governance.instances.mandate.updateSubmit') : t('governance.instances.mandate.addSubmit'),
            loading: adding.fetching || updating.fetching,
          }}
        />
      </Stack>
    </form>
  );
}

/**
 * Ends a mandate before its term (resignation, revocation…): the last day
 * it is held and why. The person no longer sits nor votes from the day
 * after; the mandate stays in the history.
 */
export function EndMandateForm({ mandate, onDone }: { mandate: MandateRow; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, end] = useMutation(EndMandateDocument);
  const [endedOn, setEndedOn] = useState(parisToday());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await end({ id: mandate.id, input: { endedOn, reason } }, INSTANCE_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.instances.end.done', { name: mandate.name }) });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('governance.instances.end.explain', {
            name: mandate.name,
            office: t(`governance.instances.office.${mandate.office}`),
            since: formatDay(mandate.startsOn),
          })}
        </Text>
        <TextInput
          type="date"
          label={t('governance.instances.end.endedOn')}
          description={t('governance.instances.end.endedOnHelp')}
          required
          min={mandate.startsOn}
          value={endedOn}
          onChange={(e) => setEndedOn(e.currentTarget.value)}
          error={fields.endedOn}
          data-autofocus
        />
        <Textarea
          label={t('governance.instances.end.reason')}
          placeholder={t('governance.instances.end.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fields.reason}
        />
        <FormAlert error={formLevelError(error, (f) => ['endedOn', 'reason'].includes(f))} />
        <DialogButtons onCancel={onDone} action={{ label: t('governance.instances.end.submit'), color: 'red.8', loading: fetching }} />
      </Stack>
    </form>
  );
}
