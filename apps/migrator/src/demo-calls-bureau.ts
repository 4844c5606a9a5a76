import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  AuditChannel,
  Choice,
  DECISION_CLOSE,
  DECISION_VOTE_REMINDER,
  DecisionMailer,
  Elector,
  Outcome,
  outcomeOf,
  registerNumber,
  Statutes,
} from '@cpts/governance';
import { PROJECT_SUBJECT } from '@cpts/calls';
import { MailEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { SecretBox } from '@cpts/platform-mail';
import { BureauOffice } from './demo-calls-projects';
import { AuditEntry, insertVoters, OPTIONS, Person, RegisterPlace, VoterRow, writeChain } from './demo-governance';

/**
 * The bureau's decisions on the calls' projects for the demo, as
 * DecisionsService.openForSubject, VotingService and DecisionCloser write
 * them (see demo-governance.ts for why rows): one decision per project, its
 * subject the project, the bureau's seats of the day its voters.
 */

/** Governance's name for a project as a decision's subject (libs/calls does not export it; seedCalls checks it against the registry). */

export interface Seat {
  mandateId: string;
  office: BureauOffice;
  person: Person;
}

export interface Vote {
  office: BureauOffice;
  choice: Choice;
  at: Date;
}

/** What the bureau reads: the decision's title, file and question, as ProjectBureau.putToBureau writes them. */
export interface DecisionFile {
  title: string;
  context: string;
  question: string;
  amountCents: number;
}

interface DecisionSpec {
  instanceId: string;
  statutes: Statutes;
  seats: Seat[];
  openedBy: string;
  file: DecisionFile;
  missions: string[];
  /** The "opened" entry's mention of the subject (ProjectBureau's `audit`). */
  audit: { callProject: string; call: string };
}

/** The bureau's mandates held on a day (Paris date). */
export async function bureauSeats(db: Db, tenantId: string, bureauId: string, day: string): Promise<Seat[]> {
  const rows = await db.tenantRows<{ mandateId: string; office: BureauOffice } & Person>(
    `SELECT m.id AS "mandateId", m.office, p.id, p.first_name AS "firstName", p.last_name AS "lastName", lower(btrim(p.email)) AS email,
            p.profession_code AS "professionCode"
     FROM governance_mandates m JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
     WHERE m.tenant_id = $1 AND m.instance_id = $2 AND m.starts_on <= $3::date AND coalesce(least(m.ends_on, m.ended_on), 'infinity') >= $3::date
     ORDER BY m.office, m.id`,
    [tenantId, bureauId, day],
  );
  return rows.map(({ mandateId, office, ...person }) => ({ mandateId, office, person }));
}

const votersOf = (seats: Seat[]): VoterRow[] =>
  seats.map((s) => ({
    id: randomUUID(),
    person: s.person,
    mandateId: s.mandateId,
    college: null,
    choice: null,
    votedAt: null,
    channel: null,
    conflictAt: null,
    conflictNote: null,
    proxyTo: null,
    proxyAt: null,
  }));

const openedData = (d: DecisionSpec, deadline: Date, voters: number) => ({
  ...d.file,
  options: OPTIONS,
  instance: d.instanceId,
  deadline: deadline.toISOString(),
  statutes: { ...d.statutes },
  voters,
  ...d.audit,
});

/**
 * A decision the bureau closed in the past: opened, each office's vote
 * (the demo board member signed in, the others from their link), closed at
 * the last vote with the register's place given, the chain written at the
 * dates of each step. Every seat votes before the reminders are due.
 */
export async function writeClosedDecision(
  db: Db,
  tenantId: string,
  d: DecisionSpec & { openedAt: Date; deadline: Date; votes: Vote[]; board: { id: string; email: string }; place: RegisterPlace },
): Promise<{ id: string; registered: string; outcome: Outcome; closedAt: Date }> {
  const id = randomUUID();
  const voters = votersOf(d.seats);
  const entries: AuditEntry[] = [
    { at: d.openedAt, event: 'opened', actor: `user:${d.openedBy}`, channel: 'web', data: openedData(d, d.deadline, voters.length) },
  ];
  for (const vote of d.votes) {
    const seat = d.seats.find((s) => s.office === vote.office);
    if (!seat) throw new Error(`no ${vote.office} on the bureau on ${vote.at.toISOString()}`);
    const voter = voters.find((v) => v.mandateId === seat.mandateId)!;
    const web = seat.person.email === d.board.email;
    Object.assign(voter, { choice: vote.choice, votedAt: vote.at, channel: web ? 'web' : 'link' });
    const by = web
      ? { actor: `user:${d.board.id}`, channel: 'web' as AuditChannel }
      : { actor: `voter:${voter.id}`, channel: 'link' as AuditChannel };
    entries.push({ at: vote.at, event: 'vote', ...by, data: { voter: voter.id, choice: vote.choice } });
  }
  const electors: Elector[] = voters.map((v) => ({ id: v.id, college: null, vote: v.choice, conflict: false, proxyTo: null }));
  const result = outcomeOf(electors, d.statutes);
  const closedAt = d.votes[d.votes.length - 1].at;
  if (result.tally.participating !== result.tally.eligible) throw new Error(`« ${d.file.title} »: a seat of the bureau did not vote`);
  if (closedAt.getTime() > d.deadline.getTime() - 48 * 3_600_000)
    throw new Error(`« ${d.file.title} »: votes after the reminders were due`);
  if (result.outcome === 'no_quorum') throw new Error(`« ${d.file.title} »: without quorum`);
  const registered = registerNumber(d.place.year, d.place.seq)!;
  await db.tenantRows(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, status, statutes,
                                       opened_at, opened_by, closed_at, closed_because, outcome, result, register_year, register_seq, subject_kind, subject_ref,
                                       created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, 'written', $4, $5, $6, $7, $8, $9, $10, 'closed', $11, $12, $13, $14, 'all_voted', $15, $16, $17, $18, $19, $20, $12, $13, $14, $13)`,
    [
      tenantId,
      id,
      d.instanceId,
      d.file.title,
      d.file.context,
      d.file.question,
      OPTIONS,
      d.file.amountCents,
      d.missions,
      d.deadline,
      JSON.stringify(d.statutes),
      d.openedAt,
      d.openedBy,
      closedAt,
      result.outcome,
      JSON.stringify(result),
      d.place.year,
      d.place.seq,
      PROJECT_SUBJECT,
      d.audit.callProject,
    ],
  );
  await insertVoters(db, tenantId, id, voters);
  await writeChain(db, tenantId, id, [
    ...entries,
    {
      at: closedAt,
      event: 'closed',
      actor: 'system',
      channel: 'system',
      data: { because: 'all_voted', outcome: result.outcome, registerNumber: registered, tally: { ...result.tally } },
    },
  ]);
  return { id, registered, outcome: result.outcome, closedAt };
}

/**
 * The bureau's open decision on a project, as openForSubject and openRow
 * write it, now: the rules frozen, the voters fixed (the bureau's current
 * mandates, the demo board member among them), the "opened" entry, the
 * opening emails in the outbox with each voter's own link, the close and
 * the vote reminders; then the vice-president's vote from the link.
 * Returns the decision's id.
 */
export async function openDecision(db: Db, tenantId: string, mail: MailEnv, o: DecisionSpec): Promise<string> {
  const id = randomUUID();
  const [{ deadline }] = await db.tenantRows<{ deadline: Date }>(
    `SELECT ((((now() AT TIME ZONE 'Europe/Paris')::date + 6) + time '18:00') AT TIME ZONE 'Europe/Paris') AS deadline`,
  );
  await db.tenantRows(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, status, statutes,
                                       opened_at, opened_by, subject_kind, subject_ref, created_by, updated_by)
     VALUES ($1, $2, $3, 'written', $4, $5, $6, $7, $8, $9, $10, 'open', $11, now(), $12, $13, $14, $12, $12)`,
    [
      tenantId,
      id,
      o.instanceId,
      o.file.title,
      o.file.context,
      o.file.question,
      OPTIONS,
      o.file.amountCents,
      o.missions,
      deadline,
      JSON.stringify(o.statutes),
      o.openedBy,
      PROJECT_SUBJECT,
      o.audit.callProject,
    ],
  );
  const voters = votersOf(o.seats);
  await insertVoters(db, tenantId, id, voters);
  await appendAudit(db, tenantId, id, [
    { event: 'opened', actor: `user:${o.openedBy}`, channel: 'web', data: openedData(o, deadline, voters.length) },
  ]);
  const emails = await new DecisionMailer(db, mail).compose(id, 'opening');
  const box = new SecretBox(mail.LINK_SECRET);
  await db.rows(
    `INSERT INTO mail_outbox (id, kind, tenant_id, to_address, subject, html, text_body, secret)
     SELECT u.id, 'decision_opening', $1, u.to_address, u.subject, u.html, u.text_body, u.secret
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[]) AS u(id, to_address, subject, html, text_body, secret)`,
    [
      tenantId,
      emails.map(() => randomUUID()),
      emails.map((e) => e.to),
      emails.map((e) => e.email.subject),
      emails.map((e) => e.email.html),
      emails.map((e) => e.email.text),
      emails.map((e) => box.seal(e.secret)),
    ],
  );
  const soon = Date.now() + 5 * 60_000;
  const plans = [
    { kind: DECISION_CLOSE, fireAt: deadline },
    ...[48, 4]
      .map((h) => new Date(deadline.getTime() - h * 3_600_000))
      .filter((t) => t.getTime() > soon)
      .map((fireAt) => ({ kind: DECISION_VOTE_REMINDER, fireAt })),
  ];
  await db.tenantRows(
    `INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) SELECT $1, gen_random_uuid(), u.kind, $2, u.fire_at FROM unnest($3::text[], $4::timestamptz[]) AS u(kind, fire_at)`,
    [tenantId, id, plans.map((p) => p.kind), plans.map((p) => p.fireAt)],
  );
  // The vice-president has voted from the link already (VotingService.vote).
  const vp = voters.find((v) => o.seats.find((s) => s.mandateId === v.mandateId)?.office === 'vice_president');
  if (vp) {
    await db.tenantRows(
      `UPDATE governance_voters SET choice = 'for', voted_at = now(), channel = 'link' WHERE tenant_id = $1 AND id = $2`,
      [tenantId, vp.id],
    );
    await appendAudit(db, tenantId, id, [
      { event: 'vote', actor: `voter:${vp.id}`, channel: 'link', data: { voter: vp.id, choice: 'for' } },
    ]);
  }
  return id;
}
