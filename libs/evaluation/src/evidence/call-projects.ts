import { FicheEvidence } from '../fiche.types';
import { EvidenceReader, missing, parisDay } from './read';

/** The calls' project statuses in French, as the projects' pages say them (libs/calls projects.service STATUS_LABELS_FR). */
const STATUS_FR: Record<string, string> = {
  draft: 'brouillon',
  submitted: 'déposé',
  under_review: "en cours d'instruction",
  changes_requested: 'modifications demandées',
  ready_for_bureau: 'soumis au bureau',
  approved: 'approuvé',
  rejected: 'refusé',
  in_progress: 'en cours',
  completed: 'bilan déposé',
  evaluated: 'évalué',
};

const euros = (cents: number) => Math.round(cents) / 100;

/**
 * A Pro Actif project's evidence: its status, budgets (requested, approved),
 * what the payments engine recorded as paid for its workshops and debrief
 * (the same sources as libs/calls call-payments.ts), its workshops held and
 * their participants, and its evaluation (each criterion's target and
 * measured result). Reads the calls' tables, the meetings' and payment_lines.
 */
export const callProjectEvidence: EvidenceReader = async (rows, tenantId, ids) => {
  const projects = await rows<{
    id: string;
    seq: number;
    title: string;
    status: string;
    budgetCents: number;
    approvedCents: number | null;
    paidCents: number;
    criteria: Array<{ criterion: string; indicator?: string; target?: string; actual?: string }>;
    submittedOn: string | null;
    evaluatedOn: string | null;
    callTitle: string;
  }>(
    `SELECT p.id, p.seq, p.title, p.status, p.budget_cents::float8 AS "budgetCents", p.approved_cents::float8 AS "approvedCents", p.criteria,
            ${parisDay('p.submitted_at')} AS "submittedOn", ${parisDay('p.evaluated_at')} AS "evaluatedOn", c.title AS "callTitle",
            coalesce((SELECT sum(l.amount_cents) FROM payment_lines l WHERE l.tenant_id = p.tenant_id AND l.status = 'paid'
                        AND ((l.source = 'call_workshop' AND l.source_ref IN (SELECT w.id FROM call_workshops w WHERE w.tenant_id = p.tenant_id AND w.project_id = p.id))
                          OR (l.source = 'call_debrief' AND l.source_ref = p.id))), 0)::float8 AS "paidCents"
     FROM call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id
     WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`,
    [tenantId, [...ids]],
  );
  const workshops = await rows<{ projectId: string; day: string; participants: number }>(
    `SELECT m.owner_id AS "projectId", ${parisDay('m.starts_at')} AS day,
            (count(i.id) FILTER (WHERE i.attendance IN ('present', 'video')))::int + m.guest_count AS participants
     FROM meetings m LEFT JOIN meeting_invitees i ON i.tenant_id = m.tenant_id AND i.meeting_id = m.id
     WHERE m.tenant_id = $1 AND m.owner_kind = 'call_project' AND m.owner_id = ANY($2::uuid[]) AND m.status = 'scheduled' AND m.starts_at <= now()
     GROUP BY m.tenant_id, m.id ORDER BY m.starts_at`,
    [tenantId, [...ids]],
  );
  const byId = new Map(projects.map((p) => [p.id, p]));
  return ids.map((id): FicheEvidence => {
    const p = byId.get(id);
    if (!p) return missing('call_project', id, 'Projet Pro Actif');
    const held = workshops.filter((w) => w.projectId === id);
    return {
      id,
      kind: 'call_project',
      automatic: true,
      title: `Projet P${String(p.seq).padStart(2, '0')} « ${p.title} » (${p.callTitle})`,
      from: p.submittedOn ?? held[0]?.day ?? null,
      to: p.evaluatedOn ?? held[held.length - 1]?.day ?? null,
      figures: [
        { label: 'Budget demandé', value: euros(p.budgetCents), unit: 'EUR', key: null },
        { label: 'Budget approuvé', value: p.approvedCents === null ? null : euros(p.approvedCents), unit: 'EUR', key: null },
        { label: 'Payé', value: euros(p.paidCents), unit: 'EUR', key: null },
        { label: 'Ateliers tenus', value: held.length, unit: null, key: 'meetings' },
        { label: 'Participants aux ateliers', value: held.reduce((sum, w) => sum + w.participants, 0), unit: null, key: 'attendances' },
      ],
      details: [
        `Statut : ${STATUS_FR[p.status] ?? p.status}`,
        ...p.criteria.map((c) => `Critère « ${c.criterion} » — cible : ${c.target ?? '—'}${c.actual ? ` ; mesuré : ${c.actual}` : ''}`),
      ],
      url: `/appels/projets/${id}`,
      gap: null,
    };
  });
};
