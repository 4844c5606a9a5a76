import { Box, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { GovernanceInstanceQuery, MajorityRule } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatPercent } from '../../../lib/format';
import { MAJORITIES } from './InstanceLabels';
import { INSTANCE_CONTEXT, UpdateGovernanceInstanceDocument } from './queries-governance';

type Instance = GovernanceInstanceQuery['governanceInstance'];

const FIELDS = ['name', 'seats', 'statutes.quorumShare', 'statutes.majority', 'statutes.proxiesPerHolder', 'statutes.noticeDays'];

/** "25" from 0.25: the quorum as typed, in percent. */
const toPercent = (share: number) => String(Math.round(share * 10000) / 100).replace('.', ',');

/**
 * The statutes' rules of the instance (quorum, majority, abstentions,
 * proxies, notice, results per college), and its name and seats: the
 * coordinator edits them, the others read them. A decision already opened
 * keeps the rules it was opened with.
 */
export function StatutesSection({ instance, canEdit }: { instance: Instance; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const s = instance.statutes;
  const facts: Array<[string, string]> = [
    [
      t('governance.instances.statutes.quorum'),
      s.quorumShare > 0 ? formatPercent(s.quorumShare) : t('governance.instances.statutes.noQuorum'),
    ],
    [t('governance.instances.statutes.majority'), t(`governance.instances.majority.${s.majority}`)],
    [
      t('governance.instances.statutes.abstentions'),
      s.abstentionsCountAsCast ? t('governance.instances.statutes.yes') : t('governance.instances.statutes.no'),
    ],
    [
      t('governance.instances.statutes.proxies'),
      s.proxiesPerHolder > 0 ? String(s.proxiesPerHolder) : t('governance.instances.statutes.noProxy'),
    ],
    [
      t('governance.instances.statutes.notice'),
      s.noticeDays > 0
        ? t('governance.instances.statutes.noticeDays', { count: s.noticeDays })
        : t('governance.instances.statutes.noNotice'),
    ],
    [
      t('governance.instances.statutes.perCollege'),
      s.perCollege ? t('governance.instances.statutes.yes') : t('governance.instances.statutes.no'),
    ],
  ];
  return (
    <CardSection id="instance-statutes" title={t('governance.instances.statutes.title')} gap="sm">
      <Text size="sm" c="gray.8">
        {t('governance.instances.statutes.keepRules')}
      </Text>
      {editing ? (
        <StatutesForm instance={instance} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Box component="dl" m={0}>
            {facts.map(([label, value]) => (
              <Group
                key={label}
                justify="space-between"
                gap="xs"
                py={4}
                wrap="nowrap"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Text size="sm" component="dt">
                  {label}
                </Text>
                <Text size="sm" fw={600} component="dd" m={0} ta="right">
                  {value}
                </Text>
              </Group>
            ))}
          </Box>
          {canEdit ? (
            <Group>
              <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
                {t('governance.instances.statutes.edit')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="gray.8">
              {t('governance.instances.statutes.coordinatorOnly')}
            </Text>
          )}
        </>
      )}
    </CardSection>
  );
}

function StatutesForm({ instance, onDone }: { instance: Instance; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, update] = useMutation(UpdateGovernanceInstanceDocument);
  const s = instance.statutes;
  const [form, setForm] = useState({
    name: instance.name,
    seats: instance.seats === null ? '' : String(instance.seats),
    quorum: toPercent(s.quorumShare),
    majority: s.majority as MajorityRule,
    abstentionsCountAsCast: s.abstentionsCountAsCast,
    proxiesPerHolder: String(s.proxiesPerHolder),
    noticeDays: String(s.noticeDays),
    perCollege: s.perCollege,
  });
  const [error, setError] = useState<AppError | null>(null);
  const fields = error?.fields ?? {};
  const isAg = instance.seats === null;
  const text = (key: 'name' | 'seats' | 'quorum' | 'proxiesPerHolder' | 'noticeDays') => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const quorum = Number(form.quorum.replace(',', '.').trim());
    if (form.quorum.trim() === '' || !Number.isFinite(quorum)) {
      const message = t('governance.instances.statutes.quorumInvalid');
      return setError({ code: 'BAD_USER_INPUT', message, fields: { 'statutes.quorumShare': message } });
    }
    const result = await update(
      {
        id: instance.id,
        input: {
          name: form.name,
          seats: isAg ? null : Number(form.seats) || null,
          statutes: {
            quorumShare: Math.round(quorum * 100) / 10000,
            majority: form.majority,
            abstentionsCountAsCast: form.abstentionsCountAsCast,
            proxiesPerHolder: Number(form.proxiesPerHolder) || 0,
            noticeDays: Number(form.noticeDays) || 0,
            perCollege: form.perCollege,
          },
        },
      },
      INSTANCE_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.instances.statutes.saved') });
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: isAg ? 1 : 2 }} spacing="sm">
          <TextInput label={t('governance.instances.name')} required maxLength={120} {...text('name')} error={fields.name} />
          {!isAg && (
            <TextInput
              label={t('governance.instances.seatsLabel')}
              type="number"
              inputMode="numeric"
              min={1}
              max={200}
              required
              {...text('seats')}
              error={fields.seats}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('governance.instances.statutes.quorumPercent')}
            description={t('governance.instances.statutes.quorumHelp')}
            inputMode="decimal"
            required
            {...text('quorum')}
            error={fields['statutes.quorumShare']}
          />
          <NativeSelect
            label={t('governance.instances.statutes.majority')}
            required
            data={MAJORITIES.map((m) => ({ value: m, label: t(`governance.instances.majority.${m}`) }))}
            value={form.majority}
            onChange={(e) => {
              const majority = e.currentTarget.value as MajorityRule;
              setForm((f) => ({ ...f, majority }));
            }}
            error={fields['statutes.majority']}
          />
          <TextInput
            label={t('governance.instances.statutes.proxies')}
            type="number"
            inputMode="numeric"
            min={0}
            max={10}
            required
            {...text('proxiesPerHolder')}
            error={fields['statutes.proxiesPerHolder']}
          />
          <TextInput
            label={t('governance.instances.statutes.noticeLabel')}
            type="number"
            inputMode="numeric"
            min={0}
            max={90}
            required
            {...text('noticeDays')}
            error={fields['statutes.noticeDays']}
          />
        </SimpleGrid>
        <Checkbox
          label={t('governance.instances.statutes.abstentionsLabel')}
          checked={form.abstentionsCountAsCast}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setForm((f) => ({ ...f, abstentionsCountAsCast: checked }));
          }}
        />
        <Checkbox
          label={t('governance.instances.statutes.perCollegeLabel')}
          checked={form.perCollege}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setForm((f) => ({ ...f, perCollege: checked }));
          }}
        />
        <FormAlert error={formLevelError(error, (f) => FIELDS.includes(f))} />
        <DialogButtons onCancel={onDone} action={{ label: t('governance.instances.statutes.save'), loading: fetching }} />
      </Stack>
    </form>
  );
}
