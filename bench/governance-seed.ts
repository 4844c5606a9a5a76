/**
 * The governance benchmark's data (bench/governance.ts), written through the
 * owner role in tenant transactions (row-level security is forced on it too),
 * in a few set-based statements, on one bench CPTS:
 *
 * - once (guarded by the CPTS having an AG): professionals added up to 2,100
 *   (the bench CPTS have 900), 2,000 active members of this Paris year, the
 *   bureau, the CA with its four colleges, the AG and a commission, and a
 *   register of 2,000 closed decisions (250 a year over eight years, numbered,
 *   with their results and 5 voters each; no audit rows: the register does
 *   not read them) with the counters of the register set after them;
 * - per run: the AG's open decision the votes go to, its 2,000 voters (the
 *   year's active members, as DecisionsService.openRow fixes them) and the
 *   chain's "opened" entry; removed after the run.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_STATUTES, entryHash, GENESIS, outcomeOf, Choice, Elector, StatutesKind } from '@cpts/governance';
import { COLLEGE_LABELS_FR, MembershipCollege } from '@cpts/platform-reference';
import { searchKey } from '@cpts/platform-core';
import { generateProfessionals, prng } from '../apps/migrator/src/seed';

export const MEMBERS = 2000;
export const REGISTER_DECISIONS = 2000;
const PROFESSIONALS = 2100;
const YEARS = 8;
const VOTERS_PER_DECISION = 5;
const VOTE_TITLE = 'Approbation des comptes 2026 (bench)';

/** A tenant transaction of the owner. */
export async function inTenant<T>(client: Client, tenantId: string, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

export interface GovernanceCpts {
  tenantId: string;
  coordinatorId: string;
  agId: string;
}

/** The bench CPTS n° `cpts` with its governance; seeds it the first time (prints what it did on stderr). */
export async function governanceCpts(owner: Client, cpts: number): Promise<GovernanceCpts> {
  const [tenant] = (await owner.query(`SELECT id, commune_codes FROM tenants WHERE contact_email = $1`, [`contact+${cpts}@bench.cpts.fr`]))
    .rows;
  if (!tenant) throw new Error(`no bench CPTS ${cpts}: run through bench/run.sh`);
  const [coordinator] = (await owner.query(`SELECT id FROM users WHERE email = $1`, [`coordination+${cpts}@bench.cpts.fr`])).rows;
  const tenantId = tenant.id as string;
  const found = await inTenant(owner, tenantId, async () => {
    const [ag] = (await owner.query(`SELECT id FROM governance_instances WHERE tenant_id = $1 AND kind = 'ag'`, [tenantId])).rows;
    return ag?.id as string | undefined;
  });
  if (found) return { tenantId, coordinatorId: coordinator.id, agId: found };
  const started = Date.now();
  const agId = await inTenant(owner, tenantId, () => seed(owner, tenantId, tenant.commune_codes as string[], coordinator.id, cpts));
  await owner.query(
    'ANALYZE professionals, memberships, governance_instances, governance_decisions, governance_voters, governance_register_counters',
  );
  process.stderr.write(
    `bench CPTS ${cpts}: ${MEMBERS} members, 4 instances and a register of ${REGISTER_DECISIONS} decisions seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return { tenantId, coordinatorId: coordinator.id, agId };
}

async function seed(owner: Client, tenantId: string, communeCodes: string[], coordinatorId: string, cpts: number): Promise<string> {
  const q = (sql: string, params: unknown[]) => owner.query(sql, params);
  // Professionals up to 2,100: an AG of 2,000 members needs as many people (one membership a person and year).
  const [{ count }] = (await q(`SELECT count(*)::int AS count FROM professionals WHERE tenant_id = $1`, [tenantId])).rows;
  if (count < PROFESSIONALS) {
    const communes = (
      await q(`SELECT insee_code AS code, name, population FROM communes WHERE insee_code = ANY($1::text[])`, [communeCodes])
    ).rows;
    // Another seed than seed-scale's (5000 + n), so the RPPS numbers differ from the CPTS's own.
    const people = generateProfessionals({ communes }, PROFESSIONALS - count, 5500 + cpts);
    await q(
      `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, rpps, commune_code, structure_name, email, phone)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
      [
        tenantId,
        people.map((p) => p.id),
        people.map((p) => p.lastName),
        people.map((p) => p.firstName),
        people.map((p) => searchKey(`${p.lastName} ${p.firstName}`)),
        people.map((p) => p.professionCode),
        people.map((p) => p.rpps),
        people.map((p) => p.communeCode),
        people.map((p) => p.structureName),
        people.map((p) => p.email),
        people.map((p) => p.phone),
      ],
    );
  }
  // 2,000 active members of the Paris year, people with an address first; 70 % liberal, 15 % MSP, 10 % establishments, 5 % users.
  await q(
    `INSERT INTO membership_years (tenant_id, year, default_fee_cents) VALUES ($1, extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int, 3000)
     ON CONFLICT DO NOTHING`,
    [tenantId],
  );
  await q(
    `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college, created_by)
     SELECT $1, gen_random_uuid(), p.id, extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int, 'active', 3000, (now() AT TIME ZONE 'Europe/Paris')::date - (p.n % 300)::int,
            'transfer', CASE WHEN p.n % 20 < 14 THEN 'liberal' WHEN p.n % 20 < 17 THEN 'msp' WHEN p.n % 20 < 19 THEN 'establishment' ELSE 'user' END, $3
     FROM (SELECT id, row_number() OVER (ORDER BY email IS NULL, id) AS n FROM professionals WHERE tenant_id = $1 AND archived_at IS NULL AND erased_at IS NULL
             AND merged_into IS NULL) p
     WHERE p.n <= $2
     ON CONFLICT DO NOTHING`,
    [tenantId, MEMBERS, coordinatorId],
  );
  // The instances, with the usual rules of their kind (InstancesService.create); the CA's four colleges.
  const instances: Array<{ kind: StatutesKind; id: string; name: string; seats: number | null }> = [
    { kind: 'bureau', id: randomUUID(), name: 'Bureau', seats: 6 },
    { kind: 'ca', id: randomUUID(), name: "Conseil d'administration", seats: 16 },
    { kind: 'ag', id: randomUUID(), name: 'Assemblée générale', seats: null },
    { kind: 'commission', id: randomUUID(), name: 'Commission parcours de soins', seats: 8 },
  ];
  for (const i of instances)
    await q(
      `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [tenantId, i.id, i.kind, i.name, i.seats, JSON.stringify(DEFAULT_STATUTES[i.kind]), coordinatorId],
    );
  const colleges = Object.values(MembershipCollege);
  await q(
    `INSERT INTO governance_colleges (tenant_id, id, instance_id, name, membership_college, seats, position)
     SELECT $1, gen_random_uuid(), $2, u.name, u.code, 4, u.position FROM unnest($3::text[], $4::text[], $5::int[]) AS u(name, code, position)`,
    [tenantId, instances[1].id, colleges.map((c) => COLLEGE_LABELS_FR[c]), colleges, colleges.map((_, i) => i)],
  );
  await seedRegister(owner, tenantId, instances, coordinatorId);
  return instances[2].id;
}

const TOPICS = [
  ['Adhésion à la fédération régionale', 'La CPTS adhère-t-elle à la fédération régionale des CPTS ?'],
  ['Budget prévisionnel', 'Le budget prévisionnel présenté est-il adopté ?'],
  ['Recrutement d’une coordinatrice de parcours', 'La CPTS recrute-t-elle une coordinatrice de parcours à mi-temps ?'],
  ['Location d’un local partagé', 'La CPTS loue-t-elle le local proposé pour ses réunions ?'],
  ['Campagne de dépistage', 'La CPTS organise-t-elle la campagne de dépistage proposée ?'],
  ['Convention avec le centre hospitalier', 'La convention de partenariat avec le centre hospitalier est-elle approuvée ?'],
  ['Indemnisation des référents', 'Les référents de parcours sont-ils indemnisés selon le barème proposé ?'],
  ['Achat de matériel de télésanté', 'La CPTS achète-t-elle le matériel de télésanté proposé ?'],
] as const;

/**
 * 2,000 closed decisions over eight years, numbered 1 to 250 each year in the order they closed: four in ten of
 * the bureau, four of the CA, one of the AG (published), one of the commission; some voted in session, some
 * opened by a spending request. Five voters each (the CPTS's people), the result computed by the statutes'
 * arithmetic from their votes, as DecisionCloser stores it.
 */
async function seedRegister(
  owner: Client,
  tenantId: string,
  instances: Array<{ kind: StatutesKind; id: string; name: string; seats: number | null }>,
  coordinatorId: string,
): Promise<void> {
  const people = (
    await owner.query(
      `SELECT p.id, p.first_name || ' ' || p.last_name AS name, lower(p.email) AS email, m.college
       FROM professionals p LEFT JOIN memberships m ON m.tenant_id = p.tenant_id AND m.professional_id = p.id
       WHERE p.tenant_id = $1 ORDER BY p.id LIMIT 200`,
      [tenantId],
    )
  ).rows as Array<{ id: string; name: string; email: string | null; college: MembershipCollege | null }>;
  const caColleges = Object.values(MembershipCollege).map((c) => COLLEGE_LABELS_FR[c]);
  const r = prng(2026);
  const now = Date.now();
  const lastYear = new Date().getUTCFullYear();
  const perYear = REGISTER_DECISIONS / YEARS;
  const d: Record<string, unknown[]> = {};
  const v: Record<string, unknown[]> = {};
  const push = (into: Record<string, unknown[]>, row: Record<string, unknown>) => {
    for (const [k, value] of Object.entries(row)) (into[k] ??= []).push(value);
  };
  for (let i = 0; i < REGISTER_DECISIONS; i++) {
    const year = lastYear - YEARS + 1 + Math.floor(i / perYear);
    const seq = (i % perYear) + 1;
    // Closed through the year (this year: until yesterday), in the order of the numbers.
    const start = Date.UTC(year, 0, 2);
    const end = Math.min(Date.UTC(year, 11, 30), now - 86_400_000);
    const closedAt = new Date(start + ((end - start) * seq) / (perYear + 1));
    const instance = instances[[0, 0, 0, 0, 1, 1, 1, 1, 2, 3][i % 10]];
    const statutes = DEFAULT_STATUTES[instance.kind];
    const source = instance.kind !== 'ag' && i % 7 === 3 ? 'spending' : i % 5 === 2 ? 'session' : 'written';
    const id = randomUUID();
    const electors: Elector[] = [];
    const offset = r.int(people.length - VOTERS_PER_DECISION);
    for (let k = 0; k < VOTERS_PER_DECISION; k++) {
      const person = people[offset + k];
      const choice: Choice | null = r.next() < 0.15 ? null : r.next() < 0.7 ? 'for' : r.next() < 0.7 ? 'against' : 'abstain';
      const college =
        instance.kind === 'ca'
          ? caColleges[k % caColleges.length]
          : instance.kind === 'ag'
            ? COLLEGE_LABELS_FR[person.college ?? MembershipCollege.LIBERAL]
            : null;
      const voter = randomUUID();
      electors.push({ id: voter, college, vote: choice, conflict: false, proxyTo: null });
      push(v, {
        id: voter,
        decision: id,
        professional: person.id,
        college,
        name: person.name,
        email: person.email,
        choice,
        votedAt: choice ? new Date(closedAt.getTime() - 86_400_000 * (1 + r.int(5))) : null,
        channel: choice ? (source === 'session' ? null : r.next() < 0.8 ? 'link' : 'web') : null,
      });
    }
    const result = outcomeOf(electors, statutes);
    const topic = TOPICS[i % TOPICS.length];
    const allVoted = result.tally.participating === result.tally.eligible;
    push(d, {
      id,
      instance: instance.id,
      source,
      title: `${topic[0]} (${year}-${String(seq).padStart(3, '0')})`,
      context: `Le ${instance.name.toLowerCase()} est consulté sur ce point. ${'Les pièces du dossier ont été jointes à la convocation. '.repeat(4)}`,
      question: topic[1],
      amount: source === 'spending' ? (500 + r.int(20_000)) * 100 : null,
      deadline: source === 'session' ? null : closedAt,
      statutes: JSON.stringify(statutes),
      openedAt: new Date(closedAt.getTime() - 8 * 86_400_000),
      closedAt,
      because: source === 'session' ? 'session' : allVoted ? 'all_voted' : 'deadline',
      outcome: result.outcome,
      result: JSON.stringify(result),
      year,
      seq,
      published: instance.kind === 'ag' ? new Date(closedAt.getTime() + 86_400_000) : null,
    });
  }
  await owner.query(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, deadline, status, statutes,
                                       opened_at, opened_by, closed_at, closed_because, outcome, result, register_year, register_seq, published_at,
                                       created_at, created_by, updated_at, updated_by)
     SELECT $1, u.id, u.instance, u.source, u.title, u.context, u.question, '{for,against,abstain}', u.amount, u.deadline, 'closed', u.statutes,
            u.opened_at, $2, u.closed_at, u.because, u.outcome, u.result, u.year, u.seq, u.published, u.opened_at - interval '2 days', $2, u.closed_at, $2
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::timestamptz[], $11::jsonb[], $12::timestamptz[],
                 $13::timestamptz[], $14::text[], $15::text[], $16::jsonb[], $17::int[], $18::int[], $19::timestamptz[])
       AS u(id, instance, source, title, context, question, amount, deadline, statutes, opened_at, closed_at, because, outcome, result, year, seq, published)`,
    [
      tenantId,
      coordinatorId,
      ...[
        'id',
        'instance',
        'source',
        'title',
        'context',
        'question',
        'amount',
        'deadline',
        'statutes',
        'openedAt',
        'closedAt',
        'because',
        'outcome',
        'result',
        'year',
        'seq',
        'published',
      ].map((k) => d[k]),
    ],
  );
  await owner.query(
    `INSERT INTO governance_voters (tenant_id, id, decision_id, professional_id, college, name, email, choice, voted_at, channel)
     SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])`,
    [tenantId, ...['id', 'decision', 'professional', 'college', 'name', 'email', 'choice', 'votedAt', 'channel'].map((k) => v[k])],
  );
  // The next decision closed takes the number after these.
  await owner.query(
    `INSERT INTO governance_register_counters (tenant_id, year, last)
     SELECT $1, register_year, max(register_seq) FROM governance_decisions WHERE tenant_id = $1 AND register_seq IS NOT NULL GROUP BY register_year
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = greatest(governance_register_counters.last, EXCLUDED.last)`,
    [tenantId],
  );
}

