import { Anchor, Badge, Box, Button, Group, Modal, MultiSelect, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal, DialogButtons } from '../../../components/ConfirmModal';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { rolesLabel } from '../../../components/roles';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import type { WorkingGroupMembersQuery, WorkingGroupQuery, WorkingGroupRole } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { ProfessionsDocument } from '../queries';
import { ROLES } from './labels';
import { GROUP_CONTEXT, RemoveWorkingGroupMemberDocument, SetWorkingGroupMemberRoleDocument } from './queries';
import { AddGroupPeopleDocument, GroupTeamUsersDocument } from './queries-action-items';

type Member = WorkingGroupMembersQuery['workingGroup']['members'][number];

/**
 * Who is in the group: referents first, then members by name. Those who
 * manage it add people of the directory (and the team, users of the CPTS)
 * with a role, change a role, or take someone out (their past in the group
 * is kept, and shown on demand).
 */
export function MembersSection({
  group,
  members,
  error,
  onRetry,
  canManage,
  includeFormer,
  onIncludeFormer,
}: {
  group: WorkingGroupQuery['workingGroup'];
  members: Member[] | null;
  error: CombinedError | undefined;
  onRetry: () => void;
  canManage: boolean;
  includeFormer: boolean;
  onIncludeFormer: (include: boolean) => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [{ fetching: removingNow }, remove] = useMutation(RemoveWorkingGroupMemberDocument);
  const current = (members ?? []).filter((m) => !m.leftAt);
  const former = (members ?? []).filter((m) => m.leftAt);

  const doRemove = async () => {
    if (!removing) return;
    const result = await remove({ memberId: removing.id }, GROUP_CONTEXT);
    setRemoving(null);
    notifications.show(
      result.data
        ? { color: 'teal', message: t('workingGroups.membersSection.removed', { name: removing.name }) }
        : { color: 'red', message: toAppError(result.error)?.message },
    );
  };

  return (
    <CardSection id="group-members" title={t('workingGroups.membersSection.title', { count: group.memberCount })} gap="sm">
      {canManage && (
        <Group>
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)}>
            {t('workingGroups.membersSection.add')}
          </Button>
        </Group>
      )}
      {error && !members ? (
        <ErrorState error={toAppError(error)} onRetry={onRetry} />
      ) : !members ? (
        <LoadingState rows={2} />
      ) : current.length === 0 ? (
        <Text size="sm">{t('workingGroups.membersSection.none')}</Text>
      ) : (
        <MemberList members={current} canManage={canManage} onRemove={setRemoving} />
      )}
      <Box>
        <Button variant="subtle" size="compact-sm" onClick={() => onIncludeFormer(!includeFormer)} aria-expanded={includeFormer}>
          {includeFormer ? t('workingGroups.membersSection.hideFormer') : t('workingGroups.membersSection.showFormer')}
        </Button>
      </Box>
      {includeFormer && members && (
        <Stack gap={4} aria-live="polite">
          <Text size="sm" fw={600}>
            {t('workingGroups.membersSection.former')}
          </Text>
          {former.length === 0 ? (
            <Text size="sm">{t('workingGroups.membersSection.noFormer')}</Text>
          ) : (
            <MemberList members={former} canManage={false} onRemove={setRemoving} />
          )}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('workingGroups.membersSection.addTitle')} centered size="lg">
        {adding && <AddMembers groupId={group.id} current={current} onDone={() => setAdding(false)} />}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('workingGroups.membersSection.removeTitle')}
        action={{ label: t('workingGroups.membersSection.remove'), color: 'red.8', loading: removingNow, onClick: () => void doRemove() }}
      >
        <Text size="sm">{t('workingGroups.membersSection.removeConfirm', { name: removing?.name ?? '' })}</Text>
      </ConfirmModal>
    </CardSection>
  );
}

