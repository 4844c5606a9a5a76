import { DirectorySql, INVOLVEMENT_ORDER } from '@cpts/platform-persons';
import { StoredSegment } from './campaign.types';

/**
 * The people of a segment, each with the address they would get it at, the
 * legal basis and, when left out, why: one statement, evaluated by
 * PostgreSQL in the caller's tenant transaction. Parameters: $1 the tenant,
 * $2 the purpose, then the segment's. Columns: id, name, email (lower-cased),
 * basis, reason (NULL for a recipient).
 *
 * Erased and merged-away people are never in it, nor archived ones. Refusals
 * of the contact rule (withdrawn, no email, no consent) come first; then an
 * address suppressed after a hard bounce or a complaint (soft bounces alone
 * suppress nothing).
 */
export function audienceSql(tenantId: string, purpose: string, segment: StoredSegment, directory: DirectorySql): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, purpose];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const filters: string[] = [];
  if (segment.professionCodes.length) filters.push(`p.profession_code = ANY(${bind(segment.professionCodes)}::text[])`);
  // Any of the person's current practice sites, not only the main one.
  if (segment.communeCodes.length) filters.push(directory.sites.practisesIn('p', `${bind(segment.communeCodes)}::text[]`));
  if (segment.membership) {
    const statuses = segment.membership.statuses.length ? ` AND m.status = ANY(${bind(segment.membership.statuses)}::text[])` : '';
    filters.push(`EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = p.tenant_id AND m.professional_id = p.id AND m.year = ${bind(segment.membership.year)}::int${statuses})`);
  }
  if (segment.minInvolvementLevel) {
    const levels = bind([...INVOLVEMENT_ORDER]);
    filters.push(`array_position(${levels}::text[], p.involvement_level) >= array_position(${levels}::text[], ${bind(segment.minInvolvementLevel)}::text)`);
  }
  if (segment.labelIds.length) {
    filters.push(`EXISTS (SELECT 1 FROM professional_labels pl WHERE pl.tenant_id = p.tenant_id AND pl.professional_id = p.id AND pl.label_id = ANY(${bind(segment.labelIds)}::uuid[]))`);
  }
  let selected = filters.length ? `(${filters.join(' AND ')})` : 'true';
  // A person named in a segment may have been merged into another record since
  // it was saved: the id then stands for that record (merges are one hop deep).
  const named = (ids: string[]) => `(SELECT coalesce(x.merged_into, x.id) FROM professionals x WHERE x.tenant_id = $1 AND x.id = ANY(${bind(ids)}::uuid[]))`;
  if (segment.includeIds.length) selected = `(${selected} OR p.id IN ${named(segment.includeIds)})`;
  if (segment.excludeIds.length) selected = `${selected} AND p.id NOT IN ${named(segment.excludeIds)}`;
  const rule = directory.contactBasis({
    purpose: '$2::text',
    status: 'c.status',
    emailIsWork: 'p.email_is_work',
    hasEmail: `(nullif(btrim(p.email), '') IS NOT NULL)`,
  });
  const sql = `
    SELECT p.id, p.last_name || ' ' || p.first_name AS name, lower(btrim(p.email)) AS email, ${rule.basis} AS basis,
           coalesce(${rule.reason}, CASE s.reason WHEN 'hard_bounce' THEN 'bounced' WHEN 'complaint' THEN 'blocked' WHEN 'unsubscribed' THEN 'withdrawn' END) AS reason
    FROM professionals p
    LEFT JOIN consents c ON c.tenant_id = p.tenant_id AND c.professional_id = p.id AND c.purpose = $2::text
    LEFT JOIN email_suppressions s ON s.tenant_id = p.tenant_id AND s.email = lower(btrim(p.email)) AND s.reason IS NOT NULL
    WHERE p.tenant_id = $1 AND p.archived_at IS NULL AND p.erased_at IS NULL AND p.merged_into IS NULL AND ${selected}`;
  return { sql, params };
}
