/**
 * The regional benchmark's data (bench/region-table.ts), on top of bench/run.sh's
 * database (seed-scale: 100 CPTS x 900 professionals; seed-scale-meetings: 20
 * working groups of 15 meetings and 20 action items each). Written through the
 * owner role in one tenant transaction per CPTS (row-level security is forced
 * on it too), in set-based statements, once (guarded by the CPTS's bench call
 * of this year):
 *
 * - memberships of two years (last year ~38 % of the directory, this year ~44 %,
 *   a few still pending), in the four colleges;
 * - governance: the bureau (6 offices, the president's mandate ending within
 *   0 to 120 days depending on the CPTS), the CA (12 seats) and the AG;
 *   40 closed decisions over the two years (numbered in the register, some
 *   rejected, some closed without quorum), 3 open, 1 draft; the CA's meetings
 *   every three months, the latest 0 to 9 months ago, with their attendance;
 * - Pro Actif: a call a year (30,000 €), 8 projects each across the statuses,
 *   the budgets of the approved ones committed, the debriefs of the completed
 *   ones paid (payment lines, as the calls module records them);
 * - mailings: 12 campaigns a year over two years, 300 deliveries each (95 %
 *   sent), 12 % of the sent ones clicked (some twice);
 *
 * and, once for the region: a region admin (region+bench@bench.cpts.fr) and a
 * mission officer following all the bench CPTS (mission+bench@bench.cpts.fr).
 * The CPTS of the governance benchmark (BENCH_GOVERNANCE_CPTS, default 6) gets
 * that benchmark's governance first (bench/governance-seed.ts) and keeps it.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_STATUTES } from '@cpts/governance';
import { Role } from '@cpts/platform-core';
import { hashPassword } from '../apps/migrator/src/seed';
import { BENCH_PASSWORD } from '../apps/migrator/src/scale';
import { governanceCpts, inTenant } from './governance-seed';

export const REGION_ADMIN_EMAIL = 'region+bench@bench.cpts.fr';
export const MISSION_OFFICER_EMAIL = 'mission+bench@bench.cpts.fr';
export { BENCH_PASSWORD };

const CAMPAIGNS_PER_YEAR = 12;
const DELIVERIES_PER_CAMPAIGN = 300;
const CLOSED_DECISIONS_PER_YEAR = 20;

/** The Paris year now (the year the figures call "current"). */
export async function parisYear(owner: Client): Promise<number> {
  const [{ year }] = (await owner.query(`SELECT extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int AS year`)).rows;
  return year as number;
}

export interface RegionBench {
  regionId: string;
  tenantIds: string[];
  regionAdminId: string;
  missionOfficerId: string;
}

/** Seeds what is missing (prints what it did on stderr) and returns the region, its bench CPTS and the two readers. */
export async function regionBench(owner: Client): Promise<RegionBench> {
  const tenants = (
    await owner.query(
      `SELECT t.id, t.region_id, substring(t.contact_email FROM 'contact\\+(\\d+)@')::int AS n,
              (SELECT u.id FROM users u WHERE u.email = replace(t.contact_email, 'contact+', 'coordination+')) AS coordinator
       FROM tenants t WHERE t.contact_email LIKE 'contact+%@bench.cpts.fr' ORDER BY 3`,
    )
  ).rows as Array<{ id: string; region_id: string; n: number; coordinator: string }>;
  if (tenants.length === 0) throw new Error('no bench CPTS: run through bench/run.sh');
  // The governance benchmark's CPTS first: its seed is guarded by the AG this seed would otherwise create.
  await governanceCpts(owner, Number(process.env.BENCH_GOVERNANCE_CPTS ?? 6));
  const year = await parisYear(owner);
  const started = Date.now();
  let seeded = 0;
  for (const t of tenants) {
    const done = await inTenant(owner, t.id, async () => {
      const [found] = (await owner.query(`SELECT 1 FROM calls WHERE tenant_id = $1 AND slug = $2`, [t.id, `bench-region-${year}`])).rows;
      if (found) return false;
      await seedTenant(owner, t.id, t.coordinator, t.n, year);
      return true;
    });
    if (done) seeded += 1;
  }
  const regionId = tenants[0].region_id;
  const readers = await ensureReaders(
    owner,
    regionId,
    tenants.map((t) => t.id),
  );
  if (seeded > 0) {
    await owner.query('ANALYZE');
    process.stderr.write(
      `region bench: memberships, governance, calls and mailings seeded in ${seeded} CPTS in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  return { regionId, tenantIds: tenants.map((t) => t.id), ...readers };
}

async function ensureReaders(owner: Client, regionId: string, tenantIds: string[]) {
  const hash = await hashPassword(BENCH_PASSWORD);
  const user = async (email: string, displayName: string, role: Role) => {
    const [row] = (
      await owner.query(
        `INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
        [randomUUID(), email, displayName, hash],
      )
    ).rows;
    await owner.query(
      `INSERT INTO role_assignments (id, user_id, role, tenant_id, region_id)
       SELECT $1, $2, $3, NULL, $4 WHERE NOT EXISTS (SELECT 1 FROM role_assignments WHERE user_id = $2 AND role = $3 AND region_id = $4)`,
      [randomUUID(), row.id, role, regionId],
    );
    return row.id as string;
  };
  const regionAdminId = await user(REGION_ADMIN_EMAIL, 'Administration régionale (bench)', Role.REGION_ADMIN);
  const missionOfficerId = await user(MISSION_OFFICER_EMAIL, 'Chargée de mission (bench)', Role.MISSION_OFFICER);
  await owner.query(
    `INSERT INTO mission_officer_tenants (user_id, tenant_id, assigned_by) SELECT $1, t, $2 FROM unnest($3::uuid[]) t ON CONFLICT DO NOTHING`,
    [missionOfficerId, regionAdminId, tenantIds],
  );
  return { regionAdminId, missionOfficerId };
}

