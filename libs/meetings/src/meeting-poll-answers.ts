import { Body, Controller, Get, Header, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, Public } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { InviteeTarget, MeetingLinks } from './meeting-links';
import { PollAnswer } from './meeting-poll.types';

const INVALID_LINK = "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier depuis le message.";
const ANSWERS: readonly string[] = Object.values(PollAnswer);

/** What the answer page shows: the poll, its slots, and the person's answers so far. */
export interface PollView {
  cptsName: string;
  ownerName: string;
  frame: string;
  title: string;
  place: string | null;
  videoUrl: string | null;
  inviteeName: string;
  slots: Array<{ id: string; startsAt: Date; endsAt: Date }>;
  answers: Array<{ slotId: string; answer: PollAnswer }>;
  /** Why the person can no longer answer (closed), in French; null while they can. */
  closed: string | null;
}

/**
 * The invitee's side of a scheduling poll, without login: the signed link
 * (its own kind, meeting-poll-v1) names one invitee of one poll in one CPTS;
 * each use runs in a transaction of its own confined to that CPTS. Reading
 * changes nothing; the person's POST replaces their answers, until the poll
 * is closed.
 */
@Injectable()
export class MeetingPollAnswersService {
  private readonly links: MeetingLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
  }

  view(token: string): Promise<PollView> {
    return this.withInvitee(token, 'poll-view', (target) => this.read(target));
  }

  answer(token: string, body: unknown): Promise<PollView> {
    const given = body && typeof body === 'object' ? (body as { answers?: unknown }).answers : undefined;
    if (!Array.isArray(given) || given.length > 30) throw AppError.field('answers', 'Réponses illisibles : rechargez la page.');
    const answers = given.map((a) => (a && typeof a === 'object' ? (a as { slotId?: unknown; answer?: unknown }) : {}));
    if (answers.some((a) => typeof a.slotId !== 'string' || typeof a.answer !== 'string' || !ANSWERS.includes(a.answer))) {
      throw AppError.field('answers', 'Pour chaque créneau : oui, si besoin ou non.');
    }
    return this.withInvitee(token, 'poll-answer', async (target) => {
      const current = await this.read(target);
      if (current.closed) throw AppError.conflict(current.closed);
      const slotIds = answers.map((a) => a.slotId as string);
      if (new Set(slotIds).size !== slotIds.length || slotIds.some((id) => !current.slots.some((s) => s.id === id))) {
        throw AppError.field('answers', "Un des créneaux n'est pas (ou plus) dans ce sondage : rechargez la page.");
      }
      await this.db.tenantRows(`DELETE FROM meeting_poll_answers WHERE tenant_id = $1 AND invitee_id = $2`, [
        target.tenantId,
        target.inviteeId,
      ]);
      await this.db.tenantRows(
        `INSERT INTO meeting_poll_answers (tenant_id, invitee_id, slot_id, answer) SELECT $1, $2, s, a FROM unnest($3::uuid[], $4::text[]) AS x(s, a)`,
        [target.tenantId, target.inviteeId, slotIds, answers.map((a) => a.answer)],
      );
      await this.db.tenantRows(`UPDATE meeting_poll_invitees SET answered_at = now() WHERE tenant_id = $1 AND id = $2`, [
        target.tenantId,
        target.inviteeId,
      ]);
      return this.read(target);
    });
  }

  private withInvitee<T>(token: string, label: string, fn: (target: InviteeTarget) => Promise<T>): Promise<T> {
    const target = this.links.readPoll(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    return this.db.runApart({ tenantId: target.tenantId, label }, () => fn(target));
  }

  private async read(target: InviteeTarget): Promise<PollView> {
    const [row] = await this.db.tenantRows<Omit<PollView, 'closed'> & { status: string }>(
      `SELECT t.name AS "cptsName", p.owner_name AS "ownerName", p.frame, p.title, p.place, p.video_url AS "videoUrl", p.status, i.name AS "inviteeName",
              (SELECT json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at) ORDER BY s.starts_at, s.ends_at)
               FROM meeting_poll_slots s WHERE s.tenant_id = p.tenant_id AND s.poll_id = p.id) AS slots,
              coalesce((SELECT json_agg(json_build_object('slotId', a.slot_id, 'answer', a.answer)) FROM meeting_poll_answers a WHERE a.tenant_id = i.tenant_id AND a.invitee_id = i.id), '[]') AS answers
       FROM meeting_poll_invitees i JOIN meeting_polls p ON p.tenant_id = i.tenant_id AND p.id = i.poll_id JOIN tenants t ON t.id = p.tenant_id
       WHERE i.tenant_id = $1 AND i.id = $2`,
      [target.tenantId, target.inviteeId],
    );
    if (!row) throw AppError.notFound("Ce sondage n'existe plus.");
    const { status, ...view } = row;
    return { ...view, closed: status === 'open' ? null : 'Ce sondage est clos : la date de la réunion a été choisie.' };
  }
}

/** The poll's answer page API: /api/public/meeting-polls/<token> (read) and /answers (the person's answers). Limited per client address, as all of /api/public/. */
@Controller('api/public/meeting-polls')
export class MeetingPollAnswersController {
  constructor(private readonly answers: MeetingPollAnswersService) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  poll(@Param('token') token: string): Promise<PollView> {
    return this.answers.view(token);
  }

  @Post(':token/answers')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  answer(@Param('token') token: string, @Body() body: unknown): Promise<PollView> {
    return this.answers.answer(token, body);
  }
}
