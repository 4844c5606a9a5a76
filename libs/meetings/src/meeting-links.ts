import type { MailEnv } from '@cpts/platform-config';
import { cptsPagePath } from '@cpts/platform-core';
import { bytesUuid, LinkSigner, senderOf, uuidBytes } from '@cpts/platform-mail';

/** What a meeting link names: one invitee of one meeting, in one CPTS. */
export interface InviteeTarget {
  tenantId: string;
  inviteeId: string;
}

const REPLY = 'meeting-reply-v1';
const POLL = 'meeting-poll-v1';
const ACTION = 'action-item-done-v1';

/**
 * The login-free addresses of one invitation: the reply page (present,
 * absent, excused) and the .ics of the event. The token carries the CPTS and
 * the invitee (32 bytes) and a MAC of its own kind: it names one person of
 * one meeting and cannot be forged, nor turned into another kind of link.
 * Nothing is stored per link; an invitee removed, a meeting cancelled or
 * past, and the link says so.
 */
export class MeetingLinks {
  private readonly appUrl: string;

  static fromEnv(mail: MailEnv): MeetingLinks {
    return new MeetingLinks(new LinkSigner(mail.LINK_SECRET), mail.APP_URL);
  }

  constructor(
    private readonly signer: LinkSigner,
    appUrl: string,
  ) {
    this.appUrl = appUrl.replace(/\/+$/, '');
  }

  /** A meeting invitee's token. */
  token(target: InviteeTarget): string {
    return this.sign(REPLY, target);
  }

  read(token: string): InviteeTarget | null {
    return this.verify(REPLY, token);
  }

  /** A poll invitee's token: another kind, so neither can stand for the other. */
  pollToken(target: InviteeTarget): string {
    return this.sign(POLL, target);
  }

  readPoll(token: string): InviteeTarget | null {
    return this.verify(POLL, token);
  }

  /** The poll's answer page, under the CPTS's address. */
  pollUrl(cptsSlug: string, token: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'sondages', token)}`;
  }

  /** An action item's token (its `inviteeId` is the item's id): "mark done" from the reminder. */
  actionToken(target: InviteeTarget): string {
    return this.sign(ACTION, target);
  }

  readAction(token: string): InviteeTarget | null {
    return this.verify(ACTION, token);
  }

  actionUrl(cptsSlug: string, token: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'actions', token)}`;
  }

  private sign(kind: string, target: InviteeTarget): string {
    return this.signer.sign(kind, Buffer.concat([uuidBytes(target.tenantId), uuidBytes(target.inviteeId)]));
  }

  private verify(kind: string, token: string): InviteeTarget | null {
    const payload = this.signer.verify(kind, token);
    if (!payload || payload.length !== 32) return null;
    return { tenantId: bytesUuid(payload.subarray(0, 16)), inviteeId: bytesUuid(payload.subarray(16, 32)) };
  }

  /** The reply page, under the CPTS's address. */
  replyUrl(cptsSlug: string, token: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'reunions', token)}`;
  }

  /** The event as a file, for "add to my calendar". */
  calendarUrl(token: string): string {
    return `${this.appUrl}/api/public/meetings/${token}/invitation.ics`;
  }
}

/** The address calendars show as the event's organizer: the platform's sender (MAIL_FROM). */
export const organizerEmail = (mail: MailEnv) => senderOf(mail.MAIL_FROM).address;

/** The agenda of meeting `m` (an alias in the caller's statement) as a JSON array, in order. */
export const agendaJson = (m: string) =>
  `coalesce((SELECT json_agg(json_build_object('title', a.title, 'durationMinutes', a.duration_minutes, 'presenter', a.presenter) ORDER BY a.position)
            FROM meeting_agenda_items a WHERE a.tenant_id = ${m}.tenant_id AND a.meeting_id = ${m}.id), '[]')`;
