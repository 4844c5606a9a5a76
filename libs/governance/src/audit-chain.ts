import { createHash } from 'node:crypto';
import { Db } from '@cpts/platform-db';

/** The hash the first entry of a chain follows. */
export const GENESIS = '0'.repeat(64);

export type AuditChannel = 'link' | 'web' | 'session' | 'system';

export interface AuditEvent {
  event: string;
  /** "voter:<id>", "user:<id>" or "system": ids only, so erasing a person never touches the chain. */
  actor: string;
  channel: AuditChannel;
  data?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: Date;
  event: string;
  actor: string;
  channel: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level: jsonb does not keep the order of keys, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** An entry's hash: SHA-256 of the previous hash and everything the entry says, CPTS and decision included. */
export function entryHash(tenantId: string, decisionId: string, e: Omit<AuditRow, 'hash'>): string {
  const text = canonicalJson([e.prevHash, tenantId, decisionId, e.seq, e.at.toISOString(), e.event, e.actor, e.channel, e.data]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Appends entries to a decision's chain, in the caller's transaction. The
 * caller holds the decision's row lock (every write to a decision takes
 * it), so two appends never read the same last entry.
 */
export async function appendAudit(db: Db, tenantId: string, decisionId: string, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [last] = await db.tenantRows<{ seq: number; hash: string }>(
    `SELECT seq, hash FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2 ORDER BY seq DESC LIMIT 1`,
    [tenantId, decisionId],
  );
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS;
  // Milliseconds: what a JavaScript date and the text of the hash carry, and PostgreSQL keeps exactly.
  const at = new Date();
  const rows = events.map((e) => {
    seq += 1;
    const entry = { seq, at, event: e.event, actor: e.actor, channel: e.channel, data: e.data ?? {}, prevHash };
    const hash = entryHash(tenantId, decisionId, entry);
    prevHash = hash;
    return { ...entry, hash };
  });
  await db.tenantRows(
    `INSERT INTO governance_audit (tenant_id, decision_id, seq, at, event, actor, channel, data, prev_hash, hash)
     SELECT $1, $2, u.seq, u.at, u.event, u.actor, u.channel, u.data, u.prev_hash, u.hash
     FROM unnest($3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
       AS u(seq, at, event, actor, channel, data, prev_hash, hash)`,
    [
      tenantId,
      decisionId,
      rows.map((r) => r.seq),
      rows.map((r) => r.at),
      rows.map((r) => r.event),
      rows.map((r) => r.actor),
      rows.map((r) => r.channel),
      rows.map((r) => JSON.stringify(r.data)),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
}

export async function auditRows(db: Db, tenantId: string, decisionId: string): Promise<AuditRow[]> {
  return db.tenantRows<AuditRow>(
    `SELECT seq, at, event, actor, channel, data, prev_hash AS "prevHash", hash FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2 ORDER BY seq`,
    [tenantId, decisionId],
  );
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
  problem: string | null;
}

/**
 * Recomputes the chain: each entry's number follows the one before, it
 * names the previous entry's hash, and its own hash is what its content
 * gives. A row changed, removed or inserted afterwards breaks it there.
 */
export function checkChain(tenantId: string, decisionId: string, rows: AuditRow[]): ChainCheck {
  let prevHash = GENESIS;
  for (const [i, row] of rows.entries()) {
    const broken = (problem: string): ChainCheck => ({ ok: false, entries: rows.length, brokenAt: row.seq, problem });
    if (row.seq !== i + 1) return broken(`L'entrée n° ${i + 1} manque : le journal a été amputé.`);
    if (row.prevHash !== prevHash) return broken(`L'entrée n° ${row.seq} ne suit pas la précédente : le journal a été modifié.`);
    if (entryHash(tenantId, decisionId, row) !== row.hash) return broken(`Le contenu de l'entrée n° ${row.seq} a été modifié après coup.`);
    prevHash = row.hash;
  }
  return { ok: true, entries: rows.length, brokenAt: null, problem: null };
}
