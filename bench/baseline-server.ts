/**
 * The baseline of the gateway benchmark: the smallest honest server doing the
 * same work for the same answer. Plain Fastify and pg, the token verified the
 * same way, one transaction per request that sets the tenant with
 * set_config(..., true), and the same SQL as the gateway issues for
 * `professionals(first: 50) { ... profession commune }`: the page, then one
 * batched query per relation.
 */
import { createSecretKey } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
// The same key handling as the gateway: built once.
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET as string, 'utf8'));
const app = Fastify({ logger: false });

const PAGE_SQL = `SELECT id, last_name AS "lastName", first_name AS "firstName", search_name AS "searchName", profession_code AS "professionCode",
    rpps, commune_code AS "communeCode", structure_name AS "structureName", email, phone, archived_at AS "archivedAt",
    created_at AS "createdAt", updated_at AS "updatedAt"
  FROM professionals WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY search_name, id LIMIT $2`;
const COUNT_SQL = `SELECT count(*)::int AS total FROM professionals WHERE tenant_id = $1 AND archived_at IS NULL`;

app.get('/professionals', async (req, reply) => {
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
    const { rows } = await client.query(PAGE_SQL, [tenantId, first + 1]);
    const { rows: count } = await client.query(COUNT_SQL, [tenantId]);
    const page = rows.slice(0, first);
    const professionCodes = [...new Set(page.map((r) => r.professionCode))];
    const communeCodes = [...new Set(page.map((r) => r.communeCode))];
    const professions = await client.query(`SELECT code, label, label_plural AS "labelPlural" FROM professions WHERE code = ANY($1)`, [professionCodes]);
    const communes = await client.query(
      `SELECT insee_code AS "inseeCode", name, departement_code AS "departementCode", population, epci_name AS "epciName" FROM communes WHERE insee_code = ANY($1)`,
      [communeCodes],
    );
    await client.query('COMMIT');
    const professionBy = new Map(professions.rows.map((p) => [p.code, p]));
    const communeBy = new Map(communes.rows.map((c) => [c.inseeCode, c]));
    const edges = page.map((r) => ({
      cursor: Buffer.from(JSON.stringify([r.searchName, r.id])).toString('base64url'),
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
    return { data: { professionals: { totalCount: count[0].total, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, edges } } };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
});

app.listen({ port: Number(process.env.BASELINE_PORT ?? 0), host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`baseline listening on ${address}\n`);
});
