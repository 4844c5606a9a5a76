import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, hasRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDirectory } from '@cpts/platform-persons';
import { COLLEGE_LABELS_FR, MembershipCollege } from '@cpts/platform-reference';
import { RemindersService } from '@cpts/platform-reminders';
import {
  CollegeInput,
  EndMandateInput,
  GovernanceCollege,
  GovernanceInstance,
  GovernanceStatutes,
  InstanceInput,
  InstanceKind,
  Mandate,
  MandateInput,
  MandateOffice,
  UpdateInstanceInput,
} from './governance.types';
import { DEFAULT_STATUTES, Statutes } from './statutes';

export const MANDATE_END_REMINDER = 'governance.mandate_end';
const NOT_FOUND = 'Instance introuvable.';
const MANDATE_NOT_FOUND = 'Mandat introuvable.';

const DEFAULT_NAMES: Record<InstanceKind, string> = {
  [InstanceKind.BUREAU]: 'Bureau',
  [InstanceKind.CA]: "Conseil d'administration",
  [InstanceKind.AG]: 'Assemblée générale',
  [InstanceKind.COMMISSION]: 'Commission',
};
const DEFAULT_SEATS: Partial<Record<InstanceKind, number>> = {
  [InstanceKind.BUREAU]: 4,
  [InstanceKind.CA]: 12,
  [InstanceKind.COMMISSION]: 6,
};
/** Offices held by one person at a time in an instance. */
const SINGLE_OFFICES: readonly MandateOffice[] = [MandateOffice.PRESIDENT, MandateOffice.TREASURER, MandateOffice.SECRETARY];
export const OFFICE_LABELS_FR: Record<MandateOffice, string> = {
  [MandateOffice.PRESIDENT]: 'président·e',
  [MandateOffice.VICE_PRESIDENT]: 'vice-président·e',
  [MandateOffice.TREASURER]: 'trésorier·ère',
  [MandateOffice.SECRETARY]: 'secrétaire',
  [MandateOffice.MEMBER]: 'membre',
};

/** Today in Paris, in SQL: mandates begin and end on Paris calendar days. */
export const PARIS_TODAY = `(now() AT TIME ZONE 'Europe/Paris')::date`;
/** The mandate `m` (an alias) is held on the date `d` (SQL). */
export const HELD_ON = (m: string, d: string) =>
  `(${m}.starts_on <= ${d} AND (${m}.ends_on IS NULL OR ${m}.ends_on >= ${d}) AND (${m}.ended_on IS NULL OR ${m}.ended_on >= ${d}))`;

/** The Paris year of today, for the AG's electorate (the members of the year). */
export const PARIS_YEAR = `extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int`;

interface InstanceRow {
  id: string;
  kind: InstanceKind;
  name: string;
  seats: number | null;
  statutes: Statutes;
  currentCount: number;
  endingSoon: number;
}

interface MandateRow extends Omit<Mandate, 'name'> {
  name?: string;
}

/**
 * The instances of the CPTS and who sits on them: the team sets them up
 * and keeps the mandates, the coordinator edits the statutes' rules; the
 * board reads them. A mandate is never deleted: it ends (its term, or
 * earlier with a reason), so the composition on any past date is a query.
 */
@Injectable()
export class InstancesService {
  constructor(
    private readonly db: Db,
    private readonly people: PersonDirectory,
    private readonly reminders: RemindersService,
  ) {}

  async list(): Promise<GovernanceInstance[]> {
    this.requireReader();
    const rows = await this.instanceRows(null);
    return this.withColleges(rows);
  }

