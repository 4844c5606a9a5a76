/**
 * A person's memberships as a part of their file (PersonDataPart): exported
 * whole, erased down to what the yearly counts need, moved by a merge of two
 * records without losing a year.
 */
import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';
import { PersonHistoryService } from '../history/person-history.service';
import { membershipSummary } from './membership-format';
import { MembershipInvolvementService } from './membership-involvement.service';
import { MembershipStatus } from './membership.types';
import { MembershipsService } from './memberships.service';

/** Which of two memberships of one year a merge keeps: the most advanced status. */
const STATUS_RANK: Record<MembershipStatus, number> = { active: 3, pending: 2, resigned: 1, lapsed: 0 };

@Injectable()
export class MembershipsPersonData implements PersonDataPart {
  readonly key = 'memberships';

  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsService,
    private readonly history: PersonHistoryService,
    private readonly involvement: MembershipInvolvementService,
  ) {}

  async exportPerson(professionalId: string): Promise<unknown> {
    return (await this.memberships.ofPeople([professionalId])).get(professionalId) ?? [];
  }

  /** The yearly counts keep year, status, college and fee; the free-text note may name or describe the person. */
  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE memberships SET note = NULL WHERE tenant_id = $1 AND professional_id = $2`, [
      requireTenantId(),
      professionalId,
    ]);
  }

  /**
   * Moves the merged record's memberships to the kept one. For a year both
   * have, the most advanced status wins (active > pending > resigned >
   * lapsed; the kept one on a tie) and the other is written in the kept
   * person's history, so nothing is lost.
   */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    const all = await this.memberships.ofPeople([keptId, mergedId]);
    const kept = new Map((all.get(keptId) ?? []).map((m) => [m.year, m]));
    for (const merged of all.get(mergedId) ?? []) {
      const mine = kept.get(merged.year);
      if (!mine) continue;
      const [winner, loser] = STATUS_RANK[merged.status] > STATUS_RANK[mine.status] ? [merged, mine] : [mine, merged];
      await this.db.tenantRows(`DELETE FROM memberships WHERE tenant_id = $1 AND id = $2`, [tenantId, loser.id]);
      await this.history.record(
        keptId,
        'membership.merged',
        `Fusion de fiches : deux adhésions ${merged.year}. Conservée : ${membershipSummary(winner).replace(/^Adhésion \d+ : /, '')} Écartée : ${membershipSummary(loser).replace(/^Adhésion \d+ : /, '')}${loser.note ? ` Note : ${loser.note}` : ''}`,
        { year: merged.year, kept: { ...winner }, dropped: { ...loser } },
      );
    }
    await this.db.tenantRows(`UPDATE memberships SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
      tenantId,
      keptId,
      mergedId,
    ]);
    await this.involvement.refreshInvolvement([keptId, mergedId]);
  }
}