async function seedTenant(owner: Client, tenantId: string, by: string, n: number, year: number): Promise<void> {
  const q = (sql: string, params: unknown[]) => owner.query(sql, params);
  // People numbered once (k), the statements below pick them by k.
  await q(
    `CREATE TEMP TABLE bench_people ON COMMIT DROP AS
     SELECT id, email, row_number() OVER (ORDER BY id)::int AS k FROM professionals
     WHERE tenant_id = $1 AND archived_at IS NULL AND erased_at IS NULL AND merged_into IS NULL`,
    [tenantId],
  );
  await seedMemberships(q, tenantId, by, year);
  await seedGovernance(q, tenantId, by, n, year);
  await seedCampaigns(q, tenantId, by);
  // Last: the guard of this seed (this year's call).
  await seedCalls(q, tenantId, by, year);
}

type Sql = (sql: string, params: unknown[]) => Promise<unknown>;

async function seedMemberships(q: Sql, tenantId: string, by: string, year: number): Promise<void> {
  await q(
    `INSERT INTO membership_years (tenant_id, year, default_fee_cents, opened_by) VALUES ($1, $2 - 1, 3000, $3), ($1, $2, 3000, $3) ON CONFLICT DO NOTHING`,
    [tenantId, year, by],
  );
  // Last year 38 in 100 people, this year 44 (42 active, 2 pending); 70 % liberal, 15 % MSP, 10 % establishments, 5 % users.
  await q(
    `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college, created_by, updated_by)
     SELECT $1, gen_random_uuid(), p.id, y.year, CASE WHEN y.year = $2 AND p.k % 100 >= 42 THEN 'pending' ELSE 'active' END, 3000,
            CASE WHEN y.year = $2 AND p.k % 100 >= 42 THEN NULL ELSE make_date(y.year, 1 + p.k % 6, 1 + p.k % 28) END,
            CASE WHEN y.year = $2 AND p.k % 100 >= 42 THEN NULL ELSE 'transfer' END,
            CASE WHEN p.k % 20 < 14 THEN 'liberal' WHEN p.k % 20 < 17 THEN 'msp' WHEN p.k % 20 < 19 THEN 'establishment' ELSE 'user' END, $3, $3
     FROM bench_people p, (VALUES ($2 - 1, 38), ($2, 44)) AS y(year, share)
     WHERE p.k % 100 < y.share
     ON CONFLICT DO NOTHING`,
    [tenantId, year, by],
  );
}