  async get(id: string): Promise<GovernanceInstance> {
    this.requireReader();
    const [row] = await this.instanceRows(id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    const [instance] = await this.withColleges([row]);
    return instance;
  }

  /** The instance's row for other services of the library (no rights checked: the caller checked them). */
  async row(id: string, lock = false): Promise<{ id: string; kind: InstanceKind; name: string; seats: number | null; statutes: Statutes }> {
    const [row] = await this.db.tenantRows<{ id: string; kind: InstanceKind; name: string; seats: number | null; statutes: Statutes }>(
      `SELECT id, kind, name, seats, statutes FROM governance_instances WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }

  /** The instance of a kind (bureau, CA, AG), if the CPTS has set it up. */
  async ofKind(kind: InstanceKind): Promise<{ id: string; name: string } | null> {
    const [row] = await this.db.tenantRows<{ id: string; name: string }>(
      `SELECT id, name FROM governance_instances WHERE tenant_id = $1 AND kind = $2 ORDER BY created_at LIMIT 1`,
      [requireTenantId(), kind],
    );
    return row ?? null;
  }

  async create(input: InstanceInput): Promise<GovernanceInstance> {
    this.requireTeam();
    const tenantId = requireTenantId();
    const isAg = input.kind === InstanceKind.AG;
    if (isAg && input.seats) throw AppError.field('seats', "L'assemblée générale n'a pas de sièges : ce sont les adhérents de l'année.");
    const seats = isAg ? null : (input.seats ?? DEFAULT_SEATS[input.kind] ?? 6);
    const name = input.name ?? DEFAULT_NAMES[input.kind];
    const id = randomUUID();
    const inserted = await this.db.tenantRows(
      `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [tenantId, id, input.kind, name, seats, JSON.stringify(DEFAULT_STATUTES[input.kind]), requirePrincipal().userId],
    );
    if (inserted.length === 0) {
      throw input.kind === InstanceKind.COMMISSION
        ? AppError.field('name', 'Une instance porte déjà ce nom.')
        : AppError.conflict(
            `La CPTS a déjà ${DEFAULT_NAMES[input.kind] === 'Bureau' ? 'un bureau' : `son instance « ${DEFAULT_NAMES[input.kind]} »`}.`,
          );
    }
    // The CA's seats start split into the four usual colleges (editable).
    if (input.kind === InstanceKind.CA) {
      const colleges = Object.values(MembershipCollege);
      const base = Math.floor(seats! / colleges.length);
      const extra = seats! % colleges.length;
      await this.db.tenantRows(
        `INSERT INTO governance_colleges (tenant_id, id, instance_id, name, membership_college, seats, position)
         SELECT $1, gen_random_uuid(), $2, u.name, u.code, u.seats, u.position FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS u(name, code, seats, position)`,
        [
          tenantId,
          id,
          colleges.map((c) => COLLEGE_LABELS_FR[c]),
          colleges,
          colleges.map((_, i) => base + (i < extra ? 1 : 0)),
          colleges.map((_, i) => i),
        ],
      );
    }
    return this.get(id);
  }

  /** Name, seats and the statutes' rules (the coordinator only): decisions already opened keep the rules they were opened with. */
  async update(id: string, input: UpdateInstanceInput): Promise<GovernanceInstance> {
    if (!hasRole(requirePrincipal(), Role.COORDINATOR))
      throw AppError.forbidden('Seul·e le ou la coordinateur·rice modifie les règles des instances.');
    const instance = await this.row(id, true);
    const isAg = instance.kind === InstanceKind.AG;
    if (isAg && input.seats) throw AppError.field('seats', "L'assemblée générale n'a pas de sièges : ce sont les adhérents de l'année.");
    if (!isAg && !input.seats) throw AppError.field('seats', 'Indiquez le nombre de sièges.');
    const statutes: Statutes = { ...input.statutes };
    try {
      await this.db.tenantRows(
        `UPDATE governance_instances SET name = $3, seats = $4, statutes = $5, updated_at = now(), updated_by = $6 WHERE tenant_id = $1 AND id = $2`,
        [requireTenantId(), id, input.name, isAg ? null : input.seats, JSON.stringify(statutes), requirePrincipal().userId],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw AppError.field('name', 'Une instance porte déjà ce nom.');
      throw err;
    }
    return this.get(id);
  }

  /**
   * The colleges of a CA or a commission, in order: those given with an id
   * are kept (renamed, reseated), new ones created, the others removed
   * unless a mandate sits in them.
   */
  async setColleges(instanceId: string, colleges: CollegeInput[]): Promise<GovernanceInstance> {
    this.requireTeam();
    const tenantId = requireTenantId();
    const instance = await this.row(instanceId, true);
    if (instance.kind === InstanceKind.AG)
      throw AppError.badInput("Les collèges de l'assemblée générale sont ceux des adhésions : ils ne se modifient pas ici.");
    const names = colleges.map((c) => c.name.toLowerCase());
    if (new Set(names).size !== names.length) throw AppError.field('colleges', 'Deux collèges portent le même nom.');
    const existing = await this.db.tenantRows<{ id: string; used: boolean }>(
      `SELECT c.id, EXISTS (SELECT 1 FROM governance_mandates m WHERE m.tenant_id = c.tenant_id AND m.college_id = c.id) AS used
       FROM governance_colleges c WHERE c.tenant_id = $1 AND c.instance_id = $2`,
      [tenantId, instanceId],
    );
    const known = new Map(existing.map((c) => [c.id, c]));
    for (const c of colleges)
      if (c.id && !known.has(c.id.toLowerCase())) throw AppError.field('colleges', 'Un des collèges est introuvable.');
    const kept = new Set(colleges.filter((c) => c.id).map((c) => c.id!.toLowerCase()));
    const removed = existing.filter((c) => !kept.has(c.id));
    if (removed.some((c) => c.used))
      throw AppError.conflict('Un collège où siègent des mandats (en cours ou passés) ne peut pas être supprimé : renommez-le plutôt.');
    if (removed.length > 0)
      await this.db.tenantRows(`DELETE FROM governance_colleges WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
        tenantId,
        removed.map((c) => c.id),
      ]);
    // Names are unique per instance: park the kept ones on a temporary name first, so two can swap names.
    await this.db.tenantRows(`UPDATE governance_colleges SET name = id::text WHERE tenant_id = $1 AND instance_id = $2`, [
      tenantId,
      instanceId,
    ]);
    for (const [position, c] of colleges.entries()) {
      await this.db.tenantRows(
        `INSERT INTO governance_colleges (tenant_id, id, instance_id, name, membership_college, seats, position) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, membership_college = EXCLUDED.membership_college, seats = EXCLUDED.seats, position = EXCLUDED.position`,
        [tenantId, c.id?.toLowerCase() ?? randomUUID(), instanceId, c.name, c.membershipCollege ?? null, c.seats, position],
      );
    }
    return this.get(instanceId);
  }

  /**
   * The mandates of an instance: those held on `on` (YYYY-MM-DD, today by
   * default), or every mandate ever (`all`), the current ones first.
   */
  async mandates(instanceId: string, options: { on?: string | null; all?: boolean } = {}): Promise<Mandate[]> {
    this.requireReader();
    await this.row(instanceId);
    const params: unknown[] = [requireTenantId(), instanceId];
    const where = options.all ? '' : ` AND ${HELD_ON('m', options.on ? `$${params.push(options.on)}::date` : PARIS_TODAY)}`;
    const rows = await this.mandateRows(`m.instance_id = $2${where}`, params);
    return this.named(rows);
  }

  /** A person's mandates, every instance, newest first (the person's page). */
  async mandatesOf(professionalId: string): Promise<Mandate[]> {
    this.requireReader();
    return this.named(await this.mandateRows(`m.professional_id = $2`, [requireTenantId(), professionalId]));
  }

  async addMandate(instanceId: string, input: MandateInput): Promise<Mandate> {
    this.requireTeam();
    const instance = await this.row(instanceId, true);
    if (instance.kind === InstanceKind.AG)
      throw AppError.badInput("On ne siège pas à l'assemblée générale par mandat : ce sont les adhérents de l'année.");
    input.professionalId = (await this.people.require(input.professionalId.toLowerCase())).id;
    const id = randomUUID();
    await this.checkMandate(instanceId, id, input);
    await this.db.tenantRows(
      `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, college_id, starts_on, ends_on, obtained, obtained_note, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        requireTenantId(),
        id,
        instanceId,
        input.professionalId.toLowerCase(),
        input.office,
        input.collegeId?.toLowerCase() ?? null,
        input.startsOn,
        input.endsOn ?? null,
        input.obtained,
        input.obtainedNote,
        requirePrincipal().userId,
      ],
    );
    await this.scheduleEndReminders(id, input.endsOn ?? null);
    return this.mandate(id);
  }

  async updateMandate(id: string, input: MandateInput): Promise<Mandate> {
    this.requireTeam();
    const [current] = await this.db.tenantRows<{ instanceId: string; endedOn: string | null }>(
      `SELECT instance_id AS "instanceId", to_char(ended_on, 'YYYY-MM-DD') AS "endedOn" FROM governance_mandates WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!current) throw AppError.notFound(MANDATE_NOT_FOUND);
    await this.row(current.instanceId, true);
    input.professionalId = (await this.people.require(input.professionalId.toLowerCase())).id;
    await this.checkMandate(current.instanceId, id, input);
    await this.db.tenantRows(
      `UPDATE governance_mandates SET professional_id = $3, office = $4, college_id = $5, starts_on = $6, ends_on = $7, obtained = $8, obtained_note = $9,
              updated_at = now(), updated_by = $10 WHERE tenant_id = $1 AND id = $2`,
      [
        requireTenantId(),
        id,
        input.professionalId.toLowerCase(),
        input.office,
        input.collegeId?.toLowerCase() ?? null,
        input.startsOn,
        input.endsOn ?? null,
        input.obtained,
        input.obtainedNote,
        requirePrincipal().userId,
      ],
    );
    await this.scheduleEndReminders(id, current.endedOn ? null : (input.endsOn ?? null));
    return this.mandate(id);
  }

  /** Ends a mandate before its term (resignation, revocation): from the day after, the person no longer sits nor votes. */
  async endMandate(id: string, input: EndMandateInput): Promise<Mandate> {
    this.requireTeam();
    const [row] = await this.db.tenantRows<{ startsOn: string; endedOn: string | null }>(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ended_on, 'YYYY-MM-DD') AS "endedOn" FROM governance_mandates WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(MANDATE_NOT_FOUND);
    if (row.endedOn) throw AppError.conflict(`Ce mandat a déjà pris fin (le ${frDate(row.endedOn)}).`);
    if (input.endedOn < row.startsOn) throw AppError.field('endedOn', 'La fin ne peut pas précéder le début du mandat.');
    await this.db.tenantRows(
      `UPDATE governance_mandates SET ended_on = $3, end_reason = $4, updated_at = now(), updated_by = $5 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, input.endedOn, input.reason, requirePrincipal().userId],
    );
    await this.reminders.cancel(MANDATE_END_REMINDER, id);
    return this.mandate(id);
  }

