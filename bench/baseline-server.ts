/**
 * The baseline of the gateway benchmark: the smallest honest server doing the
 * same work for the same answer. Plain Fastify and pg, the token verified the
 * same way, one transaction per request that sets the tenant with
 * set_config(..., true), and the same SQL as the gateway issues for
 * `professionals(first: 50, filter: { search }) { ... profession commune }`:
 * the page with its count in one statement, professions and communes from an in-process
 * snapshot of the reference data loaded at start (as the gateway's catalog).
 */
import { createSecretKey } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { nameSearchSql } from '@cpts/platform-core';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
// The same key handling as the gateway: built once.
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET as string, 'utf8'));
const app = Fastify({ logger: false });

const COLUMNS = `id, last_name AS "lastName", first_name AS "firstName", search_name AS "searchName", profession_code AS "professionCode",
  rpps, commune_code AS "communeCode", structure_name AS "structureName", email, phone, archived_at AS "archivedAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;
/** The gateway's statement for a first page, with or without a name search (exact matches first). */
function pageSql(tenantId: string, limit: number, search: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, limit];
  const where = [`tenant_id = $1`, `archived_at IS NULL`, `erased_at IS NULL`, `merged_into IS NULL`];
  const name = nameSearchSql(search, 'search_runs', params);
  if (name) where.push(name.match);
  const sql = name?.rank
    ? `WITH m AS MATERIALIZED (SELECT ${COLUMNS}, ${name.rank} AS rank FROM professionals WHERE ${where.join(' AND ')})
       SELECT c.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM m) c
       LEFT JOIN LATERAL (SELECT * FROM m ORDER BY rank, "searchName", id LIMIT $2) p ON true
       ORDER BY p.rank, p."searchName", p.id`
    : `SELECT c.total AS "totalCount", p.* FROM (SELECT count(*)::int AS total FROM professionals WHERE ${where.join(' AND ')}) c
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM professionals WHERE ${where.join(' AND ')} ORDER BY search_name, id LIMIT $2) p ON true
       ORDER BY p."searchName", p.id`;
  return { sql, params };
}

type Profession = { code: string; label: string; labelPlural: string };
type Commune = { inseeCode: string; name: string; departementCode: string; population: number; epciName: string | null };
let professionBy = new Map<string, Profession>();
let communeBy = new Map<string, Commune>();

app.get<{ Querystring: { search?: string } }>('/professionals', async (req, reply) => {
  const header = req.headers.authorization ?? '';
  let tenantId: string;
  try {
    tenantId = (jwt.verify(header.slice(7), secret, { algorithms: ['HS256'] }) as { tid: string }).tid;
  } catch {
    return reply.status(401).send({ error: 'unauthenticated' });
  }
  const first = 50;
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { sql, params } = pageSql(tenantId, first + 1, req.query.search ?? '');
    const { rows } = await client.query(sql, params);
    await client.query('COMMIT');
    const total: number = rows[0]?.totalCount ?? 0;
    const page = rows.filter((r) => r.id !== null).slice(0, first);
    const edges = page.map((r) => ({
      cursor: Buffer.from(JSON.stringify(r.rank === undefined ? [r.searchName, r.id] : [r.rank, r.searchName, r.id])).toString('base64url'),
      node: {
        id: r.id,
        lastName: r.lastName,
        firstName: r.firstName,
        rpps: r.rpps,
        email: r.email,
        phone: r.phone,
        structureName: r.structureName,
        profession: { code: r.professionCode, label: professionBy.get(r.professionCode)?.label },
        commune: { inseeCode: r.communeCode, name: communeBy.get(r.communeCode)?.name },
      },
    }));
    return { data: { professionals: { totalCount: total, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, edges } } };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
});

async function main() {
  const [professions, communes] = await Promise.all([
    pool.query<Profession>(`SELECT code, label, label_plural AS "labelPlural" FROM professions`),
    pool.query<Commune>(`SELECT insee_code AS "inseeCode", name, departement_code AS "departementCode", population, epci_name AS "epciName" FROM communes`),
  ]);
  professionBy = new Map(professions.rows.map((p) => [p.code, p]));
  communeBy = new Map(communes.rows.map((c) => [c.inseeCode, c]));
  const address = await app.listen({ port: Number(process.env.BASELINE_PORT ?? 0), host: '127.0.0.1' });
  process.stdout.write(`baseline listening on ${address}\n`);
}

void main();
