/**
 * The involvement level memberships give: the 'membership' source, refreshed
 * by every change to a membership (commands, yearly renewal, merge of two
 * records), in the same transaction.
 */
import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { InvolvementLevel } from '@cpts/platform-persons';
import { InvolvementService } from '../involvement/involvement.service';
import { parisYear } from './membership-format';

/** The involvement source memberships own: an active membership of this year or the last gives "member". */
const MEMBERSHIP_SOURCE = 'membership';

@Injectable()
export class MembershipInvolvementService {
  constructor(
    private readonly db: Db,
    private readonly involvement: InvolvementService,
  ) {}

  /** The 'membership' involvement source: "member" while the person has an active membership of this year or the last. */
  async refreshInvolvement(professionalIds: string[]): Promise<void> {
    if (professionalIds.length === 0) return;
    const year = parisYear();
    const members = await this.db.tenantRows<{ id: string }>(
      `SELECT DISTINCT professional_id AS id FROM memberships WHERE tenant_id = $1 AND professional_id = ANY($2) AND status = 'active' AND year IN ($3, $3 - 1)`,
      [requireTenantId(), professionalIds, year],
    );
    const memberIds = new Set(members.map((m) => m.id));
    await this.involvement.setSourceFor([...memberIds], MEMBERSHIP_SOURCE, InvolvementLevel.MEMBER);
    await this.involvement.setSourceFor(
      professionalIds.filter((id) => !memberIds.has(id)),
      MEMBERSHIP_SOURCE,
      null,
    );
  }

  /**
   * The 'membership' source of everyone it may concern: an active membership
   * of two years ago stops counting when a year begins, without any change to
   * a membership. The renewal actions (open a year, lapse the unpaid) run it,
   * so the levels follow the calendar at each renewal.
   */
  async refreshAllInvolvement(): Promise<void> {
    const rows = await this.db.tenantRows<{ id: string }>(
      `SELECT professional_id AS id FROM involvements WHERE tenant_id = $1 AND source = $2
       UNION SELECT professional_id FROM memberships WHERE tenant_id = $1 AND status = 'active' AND year IN ($3, $3 - 1)`,
      [requireTenantId(), MEMBERSHIP_SOURCE, parisYear()],
    );
    await this.refreshInvolvement(rows.map((r) => r.id));
  }
}
