import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingOwner, MeetingOwners, MeetingsService, OwnerInvitee } from '@cpts/meetings';
import { FicheReviewMeeting, PlanFicheReviewInput } from './fiche.types';
import { FichesService } from './fiches.service';

export const FICHE_OWNER = 'fiche_action';

/**
 * A fiche as the owner of meetings: its « réunions de revue », which prepare
 * the year's file. Seen by whoever reads the fiches (team, board), planned
 * and changed by the team; the fiche's responsible is invited by default;
 * its mission is the fiche's. A review meeting may cover several fiches: the
 * first owns it, fiche_review_meetings lists them all.
 */
@Injectable()
export class FicheMeetings implements MeetingOwner {
  readonly kind = FICHE_OWNER;

  constructor(
    owners: MeetingOwners,
    private readonly db: Db,
    private readonly fiches: FichesService,
    private readonly meetings: MeetingsService,
  ) {
    owners.register(this);
  }

  async describe(ficheId: string): Promise<{ name: string; frame: string } | null> {
    try {
      const row = await this.fiches.row(ficheId);
      return { name: `Fiche action « ${row.title} » (${row.year})`, frame: row.objective.trim().replace(/\s+/g, ' ').slice(0, 400) };
    } catch (err) {
      if (err instanceof AppError && (err.code === ErrorCode.NOT_FOUND || err.code === ErrorCode.FORBIDDEN)) return null;
      throw err;
    }
  }

  async requireManager(ficheId: string): Promise<void> {
    this.fiches.requireWriter();
    await this.fiches.row(ficheId);
  }

  async invitees(ficheId: string): Promise<OwnerInvitee[]> {
    const row = await this.fiches.row(ficheId);
    if (row.responsibleProfessionalId) return [{ professionalId: row.responsibleProfessionalId }];
    if (row.responsibleUserId) return [{ userId: row.responsibleUserId }];
    return [];
  }

  async missions(ficheIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.tenantRows<{ id: string; mission: string | null }>(
      `SELECT id, mission FROM fiches_action WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [requireTenantId(), [...ficheIds]],
    );
    return new Map(rows.filter((r) => r.mission).map((r) => [r.id, [r.mission!]]));
  }

  /** A review meeting for one or several fiches: a meeting of the meetings engine (invitations, reminders, minutes), with every fiche attached. */
  async plan(input: PlanFicheReviewInput): Promise<FicheReviewMeeting> {
    this.fiches.requireWriter();
    const fiches = await this.fiches.requireAll(input.ficheIds);
    const invitees = (await Promise.all(fiches.map((f) => this.invitees(f.id)))).flat();
    const professionalIds = [
      ...new Set([...invitees.flatMap((i) => ('professionalId' in i ? [i.professionalId] : [])), ...input.professionalIds]),
    ];
    const userInvitees = invitees.flatMap((i) => ('userId' in i ? [i] : []));
    if (professionalIds.length === 0 && userInvitees.length === 0)
      throw AppError.field('professionalIds', 'Personne à inviter : choisissez des participants ou un responsable pour la fiche.');
    const meeting = await this.meetings.schedule({
      ...input,
      ownerKind: FICHE_OWNER,
      ownerId: fiches[0].id,
      // The first fiche's responsible comes through invitees(); the others' are added by id.
      inviteOwnerMembers: true,
      professionalIds: professionalIds.filter((id) => !invitees.slice(0, 1).some((i) => 'professionalId' in i && i.professionalId === id)),
    } as Parameters<MeetingsService['schedule']>[0]);
    await this.db.tenantRows(
      `INSERT INTO fiche_review_meetings (tenant_id, meeting_id, fiche_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [requireTenantId(), meeting.id, fiches.map((f) => f.id)],
    );
    return (await this.ofMeetings([meeting.id]))[0];
  }

  /** The review meetings of a fiche, the coming ones first. */
  async ofFiche(ficheId: string): Promise<FicheReviewMeeting[]> {
    const ids = await this.db.tenantRows<{ id: string }>(
      `SELECT r.meeting_id AS id FROM fiche_review_meetings r JOIN meetings m ON m.tenant_id = r.tenant_id AND m.id = r.meeting_id
       WHERE r.tenant_id = $1 AND r.fiche_id = $2 ORDER BY m.starts_at DESC`,
      [requireTenantId(), ficheId],
    );
    return this.ofMeetings(ids.map((r) => r.id));
  }

  private async ofMeetings(ids: string[]): Promise<FicheReviewMeeting[]> {
    return this.db.tenantRows<FicheReviewMeeting>(
      `SELECT m.id, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.status,
              (SELECT array_agg(r.fiche_id ORDER BY r.fiche_id) FROM fiche_review_meetings r WHERE r.tenant_id = m.tenant_id AND r.meeting_id = m.id) AS "ficheIds"
       FROM meetings m WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) ORDER BY m.starts_at DESC`,
      [requireTenantId(), ids],
    );
  }
}