export interface VoteDecision {
  decisionId: string;
  /** The voters, by name (the order of the vote page's list). */
  voters: Array<{ id: string; name: string }>;
}

/**
 * The AG's decision the votes go to: opened now until 30 days from now, its voters the year's active
 * members (DecisionsService.electorate: name, address, college label), the chain's "opened" entry.
 * A previous run's, if left, is removed first.
 */
export async function openVoteDecision(owner: Client, g: GovernanceCpts): Promise<VoteDecision> {
  await removeVoteDecisions(owner, g.tenantId);
  return inTenant(owner, g.tenantId, async () => {
    const decisionId = randomUUID();
    const statutes = DEFAULT_STATUTES.ag;
    const [row] = (
      await owner.query(
        `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, deadline, status, statutes, opened_at, opened_by,
                                           created_by, updated_by)
         VALUES ($1, $2, $3, 'written', $4, $5, $6, '{for,against,abstain}', date_trunc('second', now()) + interval '30 days', 'open', $7, now(), $8, $8, $8)
         RETURNING title, question, options, amount_cents::float8 AS "amountCents", context, deadline`,
        [
          g.tenantId,
          decisionId,
          g.agId,
          VOTE_TITLE,
          'Les comptes de l’exercice, le rapport du trésorier et celui du commissaire aux comptes sont joints.',
          'L’assemblée générale approuve-t-elle les comptes de l’exercice ?',
          JSON.stringify(statutes),
          g.coordinatorId,
        ],
      )
    ).rows;
    const voters = (
      await owner.query(
        `INSERT INTO governance_voters (tenant_id, id, decision_id, professional_id, membership_id, college, name, email)
         SELECT $1, gen_random_uuid(), $2, m.professional_id, m.id, $3::jsonb ->> m.college, p.first_name || ' ' || p.last_name, lower(p.email)
         FROM memberships m JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
         WHERE m.tenant_id = $1 AND m.year = extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int AND m.status = 'active'
         RETURNING id, name`,
        [g.tenantId, decisionId, JSON.stringify(COLLEGE_LABELS_FR)],
      )
    ).rows as Array<{ id: string; name: string }>;
    const { deadline, ...file } = row;
    const entry = {
      seq: 1,
      at: new Date(),
      event: 'opened',
      actor: `user:${g.coordinatorId}`,
      channel: 'web',
      data: { ...file, instance: g.agId, deadline: (deadline as Date).toISOString(), statutes: { ...statutes }, voters: voters.length },
      prevHash: GENESIS,
    };
    await owner.query(
      `INSERT INTO governance_audit (tenant_id, decision_id, seq, at, event, actor, channel, data, prev_hash, hash) VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9)`,
      [
        g.tenantId,
        decisionId,
        entry.at,
        entry.event,
        entry.actor,
        entry.channel,
        JSON.stringify(entry.data),
        GENESIS,
        entryHash(g.tenantId, decisionId, entry),
      ],
    );
    voters.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
    return { decisionId, voters };
  });
}

