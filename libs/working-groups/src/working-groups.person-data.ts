import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart, PersonDirectory } from '@cpts/platform-persons';

/** What the working groups hold on a person: the groups they are or were in, with their role and dates, and their requests to join. */
@Injectable()
export class WorkingGroupsPersonData implements PersonDataPart {
  readonly key = 'workingGroups';

  constructor(
    private readonly db: Db,
    private readonly persons: PersonDirectory,
  ) {}

  /** The record's address as join requests store it (lower case), or null. */
  private async emailOf(professionalId: string): Promise<string | null> {
    const email = (await this.persons.resolve([professionalId])).get(professionalId)?.email;
    return email ? email.trim().toLowerCase() : null;
  }

  async exportPerson(professionalId: string): Promise<unknown> {
    const memberships = await this.db.tenantRows(
      `SELECT g.name AS "group", m.role, m.joined_at AS "joinedAt", m.left_at AS "leftAt"
       FROM working_group_members m JOIN working_groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
       WHERE m.tenant_id = $1 AND m.professional_id = $2 ORDER BY m.joined_at, g.name`,
      [requireTenantId(), professionalId],
    );
    // What they wrote when asking to join (the requests accepted for this record, and any made from its address).
    const joinRequests = await this.db.tenantRows(
      `SELECT g.name AS "group", r.first_name AS "firstName", r.last_name AS "lastName", r.email, r.profession, r.message,
              r.requested_at AS "requestedAt", r.status, r.decided_at AS "decidedAt"
       FROM working_group_join_requests r JOIN working_groups g ON g.tenant_id = r.tenant_id AND g.id = r.group_id
       WHERE r.tenant_id = $1 AND (r.professional_id = $2 OR r.email = $3)
       ORDER BY r.requested_at`,
      [requireTenantId(), professionalId, await this.emailOf(professionalId)],
    );
    return { memberships, joinRequests };
  }

  /**
   * Having taken part in a group names no one once the record is erased: the
   * rows stay for the group's counts. What the person wrote when asking to
   * join names them: it goes (runs before the record's address is emptied).
   */
  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(
      `DELETE FROM working_group_join_requests
       WHERE tenant_id = $1 AND (professional_id = $2 OR email = $3)`,
      [requireTenantId(), professionalId, await this.emailOf(professionalId)],
    );
  }

  /**
   * The kept record takes the merged one's groups; where both are in a
   * group, one row stays (referent if either was) and the other is closed.
   */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `WITH both_in AS (
         SELECT k.id AS kept_row, m.id AS merged_row, m.role AS merged_role
         FROM working_group_members k JOIN working_group_members m ON m.tenant_id = k.tenant_id AND m.group_id = k.group_id
         WHERE k.tenant_id = $1 AND k.professional_id = $2 AND k.left_at IS NULL AND m.professional_id = $3 AND m.left_at IS NULL
       ), raised AS (
         UPDATE working_group_members x SET role = 'referent' FROM both_in b WHERE x.tenant_id = $1 AND x.id = b.kept_row AND b.merged_role = 'referent'
       )
       UPDATE working_group_members x SET left_at = now() FROM both_in b WHERE x.tenant_id = $1 AND x.id = b.merged_row`,
      [tenantId, keptId, mergedId],
    );
    await this.db.tenantRows(`UPDATE working_group_members SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
      tenantId,
      keptId,
      mergedId,
    ]);
    await this.db.tenantRows(`UPDATE working_group_join_requests SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
      tenantId,
      keptId,
      mergedId,
    ]);
  }
}
