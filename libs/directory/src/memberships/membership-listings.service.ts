/**
 * The memberships as the staff read them across people: a year's list, the
 * yearly figures per profession, and the members who did not renew. Reads
 * only: what changes a membership is in MembershipsService and
 * MembershipYearsService.
 */
import { Injectable } from '@nestjs/common';
import { afterNameCursor, Connection, nameSearchSql, requireTenantId, toConnection } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { ReferenceService } from '@cpts/platform-reference';
import { ProfessionalsService } from '../professionals.service';
import { checkMembershipYear, MEMBERSHIP_COLUMNS } from './membership-rules';
import {
  LapsedMember,
  Membership,
  MembershipCounts,
  MembershipsArgs,
  MembershipStatus,
  MembershipStatusCounts,
  ProfessionMembershipCounts,
} from './membership.types';

@Injectable()
export class MembershipListingsService {
  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly professionals: ProfessionalsService,
  ) {}

  /** A year's memberships in name order (keyset on the person's search name), with the person attached. */
  async list(args: MembershipsArgs): Promise<Connection<Membership>> {
    const params: unknown[] = [requireTenantId(), args.year];
    const where = ['m.tenant_id = $1', 'p.tenant_id = $1', 'm.year = $2'];
    if (args.status) {
      params.push(args.status);
      where.push(`m.status = $${params.length}`);
    }
    // The directory's name search, exact matches first (see ProfessionalsService.list).
    const search = nameSearchSql(args.search ?? '', 'p.search_runs', params);
    if (search) where.push(search.match);
    const rank = search?.rank ?? null;
    const countWhere = [...where];
    const countParams = [...params];
    if (args.after) where.push(afterNameCursor(args.after, rank, 'p.search_name', 'm.id', params));
    params.push(args.first + 1);
    const from = `memberships m JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id`;
    const rows = await this.db.tenantRows<Membership & { searchName: string; rank?: number }>(
      `SELECT ${MEMBERSHIP_COLUMNS('m')}, p.search_name AS "searchName"${rank ? `, ${rank} AS rank` : ''} FROM ${from} WHERE ${where.join(' AND ')}
       ORDER BY ${rank ? 'rank, ' : ''}p.search_name, m.id LIMIT $${params.length}`,
      params,
    );
    const [{ total }] = await this.db.tenantRows<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${countWhere.join(' AND ')}`,
      countParams,
    );
    await this.attachPeople(rows);
    return toConnection(rows, args.first, total, (m) => (rank ? [m.rank, m.searchName, m.id] : [m.searchName, m.id]), Boolean(args.after));
  }

  /**
   * A year's memberships per profession and status. Archived people count:
   * they were members that year, and the yearly report is about the year.
   */
  async counts(year: number): Promise<MembershipCounts> {
    checkMembershipYear(year, 'year');
    const rows = await this.db.tenantRows<{ code: string; status: MembershipStatus; n: number }>(
      `SELECT p.profession_code AS code, m.status, count(*)::int AS n
       FROM memberships m JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
       WHERE m.tenant_id = $1 AND p.tenant_id = $1 AND m.year = $2 GROUP BY 1, 2`,
      [requireTenantId(), year],
    );
    const catalog = await this.reference.catalog();
    const empty = (): MembershipStatusCounts => ({ pending: 0, active: 0, lapsed: 0, resigned: 0, total: 0 });
    const totals = empty();
    const byCode = new Map<string, ProfessionMembershipCounts>();
    for (const row of rows) {
      const profession = catalog.profession(row.code) ?? (await this.reference.reload()).profession(row.code);
      if (!profession) throw new Error(`Profession ${row.code} missing from the reference data.`);
      const counts = byCode.get(row.code) ?? { ...empty(), profession };
      counts[row.status] += row.n;
      counts.total += row.n;
      totals[row.status] += row.n;
      totals.total += row.n;
      byCode.set(row.code, counts);
    }
    const byProfession = [...byCode.values()].sort((a, b) => a.profession.label.localeCompare(b.profession.label, 'fr'));
    return { year, byProfession, totals };
  }

  /** Active members of the previous year who are not active this year (archived people left: not listed). */
  async lapsed(year: number): Promise<LapsedMember[]> {
    checkMembershipYear(year, 'year');
    const tenantId = requireTenantId();
    const pairs = await this.db.tenantRows<{ previousId: string; currentId: string | null }>(
      `SELECT prev.id AS "previousId", cur.id AS "currentId"
       FROM memberships prev
       JOIN professionals p ON p.tenant_id = prev.tenant_id AND p.id = prev.professional_id AND p.archived_at IS NULL
       LEFT JOIN memberships cur ON cur.tenant_id = prev.tenant_id AND cur.professional_id = prev.professional_id AND cur.year = $2
       WHERE prev.tenant_id = $1 AND p.tenant_id = $1 AND prev.year = $2 - 1 AND prev.status = 'active' AND (cur.id IS NULL OR cur.status <> 'active')
       ORDER BY p.search_name, p.id`,
      [tenantId, year],
    );
    const ids = pairs.flatMap((pair) => (pair.currentId ? [pair.previousId, pair.currentId] : [pair.previousId]));
    const memberships = new Map(
      (
        await this.db.tenantRows<Membership>(
          `SELECT ${MEMBERSHIP_COLUMNS('m')} FROM memberships m WHERE m.tenant_id = $1 AND m.id = ANY($2)`,
          [tenantId, ids],
        )
      ).map((m) => [m.id, m]),
    );
    const previous = pairs.map((pair) => memberships.get(pair.previousId)!);
    const people = new Map((await this.professionals.getMany(previous.map((m) => m.professionalId))).map((p) => [p.id, p]));
    return pairs.map((pair, i) => ({
      professional: people.get(previous[i].professionalId)!,
      previous: previous[i],
      current: pair.currentId ? memberships.get(pair.currentId)! : null,
    }));
  }

  private async attachPeople(rows: Membership[]): Promise<void> {
    const people = new Map((await this.professionals.getMany([...new Set(rows.map((r) => r.professionalId))])).map((p) => [p.id, p]));
    for (const row of rows) row.professional = people.get(row.professionalId);
  }
}
