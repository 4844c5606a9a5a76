import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingsService } from '@cpts/meetings';
import { CampaignSegmentInput, normalizeSegment, SegmentAudience } from '@cpts/platform-persons';

/** Someone a survey may be sent to. */
export interface AudiencePerson {
  professionalId: string | null;
  userId: string | null;
  name: string;
  email: string;
}

/**
 * Who a survey goes to. A segment: the people mailing's audience reaches for
 * professional information (pro_newsletter: a CPTS asking its professionals
 * about its work is that purpose; the same consent rule and suppressed
 * addresses as a newsletter). A meeting: its participants, the invitees with
 * an address who were not recorded absent or excused (before the meeting,
 * those who did not decline), read here from the meetings engine's table
 * after MeetingsService.get has checked the caller may see the meeting.
 */
@Injectable()
export class SurveyAudiences {
  constructor(
    private readonly db: Db,
    private readonly segments: SegmentAudience,
    private readonly meetings: MeetingsService,
  ) {}

  async ofSegment(input: CampaignSegmentInput): Promise<{ label: string; people: AudiencePerson[] }> {
    const people = await this.segments.reachable(normalizeSegment(input), 'pro_newsletter');
    return {
      label: "Segment de l'annuaire",
      people: people.map((p) => ({ professionalId: p.id, userId: null, name: p.name, email: p.email })),
    };
  }

  async ofMeeting(meetingId: string): Promise<{ label: string; people: AudiencePerson[] }> {
    const meeting = await this.meetings.get(meetingId);
    const people = await this.db.tenantRows<AudiencePerson>(
      `SELECT professional_id AS "professionalId", user_id AS "userId", name, lower(btrim(email)) AS email
       FROM meeting_invitees
       WHERE tenant_id = $1 AND meeting_id = $2 AND nullif(btrim(email), '') IS NOT NULL
         AND coalesce(attendance, CASE WHEN reply IN ('absent', 'excused') THEN reply END, 'present') IN ('present', 'video')
       ORDER BY lower(name), id`,
      [requireTenantId(), meeting.id],
    );
    return { label: `Participants de la réunion « ${meeting.title} »`.slice(0, 300), people };
  }
}
