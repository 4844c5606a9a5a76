/**
 * The baseline of the regional benchmark (bench/region-table.ts): the smallest
 * honest server doing the gateway's work for `regionOverview(year)` ("Mes
 * CPTS"), on plain Fastify and pg, answering the same JSON (with urql's
 * `__typename`s).
 *
 * GET /region-overview?year=Y, with the same bearer token. The statements are
 * the gateway's, in its order, their text imported from libs/region and the
 * identity library where they are exported:
 *
 * 1. the request's transaction (START TRANSACTION ... COMMIT; no tenant set,
 *    the reader has none): the CPTS the reader may read
 *    (OrganisationService.regionallyReadableTenants), their heads, then
 *    RegionalAccess's check (the same statement again) and its
 *    regional_access_log row;
 * 2. the regional read, on a connection of its own (RegionalReader):
 *    START TRANSACTION; SET TRANSACTION READ ONLY; SET LOCAL ROLE <the regional
 *    role>; set_config('app.tenant_ids'); set_config('app.user_id');
 *    STORED_FIGURES_SQL (the worker's cpts_figures rows) for the year and the
 *    one before; FIGURES_SQL only for the CPTS with a year not stored (the
 *    gateway's fallback: none once the worker has passed); INSTANCE_FACTS_SQL;
 *    COMMIT;
 * 3. the answer shaped by the same pure code (readFigures over the rows,
 *    governanceHealth), professions' labels from a snapshot of the reference
 *    data loaded at start (as the gateway's catalog). The answer's
 *    `x-counted-cpts` header says how many CPTS took the fallback, so the
 *    benchmark can check that it measures the stored path.
 */
import { createSecretKey, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool, PoolClient } from 'pg';
import { regionalRoleOf } from '@cpts/platform-db';
import type { EntityManager } from 'typeorm';
import { readFigures } from '../libs/region/src/figures/figures.reader';
import type { CptsYearFigures } from '../libs/region/src/figures/figures.types';
import { governanceHealth, INSTANCE_FACTS_SQL, InstanceFacts } from '../libs/region/src/health/governance-health';
import { STORED_FIGURES_SQL } from '../libs/region/src/live-figures/live-figures';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET as string, 'utf8'));
/** regionalRoleOf(the role connected), as the gateway's RegionalReader is built; set at start. */
let regionalRole = '';
const app = Fastify({ logger: false });

type Row = Record<string, unknown>;
type Claims = { sub: string; rr: Array<[string, string]> };
/** A cpts_figures row as STORED_FIGURES_SQL returns it (the figures as JSON: the date a string). */
type StoredRow = { tenant_id: string; year: number; figures: CptsYearFigures & { lastActivityAt: string | null }; computed_at: Date };

/** OrganisationService.regionallyReadableTenants's statement. */
const READABLE_SQL = `SELECT id FROM tenants WHERE region_id = ANY($1)
       UNION SELECT tenant_id FROM mission_officer_tenants WHERE user_id = $2`;
/** RegionOverviewService.readableCpts's statement. */
const HEADS_SQL = `SELECT id, region_id AS "regionId", name, departement_codes AS "departementCodes" FROM tenants WHERE id = ANY($1) ORDER BY name, id`;
/** RegionalAccess.read's log row. */
const LOG_SQL = `INSERT INTO regional_access_log (id, user_id, tenant_ids, purpose) VALUES ($1, $2, $3, $4)`;

let professionLabels = new Map<string, string>();

