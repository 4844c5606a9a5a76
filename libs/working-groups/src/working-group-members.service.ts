import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { InvolvementLevel, PersonDirectory, PersonHistory, PersonInvolvement } from '@cpts/platform-persons';
import { AddWorkingGroupMembersArgs, WorkingGroupMember, WorkingGroupRole } from './working-group.types';
import { WorkingGroupsService } from './working-groups.service';

/** The involvement source a group owns on each of its professionals (see PersonInvolvement). */
export const involvementSource = (groupId: string) => `working_group:${groupId}`;

const LEVELS: Record<WorkingGroupRole, InvolvementLevel> = {
  [WorkingGroupRole.MEMBER]: InvolvementLevel.ACTION,
  [WorkingGroupRole.REFERENT]: InvolvementLevel.REFERENT,
};

const MEMBER_COLUMNS = `m.id, CASE WHEN m.professional_id IS NULL THEN 'user' ELSE 'professional' END AS kind, m.professional_id AS "professionalId",
  m.user_id AS "userId", coalesce(p.last_name || ' ' || p.first_name, u.display_name) AS name, p.profession_code AS "professionCode",
  m.role, m.joined_at AS "joinedAt", m.left_at AS "leftAt"`;

const MEMBER_JOINS = `LEFT JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
  LEFT JOIN users u ON u.id = m.user_id`;

/**
 * Who is in a working group: professionals of the directory and team
 * users, added with the date; leaving keeps the row (left_at). Each change
 * writes the person's history and moves their involvement level (a group's
 * member takes part in an action; its referent is a referent), in the same
 * transaction.
 */
@Injectable()
export class WorkingGroupMembersService {
  constructor(
    private readonly db: Db,
    private readonly groups: WorkingGroupsService,
    private readonly persons: PersonDirectory,
    private readonly history: PersonHistory,
    private readonly involvement: PersonInvolvement,
  ) {}

  /** The group's members, referents first, then by name; former members too when asked. */
  async list(groupId: string, includeFormer: boolean): Promise<WorkingGroupMember[]> {
    await this.groups.get(groupId);
    return this.db.tenantRows<WorkingGroupMember>(
      `SELECT ${MEMBER_COLUMNS} FROM working_group_members m ${MEMBER_JOINS}
       WHERE m.tenant_id = $1 AND m.group_id = $2 ${includeFormer ? '' : 'AND m.left_at IS NULL'}
       ORDER BY m.left_at IS NOT NULL, m.role = 'member', lower(coalesce(p.last_name || ' ' || p.first_name, u.display_name)), m.id`,
      [requireTenantId(), groupId],
    );
  }

  /** Adds people with a role; someone already in the group keeps their row (and gets the role if it is higher). */
  async add(args: AddWorkingGroupMembersArgs): Promise<WorkingGroupMember[]> {
    const tenantId = requireTenantId();
    const { name } = await this.groups.requireManager(args.groupId);
    if (args.professionalIds.length + args.userIds.length === 0)
      throw AppError.field('professionalIds', 'Choisissez au moins une personne.');
    const professionalIds = await this.livingPeople(args.professionalIds);
    const userIds = await this.teamUsers(args.userIds);
    const by = requirePrincipal().userId;
    // Inserted, or raised to referent; never lowered by an add (setRole does that).
    const changed = await this.db.tenantRows<{ professionalId: string | null; role: WorkingGroupRole; inserted: boolean }>(
      `WITH wanted AS (
         SELECT p AS professional_id, NULL::uuid AS user_id FROM unnest($3::uuid[]) AS p
         UNION ALL SELECT NULL::uuid, u FROM unnest($4::uuid[]) AS u
       ), current AS (
         UPDATE working_group_members m SET role = $5
         FROM wanted w
         WHERE m.tenant_id = $1 AND m.group_id = $2 AND m.left_at IS NULL AND m.role <> $5 AND $5 = 'referent'
           AND (m.professional_id = w.professional_id OR m.user_id = w.user_id)
         RETURNING m.professional_id, m.role, false AS inserted
       ), added AS (
         INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, user_id, role, added_by)
         SELECT $1, gen_random_uuid(), $2, w.professional_id, w.user_id, $5, $6 FROM wanted w
         WHERE NOT EXISTS (SELECT 1 FROM working_group_members m WHERE m.tenant_id = $1 AND m.group_id = $2 AND m.left_at IS NULL
                           AND (m.professional_id = w.professional_id OR m.user_id = w.user_id))
         RETURNING professional_id, role, true AS inserted
       )
       SELECT professional_id AS "professionalId", role, inserted FROM current UNION ALL SELECT professional_id, role, inserted FROM added`,
      [tenantId, args.groupId, professionalIds, userIds, args.role, by],
    );
    for (const c of changed) {
      if (!c.professionalId) continue;
      const summary = c.inserted
        ? `A rejoint le groupe de travail « ${name} »${c.role === WorkingGroupRole.REFERENT ? ' comme référent·e' : ''}.`
        : `Devient référent·e du groupe de travail « ${name} ».`;
      await this.history.record(c.professionalId, c.inserted ? 'working_group.joined' : 'working_group.role_changed', summary, {
        groupId: args.groupId,
        role: c.role,
      });
    }
    await this.refreshInvolvement(
      args.groupId,
      changed.flatMap((c) => (c.professionalId ? [c.professionalId] : [])),
    );
    return this.list(args.groupId, false);
  }

