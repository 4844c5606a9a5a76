import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  afterNameCursor,
  AppError,
  Connection,
  currentScope,
  FieldError,
  nameSearchSql,
  requireTenantId,
  toConnection,
} from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { ReferenceService } from '@cpts/platform-reference';
import { RemindersService } from '@cpts/platform-reminders';
import { PersonHistoryService } from '../history/person-history.service';
import { InvolvementService } from '../involvement/involvement.service';
import { InvolvementLevel } from '../involvement/involvement.types';
import { PersonDataPart } from '../person-data';
import { ProfessionalsService } from '../professionals.service';
import { isCalendarDate, membershipSummary, parisToday, parisYear } from './membership-format';
import { renewalReminderPlans } from './renewal-reminder';
import {
  LapsedMember,
  Membership,
  MembershipCounts,
  MembershipInput,
  MembershipsArgs,
  MembershipStatus,
  MembershipStatusCounts,
  MembershipYear,
  OpenedMembershipYear,
  ProfessionMembershipCounts,
} from './membership.types';

const COLUMNS = (m: string) => `${m}.id, ${m}.professional_id AS "professionalId", ${m}.year, ${m}.status, ${m}.fee_cents AS "feeCents",
  ${m}.paid_on::text AS "paidOn", ${m}.payment_means AS "paymentMeans", ${m}.college, ${m}.note, ${m}.created_at AS "createdAt", ${m}.updated_at AS "updatedAt"`;

/** Which of two memberships of one year a merge keeps: the most advanced status. */
const STATUS_RANK: Record<MembershipStatus, number> = { active: 3, pending: 2, resigned: 1, lapsed: 0 };

/** The involvement source memberships own: an active membership of this year or the last gives "member". */
const MEMBERSHIP_SOURCE = 'membership';

/**
 * Memberships (adhésions): one per person and year, the yearly renewal
 * (open the next year, lapse the unpaid) and the yearly figures. Every
 * change is written in the person's history and refreshes the involvement
 * level memberships give, in the same transaction.
 */
@Injectable()
export class MembershipsService implements PersonDataPart {
  readonly key = 'memberships';

  constructor(
    private readonly db: Db,
    private readonly reference: ReferenceService,
    private readonly professionals: ProfessionalsService,
    private readonly history: PersonHistoryService,
    private readonly involvement: InvolvementService,
    private readonly reminders: RemindersService,
  ) {}

