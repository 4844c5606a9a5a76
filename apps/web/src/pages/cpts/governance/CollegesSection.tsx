import { Box, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { DialogButtons } from '../../../components/ConfirmModal';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons';
import { FormAlert } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { GovernanceInstanceQuery, MembershipCollege } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { MEMBERSHIP_COLLEGES } from './InstanceLabels';
import { INSTANCE_CONTEXT, SetGovernanceCollegesDocument } from './queries-governance';

type Instance = GovernanceInstanceQuery['governanceInstance'];

interface Row {
  key: number;
  id: string | null;
  name: string;
  membershipCollege: string;
  seats: string;
}

let nextKey = 0;

/**
 * The colleges of a CA or a commission: how its seats are shared out, each
 * with the members' college it stands for, against the mandates held. The
 * team edits them; a college where mandates sit cannot be removed (the
 * API says so in French), only renamed.
 */
export function CollegesSection({ instance, canManage }: { instance: Instance; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const total = instance.colleges.reduce((n, c) => n + c.seats, 0);
  return (
    <CardSection id="instance-colleges" title={t('governance.instances.colleges.title')} gap="sm">
      {editing ? (
        <CollegesForm instance={instance} onDone={() => setEditing(false)} />
      ) : (
        <>
          {instance.colleges.length === 0 ? (
            <Text size="sm">{t('governance.instances.colleges.none')}</Text>
          ) : (
            // Three columns (the members' college under the name): readable at 375 px without a scrolling table.
            <Table fz="sm" verticalSpacing={6} aria-label={t('governance.instances.colleges.caption', { name: instance.name })}>
              <TableHead
                labels={[
                  t('governance.instances.colleges.name'),
                  t('governance.instances.colleges.seats'),
                  t('governance.instances.colleges.filled'),
                ]}
              />
              <Table.Tbody>
                {instance.colleges.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {c.name}
                      {c.membershipCollege && c.name !== t(`governance.meetings.agColleges.${c.membershipCollege}`) && (
                        <Text size="xs" c="gray.8">
                          {t('governance.instances.colleges.standsFor', {
                            college: t(`governance.meetings.agColleges.${c.membershipCollege}`),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.seats}</Table.Td>
                    <Table.Td>{c.filled}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {instance.seats !== null && instance.colleges.length > 0 && (
            <Text size="sm" c="gray.8" fw={total === instance.seats ? undefined : 700}>
              {t('governance.instances.colleges.total', { total, seats: instance.seats })}
            </Text>
          )}
          {canManage && (
            <Group>
              <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
                {t('governance.instances.colleges.edit')}
              </Button>
            </Group>
          )}
        </>
      )}
    </CardSection>
  );
}

function CollegesForm({ instance, onDone }: { instance: Instance; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, save] = useMutation(SetGovernanceCollegesDocument);
  const [rows, setRows] = useState<Row[]>(() =>
    instance.colleges.map((c) => ({
      key: nextKey++,
      id: c.id,
      name: c.name,
      membershipCollege: c.membershipCollege ?? '',
      seats: String(c.seats),
    })),
  );
  const [error, setError] = useState<AppError | null>(null);
  const set = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const filled = new Map(instance.colleges.map((c) => [c.id, c.filled]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await save(
      {
        instanceId: instance.id,
        colleges: rows.map((r) => ({
          id: r.id,
          name: r.name,
          membershipCollege: (r.membershipCollege || null) as MembershipCollege | null,
          seats: Number(r.seats) || 0,
        })),
      },
      INSTANCE_CONTEXT,
    );
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('governance.instances.colleges.saved') });
    onDone();
  };

  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        {rows.map((r, i) => (
          <Paper
            key={r.key}
            withBorder
            p="xs"
            radius="md"
            component="fieldset"
            m={0}
            style={{ minWidth: 0 }}
            aria-label={t('governance.instances.colleges.row', { n: i + 1 })}
          >
            <Group align="flex-start" gap="xs" wrap="wrap">
              <TextInput
                label={t('governance.instances.colleges.nameN', { n: i + 1 })}
                required
                maxLength={120}
                value={r.name}
                onChange={(e) => set(r.key, { name: e.currentTarget.value })}
                style={{ flex: '1 1 200px' }}
              />
              <NativeSelect
                label={t('governance.instances.colleges.membershipCollege')}
                data={[
                  { value: '', label: t('governance.instances.colleges.noMembershipCollege') },
                  ...MEMBERSHIP_COLLEGES.map((c) => ({ value: c, label: t(`governance.meetings.agColleges.${c}`) })),
                ]}
                value={r.membershipCollege}
                onChange={(e) => set(r.key, { membershipCollege: e.currentTarget.value })}
                style={{ flex: '1 1 200px' }}
              />
              <TextInput
                label={t('governance.instances.colleges.seats')}
                type="number"
                inputMode="numeric"
                min={0}
                max={200}
                required
                value={r.seats}
                onChange={(e) => set(r.key, { seats: e.currentTarget.value })}
                w={100}
              />
              <RemoveRowButton
                label={t('governance.instances.colleges.remove', { name: r.name || String(i + 1) })}
                onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
              />
            </Group>
            {r.id && (filled.get(r.id) ?? 0) > 0 && (
              <Text size="xs" c="gray.8" mt={4}>
                {t('governance.instances.colleges.hasMandates', { count: filled.get(r.id) ?? 0 })}
              </Text>
            )}
          </Paper>
        ))}
        <AddRowButton
          label={t('governance.instances.colleges.add')}
          onClick={() => setRows((all) => [...all, { key: nextKey++, id: null, name: '', membershipCollege: '', seats: '1' }])}
        />
        <FormAlert error={error} />
        <DialogButtons onCancel={onDone} action={{ label: t('governance.instances.colleges.save'), loading: fetching }} />
      </Stack>
    </Box>
  );
}
