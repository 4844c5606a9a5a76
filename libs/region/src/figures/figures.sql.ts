/**
 * The regional figures of a list of CPTS for a list of years, as ONE SQL
 * statement (parameters: $1 the tenants, uuid[]; $2 the years, int[]).
 *
 * A domain reads other domains' tables with SQL only (no imports of their
 * classes): directory (professionals, memberships), working groups,
 * meetings (meetings, invitees, action items), governance (decisions,
 * mandates), calls (Pro Actif projects), payments, mailing (campaigns, their
 * trigger-maintained campaign_progress counters, clicks).
 *
 * Each figure is one `GROUP BY tenant_id, year` branch of a UNION ALL giving
 * (tenant_id, y, k, sub, v) rows: set-based over all CPTS at once, every
 * branch led by `tenant_id = ANY($1)` so each reads its tenant-leading index.
 * A year is the Europe/Paris calendar year; figures that are a state (open,
 * overdue, ending soon, active) are taken at the year's end, or now for the
 * current year (`as_of`), from the rows' own dates, so last year's figures
 * read today say what they said on 31 December, as far as the rows allow.
 */
export const FIGURES_SQL = `
WITH yrs AS (
  SELECT y, make_timestamptz(y, 1, 1, 0, 0, 0, 'Europe/Paris') AS start,
         least(make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Europe/Paris'), now()) AS as_of
  FROM unnest($2::int[]) AS y
),
held AS (
  SELECT m.tenant_id, yrs.y, m.id, m.owner_kind, m.owner_id, m.guest_count, m.starts_at
  FROM meetings m JOIN yrs ON m.starts_at >= yrs.start AND m.starts_at < yrs.as_of
  WHERE m.tenant_id = ANY($1) AND m.status = 'scheduled'
),
attended AS (
  SELECT h.tenant_id, h.y, h.owner_kind, h.owner_id,
         h.guest_count + (SELECT count(*) FROM meeting_invitees i
                          WHERE i.tenant_id = h.tenant_id AND i.meeting_id = h.id AND i.attendance IN ('present', 'video')) AS n
  FROM held h
),
mailed AS (
  SELECT c.tenant_id, yrs.y, c.id, c.sending_started_at
  FROM campaigns c JOIN yrs ON c.sending_started_at >= yrs.start AND c.sending_started_at < yrs.as_of
  WHERE c.tenant_id = ANY($1) AND c.status IN ('sending', 'paused', 'sent')
)
SELECT p.tenant_id, yrs.y, 'professionals' AS k, NULL AS sub, count(*)::float8 AS v
  FROM professionals p JOIN yrs ON p.created_at < yrs.as_of
  WHERE p.tenant_id = ANY($1) AND (p.archived_at IS NULL OR p.archived_at >= yrs.as_of) AND (p.erased_at IS NULL OR p.erased_at >= yrs.as_of)
  GROUP BY 1, 2
UNION ALL
SELECT ms.tenant_id, ms.year, 'members', p.profession_code, count(*)::float8
  FROM memberships ms JOIN professionals p ON p.tenant_id = ms.tenant_id AND p.id = ms.professional_id
  WHERE ms.tenant_id = ANY($1) AND ms.year = ANY($2::int[]) AND ms.status = 'active'
  GROUP BY 1, 2, 4
UNION ALL
SELECT g.tenant_id, yrs.y, 'working_groups', NULL, count(*)::float8
  FROM working_groups g JOIN yrs ON g.created_at < yrs.as_of
  WHERE g.tenant_id = ANY($1)
    AND (g.status = 'active' OR EXISTS (SELECT 1 FROM held h WHERE h.tenant_id = g.tenant_id AND h.y = yrs.y AND h.owner_kind = 'working_group' AND h.owner_id = g.id))
  GROUP BY 1, 2
UNION ALL
SELECT tenant_id, y, 'meetings', NULL, count(*)::float8 FROM attended GROUP BY 1, 2
UNION ALL
SELECT tenant_id, y, 'participants', NULL, sum(n)::float8 FROM attended GROUP BY 1, 2
UNION ALL
SELECT a.tenant_id, a.y, 'mission_participants', mission, sum(a.n)::float8
  FROM attended a
  JOIN LATERAL (
    SELECT unnest(g.missions) AS mission FROM working_groups g
      WHERE a.owner_kind = 'working_group' AND g.tenant_id = a.tenant_id AND g.id = a.owner_id
    UNION ALL
    SELECT unnest(cp.missions) FROM call_projects cp
      WHERE a.owner_kind = 'call_project' AND cp.tenant_id = a.tenant_id AND cp.id = a.owner_id
  ) missions ON true
  GROUP BY 1, 2, 4
UNION ALL
SELECT ai.tenant_id, yrs.y, 'actions_done', NULL, count(*)::float8
  FROM action_items ai JOIN yrs ON ai.status_at >= yrs.start AND ai.status_at < yrs.as_of
  WHERE ai.tenant_id = ANY($1) AND ai.status = 'done'
  GROUP BY 1, 2
UNION ALL
SELECT ai.tenant_id, yrs.y, 'actions_overdue', NULL, count(*)::float8
  FROM action_items ai JOIN yrs ON ai.created_at < yrs.as_of AND ai.due_on < (yrs.as_of AT TIME ZONE 'Europe/Paris')::date
  WHERE ai.tenant_id = ANY($1) AND (ai.status = 'open' OR ai.status_at >= yrs.as_of)
  GROUP BY 1, 2
UNION ALL
SELECT d.tenant_id, yrs.y, 'decisions_open', NULL, count(*)::float8
  FROM governance_decisions d JOIN yrs ON d.opened_at < yrs.as_of AND (d.closed_at IS NULL OR d.closed_at >= yrs.as_of)
  WHERE d.tenant_id = ANY($1) AND d.status <> 'draft'
  GROUP BY 1, 2
UNION ALL
SELECT d.tenant_id, yrs.y, CASE WHEN d.outcome = 'no_quorum' THEN 'decisions_no_quorum' ELSE 'decisions_closed' END, NULL, count(*)::float8
  FROM governance_decisions d JOIN yrs ON d.closed_at >= yrs.start AND d.closed_at < yrs.as_of
  WHERE d.tenant_id = ANY($1) AND d.status = 'closed'
  GROUP BY 1, 2, 3
UNION ALL
SELECT md.tenant_id, yrs.y, 'mandates_ending', NULL, count(*)::float8
  FROM governance_mandates md JOIN yrs
    ON md.starts_on <= (yrs.as_of AT TIME ZONE 'Europe/Paris')::date
   AND md.ends_on >= (yrs.as_of AT TIME ZONE 'Europe/Paris')::date AND md.ends_on < (yrs.as_of AT TIME ZONE 'Europe/Paris')::date + 90
   AND (md.ended_on IS NULL OR md.ended_on > (yrs.as_of AT TIME ZONE 'Europe/Paris')::date)
  WHERE md.tenant_id = ANY($1)
  GROUP BY 1, 2
UNION ALL
SELECT cp.tenant_id, c.year, 'pro_actif_projects', NULL, count(*)::float8
  FROM call_projects cp JOIN calls c ON c.tenant_id = cp.tenant_id AND c.id = cp.call_id
  WHERE cp.tenant_id = ANY($1) AND c.year = ANY($2::int[]) AND cp.status IN ('approved', 'in_progress', 'completed', 'evaluated')
  GROUP BY 1, 2
UNION ALL
SELECT cp.tenant_id, c.year, 'pro_actif_committed', NULL, sum(cp.approved_cents)::float8
  FROM call_projects cp JOIN calls c ON c.tenant_id = cp.tenant_id AND c.id = cp.call_id
  WHERE cp.tenant_id = ANY($1) AND c.year = ANY($2::int[]) AND cp.status IN ('approved', 'in_progress', 'completed', 'evaluated')
  GROUP BY 1, 2
UNION ALL
SELECT l.tenant_id, l.year, 'pro_actif_paid', NULL, sum(l.amount_cents)::float8
  FROM payment_lines l
  WHERE l.tenant_id = ANY($1) AND l.year = ANY($2::int[]) AND l.status = 'paid' AND l.source IN ('call_workshop', 'call_debrief')
  GROUP BY 1, 2
UNION ALL
SELECT tenant_id, y, 'mailings', NULL, count(*)::float8 FROM mailed GROUP BY 1, 2
UNION ALL
SELECT m.tenant_id, m.y, 'mailing_sent', NULL, sum(cp.sent)::float8
  FROM mailed m JOIN campaign_progress cp ON cp.tenant_id = m.tenant_id AND cp.campaign_id = m.id
  GROUP BY 1, 2
UNION ALL
SELECT m.tenant_id, m.y, 'mailing_clickers', NULL, count(DISTINCT k.delivery_id)::float8
  FROM mailed m JOIN campaign_clicks k ON k.tenant_id = m.tenant_id AND k.campaign_id = m.id
  GROUP BY 1, 2
UNION ALL
SELECT tenant_id, y, 'last_activity', NULL, extract(epoch FROM max(at))::float8 FROM (
  SELECT tenant_id, y, max(starts_at) AS at FROM held GROUP BY 1, 2
  UNION ALL SELECT tenant_id, y, max(sending_started_at) FROM mailed GROUP BY 1, 2
  UNION ALL SELECT d.tenant_id, yrs.y, max(greatest(d.opened_at, d.closed_at))
    FROM governance_decisions d JOIN yrs ON d.opened_at >= yrs.start AND d.opened_at < yrs.as_of
    WHERE d.tenant_id = ANY($1) GROUP BY 1, 2
  UNION ALL SELECT ai.tenant_id, yrs.y, max(ai.status_at)
    FROM action_items ai JOIN yrs ON ai.status_at >= yrs.start AND ai.status_at < yrs.as_of
    WHERE ai.tenant_id = ANY($1) GROUP BY 1, 2
  UNION ALL SELECT ms.tenant_id, yrs.y, max(ms.updated_at)
    FROM memberships ms JOIN yrs ON ms.updated_at >= yrs.start AND ms.updated_at < yrs.as_of
    WHERE ms.tenant_id = ANY($1) GROUP BY 1, 2
) acts GROUP BY 1, 2`;

/** One CPTS's members of several years per profession (the chart "members per profession over years"); $1 the tenant. */
export const MEMBERSHIP_HISTORY_SQL = `
SELECT ms.year, p.profession_code AS code, count(*)::int AS n
  FROM memberships ms JOIN professionals p ON p.tenant_id = ms.tenant_id AND p.id = ms.professional_id
  WHERE ms.tenant_id = $1 AND ms.status = 'active'
  GROUP BY 1, 2 ORDER BY 1, 2`;
