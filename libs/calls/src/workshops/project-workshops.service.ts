import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingRecords } from '@cpts/meetings';
import { amountForMinutes, durationLabel, PaymentKind, PaymentLinesService } from '@cpts/payments';
import { PersonDirectory } from '@cpts/platform-persons';
import { WORKSHOP_SOURCE } from '../call-payments';
import { CallsService } from '../calls.service';
import { CallProject, ProjectPerson, ProjectStatus } from '../calls.types';
import { ProjectRow, ProjectsService, STATUS_LABELS_FR } from '../projects.service';
import { CARRIED_OUT, PROJECT_OWNER, projectName } from './project-meetings';
import { ProjectWorkshop, RecordedWorkshop, RecordWorkshopInput, WorkshopRow } from './workshop.types';

const WORKSHOP_NOT_FOUND = 'Atelier introuvable.';

const WORKSHOP_COLUMNS = `w.id, w.project_id AS "projectId", to_char(w.held_on, 'YYYY-MM-DD') AS "heldOn",
  to_char(m.starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS "startTime", w.minutes, m.place, w.participants,
  (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = w.tenant_id AND i.meeting_id = w.meeting_id AND i.attendance IN ('present', 'video')) AS "knownParticipants",
  w.speakers AS "speakerIds", w.meeting_id AS "meetingId", w.recorded_at AS "recordedAt"`;
const WORKSHOP_FROM = `call_workshops w JOIN meetings m ON m.tenant_id = w.tenant_id AND m.id = w.meeting_id`;

/** "12/03/2026" from "2026-03-12". */
export const frenchDay = (isoDay: string) => isoDay.split('-').reverse().join('/');

/**
 * The workshops of an approved project, recorded once held, each in one
 * transaction (the request's): a meeting of the project (meetings module:
 * the participation figures count it, guests included), the workshop's row,
 * and one payment line per speaker (payments module: a rémunération at the
 * call's hourly rate, half-up to the cent once per workshop and speaker).
 * Any refusal (a speaker not a member on that day, a line over the PASS)
 * throws and nothing at all is written. The first workshop puts the project
 * in progress.
 */
@Injectable()
export class ProjectWorkshops {
  constructor(
    private readonly db: Db,
    private readonly calls: CallsService,
    private readonly projects: ProjectsService,
    private readonly people: PersonDirectory,
    private readonly records: MeetingRecords,
    private readonly payments: PaymentLinesService,
  ) {}

  async record(input: RecordWorkshopInput): Promise<RecordedWorkshop> {
    const row = await this.projects.forTeam(input.projectId);
    if (!CARRIED_OUT.includes(row.status))
      throw AppError.conflict(
        `Ce projet est « ${STATUS_LABELS_FR[row.status]} » : ses ateliers s'enregistrent une fois approuvé par le bureau, jusqu'au bilan.`,
      );
    const call = await this.calls.row(row.callId);
    const startsAt = await this.heldAt(input);
    const speakers = await this.speakersOf(row, input.speakerIds);
    const participants = await this.knownParticipants(input.participantIds);
    const known = [...new Set([...speakers, ...participants])];
    if (input.participants < known.length)
      throw AppError.field(
        'participants',
        `${known.length} personnes nommées ont participé (intervenants compris) : le nombre de participants ne peut pas être inférieur.`,
      );
    const owner = { kind: PROJECT_OWNER, id: row.id };
    const attendees = known.map((professionalId) => ({ professionalId }));
    const guests = input.participants - known.length;
    let meetingId: string;
    if (input.meetingId) {
      meetingId = await this.scheduledMeeting(row.id, input.meetingId, input.heldOn);
      await this.records.markHeld(meetingId, owner, attendees, guests);
    } else {
      if (!input.place) throw AppError.field('place', "Indiquez le lieu de l'atelier.");
      meetingId = await this.records.recordHeld(
        owner,
        {
          title: `Atelier du ${frenchDay(input.heldOn)} — ${projectName(row)}`.slice(0, 200),
          startsAt,
          endsAt: new Date(startsAt.getTime() + input.minutes * 60_000),
          place: input.place,
        },
        attendees,
        guests,
      );
    }
    const id = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO call_workshops (tenant_id, id, project_id, meeting_id, held_on, minutes, participants, speakers, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [requireTenantId(), id, row.id, meetingId, input.heldOn, input.minutes, input.participants, speakers, requirePrincipal().userId],
    );
    // The fee of one speaker for this workshop, rounded once (budget.ts); a call without an hourly rate pays none.
    const fee = amountForMinutes(input.minutes, call.hourlyRateCents);
    const warnings: string[] = [];
    if (fee > 0)
      for (const professionalId of speakers) {
        const { warning } = await this.payments.add({
          professionalId,
          kind: PaymentKind.REMUNERATION,
          workDate: input.heldOn,
          minutes: input.minutes,
          amountCents: fee,
          label: `Atelier du ${frenchDay(input.heldOn)} (${durationLabel(input.minutes)}) — ${projectName(row)}`.slice(0, 300),
          source: WORKSHOP_SOURCE,
          sourceRef: id,
        });
        if (warning) warnings.push(warning);
      }
    if (row.status === ProjectStatus.APPROVED)
      await this.projects.move(
        row.id,
        [ProjectStatus.APPROVED],
        ProjectStatus.IN_PROGRESS,
        `Premier atelier, le ${frenchDay(input.heldOn)}.`,
      );
    const [workshop] = await this.withSpeakers(await this.rows(`w.id = $2`, [id]));
    return { workshop, warnings };
  }

