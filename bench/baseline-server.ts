/**
 * The baseline of the gateway benchmarks: the smallest honest server doing the
 * same work for the same answer. Plain Fastify and pg, the token verified the
 * same way, one transaction per request that sets the tenant with
 * set_config(..., true), and the same SQL as the gateway issues for
 * `professionals(first: 50, filter: { search }) { ... profession commune }`:
 * the page with its count in one statement, professions and communes from an in-process
 * snapshot of the reference data loaded at start (as the gateway's catalog).
 *
 * For bench/meetings.ts, the same for a working group's page (the group, its
 * members, its meetings, its polls, its action items: one request per
 * document, as the web app sends them) and the CPTS-wide action items: the statements
 * the gateway issues for each, in the same order, in the same kind of
 * transaction, answering the same JSON (with urql's `__typename`s).
 */
import { createSecretKey } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { nameSearchSql } from '@cpts/platform-core';
import { agendaJson } from '@cpts/meetings';
import { referentWarning } from '@cpts/working-groups';

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
    return {
      data: {
        professionals: {
          totalCount: total,
          pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
          edges,
        },
      },
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
});

// ---- Working groups and meetings (bench/meetings.ts) ----
// The gateway's statements, verbatim: WorkingGroupsService (GROUP_COLUMNS), WorkingGroupMembersService
// (MEMBER_COLUMNS, MEMBER_JOINS), MeetingsService (MEETING_COLUMNS), MeetingPollsService (POLL_COLUMNS),
// ActionItemsService (ACTION_COLUMNS, list). Keep them in step: the benchmark compares both answers first.

const GROUP_COLUMNS = `g.id, g.name, g.missions, g.theme, g.description, g.status, g.frame_purpose AS "framePurpose", g.frame_rules AS "frameRules",
  g.frame_confidentiality AS "frameConfidentiality", g.created_at AS "createdAt",
  (SELECT count(*)::int FROM working_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL) AS "memberCount",
  (SELECT count(*)::int FROM working_group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.left_at IS NULL AND m.role = 'referent') AS "referentCount"`;
const GROUP_SQL = `SELECT ${GROUP_COLUMNS} FROM working_groups g WHERE g.tenant_id = $1 AND g.id = $2`;

const MEMBER_COLUMNS = `m.id, CASE WHEN m.professional_id IS NULL THEN 'user' ELSE 'professional' END AS kind, m.professional_id AS "professionalId",
  m.user_id AS "userId", coalesce(p.last_name || ' ' || p.first_name, u.display_name) AS name, p.profession_code AS "professionCode",
  m.role, m.joined_at AS "joinedAt", m.left_at AS "leftAt"`;
const MEMBER_JOINS = `LEFT JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
  LEFT JOIN users u ON u.id = m.user_id`;
const membersSql = (includeFormer: boolean) => `SELECT ${MEMBER_COLUMNS} FROM working_group_members m ${MEMBER_JOINS}
       WHERE m.tenant_id = $1 AND m.group_id = $2 ${includeFormer ? '' : 'AND m.left_at IS NULL'}
       ORDER BY m.left_at IS NOT NULL, m.role = 'member', lower(coalesce(p.last_name || ' ' || p.first_name, u.display_name)), m.id`;

const MEETING_COLUMNS = `m.id, m.owner_kind AS "ownerKind", m.owner_id AS "ownerId", m.owner_name AS "ownerName", m.frame, m.title,
  m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.place, m.video_url AS "videoUrl", m.status,
  ${agendaJson('m')} AS agenda,
  (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id) AS "inviteeCount",
  (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND i.reply = 'present') AS "presentCount",
  m.minutes_html AS "minutesHtml", m.minutes_decisions AS decisions, m.minutes_published_at AS "minutesPublishedAt"`;
const MEETINGS_SQL = `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.tenant_id = $1 AND m.owner_kind = $2 AND m.owner_id = $3
       ORDER BY m.ends_at < now(), CASE WHEN m.ends_at >= now() THEN m.starts_at END, m.starts_at DESC, m.id`;

