/**
 * What a list of owners shows of their meetings and action items (a followed
 * CPTS's working groups, an instance's page): columns to add to a SELECT over
 * the owner's table, so the owner's library never names the engine's tables.
 * `owner` is the SQL alias of a row with `tenant_id` and `id`; `kind` a
 * literal owner kind (checked here: it is written into the statement).
 */
export function ownerFiguresColumns(owner: string, kind: string): string {
  if (!/^[a-z_]{1,40}$/.test(kind) || !/^[a-z_]{1,20}$/.test(owner)) throw new Error(`Bad owner figures arguments: ${owner}, ${kind}`);
  const meetings = `FROM meetings m WHERE m.tenant_id = ${owner}.tenant_id AND m.owner_kind = '${kind}' AND m.owner_id = ${owner}.id AND m.status = 'scheduled'`;
  const items = `FROM action_items a WHERE a.tenant_id = ${owner}.tenant_id AND a.owner_kind = '${kind}' AND a.owner_id = ${owner}.id`;
  // The quarter and the year in Paris, as the staff count them.
  const paris = `(now() AT TIME ZONE 'Europe/Paris')`;
  return `(SELECT min(m.starts_at) ${meetings} AND m.starts_at > now()) AS "nextMeetingAt",
    (SELECT count(*)::int ${meetings} AND m.starts_at <= now() AND date_trunc('year', m.starts_at AT TIME ZONE 'Europe/Paris') = date_trunc('year', ${paris})) AS "meetingsThisYear",
    (SELECT count(*)::int ${items} AND a.status = 'open') AS "openActionItems",
    (SELECT count(*)::int ${items} AND a.status = 'open' AND a.due_on < ${paris}::date) AS "overdueActionItems",
    (SELECT count(*)::int ${items} AND a.status = 'done' AND date_trunc('quarter', a.status_at AT TIME ZONE 'Europe/Paris') = date_trunc('quarter', ${paris})) AS "doneThisQuarter"`;
}
