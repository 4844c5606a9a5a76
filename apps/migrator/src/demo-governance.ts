import { randomUUID } from 'node:crypto';
import { withRppsCheckDigit } from '@cpts/directory';
import {
  appendAudit,
  AuditChannel,
  Choice,
  DECISION_CLOSE,
  DECISION_VOTE_REMINDER,
  DecisionMailer,
  DEFAULT_DELEGATION,
  DEFAULT_STATUTES,
  Elector,
  entryHash,
  euros,
  GENESIS,
  MANDATE_END_REMINDER,
  outcomeOf,
  registerNumber,
  Result,
  Statutes,
} from '@cpts/governance';
import { MailEnv } from '@cpts/platform-config';
import { searchKey } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { SecretBox } from '@cpts/platform-mail';
import { COLLEGE_LABELS_FR, MembershipCollege } from '@cpts/platform-reference';

/**
 * The Grand Périgueux's governance for the demo: a bureau and a CA with its
 * four colleges, their mandates (the current ones, last year's bureau, a
 * resignation and a term that ended; one mandate ends within 90 days, its
 * reminder scheduled), a register of nine closed decisions over this year
 * and the last (written consultations adopted and rejected, one without
 * quorum and its second consultation, a spending put to the bureau, two
 * votes recorded at a CA meeting), spending under the default delegation
 * thresholds (one awaiting the treasurer's check), and one bureau decision
 * open now, whose opening emails are in the outbox: the worker sends them to
 * the development mail viewer, where the demo board member taps "Pour".
 *
 * Why rows rather than the services: DecisionsService, InstancesService and
 * the rest need a request scope with a principal, a Redis producer and the
 * gateway's Nest modules, which the migrator does not run. So this writes
 * the rows exactly as they do, and uses the library for everything that
 * must not drift: the statutes' defaults and arithmetic (`outcomeOf`), the
 * register's numbers, the audit chain (`appendAudit` for what happens now,
 * `entryHash` from GENESIS for past entries, since appendAudit stamps now),
 * the opening emails (`DecisionMailer`, the voters' own signed links) sealed
 * as MailOutbox seals them (SecretBox with LINK_SECRET). The worker's outbox
 * reconciler queues the pending emails, its reminder reconciler the
 * reminders: nothing needs Redis here.
 */

export interface GovernanceDemoUsers {
  /** The demo board member (the présidente): her directory record is created with this address. */
  board: { id: string; email: string };
  coordinatorId: string;
  staffId: string;
}

const DAY = 86_400_000;
/** A day at a time of day in France (demo dates: near enough to Europe/Paris for a demo, whatever the season). */
const at = (days: number, hour: number, minute = 0) =>
  new Date(Math.floor(Date.now() / DAY + days) * DAY + (hour - 1) * 3_600_000 + minute * 60_000);
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
/** YYYY-MM-DD in Paris. */
const parisDay = (d: Date) => PARIS_DAY.format(d);
const parisYear = (d: Date) => Number(parisDay(d).slice(0, 4));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const addYears = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
};
const FR_DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "16 juin 2026" from YYYY-MM-DD. */
const frDay = (day: string) => FR_DAY.format(new Date(`${day}T00:00:00Z`));

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  professionCode: string;
}

type Office = 'president' | 'vice_president' | 'treasurer' | 'secretary' | 'member';
type Obtained = 'elected' | 'coopted' | 'appointed' | 'ex_officio';
type InstanceKey = 'bureau' | 'ca';

interface MandateSpec {
  id: string;
  instance: InstanceKey;
  person: Person;
  office: Office;
  college: MembershipCollege | null;
  startsOn: string;
  endsOn: string | null;
  obtained: Obtained;
  note: string;
  endedOn?: string;
  endReason?: string;
}

const heldOn = (m: MandateSpec, day: string) => m.startsOn <= day && (!m.endsOn || m.endsOn >= day) && (!m.endedOn || m.endedOn >= day);

export interface AuditEntry {
  at: Date;
  event: string;
  actor: string;
  channel: AuditChannel;
  data: Record<string, unknown>;
}

export interface VoterRow {
  id: string;
  person: Person;
  mandateId: string;
  college: string | null;
  choice: Choice | null;
  votedAt: Date | null;
  channel: 'link' | 'web' | null;
  conflictAt: Date | null;
  conflictNote: string | null;
  proxyTo: string | null;
  proxyAt: Date | null;
}

type Act = { who: Person; at: Date } & ({ vote: Choice } | { conflict: string } | { proxyTo: Person });

interface WrittenSpec {
  instance: InstanceKey;
  source: 'written' | 'spending';
  title: string;
  context: string;
  question: string;
  amountCents: number | null;
  missions: string[];
  openedAt: Date;
  deadline: Date;
  openedBy: string;
  acts: Act[];
  /** The decision closed without quorum this one puts to the vote again. */
  reopens?: ClosedDecision;
  /** The spending request that opened it. */
  spendingId?: string;
}

interface ClosedDecision {
  id: string;
  instance: InstanceKey;
  source: 'written' | 'spending' | 'session';
  title: string;
  context: string;
  question: string;
  amountCents: number | null;
  missions: string[];
  deadline: Date | null;
  statutes: Statutes;
  openedAt: Date;
  openedBy: string;
  closedAt: Date;
  closedBecause: 'deadline' | 'all_voted' | 'session';
  result: Result;
  voters: VoterRow[];
  /** The chain up to its close; the "closed" entry is added once the register has numbered it. */
  entries: AuditEntry[];
  /** Entries after the close (a re-opening). */
  after: AuditEntry[];
  reopensId: string | null;
  meetingId: string | null;
  agendaPosition: number | null;
  year?: number;
  seq?: number;
}

export const OPTIONS: Choice[] = ['for', 'against', 'abstain'];

/** A place in the register: year and number (registerNumber gives "2026-004"). */
export interface RegisterPlace {
  year: number;
  seq: number;
}

