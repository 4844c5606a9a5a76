import { randomUUID } from 'node:crypto';
import {
  budgetOf,
  CallsService,
  DEBRIEF_SOURCE,
  PROJECT_OWNER,
  PROJECT_SUBJECT,
  ProjectStatus,
  speakerFees,
  WORKSHOP_SOURCE,
} from '@cpts/calls';
import { DecisionSubjects, euros, Statutes } from '@cpts/governance';
import { amountForMinutes, durationLabel, PaymentKind } from '@cpts/payments';
import { MailEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { QueueProducer } from '@cpts/platform-queue';
import { AciMission } from '@cpts/platform-reference';
import { RemindersService } from '@cpts/platform-reminders';
import { bureauSeats, DecisionFile, openDecision, Vote, writeClosedDecision } from './demo-calls-bureau';
import {
  BATCHES,
  BureauOffice,
  CALL_RULES,
  Moment,
  PROJECTS,
  ProjectSpec,
  REQUIRED_CRITERIA,
  RUBRIC,
  TeamMember,
  Transfer,
} from './demo-calls-projects';
import { GovernanceDemoUsers, Person, RegisterPlace } from './demo-governance';
import { checkPaymentRules, DemoPaymentLine, frenchDay, insertPaymentLines, seedMeetingIndemnities } from './demo-payments';

/**
 * The Grand Périgueux's calls for projects for the demo: the year's Pro
 * Actif call, closed, with eight projects at every stage (evaluated,
 * completed, two in progress, approved, rejected, changes requested, and
 * one the bureau is voting on now, whose opening emails wait in the outbox
 * for the demo board member), and next year's, published (upcoming until
 * January 15).
 * Each project has its dated history, its thread, the team's scores; the
 * bureau's decisions are in the register, numbered among the governance
 * demo's in the order they closed, with their voters and audit chains; the
 * workshops are held meetings of the project, guests counted; the speakers'
 * fees and flat fees are payment lines, some paid; the CPTS's indemnity rate
 * is set and the last CA meeting's indemnités generated.
 *
 * Rows rather than services, for the reasons demo-governance.ts gives, and
 * the libraries for what must not drift: the budgets and fees (`budgetOf`,
 * `amountForMinutes`), the statutes' arithmetic, the register's numbers and the
 * audit chain, the opening emails (`DecisionMailer`, sealed as MailOutbox
 * seals them), the envelope's figures (checked with `CallsService.envelope`)
 * and the drafts' reminders of next year's call (`CallsService`).
 */

/**
 * The names libs/calls uses for its project as a meeting's owner and for
 * the sources of its payment lines (it does not export them): the sources
 * are checked by the envelope's figures at load.
 */

const ENVELOPE_CENTS = 1_500_000;
const NEXT_ENVELOPE_CENTS = 1_800_000;
const FLAT_FEE_CENTS = 10_000;
const HOURLY_RATE_CENTS = 6_000;
/** The indemnités' hourly rate of the CPTS's règlement intérieur. */
const INDEMNITY_RATE_CENTS = 5_000;

/**
 * The migrator has no Redis. The only reminders scheduled through
 * RemindersService here (next year's drafts') fire months ahead, beyond the
 * hour it queues at once: the worker's reconciler queues them in time.
 */
const NO_QUEUE = null as unknown as QueueProducer;

const PARIS_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** The instant of a Paris wall-clock time. */
function parisTime(day: string, time: string): Date {
  const naive = Date.parse(`${day}T${time}:00Z`);
  const parts = Object.fromEntries(PARIS_CLOCK.formatToParts(new Date(naive)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return new Date(naive - (wall - naive));
}
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const parisDay = (d: Date) => PARIS_DAY.format(d);

const number = (seq: number) => `P${String(seq).padStart(2, '0')}`;
const hoursText = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')}` : ''}`;
const nameOf = (p: Person) => `${p.firstName} ${p.lastName}`;

export interface CallsDemoPlan {
  /** The year of the call the demo tells; next year's is published, upcoming. */
  year: number;
  /** When the bureau's decision on each project put to it closed, in the order of PROJECTS. */
  bureauCloses: Date[];
}

/**
 * The call's year: this one from October 23 (every dated step of its
 * story is over by then), else the last (the governance demo's bureau was
 * already seated for its votes). Its story is fixed in that year, so the
 * bureau's closes are known before the governance demo numbers its register.
 */
export function planCallsDemo(now = new Date()): CallsDemoPlan {
  const today = parisDay(now);
  const thisYear = Number(today.slice(0, 4));
  const year = today >= `${thisYear}-10-23` ? thisYear : thisYear - 1;
  return { year, bureauCloses: PROJECTS.filter((p) => p.bureau).map((p) => closeOf(votesOf(year, p))) };
}

const at = (year: number, moment: Moment) => parisTime(`${year}-${moment.slice(0, 5)}`, moment.slice(6));

/** Each office's vote on a project of a batch: the n-th of the batch a few minutes after the one before, so no two decisions close at once. */
function votesOf(year: number, project: ProjectSpec): Vote[] {
  const { batch, votes } = project.bureau!;
  const position = PROJECTS.filter((p) => p.bureau?.batch === batch).indexOf(project);
  return (Object.keys(votes) as BureauOffice[])
    .map((office, i) => ({
      office,
      choice: votes[office],
      at: new Date(at(year, BATCHES[batch].votes[office]).getTime() + position * (i + 3) * 60_000),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
/** Everyone votes: the decision closes at the last vote. */
const closeOf = (votes: Vote[]) => votes[votes.length - 1].at;

interface EventRow {
  at: Date;
  from: ProjectStatus | null;
  to: ProjectStatus;
  actor: string;
  actorName: string;
  note: string | null;
}

export async function seedCalls(
  db: Db,
  tenantId: string,
  mail: MailEnv,
  users: GovernanceDemoUsers,
  plan: CallsDemoPlan,
  places: RegisterPlace[],
): Promise<void> {
  // Fails at load if libs/calls no longer names its decisions' subject so (the closes would not find it).
  DecisionSubjects.of(PROJECT_SUBJECT);
  await db.run({ tenantId, label: 'seed-calls' }, async () => {
    const [already] = await db.tenantRows(`SELECT 1 FROM calls WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
    if (already) return;
    if (places.length !== plan.bureauCloses.length)
      throw new Error('the calls demo needs a register place for each of its closed decisions');
    const year = plan.year;
    const when = (moment: Moment) => at(year, moment);
    const day = (moment: Moment) => `${year}-${moment.slice(0, 5)}`;

    const team = await db.rows<{ id: string; name: string }>(`SELECT id, display_name AS name FROM users WHERE id = ANY($1::uuid[])`, [
      [users.coordinatorId, users.staffId],
    ]);
    const userOf: Record<TeamMember, { id: string; name: string }> = {
      coordinator: team.find((u) => u.id === users.coordinatorId)!,
      staff: team.find((u) => u.id === users.staffId)!,
    };

    // ---- The people: proposers and co-carriers members that year (their fees need it), none of them voting at the bureau.
    const members = await db.tenantRows<Person>(
      `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", lower(btrim(p.email)) AS email, p.profession_code AS "professionCode"
       FROM professionals p
       WHERE p.tenant_id = $1 AND p.archived_at IS NULL AND p.merged_into IS NULL AND p.erased_at IS NULL AND nullif(btrim(p.email), '') IS NOT NULL
         AND EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = p.tenant_id AND s.professional_id = p.id AND s.year = $2 AND s.status = 'active')
         AND NOT EXISTS (SELECT 1 FROM governance_mandates m WHERE m.tenant_id = p.tenant_id AND m.professional_id = p.id)
       ORDER BY abs(hashtext(p.id::text)), p.id`,
      [tenantId, year],
    );
    const used = new Set<string>();
    const pick = (codes: string[], from: Person[] = members): Person => {
      const person =
        codes.map((c) => from.find((p) => !used.has(p.id) && p.professionCode === c)).find(Boolean) ?? from.find((p) => !used.has(p.id));
      if (!person) throw new Error('not enough members of the year for the calls demo');
      used.add(person.id);
      return person;
    };
    const carriers = PROJECTS.map((spec) => ({ proposer: pick(spec.proposer), coCarriers: spec.coCarriers.map((codes) => pick(codes)) }));
    // Workshops' participants known to the directory, besides the speakers: anyone of it.
    const others = await db.tenantRows<Person>(
      `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", lower(btrim(p.email)) AS email, p.profession_code AS "professionCode"
       FROM professionals p WHERE p.tenant_id = $1 AND p.archived_at IS NULL AND p.merged_into IS NULL AND p.erased_at IS NULL
       ORDER BY abs(hashtext(p.id::text || 'calls')), p.id LIMIT 60`,
      [tenantId],
    );

    // ---- The calls.
    const callId = randomUUID();
    const nextId = randomUUID();
    const nextPublishedAt = new Date(Math.min(at(year, '11-24 10:00').getTime(), Date.now() - 86_400_000));
    const schedule = { flatFeeCents: FLAT_FEE_CENTS, hourlyRateCents: HOURLY_RATE_CENTS };
    await db.tenantRows(
      `INSERT INTO calls (tenant_id, id, year, slug, title, rules, opens_on, closes_on, envelope_cents, missions, members_only, flat_fee_cents, hourly_rate_cents,
                          required_criteria, rubric, published_at, created_at, created_by, updated_at, updated_by)
       SELECT $1, u.id, u.year, 'pro-actif-' || u.year, 'Pro Actif ' || u.year, $2, make_date(u.year, 1, 15), make_date(u.year, 3, 31), u.envelope, u.missions::text[],
              false, $3, $4, $5, $6, u.published_at, u.created_at, $7, u.published_at, $7
       FROM unnest($8::uuid[], $9::int[], $10::bigint[], $11::text[], $12::timestamptz[], $13::timestamptz[]) AS u(id, year, envelope, missions, published_at, created_at)`,
      [
        tenantId,
        CALL_RULES,
        FLAT_FEE_CENTS,
        HOURLY_RATE_CENTS,
        REQUIRED_CRITERIA,
        JSON.stringify(RUBRIC),
        users.coordinatorId,
        [callId, nextId],
        [year, year + 1],
        [ENVELOPE_CENTS, NEXT_ENVELOPE_CENTS],
        [
          `{${[AciMission.PREVENTION, AciMission.PROFESSIONAL_SUPPORT, AciMission.CARE_PATHWAYS].join(',')}}`,
          `{${[AciMission.PREVENTION, AciMission.PROFESSIONAL_SUPPORT, AciMission.CARE_PATHWAYS, AciMission.ACCESS_TO_CARE].join(',')}}`,
        ],
        [when('01-08 09:30'), nextPublishedAt],
        [when('01-05 10:00'), new Date(nextPublishedAt.getTime() - 3 * 86_400_000)],
      ],
    );

    // ---- The projects: who, what, the budget asked, and the history up to the bureau.
    const projects = PROJECTS.map((spec, i) => {
      const { proposer, coCarriers } = carriers[i];
      const seq = i + 1;
      return {
        spec,
        id: randomUUID(),
        seq,
        name: `${number(seq)} ${spec.title}`,
        proposer,
        coCarriers,
        speakers: [proposer, ...coCarriers].slice(0, spec.speakers),
        budget: budgetOf(schedule, spec, spec.budgetLines),
        events: [] as EventRow[],
        decisionId: null as string | null,
        approvedCents: null as number | null,
      };
    });
    type Project = (typeof projects)[number];
    const actor = (by: TeamMember | 'proposer') =>
      by === 'proposer'
        ? { actor: 'proposer', actorName: 'Porteur du projet' }
        : { actor: `user:${userOf[by].id}`, actorName: userOf[by].name };
    const move = (
      p: Project,
      at: Date,
      to: ProjectStatus,
      by: TeamMember | 'proposer' | { system: string },
      note: string | null = null,
    ) => {
      const last = p.events[p.events.length - 1];
      if ((last && last.at.getTime() > at.getTime()) || at.getTime() > Date.now())
        throw new Error(`${p.name}: an event out of order, or to come, at ${to}`);
      const who = typeof by === 'object' ? { actor: 'system', actorName: by.system } : actor(by);
      p.events.push({ at, from: last?.to ?? null, to, ...who, note });
    };
    for (const p of projects) {
      move(p, when(p.spec.createdAt), ProjectStatus.DRAFT, 'proposer');
      for (const step of p.spec.steps) move(p, when(step.at), step.to, step.by, step.note ?? null);
    }

    // ---- The bureau's closed decisions, batch by batch: the file it read (as ProjectBureau.putToBureau writes it), the votes, the close.
    const [bureau] = await db.tenantRows<{ id: string; statutes: Statutes }>(
      `SELECT id, statutes FROM governance_instances WHERE tenant_id = $1 AND kind = 'bureau'`,
      [tenantId],
    );
    if (!bureau) throw new Error('the calls demo needs the governance demo (its bureau) first');
    const seatsOn = (onDay: string) => bureauSeats(db, tenantId, bureau.id, onDay);
    const committedBefore = (moment: Date) =>
      projects
        .filter((p) => p.approvedCents !== null && p.events.some((e) => e.to === ProjectStatus.APPROVED && e.at < moment))
        .reduce((s, p) => s + p.budget, 0);
    // Put to the bureau while nothing else is voted on: committed and this batch's asked make "if the bureau approves everything".
    const fileOf = (p: Project, committed: number, asked: number): DecisionFile => {
      const after = committed + asked;
      return {
        title: `Pro Actif ${year} — ${p.name}`.slice(0, 200),
        context: [
          `Porté par ${nameOf(p.proposer)}${p.coCarriers.length ? `, avec ${p.coCarriers.map(nameOf).join(', ')}` : ''}.`,
          p.spec.summary,
          `Public : ${p.spec.targetPublic}`,
          `Ateliers prévus : ${p.spec.workshopCount} × ${hoursText(p.spec.workshopMinutes)}, ${p.spec.speakers} intervenant·e(s).`,
          `Budget demandé : ${euros(p.budget)} (dont honoraires des intervenants ${euros(speakerFees(schedule, p.spec))}).`,
          `Critères d'évaluation : ${p.spec.criteria.map((c) => `${c.criterion} — ${c.indicator}, cible ${c.target}`).join(' ; ')}.`,
          scoresLine(p.spec),
          `Enveloppe de l'appel : ${euros(ENVELOPE_CENTS)} ; engagé ${euros(committed)} ; si le bureau approuve ce projet et tous ceux qu'il examine, ${euros(after)} engagés, reste ${euros(ENVELOPE_CENTS - after)}.`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        question: `Approuvez-vous le projet « ${p.spec.title} » pour un budget de ${euros(p.budget)} ?`.slice(0, 1000),
        amountCents: p.budget,
      };
    };

    const putToBureau = PROJECTS.filter((spec) => spec.bureau);
    for (const batch of Object.keys(BATCHES) as Array<keyof typeof BATCHES>) {
      const inBatch = projects.filter((p) => p.spec.bureau?.batch === batch);
      const openedAt = when(BATCHES[batch].putAt);
      const deadline = when(BATCHES[batch].deadline);
      const seats = await seatsOn(parisDay(openedAt));
      const committed = committedBefore(openedAt);
      const asked = inBatch.reduce((s, p) => s + p.budget, 0);
      for (const p of inBatch) {
        const { id, registered, outcome, closedAt } = await writeClosedDecision(db, tenantId, {
          instanceId: bureau.id,
          statutes: bureau.statutes,
          seats,
          openedAt,
          deadline,
          openedBy: userOf[BATCHES[batch].by].id,
          file: fileOf(p, committed, asked),
          missions: p.spec.missions,
          audit: { callProject: p.id, call: callId },
          votes: votesOf(year, p.spec),
          board: users.board,
          place: places[putToBureau.indexOf(p.spec)],
        });
        // The register numbered it where planCallsDemo said it closed.
        if (closedAt.getTime() !== plan.bureauCloses[putToBureau.indexOf(p.spec)].getTime())
          throw new Error(`${p.name}: the bureau's decision does not close as planned`);
        // The project's side, as ProjectBureau.putToBureau and the subject's close write it.
        p.decisionId = id;
        move(
          p,
          openedAt,
          ProjectStatus.READY_FOR_BUREAU,
          BATCHES[batch].by,
          `Soumis au vote du bureau${inBatch.length > 1 ? ` (lot de ${inBatch.length} projets)` : ''}.`,
        );
        const bureauActor = { system: `Bureau (décision ${registered})` };
        if (outcome === 'adopted') {
          p.approvedCents = p.budget;
          move(p, closedAt, ProjectStatus.APPROVED, bureauActor, `Approuvé par le bureau pour ${euros(p.budget)}.`);
        } else move(p, closedAt, ProjectStatus.REJECTED, bureauActor, 'Refusé par le bureau.');
      }
    }

    // ---- Carried out: the workshops (held meetings of the project), their fees, the debrief and its flat fees, the evaluation.
    const lines: DemoPaymentLine[] = [];
    const paidAs = (t: Transfer | undefined) =>
      t && { on: day(t.on), reference: t.reference.replace('{Y}', String(year)), at: when(`${t.on} 11:30`), by: users.coordinatorId };
    const workshops: Array<{
      id: string;
      meetingId: string;
      p: Project;
      heldOn: string;
      startsAt: Date;
      recordedAt: Date;
      participants: number;
      known: Person[];
      place: string;
    }> = [];
    for (const p of projects) {
      for (const w of p.spec.workshops ?? []) {
        const startsAt = when(w.at);
        const heldOn = day(w.at);
        const recordedAt = when(w.recordedAt);
        const known = Array.from({ length: w.known ?? 0 }, () => pick([], others));
        if (w.participants < p.speakers.length + known.length) throw new Error(`${p.name}: fewer participants than people named`);
        const workshop = {
          id: randomUUID(),
          meetingId: randomUUID(),
          p,
          heldOn,
          startsAt,
          recordedAt,
          participants: w.participants,
          known,
          place: w.place,
        };
        workshops.push(workshop);
        if (p.events[p.events.length - 1].to === ProjectStatus.APPROVED)
          move(p, recordedAt, ProjectStatus.IN_PROGRESS, 'staff', `Premier atelier, le ${frenchDay(heldOn)}.`);
        const fee = amountForMinutes(p.spec.workshopMinutes, HOURLY_RATE_CENTS);
        for (const speaker of p.speakers)
          lines.push({
            professionalId: speaker.id,
            kind: PaymentKind.REMUNERATION,
            workDate: heldOn,
            minutes: p.spec.workshopMinutes,
            amountCents: fee,
            label: `Atelier du ${frenchDay(heldOn)} (${durationLabel(p.spec.workshopMinutes)}) — ${p.name}`,
            source: WORKSHOP_SOURCE,
            sourceRef: workshop.id,
            createdAt: recordedAt,
            createdBy: users.staffId,
            paid: paidAs(w.paid),
          });
      }
      if (p.spec.debrief) {
        const debriefedAt = when(p.spec.debrief.at);
        move(p, debriefedAt, ProjectStatus.COMPLETED, 'coordinator', 'Bilan déposé.');
        for (const speaker of p.speakers)
          lines.push({
            professionalId: speaker.id,
            kind: PaymentKind.REMUNERATION,
            workDate: day(p.spec.debrief.at),
            minutes: null,
            amountCents: FLAT_FEE_CENTS,
            label: `Forfait de mise en place et de bilan — ${p.name}`,
            source: DEBRIEF_SOURCE,
            sourceRef: p.id,
            createdAt: debriefedAt,
            createdBy: users.coordinatorId,
          });
      }
      if (p.spec.evaluatedAt) move(p, when(p.spec.evaluatedAt), ProjectStatus.EVALUATED, 'coordinator', 'Évaluation déposée.');
    }

    // ---- The project the bureau votes on now: opened as DecisionsService.openForSubject opens it (the emails in the outbox).
    const voting = projects.find((p) => p.spec.openBureau)!;
    const committedNow = projects.reduce((s, p) => s + (p.approvedCents ?? 0), 0);
    voting.decisionId = await openDecision(db, tenantId, mail, {
      instanceId: bureau.id,
      statutes: bureau.statutes,
      seats: await seatsOn(parisDay(new Date())),
      openedBy: users.coordinatorId,
      file: fileOf(voting, committedNow, voting.budget),
      missions: voting.spec.missions,
      audit: { callProject: voting.id, call: callId },
    });

    for (const p of projects)
      if (p.events[p.events.length - 1].to !== p.spec.status)
        throw new Error(`${p.name}: its story ends ${p.events[p.events.length - 1].to}, not ${p.spec.status}`);

    // ---- The rows.
    await db.tenantRows(
      `INSERT INTO call_projects (tenant_id, id, call_id, seq, status, proposer_id, proposer_created, proposer_email, title, summary, missions, target_public, co_carriers,
                                  workshop_count, workshop_minutes, speakers, budget_lines, criteria, budget_cents, approved_cents, decision_id,
                                  debrief_worked, debrief_not_worked, debriefed_at, evaluated_at, submitted_at, created_at, updated_at)
       SELECT $1, u.id, $2, u.seq, u.status, u.proposer_id, false, u.proposer_email, u.title, u.summary, u.missions::text[], u.target_public, u.co_carriers::uuid[],
              u.workshop_count, u.workshop_minutes, u.speakers, u.budget_lines, u.criteria, u.budget, u.approved, u.decision_id,
              u.worked, u.not_worked, u.debriefed_at, u.evaluated_at, u.submitted_at, u.created_at, u.updated_at
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::int[],
                   $15::int[], $16::jsonb[], $17::jsonb[], $18::bigint[], $19::bigint[], $20::uuid[], $21::text[], $22::text[], $23::timestamptz[],
                   $24::timestamptz[], $25::timestamptz[], $26::timestamptz[], $27::timestamptz[])
         AS u(id, seq, status, proposer_id, proposer_email, title, summary, missions, target_public, co_carriers, workshop_count, workshop_minutes, speakers,
              budget_lines, criteria, budget, approved, decision_id, worked, not_worked, debriefed_at, evaluated_at, submitted_at, created_at, updated_at)`,
      [
        tenantId,
        callId,
        projects.map((p) => p.id),
        projects.map((p) => p.seq),
        projects.map((p) => p.spec.status),
        projects.map((p) => p.proposer.id),
        projects.map((p) => p.proposer.email),
        projects.map((p) => p.spec.title),
        projects.map((p) => p.spec.summary),
        projects.map((p) => `{${p.spec.missions.join(',')}}`),
        projects.map((p) => p.spec.targetPublic),
        projects.map((p) => `{${p.coCarriers.map((c) => c.id).join(',')}}`),
        projects.map((p) => p.spec.workshopCount),
        projects.map((p) => p.spec.workshopMinutes),
        projects.map((p) => p.spec.speakers),
        projects.map((p) => JSON.stringify(p.spec.budgetLines)),
        projects.map((p) =>
          JSON.stringify(
            p.spec.criteria.map((c) => ({
              criterion: c.criterion,
              indicator: c.indicator,
              target: c.target,
              actual: p.spec.evaluatedAt ? c.actual : null,
            })),
          ),
        ),
        projects.map((p) => p.budget),
        projects.map((p) => p.approvedCents),
        projects.map((p) => p.decisionId),
        projects.map((p) => p.spec.debrief?.worked ?? null),
        projects.map((p) => p.spec.debrief?.notWorked ?? null),
        projects.map((p) => (p.spec.debrief ? when(p.spec.debrief.at) : null)),
        projects.map((p) => (p.spec.evaluatedAt ? when(p.spec.evaluatedAt) : null)),
        projects.map((p) => p.events.find((e) => e.to === ProjectStatus.SUBMITTED)?.at ?? null),
        projects.map((p) => p.events[0].at),
        projects.map((p) => (p.spec.openBureau ? new Date() : p.events[p.events.length - 1].at)),
      ],
    );
    const events = projects.flatMap((p) => p.events.map((e) => ({ ...e, projectId: p.id })));
    await db.tenantRows(
      `INSERT INTO call_project_events (tenant_id, id, project_id, at, from_status, to_status, actor, actor_name, note)
       SELECT $1, gen_random_uuid(), u.project_id, u.at, u.from_status, u.to_status, u.actor, u.actor_name, u.note
       FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(project_id, at, from_status, to_status, actor, actor_name, note)`,
      [
        tenantId,
        events.map((e) => e.projectId),
        events.map((e) => e.at),
        events.map((e) => e.from),
        events.map((e) => e.to),
        events.map((e) => e.actor),
        events.map((e) => e.actorName),
        events.map((e) => e.note),
      ],
    );
    await db.tenantRows(
      `INSERT INTO call_project_events (tenant_id, id, project_id, from_status, to_status, actor, actor_name, note) VALUES ($1, gen_random_uuid(), $2, $3, $3, $4, $5, $6)`,
      [
        tenantId,
        voting.id,
        ProjectStatus.READY_FOR_BUREAU,
        `user:${users.coordinatorId}`,
        userOf.coordinator.name,
        'Soumis au vote du bureau.',
      ],
    );

    // The thread: the messages, and each note of a change requested (requestChanges posts it).
    const messages = projects.flatMap((p) => [
      ...p.spec.comments.map((c) => ({ p, at: when(c.at), by: c.by, body: c.body })),
      ...p.spec.steps
        .filter((s) => s.note && s.to === ProjectStatus.CHANGES_REQUESTED)
        .map((s) => ({ p, at: when(s.at), by: s.by, body: s.note! })),
    ]);
    await db.tenantRows(
      `INSERT INTO call_project_comments (tenant_id, id, project_id, author, user_id, author_name, body, created_at)
       SELECT $1, gen_random_uuid(), u.project_id, u.author, u.user_id, u.author_name, u.body, u.created_at
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS u(project_id, author, user_id, author_name, body, created_at)`,
      [
        tenantId,
        messages.map((m) => m.p.id),
        messages.map((m) => (m.by === 'proposer' ? 'proposer' : 'team')),
        messages.map((m) => (m.by === 'proposer' ? null : userOf[m.by].id)),
        messages.map((m) => (m.by === 'proposer' ? nameOf(m.p.proposer) : userOf[m.by].name)),
        messages.map((m) => m.body),
        messages.map((m) => m.at),
      ],
    );
    const scores = projects.flatMap((p) =>
      (['coordinator', 'staff'] as TeamMember[]).flatMap((member) =>
        (p.spec.scores?.[member] ?? []).map((score, criterion) => ({
          p,
          user: userOf[member].id,
          criterion,
          score,
          at: when(p.spec.scores!.at),
        })),
      ),
    );
    await db.tenantRows(
      `INSERT INTO call_project_scores (tenant_id, project_id, user_id, criterion, score, scored_at)
       SELECT $1, u.project_id, u.user_id, u.criterion, u.score, u.scored_at FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::timestamptz[])
         AS u(project_id, user_id, criterion, score, scored_at)`,
      [
        tenantId,
        scores.map((s) => s.p.id),
        scores.map((s) => s.user),
        scores.map((s) => s.criterion),
        scores.map((s) => s.score),
        scores.map((s) => s.at),
      ],
    );

    // The workshops: each a meeting of the project held (MeetingRecords.recordHeld: the speakers and the people known present, the guests counted).
    for (const w of workshops) {
      const minutes = w.p.spec.workshopMinutes;
      const present = [...w.p.speakers, ...w.known];
      await db.tenantRows(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, guest_count, created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12, $13)`,
        [
          tenantId,
          w.meetingId,
          PROJECT_OWNER,
          w.p.id,
          w.p.name,
          frameOf(w.p.spec),
          `Atelier du ${frenchDay(w.heldOn)} — ${w.p.name}`.slice(0, 200),
          w.startsAt,
          new Date(w.startsAt.getTime() + minutes * 60_000),
          w.place,
          w.participants - present.length,
          w.recordedAt,
          users.staffId,
        ],
      );
      await db.tenantRows(
        `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, email, invited_at, attendance)
         SELECT $1, gen_random_uuid(), $2, u.p, u.name, u.email, $6, 'present' FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(p, name, email)`,
        [
          tenantId,
          w.meetingId,
          present.map((p) => p.id),
          present.map((p) => `${p.lastName} ${p.firstName}`),
          present.map((p) => p.email),
          w.recordedAt,
        ],
      );
      await db.tenantRows(
        `INSERT INTO call_workshops (tenant_id, id, project_id, meeting_id, held_on, minutes, participants, speakers, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          w.id,
          w.p.id,
          w.meetingId,
          w.heldOn,
          minutes,
          w.participants,
          w.p.speakers.map((s) => s.id),
          w.recordedAt,
          users.staffId,
        ],
      );
    }
    await insertPaymentLines(db, tenantId, lines);
    await seedMeetingIndemnities(db, tenantId, users.coordinatorId, INDEMNITY_RATE_CENTS);
    await checkPaymentRules(db, tenantId);

    // The envelope as the platform computes it: committed = the approved budgets, pending = the one voted on, paid = the call's lines paid.
    const calls = new CallsService(db, new RemindersService(db, NO_QUEUE));
    const envelope = await calls.envelope(await calls.row(callId));
    const expected = {
      committed: projects.reduce((s, p) => s + (p.approvedCents ?? 0), 0),
      pending: voting.budget,
      paid: lines.filter((l) => l.paid).reduce((s, l) => s + l.amountCents, 0),
    };
    if (
      envelope.committedCents !== expected.committed ||
      envelope.pendingCents !== expected.pending ||
      envelope.paidCents !== expected.paid ||
      envelope.availableCents < 0
    )
      throw new Error(`the calls demo's envelope does not add up: ${JSON.stringify({ envelope, expected })}`);
    // Next year's call is published: its drafts' reminders are scheduled, as publishCall does.
    await calls.scheduleDraftReminders(await calls.row(nextId));
  });
}

/** The team's average per line of the grid and the weighted average, as ProjectReview.scores gives them, in the bureau's file. */
function scoresLine(spec: ProjectSpec): string {
  const given = (['coordinator', 'staff'] as TeamMember[]).flatMap((m) => (spec.scores?.[m] ? [spec.scores[m]!] : []));
  if (given.length === 0) return '';
  const lines = RUBRIC.map((line, i) => ({ ...line, average: Math.round((given.reduce((s, g) => s + g[i], 0) / given.length) * 10) / 10 }));
  const weight = lines.reduce((s, l) => s + l.weight, 0);
  const weighted = Math.round((lines.reduce((s, l) => s + l.weight * l.average, 0) / weight) * 10) / 10;
  const fr = (n: number) => n.toFixed(1).replace('.', ',');
  return `Note de l'équipe : ${fr(weighted)} / 5 (${lines.map((l) => `${l.label} ${fr(l.average)}`).join(', ')}).`;
}

/** A workshop's frame, as the project's meetings say it: whom it is for, what it is. */
function frameOf(spec: ProjectSpec): string {
  const summary = spec.summary.trim().replace(/\s+/g, ' ');
  return [`Public : ${spec.targetPublic.trim()}`, `Projet : ${summary.length > 400 ? `${summary.slice(0, 399)}…` : summary}`].join(' — ');
}
