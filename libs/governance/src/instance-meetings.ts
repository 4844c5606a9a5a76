import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, hasRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { COLLEGE_LABELS_FR } from '@cpts/platform-reference';
import { MeetingOwner, MeetingOwners, MeetingsService, OwnerInvitee } from '@cpts/meetings';
import { appendAudit } from './audit-chain';
import { nextRegisterNumber } from './decision-closing';
import { DecisionsService } from './decisions.service';
import { Decision, InstanceKind, MeetingProxy, MeetingQuorum, SessionVoteInput } from './governance.types';
import { HELD_ON, InstancesService, PARIS_TODAY, PARIS_YEAR, statutesOf } from './instances.service';
import { Elector, noticeRespected, outcomeOf, Statutes } from './statutes';

export const INSTANCE_OWNER = 'governance_instance';

/**
 * An instance as the owner of meetings (the bureau, the CA, the AG, a
 * commission): the meetings module convenes, reminds, takes attendance and
 * publishes the minutes; governance adds the AG's notice period, the
 * proxies counted in a live quorum, the votes recorded in session (entered
 * into the same register as the written ones) and the approval of a
 * meeting's minutes (procès-verbal) at a later meeting.
 */
@Injectable()
export class InstanceMeetings implements MeetingOwner {
  readonly kind = INSTANCE_OWNER;

  constructor(
    owners: MeetingOwners,
    private readonly db: Db,
    private readonly instances: InstancesService,
    private readonly meetings: MeetingsService,
    private readonly decisions: DecisionsService,
  ) {
    owners.register(this);
  }