  async mandate(id: string): Promise<Mandate> {
    const [row] = await this.mandateRows(`m.id = $2`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound(MANDATE_NOT_FOUND);
    const [named] = await this.named([row]);
    return named;
  }

  /** The caller may read the governance (the team and the board). */
  requireReader(): void {
    if (!hasAnyRole(requirePrincipal(), [...CPTS_TEAM, Role.BOARD_MEMBER])) throw AppError.forbidden();
  }

  requireTeam(): void {
    if (!hasAnyRole(requirePrincipal(), CPTS_TEAM))
      throw AppError.forbidden("Seule l'équipe de la CPTS gère les instances et les mandats.");
  }

  private async checkMandate(instanceId: string, id: string, input: MandateInput): Promise<void> {
    const tenantId = requireTenantId();
    if (input.endsOn && input.endsOn < input.startsOn) throw AppError.field('endsOn', 'La fin du mandat ne peut pas précéder son début.');
    const colleges = await this.db.tenantRows<{ id: string }>(
      `SELECT id FROM governance_colleges WHERE tenant_id = $1 AND instance_id = $2`,
      [tenantId, instanceId],
    );
    if (input.collegeId && !colleges.some((c) => c.id === input.collegeId!.toLowerCase()))
      throw AppError.field('collegeId', "Ce collège n'est pas un collège de cette instance.");
    if (!input.collegeId && colleges.length > 0) throw AppError.field('collegeId', 'Choisissez le collège de ce siège.');
    // The same person twice at once, or two presidents at once: a mistake in the dates.
    const overlapping = await this.db.tenantRows<{ professionalId: string; office: MandateOffice }>(
      `SELECT professional_id AS "professionalId", office FROM governance_mandates m
       WHERE tenant_id = $1 AND instance_id = $2 AND id <> $3
         AND daterange(starts_on, least(ends_on, ended_on), '[]') && daterange($4::date, $5::date, '[]')
         AND (professional_id = $6 OR office = $7)`,
      [tenantId, instanceId, id, input.startsOn, input.endsOn ?? null, input.professionalId.toLowerCase(), input.office],
    );
    if (overlapping.some((o) => o.professionalId === input.professionalId.toLowerCase()))
      throw AppError.conflict('Cette personne a déjà un mandat dans cette instance sur ces dates.');
    if (SINGLE_OFFICES.includes(input.office) && overlapping.some((o) => o.office === input.office))
      throw AppError.conflict(`L'instance a déjà un·e ${OFFICE_LABELS_FR[input.office]} sur ces dates : terminez son mandat d'abord.`);
  }

  /** 90 and 30 days before the end, at 8:00 in Paris, to the coordinators (those still to come). */
  private async scheduleEndReminders(id: string, endsOn: string | null): Promise<void> {
    await this.reminders.cancel(MANDATE_END_REMINDER, id);
    if (!endsOn) return;
    const fireAts = await this.db.tenantRows<{ at: Date }>(
      `SELECT ((($1::date - d) + time '08:00') AT TIME ZONE 'Europe/Paris') AS at FROM unnest(ARRAY[90, 30]) AS d`,
      [endsOn],
    );
    const future = fireAts.map((r) => r.at).filter((at) => at.getTime() > Date.now());
    if (future.length > 0) await this.reminders.schedule(future.map((fireAt) => ({ kind: MANDATE_END_REMINDER, ref: id, fireAt })));
  }

  private instanceRows(id: string | null): Promise<InstanceRow[]> {
    return this.db.tenantRows<InstanceRow>(
      `SELECT i.id, i.kind, i.name, i.seats, i.statutes,
              CASE WHEN i.kind = 'ag'
                   THEN (SELECT count(*)::int FROM memberships s WHERE s.tenant_id = i.tenant_id AND s.year = ${PARIS_YEAR} AND s.status = 'active')
                   ELSE (SELECT count(*)::int FROM governance_mandates m WHERE m.tenant_id = i.tenant_id AND m.instance_id = i.id AND ${HELD_ON('m', PARIS_TODAY)})
              END AS "currentCount",
              (SELECT count(*)::int FROM governance_mandates m WHERE m.tenant_id = i.tenant_id AND m.instance_id = i.id AND ${HELD_ON('m', PARIS_TODAY)}
                 AND least(m.ends_on, m.ended_on) < ${PARIS_TODAY} + 90) AS "endingSoon"
       FROM governance_instances i WHERE i.tenant_id = $1 ${id ? 'AND i.id = $2' : ''}
       ORDER BY array_position(ARRAY['bureau', 'ca', 'ag', 'commission'], i.kind), lower(i.name), i.id`,
      id ? [requireTenantId(), id] : [requireTenantId()],
    );
  }

  private async withColleges(rows: InstanceRow[]): Promise<GovernanceInstance[]> {
    if (rows.length === 0) return [];
    const colleges = await this.db.tenantRows<GovernanceCollege & { instanceId: string }>(
      `SELECT c.instance_id AS "instanceId", c.id, c.name, c.membership_college AS "membershipCollege", c.seats,
              (SELECT count(*)::int FROM governance_mandates m WHERE m.tenant_id = c.tenant_id AND m.college_id = c.id AND ${HELD_ON('m', PARIS_TODAY)}) AS filled
       FROM governance_colleges c WHERE c.tenant_id = $1 AND c.instance_id = ANY($2::uuid[]) ORDER BY c.position, c.id`,
      [requireTenantId(), rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      seats: r.seats,
      statutes: statutesOf(r.statutes),
      colleges: colleges.filter((c) => c.instanceId === r.id).map(({ instanceId: _, ...c }) => c),
      currentCount: r.currentCount,
      seatsToFill: r.seats === null ? 0 : Math.max(0, r.seats - r.currentCount),
      endingSoon: r.endingSoon,
    }));
  }