/**
 * `laterCloses`: when the decisions another demo writes afterwards closed
 * (the bureau's votes on the calls' projects, demo-calls.ts). The register
 * numbers them among these in the order everything closed, as
 * nextRegisterNumber would have, and returns their places in the order
 * given: numbering them after the fact would put a decision closed in May
 * after one closed in November.
 */
export async function seedGovernance(
  db: Db,
  tenantId: string,
  mail: MailEnv,
  users: GovernanceDemoUsers,
  laterCloses: readonly Date[] = [],
): Promise<RegisterPlace[]> {
  return db.run({ tenantId, label: 'seed-governance' }, async () => {
    const [already] = await db.tenantRows(`SELECT 1 FROM governance_instances WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
    if (already) return [];
    const today = parisDay(new Date());
    const year = Number(today.slice(0, 4));

    // The demo board member's record in the directory: her address is her login's, which is how the platform
    // knows a signed-in user is one of the voters (lower(voter.email) = user's email).
    const [{ commune }] = await db.tenantRows<{ commune: string }>(
      `SELECT c.insee_code AS commune FROM tenants t JOIN communes c ON c.insee_code = ANY (t.commune_codes) WHERE t.id = $1 ORDER BY c.population DESC, c.insee_code LIMIT 1`,
      [tenantId],
    );
    const marie: Person = {
      id: randomUUID(),
      firstName: 'Marie',
      lastName: 'Laborde',
      email: users.board.email.toLowerCase(),
      professionCode: '10',
    };
    await db.tenantRows(
      `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, rpps, commune_code, structure_name, email, phone)
       VALUES ($1, $2, 'Laborde', 'Marie', $3, '10', $4, $5, 'Cabinet médical des Arènes', $6, '05 53 08 41 27')`,
      [tenantId, marie.id, searchKey('Laborde Marie'), withRppsCheckDigit('1099900001'), commune, marie.email],
    );
    await db.tenantRows(
      `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college)
       SELECT $1, gen_random_uuid(), $2, y, 'active', 2000, make_date(y, 1, 20), 'transfer', 'liberal' FROM unnest(ARRAY[$3::int - 1, $3::int]) AS y`,
      [tenantId, marie.id, year],
    );
    await db.tenantRows(`INSERT INTO involvements (tenant_id, professional_id, source, level) VALUES ($1, $2, 'membership', 'member')`, [
      tenantId,
      marie.id,
    ]);
    await db.tenantRows(`UPDATE professionals SET involvement_level = 'member' WHERE tenant_id = $1 AND id = $2`, [tenantId, marie.id]);

    // The others: members of the year with an address first (they are mailed their votes), a profession per seat.
    const candidates = await db.tenantRows<Person>(
      `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", lower(btrim(p.email)) AS email, p.profession_code AS "professionCode"
       FROM professionals p WHERE p.tenant_id = $1 AND p.archived_at IS NULL AND p.id <> $2 AND nullif(btrim(p.email), '') IS NOT NULL
       ORDER BY EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = p.tenant_id AND s.professional_id = p.id AND s.year = $3 AND s.status = 'active') DESC,
                abs(hashtext(p.id::text)), p.id`,
      [tenantId, marie.id, year],
    );
    const used = new Set<string>();
    const pick = (...codes: string[]): Person => {
      const person = candidates.find((c) => !used.has(c.id) && codes.includes(c.professionCode)) ?? candidates.find((c) => !used.has(c.id));
      if (!person) throw new Error('not enough professionals with an address for the governance demo');
      used.add(person.id);
      return person;
    };
    const treasurer = pick('60');
    const kine = pick('70');
    const vicePresident = pick('10');
    const secretary = pick('60', '50');
    const speech = pick('91', '92');
    const hospital = pick('21');
    const resigned = pick('60');
    const coopted = pick('70', '94');
    const ehpad = pick('10', '96');
    const userRep = pick('93', '95');
    const formerUser = pick('95', '93', '80');

    // The instances, with the statutes' defaults; the CA's twelve seats split into the four colleges (as createGovernanceInstance does).
    const instances: Record<InstanceKey, string> = { bureau: randomUUID(), ca: randomUUID() };
    const statutes: Record<InstanceKey, Statutes> = { bureau: { ...DEFAULT_STATUTES.bureau }, ca: { ...DEFAULT_STATUTES.ca } };
    const agLast = addDays(today, -170);
    const agPrev = addYears(agLast, -1);
    const agPrev2 = addYears(agLast, -2);
    const setUpAt = at(-3 * 365 - 200, 10);
    await db.tenantRows(
      `INSERT INTO governance_instances (tenant_id, id, kind, name, seats, statutes, created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, 'bureau', 'Bureau', 4, $4, $6, $7, $6, $7), ($1, $3, 'ca', 'Conseil d''administration', 12, $5, $6, $7, $6, $7)`,
      [
        tenantId,
        instances.bureau,
        instances.ca,
        JSON.stringify(statutes.bureau),
        JSON.stringify(statutes.ca),
        setUpAt,
        users.coordinatorId,
      ],
    );
    const colleges = Object.values(MembershipCollege);
    const collegeIds = Object.fromEntries(colleges.map((c) => [c, randomUUID()])) as Record<MembershipCollege, string>;
    await db.tenantRows(
      `INSERT INTO governance_colleges (tenant_id, id, instance_id, name, membership_college, seats, position)
       SELECT $1, u.id, $2, u.name, u.code, 3, u.position FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[]) AS u(id, name, code, position)`,
      [
        tenantId,
        instances.ca,
        colleges.map((c) => collegeIds[c]),
        colleges.map((c) => COLLEGE_LABELS_FR[c]),
        colleges,
        colleges.map((_, i) => i),
      ],
    );

    // The mandates: the CA renewed by thirds at each AG (three-year terms), the bureau elected by the CA
    // after each AG for a year. Ten of the twelve CA seats are filled today.
    const term = (start: string, years: number) => addDays(addYears(start, years), -1);
    const ag = (day: string) => `AG du ${frDay(day)}`;
    const mandate = (m: Omit<MandateSpec, 'id'>): MandateSpec => ({ id: randomUUID(), ...m });
    const hospitalEnds = addDays(today, 58);
    const ca = (person: Person, college: MembershipCollege, start: string, rest: Partial<MandateSpec> = {}) =>
      mandate({
        instance: 'ca',
        person,
        office: 'member',
        college,
        startsOn: start,
        endsOn: term(start, 3),
        obtained: 'elected',
        note: ag(start),
        ...rest,
      });
    const resignedOn = addDays(today, -130);
    const cooptedOn = addDays(today, -100);
    const mandates: MandateSpec[] = [
      ca(marie, MembershipCollege.LIBERAL, agPrev2),
      ca(treasurer, MembershipCollege.LIBERAL, agPrev),
      ca(kine, MembershipCollege.LIBERAL, agLast),
      ca(vicePresident, MembershipCollege.MSP, agPrev2),
      ca(secretary, MembershipCollege.MSP, agPrev),
      ca(speech, MembershipCollege.MSP, agLast),
      // Ends within 90 days: the hospital's two-year designation.
      ca(hospital, MembershipCollege.ESTABLISHMENT, addYears(addDays(hospitalEnds, 1), -2), {
        endsOn: hospitalEnds,
        obtained: 'appointed',
        note: 'Désigné·e par le centre hospitalier de Périgueux pour deux ans',
      }),
      ca(resigned, MembershipCollege.ESTABLISHMENT, agPrev, { endedOn: resignedOn, endReason: 'Démission : départ à la retraite.' }),
      ca(coopted, MembershipCollege.ESTABLISHMENT, cooptedOn, {
        endsOn: term(agPrev, 3),
        obtained: 'coopted',
        note: `Coopté·e par le CA du ${frDay(cooptedOn)} sur le siège devenu vacant, jusqu'au terme du mandat`,
      }),
      ca(ehpad, MembershipCollege.ESTABLISHMENT, agLast),
      ca(userRep, MembershipCollege.USER, agLast, {
        obtained: 'appointed',
        note: `Désigné·e par France Assos Santé Nouvelle-Aquitaine (${ag(agLast)})`,
      }),
      // A term that ended at the last AG, not renewed.
      ca(formerUser, MembershipCollege.USER, addYears(agLast, -3)),
    ];
    const bureauTerm = (start: string) =>
      [
        [marie, 'president'],
        [vicePresident, 'vice_president'],
        [treasurer, 'treasurer'],
        [secretary, 'secretary'],
      ].map(([person, office]) =>
        mandate({
          instance: 'bureau',
          person: person as Person,
          office: office as Office,
          college: null,
          startsOn: start,
          endsOn: term(start, 1),
          obtained: 'elected',
          note: `Élu·e par le CA du ${frDay(start)}`,
        }),
      );
    mandates.push(...bureauTerm(agPrev), ...bureauTerm(agLast));
    await db.tenantRows(
      `INSERT INTO governance_mandates (tenant_id, id, instance_id, professional_id, office, college_id, starts_on, ends_on, obtained, obtained_note, ended_on, end_reason,
                                        created_at, created_by, updated_at, updated_by)
       SELECT $1, u.id, u.instance_id, u.professional_id, u.office, u.college_id, u.starts_on, u.ends_on, u.obtained, u.note, u.ended_on, u.end_reason,
              u.starts_on::timestamptz + interval '20 hours', $13, coalesce(u.ended_on, u.starts_on)::timestamptz + interval '20 hours', $13
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::date[], $8::date[], $9::text[], $10::text[], $11::date[], $12::text[])
         AS u(id, instance_id, professional_id, office, college_id, starts_on, ends_on, obtained, note, ended_on, end_reason)`,
      [
        tenantId,
        mandates.map((m) => m.id),
        mandates.map((m) => instances[m.instance]),
        mandates.map((m) => m.person.id),
        mandates.map((m) => m.office),
        mandates.map((m) => (m.college ? collegeIds[m.college] : null)),
        mandates.map((m) => m.startsOn),
        mandates.map((m) => m.endsOn),
        mandates.map((m) => m.obtained),
        mandates.map((m) => m.note),
        mandates.map((m) => m.endedOn ?? null),
        mandates.map((m) => m.endReason ?? null),
        users.coordinatorId,
      ],
    );
    // The members' college follows their seat's (the AG counts per college).
    const seated = mandates.filter((m) => m.college && heldOn(m, today));
    await db.tenantRows(
      `UPDATE memberships s SET college = u.college FROM unnest($2::uuid[], $3::text[]) AS u(professional_id, college)
       WHERE s.tenant_id = $1 AND s.professional_id = u.professional_id AND s.year >= $4::int - 1`,
      [tenantId, seated.map((m) => m.person.id), seated.map((m) => m.college), year],
    );
    // The reminders of the terms' ends, 90 and 30 days before at 8:00 in Paris, those still to come (as addMandate schedules them).
    await db.tenantRows(
      `INSERT INTO reminders (tenant_id, id, kind, ref, fire_at)
       SELECT m.tenant_id, gen_random_uuid(), $2, m.id::text, x.at FROM governance_mandates m
       CROSS JOIN LATERAL (SELECT (((m.ends_on - d) + time '08:00') AT TIME ZONE 'Europe/Paris') AS at FROM unnest(ARRAY[90, 30]) AS d) x
       WHERE m.tenant_id = $1 AND m.ends_on IS NOT NULL AND m.ended_on IS NULL AND x.at > now()`,
      [tenantId, MANDATE_END_REMINDER],
    );

    // ---- The register: decisions closed over this year and the last.
    const seats = (instance: InstanceKey, day: string) => mandates.filter((m) => m.instance === instance && heldOn(m, day));
    const electorsOf = (voters: VoterRow[]): Elector[] =>
      voters.map((v) => ({ id: v.id, college: v.college, vote: v.choice, conflict: Boolean(v.conflictAt), proxyTo: v.proxyTo }));
    const expressed = (v: VoterRow) => v.choice !== null || v.proxyTo !== null || v.conflictAt !== null;
    const nameOf = (p: Person) => `${p.firstName} ${p.lastName}`;

    /** A written consultation from its opening to its close, as DecisionsService.openRow, VotingService and DecisionCloser write it. */
    const written = (spec: WrittenSpec): ClosedDecision => {
      const id = randomUUID();
      const rules = statutes[spec.instance];
      const voters: VoterRow[] = seats(spec.instance, parisDay(spec.openedAt)).map((m) => ({
        id: randomUUID(),
        person: m.person,
        mandateId: m.id,
        college: m.college ? COLLEGE_LABELS_FR[m.college] : null,
        choice: null,
        votedAt: null,
        channel: null,
        conflictAt: null,
        conflictNote: null,
        proxyTo: null,
        proxyAt: null,
      }));
      const voterOf = (p: Person) => {
        const v = voters.find((x) => x.person.id === p.id);
        if (!v) throw new Error(`${nameOf(p)} does not vote on « ${spec.title} »`);
        return v;
      };
      const entries: AuditEntry[] = [
        {
          at: spec.openedAt,
          event: 'opened',
          actor: `user:${spec.openedBy}`,
          channel: 'web',
          data: {
            title: spec.title,
            question: spec.question,
            options: OPTIONS,
            amountCents: spec.amountCents,
            context: spec.context,
            instance: instances[spec.instance],
            deadline: spec.deadline.toISOString(),
            statutes: { ...rules },
            voters: voters.length,
            ...(spec.reopens ? { reopens: spec.reopens.id } : {}),
            ...(spec.spendingId ? { spending: spec.spendingId } : {}),
          },
        },
      ];
      // The acts and the vote reminders (48 h and 4 h before, to those who have expressed nothing), in time order.
      const reminders = [48, 4]
        .map((h) => new Date(spec.deadline.getTime() - h * 3_600_000))
        .filter((t) => t.getTime() > spec.openedAt.getTime() + 5 * 60_000);
      const timeline = [...spec.acts.map((act) => ({ at: act.at, act })), ...reminders.map((t) => ({ at: t, act: null }))].sort(
        (a, b) => a.at.getTime() - b.at.getTime(),
      );
      let closed: { at: Date; because: 'deadline' | 'all_voted' } | null = null;
      for (const { at: when, act } of timeline) {
        if (when >= spec.deadline) throw new Error(`an act after the deadline of « ${spec.title} »`);
        if (!act) {
          const recipients = voters.filter((v) => v.person.email && !expressed(v)).length;
          if (recipients > 0) entries.push({ at: when, event: 'reminder', actor: 'system', channel: 'system', data: { recipients } });
          continue;
        }
        const v = voterOf(act.who);
        // The demo board member votes signed in; the others from their email link.
        const web = act.who.id === marie.id;
        const by = { actor: web ? `user:${users.board.id}` : `voter:${v.id}`, channel: (web ? 'web' : 'link') as AuditChannel };
        if ('vote' in act) {
          Object.assign(v, { choice: act.vote, votedAt: when, channel: by.channel });
          entries.push({ at: when, event: 'vote', ...by, data: { voter: v.id, choice: act.vote } });
        } else if ('conflict' in act) {
          Object.assign(v, { conflictAt: when, conflictNote: act.conflict });
          entries.push({
            at: when,
            event: 'conflict',
            ...by,
            data: { voter: v.id, note: act.conflict, withdrawnVote: null, withdrawnProxyTo: null },
          });
        } else {
          const holder = voterOf(act.proxyTo);
          Object.assign(v, { proxyTo: holder.id, proxyAt: when });
          entries.push({ at: when, event: 'proxy_given', ...by, data: { voter: v.id, holder: holder.id } });
        }
        const soFar = outcomeOf(electorsOf(voters), rules);
        if (soFar.tally.eligible > 0 && soFar.tally.participating === soFar.tally.eligible) {
          closed = { at: when, because: 'all_voted' };
          break;
        }
      }
      closed ??= { at: new Date(spec.deadline.getTime() + 40_000), because: 'deadline' };
      return {
        id,
        instance: spec.instance,
        source: spec.source,
        title: spec.title,
        context: spec.context,
        question: spec.question,
        amountCents: spec.amountCents,
        missions: spec.missions,
        deadline: spec.deadline,
        statutes: rules,
        openedAt: spec.openedAt,
        openedBy: spec.openedBy,
        closedAt: closed.at,
        closedBecause: closed.because,
        result: outcomeOf(electorsOf(voters), rules),
        voters,
        entries,
        after: [],
        reopensId: spec.reopens?.id ?? null,
        meetingId: null,
        agendaPosition: null,
      };
    };
    const vote = (who: Person, choice: Choice, days: number, hour: number, minute = 0): Act => ({
      who,
      at: at(days, hour, minute),
      vote: choice,
    });

    const decisions: ClosedDecision[] = [];
    decisions.push(
      written({
        instance: 'bureau',
        source: 'written',
        title: "Choix du cabinet d'expertise comptable",
        context:
          "Trois cabinets ont répondu à la consultation. Le cabinet Vergnaud et associés, à Périgueux, propose la tenue des comptes, le bilan et l'accompagnement de la fin d'exercice ACI pour 2 400 € HT par an ; c'est l'offre la mieux disante.",
        question: 'Confiez-vous la tenue des comptes et le bilan de la CPTS au cabinet Vergnaud et associés pour trois exercices ?',
        amountCents: null,
        missions: [],
        openedAt: at(-435, 9, 12),
        deadline: at(-428, 18),
        openedBy: users.coordinatorId,
        acts: [
          vote(marie, 'for', -435, 12, 40),
          vote(treasurer, 'for', -434, 8, 5),
          vote(secretary, 'abstain', -433, 21, 17),
          vote(vicePresident, 'for', -431, 13, 2),
        ],
      }),
    );
    const bylaws = {
      instance: 'ca' as const,
      source: 'written' as const,
      title: 'Révision du règlement intérieur',
      context:
        "Le règlement intérieur révisé précise l'adhésion (articles 4 et 5), la cotisation (article 6) et le fonctionnement des groupes de travail (articles 7 à 9). Le projet a été relu par le bureau.",
      question: 'Adoptez-vous le règlement intérieur révisé ?',
      amountCents: null,
      missions: [],
    };
    const noQuorum = written({
      ...bylaws,
      openedAt: at(-360, 10),
      deadline: at(-346, 18),
      openedBy: users.coordinatorId,
      acts: [vote(marie, 'for', -359, 19, 30), vote(treasurer, 'for', -357, 7, 45), vote(hospital, 'against', -350, 14, 20)],
    });
    decisions.push(noQuorum);
    const second = written({
      ...bylaws,
      openedAt: at(-344, 9, 30),
      deadline: at(-333, 18),
      openedBy: users.coordinatorId,
      reopens: noQuorum,
      acts: [
        vote(marie, 'for', -344, 11, 10),
        vote(vicePresident, 'for', -343, 13, 0),
        { who: resigned, at: at(-342, 8, 30), proxyTo: vicePresident },
        vote(treasurer, 'for', -341, 20, 15),
        vote(secretary, 'for', -339, 12, 50),
        vote(hospital, 'against', -336, 17, 5),
      ],
    });
    noQuorum.after.push({
      at: second.openedAt,
      event: 'reopened',
      actor: `user:${users.coordinatorId}`,
      channel: 'web',
      data: { as: second.id, deadline: second.deadline!.toISOString() },
    });
    decisions.push(second);
    decisions.push(
      written({
        instance: 'bureau',
        source: 'written',
        title: 'Stand de la CPTS au forum santé de Boulazac',
        context:
          "La commune de Boulazac Isle Manoire organise son forum santé au printemps. Un stand présenterait la CPTS, ses parcours et l'adhésion ; l'équipe salariée l'installe, les membres du bureau se relaient.",
        question: 'La CPTS tient-elle un stand au forum santé de Boulazac Isle Manoire ?',
        amountCents: null,
        missions: ['access_to_care', 'prevention'],
        openedAt: at(-265, 10, 5),
        deadline: at(-258, 18),
        openedBy: users.staffId,
        acts: [
          vote(vicePresident, 'for', -265, 12, 30),
          vote(marie, 'for', -265, 19, 45),
          vote(secretary, 'for', -264, 9, 10),
          vote(treasurer, 'for', -263, 18, 0),
        ],
      }),
    );
    decisions.push(
      written({
        instance: 'ca',
        source: 'written',
        title: "Recrutement d'un·e chargé·e de mission prévention",
        context:
          "La mission prévention de l'ACI (dépistages, vaccination, ateliers patients) demande un temps dédié. Le poste serait un CDD de 12 mois à temps plein, financé par la dotation ACI ; la fiche de poste a été préparée par le groupe de travail.",
        question: "Autorisez-vous le recrutement d'un·e chargé·e de mission prévention en CDD de 12 mois ?",
        amountCents: null,
        missions: ['prevention'],
        openedAt: at(-150, 9),
        deadline: at(-141, 18),
        openedBy: users.coordinatorId,
        acts: [
          vote(marie, 'for', -150, 12, 15),
          { who: ehpad, at: at(-150, 16, 40), conflict: 'Un membre de ma famille est candidat au poste.' },
          vote(treasurer, 'for', -149, 8, 20),
          vote(kine, 'for', -149, 13, 0),
          vote(vicePresident, 'against', -148, 19, 30),
          vote(secretary, 'for', -147, 7, 55),
          vote(speech, 'abstain', -146, 21, 10),
          vote(hospital, 'for', -144, 10, 0),
          vote(userRep, 'for', -143, 18, 25),
        ],
      }),
    );

    // A CA meeting, two votes recorded in session (InstanceMeetings.recordSessionVote): the quorum is the meeting's.
    const meetingId = randomUUID();
    const meetingStart = at(-75, 18, 30);
    const meetingDay = parisDay(meetingStart);
    const invited = seats('ca', meetingDay).map((m) => m.person);
    const attendance = new Map<string, 'present' | 'video' | 'absent' | 'excused'>(
      invited.map((p, i) => [
        p.id,
        i === invited.length - 1 ? 'excused' : i === invited.length - 2 ? 'absent' : i === 3 ? 'video' : 'present',
      ]),
    );
    const inviteeIds = new Map(invited.map((p) => [p.id, randomUUID()]));
    // The absent member gave a proxy to the présidente.
    const proxy = { giver: invited[invited.length - 2], holder: marie };
    const present = [...attendance.values()].filter((a) => a === 'present' || a === 'video').length;
    const quorum = {
      electorate: invited.length,
      present,
      represented: 1,
      needed: Math.ceil(statutes.ca.quorumShare * invited.length - 1e-9),
    };
    const voices = quorum.present + quorum.represented;
    const session = (
      title: string,
      question: string,
      agendaPosition: number,
      counts: { for: number; against: number; abstain: number },
      minutes: number,
    ) => {
      const total = counts.for + counts.against + counts.abstain;
      if (total > voices) throw new Error('more voices than people present or represented');
      const electors: Elector[] = [];
      let n = 0;
      const add = (count: number, choice: Choice | null) => {
        for (let i = 0; i < count; i += 1) electors.push({ id: `e${(n += 1)}`, college: null, vote: choice });
      };
      add(counts.for, 'for');
      add(counts.against, 'against');
      add(counts.abstain, 'abstain');
      add(quorum.electorate - total, null);
      const counted = outcomeOf(electors, { ...statutes.ca, quorumShare: 0 });
      const met = voices >= quorum.needed;
      const result: Result = {
        ...counted,
        outcome: met ? counted.outcome : 'no_quorum',
        tally: {
          ...counted.tally,
          eligible: quorum.electorate,
          participating: voices,
          byProxy: quorum.represented,
          quorumNeeded: quorum.needed,
          quorumMet: met,
        },
      };
      const recordedAt = new Date(meetingStart.getTime() + minutes * 60_000);
      const decision: ClosedDecision = {
        id: randomUUID(),
        instance: 'ca',
        source: 'session',
        title,
        context: '',
        question,
        amountCents: null,
        missions: [],
        deadline: null,
        statutes: statutes.ca,
        openedAt: recordedAt,
        openedBy: users.coordinatorId,
        closedAt: recordedAt,
        closedBecause: 'session',
        result,
        voters: [],
        entries: [
          {
            at: recordedAt,
            event: 'recorded_in_session',
            actor: `user:${users.coordinatorId}`,
            channel: 'session',
            data: {
              meeting: meetingId,
              title,
              question,
              counts: [{ ...counts }],
              quorum: { ...quorum, met, proxies: 1 },
              statutes: { ...statutes.ca },
            },
          },
        ],
        after: [],
        reopensId: null,
        meetingId,
        agendaPosition,
      };
      return decision;
    };
    const healthProject = session(
      'Projet de santé actualisé',
      'Adoptez-vous le projet de santé actualisé, avec le parcours diabète et les soins non programmés ?',
      1,
      { for: 8, against: 0, abstain: 1 },
      35,
    );
    const fee = session(
      `Cotisation ${year + 1} portée à 30 €`,
      `La cotisation annuelle passe-t-elle de 20 € à 30 € en ${year + 1} ?`,
      2,
      { for: 2, against: 6, abstain: 1 },
      80,
    );
    decisions.push(healthProject, fee);

    // The bureau route of the delegation: a spending above the staff's threshold, put to the bureau at once (SpendingService.record).
    const spendingId = randomUUID();
    const spendingAmount = 320_000;
    const spendingPurpose = 'Impression des supports de la campagne de vaccination antigrippale';
    const spendingDecision = written({
      instance: 'bureau',
      source: 'spending',
      title: `Dépense : ${spendingPurpose}`.slice(0, 200),
      context: `Dépense de ${euros(spendingAmount)} enregistrée par l'équipe, au-delà du seuil de délégation (${euros(DEFAULT_DELEGATION.staffLimitCents)}).`,
      question: `Approuvez-vous la dépense de ${euros(spendingAmount)} : ${spendingPurpose} ?`.slice(0, 1000),
      amountCents: spendingAmount,
      missions: ['prevention'],
      openedAt: at(-66, 11, 20),
      deadline: at(-59, 11, 20),
      openedBy: users.staffId,
      spendingId,
      acts: [
        vote(treasurer, 'for', -66, 14, 0),
        vote(marie, 'for', -65, 8, 30),
        vote(secretary, 'against', -64, 12, 10),
        vote(vicePresident, 'for', -63, 19, 40),
      ],
    });
    decisions.push(spendingDecision);
    decisions.push(
      written({
        instance: 'bureau',
        source: 'written',
        title: "Lettre d'information mensuelle",
        context:
          "La lettre d'information aux professionnels paraît chaque trimestre. Un rythme mensuel demanderait une demi-journée de l'équipe par mois ; les taux d'ouverture de la lettre trimestrielle sont bons.",
        question: "La lettre d'information aux professionnels devient-elle mensuelle dès janvier ?",
        amountCents: null,
        missions: ['professional_support'],
        openedAt: at(-30, 9, 45),
        deadline: at(-23, 18),
        openedBy: users.staffId,
        acts: [
          vote(marie, 'for', -30, 13, 5),
          vote(treasurer, 'against', -29, 18, 30),
          vote(vicePresident, 'against', -28, 8, 15),
          vote(secretary, 'abstain', -26, 20, 0),
        ],
      }),
    );

    // Numbered in the order they closed, per Paris year (nextRegisterNumber).
    const lastOf = new Map<number, number>();
    const later: Array<{ closedAt: Date; year?: number; seq?: number }> = laterCloses.map((closedAt) => ({ closedAt }));
    for (const d of [...decisions, ...later].sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime())) {
      d.year = parisYear(d.closedAt);
      d.seq = (lastOf.get(d.year) ?? 0) + 1;
      lastOf.set(d.year, d.seq);
    }
    await db.tenantRows(
      `INSERT INTO governance_register_counters (tenant_id, year, last) SELECT $1, y, l FROM unnest($2::int[], $3::int[]) AS u(y, l)`,
      [tenantId, [...lastOf.keys()], [...lastOf.values()]],
    );

    // The meeting (held, minutes published) before the decisions recorded in it.
    await db.tenantRows(
      `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place, minutes_html, minutes_decisions, minutes_updated_at,
                             minutes_published_at, minutes_published_by, created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, 'governance_instance', $3, 'Conseil d''administration', 'Conseil d''administration de rentrée', $4, $5, 'Maison de santé de Périgueux, salle du conseil',
               $6, $7, $8, $8, $10, $9, $10, $9, $10)`,
      [
        tenantId,
        meetingId,
        instances.ca,
        meetingStart,
        new Date(meetingStart.getTime() + 2 * 3_600_000),
        `<h2>Projet de santé</h2><p>Le projet de santé actualisé est adopté (8 pour, 1 abstention).</p><h2>Cotisation</h2><p>La hausse de la cotisation à 30 € est rejetée (2 pour, 6 contre, 1 abstention) : elle reste à 20 €.</p>`,
        ['Projet de santé actualisé adopté', `Cotisation ${year + 1} maintenue à 20 €`],
        new Date(meetingStart.getTime() + 3 * DAY),
        at(-95, 10),
        users.coordinatorId,
      ],
    );
    await db.tenantRows(
      `INSERT INTO meeting_agenda_items (tenant_id, meeting_id, position, title, duration_minutes)
       VALUES ($1, $2, 0, 'Approbation du procès-verbal de la séance précédente', 10), ($1, $2, 1, 'Projet de santé actualisé', 45), ($1, $2, 2, $3, 30)`,
      [tenantId, meetingId, `Montant de la cotisation ${year + 1}`],
    );
    await db.tenantRows(
      `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, email, invited_at, reply, replied_at, attendance)
       SELECT $1, u.id, $2, u.p, u.name, u.email, $7, CASE WHEN u.attendance IN ('present', 'video') THEN 'present' WHEN u.attendance = 'excused' THEN 'excused' END,
              CASE WHEN u.attendance <> 'absent' THEN $8::timestamptz END, u.attendance
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $9::text[]) AS u(id, p, name, email, attendance)`,
      [
        tenantId,
        meetingId,
        invited.map((p) => inviteeIds.get(p.id)),
        invited.map((p) => p.id),
        invited.map(nameOf),
        invited.map((p) => p.email),
        at(-95, 10),
        at(-90, 9),
        invited.map((p) => attendance.get(p.id)),
      ],
    );
    await db.tenantRows(
      `INSERT INTO governance_meeting_proxies (tenant_id, meeting_id, giver_id, holder_id, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, meetingId, inviteeIds.get(proxy.giver.id), inviteeIds.get(proxy.holder.id), at(-76, 17), users.coordinatorId],
    );
    await db.tenantRows(
      `INSERT INTO meeting_minutes_recipients (tenant_id, id, meeting_id, professional_id, name, email, sent_at)
       SELECT $1, gen_random_uuid(), $2, u.p, u.name, u.email, $6 FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(p, name, email)`,
      [
        tenantId,
        meetingId,
        invited.map((p) => p.id),
        invited.map(nameOf),
        invited.map((p) => p.email),
        new Date(meetingStart.getTime() + 3 * DAY),
      ],
    );

    for (const d of [...decisions].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())) {
      const number = registerNumber(d.year!, d.seq!);
      await db.tenantRows(
        `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, status, statutes,
                                           opened_at, opened_by, closed_at, closed_because, outcome, result, register_year, register_seq, reopens_id, meeting_id,
                                           agenda_position, created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'closed', $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $14, $15, $14)`,
        [
          tenantId,
          d.id,
          instances[d.instance],
          d.source,
          d.title,
          d.context,
          d.question,
          OPTIONS,
          d.amountCents,
          d.missions,
          d.deadline,
          JSON.stringify(d.statutes),
          d.openedAt,
          d.openedBy,
          d.closedAt,
          d.closedBecause,
          d.result.outcome,
          JSON.stringify(d.result),
          d.year,
          d.seq,
          d.reopensId,
          d.meetingId,
          d.agendaPosition,
          d.source === 'session' ? d.openedAt : new Date(d.openedAt.getTime() - DAY),
        ],
      );
      await insertVoters(db, tenantId, d.id, d.voters);
      await writeChain(db, tenantId, d.id, [
        ...d.entries,
        {
          at: d.closedAt,
          event: 'closed',
          actor: 'system',
          channel: 'system',
          data: { because: d.closedBecause, outcome: d.result.outcome, registerNumber: number, tally: { ...d.result.tally } },
        },
        ...d.after,
      ]);
    }

    // Spending under the delegation (thresholds left at their defaults: no settings row).
    if (spendingAmount <= DEFAULT_DELEGATION.staffLimitCents || spendingAmount > DEFAULT_DELEGATION.bureauLimitCents)
      throw new Error('the demo spending put to the bureau must be within the bureau route');
    await db.tenantRows(
      `INSERT INTO spending_requests (tenant_id, id, amount_cents, purpose, mission, requested_at, requested_by, route, decision_id, check_status, checked_at, checked_by, check_note)
       VALUES ($1, gen_random_uuid(), 48000, 'Location de la salle des fêtes de Trélissac pour la soirée plénière', 'professional_support', $2, $3, 'staff', NULL, 'checked', $4, $5, NULL),
              ($1, $6, $7, $8, 'prevention', $9, $3, 'bureau', $10, NULL, NULL, NULL, NULL),
              ($1, gen_random_uuid(), 35000, 'Fournitures pour l''atelier patients du parcours diabète', 'care_pathways', $11, $3, 'staff', NULL, 'pending', NULL, NULL, NULL)`,
      [
        tenantId,
        at(-40, 10),
        users.staffId,
        at(-35, 18),
        users.coordinatorId,
        spendingId,
        spendingAmount,
        spendingPurpose,
        spendingDecision.openedAt,
        spendingDecision.id,
        at(-3, 15),
      ],
    );

    await openBureauDecision(db, tenantId, mail, {
      instanceId: instances.bureau,
      statutes: statutes.bureau,
      voters: seats('bureau', today).map((m) => ({ person: m.person, mandateId: m.id })),
      openedBy: users.coordinatorId,
      treasurer,
      vicePresident,
    });
    return later.map((d) => ({ year: d.year!, seq: d.seq! }));
  });
}

/**
 * The bureau's open decision, written as DecisionsService.create then openRow
 * write it, now: the rules frozen, the voters fixed, the "opened" entry, the
 * opening emails in the outbox (each with the voter's own link), the close
 * and the vote reminders; then the treasurer's vote and the vice-president's
 * comment from their links. The présidente (the demo board member) has not
 * voted: she does, from the mail viewer or the app.
 */
async function openBureauDecision(
  db: Db,
  tenantId: string,
  mail: MailEnv,
  o: {
    instanceId: string;
    statutes: Statutes;
    voters: Array<{ person: Person; mandateId: string }>;
    openedBy: string;
    treasurer: Person;
    vicePresident: Person;
  },
): Promise<void> {
  const id = randomUUID();
  const [{ deadline }] = await db.tenantRows<{ deadline: Date }>(
    `SELECT ((((now() AT TIME ZONE 'Europe/Paris')::date + 4) + time '18:00') AT TIME ZONE 'Europe/Paris') AS deadline`,
  );
  const d = {
    title: 'Convention de partenariat avec le centre hospitalier de Périgueux',
    question:
      'Autorisez-vous la présidente à signer la convention de partenariat avec le centre hospitalier de Périgueux pour le parcours diabète ?',
    options: OPTIONS,
    amountCents: null,
    context:
      "Le centre hospitalier propose une convention de deux ans : une ligne directe entre les médecins traitants et le service de diabétologie, un créneau de consultation avancée par mois à la maison de santé, et l'échange des comptes rendus par messagerie sécurisée. Le groupe de travail « Parcours diabète » a relu le texte ; la convention n'engage aucune dépense de la CPTS.",
  };
  await db.tenantRows(
    `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, created_at, created_by, updated_by)
     VALUES ($1, $2, $3, 'written', $4, $5, $6, $7, NULL, $8, $9, now() - interval '1 day', $10, $10)`,
    [tenantId, id, o.instanceId, d.title, d.context, d.question, d.options, ['care_pathways'], deadline, o.openedBy],
  );
  await db.tenantRows(
    `UPDATE governance_decisions SET status = 'open', statutes = $3, deadline = $4, opened_at = now(), opened_by = $5, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, JSON.stringify(o.statutes), deadline, o.openedBy],
  );
  const voters = o.voters.map((v) => ({ ...v, id: randomUUID() }));
  await insertVoters(
    db,
    tenantId,
    id,
    voters.map((v) => ({
      id: v.id,
      person: v.person,
      mandateId: v.mandateId,
      college: null,
      choice: null,
      votedAt: null,
      channel: null,
      conflictAt: null,
      conflictNote: null,
      proxyTo: null,
      proxyAt: null,
    })),
  );
  await appendAudit(db, tenantId, id, [
    {
      event: 'opened',
      actor: `user:${o.openedBy}`,
      channel: 'web',
      data: { ...d, instance: o.instanceId, deadline: deadline.toISOString(), statutes: { ...o.statutes }, voters: voters.length },
    },
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

  // The treasurer has voted from the link already, and the vice-president commented (VotingService.vote and comment).
  const treasurer = voters.find((v) => v.person.id === o.treasurer.id)!;
  await db.tenantRows(`UPDATE governance_voters SET choice = 'for', voted_at = now(), channel = 'link' WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    treasurer.id,
  ]);
  await appendAudit(db, tenantId, id, [
    { event: 'vote', actor: `voter:${treasurer.id}`, channel: 'link', data: { voter: treasurer.id, choice: 'for' } },
  ]);
  const vp = voters.find((v) => v.person.id === o.vicePresident.id)!;
  const comment = randomUUID();
  await db.tenantRows(
    `INSERT INTO governance_comments (tenant_id, id, decision_id, voter_id, author_name, body) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      tenantId,
      comment,
      id,
      vp.id,
      `${vp.person.firstName} ${vp.person.lastName}`,
      'Favorable. La consultation avancée à la maison de santé répond à une demande ancienne des médecins du territoire ; pensons à prévoir un bilan à un an.',
    ],
  );
  await appendAudit(db, tenantId, id, [{ event: 'comment', actor: `voter:${vp.id}`, channel: 'link', data: { voter: vp.id, comment } }]);
}