  async setRole(memberId: string, role: WorkingGroupRole): Promise<WorkingGroupMember> {
    const member = await this.currentMember(memberId);
    const { name } = await this.groups.requireManager(member.groupId);
    if (member.role === role) return this.get(memberId);
    await this.db.tenantRows(`UPDATE working_group_members SET role = $3 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      memberId,
      role,
    ]);
    if (member.professionalId) {
      const summary =
        role === WorkingGroupRole.REFERENT
          ? `Devient référent·e du groupe de travail « ${name} ».`
          : `N'est plus référent·e du groupe de travail « ${name} » (reste membre).`;
      await this.history.record(member.professionalId, 'working_group.role_changed', summary, { groupId: member.groupId, role });
      await this.refreshInvolvement(member.groupId, [member.professionalId]);
    }
    return this.get(memberId);
  }

  /** The person leaves the group: the row stays, with the date, for the group's history. */
  async remove(memberId: string): Promise<WorkingGroupMember> {
    const member = await this.currentMember(memberId);
    const { name } = await this.groups.requireManager(member.groupId);
    await this.db.tenantRows(`UPDATE working_group_members SET left_at = now(), left_by = $3 WHERE tenant_id = $1 AND id = $2`, [
      requireTenantId(),
      memberId,
      requirePrincipal().userId,
    ]);
    if (member.professionalId) {
      await this.history.record(member.professionalId, 'working_group.left', `A quitté le groupe de travail « ${name} ».`, {
        groupId: member.groupId,
      });
      await this.refreshInvolvement(member.groupId, [member.professionalId]);
    }
    return this.get(memberId);
  }

  private async get(memberId: string): Promise<WorkingGroupMember> {
    const [row] = await this.db.tenantRows<WorkingGroupMember>(
      `SELECT ${MEMBER_COLUMNS} FROM working_group_members m ${MEMBER_JOINS} WHERE m.tenant_id = $1 AND m.id = $2`,
      [requireTenantId(), memberId],
    );
    return row;
  }

  private async currentMember(memberId: string): Promise<{ groupId: string; professionalId: string | null; role: WorkingGroupRole }> {
    const [member] = await this.db.tenantRows<{
      groupId: string;
      professionalId: string | null;
      role: WorkingGroupRole;
      leftAt: Date | null;
    }>(
      `SELECT group_id AS "groupId", professional_id AS "professionalId", role, left_at AS "leftAt" FROM working_group_members WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), memberId],
    );
    if (!member) throw AppError.notFound('Membre du groupe introuvable.');
    if (member.leftAt) throw AppError.conflict('Cette personne a déjà quitté le groupe.');
    return member;
  }

  /** Each person's level from this group: referent, takes part in an action, or nothing once they left. */
  private async refreshInvolvement(groupId: string, professionalIds: string[]): Promise<void> {
    if (professionalIds.length === 0) return;
    const rows = await this.db.tenantRows<{ professionalId: string; role: WorkingGroupRole | null }>(
      `SELECT p AS "professionalId", (SELECT m.role FROM working_group_members m WHERE m.tenant_id = $1 AND m.group_id = $2 AND m.professional_id = p AND m.left_at IS NULL) AS role
       FROM unnest($3::uuid[]) AS p`,
      [requireTenantId(), groupId, [...new Set(professionalIds)]],
    );
    for (const role of [WorkingGroupRole.MEMBER, WorkingGroupRole.REFERENT, null]) {
      const ids = rows.filter((r) => r.role === role).map((r) => r.professionalId);
      await this.involvement.setSourceFor(ids, involvementSource(groupId), role ? LEVELS[role] : null);
    }
  }

  /** The records to add: a merged record's id stands for the kept one; unknown, erased or archived people are refused. */
  private async livingPeople(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.persons.resolve(ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw AppError.field('professionalIds', `Professionnel introuvable (${missing.length}).`);
    const gone = [...found.values()].filter((p) => p.erased || p.archived);
    if (gone.length > 0)
      throw AppError.field(
        'professionalIds',
        `${gone[0].lastName} ${gone[0].firstName} a été retiré·e de l'annuaire : ${gone.length > 1 ? `${gone.length} personnes ne peuvent` : 'ne peut'} pas rejoindre un groupe.`,
      );
    return [...new Set([...found.values()].map((p) => p.id))];
  }

  /** Users of this CPTS's team (any role in it). */
  private async teamUsers(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const wanted = [...new Set(ids)];
    const rows = await this.db.tenantRows<{ id: string }>(
      `SELECT DISTINCT user_id AS id FROM role_assignments WHERE tenant_id = $1 AND user_id = ANY($2::uuid[])`,
      [requireTenantId(), wanted],
    );
    if (rows.length !== wanted.length) throw AppError.field('userIds', "Un des utilisateurs n'appartient pas à la CPTS.");
    return wanted;
  }
}