async function seedGovernance(q: Sql, tenantId: string, by: string, n: number, year: number): Promise<void> {
  const existing = (await q(`SELECT 1 FROM governance_instances WHERE tenant_id = $1 LIMIT 1`, [tenantId])) as { rowCount: number };
  if (existing.rowCount > 0) return; // the governance benchmark's CPTS keeps its own
  const bureau = randomUUID();
  const ca = randomUUID();
  const ag = randomUUID();
  await q(
    `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_by, updated_by, created_at)
     VALUES ($1, $2, 'bureau', 'Bureau', 6, $5, $8, $8, now() - interval '3 years'),
            ($1, $3, 'ca', 'Conseil d''administration', 12, $6, $8, $8, now() - interval '3 years'),
            ($1, $4, 'ag', 'Assemblée générale', NULL, $7, $8, $8, now() - interval '3 years')`,
    [
      tenantId,
      bureau,
      ca,
      ag,
      JSON.stringify(DEFAULT_STATUTES.bureau),
      JSON.stringify(DEFAULT_STATUTES.ca),
      JSON.stringify(DEFAULT_STATUTES.ag),
      by,
    ],
  );
  // The bureau: six offices for three years; the president's ends 0 to 120 days from now (within 90 days in three CPTS in four).
  await q(
    `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, starts_on, ends_on, obtained, created_by, updated_by)
     SELECT $1, gen_random_uuid(), $2, p.id, o.office, make_date($3 - 2, 6, 15),
            CASE WHEN o.i = 1 THEN (now() AT TIME ZONE 'Europe/Paris')::date + $4::int ELSE make_date($3 + 1, 6, 15) END, 'elected', $5, $5
     FROM unnest('{president,vice_president,treasurer,secretary,member,member}'::text[]) WITH ORDINALITY AS o(office, i)
     JOIN bench_people p ON p.k = 10 + o.i`,
    [tenantId, bureau, year, (n * 7) % 121, by],
  );
  // The CA: twelve members, one of whom left last year.
  await q(
    `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, starts_on, ends_on, obtained, ended_on, end_reason, created_by, updated_by)
     SELECT $1, gen_random_uuid(), $2, p.id, 'member', make_date($3 - 2, 6, 15), make_date($3 + 1, 6, 15), 'elected',
            CASE WHEN p.k = 20 THEN make_date($3 - 1, 10, 1) END, CASE WHEN p.k = 20 THEN 'Démission' END, $4, $4
     FROM bench_people p WHERE p.k BETWEEN 10 AND 21`,
    [tenantId, ca, year, by],
  );
  // Closed decisions: 20 a year, numbered, through the year (this year: until yesterday); 1 in 10 without quorum, 1 in 4 rejected.
  await q(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, question, options, deadline, status, statutes,
                                       opened_at, opened_by, closed_at, closed_because, outcome, result, register_year, register_seq,
                                       created_at, created_by, updated_at, updated_by)
     SELECT $1, gen_random_uuid(), i.id, 'written', 'Décision ' || y.year || '-' || lpad(s::text, 3, '0'), 'La proposition est-elle adoptée ?',
            '{for,against,abstain}', c.closed_at, 'closed', i.statutes, c.closed_at - interval '8 days', $5, c.closed_at,
            CASE WHEN s % 3 = 0 THEN 'all_voted' ELSE 'deadline' END,
            CASE WHEN s % 10 = 7 THEN 'no_quorum' WHEN s % 4 = 3 THEN 'rejected' ELSE 'adopted' END,
            jsonb_build_object('outcome', CASE WHEN s % 10 = 7 THEN 'no_quorum' WHEN s % 4 = 3 THEN 'rejected' ELSE 'adopted' END),
            y.year, s, c.closed_at - interval '10 days', $5, c.closed_at, $5
     FROM (VALUES ($6::int - 1), ($6::int)) AS y(year)
     CROSS JOIN generate_series(1, $7) AS s
     JOIN governance_instances i ON i.tenant_id = $1 AND i.id = (ARRAY[$2::uuid, $2::uuid, $3::uuid, $4::uuid])[1 + s % 4]
     CROSS JOIN LATERAL (SELECT make_timestamptz(y.year, 1, 2, 12, 0, 0, 'Europe/Paris')
            + (least(make_timestamptz(y.year, 12, 30, 12, 0, 0, 'Europe/Paris'), now() - interval '1 day') - make_timestamptz(y.year, 1, 2, 12, 0, 0, 'Europe/Paris'))
              * s / ($7 + 1) AS closed_at) c`,
    [tenantId, bureau, ca, ag, by, year, CLOSED_DECISIONS_PER_YEAR],
  );
  await q(
    `INSERT INTO governance_register_counters (tenant_id, year, last) VALUES ($1, $2 - 1, $3), ($1, $2, $3)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = greatest(governance_register_counters.last, EXCLUDED.last)`,
    [tenantId, year, CLOSED_DECISIONS_PER_YEAR],
  );
  // Three open (closing within the week), one draft.
  await q(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, question, options, deadline, status, statutes, opened_at, opened_by, created_by, updated_by)
     SELECT $1, gen_random_uuid(), CASE WHEN s = 3 THEN $3::uuid ELSE $2::uuid END, 'written', 'Consultation en cours ' || s, 'La proposition est-elle adoptée ?',
            '{for,against,abstain}', now() + s * interval '2 days', 'open', i.statutes, now() - interval '2 days', $4, $4, $4
     FROM generate_series(1, 3) AS s JOIN governance_instances i ON i.tenant_id = $1 AND i.id = CASE WHEN s = 3 THEN $3::uuid ELSE $2::uuid END`,
    [tenantId, bureau, ca, by],
  );
  await q(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, question, options, status, created_by, updated_by)
     VALUES ($1, gen_random_uuid(), $2, 'written', 'Brouillon de consultation', 'La proposition est-elle adoptée ?', '{for,against,abstain}', 'draft', $3, $3)`,
    [tenantId, bureau, by],
  );
  // The CA's meetings: every three months for two years back from the latest, 0 to 9 months ago depending on the CPTS.
  await q(
    `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place, created_by, updated_by)
     SELECT $1, gen_random_uuid(), 'governance_instance', $2, 'Conseil d''administration', 'Conseil d''administration',
            date_trunc('day', now()) - ($3::int + 3 * j) * interval '1 month' + interval '18 hours',
            date_trunc('day', now()) - ($3::int + 3 * j) * interval '1 month' + interval '20 hours', 'Maison de santé', $4, $4
     FROM generate_series(0, 7) AS j`,
    [tenantId, ca, n % 10, by],
  );
  await q(
    `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, email, invited_at, reply, replied_at, attendance)
     SELECT $1, gen_random_uuid(), m.id, p.id, p.last_name || ' ' || p.first_name, p.email, m.starts_at - interval '20 days',
            'present', m.starts_at - interval '10 days', CASE WHEN (p.k + extract(month FROM m.starts_at)::int) % 4 = 0 THEN 'absent' ELSE 'present' END
     FROM meetings m
     JOIN (SELECT b.k, pr.id, pr.last_name, pr.first_name, pr.email FROM bench_people b JOIN professionals pr ON pr.tenant_id = $1 AND pr.id = b.id
           WHERE b.k BETWEEN 10 AND 21) p ON true
     WHERE m.tenant_id = $1 AND m.owner_kind = 'governance_instance' AND m.owner_id = $2`,
    [tenantId, ca],
  );
}

async function seedCampaigns(q: Sql, tenantId: string, by: string): Promise<void> {
  // Monthly over two years, the latest this month (those still to come this year are not sent yet).
  await q(
    `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at, finished_at,
                            created_at, created_by, updated_at, updated_by)
     SELECT $1, gen_random_uuid(), 'professionals', 'pro_newsletter', 'Lettre de la CPTS n° ' || j, '<p>Les nouvelles du mois.</p>', 'CPTS', 'sent',
            s.at, s.at + interval '1 hour', s.at - interval '3 days', $2, s.at + interval '1 hour', $2
     FROM generate_series(1, $3) AS j
     CROSS JOIN LATERAL (SELECT date_trunc('month', now()) - ($3 - j) * interval '1 month' + interval '9 days 10 hours' AS at) s
     WHERE s.at < now()`,
    [tenantId, by, 2 * CAMPAIGNS_PER_YEAR],
  );
  // 300 people each (a window of the directory moving with the campaign), 95 % sent, 3 % failed, 2 % skipped.
  await q(
    `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, professional_id, email, basis, state, skip_reason, attempts, sent_at, failed_at)
     SELECT $1, gen_random_uuid(), c.id, p.id, 'd' || p.k || '@bench.cpts.fr', 'work_address_opt_out', s.state,
            CASE s.state WHEN 'skipped' THEN 'withdrawn' END, CASE s.state WHEN 'skipped' THEN 0 ELSE 1 END,
            CASE s.state WHEN 'sent' THEN c.sending_started_at + j * interval '1 second' END,
            CASE s.state WHEN 'failed' THEN c.sending_started_at + j * interval '1 second' END
     FROM (SELECT id, sending_started_at, row_number() OVER (ORDER BY sending_started_at) AS r FROM campaigns WHERE tenant_id = $1) c
     CROSS JOIN generate_series(1, $2) AS j
     JOIN bench_people p ON p.k = 1 + (j * 3 + c.r) % (SELECT count(*) FROM bench_people)
     CROSS JOIN LATERAL (SELECT CASE WHEN j % 100 < 95 THEN 'sent' WHEN j % 100 < 98 THEN 'failed' ELSE 'skipped' END AS state) s`,
    [tenantId, DELIVERIES_PER_CAMPAIGN],
  );
  // Clicks: 12 % of the sent deliveries, a third of them on two links.
  await q(
    `INSERT INTO campaign_clicks (tenant_id, id, campaign_id, delivery_id, link_index, clicked_at)
     SELECT $1, gen_random_uuid(), d.campaign_id, d.id, l, d.sent_at + (1 + l) * interval '2 hours'
     FROM (SELECT campaign_id, id, sent_at, row_number() OVER (PARTITION BY campaign_id ORDER BY id) AS r
           FROM campaign_deliveries WHERE tenant_id = $1 AND state = 'sent') d,
          generate_series(0, 1) AS l
     WHERE d.r % 100 < 12 AND (l = 0 OR d.r % 3 = 0)`,
    [tenantId],
  );
}

async function seedCalls(q: Sql, tenantId: string, by: string, year: number): Promise<void> {
  for (const y of [year - 1, year]) {
    const callId = randomUUID();
    await q(
      `INSERT INTO calls (tenant_id, id, year, slug, title, rules, opens_on, closes_on, envelope_cents, missions, members_only, flat_fee_cents,
                          hourly_rate_cents, published_at, created_by, updated_by)
       VALUES ($1, $2, $3::int, $4, 'Pro Actif ' || $3::int, 'Le règlement de l''appel à projets.', make_date($3::int, 2, 1), make_date($3::int, 4, 30), 3000000,
               '{prevention,care_pathways}', false, 15000, 5000, make_timestamptz($3::int, 1, 20, 9, 0, 0, 'Europe/Paris'), $5, $5)`,
      [tenantId, callId, y, `bench-region-${y}`, by],
    );
    // Eight projects: last year's all decided (most done), this year's across the statuses; approved budgets committed.
    const statuses =
      y < year
        ? ['rejected', 'approved', 'in_progress', 'completed', 'completed', 'evaluated', 'evaluated', 'evaluated']
        : ['draft', 'submitted', 'under_review', 'changes_requested', 'rejected', 'approved', 'approved', 'in_progress'];
    await q(
      `INSERT INTO call_projects (tenant_id, id, call_id, seq, status, proposer_id, proposer_created, proposer_email, title, summary, missions,
                                  budget_cents, approved_cents, submitted_at, created_at, updated_at)
       SELECT $1, gen_random_uuid(), $2, s.i, s.status, p.id, false, 'd' || p.k || '@bench.cpts.fr', 'Projet ' || $4::int || ' n° ' || s.i,
              'Un atelier de prévention pour les patients du territoire.', '{prevention}', (200000 + 50000 * s.i)::bigint,
              CASE WHEN s.status IN ('approved', 'in_progress', 'completed', 'evaluated') THEN (200000 + 50000 * s.i)::bigint END,
              CASE WHEN s.status <> 'draft' THEN make_timestamptz($4::int, 3, s.i::int, 9, 0, 0, 'Europe/Paris') END,
              make_timestamptz($4::int, 2, s.i::int, 9, 0, 0, 'Europe/Paris'), make_timestamptz($4::int, 5, s.i::int, 9, 0, 0, 'Europe/Paris')
       FROM unnest($3::text[]) WITH ORDINALITY AS s(status, i) JOIN bench_people p ON p.k = 100 + s.i`,
      [tenantId, callId, statuses, y],
    );
    // The debriefs of completed and evaluated projects paid (the calls module's flat fee, as payment lines).
    await q(
      `INSERT INTO payment_lines (tenant_id, id, professional_id, kind, work_date, year, amount_cents, label, source, source_ref,
                                  status, paid_on, paid_reference, paid_at, paid_by, created_by)
       SELECT $1, gen_random_uuid(), p.proposer_id, 'remuneration', make_date($3::int, 10, 1), $3::int, 15000, 'Bilan du projet ' || p.title, 'call_debrief', p.id,
              'paid', make_date($3::int, 11, 1), 'VIR-' || $3::int || '-' || p.seq, make_timestamptz($3::int, 11, 1, 9, 0, 0, 'Europe/Paris'), $4, $4
       FROM call_projects p WHERE p.tenant_id = $1 AND p.call_id = $2 AND p.status IN ('completed', 'evaluated')
         AND make_date($3::int, 11, 1) <= (now() AT TIME ZONE 'Europe/Paris')::date`,
      [tenantId, callId, y, by],
    );
  }
}