  /**
   * Removes a workshop recorded by mistake: its unpaid lines cancelled (a paid
   * one refuses: nothing changes), its meeting withdrawn from the figures,
   * its row deleted; the project back to approved when it was the last one.
   */
  async remove(id: string): Promise<CallProject> {
    this.calls.requireTeam();
    const [found] = await this.db.tenantRows<{ projectId: string }>(
      `SELECT project_id AS "projectId" FROM call_workshops WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id],
    );
    if (!found) throw AppError.notFound(WORKSHOP_NOT_FOUND);
    // The project's lock orders this removal with the other changes of its workshops.
    const row = await this.projects.forTeam(found.projectId);
    if (row.status !== ProjectStatus.IN_PROGRESS)
      throw AppError.conflict(`Ce projet est « ${STATUS_LABELS_FR[row.status]} » : son bilan est fait, ses ateliers ne se retirent plus.`);
    await this.payments.cancelOf(WORKSHOP_SOURCE, id, "Atelier retiré par l'équipe de la CPTS.");
    const [deleted] = await this.db.tenantRows<{ meetingId: string }>(
      `DELETE FROM call_workshops WHERE tenant_id = $1 AND id = $2 RETURNING meeting_id AS "meetingId"`,
      [requireTenantId(), id],
    );
    if (!deleted) throw AppError.notFound(WORKSHOP_NOT_FOUND);
    await this.records.withdraw(deleted.meetingId, { kind: PROJECT_OWNER, id: row.id });
    const [{ left }] = await this.db.tenantRows<{ left: number }>(
      `SELECT count(*)::int AS left FROM call_workshops WHERE tenant_id = $1 AND project_id = $2`,
      [requireTenantId(), row.id],
    );
    if (left === 0)
      return this.projects.move(row.id, [ProjectStatus.IN_PROGRESS], ProjectStatus.APPROVED, 'Son seul atelier a été retiré.');
    return (await this.projects.toProjects([await this.projects.row(row.id)]))[0];
  }

  /** The workshops of these projects (the caller read the projects), in the order they were held. */
  async ofProjects(projectIds: readonly string[]): Promise<ProjectWorkshop[]> {
    if (projectIds.length === 0) return [];
    return this.withSpeakers(await this.rows(`w.project_id = ANY($2::uuid[])`, [[...projectIds]]));
  }

  /** The distinct speakers of a project's workshops, as the directory now has them (merges followed). */
  async speakersOfProject(projectId: string): Promise<string[]> {
    const rows = await this.db.tenantRows<{ id: string }>(
      `SELECT DISTINCT s.id FROM call_workshops w CROSS JOIN LATERAL unnest(w.speakers) AS s(id) WHERE w.tenant_id = $1 AND w.project_id = $2`,
      [requireTenantId(), projectId],
    );
    const found = await this.people.resolve(rows.map((r) => r.id));
    return [...new Set([...found.values()].map((p) => p.id))].sort();
  }

  private rows(where: string, params: unknown[]): Promise<WorkshopRow[]> {
    return this.db.tenantRows<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM ${WORKSHOP_FROM} WHERE w.tenant_id = $1 AND ${where} ORDER BY w.held_on, m.starts_at, w.id`,
      [requireTenantId(), ...params],
    );
  }