/** The regional read: its own connection, read-only, the regional role, the tenants and the reader named. */
async function regionalRead<T>(userId: string, tenantIds: string[], work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query('SET TRANSACTION READ ONLY');
    await client.query(`SET LOCAL ROLE ${regionalRole}`);
    await client.query(`SELECT set_config('app.tenant_ids', $1, true)`, [tenantIds.join(',')]);
    await client.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
    const answer = await work(client);
    await client.query('COMMIT');
    return answer;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const enumName = (value: unknown) => (value === null ? null : String(value).toUpperCase());
const typed = (typename: string, fields: Row): Row => ({ ...fields, __typename: typename });

/** A year's figures as the web page's document selects them (FollowedCptsPage.tsx, fragment RegionYearFigures). */
const figures = (f: CptsYearFigures) =>
  typed('CptsYearFigures', {
    year: f.year,
    professionals: f.professionals,
    members: f.members,
    workingGroups: f.workingGroups,
    meetingsHeld: f.meetingsHeld,
    participants: f.participants,
    actionItemsDone: f.actionItemsDone,
    actionItemsOverdue: f.actionItemsOverdue,
    decisionsOpen: f.decisionsOpen,
    decisionsClosed: f.decisionsClosed,
    decisionsWithoutQuorum: f.decisionsWithoutQuorum,
    mandatesEndingSoon: f.mandatesEndingSoon,
    proActifProjects: f.proActifProjects,
    proActifCommittedCents: f.proActifCommittedCents,
    proActifPaidCents: f.proActifPaidCents,
    mailingsSent: f.mailingsSent,
    clickRate: f.clickRate,
    lastActivityAt: f.lastActivityAt ? f.lastActivityAt.toISOString() : null,
  });

app.get<{ Querystring: { year?: string } }>('/region-overview', async (req, reply) => {
  let claims: Claims;
  try {
    claims = jwt.verify((req.headers.authorization ?? '').slice(7), secret, { algorithms: ['HS256'] }) as Claims;
  } catch {
    return reply.status(401).send({ error: 'unauthenticated' });
  }
  const roles = claims.rr.filter(([role]) => role === 'REGION_ADMIN' || role === 'MISSION_OFFICER');
  if (roles.length === 0) return reply.status(403).send({ error: 'forbidden' });
  const adminRegions = claims.rr.filter(([role]) => role === 'REGION_ADMIN').map(([, regionId]) => regionId);
  const year = Number(req.query.year);
  const userId = claims.sub;
  const client = await pool.connect();
  let heads: Row[];
  let ids: string[];
  try {
    await client.query('START TRANSACTION');
    const readable = (await client.query(READABLE_SQL, [adminRegions, userId])).rows.map((r) => r.id as string);
    heads = (await client.query(HEADS_SQL, [readable])).rows;
    ids = heads.map((c) => c.id as string);
    // RegionalAccess: the tenants checked again, the access logged.
    const allowed = new Set((await client.query(READABLE_SQL, [adminRegions, userId])).rows.map((r) => r.id as string));
    if (ids.some((id) => !allowed.has(id))) throw new Error('not readable');
    await client.query(LOG_SQL, [randomUUID(), userId, [...new Set(ids)], 'region-overview']);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  const years = [year - 1, year];
  const { byTenant, facts, computedAt, counted } = await regionalRead(userId, ids, async (c) => {
    // The stored figures (LiveFigures.read's statement and parsing), then the fallback as RegionOverviewService.overview does it.
    const stored = new Map<string, Map<number, { figures: CptsYearFigures; computedAt: Date }>>();
    for (const row of (await c.query(STORED_FIGURES_SQL, [ids, years])).rows as StoredRow[]) {
      const figures = { ...row.figures, lastActivityAt: row.figures.lastActivityAt ? new Date(row.figures.lastActivityAt) : null };
      const mine = stored.get(row.tenant_id) ?? new Map();
      mine.set(row.year, { figures, computedAt: new Date(row.computed_at) });
      stored.set(row.tenant_id, mine);
    }
    const missing = ids.filter((id) => years.some((y) => !stored.get(id)?.has(y)));
    // readFigures issues FIGURES_SQL through `query` (none when nothing is missing): the pg client stands in for TypeORM's manager.
    const manager = { query: async (text: string, params: unknown[]) => (await c.query(text, params)).rows } as unknown as EntityManager;
    const label = (code: string) => professionLabels.get(code) ?? code;
    const live = await readFigures(manager, missing, years, label);
    const byTenant = new Map<string, Map<number, CptsYearFigures>>();
    let oldest: Date | null = null;
    for (const id of ids) {
      const mine = stored.get(id);
      if (mine && years.every((y) => mine.has(y))) {
        byTenant.set(id, new Map([...mine].map(([y, s]) => [y, s.figures])));
        for (const s of mine.values()) if (!oldest || s.computedAt < oldest) oldest = s.computedAt;
      } else {
        byTenant.set(id, live.get(id)!);
      }
    }
    const facts = (await c.query(INSTANCE_FACTS_SQL, [ids])).rows as Array<InstanceFacts & { tenant_id: string }>;
    return { byTenant, facts, computedAt: oldest ?? new Date(), counted: missing.length };
  });
  const now = new Date();
  const rows = heads.map((c) => {
    const years = byTenant.get(c.id as string)!;
    const current = years.get(year)!;
    const health = governanceHealth(
      facts.filter((f) => f.tenant_id === c.id).map((f) => ({ ...f, soonestEnd: f.soonestEnd ? new Date(f.soonestEnd) : null })),
      current.decisionsWithoutQuorum,
      now,
    );
    return typed('RegionOverviewRow', {
      cptsId: c.id,
      name: c.name,
      departementCodes: c.departementCodes,
      current: figures(current),
      previous: figures(years.get(year - 1)!),
      health: typed('GovernanceHealth', {
        level: enumName(health.level),
        signals: health.signals.map((s) => typed('HealthSignal', { level: enumName(s.level), text: s.text })),
      }),
    });
  });
  return reply
    .header('cache-control', 'no-store')
    .header('x-counted-cpts', String(counted))
    .send({ data: { regionOverview: typed('RegionOverview', { year, computedAt: computedAt.toISOString(), rows }) } });
});

app.get('/health/ready', async () => ({ ok: true }));

async function main() {
  const professions = await pool.query<{ code: string; labelPlural: string }>(
    `SELECT code, label_plural AS "labelPlural" FROM professions`,
  );
  professionLabels = new Map(professions.rows.map((p) => [p.code, p.labelPlural]));
  regionalRole = regionalRoleOf((await pool.query<{ role: string }>('SELECT current_user AS role')).rows[0].role);
  const address = await app.listen({ port: Number(process.env.BASELINE_PORT ?? 0), host: '127.0.0.1' });
  process.stdout.write(`region baseline listening on ${address}\n`);
}

void main();
