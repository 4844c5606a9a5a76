import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { AciMission } from '@cpts/platform-reference';
import { WorkingGroup, WorkingGroupInput, WorkingGroupStatus } from './working-group.types';

const NOT_FOUND = 'Groupe de travail introuvable.';

/** Who sees every group of the CPTS: the team and the board; a member sees the groups they are in. */
const SEE_ALL: readonly Role[] = [...CPTS_TEAM, Role.BOARD_MEMBER];

interface GroupRow {
  id: string;
  name: string;
  missions: AciMission[];
  theme: string | null;
  description: string;
  status: WorkingGroupStatus;
  framePurpose: string;
  frameRules: string;
  frameConfidentiality: string;
  memberCount: number;
  referentCount: number;
  createdAt: Date;
}

const GROUP_COLUMNS = `g.id, g.name, g.missions, g.theme, g.description, g.status, g.frame_purpose AS "framePurpose", g.frame_rules AS "frameRules",
  g.frame_confidentiality AS "frameConfidentiality", g.created_at AS "createdAt",
  (SELECT count(*)::int FROM working_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL) AS "memberCount",
  (SELECT count(*)::int FROM working_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL AND m.role = 'referent') AS "referentCount"`;

/** Pairs or trios of referents, so no one carries a group alone: the group page says when it is not so. */
export function referentWarning(referentCount: number): string | null {
  if (referentCount === 0) return "Ce groupe n'a pas de référent : désignez-en deux ou trois.";
  if (referentCount === 1) return "Un seul référent : un binôme ou un trinôme évite qu'une personne porte seule le groupe.";
  return null;
}

function toGroup(r: GroupRow): WorkingGroup {
  return {
    id: r.id,
    name: r.name,
    missions: r.missions,
    theme: r.theme,
    description: r.description,
    status: r.status,
    frame: { purpose: r.framePurpose, rules: r.frameRules, confidentiality: r.frameConfidentiality },
    memberCount: r.memberCount,
    referentCount: r.referentCount,
    referentWarning: referentWarning(r.referentCount),
    createdAt: r.createdAt,
  };
}

/**
 * The working groups of the CPTS: created and changed by the team, or by
 * their referents; read by the team, the board, and their own members.
 */
@Injectable()
export class WorkingGroupsService {
  constructor(private readonly db: Db) {}

  async list(status: WorkingGroupStatus | null): Promise<WorkingGroup[]> {
    const principal = requirePrincipal();
    const params: unknown[] = [requireTenantId()];
    const filters = ['g.tenant_id = $1'];
    if (status) filters.push(`g.status = $${params.push(status)}`);
    if (!hasAnyRole(principal, SEE_ALL)) filters.push(`g.id IN (${this.groupsOfUser(`$${params.push(principal.userId)}`)})`);
    const rows = await this.db.tenantRows<GroupRow>(
      `SELECT ${GROUP_COLUMNS} FROM working_groups g WHERE ${filters.join(' AND ')}
       ORDER BY array_position(ARRAY['active', 'paused', 'closed'], g.status), lower(g.name), g.id`,
      params,
    );
    return rows.map(toGroup);
  }

  /** One group, if the caller may see it (else NOT_FOUND: another's group does not exist for them). */
  async get(id: string): Promise<WorkingGroup> {
    const [row] = await this.db.tenantRows<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM working_groups g WHERE g.tenant_id = $1 AND g.id = $2`, [
      requireTenantId(),
      id,
    ]);
    if (!row || !(await this.maySee(id))) throw AppError.notFound(NOT_FOUND);
    return toGroup(row);
  }

  async create(input: WorkingGroupInput): Promise<WorkingGroup> {
    const principal = requirePrincipal();
    if (!hasAnyRole(principal, CPTS_TEAM)) throw AppError.forbidden("Seule l'équipe de la CPTS crée des groupes de travail.");
    const id = randomUUID();
    await this.write(
      `INSERT INTO working_groups (tenant_id, id, name, missions, theme, description, status, frame_purpose, frame_rules, frame_confidentiality, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [requireTenantId(), id, ...this.values(input), principal.userId],
    );
    return this.get(id);
  }

  async update(id: string, input: WorkingGroupInput): Promise<WorkingGroup> {
    await this.requireManager(id);
    const rows = await this.write(
      `UPDATE working_groups SET name = $3, missions = $4, theme = $5, description = $6, status = $7, frame_purpose = $8, frame_rules = $9,
         frame_confidentiality = $10, updated_at = now(), updated_by = $11
       WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [requireTenantId(), id, ...this.values(input), requirePrincipal().userId],
    );
    if (rows.length === 0) throw AppError.notFound(NOT_FOUND);
    return this.get(id);
  }

  /** The team, or a current referent of the group among the team's users; else refused (NOT_FOUND for a group they cannot see). */
  async requireManager(groupId: string): Promise<{ name: string }> {
    const tenantId = requireTenantId();
    const principal = requirePrincipal();
    const [group] = await this.db.tenantRows<{ name: string; referent: boolean; member: boolean }>(
      `SELECT g.name,
              EXISTS (SELECT 1 FROM working_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL AND m.user_id = $3 AND m.role = 'referent') AS referent,
              EXISTS (SELECT 1 FROM working_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL AND m.user_id = $3) AS member
       FROM working_groups g WHERE g.tenant_id = $1 AND g.id = $2 FOR UPDATE`,
      [tenantId, groupId, principal.userId],
    );
    const seesAll = hasAnyRole(principal, SEE_ALL);
    if (!group || (!seesAll && !group.member)) throw AppError.notFound(NOT_FOUND);
    if (!hasAnyRole(principal, CPTS_TEAM) && !group.referent)
      throw AppError.forbidden("Seuls l'équipe de la CPTS et les référents du groupe peuvent le modifier.");
    return { name: group.name };
  }

  private async maySee(groupId: string): Promise<boolean> {
    const principal = requirePrincipal();
    if (hasAnyRole(principal, SEE_ALL)) return true;
    const rows = await this.db.tenantRows(`SELECT 1 WHERE $2::uuid IN (${this.groupsOfUser('$3')})`, [
      requireTenantId(),
      groupId,
      principal.userId,
    ]);
    return rows.length > 0;
  }

  /** The groups a user is a current member of, as a subquery ($1: the tenant). */
  private groupsOfUser(userParam: string): string {
    return `SELECT m.group_id FROM working_group_members m WHERE m.tenant_id = $1 AND m.user_id = ${userParam} AND m.left_at IS NULL`;
  }

  private values(input: WorkingGroupInput): unknown[] {
    return [
      input.name,
      [...new Set(input.missions)],
      input.theme ?? null,
      input.description,
      input.status,
      input.frame.purpose,
      input.frame.rules,
      input.frame.confidentiality,
    ];
  }

  /** Two groups with one name would be confused in every list: refused, whatever the case. */
  private async write(sql: string, params: unknown[]): Promise<unknown[]> {
    try {
      return await this.db.tenantRows(sql, params);
    } catch (err) {
      if (isUniqueViolation(err, 'working_groups_name_key')) {
        throw AppError.conflict('Un groupe de travail porte déjà ce nom.', [{ field: 'name', message: 'Nom déjà utilisé.' }]);
      }
      throw err;
    }
  }
}
