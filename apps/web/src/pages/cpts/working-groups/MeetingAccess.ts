import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import type { WorkingGroupMembersQuery } from '../../../gql/graphql';
import { GROUP_CONTEXT, WorkingGroupMembersDocument } from './queries';

export type GroupMember = WorkingGroupMembersQuery['workingGroup']['members'][number];

/**
 * Whether the signed-in person manages a group's meetings and polls, as the
 * API decides it (the team manages every group; a signed-in person, the
 * groups they are a current referent of), so a page offers only what the
 * API will accept. Also the group's current members, which the pages use to
 * count who the minutes go to and whom an action item may be given to.
 */
export function useGroupManager(groupId: string): { canManage: boolean; members: GroupMember[] | null } {
  const me = useMe();
  const [{ data }] = useQuery({
    query: WorkingGroupMembersDocument,
    variables: { id: groupId, includeFormer: false },
    context: GROUP_CONTEXT,
    pause: !groupId,
  });
  const members = data?.workingGroup.members ?? null;
  const canManage = me.isCptsStaff || (members ?? []).some((m) => m.userId === me.me.user.id && m.role === 'REFERENT' && !m.leftAt);
  return { canManage, members };
}

/** Who owns a meeting shown on its page: a working group, or an instance of the governance (bureau, CA, AG, commission). */
export type MeetingOwnerKind = 'group' | 'instance';

/**
 * The same for any owner: a group's managers as above; an instance's
 * meetings are managed by the team (the API's rule), and an instance has no
 * members list to add to the invitees.
 */
export function useMeetingManager(owner: MeetingOwnerKind, ownerId: string): { canManage: boolean; members: GroupMember[] | null } {
  const me = useMe();
  const group = useGroupManager(owner === 'group' ? ownerId : '');
  return owner === 'group' ? group : { canManage: me.isCptsStaff, members: null };
}