/** The benchmark's vote decisions of the CPTS, with their voters, comments and chain (the owner may delete the chain). */
export async function removeVoteDecisions(owner: Client, tenantId: string): Promise<void> {
  await inTenant(owner, tenantId, async () => {
    const ids = (
      await owner.query(`SELECT id FROM governance_decisions WHERE tenant_id = $1 AND title = $2`, [tenantId, VOTE_TITLE])
    ).rows.map((x) => x.id as string);
    if (ids.length === 0) return;
    // Behind the votes still running (a load generator stops without waiting for its last answers): they lock the decision first too.
    await owner.query(`SELECT 1 FROM governance_decisions WHERE tenant_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`, [tenantId, ids]);
    for (const table of ['governance_audit', 'governance_comments', 'decision_documents'])
      await owner.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND decision_id = ANY($2::uuid[])`, [tenantId, ids]);
    await owner.query(`UPDATE governance_voters SET proxy_to = NULL WHERE tenant_id = $1 AND decision_id = ANY($2::uuid[])`, [
      tenantId,
      ids,
    ]);
    await owner.query(`DELETE FROM governance_voters WHERE tenant_id = $1 AND decision_id = ANY($2::uuid[])`, [tenantId, ids]);
    await owner.query(`DELETE FROM governance_decisions WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
  });
}
