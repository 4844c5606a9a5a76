import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/** What the working groups hold on a person: the groups they are or were in, with their role and dates. */
@Injectable()
export class WorkingGroupsPersonData implements PersonDataPart {
  readonly key = 'workingGroups';

  constructor(private readonly db: Db) {}

  exportPerson(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(
      `SELECT g.name AS "group", m.role, m.joined_at AS "joinedAt", m.left_at AS "leftAt"
       FROM working_group_members m JOIN working_groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
       WHERE m.tenant_id = $1 AND m.professional_id = $2 ORDER BY m.joined_at, g.name`,
      [requireTenantId(), professionalId],
    );
  }

  /** Having taken part in a group names no one once the record is erased: the rows stay for the group's counts. */
  async erasePerson(): Promise<void> {}

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
  }
}
