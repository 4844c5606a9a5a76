import { Injectable } from '@nestjs/common';
import { Args, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, AppError, CPTS_TEAM, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingOwners } from './meeting-owners';

@ObjectType()
export class MeetingAttendanceFigures {
  @Field(() => ID) meetingId: string;
  @Field() title: string;
  @Field() ownerKind: string;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field(() => GraphQLISODateTime) startsAt: Date;
  @Field(() => Int) invited: number;
  @Field(() => Int, { description: 'Present in the room or by video, guests included.' }) participants: number;
  @Field(() => Int, { description: 'Took part without being known by name (the public of a workshop): counted, not named.' })
  guests: number;
  @Field(() => Int) excused: number;
  @Field(() => Int) absent: number;
}

@ObjectType()
export class ProfessionParticipation {
  @Field() professionCode: string;
  @Field(() => Int, { description: 'Distinct people of the profession who took part in at least one meeting.' }) people: number;
  @Field(() => Int, { description: 'Their attendances, meeting by meeting.' }) attendances: number;
}

@ObjectType()
export class MissionParticipation {
  @Field({ description: 'An ACI mission of the meetings’ owners (a meeting counts for each mission of its owner).' }) mission: string;
  @Field(() => Int) meetings: number;
  @Field(() => Int) attendances: number;
}

@ObjectType()
export class PersonParticipation {
  @Field(() => ID) professionalId: string;
  @Field() name: string;
  @Field() professionCode: string;
  @Field(() => Int) attendances: number;
}

@ObjectType({
  description:
    "A year's participation in the CPTS's meetings (held, not cancelled): the figures the regional dashboards and the dialogue de gestion read.",
})
export class MeetingParticipation {
  @Field(() => Int) year: number;
  @Field(() => Int) meetings: number;
  @Field(() => Int, { description: "The meetings' participants added up, guests included." }) attendances: number;
  @Field(() => Int, { description: 'Distinct people (directory and team) present at least once; guests, not being known, are not in it.' })
  people: number;
  @Field(() => [MeetingAttendanceFigures]) perMeeting: MeetingAttendanceFigures[];
  @Field(() => [PersonParticipation], { description: 'Professionals of the directory, most present first.' })
  perProfessional: PersonParticipation[];
  @Field(() => [ProfessionParticipation]) perProfession: ProfessionParticipation[];
  @Field(() => [MissionParticipation]) perMission: MissionParticipation[];
}

/** Attendance counted "present" for the figures: in the room or by video. */
const TOOK_PART = `i.attendance IN ('present', 'video')`;

/** The year's meetings and who took part, per meeting, professional, profession and ACI mission (Europe/Paris years). */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly db: Db,
    private readonly owners: MeetingOwners,
  ) {}

  async year(year: number): Promise<MeetingParticipation> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw AppError.field('year', 'Année invalide.');
    const tenantId = requireTenantId();
    const inYear = `m.tenant_id = $1 AND m.status = 'scheduled' AND m.starts_at <= now() AND extract(year FROM m.starts_at AT TIME ZONE 'Europe/Paris') = $2`;
    const perMeeting = await this.db.tenantRows<MeetingAttendanceFigures>(
      `SELECT m.id AS "meetingId", m.title, m.owner_kind AS "ownerKind", m.owner_id AS "ownerId", m.owner_name AS "ownerName", m.starts_at AS "startsAt",
              count(i.id)::int AS invited, count(i.id) FILTER (WHERE ${TOOK_PART})::int + m.guest_count AS participants, m.guest_count AS guests,
              count(i.id) FILTER (WHERE i.attendance = 'excused')::int AS excused, count(i.id) FILTER (WHERE i.attendance = 'absent')::int AS absent
       FROM meetings m LEFT JOIN meeting_invitees i ON i.tenant_id = m.tenant_id AND i.meeting_id = m.id
       WHERE ${inYear} GROUP BY m.tenant_id, m.id ORDER BY m.starts_at, m.id`,
      [tenantId, year],
    );
    const perProfessional = await this.db.tenantRows<PersonParticipation>(
      `SELECT p.id AS "professionalId", p.last_name || ' ' || p.first_name AS name, p.profession_code AS "professionCode", count(*)::int AS attendances
       FROM meetings m JOIN meeting_invitees i ON i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND ${TOOK_PART}
       JOIN professionals p ON p.tenant_id = i.tenant_id AND p.id = i.professional_id
       WHERE ${inYear} GROUP BY p.tenant_id, p.id ORDER BY attendances DESC, name, p.id`,
      [tenantId, year],
    );
    const [people] = await this.db.tenantRows<{ n: number }>(
      `SELECT count(DISTINCT coalesce(i.professional_id, i.user_id))::int AS n FROM meetings m JOIN meeting_invitees i ON i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND ${TOOK_PART} WHERE ${inYear}`,
      [tenantId, year],
    );
    const professions = new Map<string, ProfessionParticipation>();
    for (const p of perProfessional) {
      const entry = professions.get(p.professionCode) ?? { professionCode: p.professionCode, people: 0, attendances: 0 };
      entry.people += 1;
      entry.attendances += p.attendances;
      professions.set(p.professionCode, entry);
    }
    const missions = new Map<string, MissionParticipation>();
    for (const owner of this.owners.all()) {
      const mine = perMeeting.filter((m) => m.ownerKind === owner.kind);
      if (mine.length === 0) continue;
      const byOwner = await owner.missions([...new Set(mine.map((m) => m.ownerId))]);
      for (const m of mine) {
        for (const mission of byOwner.get(m.ownerId) ?? []) {
          const entry = missions.get(mission) ?? { mission, meetings: 0, attendances: 0 };
          entry.meetings += 1;
          entry.attendances += m.participants;
          missions.set(mission, entry);
        }
      }
    }
    return {
      year,
      meetings: perMeeting.length,
      attendances: perMeeting.reduce((n, m) => n + m.participants, 0),
      people: people.n,
      perMeeting,
      perProfessional,
      perProfession: [...professions.values()].sort(
        (a, b) => b.attendances - a.attendances || a.professionCode.localeCompare(b.professionCode),
      ),
      perMission: [...missions.values()].sort((a, b) => a.mission.localeCompare(b.mission)),
    };
  }
}

@Resolver()
export class ParticipationResolver {
  constructor(private readonly participation: ParticipationService) {}

  @Query(() => MeetingParticipation, { description: "The year's participation in the CPTS's meetings held (Europe/Paris)." })
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  meetingParticipation(@Args('year', { type: () => Int }) year: number): Promise<MeetingParticipation> {
    return this.participation.year(year);
  }
}
