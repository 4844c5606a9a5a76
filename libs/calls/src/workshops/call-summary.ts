import { AppError, isUuid } from '@cpts/platform-core';
import { ACI_MISSIONS, AciMission } from '@cpts/platform-reference';
import { CALL_MONEY_SQL, COMMITTED, DEBRIEF_SOURCE, envelopeOf, WORKSHOP_SOURCE } from '../call-payments';
import { CALL_COLUMNS, NOT_FOUND } from '../calls.service';
import { Call, ProjectStatus } from '../calls.types';
import { PROJECT_STATUSES } from '../migrations';
import { CallSummary, SummaryProfessional, SummaryProject, SummaryWorkshop } from './call-summary.types';

/**
 * One SQL statement run for the summary: in the CPTS's request transaction
 * (Db.tenantRows) or in the regional read's own (its manager), which has no
 * request-scoped service, hence everything here, names and payment figures
 * included, is SQL with the tenant as $1.
 */
export type SqlReader = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** Which projects a reader sees: the team every one; the board and the region those put to the bureau (never drafts nor reviews). */
export type SummaryScope = 'every_project' | 'put_to_bureau';

/** A person of the directory as the summary names them (a merged record stands for the one it was merged into: `a` asked, `c` kept). */
const PERSON_JOIN = (table: string, id: string) =>
  `JOIN professionals a ON a.tenant_id = ${table}.tenant_id AND a.id = ${id}
   JOIN professionals c ON c.tenant_id = a.tenant_id AND c.id = coalesce(a.merged_into, a.id)`;
const PERSON_NAME = `CASE WHEN c.erased_at IS NOT NULL THEN 'Personne effacée' ELSE c.last_name || ' ' || c.first_name END`;
const KNOWN_PRESENT = (w: string) =>
  `(SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = ${w}.tenant_id AND i.meeting_id = ${w}.meeting_id AND i.attendance IN ('present', 'video'))`;

export async function readCallSummary(sql: SqlReader, tenantId: string, callId: string, scope: SummaryScope): Promise<CallSummary> {
  if (!isUuid(callId)) throw AppError.notFound(NOT_FOUND);
  const [call] = (await sql(`SELECT ${CALL_COLUMNS} FROM calls c WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, callId])) as Call[];
  if (!call) throw AppError.notFound(NOT_FOUND);
  const visible = scope === 'every_project' ? 'true' : 'p.decision_id IS NOT NULL';
  const params = [tenantId, call.id];
  const [money] = (await sql(CALL_MONEY_SQL, params)) as Array<{ committed: number; pending: number; paid: number }>;
  const projects = (await sql(
    `SELECT p.id, 'P' || lpad(p.seq::text, 2, '0') AS number, p.title, p.status, p.missions, p.budget_cents::float8 AS "budgetCents",
            p.approved_cents::float8 AS "approvedCents", ${PERSON_NAME} AS carrier,
            (SELECT count(*)::int FROM call_workshops w WHERE w.tenant_id = p.tenant_id AND w.project_id = p.id) AS workshops,
            (SELECT coalesce(sum(w.participants), 0)::int FROM call_workshops w WHERE w.tenant_id = p.tenant_id AND w.project_id = p.id) AS participants,
            (SELECT coalesce(sum(l.amount_cents), 0)::float8 FROM payment_lines l
             WHERE l.tenant_id = p.tenant_id AND l.status = 'paid'
               AND ((l.source = '${WORKSHOP_SOURCE}' AND l.source_ref IN (SELECT w.id FROM call_workshops w WHERE w.tenant_id = p.tenant_id AND w.project_id = p.id))
                 OR (l.source = '${DEBRIEF_SOURCE}' AND l.source_ref = p.id))) AS "paidCents"
     FROM call_projects p ${PERSON_JOIN('p', 'p.proposer_id')}
     WHERE p.tenant_id = $1 AND p.call_id = $2 AND ${visible} ORDER BY p.seq`,
    params,
  )) as SummaryProject[];
  const professionals = (await sql(
    `SELECT c.id, ${PERSON_NAME} AS name, c.profession_code AS "professionCode", coalesce(pr.label, c.profession_code) AS "professionLabel",
            bool_or(who.n = 1) AS carrier, bool_or(who.n > 1) AS "coCarrier", count(DISTINCT p.id)::int AS projects
     FROM call_projects p CROSS JOIN LATERAL unnest(array_prepend(p.proposer_id, p.co_carriers)) WITH ORDINALITY AS who(id, n)
     ${PERSON_JOIN('p', 'who.id')}
     LEFT JOIN professions pr ON pr.code = c.profession_code
     WHERE p.tenant_id = $1 AND p.call_id = $2 AND p.status IN ${COMMITTED} AND ${visible}
     GROUP BY c.tenant_id, c.id, pr.label ORDER BY name, c.id`,
    params,
  )) as SummaryProfessional[];
  const workshops = (await sql(
    `SELECT w.id, w.project_id AS "projectId", 'P' || lpad(p.seq::text, 2, '0') AS "projectNumber", p.title AS "projectTitle",
            to_char(w.held_on, 'YYYY-MM-DD') AS "heldOn", w.minutes, m.place, w.participants, ${KNOWN_PRESENT('w')} AS "knownParticipants",
            ARRAY(SELECT ${PERSON_NAME} FROM unnest(w.speakers) WITH ORDINALITY AS s(id, n) ${PERSON_JOIN('w', 's.id')} ORDER BY s.n) AS speakers,
            (SELECT coalesce(sum(l.amount_cents), 0)::float8 FROM payment_lines l
             WHERE l.tenant_id = w.tenant_id AND l.source = '${WORKSHOP_SOURCE}' AND l.source_ref = w.id AND l.status <> 'cancelled') AS "feesCents"
     FROM call_workshops w JOIN call_projects p ON p.tenant_id = w.tenant_id AND p.id = w.project_id
     JOIN meetings m ON m.tenant_id = w.tenant_id AND m.id = w.meeting_id
     WHERE w.tenant_id = $1 AND p.call_id = $2 AND ${visible} ORDER BY w.held_on, m.starts_at, p.seq, w.id`,
    params,
  )) as SummaryWorkshop[];

  const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);
  return {
    callId: call.id,
    title: call.title,
    year: call.year,
    envelope: envelopeOf(call.envelopeCents, money),
    projectCount: projects.length,
    byStatus: PROJECT_STATUSES.flatMap((status) => {
      const mine = projects.filter((p) => p.status === status);
      return mine.length ? [{ status: status as ProjectStatus, projects: mine.length, budgetCents: sum(mine, (p) => p.budgetCents) }] : [];
    }),
    byMission: ACI_MISSIONS.flatMap((mission: AciMission) => {
      const mine = projects.filter((p) => p.missions.includes(mission));
      return mine.length
        ? [
            {
              mission,
              projects: mine.length,
              budgetCents: sum(mine, (p) => p.budgetCents),
              approvedCents: sum(mine, (p) => p.approvedCents ?? 0),
            },
          ]
        : [];
    }),
    professionalCount: professionals.length,
    professionals,
    workshopCount: workshops.length,
    participants: sum(workshops, (w) => w.participants),
    knownParticipants: sum(workshops, (w) => w.knownParticipants),
    projects,
    workshops,
  };
}