const POLL_COLUMNS = `p.id, p.owner_kind AS "ownerKind", p.owner_id AS "ownerId", p.owner_name AS "ownerName", p.title, p.place, p.video_url AS "videoUrl",
  p.status, p.meeting_id AS "meetingId", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM meeting_poll_invitees i WHERE i.tenant_id = p.tenant_id AND i.poll_id = p.id) AS "inviteeCount",
  (SELECT count(*)::int FROM meeting_poll_invitees i WHERE i.tenant_id = p.tenant_id AND i.poll_id = p.id AND i.answered_at IS NOT NULL) AS "answeredCount",
  (SELECT json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
          'yes', (SELECT count(*) FROM meeting_poll_answers a WHERE a.tenant_id = s.tenant_id AND a.slot_id = s.id AND a.answer = 'yes'),
          'ifNeedBe', (SELECT count(*) FROM meeting_poll_answers a WHERE a.tenant_id = s.tenant_id AND a.slot_id = s.id AND a.answer = 'if_need_be'),
          'no', (SELECT count(*) FROM meeting_poll_answers a WHERE a.tenant_id = s.tenant_id AND a.slot_id = s.id AND a.answer = 'no')) ORDER BY s.starts_at, s.ends_at)
   FROM meeting_poll_slots s WHERE s.tenant_id = p.tenant_id AND s.poll_id = p.id) AS slots`;
const POLLS_SQL = `SELECT ${POLL_COLUMNS} FROM meeting_polls p WHERE p.tenant_id = $1 AND p.owner_kind = $2 AND p.owner_id = $3 ORDER BY p.status = 'closed', p.created_at DESC, p.id`;

const ACTION_COLUMNS = `a.id, a.owner_kind AS "ownerKind", a.owner_id AS "ownerId", a.owner_name AS "ownerName", a.meeting_id AS "meetingId", a.title,
  a.assignee_name AS "assigneeName", a.professional_id AS "professionalId", a.user_id AS "userId", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status,
  a.status_at AS "statusAt", a.status_by AS "statusBy", (SELECT u.display_name FROM users u WHERE u.id = a.status_by) AS "statusByName",
  (a.status = 'open' AND a.due_on < (now() AT TIME ZONE 'Europe/Paris')::date) AS overdue`;
type ActionFilter = {
  ownerKind?: string;
  ownerId?: string;
  status?: string;
  overdueOnly?: string;
  assigneeId?: string;
  doneSince?: string;
};
/** ActionItemsService.list's statement for a filter (the filters the benchmark uses). */
function actionItemsSql(tenantId: string, filter: ActionFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId];
  const where = ['a.tenant_id = $1'];
  if (filter.ownerKind) where.push(`a.owner_kind = $${params.push(filter.ownerKind)}`);
  if (filter.ownerId) where.push(`a.owner_id = $${params.push(filter.ownerId.toLowerCase())}`);
  if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
  if (filter.overdueOnly === 'true') where.push(`a.status = 'open' AND a.due_on < (now() AT TIME ZONE 'Europe/Paris')::date`);
  if (filter.assigneeId) {
    const p = `$${params.push(filter.assigneeId.toLowerCase())}`;
    where.push(`(a.professional_id = ${p} OR a.user_id = ${p})`);
  }
  if (filter.doneSince) where.push(`a.status = 'done' AND a.status_at >= $${params.push(new Date(filter.doneSince))}`);
  return {
    sql: `SELECT ${ACTION_COLUMNS} FROM action_items a WHERE ${where.join(' AND ')}
         ORDER BY a.status = 'open' DESC, a.due_on, lower(a.owner_name), lower(a.assignee_name), a.id LIMIT 1000`,
    params,
  };
}

type Row = Record<string, unknown>;
/** A GraphQL enum's name for a stored value ('care_pathways' → CARE_PATHWAYS). */
const enumName = (value: unknown) => (value === null ? null : String(value).toUpperCase());
/** An object of the answer, as urql asks for it: the fields of the selection, then `__typename`. */
const typed = (typename: string, fields: Row): Row => ({ ...fields, __typename: typename });
/** The fields of `row` named in `fields`, in that order (the document's selection). */
const pick = (row: Row, fields: string[]): Row => Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));

