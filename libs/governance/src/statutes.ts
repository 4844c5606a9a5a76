/**
 * The arithmetic of a CPTS's statutes (*règles*): who counts towards the
 * quorum, which votes are cast, what majority adopts, and how proxies
 * (*pouvoirs*) carry a vote. Pure functions over plain data, so the same
 * rules decide an asynchronous decision, a vote in session and an AG of
 * hundreds of members, and are tested table by table (docs/governance.md
 * gives the arithmetic with examples).
 */

export type Choice = 'for' | 'against' | 'abstain';

/** What adopts a motion. */
export enum MajorityRule {
  /** More votes for than against among the votes cast (abstentions against when they count as cast). */
  SIMPLE = 'simple',
  /** More than half of the seats (conflicted voters set aside), whatever the turnout. */
  ABSOLUTE_OF_SEATS = 'absolute_of_seats',
  /** At least two thirds of the votes cast. */
  TWO_THIRDS = 'two_thirds',
}

export interface Statutes {
  /** Share of the electorate (seats, or the year's members at the AG) present or represented for the vote to count: 0 = no quorum. */
  quorumShare: number;
  majority: MajorityRule;
  /** Whether an abstention is a vote cast (it then weighs like a vote against under the simple majority). */
  abstentionsCountAsCast: boolean;
  /** Proxies one voter may hold: 0 = none allowed. */
  proxiesPerHolder: number;
  /** Days between the convocation and the meeting (the AG), 0 = none. */
  noticeDays: number;
  /** Results are also given per college (the AG where the statutes say so). */
  perCollege: boolean;
}

export type StatutesKind = 'bureau' | 'ca' | 'ag' | 'commission';

/**
 * The rules of typical CPTS statutes, the starting point the coordinator
 * edits: half of the seats at the bureau and the CA, a quarter of the
 * members at the AG; the simple majority of the votes cast, abstentions not
 * cast; one proxy at the CA, two at the AG, none at the bureau; fifteen days'
 * notice for the AG.
 */
export const DEFAULT_STATUTES: Record<StatutesKind, Statutes> = {
  bureau: {
    quorumShare: 0.5,
    majority: MajorityRule.SIMPLE,
    abstentionsCountAsCast: false,
    proxiesPerHolder: 0,
    noticeDays: 0,
    perCollege: false,
  },
  ca: {
    quorumShare: 0.5,
    majority: MajorityRule.SIMPLE,
    abstentionsCountAsCast: false,
    proxiesPerHolder: 1,
    noticeDays: 0,
    perCollege: false,
  },
  ag: {
    quorumShare: 0.25,
    majority: MajorityRule.SIMPLE,
    abstentionsCountAsCast: false,
    proxiesPerHolder: 2,
    noticeDays: 15,
    perCollege: true,
  },
  commission: {
    quorumShare: 0,
    majority: MajorityRule.SIMPLE,
    abstentionsCountAsCast: false,
    proxiesPerHolder: 0,
    noticeDays: 0,
    perCollege: false,
  },
};

/** One person who may vote on the decision. */
export interface Elector {
  id: string;
  /** The college of their seat (CA, AG), if the instance has colleges. */
  college?: string | null;
  /** Their own vote; null while they have not voted. */
  vote: Choice | null;
  /** They declared a conflict of interest: out of the quorum and of the count. */
  conflict?: boolean;
  /** The elector they gave their vote to (*pouvoir*), if any. */
  proxyTo?: string | null;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  /** Electors who count: all but those who declared a conflict. */
  eligible: number;
  /** Eligible electors whose vote was expressed, in person or through a proxy. */
  participating: number;
  /** Of those, the votes carried by a proxy. */
  byProxy: number;
  /** Votes cast under the rules: for and against, abstentions too when they count as cast. */
  cast: number;
  /** The participation the quorum asks for (0 without quorum). */
  quorumNeeded: number;
  quorumMet: boolean;
}

export type Outcome = 'adopted' | 'rejected' | 'no_quorum';

export interface Result {
  outcome: Outcome;
  tally: Tally;
  /** Per college, when the statutes ask for it (each college's electors counted on their own). */
  colleges: Array<{ college: string; outcome: Outcome; tally: Tally }>;
  /** Proxies that carried no vote, with why (the holder did not vote, declared a conflict, or the giver voted in person). */
  unusedProxies: Array<{ from: string; to: string; reason: 'giver_voted' | 'holder_did_not_vote' | 'holder_in_conflict' }>;
}

/** A problem with the proxies as given, in French (shown to the person who gives one). */
export interface ProxyProblem {
  from: string;
  message: string;
}

/**
 * The proxies as the statutes allow them: to another elector of the
 * instance, not to oneself, not passed on (a holder has not given their own),
 * and no more per holder than the statutes say.
 */
