import { Controller, Get, Header, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, Public, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { SECRET_PLACEHOLDER } from '@cpts/platform-mail';
import { DueReminder, ReminderDecision, ReminderHandler } from '@cpts/platform-reminders';
import { ActionItemStatus } from './action-item.types';
import { ACTION_DUE_REMINDER, ACTION_OVERDUE_REMINDER } from './action-items.service';
import { actionItemEmail } from './meeting-emails';
import { InviteeTarget, MeetingLinks } from './meeting-links';

const INVALID_LINK = "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier depuis le message.";

/** What the "mark done" page shows. */
export interface ActionItemView {
  cptsName: string;
  ownerName: string;
  title: string;
  assigneeName: string;
  dueOn: string;
  status: ActionItemStatus;
}

/**
 * The assignee's side of an action item, without login: the reminder's
 * signed link (action-item-done-v1, naming the CPTS and the item) reads the
 * item (GET changes nothing) and marks it done (POST), in a transaction of
 * its own confined to that CPTS; the reminders stop with it.
 */
@Injectable()
export class ActionItemLinksService {
  private readonly links: MeetingLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
  }

  view(token: string): Promise<ActionItemView> {
    return this.withItem(token, 'action-view', (target) => this.read(target));
  }

  done(token: string): Promise<ActionItemView> {
    return this.withItem(token, 'action-done', async (target) => {
      const item = await this.read(target);
      if (item.status === ActionItemStatus.DROPPED) throw AppError.conflict("Cette action a été abandonnée par l'équipe.");
      if (item.status === ActionItemStatus.OPEN) {
        await this.db.tenantRows(
          `UPDATE action_items SET status = 'done', status_at = now(), status_by = NULL WHERE tenant_id = $1 AND id = $2`,
          [target.tenantId, target.inviteeId],
        );
        await this.db.tenantRows(
          `UPDATE reminders SET state = 'cancelled', fired_at = now() WHERE tenant_id = $1 AND kind = ANY($2) AND ref = $3 AND state = 'scheduled'`,
          [target.tenantId, [ACTION_DUE_REMINDER, ACTION_OVERDUE_REMINDER], target.inviteeId],
        );
      }
      return this.read(target);
    });
  }

  private withItem<T>(token: string, label: string, fn: (target: InviteeTarget) => Promise<T>): Promise<T> {
    const target = this.links.readAction(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    return this.db.runApart({ tenantId: target.tenantId, label }, () => fn(target));
  }

  private async read(target: InviteeTarget): Promise<ActionItemView> {
    const [row] = await this.db.tenantRows<ActionItemView>(
      `SELECT t.name AS "cptsName", a.owner_name AS "ownerName", a.title, a.assignee_name AS "assigneeName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status
       FROM action_items a JOIN tenants t ON t.id = a.tenant_id WHERE a.tenant_id = $1 AND a.id = $2 FOR UPDATE OF a`,
      [target.tenantId, target.inviteeId],
    );
    if (!row) throw AppError.notFound("Cette action n'existe plus.");
    return row;
  }
}

/** /api/public/action-items/<token> (read) and /done: the assignee marks their item done from the reminder. */
@Controller('api/public/action-items')
export class ActionItemLinksController {
  constructor(private readonly items: ActionItemLinksService) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  item(@Param('token') token: string): Promise<ActionItemView> {
    return this.items.view(token);
  }

  @Post(':token/done')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  done(@Param('token') token: string): Promise<ActionItemView> {
    return this.items.done(token);
  }
}

/** An action item's reminder to its assignee, with the "mark done" link; nothing once it is done or dropped, or without an address. */
@Injectable()
abstract class ActionItemReminder implements ReminderHandler {
  abstract readonly kind: string;
  private readonly links: MeetingLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
  }

  async decide(reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    const [item] = await this.db.tenantRows<{
      title: string;
      ownerName: string;
      dueOn: string;
      status: string;
      email: string | null;
      cptsName: string;
      cptsSlug: string;
    }>(
      `SELECT a.title, a.owner_name AS "ownerName", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.assignee_email AS email, t.name AS "cptsName", t.slug AS "cptsSlug"
       FROM action_items a JOIN tenants t ON t.id = a.tenant_id WHERE a.tenant_id = $1 AND a.id = $2`,
      [tenantId, reminder.ref],
    );
    if (!item) return { send: false, reason: 'action supprimée' };
    if (item.status !== 'open') return { send: false, reason: item.status === 'done' ? 'action faite' : 'action abandonnée' };
    if (!item.email) return { send: false, reason: 'pas d’adresse e-mail' };
    // The token travels encrypted in the outbox until sent, like every emailed secret.
    const email = actionItemEmail({
      kind: this.kind === ACTION_DUE_REMINDER ? 'due' : 'overdue',
      ...item,
      doneUrl: this.links.actionUrl(item.cptsSlug, SECRET_PLACEHOLDER),
    });
    return { send: true, emails: [{ to: item.email, email, secret: this.links.actionToken({ tenantId, inviteeId: reminder.ref }) }] };
  }
}

@Injectable()
export class ActionItemDueReminder extends ActionItemReminder {
  readonly kind = ACTION_DUE_REMINDER;
}

@Injectable()
export class ActionItemOverdueReminder extends ActionItemReminder {
  readonly kind = ACTION_OVERDUE_REMINDER;
}
