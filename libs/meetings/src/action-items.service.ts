import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RemindersService } from '@cpts/platform-reminders';
import { ActionItem, ActionItemFilter, ActionItemInput, ActionItemStatus } from './action-item.types';
import { MeetingOwners } from './meeting-owners';
import { MeetingPeople } from './meeting-people';

export const ACTION_DUE_REMINDER = 'action_item.due';
export const ACTION_OVERDUE_REMINDER = 'action_item.overdue';
const NOT_FOUND = 'Action introuvable.';
/** Who sees every owner's items: the team and the board (others see the items of the owners they may see). */
const SEE_ALL: readonly Role[] = [...CPTS_TEAM, Role.BOARD_MEMBER];

export const ACTION_COLUMNS = `a.id, a.owner_kind AS "ownerKind", a.owner_id AS "ownerId", a.owner_name AS "ownerName", a.meeting_id AS "meetingId", a.title,
  a.assignee_name AS "assigneeName", a.professional_id AS "professionalId", a.user_id AS "userId", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status,
  a.status_at AS "statusAt", (a.status = 'open' AND a.due_on < (now() AT TIME ZONE 'Europe/Paris')::date) AS overdue`;

/**
 * Action items of any owner of meetings: created from the minutes or by
 * hand by the owner's manager, for a person (user or not) with a due date;
 * the person is reminded two days before and the day after if still open
 * (the reminder engine; none once done), and may mark it done from the
 * email's link. The CPTS-wide view lists them by owner, person and date.
 */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly db: Db,
    private readonly owners: MeetingOwners,
    private readonly people: MeetingPeople,
    private readonly reminders: RemindersService,
  ) {}

  async list(filter: ActionItemFilter): Promise<ActionItem[]> {
    const params: unknown[] = [requireTenantId()];
    const where = ['a.tenant_id = $1'];
    if (filter.ownerKind) where.push(`a.owner_kind = $${params.push(filter.ownerKind)}`);
    if (filter.ownerId) where.push(`a.owner_id = $${params.push(filter.ownerId.toLowerCase())}`);
    if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
    if (filter.overdueOnly) where.push(`a.status = 'open' AND a.due_on < (now() AT TIME ZONE 'Europe/Paris')::date`);
    const rows = await this.db.tenantRows<ActionItem>(
      `SELECT ${ACTION_COLUMNS} FROM action_items a WHERE ${where.join(' AND ')}
       ORDER BY a.status = 'open' DESC, a.due_on, lower(a.owner_name), lower(a.assignee_name), a.id LIMIT 1000`,
      params,
    );
    if (hasAnyRole(requirePrincipal(), SEE_ALL)) return rows;
    // Anyone else sees the items of the owners they may see (their groups).
    const visible = new Set<string>();
    for (const key of new Set(rows.map((r) => `${r.ownerKind}:${r.ownerId}`))) {
      const [kind, id] = key.split(':');
      if (await this.owners.get(kind).describe(id)) visible.add(key);
    }
    return rows.filter((r) => visible.has(`${r.ownerKind}:${r.ownerId}`));
  }

  async create(input: ActionItemInput): Promise<ActionItem> {
    const tenantId = requireTenantId();
    const owner = this.owners.get(input.ownerKind);
    await owner.requireManager(input.ownerId);
    const described = await owner.describe(input.ownerId);
    if (!described) throw AppError.notFound('Introuvable.');
    if (!input.professionalId === !input.userId)
      throw AppError.field('professionalId', 'Choisissez une personne (et une seule) pour cette action.');
    if (!isCalendarDate(input.dueOn)) throw AppError.field('dueOn', 'Échéance invalide (AAAA-MM-JJ).');
    const [due] = await this.db.rows<{ past: boolean }>(`SELECT $1::date < (now() AT TIME ZONE 'Europe/Paris')::date AS past`, [
      input.dueOn,
    ]);
    if (due.past) throw AppError.field('dueOn', "L'échéance est passée.");
    if (input.meetingId) {
      const [m] = await this.db.tenantRows(
        `SELECT 1 FROM meetings WHERE tenant_id = $1 AND id = $2 AND owner_kind = $3 AND owner_id = $4`,
        [tenantId, input.meetingId.toLowerCase(), input.ownerKind, input.ownerId],
      );
      if (!m) throw AppError.field('meetingId', "Cette réunion n'est pas celle de ce groupe.");
    }
    const [person] = await this.people.of(
      input.professionalId ? [{ professionalId: input.professionalId.toLowerCase() }] : [{ userId: input.userId!.toLowerCase() }],
    );
    if (!person)
      throw AppError.field(
        input.professionalId ? 'professionalId' : 'userId',
        'Cette personne ne peut pas porter une action (retirée de l’annuaire, ou hors de la CPTS).',
      );
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, meeting_id, title, professional_id, user_id, assignee_name, assignee_email, due_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        tenantId,
        id,
        input.ownerKind,
        input.ownerId,
        described.name,
        input.meetingId?.toLowerCase() ?? null,
        input.title,
        person.professionalId,
        person.userId,
        person.name,
        person.email,
        input.dueOn,
        requirePrincipal().userId,
      ],
    );
    // Two days before, then the day after, at 8:00 in France.
    const [at] = await this.db.rows<{ before: Date; after: Date }>(
      `SELECT (($1::date - 2) + time '08:00') AT TIME ZONE 'Europe/Paris' AS before, (($1::date + 1) + time '08:00') AT TIME ZONE 'Europe/Paris' AS after`,
      [input.dueOn],
    );
    await this.reminders.schedule([
      ...(at.before.getTime() > Date.now() ? [{ kind: ACTION_DUE_REMINDER, ref: id, fireAt: at.before }] : []),
      { kind: ACTION_OVERDUE_REMINDER, ref: id, fireAt: at.after },
    ]);
    return this.get(id);
  }

  /** Done or dropped (or open again) by the owner's manager; the reminders stop once it is not open. */
  async setStatus(id: string, status: ActionItemStatus): Promise<ActionItem> {
    const [item] = await this.db.tenantRows<{ ownerKind: string; ownerId: string }>(
      `SELECT owner_kind AS "ownerKind", owner_id AS "ownerId" FROM action_items WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!item) throw AppError.notFound(NOT_FOUND);
    await this.owners.get(item.ownerKind).requireManager(item.ownerId);
    await this.mark(id, status, requirePrincipal().userId);
    return this.get(id);
  }

  /** The status change itself (also from the assignee's email link, `by` then null). */
  async mark(id: string, status: ActionItemStatus, by: string | null): Promise<void> {
    await this.db.tenantRows(
      `UPDATE action_items SET status = $3, status_at = CASE WHEN $3 = 'open' THEN NULL ELSE now() END, status_by = CASE WHEN $3 = 'open' THEN NULL ELSE $4::uuid END
       WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, status, by],
    );
    if (status !== ActionItemStatus.OPEN) {
      await this.reminders.cancel(ACTION_DUE_REMINDER, id);
      await this.reminders.cancel(ACTION_OVERDUE_REMINDER, id);
    }
  }

  private async get(id: string): Promise<ActionItem> {
    const [row] = await this.db.tenantRows<ActionItem>(
      `SELECT ${ACTION_COLUMNS} FROM action_items a WHERE a.tenant_id = $1 AND a.id = $2`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return row;
  }
}

/** A real day of the calendar written YYYY-MM-DD (not 2031-02-30), between the years 2000 and 2100. */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