  private async withSpeakers(rows: WorkshopRow[]): Promise<ProjectWorkshop[]> {
    const people = await this.people.resolve([...new Set(rows.flatMap((r) => r.speakerIds))]);
    const person = (id: string): ProjectPerson => {
      const p = people.get(id);
      return p
        ? { id: p.id, name: p.erased ? 'Personne effacée' : `${p.firstName} ${p.lastName}`.trim(), professionCode: p.professionCode }
        : { id, name: 'Personne inconnue', professionCode: '' };
    };
    return rows.map(({ speakerIds, ...w }) => ({ ...w, speakers: speakerIds.map(person) }));
  }

  /** When the workshop started (Paris time): a real day, today at the latest, and a start already past. */
  private async heldAt(input: RecordWorkshopInput): Promise<Date> {
    const day = new Date(`${input.heldOn}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input.heldOn || day.getUTCFullYear() < 2020)
      throw AppError.field('heldOn', "Cette date n'existe pas.");
    const [when] = await this.db.rows<{ startsAt: Date; future: boolean }>(
      `SELECT ($1::date + $2::time) AT TIME ZONE 'Europe/Paris' AS "startsAt", $1::date > (now() AT TIME ZONE 'Europe/Paris')::date AS future`,
      [input.heldOn, input.startTime],
    );
    if (when.future) throw AppError.field('heldOn', "Un atelier s'enregistre une fois tenu : cette date est à venir.");
    if (!input.meetingId && when.startsAt.getTime() > Date.now())
      throw AppError.field('startTime', "Cet atelier n'a pas encore commencé : enregistrez-le une fois tenu.");
    return when.startsAt;
  }

  /** The speakers as the directory has them: each the proposer or a co-carrier (who alone lead the workshops and are paid for them). */
  private async speakersOf(row: ProjectRow, speakerIds: string[]): Promise<string[]> {
    const found = await this.people.resolve([...speakerIds, row.proposerId, ...row.coCarriers]);
    const carriers = new Set([row.proposerId, ...row.coCarriers].flatMap((id) => (found.get(id) ? [found.get(id)!.id] : [])));
    const out: string[] = [];
    for (const id of speakerIds) {
      const person = found.get(id);
      if (!person) throw AppError.field('speakerIds', "Un des intervenants n'est pas dans l'annuaire de la CPTS.");
      if (!carriers.has(person.id))
        throw AppError.field(
          'speakerIds',
          `${person.firstName} ${person.lastName} n'est ni le porteur ni un co-porteur du projet : seuls eux animent ses ateliers et sont rémunérés pour cela.`,
        );
      if (!out.includes(person.id)) out.push(person.id);
    }
    return out;
  }

  private async knownParticipants(ids: string[]): Promise<string[]> {
    const found = await this.people.resolve(ids);
    const out = new Set<string>();
    for (const id of ids) {
      const person = found.get(id);
      if (!person || person.erased) throw AppError.field('participantIds', "Un des participants n'est pas dans l'annuaire de la CPTS.");
      out.add(person.id);
    }
    return [...out];
  }

  /** A meeting of the project scheduled beforehand for this day, not yet recorded as a workshop. */
  private async scheduledMeeting(projectId: string, meetingId: string, heldOn: string): Promise<string> {
    const [m] = await this.db.tenantRows<{ day: string; recorded: boolean }>(
      `SELECT to_char(m.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day,
              EXISTS (SELECT 1 FROM call_workshops w WHERE w.tenant_id = m.tenant_id AND w.meeting_id = m.id) AS recorded
       FROM meetings m WHERE m.tenant_id = $1 AND m.id = $2 AND m.owner_kind = $3 AND m.owner_id = $4`,
      [requireTenantId(), meetingId, PROJECT_OWNER, projectId],
    );
    if (!m) throw AppError.field('meetingId', "Cette réunion n'est pas un atelier planifié de ce projet.");
    if (m.recorded) throw AppError.conflict('Cet atelier planifié est déjà enregistré.');
    if (m.day !== heldOn)
      throw AppError.field('heldOn', `L'atelier planifié avait lieu le ${frenchDay(m.day)} : la date doit être la sienne.`);
    return meetingId;
  }
}
