/** The payment lines' sources a call generates: a workshop's hourly fees (ref: the workshop), the debrief's flat fees (ref: the project). */
export const WORKSHOP_SOURCE = 'call_workshop';
export const DEBRIEF_SOURCE = 'call_debrief';

/** The statuses whose budget the envelope has committed. */
export const COMMITTED = `('approved', 'in_progress', 'completed', 'evaluated')`;

/**
 * A call's money as one SQL statement (parameters: tenant, call), for the
 * team's reads and the regional read path alike (which has no request-scoped
 * services): committed and being-voted budgets, and what the payments module
 * recorded as paid for the call's workshops and debriefs.
 */
export const CALL_MONEY_SQL = `
  SELECT coalesce((SELECT sum(p.approved_cents) FROM call_projects p
                   WHERE p.tenant_id = $1 AND p.call_id = $2 AND p.status IN ${COMMITTED}), 0)::float8 AS committed,
         coalesce((SELECT sum(p.budget_cents) FROM call_projects p JOIN governance_decisions d ON d.tenant_id = p.tenant_id AND d.id = p.decision_id
                   WHERE p.tenant_id = $1 AND p.call_id = $2 AND p.status = 'ready_for_bureau' AND d.status = 'open'), 0)::float8 AS pending,
         coalesce((SELECT sum(l.amount_cents) FROM payment_lines l
                   WHERE l.tenant_id = $1 AND l.status = 'paid'
                     AND ((l.source = '${WORKSHOP_SOURCE}' AND l.source_ref IN (SELECT w.id FROM call_workshops w JOIN call_projects p ON p.tenant_id = w.tenant_id AND p.id = w.project_id
                                                                               WHERE w.tenant_id = $1 AND p.call_id = $2))
                       OR (l.source = '${DEBRIEF_SOURCE}' AND l.source_ref IN (SELECT p.id FROM call_projects p WHERE p.tenant_id = $1 AND p.call_id = $2)))), 0)::float8 AS paid`;

/** The envelope's figures from the call's amount and CALL_MONEY_SQL's row. */
export function envelopeOf(envelopeCents: number, money: { committed: number; pending: number; paid: number }) {
  return {
    envelopeCents,
    committedCents: money.committed,
    pendingCents: money.pending,
    paidCents: money.paid,
    remainingCents: envelopeCents - money.committed,
    availableCents: envelopeCents - money.committed - money.pending,
  };
}
