import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PgBouncer, TestData } from '@cpts/testing';

/** A CPTS of the test, with its team's addresses (a coordinator, a staff member). */
export interface Cpts {
  id: string;
  communes: string[];
  slug: string;
  name: string;
  key: 'a' | 'b';
  team: string[];
}

/** `count` nurses (60) of the CPTS with a work address each (`<key>-<n>@exemple.fr`): its campaign's audience. */
export function people(data: TestData, tenant: { id: string; communes: string[] }, key: string, count: number): Promise<unknown> {
  return data.inTenant(tenant.id, (db) =>
    db.query(
      `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code, email)
       SELECT $1, gen_random_uuid(), 'Nom' || i, 'Prénom', 'nom' || i || ' prenom', '60', $2, $3 || '-' || i || '@exemple.fr' FROM generate_series(1, $4) i`,
      [tenant.id, tenant.communes[0], key, count],
    ),
  );
}

/** A campaign of the CPTS due now whose segment (physicians) matches nobody: the worker puts it back to draft and notifies the team (a reminder). */
export async function scheduleForNobody(data: TestData, cpts: Cpts, subject: string): Promise<void> {
  await data.inTenant(cpts.id, (db) =>
    db.query(
      `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, segment, status, scheduled_at)
       VALUES ($1, $2, 'professionals', 'pro_newsletter', $3, '<p>Bonjour</p>', $4, '{"professionCodes":["10"]}', 'scheduled', now() - interval '1 second')`,
      [cpts.id, randomUUID(), subject, cpts.name],
    ),
  );
}

/**
 * The runtime role's backends on PgBouncer's database, as PostgreSQL lists
 * them: `outside`, those that are none of PgBouncer's server connections (a
 * connection that went around it); `servers`, how many there are.
 */
export async function backendsAroundPgBouncer(pgbouncer: PgBouncer): Promise<{ outside: number[]; servers: number }> {
  const target = new URL(pgbouncer.url);
  const remotePids = async () => new Set((await pgbouncer.show('SERVERS')).map((s) => Number(s.remote_pid)));
  const before = await remotePids();
  const admin = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await admin.connect();
  let pids: number[];
  try {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = $2 AND backend_type = 'client backend'`,
      [target.pathname.slice(1), decodeURIComponent(target.username)],
    );
    pids = rows.map((r) => r.pid);
  } finally {
    await admin.end();
  }
  // Listed again after: a server connection opened meanwhile is PgBouncer's too.
  const servers = new Set([...before, ...(await remotePids())]);
  return { outside: pids.filter((pid) => !servers.has(pid)), servers: pids.length };
}
