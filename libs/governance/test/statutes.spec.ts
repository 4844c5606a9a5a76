import { DEFAULT_STATUTES, Elector, MajorityRule, noticeRespected, outcomeOf, proxyProblems, Statutes } from '../src';

const CA = DEFAULT_STATUTES.ca;
/** n electors voting `choice` (null: not voted), ids prefixed. */
const people = (prefix: string, n: number, vote: Elector['vote'], extra: Partial<Elector> = {}): Elector[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, vote, ...extra }));

describe('statutes: quorum, majority, abstentions, conflicts and proxies', () => {
  // A CA of 12 seats unless said otherwise; "for/against/abstain/none" are how many voted so.
  const cases: Array<{ name: string; statutes?: Partial<Statutes>; electors: Elector[]; outcome: string; tally?: Record<string, number> }> =
    [
      {
        name: 'half the seats is the quorum: 6 of 12 voting is enough, and 4 for 2 against adopts',
        electors: [...people('f', 4, 'for'), ...people('a', 2, 'against'), ...people('n', 6, null)],
        outcome: 'adopted',
        tally: { eligible: 12, participating: 6, quorumNeeded: 6, cast: 6 },
      },
      {
        name: '5 of 12 voting: no quorum, however they voted',
        electors: [...people('f', 5, 'for'), ...people('n', 7, null)],
        outcome: 'no_quorum',
        tally: { participating: 5, quorumNeeded: 6 },
      },
      {
        name: 'a tie is not a majority',
        electors: [...people('f', 3, 'for'), ...people('a', 3, 'against'), ...people('n', 6, null)],
        outcome: 'rejected',
      },
      {
        name: 'abstentions not cast: 3 for, 2 against, 4 abstain adopts',
        electors: [...people('f', 3, 'for'), ...people('a', 2, 'against'), ...people('s', 4, 'abstain'), ...people('n', 3, null)],
        outcome: 'adopted',
        tally: { cast: 5, abstain: 4 },
      },
      {
        name: 'abstentions cast: the same votes reject (3 of 9 cast)',
        statutes: { abstentionsCountAsCast: true },
        electors: [...people('f', 3, 'for'), ...people('a', 2, 'against'), ...people('s', 4, 'abstain'), ...people('n', 3, null)],
        outcome: 'rejected',
        tally: { cast: 9 },
      },
      {
        name: 'absolute majority of the seats: 6 for of 12 seats is not more than half',
        statutes: { majority: MajorityRule.ABSOLUTE_OF_SEATS },
        electors: [...people('f', 6, 'for'), ...people('n', 6, null)],
        outcome: 'rejected',
      },
      {
        name: 'absolute majority of the seats: 7 for of 12 adopts even with few votes against',
        statutes: { majority: MajorityRule.ABSOLUTE_OF_SEATS },
        electors: [...people('f', 7, 'for'), ...people('a', 1, 'against'), ...people('n', 4, null)],
        outcome: 'adopted',
      },
      {
        name: 'two thirds: 6 for, 3 against is exactly two thirds and adopts',
        statutes: { majority: MajorityRule.TWO_THIRDS },
        electors: [...people('f', 6, 'for'), ...people('a', 3, 'against'), ...people('n', 3, null)],
        outcome: 'adopted',
      },
      {
        name: 'two thirds: 6 for, 4 against falls short',
        statutes: { majority: MajorityRule.TWO_THIRDS },
        electors: [...people('f', 6, 'for'), ...people('a', 4, 'against'), ...people('n', 2, null)],
        outcome: 'rejected',
      },
      {
        name: 'only abstentions: nothing is adopted',
        electors: [...people('s', 8, 'abstain'), ...people('n', 4, null)],
        outcome: 'rejected',
      },
      {
        name: 'conflicts of interest leave the electorate: 4 voting of 8 eligible reach the quorum',
        electors: [
          ...people('c', 4, 'for', { conflict: true }),
          ...people('f', 3, 'for'),
          ...people('a', 1, 'against'),
          ...people('n', 4, null),
        ],
        outcome: 'adopted',
        tally: { eligible: 8, participating: 4, quorumNeeded: 4, for: 3 },
      },
      {
        name: 'everyone in conflict: no electorate, no quorum',
        electors: people('c', 3, 'for', { conflict: true }),
        outcome: 'no_quorum',
      },
      {
        name: 'a proxy counts towards the quorum and the holder votes for both',
        electors: [{ id: 'h', vote: 'for' }, { id: 'g', vote: null, proxyTo: 'h' }, ...people('f', 4, 'for'), ...people('n', 6, null)],
        outcome: 'adopted',
        tally: { participating: 6, byProxy: 1, for: 6 },
      },
      {
        name: 'no quorum rule (a commission): one vote decides',
        statutes: { quorumShare: 0 },
        electors: [...people('f', 1, 'for'), ...people('n', 11, null)],
        outcome: 'adopted',
        tally: { quorumNeeded: 0 },
      },
    ];

  it.each(cases)('$name', ({ statutes, electors, outcome, tally }) => {
    const result = outcomeOf(electors, { ...CA, ...statutes });
    expect(result.outcome).toBe(outcome);
    if (tally) expect(result.tally).toMatchObject(tally);
  });

  it('says why a proxy carried nothing: the giver voted, the holder did not, or the holder is out of the count', () => {
    const result = outcomeOf(
      [
        { id: 'h1', vote: 'for' },
        { id: 'g1', vote: 'against', proxyTo: 'h1' },
        { id: 'h2', vote: null },
        { id: 'g2', vote: null, proxyTo: 'h2' },
        { id: 'h3', vote: 'for', conflict: true },
        { id: 'g3', vote: null, proxyTo: 'h3' },
      ],
      { ...CA, quorumShare: 0 },
    );
    expect(result.unusedProxies).toEqual([
      { from: 'g1', to: 'h1', reason: 'giver_voted' },
      { from: 'g2', to: 'h2', reason: 'holder_did_not_vote' },
      { from: 'g3', to: 'h3', reason: 'holder_in_conflict' },
    ]);
    expect(result.tally).toMatchObject({ for: 1, against: 1, participating: 2, byProxy: 0 });
  });

  it('refuses proxies beyond the statutes, in French', () => {
    const electors: Elector[] = [
      { id: 'h', vote: null },
      { id: 'a', vote: null, proxyTo: 'h' },
      { id: 'b', vote: null, proxyTo: 'h' },
      { id: 'c', vote: null, proxyTo: 'c' },
      { id: 'd', vote: null, proxyTo: 'a' },
      { id: 'e', vote: null, proxyTo: 'someone-else' },
    ];
    expect(proxyProblems(electors, CA)).toEqual([
      { from: 'b', message: 'Cette personne détient déjà un pouvoir : les règles en permettent un seul par personne.' },
      { from: 'c', message: 'On ne se donne pas un pouvoir à soi-même.' },
      { from: 'd', message: 'Cette personne a elle-même donné son pouvoir : un pouvoir ne se transmet pas.' },
      { from: 'e', message: 'Le pouvoir doit être donné à un membre de la même instance.' },
    ]);
    expect(
      proxyProblems(
        [
          { id: 'a', vote: null, proxyTo: 'b' },
          { id: 'b', vote: null },
        ],
        DEFAULT_STATUTES.bureau,
      ),
    ).toEqual([{ from: 'a', message: 'Les règles de cette instance ne prévoient pas de pouvoir.' }]);
    expect(proxyProblems([...electors.slice(0, 3)], DEFAULT_STATUTES.ag)).toEqual([]);
    expect(() => outcomeOf(electors, CA)).toThrow(/Proxies beyond the statutes/);
  });

  it('counts an AG of 400 members with 150 proxies: the quorum, the overall result and each college', () => {
    // Four colleges of 100 members. In each, 40 vote in person and 30 give their proxy to someone who votes (at most 2 each);
    // 30 neither vote nor give a proxy. Liberal professionals and MSP vote for, establishments split, users against.
    const colleges = ['liberaux', 'msp', 'etablissements', 'usagers'];
    const choices: Record<string, (i: number) => 'for' | 'against' | 'abstain'> = {
      liberaux: () => 'for',
      msp: (i) => (i % 10 === 0 ? 'against' : 'for'),
      etablissements: (i) => (i % 2 === 0 ? 'for' : 'against'),
      usagers: (i) => (i % 4 === 0 ? 'abstain' : 'against'),
    };
    const electors: Elector[] = [];
    let proxies = 0;
    for (const college of colleges) {
      for (let i = 0; i < 40; i++) electors.push({ id: `${college}-v${i}`, college, vote: choices[college](i) });
      // 30 proxies to the first 15 voters of the college, two each (the AG's limit); 37 or 38 a college, 150 in all.
      const given = college === 'usagers' || college === 'etablissements' ? 37 : 38;
      for (let i = 0; i < given; i++)
        electors.push({ id: `${college}-p${i}`, college, vote: null, proxyTo: `${college}-v${Math.floor(i / 2)}` });
      proxies += given;
      for (let i = 0; i < 100 - 40 - given; i++) electors.push({ id: `${college}-n${i}`, college, vote: null });
    }
    expect(electors).toHaveLength(400);
    expect(proxies).toBe(150);
    expect(proxyProblems(electors, DEFAULT_STATUTES.ag)).toEqual([]);

    const result = outcomeOf(electors, DEFAULT_STATUTES.ag);
    // Quorum: a quarter of 400 = 100; 160 in person and 150 by proxy take part.
    expect(result.tally).toMatchObject({ eligible: 400, participating: 310, byProxy: 150, quorumNeeded: 100, quorumMet: true });
    // Each proxy votes as its holder: recount by hand.
    const expected = { for: 0, against: 0, abstain: 0 };
    for (const e of electors) {
      const holder = e.proxyTo ? electors.find((x) => x.id === e.proxyTo)! : e;
      if (holder.vote) expected[holder.vote] += 1;
    }
    expect({ for: result.tally.for, against: result.tally.against, abstain: result.tally.abstain }).toEqual(expected);
    expect(result.tally.for + result.tally.against + result.tally.abstain).toBe(310);
    expect(result.outcome).toBe(result.tally.for * 2 > result.tally.for + result.tally.against ? 'adopted' : 'rejected');
    expect(result.colleges.map((c) => [c.college, c.outcome, c.tally.participating])).toEqual([
      ['etablissements', 'adopted', 77],
      ['liberaux', 'adopted', 78],
      ['msp', 'adopted', 78],
      ['usagers', 'rejected', 77],
    ]);
    // Establishments: 20 for and 20 against in person; the proxies follow their holders (v0..v18: ten voting for, nine against)
    // and tip the college by one vote.
    expect(result.colleges.find((c) => c.college === 'etablissements')!.tally).toMatchObject({ for: 39, against: 38 });
  });

  it('checks the notice period of an AG in Paris calendar days', () => {
    const ag = DEFAULT_STATUTES.ag;
    expect(noticeRespected(new Date('2026-06-01T08:00:00Z'), new Date('2026-06-16T16:00:00Z'), ag)).toBe(true);
    expect(noticeRespected(new Date('2026-06-01T23:30:00Z'), new Date('2026-06-16T16:00:00Z'), ag)).toBe(false); // already 2 June in Paris
    expect(noticeRespected(new Date('2026-06-10T08:00:00Z'), new Date('2026-06-11T08:00:00Z'), DEFAULT_STATUTES.ca)).toBe(true);
  });
});