/**
 * One request of the page: the token verified, then one transaction (BEGIN, the tenant, the statements,
 * COMMIT) as the gateway's request scope runs it; `work` issues the statements and builds the answer.
 */
function tenantRoute<Q>(
  route: string,
  work: (
    sql: (text: string, params: unknown[]) => Promise<Row[]>,
    tenantId: string,
    userId: string,
    query: Q,
    params: Record<string, string>,
  ) => Promise<unknown>,
) {
  app.get<{ Querystring: Q; Params: Record<string, string> }>(route, async (req, reply) => {
    let claims: { tid: string; sub: string };
    try {
      claims = jwt.verify((req.headers.authorization ?? '').slice(7), secret, { algorithms: ['HS256'] }) as { tid: string; sub: string };
    } catch {
      return reply.status(401).send({ error: 'unauthenticated' });
    }
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [claims.tid]);
      const answer = await work(
        async (text, params) => (await client.query(text, params)).rows,
        claims.tid,
        claims.sub,
        req.query as Q,
        req.params,
      );
      await client.query('COMMIT');
      return answer;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
}

const group = (r: Row) =>
  typed('WorkingGroup', {
    id: r.id,
    name: r.name,
    missions: (r.missions as string[]).map(enumName),
    theme: r.theme,
    description: r.description,
    status: enumName(r.status),
    frame: typed('WorkingGroupFrame', { purpose: r.framePurpose, rules: r.frameRules, confidentiality: r.frameConfidentiality }),
    memberCount: r.memberCount,
    referentCount: r.referentCount,
    referentWarning: referentWarning(r.referentCount as number),
  });

// query WorkingGroup($id) { workingGroup(id) { ...WorkingGroupFields } }: the group.
tenantRoute<unknown>('/working-groups/:id', async (sql, tenantId, _user, _q, { id }) => {
  const [row] = await sql(GROUP_SQL, [tenantId, id]);
  return { data: { workingGroup: group(row) } };
});

// query WorkingGroupMembers($id, $includeFormer) { workingGroup(id) { id members(includeFormer) { ... } } }: the group, then
// (WorkingGroupMembersService.list) the group again, to check the caller may see it, then its members.
tenantRoute<{ includeFormer?: string }>('/working-groups/:id/members', async (sql, tenantId, _user, q, { id }) => {
  const [row] = await sql(GROUP_SQL, [tenantId, id]);
  await sql(GROUP_SQL, [tenantId, id]);
  const members = await sql(membersSql(q.includeFormer === 'true'), [tenantId, id]);
  return {
    data: {
      workingGroup: typed('WorkingGroup', {
        id: row.id,
        members: members.map((m) =>
          typed('WorkingGroupMember', {
            id: m.id,
            kind: enumName(m.kind),
            name: m.name,
            professionalId: m.professionalId,
            userId: m.userId,
            professionCode: m.professionCode,
            role: enumName(m.role),
            joinedAt: m.joinedAt,
            leftAt: m.leftAt,
          }),
        ),
      }),
    },
  };
});

// query Meetings($ownerKind, $ownerId) { meetings(...) { ...MeetingFields } }: the group (the owner's describe), then its meetings.
tenantRoute<{ ownerKind: string; ownerId: string }>('/meetings', async (sql, tenantId, _user, q) => {
  await sql(GROUP_SQL, [tenantId, q.ownerId]);
  const rows = await sql(MEETINGS_SQL, [tenantId, q.ownerKind, q.ownerId]);
  return {
    data: {
      meetings: rows.map((m) =>
        typed('Meeting', {
          id: m.id,
          title: m.title,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          place: m.place,
          videoUrl: m.videoUrl,
          status: enumName(m.status),
          agenda: (m.agenda as Row[]).map((a) =>
            typed('MeetingAgendaItem', { title: a.title, durationMinutes: a.durationMinutes, presenter: a.presenter }),
          ),
          presentCount: m.presentCount,
          inviteeCount: m.inviteeCount,
          minutesPublishedAt: m.minutesPublishedAt,
        }),
      ),
    },
  };
});

// query MeetingPolls($ownerKind, $ownerId) { meetingPolls(...) { ...MeetingPollFields } }: the group, then its polls.
tenantRoute<{ ownerKind: string; ownerId: string }>('/meeting-polls', async (sql, tenantId, _user, q) => {
  await sql(GROUP_SQL, [tenantId, q.ownerId]);
  const rows = await sql(POLLS_SQL, [tenantId, q.ownerKind, q.ownerId]);
  return {
    data: {
      meetingPolls: rows.map((p) =>
        typed('MeetingPoll', {
          id: p.id,
          ownerId: p.ownerId,
          ownerName: p.ownerName,
          title: p.title,
          place: p.place,
          videoUrl: p.videoUrl,
          status: enumName(p.status),
          meetingId: p.meetingId,
          inviteeCount: p.inviteeCount,
          answeredCount: p.answeredCount,
          createdAt: p.createdAt,
          slots: (p.slots as Row[]).map((s) =>
            typed('MeetingPollSlot', {
              id: s.id,
              startsAt: new Date(s.startsAt as string),
              endsAt: new Date(s.endsAt as string),
              yes: s.yes,
              ifNeedBe: s.ifNeedBe,
              no: s.no,
            }),
          ),
        }),
      ),
    },
  };
});

// query GroupPollsToAnswer($ownerKind, $ownerId) { meetingPolls(...) { id title status slots { id startsAt endsAt } myInvitation { ... } } }:
// the group, its polls, then (MeetingPollOwnAnswerResolver.myInvitation) the caller's own invitations, one statement for all the polls.
const MY_INVITATION_SQL = `SELECT i.poll_id AS "pollId", i.id, t.slug, i.answered_at AS "answeredAt" FROM meeting_poll_invitees i JOIN tenants t ON t.id = i.tenant_id
       WHERE i.tenant_id = $1 AND i.poll_id = ANY($2::uuid[]) AND i.user_id = $3`;
tenantRoute<{ ownerKind: string; ownerId: string }>('/meeting-polls/mine', async (sql, tenantId, userId, q) => {
  await sql(GROUP_SQL, [tenantId, q.ownerId]);
  const rows = await sql(POLLS_SQL, [tenantId, q.ownerKind, q.ownerId]);
  if (rows.length > 0) {
    const own = await sql(MY_INVITATION_SQL, [tenantId, rows.map((p) => p.id), userId]);
    // The benchmark signs in as the coordinator, asked to no poll as a user: the answer page's token is never built.
    if (own.length > 0) throw new Error('the baseline does not sign poll links: sign in as someone no poll asked');
  }
  const polls = rows.map((p) =>
    typed('MeetingPoll', {
      id: p.id,
      title: p.title,
      status: enumName(p.status),
      slots: (p.slots as Row[]).map((s) =>
        typed('MeetingPollSlot', { id: s.id, startsAt: new Date(s.startsAt as string), endsAt: new Date(s.endsAt as string) }),
      ),
      myInvitation: null,
    }),
  );
  return { data: { meetingPolls: polls } };
});

// query ($filter) { actionItems(filter) { <fields> } }: one statement (the coordinator sees every owner's items);
// `fields` names the document's selection.
tenantRoute<ActionFilter & { fields: string }>('/action-items', async (sql, tenantId, userId, q) => {
  const { sql: text, params } = actionItemsSql(tenantId, q);
  const rows = await sql(text, params);
  const fields = q.fields.split(',');
  return {
    data: {
      actionItems: rows.map((r) =>
        typed('ActionItem', pick({ ...r, status: enumName(r.status), mine: r.userId !== null && r.userId === userId }, fields)),
      ),
    },
  };
});

async function main() {
  const [professions, communes] = await Promise.all([
    pool.query<Profession>(`SELECT code, label, label_plural AS "labelPlural" FROM professions`),
    pool.query<Commune>(
      `SELECT insee_code AS "inseeCode", name, departement_code AS "departementCode", population, epci_name AS "epciName" FROM communes`,
    ),
  ]);
  professionBy = new Map(professions.rows.map((p) => [p.code, p]));
  communeBy = new Map(communes.rows.map((c) => [c.inseeCode, c]));
  const address = await app.listen({ port: Number(process.env.BASELINE_PORT ?? 0), host: '127.0.0.1' });
  process.stdout.write(`baseline listening on ${address}\n`);
}

void main();