  /** A person's memberships, by person, newest year first. */
  async ofPeople(professionalIds: readonly string[]): Promise<Map<string, Membership[]>> {
    const rows = await this.db.tenantRows<Membership>(
      `SELECT ${COLUMNS('m')} FROM memberships m WHERE m.tenant_id = $1 AND m.professional_id = ANY($2) ORDER BY m.professional_id, m.year DESC`,
      [requireTenantId(), [...professionalIds]],
    );
    const out = new Map<string, Membership[]>();
    for (const row of rows) out.set(row.professionalId, [...(out.get(row.professionalId) ?? []), row]);
    return out;
  }

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
      `SELECT ${COLUMNS('m')}, p.search_name AS "searchName"${rank ? `, ${rank} AS rank` : ''} FROM ${from} WHERE ${where.join(' AND ')}
       ORDER BY ${rank ? 'rank, ' : ''}p.search_name, m.id LIMIT $${params.length}`,
      params,
    );
    const [{ total }] = await this.db.tenantRows<{ total: number }>(`SELECT count(*)::int AS total FROM ${from} WHERE ${countWhere.join(' AND ')}`, countParams);
    await this.attachPeople(rows);
    return toConnection(rows, args.first, total, (m) => (rank ? [m.rank, m.searchName, m.id] : [m.searchName, m.id]), Boolean(args.after));
  }

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
   * A year's memberships per profession and status. Archived people count:
   * they were members that year, and the yearly report is about the year.
   */
  async counts(year: number): Promise<MembershipCounts> {
    this.checkYear(year, 'year');
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
    this.checkYear(year, 'year');
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
      (await this.db.tenantRows<Membership>(`SELECT ${COLUMNS('m')} FROM memberships m WHERE m.tenant_id = $1 AND m.id = ANY($2)`, [tenantId, ids])).map((m) => [m.id, m]),
    );
    const previous = pairs.map((pair) => memberships.get(pair.previousId)!);
    const people = new Map((await this.professionals.getMany(previous.map((m) => m.professionalId))).map((p) => [p.id, p]));
    return pairs.map((pair, i) => ({
      professional: people.get(previous[i].professionalId)!,
      previous: previous[i],
      current: pair.currentId ? memberships.get(pair.currentId)! : null,
    }));
  }

  /** Creates (no id) or changes (id) a person's membership of one year. */
  async save(input: MembershipInput): Promise<Membership> {
    const tenantId = requireTenantId();
    const userId = currentScope()?.principal?.userId ?? null;
    const before = input.id ? await this.get(input.id) : null; // NOT_FOUND before any complaint about the input
    if (before && before.professionalId !== input.professionalId) throw AppError.field('professionalId', "Cette adhésion est celle d'une autre personne.");
    const [person] = await this.db.tenantRows<{ archived: boolean; name: string }>(
      `SELECT archived_at IS NOT NULL AS archived, first_name || ' ' || last_name AS name FROM professionals WHERE tenant_id = $1 AND id = $2`,
      [tenantId, input.professionalId],
    );
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    if (person.archived && !before) throw AppError.badInput("Cette fiche est archivée : restaurez-la avant d'y ajouter une adhésion.");
    const clean = this.check(input);
    const id = input.id ?? randomUUID();
    try {
      if (before) {
        await this.db.tenantRows(
          `UPDATE memberships SET year = $3, status = $4, fee_cents = $5, paid_on = $6, payment_means = $7, college = $8, note = $9, updated_at = now(), updated_by = $10
           WHERE tenant_id = $1 AND id = $2`,
          [tenantId, id, clean.year, clean.status, clean.feeCents, clean.paidOn, clean.paymentMeans, clean.college, clean.note, userId],
        );
      } else {
        await this.db.tenantRows(
          `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college, note, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
          [tenantId, id, input.professionalId, clean.year, clean.status, clean.feeCents, clean.paidOn, clean.paymentMeans, clean.college, clean.note, userId],
        );
      }
    } catch (err) {
      if (isUniqueViolation(err, 'memberships_person_year_key')) {
        const message = `${person.name} a déjà une adhésion pour ${clean.year} : modifiez-la plutôt.`;
        throw AppError.conflict(message, [{ field: 'year', message: `Une adhésion ${clean.year} existe déjà.` }]);
      }
      throw err;
    }
    const saved = await this.get(id);
    const changedYear = before && before.year !== saved.year ? ` Année corrigée (auparavant ${before.year}).` : '';
    await this.history.record(saved.professionalId, 'membership.saved', `${membershipSummary(saved)}${changedYear}`, {
      membershipId: id,
      year: saved.year,
      status: saved.status,
      feeCents: saved.feeCents,
      paidOn: saved.paidOn,
      paymentMeans: saved.paymentMeans,
      college: saved.college,
      ...(before ? { previous: { year: before.year, status: before.status, feeCents: before.feeCents, paidOn: before.paidOn, paymentMeans: before.paymentMeans } } : {}),
    });
    await this.refreshInvolvement([saved.professionalId]);
    return saved;
  }

  /** Removes a membership entered by mistake; the history keeps what it said. */
  async remove(id: string): Promise<boolean> {
    const membership = await this.get(id);
    await this.db.tenantRows(`DELETE FROM memberships WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    await this.history.record(membership.professionalId, 'membership.deleted', `Adhésion ${membership.year} supprimée (elle indiquait : ${membershipSummary(membership).replace(/^Adhésion \d+ : /, '').replace(/\.$/, '')}).`, {
      membershipId: id,
      year: membership.year,
      status: membership.status,
      feeCents: membership.feeCents,
      paidOn: membership.paidOn,
      paymentMeans: membership.paymentMeans,
    });
    await this.refreshInvolvement([membership.professionalId]);
    return true;
  }

  /**
   * Opens a year for renewal: a pending membership, at the default fee and in
   * the same college, for everyone active the previous year (archived people
   * left). Run again, it creates only what is missing and keeps the first
   * default fee. At most next year: renewals start in the last weeks of a year.
   */
  async openYear(year: number, defaultFeeCents: number): Promise<OpenedMembershipYear> {
    const tenantId = requireTenantId();
    this.checkYear(year, 'year');
    const userId = currentScope()?.principal?.userId ?? null;
    await this.db.tenantRows(
      `INSERT INTO membership_years (tenant_id, year, default_fee_cents, opened_by) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, year) DO NOTHING`,
      [tenantId, year, defaultFeeCents, userId],
    );
    const [{ fee }] = await this.db.tenantRows<{ fee: number }>(`SELECT default_fee_cents AS fee FROM membership_years WHERE tenant_id = $1 AND year = $2`, [tenantId, year]);
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
    const summary = membershipSummary({ year, status: MembershipStatus.PENDING, feeCents: fee, paidOn: null, paymentMeans: null }).replace(/^Adhésion (\d+) :/, 'Renouvellement $1 ouvert :');
    for (const { professionalId } of created) await this.history.record(professionalId, 'membership.opened', summary, { year, status: 'pending', feeCents: fee });
    await this.refreshAllInvolvement();
    const [opened] = (await this.years()).filter((y) => y.year === year);
    return { year: opened, created: created.length };
  }

  /** After the renewal period: every pending membership of the year becomes lapsed (non renouvelée). */
  async lapseUnpaid(year: number): Promise<number> {
    this.checkYear(year, 'year');
    if (year > parisYear()) throw AppError.field('year', `Le renouvellement ${year} n'a pas encore commencé : attendez le début de l'année.`);
    const rows = await this.db.tenantRows<{ professionalId: string }>(
      `UPDATE memberships SET status = 'lapsed', updated_at = now(), updated_by = $3
       WHERE tenant_id = $1 AND year = $2 AND status = 'pending' RETURNING professional_id AS "professionalId"`,
      [requireTenantId(), year, currentScope()?.principal?.userId ?? null],
    );
    for (const { professionalId } of rows) {
      await this.history.record(professionalId, 'membership.lapsed', `Adhésion ${year} : non renouvelée (cotisation non réglée à la fin du renouvellement).`, { year, status: 'lapsed' });
    }
    await this.refreshAllInvolvement();
    return rows.length;
  }

  /** One membership of the active CPTS; NOT_FOUND for another CPTS's, as for one that does not exist. */
  async get(id: string): Promise<Membership> {
    const [row] = await this.db.tenantRows<Membership>(`SELECT ${COLUMNS('m')} FROM memberships m WHERE m.tenant_id = $1 AND m.id = $2`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound('Adhésion introuvable.');
    return row;
  }

  /**
   * The rules of a membership, in French for the staff:
   * - a year from 2000 to next year (renewals open in the last weeks of a year);
   * - a payment date is a real date, not in the future;
   * - a free membership (0 €) has no payment;
   * - date and means of payment go together;
   * - an active member with a fee has paid: date and means are required.
   */
  private check(input: MembershipInput) {
    const fields: FieldError[] = [];
    const yearError = this.yearError(input.year);
    if (yearError) fields.push({ field: 'year', message: yearError });
    const paidOn = input.paidOn ?? null;
    const paymentMeans = input.paymentMeans ?? null;
    if (paidOn && !isCalendarDate(paidOn)) fields.push({ field: 'paidOn', message: "Cette date n'existe pas." });
    else if (paidOn && paidOn > parisToday()) fields.push({ field: 'paidOn', message: 'La date de paiement ne peut pas être dans le futur.' });
    if (input.feeCents === 0 && (paidOn || paymentMeans)) {
      fields.push({ field: input.paidOn ? 'paidOn' : 'paymentMeans', message: 'Une adhésion gratuite ne se règle pas : laissez le paiement vide.' });
    } else if (input.status === MembershipStatus.ACTIVE && input.feeCents > 0 && (!paidOn || !paymentMeans)) {
      if (!paidOn) fields.push({ field: 'paidOn', message: 'Un adhérent actif a réglé sa cotisation : indiquez la date du paiement.' });
      if (!paymentMeans) fields.push({ field: 'paymentMeans', message: 'Un adhérent actif a réglé sa cotisation : indiquez le moyen de paiement.' });
    } else if (Boolean(paidOn) !== Boolean(paymentMeans)) {
      fields.push(paidOn ? { field: 'paymentMeans', message: 'Indiquez aussi le moyen de paiement.' } : { field: 'paidOn', message: 'Indiquez aussi la date du paiement.' });
    }
    if (fields.length > 0) throw AppError.badInput(fields.length === 1 ? fields[0].message : 'Certains champs sont à corriger.', fields);
    return { year: input.year, status: input.status, feeCents: input.feeCents, paidOn, paymentMeans, college: input.college, note: input.note?.trim() || null };
  }

  private yearError(year: number): string | null {
    const max = parisYear() + 1;
    return Number.isInteger(year) && year >= 2000 && year <= max ? null : `L'année doit être comprise entre 2000 et ${max}.`;
  }

  private checkYear(year: number, field: string): void {
    const error = this.yearError(year);
    if (error) throw AppError.field(field, error);
  }

  private async attachPeople(rows: Membership[]): Promise<void> {
    const people = new Map((await this.professionals.getMany([...new Set(rows.map((r) => r.professionalId))])).map((p) => [p.id, p]));
    for (const row of rows) row.professional = people.get(row.professionalId);
  }

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

  async exportPerson(professionalId: string): Promise<unknown> {
    return (await this.ofPeople([professionalId])).get(professionalId) ?? [];
  }

  /** The yearly counts keep year, status, college and fee; the free-text note may name or describe the person. */
  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE memberships SET note = NULL WHERE tenant_id = $1 AND professional_id = $2`, [requireTenantId(), professionalId]);
  }

  /**
   * Moves the merged record's memberships to the kept one. For a year both
   * have, the most advanced status wins (active > pending > resigned >
   * lapsed; the kept one on a tie) and the other is written in the kept
   * person's history, so nothing is lost.
   */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    const all = await this.ofPeople([keptId, mergedId]);
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
    await this.db.tenantRows(`UPDATE memberships SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [tenantId, keptId, mergedId]);
    await this.refreshInvolvement([keptId, mergedId]);
  }
}