  private mandateRows(where: string, params: unknown[]): Promise<MandateRow[]> {
    return this.db.tenantRows<MandateRow>(
      `SELECT m.id, m.instance_id AS "instanceId", i.name AS "instanceName", m.professional_id AS "professionalId", m.office, m.college_id AS "collegeId",
              c.name AS "collegeName", to_char(m.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn", m.obtained,
              m.obtained_note AS "obtainedNote", to_char(m.ended_on, 'YYYY-MM-DD') AS "endedOn", m.end_reason AS "endReason",
              ${HELD_ON('m', PARIS_TODAY)} AS current,
              CASE WHEN ${HELD_ON('m', PARIS_TODAY)} AND least(m.ends_on, m.ended_on) IS NOT NULL THEN least(m.ends_on, m.ended_on) - ${PARIS_TODAY} END AS "daysLeft"
       FROM governance_mandates m JOIN governance_instances i ON i.tenant_id = m.tenant_id AND i.id = m.instance_id
       LEFT JOIN governance_colleges c ON c.tenant_id = m.tenant_id AND c.id = m.college_id
       WHERE m.tenant_id = $1 AND ${where}
       ORDER BY ${HELD_ON('m', PARIS_TODAY)} DESC, array_position(ARRAY['president', 'vice_president', 'treasurer', 'secretary', 'member'], m.office), m.starts_on DESC, m.id`,
      params,
    );
  }

  private async named(rows: MandateRow[]): Promise<Mandate[]> {
    const people = await this.people.resolve([...new Set(rows.map((r) => r.professionalId))]);
    return rows.map((r) => {
      const p = people.get(r.professionalId);
      return { ...r, name: p ? `${p.firstName} ${p.lastName}`.trim() : 'Personne inconnue' };
    });
  }
}

/** The stored rules with today's shape (a rule added later takes its default). */
export function statutesOf(stored: Partial<Statutes>): GovernanceStatutes {
  return { ...DEFAULT_STATUTES.commission, ...stored };
}

/** "3 mars 2025" from YYYY-MM-DD. */
export function frDate(day: string): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
