import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, ErrorCode, hasAnyRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
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
  a.status_at AS "statusAt", a.status_by AS "statusBy", (SELECT u.display_name FROM users u WHERE u.id = a.status_by) AS "statusByName",
  (a.status = 'open' AND a.due_on < (now() AT TIME ZONE 'Europe/Paris')::date) AS overdue`;

type ActionItemRow = Omit<ActionItem, 'mine'>;

/** The row as the caller sees it: whether it is theirs to mark done. */
const forCaller = (row: ActionItemRow): ActionItem => ({ ...row, mine: row.userId !== null && row.userId === requirePrincipal().userId });

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
    if (filter.assigneeId) {
      // One id for either kind of person: a professional's and a user's ids never meet (uuids).
      const p = `$${params.push(filter.assigneeId.toLowerCase())}`;
      where.push(`(a.professional_id = ${p} OR a.user_id = ${p})`);
    }
    if (filter.doneSince) where.push(`a.status = 'done' AND a.status_at >= $${params.push(filter.doneSince)}`);
    const rows = (
      await this.db.tenantRows<ActionItemRow>(
        `SELECT ${ACTION_COLUMNS} FROM action_items a WHERE ${where.join(' AND ')}
         ORDER BY a.status = 'open' DESC, a.due_on, lower(a.owner_name), lower(a.assignee_name), a.id LIMIT 1000`,
        params,
      )
    ).map(forCaller);
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
    await this.scheduleReminders(id, input.dueOn, true);
    return this.get(id);
  }

  /**
   * Two days before, then the day after, at 8:00 in France; those already
   * past are skipped, but for the "overdue" one of a new item (the day after
   * is always to come then).
   */
  private async scheduleReminders(id: string, dueOn: string, created: boolean): Promise<void> {
    const [at] = await this.db.rows<{ before: Date; after: Date }>(
      `SELECT (($1::date - 2) + time '08:00') AT TIME ZONE 'Europe/Paris' AS before, (($1::date + 1) + time '08:00') AT TIME ZONE 'Europe/Paris' AS after`,
      [dueOn],
    );
    await this.reminders.schedule([
      ...(at.before.getTime() > Date.now() ? [{ kind: ACTION_DUE_REMINDER, ref: id, fireAt: at.before }] : []),
      ...(created || at.after.getTime() > Date.now() ? [{ kind: ACTION_OVERDUE_REMINDER, ref: id, fireAt: at.after }] : []),
    ]);
  }

  /**
   * Done or dropped (or open again) by the owner's manager; the reminders
   * stop once it is not open. The person who carries it, as a team user
   * (a member, a board member...), may mark it done as from the email's
   * link, and take back their own "done"; dropping or reopening another's
   * decision stays with the owner's managers.
   */
  async setStatus(id: string, status: ActionItemStatus): Promise<ActionItem> {
    const [item] = await this.db.tenantRows<{
      ownerKind: string;
      ownerId: string;
      userId: string | null;
      status: ActionItemStatus;
      statusBy: string | null;
    }>(
      `SELECT owner_kind AS "ownerKind", owner_id AS "ownerId", user_id AS "userId", status, status_by AS "statusBy"
       FROM action_items WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!item) throw AppError.notFound(NOT_FOUND);
    const me = requirePrincipal().userId;
    const mine = item.userId !== null && item.userId === me;
    const byAssignee =
      mine &&
      (item.status === status ||
        (item.status === ActionItemStatus.OPEN && status === ActionItemStatus.DONE) ||
        (item.status === ActionItemStatus.DONE && item.statusBy === me && status === ActionItemStatus.OPEN));
    if (!byAssignee) {
      try {
        await this.owners.get(item.ownerKind).requireManager(item.ownerId);
      } catch (err) {
        // The person's own item: say what they may do rather than a bare refusal.
        if (mine && err instanceof AppError && err.code === ErrorCode.FORBIDDEN)
          throw AppError.forbidden(
            "Vous pouvez marquer comme faite une action qui vous est confiée ; l'abandonner ou la rouvrir revient à l'équipe et aux référents du groupe.",
          );
        throw err;
      }
    }
    // Asked twice (two tabs, a double click): the first date and author stay.
    if (item.status !== status) await this.mark(id, status, me);
    return this.get(id);
  }

  /**
   * The status change itself (the item is not already in that status): the
   * reminders stop when it is done or dropped, and those still to come are
   * scheduled again when it is reopened.
   */
  async mark(id: string, status: ActionItemStatus, by: string | null): Promise<void> {
    const [row] = await this.db.tenantRows<{ dueOn: string }>(
      `UPDATE action_items SET status = $3, status_at = CASE WHEN $3 = 'open' THEN NULL ELSE now() END, status_by = CASE WHEN $3 = 'open' THEN NULL ELSE $4::uuid END
       WHERE tenant_id = $1 AND id = $2 RETURNING to_char(due_on, 'YYYY-MM-DD') AS "dueOn"`,
      [requireTenantId(), id, status, by],
    );
    if (!row) return;
    if (status === ActionItemStatus.OPEN) {
      await this.scheduleReminders(id, row.dueOn, false);
    } else {
      await this.reminders.cancel(ACTION_DUE_REMINDER, id);
      await this.reminders.cancel(ACTION_OVERDUE_REMINDER, id);
    }
  }

  private async get(id: string): Promise<ActionItem> {
    const [row] = await this.db.tenantRows<ActionItemRow>(
      `SELECT ${ACTION_COLUMNS} FROM action_items a WHERE a.tenant_id = $1 AND a.id = $2`,
      [requireTenantId(), id],
    );
    if (!row) throw AppError.notFound(NOT_FOUND);
    return forCaller(row);
  }
}

/** A real day of the calendar written YYYY-MM-DD (not 2031-02-30), between the years 2000 and 2100. */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