export function proxyProblems(electors: readonly Elector[], statutes: Statutes): ProxyProblem[] {
  const byId = new Map(electors.map((e) => [e.id, e]));
  const held = new Map<string, number>();
  const problems: ProxyProblem[] = [];
  for (const e of electors) {
    if (!e.proxyTo) continue;
    if (statutes.proxiesPerHolder === 0) {
      problems.push({ from: e.id, message: 'Les règles de cette instance ne prévoient pas de pouvoir.' });
      continue;
    }
    if (e.proxyTo === e.id) {
      problems.push({ from: e.id, message: 'On ne se donne pas un pouvoir à soi-même.' });
      continue;
    }
    const holder = byId.get(e.proxyTo);
    if (!holder) {
      problems.push({ from: e.id, message: 'Le pouvoir doit être donné à un membre de la même instance.' });
      continue;
    }
    if (holder.proxyTo) {
      problems.push({ from: e.id, message: 'Cette personne a elle-même donné son pouvoir : un pouvoir ne se transmet pas.' });
      continue;
    }
    const count = (held.get(holder.id) ?? 0) + 1;
    held.set(holder.id, count);
    if (count > statutes.proxiesPerHolder) {
      problems.push({
        from: e.id,
        message:
          statutes.proxiesPerHolder === 1
            ? 'Cette personne détient déjà un pouvoir : les règles en permettent un seul par personne.'
            : `Cette personne détient déjà ${statutes.proxiesPerHolder} pouvoirs : c'est le maximum prévu par les règles.`,
      });
    }
  }
  return problems;
}

/**
 * The votes as they count: an elector's own vote; else, when they gave a
 * proxy, the vote of its holder, if the holder voted and may be counted.
 * Electors who declared a conflict are set aside entirely.
 */
function expressed(electors: readonly Elector[]): {
  votes: Map<string, { choice: Choice; byProxy: boolean }>;
  unused: Result['unusedProxies'];
} {
  const byId = new Map(electors.map((e) => [e.id, e]));
  const votes = new Map<string, { choice: Choice; byProxy: boolean }>();
  const unused: Result['unusedProxies'] = [];
  for (const e of electors) {
    if (e.conflict) continue;
    if (e.vote) {
      votes.set(e.id, { choice: e.vote, byProxy: false });
      if (e.proxyTo) unused.push({ from: e.id, to: e.proxyTo, reason: 'giver_voted' });
      continue;
    }
    if (!e.proxyTo) continue;
    const holder = byId.get(e.proxyTo);
    if (!holder || holder.conflict) unused.push({ from: e.id, to: e.proxyTo, reason: 'holder_in_conflict' });
    else if (!holder.vote) unused.push({ from: e.id, to: e.proxyTo, reason: 'holder_did_not_vote' });
    else votes.set(e.id, { choice: holder.vote, byProxy: true });
  }
  return { votes, unused };
}

/** The quorum, the count and the outcome of a group of electors under the statutes. */
function decide(
  electors: readonly Elector[],
  votes: Map<string, { choice: Choice; byProxy: boolean }>,
  statutes: Statutes,
): { outcome: Outcome; tally: Tally } {
  const eligible = electors.filter((e) => !e.conflict);
  const counted = eligible.map((e) => votes.get(e.id)).filter((v): v is { choice: Choice; byProxy: boolean } => v !== undefined);
  const count = (choice: Choice) => counted.filter((v) => v.choice === choice).length;
  const tally: Tally = {
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
    eligible: eligible.length,
    participating: counted.length,
    byProxy: counted.filter((v) => v.byProxy).length,
    cast: 0,
    quorumNeeded: statutes.quorumShare > 0 ? Math.ceil(statutes.quorumShare * eligible.length - 1e-9) : 0,
    quorumMet: false,
  };
  tally.cast = tally.for + tally.against + (statutes.abstentionsCountAsCast ? tally.abstain : 0);
  // No electorate left (everyone in conflict): nothing can be decided.
  tally.quorumMet = eligible.length > 0 && tally.participating >= tally.quorumNeeded;
  if (!tally.quorumMet) return { outcome: 'no_quorum', tally };
  return { outcome: adopts(tally, statutes.majority) ? 'adopted' : 'rejected', tally };
}

function adopts(t: Tally, rule: MajorityRule): boolean {
  if (t.cast === 0 || t.for === 0) return false;
  switch (rule) {
    case MajorityRule.SIMPLE:
      return t.for * 2 > t.cast;
    case MajorityRule.ABSOLUTE_OF_SEATS:
      return t.for * 2 > t.eligible;
    case MajorityRule.TWO_THIRDS:
      return t.for * 3 >= t.cast * 2;
  }
}

/**
 * The outcome of a decision under the statutes in force when it was opened.
 * Proxies are checked first (proxyProblems): the caller refuses a proxy
 * beyond the rules when it is given, so here one is a programming error.
 */
export function outcomeOf(electors: readonly Elector[], statutes: Statutes): Result {
  const problems = proxyProblems(electors, statutes);
  if (problems.length > 0) throw new Error(`Proxies beyond the statutes: ${problems.map((p) => `${p.from}: ${p.message}`).join('; ')}`);
  const { votes, unused } = expressed(electors);
  const overall = decide(electors, votes, statutes);
  const colleges = statutes.perCollege
    ? [...new Set(electors.map((e) => e.college ?? ''))]
        .filter(Boolean)
        .sort()
        .map((college) => ({
          college,
          ...decide(
            electors.filter((e) => e.college === college),
            votes,
            statutes,
          ),
        }))
    : [];
  return { ...overall, colleges, unusedProxies: unused };
}

/** Whether a convocation sent at `sentAt` respects the notice period for a meeting at `meetingAt` (whole days, Europe/Paris calendar days). */
export function noticeRespected(sentAt: Date, meetingAt: Date, statutes: Statutes): boolean {
  if (statutes.noticeDays === 0) return true;
  const day = (d: Date) => Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d)}T00:00:00Z`);
  return (day(meetingAt) - day(sentAt)) / 86_400_000 >= statutes.noticeDays;
}