  /** The team and the board see every instance's meetings; members see the AG's (they are convened to it). */
  async describe(instanceId: string): Promise<{ name: string; frame: string } | null> {
    const principal = requirePrincipal();
    const [row] = await this.db.tenantRows<{ name: string; kind: InstanceKind }>(
      `SELECT name, kind FROM governance_instances WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), instanceId],
    );
    if (!row) return null;
    if (!hasAnyRole(principal, [...CPTS_TEAM, Role.BOARD_MEMBER]) && !(row.kind === InstanceKind.AG && hasRole(principal, Role.MEMBER)))
      return null;
    return { name: row.name, frame: '' };
  }

  async requireManager(instanceId: string): Promise<void> {
    this.instances.requireTeam();
    await this.instances.row(instanceId);
  }

  async invitees(instanceId: string): Promise<OwnerInvitee[]> {
    const instance = await this.instances.row(instanceId);
    const rows =
      instance.kind === InstanceKind.AG
        ? await this.db.tenantRows<{ professionalId: string }>(
            `SELECT professional_id AS "professionalId" FROM memberships WHERE tenant_id = $1 AND year = ${PARIS_YEAR} AND status = 'active'`,
            [requireTenantId()],
          )
        : await this.db.tenantRows<{ professionalId: string }>(
            `SELECT DISTINCT professional_id AS "professionalId" FROM governance_mandates m WHERE tenant_id = $1 AND instance_id = $2 AND ${HELD_ON('m', PARIS_TODAY)}`,
            [requireTenantId(), instanceId],
          );
    return rows.map((r) => ({ professionalId: r.professionalId }));
  }

  async missions(): Promise<Map<string, string[]>> {
    return new Map();
  }

  /** The statutes' notice: an AG convened today for a date too close is refused. */
  async checkSchedule(instanceId: string, startsAt: Date): Promise<void> {
    const instance = await this.instances.row(instanceId);
    const statutes = statutesOf(instance.statutes);
    if (!noticeRespected(new Date(), startsAt, statutes))
      throw AppError.field(
        'startsAt',
        `Les statuts demandent ${statutes.noticeDays} jours de délai de convocation pour ${instance.name.toLowerCase().startsWith('assembl') ? "l'assemblée générale" : instance.name} : choisissez une date plus lointaine.`,
      );
  }

  /** Attendance and proxies against the electorate (the meeting's invitees), as they stand. */
  async quorum(meetingId: string): Promise<MeetingQuorum> {
    const { statutes } = await this.instanceOf(meetingId);
    const tenantId = requireTenantId();
    const [counts] = await this.db.tenantRows<{ electorate: number; present: number; represented: number }>(
      `SELECT count(*)::int AS electorate,
              count(*) FILTER (WHERE i.attendance IN ('present', 'video'))::int AS present,
              count(*) FILTER (WHERE coalesce(i.attendance, '') NOT IN ('present', 'video') AND EXISTS (
                SELECT 1 FROM governance_meeting_proxies p JOIN meeting_invitees h ON h.tenant_id = p.tenant_id AND h.id = p.holder_id
                WHERE p.tenant_id = i.tenant_id AND p.meeting_id = i.meeting_id AND p.giver_id = i.id AND h.attendance IN ('present', 'video')))::int AS represented
       FROM meeting_invitees i WHERE i.tenant_id = $1 AND i.meeting_id = $2`,
      [tenantId, meetingId],
    );
    const needed = Math.ceil(statutes.quorumShare * counts.electorate - 1e-9);
    return { ...counts, needed, met: counts.present + counts.represented >= needed, proxies: await this.proxies(meetingId) };
  }

  /** A proxy for the meeting, between two of its invitees, within the statutes' limit per holder. */
  async recordProxy(meetingId: string, giverId: string, holderId: string): Promise<MeetingQuorum> {
    this.instances.requireTeam();
    const { statutes } = await this.instanceOf(meetingId, true);
    const tenantId = requireTenantId();
    if (statutes.proxiesPerHolder === 0) throw AppError.conflict('Les statuts ne prévoient pas de pouvoir pour cette instance.');
    if (giverId === holderId) throw AppError.field('holderId', 'On ne se donne pas pouvoir à soi-même.');
    const invitees = await this.db.tenantRows<{ id: string }>(
      `SELECT id FROM meeting_invitees WHERE tenant_id = $1 AND meeting_id = $2 AND id = ANY($3::uuid[])`,
      [tenantId, meetingId, [giverId, holderId]],
    );
    if (invitees.length !== 2) throw AppError.field('holderId', 'Le pouvoir se donne entre deux personnes convoquées à cette réunion.');
    const [held] = await this.db.tenantRows<{ count: number; gave: boolean }>(
      `SELECT count(*) FILTER (WHERE holder_id = $3 AND giver_id <> $4)::int AS count, bool_or(giver_id = $3) AS gave
       FROM governance_meeting_proxies WHERE tenant_id = $1 AND meeting_id = $2`,
      [tenantId, meetingId, holderId, giverId],
    );
    if (held.gave) throw AppError.conflict('Cette personne a elle-même donné pouvoir : elle ne peut pas en recevoir.');
    if (held.count >= statutes.proxiesPerHolder)
      throw AppError.conflict(
        `Cette personne détient déjà ${held.count} pouvoir${held.count > 1 ? 's' : ''} : les statuts en permettent ${statutes.proxiesPerHolder} au plus.`,
      );
    const [holds] = await this.db.tenantRows(
      `SELECT 1 FROM governance_meeting_proxies WHERE tenant_id = $1 AND meeting_id = $2 AND holder_id = $3`,
      [tenantId, meetingId, giverId],
    );
    if (holds) throw AppError.conflict('Cette personne détient un pouvoir : elle ne peut pas donner le sien.');
    await this.db.tenantRows(
      `INSERT INTO governance_meeting_proxies (tenant_id, meeting_id, giver_id, holder_id, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, meeting_id, giver_id) DO UPDATE SET holder_id = EXCLUDED.holder_id, recorded_at = now(), recorded_by = EXCLUDED.recorded_by`,
      [tenantId, meetingId, giverId, holderId, requirePrincipal().userId],
    );
    return this.quorum(meetingId);
  }

  async removeProxy(meetingId: string, giverId: string): Promise<MeetingQuorum> {
    this.instances.requireTeam();
    await this.instanceOf(meetingId, true);
    await this.db.tenantRows(`DELETE FROM governance_meeting_proxies WHERE tenant_id = $1 AND meeting_id = $2 AND giver_id = $3`, [
      requireTenantId(),
      meetingId,
      giverId,
    ]);
    return this.quorum(meetingId);
  }

  /**
   * A vote taken in session, entered as counts (per college where the
   * statutes ask for it): the quorum is the meeting's (attendance and
   * proxies), the majority the statutes'; the decision is closed at once and
   * numbered in the register, its chain saying it was recorded in session.
   */
  async recordSessionVote(input: SessionVoteInput): Promise<Decision> {
    this.instances.requireTeam();
    const meetingId = input.meetingId.toLowerCase();
    const { instanceId, statutes, kind } = await this.instanceOf(meetingId, true);
    const quorum = await this.quorum(meetingId);
    const voices = quorum.present + quorum.represented;
    const perCollege = statutes.perCollege && input.counts.some((c) => c.college);
    if (statutes.perCollege && kind === InstanceKind.AG && !perCollege)
      throw AppError.field('counts', 'Les statuts demandent les résultats par collège : saisissez les voix de chaque collège.');
    const total = input.counts.reduce((n, c) => n + c.for + c.against + c.abstain, 0);
    if (total > voices) throw AppError.field('counts', `Plus de voix (${total}) que de personnes présentes ou représentées (${voices}).`);
    // The count as electors: each voice given, then those present or represented who did not vote, then the absent.
    const electors: Elector[] = [];
    let n = 0;
    const add = (count: number, vote: Elector['vote'], college: string | null) => {
      for (let i = 0; i < count; i += 1) electors.push({ id: `e${(n += 1)}`, college, vote });
    };
    for (const c of input.counts) {
      add(c.for, 'for', perCollege ? c.college! : null);
      add(c.against, 'against', perCollege ? c.college! : null);
      add(c.abstain, 'abstain', perCollege ? c.college! : null);
    }
    if (perCollege) {
      const colleges = await this.inviteeColleges(meetingId, instanceId);
      const known = new Set(colleges.map((c) => c.college));
      const unknown = input.counts.find((c) => !c.college || !known.has(c.college));
      if (unknown)
        throw AppError.field(
          'counts',
          `Collège inconnu pour cette réunion : ${unknown.college ?? '(sans nom)'}. Collèges : ${[...known].join(', ')}.`,
        );
      for (const c of colleges) {
        const voted = input.counts.filter((x) => x.college === c.college).reduce((m, x) => m + x.for + x.against + x.abstain, 0);
        add(Math.max(0, c.count - voted), null, c.college);
      }
    } else {
      add(quorum.electorate - total, null, null);
    }
    // Quorum is the session's (attendance and proxies), already known: the majority is computed without it.
    const counted = outcomeOf(electors, { ...statutes, quorumShare: 0 });
    const result = quorum.met
      ? {
          ...counted,
          tally: {
            ...counted.tally,
            eligible: quorum.electorate,
            participating: voices,
            byProxy: quorum.represented,
            quorumNeeded: quorum.needed,
            quorumMet: true,
          },
        }
      : {
          ...counted,
          outcome: 'no_quorum' as const,
          tally: {
            ...counted.tally,
            eligible: quorum.electorate,
            participating: voices,
            byProxy: quorum.represented,
            quorumNeeded: quorum.needed,
            quorumMet: false,
          },
        };
    const [agenda] =
      input.agendaPosition === null || input.agendaPosition === undefined
        ? [null]
        : await this.db.tenantRows(`SELECT 1 FROM meeting_agenda_items WHERE tenant_id = $1 AND meeting_id = $2 AND position = $3`, [
            requireTenantId(),
            meetingId,
            input.agendaPosition,
          ]);
    if (input.agendaPosition !== null && input.agendaPosition !== undefined && !agenda)
      throw AppError.field('agendaPosition', "Ce point n'est pas à l'ordre du jour de la réunion.");
    const tenantId = requireTenantId();
    const id = randomUUID();
    const { year, seq } = await nextRegisterNumber(this.db);
    await this.db.tenantRows(
      `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, question, options, status, statutes, opened_at, opened_by, closed_at, closed_because,
                                         outcome, result, register_year, register_seq, meeting_id, agenda_position, created_by, updated_by)
       VALUES ($1, $2, $3, 'session', $4, $5, ARRAY['for', 'against', 'abstain'], 'closed', $6, now(), $7, now(), 'session', $8, $9, $10, $11, $12, $13, $7, $7)`,
      [
        tenantId,
        id,
        instanceId,
        input.title,
        input.question,
        JSON.stringify(statutes),
        requirePrincipal().userId,
        result.outcome,
        JSON.stringify(result),
        year,
        seq,
        meetingId,
        input.agendaPosition ?? null,
      ],
    );
    await appendAudit(this.db, tenantId, id, [
      {
        event: 'recorded_in_session',
        actor: `user:${requirePrincipal().userId}`,
        channel: 'session',
        data: {
          meeting: meetingId,
          title: input.title,
          question: input.question,
          counts: input.counts.map((c) => ({ ...c })),
          quorum: { ...quorum, proxies: quorum.proxies.length },
          statutes: { ...statutes },
        },
      },
      {
        event: 'closed',
        actor: 'system',
        channel: 'system',
        data: {
          because: 'session',
          outcome: result.outcome,
          registerNumber: `${year}-${String(seq).padStart(3, '0')}`,
          tally: { ...result.tally },
        },
      },
    ]);
    return this.decisions.get(id);
  }

  /** The decisions recorded in a meeting, in agenda order. */
  async sessionDecisions(meetingId: string): Promise<Decision[]> {
    await this.instanceOf(meetingId);
    const rows = await this.db.tenantRows<{ id: string }>(
      `SELECT id FROM governance_decisions WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY agenda_position NULLS LAST, created_at, id`,
      [requireTenantId(), meetingId],
    );
    const decisions: Decision[] = [];
    for (const row of rows) decisions.push(await this.decisions.get(row.id));
    return decisions;
  }

  /** The minutes of a meeting approved at a later meeting of the same instance (once). */
  async approveMinutes(meetingId: string, atMeetingId: string): Promise<boolean> {
    this.instances.requireTeam();
    const tenantId = requireTenantId();
    const rows = await this.db.tenantRows<{ id: string; ownerId: string; startsAt: Date; published: boolean }>(
      `SELECT id, owner_id AS "ownerId", starts_at AS "startsAt", minutes_published_at IS NOT NULL AS published FROM meetings
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND owner_kind = $3`,
      [tenantId, [meetingId, atMeetingId], INSTANCE_OWNER],
    );
    const meeting = rows.find((r) => r.id === meetingId);
    const at = rows.find((r) => r.id === atMeetingId);
    if (!meeting || !at) throw AppError.notFound("Réunion d'instance introuvable.");
    if (meeting.ownerId !== at.ownerId)
      throw AppError.field('atMeetingId', 'Le procès-verbal s’approuve à une réunion de la même instance.');
    if (at.startsAt <= meeting.startsAt) throw AppError.field('atMeetingId', 'Le procès-verbal s’approuve à une réunion suivante.');
    if (!meeting.published) throw AppError.conflict("Le procès-verbal de cette réunion n'est pas encore rédigé et diffusé.");
    const inserted = await this.db.tenantRows(
      `INSERT INTO governance_minutes_approvals (tenant_id, meeting_id, approved_at_meeting_id, approved_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, meetingId, atMeetingId, requirePrincipal().userId],
    );
    if (inserted.length === 0) throw AppError.conflict('Ce procès-verbal est déjà approuvé.');
    return true;
  }

  /** When and where the minutes of this meeting were approved, if they were. */
  async minutesApproval(meetingId: string): Promise<{ approvedAt: Date; atMeetingId: string } | null> {
    const [row] = await this.db.tenantRows<{ approvedAt: Date; atMeetingId: string }>(
      `SELECT approved_at AS "approvedAt", approved_at_meeting_id AS "atMeetingId" FROM governance_minutes_approvals WHERE tenant_id = $1 AND meeting_id = $2`,
      [requireTenantId(), meetingId],
    );
    return row ?? null;
  }

  /** The meeting's invitees per college: their mandate's college at the meeting's date, or their membership's college of its year (the AG). */
  private inviteeColleges(meetingId: string, instanceId: string): Promise<Array<{ college: string; count: number }>> {
    const labels = Object.entries(COLLEGE_LABELS_FR)
      .map(([code, label]) => `WHEN '${code}' THEN '${label.replace(/'/g, "''")}'`)
      .join(' ');
    return this.db.tenantRows<{ college: string; count: number }>(
      `SELECT college, count(*)::int AS count FROM (
         SELECT coalesce(
           (SELECT c.name FROM governance_mandates m JOIN governance_colleges c ON c.tenant_id = m.tenant_id AND c.id = m.college_id
            WHERE m.tenant_id = i.tenant_id AND m.instance_id = $3 AND m.professional_id = i.professional_id AND ${HELD_ON('m', `(mt.starts_at AT TIME ZONE 'Europe/Paris')::date`)} LIMIT 1),
           (SELECT CASE s.college ${labels} END FROM memberships s
            WHERE s.tenant_id = i.tenant_id AND s.professional_id = i.professional_id AND s.year = extract(year FROM mt.starts_at AT TIME ZONE 'Europe/Paris')::int)) AS college
         FROM meeting_invitees i JOIN meetings mt ON mt.tenant_id = i.tenant_id AND mt.id = i.meeting_id
         WHERE i.tenant_id = $1 AND i.meeting_id = $2) x
       WHERE college IS NOT NULL GROUP BY college ORDER BY college`,
      [requireTenantId(), meetingId, instanceId],
    );
  }

  private async proxies(meetingId: string): Promise<MeetingProxy[]> {
    return this.db.tenantRows<MeetingProxy>(
      `SELECT p.giver_id AS "giverId", g.name AS "giverName", p.holder_id AS "holderId", h.name AS "holderName"
       FROM governance_meeting_proxies p JOIN meeting_invitees g ON g.tenant_id = p.tenant_id AND g.id = p.giver_id JOIN meeting_invitees h ON h.tenant_id = p.tenant_id AND h.id = p.holder_id
       WHERE p.tenant_id = $1 AND p.meeting_id = $2 ORDER BY lower(h.name), lower(g.name)`,
      [requireTenantId(), meetingId],
    );
  }

  /** The instance whose meeting this is (NOT_FOUND unless the caller may see it), with its rules as they stand. */
  private async instanceOf(meetingId: string, lock = false): Promise<{ instanceId: string; kind: InstanceKind; statutes: Statutes }> {
    const meeting = await this.meetings.get(meetingId);
    if (meeting.ownerKind !== INSTANCE_OWNER) throw AppError.notFound("Cette réunion n'est pas celle d'une instance.");
    if (lock)
      await this.db.tenantRows(`SELECT 1 FROM meetings WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [requireTenantId(), meetingId]);
    const instance = await this.instances.row(meeting.ownerId);
    return { instanceId: instance.id, kind: instance.kind, statutes: statutesOf(instance.statutes) };
  }
}