export async function insertVoters(db: Db, tenantId: string, decisionId: string, voters: VoterRow[]): Promise<void> {
  if (voters.length === 0) return;
  await db.tenantRows(
    `INSERT INTO governance_voters (tenant_id, id, decision_id, professional_id, mandate_id, college, name, email, choice, voted_at, channel, changes, conflict_at, conflict_note)
     SELECT $1, u.id, $2, u.professional_id, u.mandate_id, u.college, u.name, u.email, u.choice, u.voted_at, u.channel, 0, u.conflict_at, u.conflict_note
     FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::timestamptz[], $13::text[])
       AS u(id, professional_id, mandate_id, college, name, email, choice, voted_at, channel, conflict_at, conflict_note)`,
    [
      tenantId,
      decisionId,
      voters.map((v) => v.id),
      voters.map((v) => v.person.id),
      voters.map((v) => v.mandateId),
      voters.map((v) => v.college),
      voters.map((v) => `${v.person.firstName} ${v.person.lastName}`),
      voters.map((v) => v.person.email?.toLowerCase() ?? null),
      voters.map((v) => v.choice),
      voters.map((v) => v.votedAt),
      voters.map((v) => v.channel),
      voters.map((v) => v.conflictAt),
      voters.map((v) => v.conflictNote),
    ],
  );
  // Proxies name another voter of the decision: set once every voter's row exists.
  for (const v of voters.filter((x) => x.proxyTo))
    await db.tenantRows(`UPDATE governance_voters SET proxy_to = $3, proxy_at = $4 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      v.id,
      v.proxyTo,
      v.proxyAt,
    ]);
}

/**
 * A past decision's chain, each entry at its own date: the same entries
 * and hashes appendAudit would have written then (entryHash from GENESIS),
 * which appendAudit cannot do today since it stamps the present.
 */
export async function writeChain(db: Db, tenantId: string, decisionId: string, entries: AuditEntry[]): Promise<void> {
  let prevHash = GENESIS;
  const rows = entries.map((e, i) => {
    const entry = { seq: i + 1, at: e.at, event: e.event, actor: e.actor, channel: e.channel, data: e.data, prevHash };
    const hash = entryHash(tenantId, decisionId, entry);
    prevHash = hash;
    return { ...entry, hash };
  });
  await db.tenantRows(
    `INSERT INTO governance_audit (tenant_id, decision_id, seq, at, event, actor, channel, data, prev_hash, hash)
     SELECT $1, $2, u.seq, u.at, u.event, u.actor, u.channel, u.data, u.prev_hash, u.hash
     FROM unnest($3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
       AS u(seq, at, event, actor, channel, data, prev_hash, hash)`,
    [
      tenantId,
      decisionId,
      rows.map((r) => r.seq),
      rows.map((r) => r.at),
      rows.map((r) => r.event),
      rows.map((r) => r.actor),
      rows.map((r) => r.channel),
      rows.map((r) => JSON.stringify(r.data)),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
}
