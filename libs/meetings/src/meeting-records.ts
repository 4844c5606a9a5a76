import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingOwners, OwnerInvitee } from './meeting-owners';
import { InvitedPerson, MeetingPeople } from './meeting-people';

const NOT_FOUND = 'Réunion introuvable.';

/** A meeting held, as its owner records it afterwards. */
export interface HeldMeeting {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
}

/**
 * Meetings recorded after the fact (a workshop entered once held): the
 * meeting's rows with who took part and how many guests (people the CPTS does
 * not know by name), so the participation figures count it like any meeting
 * held. Nobody is emailed and no reminder is scheduled: it is over. The
 * owner's manager does it, in the caller's transaction.
 */
@Injectable()
export class MeetingRecords {
  constructor(
    private readonly db: Db,
    private readonly owners: MeetingOwners,
    private readonly people: MeetingPeople,
  ) {}

  /** A new meeting of the owner, already held: the attendees invited and present, the guests counted. Returns its id. */
  async recordHeld(owner: { kind: string; id: string }, held: HeldMeeting, attendees: OwnerInvitee[], guestCount: number): Promise<string> {
    const manager = this.owners.get(owner.kind);
    await manager.requireManager(owner.id);
    const described = await manager.describe(owner.id);
    if (!described) throw AppError.notFound('Introuvable.');
    if (held.startsAt.getTime() > Date.now())
      throw AppError.field('startsAt', "Cette réunion n'a pas encore eu lieu : elle s'enregistre une fois tenue.");
    checkGuests(guestCount);
    const tenantId = requireTenantId();
    const id = randomUUID();
    const userId = requirePrincipal().userId;
    await this.db.tenantRows(
      `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, guest_count, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        tenantId,
        id,
        owner.kind,
        owner.id,
        described.name,
        described.frame,
        held.title,
        held.startsAt,
        held.endsAt,
        held.place,
        guestCount,
        userId,
      ],
    );
    await this.addPresent(id, await this.people.of(attendees));
    return id;
  }

  /**
   * A meeting of the owner scheduled beforehand, now held: the attendees
   * present (invited now if they were not), every other invitee absent
   * unless excused, the guests counted.
   */
  async markHeld(meetingId: string, owner: { kind: string; id: string }, attendees: OwnerInvitee[], guestCount: number): Promise<void> {
    await this.owners.get(owner.kind).requireManager(owner.id);
    const tenantId = requireTenantId();
    const [m] = await this.db.tenantRows<{ status: string; started: boolean }>(
      `SELECT status, starts_at <= now() AS started FROM meetings WHERE tenant_id = $1 AND id = $2 AND owner_kind = $3 AND owner_id = $4 FOR UPDATE`,
      [tenantId, meetingId, owner.kind, owner.id],
    );
    if (!m) throw AppError.notFound(NOT_FOUND);
    if (m.status === 'cancelled') throw AppError.conflict('Cette réunion a été annulée.');
    if (!m.started) throw AppError.conflict("Cette réunion n'a pas encore eu lieu : elle s'enregistre une fois tenue.");
    checkGuests(guestCount);
    const people = await this.people.of(attendees);
    await this.addPresent(meetingId, people);
    await this.db.tenantRows(
      `UPDATE meeting_invitees i SET attendance = CASE
         WHEN coalesce(i.professional_id = ANY($3::uuid[]), false) OR coalesce(i.user_id = ANY($4::uuid[]), false) THEN 'present'
         WHEN i.attendance = 'excused' THEN 'excused' ELSE 'absent' END
       WHERE i.tenant_id = $1 AND i.meeting_id = $2`,
      [
        tenantId,
        meetingId,
        people.flatMap((p) => (p.professionalId ? [p.professionalId] : [])),
        people.flatMap((p) => (p.userId ? [p.userId] : [])),
      ],
    );
    await this.db.tenantRows(`UPDATE meetings SET guest_count = $3, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      meetingId,
      guestCount,
      requirePrincipal().userId,
    ]);
  }

  /**
   * Withdraws the record of a meeting held (the work it recorded was removed):
   * cancelled, so the figures no longer count it, without telling anyone (it
   * is over: there is no calendar to update). Its rows stay for the history.
   */
  async withdraw(meetingId: string, owner: { kind: string; id: string }): Promise<void> {
    await this.owners.get(owner.kind).requireManager(owner.id);
    const rows = await this.db.tenantRows(
      `UPDATE meetings SET status = 'cancelled', cancelled_at = now(), updated_at = now(), updated_by = $5
       WHERE tenant_id = $1 AND id = $2 AND owner_kind = $3 AND owner_id = $4 AND status = 'scheduled' RETURNING id`,
      [requireTenantId(), meetingId, owner.kind, owner.id, requirePrincipal().userId],
    );
    if (rows.length === 0) throw AppError.notFound(NOT_FOUND);
  }

  /** Invites the people not invited yet, present (their address kept: the minutes reach them once sent). */
  private async addPresent(meetingId: string, people: InvitedPerson[]): Promise<void> {
    if (people.length === 0) return;
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, user_id, name, email, attendance)
       SELECT $1, gen_random_uuid(), $2, p.professional_id, p.user_id, p.name, p.email, 'present'
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS p(professional_id, user_id, name, email)
       WHERE NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.tenant_id = $1 AND i.meeting_id = $2
                           AND (i.professional_id = p.professional_id OR i.user_id = p.user_id))`,
      [
        tenantId,
        meetingId,
        people.map((p) => p.professionalId),
        people.map((p) => p.userId),
        people.map((p) => p.name),
        people.map((p) => p.email),
      ],
    );
  }
}

function checkGuests(guestCount: number): void {
  if (!Number.isSafeInteger(guestCount) || guestCount < 0 || guestCount > 10_000)
    throw AppError.field('guestCount', 'Le nombre de participants non nommés est un entier de 0 à 10 000.');
}
