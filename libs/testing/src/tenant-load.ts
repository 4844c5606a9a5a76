import { GraphQLClient } from './graphql-client';
import { TestData } from './world';

/** A user of one CPTS's team, signed in, whose answers must hold that CPTS's rows only. */
export interface LoadUser {
  tenantId: string;
  client: GraphQLClient;
  /** A meeting owner of the CPTS (a working group, a governance instance): its meetings are read too. */
  meetingOwner?: { kind: 'working_group' | 'governance_instance'; id: string };
}

export interface TenantLoadReport {
  /** Requests answered, per CPTS. */
  requests: Record<string, number>;
  /** Rows read, per CPTS (all kinds together): the load read real rows, not empty lists. */
  rows: Record<string, number>;
  /** Rows a CPTS's user was shown that belong to another CPTS of the load ("<kind> <id> of <tenant> shown to <tenant>"), or another CPTS's id in an answer. */
  foreign: string[];
  /** Failed requests (errors, HTTP failures), at most 20 kept. */
  errors: string[];
}

/** The kinds of rows the load reads (by GraphQL __typename) and their tenant tables. */
const TABLES: Record<string, string> = {
  Professional: 'professionals',
  WorkingGroup: 'working_groups',
  WorkingGroupMember: 'working_group_members',
  Membership: 'memberships',
  Campaign: 'campaigns',
  GovernanceInstance: 'governance_instances',
  Meeting: 'meetings',
};

/** What a CPTS's team reads most: its directory, groups and their members, memberships, campaigns, instances; in one request, as a page does. */
const TEAM_READ = `query($y: Int!) {
  currentCpts { id }
  professionals(first: 50) { edges { node { __typename id } } }
  workingGroups { __typename id members { __typename id } }
  memberships(year: $y, first: 50) { edges { node { __typename id } } }
  campaigns(first: 20) { edges { node { __typename id } } }
  governanceInstances { __typename id }
}`;
const MEETINGS = `query($kind: String!, $id: ID!) { currentCpts { id } meetings(ownerKind: $kind, ownerId: $id) { __typename id } }`;

/**
 * A mixed load of several CPTS's users at once: each user's loop reads its
 * CPTS's lists, one request after the other, paced by `pauseMs`. Every answer
 * is checked as it comes (no error, the user's own CPTS, no other CPTS's id),
 * and `stop()` then checks every row shown against the database: none may
 * belong to another CPTS of the load. Meant to run beside other work sharing
 * the same connections (PgBouncer's few server connections, the apps' pools).
 */
export function startTenantLoad(
  users: LoadUser[],
  options: { year: number; pauseMs?: number },
): { stop(data: TestData): Promise<TenantLoadReport> } {
  const tenants = [...new Set(users.map((u) => u.tenantId))];
  const report: TenantLoadReport = { requests: {}, rows: {}, foreign: [], errors: [] };
  // Rows shown to each CPTS's users: tenant -> kind -> ids.
  const shown = new Map<string, Map<string, Set<string>>>(tenants.map((t) => [t, new Map()]));
  const fail = (message: string) => report.errors.length < 20 && report.errors.push(message);
  let running = true;

  const loop = async (user: LoadUser) => {
    for (let turn = 0; running; turn++) {
      const meetings = user.meetingOwner && turn % 2 === 1;
      try {
        const result = meetings
          ? await user.client.request(MEETINGS, { kind: user.meetingOwner?.kind, id: user.meetingOwner?.id })
          : await user.client.request(TEAM_READ, { y: options.year });
        if (result.errors?.length || !result.data) {
          fail(`${user.tenantId}: ${JSON.stringify(result.errors ?? result.status)}`);
        } else {
          const text = JSON.stringify(result.data);
          const own = (result.data as { currentCpts: { id: string } }).currentCpts.id;
          if (own !== user.tenantId) report.foreign.push(`answer for ${own} shown to ${user.tenantId}`);
          for (const other of tenants)
            if (other !== user.tenantId && text.includes(other)) report.foreign.push(`${other}'s id shown to ${user.tenantId}`);
          collect(result.data, shown.get(user.tenantId) as Map<string, Set<string>>);
          report.requests[user.tenantId] = (report.requests[user.tenantId] ?? 0) + 1;
        }
      } catch (err) {
        fail(`${user.tenantId}: ${(err as Error).message}`);
      }
      // Pacing, not waiting for an event: the load shares the machine with the work it runs beside.
      if (running && options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  };
  const loops = Promise.all(users.map(loop));

  return {
    async stop(data) {
      running = false;
      await loops;
      for (const [tenant, kinds] of shown) {
        report.rows[tenant] = [...kinds.values()].reduce((n, ids) => n + ids.size, 0);
        for (const other of tenants.filter((t) => t !== tenant)) {
          // Read inside the other CPTS (row-level security forced even for the owner role): a row found there was shown to the wrong CPTS.
          await data.inTenant(other, async (db) => {
            for (const [kind, ids] of kinds) {
              const { rows } = await db.query(`SELECT id FROM ${TABLES[kind]} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
                other,
                [...ids],
              ]);
              for (const row of rows) report.foreign.push(`${kind} ${row.id} of ${other} shown to ${tenant}`);
            }
          });
        }
      }
      return report;
    },
  };
}

/** The ids of every row of a known kind in an answer, by kind. */
function collect(value: unknown, into: Map<string, Set<string>>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const row = value as Record<string, unknown>;
  const kind = row.__typename;
  if (typeof kind === 'string' && typeof row.id === 'string') {
    if (!(kind in TABLES)) throw new Error(`tenant load: no table known for ${kind}`);
    if (!into.has(kind)) into.set(kind, new Set());
    into.get(kind)?.add(row.id);
  }
  for (const field of Object.values(row)) collect(field, into);
}
