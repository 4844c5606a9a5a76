import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingOwner, MeetingOwners, OwnerInvitee } from '@cpts/meetings';
import { WorkingGroupFrame, WorkingGroupStatus } from './working-group.types';
import { WorkingGroupsService } from './working-groups.service';

export const WORKING_GROUP_OWNER = 'working_group';

/** The frame as one text, for invitations and the start of a meeting. */
export function frameText(frame: WorkingGroupFrame): string {
  return [
    frame.purpose ? `Objet : ${frame.purpose}` : '',
    frame.rules ? `Règles du groupe : ${frame.rules}` : '',
    frame.confidentiality ? `Confidentialité : ${frame.confidentiality}` : '',
  ]
    .filter(Boolean)
    .join(' — ');
}

/**
 * A working group as the owner of meetings: seen by whoever sees the group,
 * managed by the team and its referents, and "the group" is its current
 * members. A closed group schedules nothing.
 */
@Injectable()
export class WorkingGroupMeetings implements MeetingOwner {
  readonly kind = WORKING_GROUP_OWNER;

  constructor(
    owners: MeetingOwners,
    private readonly groups: WorkingGroupsService,
    private readonly db: Db,
  ) {
    owners.register(this);
  }

  async describe(groupId: string): Promise<{ name: string; frame: string } | null> {
    try {
      const group = await this.groups.get(groupId);
      return { name: group.name, frame: frameText(group.frame) };
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }

  async requireManager(groupId: string): Promise<void> {
    await this.groups.requireManager(groupId);
    const group = await this.groups.get(groupId);
    if (group.status === WorkingGroupStatus.CLOSED)
      throw AppError.conflict('Ce groupe de travail est clos : rouvrez-le pour planifier une réunion.');
  }

  async missions(groupIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.tenantRows<{ id: string; missions: string[] }>(
      `SELECT id, missions FROM working_groups WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [requireTenantId(), [...groupIds]],
    );
    return new Map(rows.map((r) => [r.id, r.missions]));
  }

  async invitees(groupId: string): Promise<OwnerInvitee[]> {
    const rows = await this.db.tenantRows<{ professionalId: string | null; userId: string | null }>(
      `SELECT professional_id AS "professionalId", user_id AS "userId" FROM working_group_members WHERE tenant_id = $1 AND group_id = $2 AND left_at IS NULL`,
      [requireTenantId(), groupId],
    );
    return rows.map((r) => (r.professionalId ? { professionalId: r.professionalId } : { userId: r.userId! }));
  }
}
