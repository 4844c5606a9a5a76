/**
 * The yearly renewal of memberships: the years opened or holding memberships,
 * the opening of a year (pending memberships for last year's active members,
 * and their renewal reminders), and the lapse of the unpaid once the renewal
 * is over. Each step is written in the people's history and refreshes the
 * involvement level memberships give, in the same transaction.
 */
import { Injectable } from '@nestjs/common';
import { AppError, currentScope, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RemindersService } from '@cpts/platform-reminders';
import { PersonHistoryService } from '../history/person-history.service';
import { membershipSummary, parisYear } from './membership-format';
import { MembershipInvolvementService } from './membership-involvement.service';
import { checkMembershipYear } from './membership-rules';
import { MembershipStatus, MembershipYear, OpenedMembershipYear } from './membership.types';
import { renewalReminderPlans } from './renewal-reminder';

@Injectable()
export class MembershipYearsService {
  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
    private readonly involvement: MembershipInvolvementService,
    private readonly reminders: RemindersService,
  ) {}

  /** Opened years and years holding memberships, newest first. */
  years(): Promise<MembershipYear[]> {
    return this.db.tenantRows<MembershipYear>(
      `SELECT y.year, o.default_fee_cents AS "defaultFeeCents", o.opened_at AS "openedAt",
              (SELECT count(*)::int FROM memberships m WHERE m.tenant_id = $1 AND m.year = y.year) AS "membershipCount"
       FROM (SELECT year FROM membership_years WHERE tenant_id = $1 UNION SELECT DISTINCT year FROM memberships WHERE tenant_id = $1) y
       LEFT JOIN membership_years o ON o.tenant_id = $1 AND o.year = y.year
       ORDER BY y.year DESC`,
      [requireTenantId()],
    );
  }

  /**
   * Opens a year for renewal: a pending membership, at the default fee and in
   * the same college, for everyone active the previous year (archived people
   * left). Run again, it creates only what is missing and keeps the first
   * default fee. At most next year: renewals start in the last weeks of a year.
   */
  async openYear(year: number, defaultFeeCents: number): Promise<OpenedMembershipYear> {
    const tenantId = requireTenantId();
    checkMembershipYear(year, 'year');
    const userId = currentScope()?.principal?.userId ?? null;
    await this.db.tenantRows(
      `INSERT INTO membership_years (tenant_id, year, default_fee_cents, opened_by) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, year) DO NOTHING`,
      [tenantId, year, defaultFeeCents, userId],
    );
    const [{ fee }] = await this.db.tenantRows<{ fee: number }>(
      `SELECT default_fee_cents AS fee FROM membership_years WHERE tenant_id = $1 AND year = $2`,
      [tenantId, year],
    );
    const created = await this.db.tenantRows<{ id: string; professionalId: string }>(
      `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college, created_by, updated_by)
       SELECT prev.tenant_id, gen_random_uuid(), prev.professional_id, $2, 'pending', $3, prev.college, $4, $4
       FROM memberships prev JOIN professionals p ON p.tenant_id = prev.tenant_id AND p.id = prev.professional_id AND p.archived_at IS NULL
       WHERE prev.tenant_id = $1 AND p.tenant_id = $1 AND prev.year = $2 - 1 AND prev.status = 'active'
       ON CONFLICT (tenant_id, professional_id, year) DO NOTHING
       RETURNING id, professional_id AS "professionalId"`,
      [tenantId, year, fee, userId],
    );
    // Each new pending member is reminded later unless they renew first (checked when the reminder fires).
    await this.reminders.schedule(renewalReminderPlans(created.map((c) => c.id)));
    const summary = membershipSummary({ year, status: MembershipStatus.PENDING, feeCents: fee, paidOn: null, paymentMeans: null }).replace(
      /^Adhésion (\d+) :/,
      'Renouvellement $1 ouvert :',
    );
    for (const { professionalId } of created)
      await this.history.record(professionalId, 'membership.opened', summary, { year, status: 'pending', feeCents: fee });
    await this.involvement.refreshAllInvolvement();
    const [opened] = (await this.years()).filter((y) => y.year === year);
    return { year: opened, created: created.length };
  }

  /** After the renewal period: every pending membership of the year becomes lapsed (non renouvelée). */
  async lapseUnpaid(year: number): Promise<number> {
    checkMembershipYear(year, 'year');
    if (year > parisYear())
      throw AppError.field('year', `Le renouvellement ${year} n'a pas encore commencé : attendez le début de l'année.`);
    const rows = await this.db.tenantRows<{ professionalId: string }>(
      `UPDATE memberships SET status = 'lapsed', updated_at = now(), updated_by = $3
       WHERE tenant_id = $1 AND year = $2 AND status = 'pending' RETURNING professional_id AS "professionalId"`,
      [requireTenantId(), year, currentScope()?.principal?.userId ?? null],
    );
    for (const { professionalId } of rows) {
      await this.history.record(
        professionalId,
        'membership.lapsed',
        `Adhésion ${year} : non renouvelée (cotisation non réglée à la fin du renouvellement).`,
        {
          year,
          status: 'lapsed',
        },
      );
    }
    await this.involvement.refreshAllInvolvement();
    return rows.length;
  }
}
