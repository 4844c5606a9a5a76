/** True when `err` is PostgreSQL's unique violation (23505) on `constraint`. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const source = e?.driverError ?? e;
  return source?.code === '23505' && source?.constraint === constraint;
}

/**
 * PostgreSQL (or the pool in front of it) refusing for load, not for what was
 * asked: a statement over statement_timeout (57014), a lock not granted in
 * time (55P03), a deadlock or serialization failure (40P01, 40001), too many
 * connections (53300), or no pooled connection free within the wait. The
 * same request can succeed a moment later.
 */
export function isDatabaseBusy(err: unknown): boolean {
  const e = err as { code?: string; message?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  if (code && ['57014', '55P03', '40P01', '40001', '53300'].includes(code)) return true;
  return typeof e?.message === 'string' && e.message.startsWith('timeout exceeded when trying to connect');
}

/** SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), shutting down or starting up (57P01-57P03), too many connections. */
const UNAVAILABLE_STATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** node-postgres' own words for a socket gone, or a pool that could not connect in time. */
const CONNECTION_LOST = /Connection terminated|not queryable|timeout exceeded when trying to connect/i;

/** True when `err` says the server could not be reached or dropped the connection, as opposed to refusing a statement. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const source = e?.driverError ?? e;
  const code = typeof source?.code === 'string' ? source.code : '';
  // Node's system errors (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND...) carry their name as code.
  return /^E[A-Z]+$/.test(code) || UNAVAILABLE_STATES.test(code) || CONNECTION_LOST.test(String(source?.message ?? ''));
}
