/**
 * The baseline of the governance benchmark (bench/governance.ts): the
 * smallest honest server doing the same work for the same answer, on plain
 * Fastify and pg, one transaction a request with the tenant set by
 * set_config(..., true).
 *
 * - POST /decisions/:token/vote: the link's token read by the same code
 *   (DecisionLinks), then in one transaction: the decision's row locked FOR
 *   NO KEY UPDATE with the voter in one statement (open, deadline, the
 *   mandate or membership still held), the voter's row updated, the chain's
 *   last entry read and the next one inserted with its SHA-256 (entryHash),
 *   "has everyone voted?" asked of PostgreSQL in one statement, then the vote
 *   page the gateway answers (DecisionVotesService.page's statements,
 *   verbatim, after the vote, in the same transaction); with `?answer=none`,
 *   the writes only (answering `{ "ok": true }`), to show what the page costs.
 * - GET /register?first=&after=: DecisionsService.register's two statements
 *   (the keyset page, the count), verbatim, answering the JSON of the
 *   benchmark's GraphQL document with urql's `__typename`s.
 */
import { createSecretKey } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool, PoolClient } from 'pg';
import { DecisionLinks, entryHash, GENESIS } from '@cpts/governance';
import { LinkSigner } from '@cpts/platform-mail';
import { DECISION_COLUMNS, DECISION_FROM } from '../libs/governance/src/decisions.service';
import { HELD_ON, PARIS_TODAY } from '../libs/governance/src/instances.service';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET as string, 'utf8'));
const links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), '');
const app = Fastify({ logger: false });

