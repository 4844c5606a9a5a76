/**
 * Addresses a CPTS must not mail again (email_suppressions), and how a
 * refusal or a bounce counts against an address. Used by the worker (a 5xx
 * refusal at send time, in the transaction that records the failure) and by
 * the gateway (bounces and complaints that come back later, unsubscribe
 * links of addresses without a person record).
 *
 * - a hard bounce marks the address undeliverable after one;
 * - a complaint (the person marked a message as spam) blocks it;
 * - soft bounces are counted; the SOFT_BOUNCE_LIMIT-th turns into a hard
 *   bounce, unless SOFT_BOUNCE_RESET_DAYS passed since the address's last
 *   event (the count then starts again at 1);
 * - strongest first: complaint > hard_bounce > unsubscribed; a weaker event
 *   never lowers a stronger reason.
 */
export type SuppressionEvent = 'hard_bounce' | 'soft_bounce' | 'complaint' | 'unsubscribed';

export const SOFT_BOUNCE_LIMIT = 5;
export const SOFT_BOUNCE_RESET_DAYS = 30;

const softCount = `CASE WHEN s.last_event_at < now() - make_interval(days => ${SOFT_BOUNCE_RESET_DAYS}) THEN 1 ELSE s.soft_bounces + 1 END`;

/**
 * One statement, for node-postgres or Db.tenantRows: $1 tenant, $2 address
 * (lower-cased here), $3 event, $4 detail (the server's words). Returns the
 * address's reason and soft-bounce count after it.
 */
export const RECORD_SUPPRESSION_SQL = `
  INSERT INTO email_suppressions AS s (tenant_id, email, reason, soft_bounces, last_event_at, last_detail)
  VALUES ($1, lower($2::text),
          CASE WHEN $3::text = 'soft_bounce' THEN CASE WHEN 1 >= ${SOFT_BOUNCE_LIMIT} THEN 'hard_bounce' END ELSE $3::text END,
          CASE WHEN $3::text = 'soft_bounce' THEN 1 ELSE 0 END, now(), $4)
  ON CONFLICT (tenant_id, email) DO UPDATE SET
    reason = CASE
      WHEN s.reason = 'complaint' OR $3::text = 'complaint' THEN 'complaint'
      WHEN $3::text = 'hard_bounce' THEN 'hard_bounce'
      WHEN s.reason IS NOT NULL THEN s.reason
      WHEN $3::text = 'soft_bounce' AND ${softCount} >= ${SOFT_BOUNCE_LIMIT} THEN 'hard_bounce'
      WHEN $3::text = 'unsubscribed' THEN 'unsubscribed'
    END,
    soft_bounces = CASE WHEN $3::text = 'soft_bounce' THEN ${softCount} ELSE s.soft_bounces END,
    last_event_at = now(),
    last_detail = EXCLUDED.last_detail
  RETURNING reason, soft_bounces AS "softBounces"`;

export function recordSuppressionParams(tenantId: string, email: string, event: SuppressionEvent, detail: string | null): unknown[] {
  return [tenantId, email, event, detail === null ? null : detail.slice(0, 1000)];
}

/** The enhanced status code (RFC 3463, "5.1.1") of an SMTP reply or a DSN Status field, if any. */
export function enhancedStatus(text: string): string | null {
  const reply = /\b[245]\d\d[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(text);
  if (reply) return reply[1];
  const bare = /^\s*([245]\.\d{1,3}\.\d{1,3})\b/.exec(text);
  return bare ? bare[1] : null;
}

/**
 * What a refusal (or a failed delivery status) says about the address:
 * hard_bounce (the mailbox or domain does not exist, or is disabled),
 * soft_bounce (full, temporarily refused), or null when it says nothing
 * about the address (the sender's policy or reputation, the content, a fault
 * of a server): suppressing good addresses for those would punish the
 * recipients for the sender's problem.
 */
export function bounceOf(replyCode: number | null, enhanced: string | null): 'hard_bounce' | 'soft_bounce' | null {
  if (enhanced) {
    const [cls, subject, detail] = enhanced.split('.').map(Number);
    if (cls === 4) return 'soft_bounce';
    if (cls === 5) {
      if (subject === 1) return 'hard_bounce'; // 5.1.x: bad mailbox, bad domain, bad address syntax
      if (subject === 2) return detail === 1 ? 'hard_bounce' : 'soft_bounce'; // 5.2.1 disabled; 5.2.2 full, 5.2.3 too big for it
      if (subject === 4 && detail === 4) return 'hard_bounce'; // 5.4.4: no mail server for the domain
      return null; // 5.3 system, 5.5 protocol, 5.6 content, 5.7 policy/security
    }
  }
  if (replyCode === null) return null;
  if (replyCode >= 400 && replyCode < 500) return 'soft_bounce';
  if (replyCode === 550 || replyCode === 551 || replyCode === 553) return 'hard_bounce';
  if (replyCode === 552) return 'soft_bounce';
  return null;
}
