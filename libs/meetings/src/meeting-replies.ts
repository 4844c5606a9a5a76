import { Body, Controller, Get, Header, HttpCode, Injectable, Param, Post, Res } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, ErrorCode, Public } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LINK_NOT_FOUND, sendLinkPage } from '@cpts/platform-mail';
import type { FastifyReply } from 'fastify';
import { meetingCalendar } from './meeting-calendar';
import { agendaJson, InviteeTarget, MeetingLinks, organizerEmail } from './meeting-links';
import { MeetingReply } from './meeting.types';

const INVALID_LINK = "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier depuis le message.";
const REPLIES: readonly string[] = Object.values(MeetingReply);

/** What the reply page shows: the meeting as the invitation said it, and the person's answer so far. */
export interface InvitationView {
  cptsName: string;
  ownerName: string;
  frame: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoUrl: string | null;
  agenda: Array<{ title: string; durationMinutes: number | null; presenter: string | null }>;
  inviteeName: string;
  reply: MeetingReply | null;
  /** Why the person can no longer answer (cancelled, over), in French; null while they can. */
  closed: string | null;
}

interface InvitationRow extends Omit<InvitationView, 'closed'> {
  id: string;
  tenantId: string;
  status: string;
  over: boolean;
  sequence: number;
}

/**
 * The invitee's side of an invitation, without login: the signed link names
 * one invitee of one meeting in one CPTS, and each use runs in a
 * transaction of its own confined to that CPTS. Reading changes nothing (a
 * mail scanner opening the link answers nothing); only the person's POST
 * records an answer, until the meeting starts or is cancelled.
 */
@Injectable()
export class MeetingRepliesService {
  private readonly links: MeetingLinks;
  private readonly organizerEmail: string;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
    this.organizerEmail = organizerEmail(mail);
  }

  view(token: string): Promise<InvitationView> {
    return this.withInvitation(token, 'meeting-reply-view', async (row) => view(row));
  }

  reply(token: string, body: unknown): Promise<InvitationView> {
    const answer = body && typeof body === 'object' ? (body as { reply?: unknown }).reply : undefined;
    if (typeof answer !== 'string' || !REPLIES.includes(answer))
      throw AppError.field('reply', 'Choisissez : présent·e, absent·e ou excusé·e.');
    return this.withInvitation(token, 'meeting-reply', async (row, target) => {
      const closed = view(row).closed;
      if (closed) throw AppError.conflict(closed);
      await this.db.tenantRows(`UPDATE meeting_invitees SET reply = $3, replied_at = now() WHERE tenant_id = $1 AND id = $2`, [
        target.tenantId,
        target.inviteeId,
        answer,
      ]);
      return view({ ...row, reply: answer as MeetingReply });
    });
  }

  /** The event as it stands (REQUEST, or CANCEL once cancelled), for "add to my calendar". */
  calendar(token: string): Promise<string> {
    return this.withInvitation(
      token,
      'meeting-calendar',
      async (row) =>
        meetingCalendar({ ...row, cancelled: row.status === 'cancelled' }, { name: row.cptsName, email: this.organizerEmail }).ics,
    );
  }

  private withInvitation<T>(token: string, label: string, fn: (row: InvitationRow, target: InviteeTarget) => Promise<T>): Promise<T> {
    const target = this.links.read(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    return this.db.runApart({ tenantId: target.tenantId, label }, async () => {
      const [row] = await this.db.tenantRows<InvitationRow>(
        `SELECT m.id, m.tenant_id AS "tenantId", t.name AS "cptsName", m.owner_name AS "ownerName", m.frame, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
                m.place, m.video_url AS "videoUrl", m.status, m.sequence, m.starts_at <= now() AS over, i.name AS "inviteeName", i.reply,
                ${agendaJson('m')} AS agenda
         FROM meeting_invitees i JOIN meetings m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id JOIN tenants t ON t.id = m.tenant_id
         WHERE i.tenant_id = $1 AND i.id = $2 FOR UPDATE OF i`,
        [target.tenantId, target.inviteeId],
      );
      // An invitee removed since: the link names no one any more.
      if (!row) throw AppError.notFound("Cette invitation n'existe plus : la CPTS l'a retirée.");
      return fn(row, target);
    });
  }
}

function view(row: InvitationRow): InvitationView {
  const closed =
    row.status === 'cancelled'
      ? 'Cette réunion a été annulée.'
      : row.over
        ? 'Cette réunion a commencé : la réponse n’est plus possible.'
        : null;
  const { cptsName, ownerName, frame, title, startsAt, endsAt, place, videoUrl, agenda, inviteeName, reply } = row;
  return { cptsName, ownerName, frame, title, startsAt, endsAt, place, videoUrl, agenda, inviteeName, reply, closed };
}

/**
 * The reply page's API (/api/public/meetings/<token>: read, answer) and the
 * event's file. Under /api/public/, so limited per client address.
 */
@Controller('api/public/meetings')
export class MeetingRepliesController {
  constructor(private readonly replies: MeetingRepliesService) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  invitation(@Param('token') token: string): Promise<InvitationView> {
    return this.replies.view(token);
  }

  @Post(':token/reply')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  answer(@Param('token') token: string, @Body() body: unknown): Promise<InvitationView> {
    return this.replies.reply(token, body);
  }

  /** Opened from the email in a browser or a calendar: the file, or a French page when the link leads nowhere. */
  @Get(':token/invitation.ics')
  @Public()
  async ics(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      const ics = await this.replies.calendar(token);
      await reply
        .header('cache-control', 'no-store')
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="reunion.ics"')
        .send(ics);
    } catch (err) {
      if (!(err instanceof AppError && err.code === ErrorCode.NOT_FOUND)) throw err;
      await sendLinkPage(reply.header('cache-control', 'no-store'), 404, LINK_NOT_FOUND);
    }
  }
}