/** One line per person: name, who they are and since when; the role, changeable by those who manage the group. */
function MemberList({ members, canManage, onRemove }: { members: Member[]; canManage: boolean; onRemove: (m: Member) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data: professions }] = useQuery({ query: ProfessionsDocument, requestPolicy: 'cache-first' });
  const [, setRole] = useMutation(SetWorkingGroupMemberRoleDocument);
  const professionLabel = (code: string | null) => professions?.professions.find((p) => p.code === code)?.label;
  const changeRole = async (m: Member, role: WorkingGroupRole) => {
    const result = await setRole({ memberId: m.id, role }, GROUP_CONTEXT);
    notifications.show(
      result.data
        ? { color: 'teal', message: t('workingGroups.membersSection.roleSaved', { name: m.name, role: t(`workingGroups.roles.${role}`) }) }
        : { color: 'red', message: toAppError(result.error)?.message },
    );
  };
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {members.map((m) => (
        <Group
          key={m.id}
          component="li"
          justify="space-between"
          wrap="wrap"
          gap="xs"
          py="xs"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Box style={{ minWidth: 0, flex: '1 1 200px' }}>
            {me.isCptsStaff && m.professionalId ? (
              <Anchor component={Link} to={`/annuaire/${m.professionalId}`} fw={600}>
                {m.name}
              </Anchor>
            ) : (
              <Text fw={600}>{m.name}</Text>
            )}
            <Text size="xs" c="gray.8">
              {[
                m.kind === 'USER'
                  ? t('workingGroups.membersSection.team')
                  : (professionLabel(m.professionCode) ?? t('workingGroups.membersSection.directory')),
                m.leftAt
                  ? t('workingGroups.membersSection.between', { from: formatDate(m.joinedAt), to: formatDate(m.leftAt) })
                  : t('workingGroups.membersSection.since', { date: formatDate(m.joinedAt) }),
              ].join(' · ')}
            </Text>
          </Box>
          <Group gap="xs" wrap="nowrap">
            {canManage ? (
              <>
                <NativeSelect
                  size="xs"
                  aria-label={t('workingGroups.membersSection.roleOf', { name: m.name })}
                  value={m.role}
                  onChange={(e) => void changeRole(m, e.currentTarget.value as WorkingGroupRole)}
                  data={ROLES.map((r) => ({ value: r, label: t(`workingGroups.roles.${r}`) }))}
                />
                <Button
                  size="compact-sm"
                  variant="default"
                  c="red.9"
                  aria-label={t('workingGroups.membersSection.removeOne', { name: m.name })}
                  onClick={() => onRemove(m)}
                >
                  {t('workingGroups.membersSection.remove')}
                </Button>
              </>
            ) : (
              <Badge color={m.role === 'REFERENT' ? 'brand' : 'gray'} tt="none" miw="max-content">
                {t(`workingGroups.roles.${m.role}`)}
              </Badge>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * People of the directory and, for the team (who alone may read the list of
 * the CPTS's accounts), users of the CPTS (a staff member, a board member
 * or a member with an account, who may then be a referent and manage the
 * group), all with one role.
 */
function AddMembers({ groupId, current, onDone }: { groupId: string; current: Member[]; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [ids, setIds] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [role, setRole] = useState<WorkingGroupRole>('MEMBER');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, add] = useMutation(AddGroupPeopleDocument);
  const count = ids.length + userIds.length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await add({ groupId, professionalIds: ids, userIds, role }, GROUP_CONTEXT);
    if (!result.data) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('workingGroups.membersSection.added', { count }) });
    onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PeoplePicker
          label={t('workingGroups.membersSection.people')}
          description={t('workingGroups.membersSection.peopleHelp')}
          ids={ids}
          onChange={setIds}
          exclude={current.flatMap((m) => (m.professionalId ? [m.professionalId] : []))}
          error={error?.fields.professionalIds}
        />
        {me.isCptsStaff && (
          <TeamUserPicker
            ids={userIds}
            onChange={setUserIds}
            exclude={current.flatMap((m) => (m.userId ? [m.userId] : []))}
            error={error?.fields.userIds}
          />
        )}
        <Radio.Group label={t('workingGroups.membersSection.role')} value={role} onChange={(v) => setRole(v as WorkingGroupRole)}>
          <Group mt={6}>
            {ROLES.map((r) => (
              <Radio key={r} value={r} label={t(`workingGroups.roles.${r}`)} />
            ))}
          </Group>
        </Radio.Group>
        {role === 'REFERENT' && (
          <Text size="sm" c="gray.8">
            {t('workingGroups.membersSection.referentHelp')}
          </Text>
        )}
        <FormAlert error={formLevelError(error, (f) => f === 'professionalIds' || f === 'userIds')} />
        <DialogButtons
          onCancel={onDone}
          action={{ label: t('workingGroups.membersSection.addSubmit'), loading: fetching, disabled: count === 0 }}
        />
      </Stack>
    </form>
  );
}

/** Users of the CPTS (any role in it) not yet in the group, picked by name, with their role in the CPTS to tell them apart. */
function TeamUserPicker({
  ids,
  onChange,
  exclude,
  error,
}: {
  ids: string[];
  onChange: (ids: string[]) => void;
  exclude: string[];
  error?: string;
}) {
  const { t } = useTranslation();
  const [{ data, error: loadError }] = useQuery({ query: GroupTeamUsersDocument, requestPolicy: 'cache-and-network' });
  const users = (data?.cptsTeam ?? []).filter((m) => !exclude.includes(m.user.id));
  return (
    <MultiSelect
      label={t('workingGroups.membersSection.teamUsers')}
      description={t('workingGroups.membersSection.teamUsersHelp')}
      placeholder={
        data && users.length === 0
          ? t('workingGroups.membersSection.teamUsersNone')
          : t('workingGroups.membersSection.teamUsersPlaceholder')
      }
      data={users.map((m) => ({ value: m.user.id, label: `${m.user.displayName} · ${rolesLabel(m.roles)}` }))}
      value={ids}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('common.noResult')}
      disabled={!data}
      error={error ?? (loadError ? toAppError(loadError)?.message : undefined)}
    />
  );
}