type Row = Record<string, unknown>;
const CHOICES = ['for', 'against', 'abstain'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function inTenant<T>(tenantId: string, work: (sql: (text: string, params: unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const answer = await work(async (text, params) => (await client.query(text, params)).rows);
    await client.query('COMMIT');
    return answer;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The voter with their decision, the decision's row locked; whether the person still sits (VotingService.lockVoter's test). */
const LOCK_SQL = `SELECT v.decision_id AS "decisionId", v.name, v.choice, v.conflict_at IS NOT NULL AS conflict, v.proxy_to AS "proxyTo",
         d.status, d.deadline <= now() AS due, d.options, d.statutes,
         CASE WHEN v.mandate_id IS NOT NULL
              THEN EXISTS (SELECT 1 FROM governance_mandates m WHERE m.tenant_id = v.tenant_id AND m.id = v.mandate_id AND ${HELD_ON('m', PARIS_TODAY)})
              WHEN v.membership_id IS NOT NULL
              THEN EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = v.tenant_id AND s.id = v.membership_id AND s.status = 'active')
              ELSE true END AS seated
  FROM governance_voters v JOIN governance_decisions d ON d.tenant_id = v.tenant_id AND d.id = v.decision_id
  WHERE v.tenant_id = $1 AND v.id = $2 FOR NO KEY UPDATE OF d`;

/**
 * Everyone who counts has expressed a vote (decision-closing.ts's everyoneVoted over statutes.ts's count): someone
 * eligible, and nobody eligible without a vote of their own or one carried by a proxy (a holder of the same decision
 * who voted and declared no conflict).
 */
const ALL_VOTED_SQL = `SELECT EXISTS (SELECT 1 FROM governance_voters v WHERE v.tenant_id = $1 AND v.decision_id = $2 AND v.conflict_at IS NULL)
     AND NOT EXISTS (SELECT 1 FROM governance_voters v
                     LEFT JOIN governance_voters h ON h.tenant_id = v.tenant_id AND h.id = v.proxy_to AND h.decision_id = v.decision_id
                     WHERE v.tenant_id = $1 AND v.decision_id = $2 AND v.conflict_at IS NULL AND v.choice IS NULL
                       AND (h.id IS NULL OR h.choice IS NULL OR h.conflict_at IS NOT NULL)) AS "allVoted"`;

function closedReason(v: Row): string | null {
  if (v.status === 'closed') return 'Ce vote est clos : la décision a été comptée.';
  if (v.status !== 'open') return "Ce vote n'est pas ouvert.";
  if (v.due) return "L'échéance de ce vote est passée : il n'est plus possible de voter.";
  if (!v.seated) return 'Votre mandat dans cette instance a pris fin : vous ne pouvez plus voter sur cette décision.';
  return null;
}

const registerNumber = (year: unknown, seq: unknown) => (year && seq ? `${year}-${String(seq).padStart(3, '0')}` : null);

app.post<{ Params: { token: string }; Body: { choice?: unknown }; Querystring: { answer?: string } }>(
  '/decisions/:token/vote',
  async (req, reply) => {
    const token = req.params.token;
    const target = links.read(token);
    if (!target) return reply.status(404).send({ errors: [{ message: 'invalid link' }] });
    const choice = req.body?.choice;
    if (typeof choice !== 'string' || !CHOICES.includes(choice)) return reply.status(400).send({ errors: [{ message: 'choice' }] });
    const { tenantId, voterId } = target;
    try {
      const page = await inTenant(tenantId, async (sql) => {
        const [v] = await sql(LOCK_SQL, [tenantId, voterId]);
        if (!v) throw new HttpError(404, 'no such voter');
        const closed = closedReason(v);
        if (closed) throw new HttpError(409, closed);
        if (!(v.options as string[]).includes(choice)) throw new HttpError(400, 'choice');
        if (v.conflict) throw new HttpError(409, 'conflict of interest');
        const decisionId = v.decisionId as string;
        if (v.choice !== choice) {
          const changed = v.choice !== null;
          await sql(
            `UPDATE governance_voters SET choice = $3, voted_at = now(), channel = 'link', changes = changes + $4 WHERE tenant_id = $1 AND id = $2`,
            [tenantId, voterId, choice, changed ? 1 : 0],
          );
          const [last] = await sql(
            `SELECT seq, hash FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2 ORDER BY seq DESC LIMIT 1`,
            [tenantId, decisionId],
          );
          const entry = {
            seq: ((last?.seq as number | undefined) ?? 0) + 1,
            at: new Date(),
            event: changed ? 'vote_changed' : 'vote',
            actor: `voter:${voterId}`,
            channel: 'link',
            data: { voter: voterId, choice, ...(changed ? { previous: v.choice } : {}) },
            prevHash: (last?.hash as string | undefined) ?? GENESIS,
          };
          await sql(
            `INSERT INTO governance_audit (tenant_id, decision_id, seq, at, event, actor, channel, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              tenantId,
              decisionId,
              entry.seq,
              entry.at,
              entry.event,
              entry.actor,
              entry.channel,
              JSON.stringify(entry.data),
              entry.prevHash,
              entryHash(tenantId, decisionId, entry),
            ],
          );
          const [{ allVoted }] = await sql(ALL_VOTED_SQL, [tenantId, decisionId]);
          // Closing (the count, the register's number, the outcome's emails) is not this baseline's: the benchmark keeps voters who never vote.
          if (allVoted) throw new HttpError(500, 'everyone voted: the baseline does not close decisions');
          v.choice = choice;
        }
        // `?answer=none`: the writes alone, to tell the vote's cost from the page's (the benchmark's third line).
        return req.query.answer === 'none' ? { ok: true } : votePage(sql, tenantId, token, voterId, v);
      });
      return reply.header('cache-control', 'no-store').send(page);
    } catch (err) {
      if (err instanceof HttpError) return reply.status(err.status).send({ errors: [{ message: err.message }] });
      throw err;
    }
  },
);

/** DecisionVotesService.page: the same statements (but the voter's row, already read under the lock), the same answer. */
async function votePage(
  sql: (text: string, params: unknown[]) => Promise<Row[]>,
  tenantId: string,
  token: string,
  voterId: string,
  v: Row,
) {
  const [d] = await sql(
    `SELECT t.name AS "cptsName", i.name AS "instanceName", d.title, d.context, d.question, d.options, d.amount_cents::float8 AS "amountCents", d.missions, d.deadline,
              d.status, d.outcome, d.register_year AS "registerYear", d.register_seq AS "registerSeq", d.result,
              (SELECT count(*)::int FROM governance_voters x WHERE x.tenant_id = d.tenant_id AND x.decision_id = d.id AND x.choice IS NOT NULL) AS voted,
              (SELECT count(*)::int FROM governance_voters x WHERE x.tenant_id = d.tenant_id AND x.decision_id = d.id) AS total
       FROM governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id JOIN tenants t ON t.id = d.tenant_id
       WHERE d.tenant_id = $1 AND d.id = $2`,
    [tenantId, v.decisionId],
  );
  const others = await sql(
    `SELECT id, name FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 AND id <> $3 AND conflict_at IS NULL ORDER BY lower(name), id`,
    [tenantId, v.decisionId, voterId],
  );
  const comments = await sql(
    `SELECT author_name AS "authorName", body, created_at AS "createdAt" FROM governance_comments WHERE tenant_id = $1 AND decision_id = $2 ORDER BY created_at, id`,
    [tenantId, v.decisionId],
  );
  const documents = await sql(
    `SELECT id, file_name AS "fileName", bytes::float8 AS bytes FROM decision_documents WHERE tenant_id = $1 AND decision_id = $2 ORDER BY uploaded_at, id`,
    [tenantId, v.decisionId],
  );
  const holds = await sql(
    `SELECT name FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 AND proxy_to = $3 ORDER BY lower(name)`,
    [tenantId, v.decisionId, voterId],
  );
  const { registerYear, registerSeq, result, voted, total, ...rest } = d;
  return {
    ...rest,
    closed: closedReason(v),
    registerNumber: registerNumber(registerYear, registerSeq),
    tally: (result as { tally?: unknown } | null)?.tally ?? null,
    participation: { voted, total },
    voter: { name: v.name, choice: v.choice, conflict: v.conflict, proxyToId: v.proxyTo, holdsProxiesOf: holds.map((h) => h.name) },
    proxiesPerHolder: (v.statutes as { proxiesPerHolder: number }).proxiesPerHolder,
    others,
    comments,
    documents: documents.map((doc) => ({ ...doc, url: `/api/public/decisions/${token}/documents/${doc.id}` })),
  };
}

const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const enumName = (value: unknown) => (value === null ? null : String(value).toUpperCase());
const TALLY_FIELDS = ['for', 'against', 'abstain', 'participating', 'byProxy', 'eligible', 'quorumNeeded'];

// query DecisionRegister($first, $after) { decisionRegister(first, after) { ... } } (bench/governance.ts's REGISTER): the keyset page and the count.
app.get<{ Querystring: { first?: string; after?: string } }>('/register', async (req, reply) => {
  let claims: { tid: string };
  try {
    claims = jwt.verify((req.headers.authorization ?? '').slice(7), secret, { algorithms: ['HS256'] }) as { tid: string };
  } catch {
    return reply.status(401).send({ error: 'unauthenticated' });
  }
  const first = Number(req.query.first ?? 50);
  const tenantId = claims.tid;
  return inTenant(tenantId, async (sql) => {
    const params: unknown[] = [tenantId];
    const filtered = `AND d.status = 'closed' AND d.register_seq IS NOT NULL`;
    let keyset = '';
    if (req.query.after) {
      const [year, seq] = JSON.parse(Buffer.from(req.query.after, 'base64url').toString('utf8')) as [number, number];
      keyset = `AND (d.register_year, d.register_seq) < ($${params.push(year)}, $${params.push(seq)})`;
    }
    const rows = await sql(
      `SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.tenant_id = $1 ${filtered} ${keyset}
         ORDER BY d.register_year DESC, d.register_seq DESC LIMIT ${first + 1}`,
      params,
    );
    const [{ total }] = await sql(`SELECT count(*)::int AS total FROM ${DECISION_FROM} WHERE d.tenant_id = $1 ${filtered}`, [tenantId]);
    const edges = rows.slice(0, first).map((r) => {
      const tally = (r.result as { tally: Row } | null)?.tally;
      return {
        cursor: encodeCursor([r.registerYear, r.registerSeq]),
        node: {
          id: r.id,
          registerNumber: registerNumber(r.registerYear, r.registerSeq),
          closedAt: r.closedAt,
          instanceName: r.instanceName,
          source: enumName(r.source),
          title: r.title,
          question: r.question,
          outcome: enumName(r.outcome),
          amountCents: r.amountCents,
          tally: tally ? { ...Object.fromEntries(TALLY_FIELDS.map((f) => [f, tally[f]])), __typename: 'DecisionTally' } : null,
          __typename: 'Decision',
        },
        __typename: 'DecisionEdge',
      };
    });
    return {
      data: {
        decisionRegister: {
          totalCount: total,
          pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null, __typename: 'PageInfo' },
          edges,
          __typename: 'DecisionConnection',
        },
      },
    };
  });
});

app.get('/health/ready', async () => ({ ok: true }));

void app.listen({ port: Number(process.env.BASELINE_PORT ?? 0), host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`governance baseline listening on ${address}\n`);
});
