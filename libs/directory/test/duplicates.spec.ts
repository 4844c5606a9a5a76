import { CandidateRow, findCandidates, matchNames } from '../src/duplicates/name-match';

const name = (full: string) => {
  const [lastName, ...first] = full.split(' ');
  return { lastName, firstName: first.join(' ') };
};

describe('names that may be one person', () => {
  const m = (a: string, b: string) => matchNames(name(a), name(b));

  it('ignores accents, case and punctuation', () => {
    expect(m('Dupont Marie', 'DUPONT Marie')).toBe('same_name');
    expect(m('Lefèvre Élodie', 'LEFEVRE elodie')).toBe('same_name');
    expect(matchNames({ lastName: 'Dupont-Éloi', firstName: 'Jérôme' }, { lastName: 'DUPONT ELOI', firstName: 'jerome' })).toBe('same_name');
  });

  it('ignores spaces, so a particle, a compound first name or an apostrophe written without its space is the same name', () => {
    expect(matchNames({ lastName: 'Le Fèvre', firstName: 'Marie' }, { lastName: 'Lefèvre', firstName: 'Marie' })).toBe('same_name');
    expect(matchNames({ lastName: 'de La Rue', firstName: 'Jean-Pierre' }, { lastName: 'Delarue', firstName: 'Jeanpierre' })).toBe(
      'same_name',
    );
    expect(matchNames({ lastName: "D'Angelo", firstName: 'Luca' }, { lastName: 'Dangelo', firstName: 'Luca' })).toBe('same_name');
    // and a typo on top of it is still one typo
    expect(matchNames({ lastName: 'Le Fèvre', firstName: 'Marie' }, { lastName: 'Lefebvre', firstName: 'Marie' })).toBe('close_name');
  });

  it('sees first and last names swapped', () => {
    expect(matchNames({ lastName: 'Dupont', firstName: 'Marie' }, { lastName: 'Marie', firstName: 'Dupont' })).toBe('same_name');
  });

  it('tolerates a typing mistake', () => {
    expect(m('Dupont Marie', 'Dupond Marie')).toBe('close_name');
    expect(m('Dupont Marie', 'Dupont Maire')).toBe('close_name');
    expect(matchNames({ lastName: 'Dupont', firstName: 'Marie' }, { lastName: 'Marie', firstName: 'Dupond' })).toBe('close_name');
    expect(m('Kowalczykowski Anna', 'Kowalczykowsky Anna')).toBe('close_name');
  });

  it('does not take different names for one', () => {
    expect(m('Dupont Marie', 'Durand Marie')).toBeNull();
    expect(m('Dupont Marie', 'Dupont Jeanne')).toBeNull();
    expect(m('Li Wu', 'Le Wu')).toBeNull(); // short names must be exact
    expect(m('Dupont Marie', 'Dupond Maria')).toBeNull(); // a mistake in each part is too much
    expect(m('Martin Paul', 'Martinez Paul')).toBeNull();
  });
});

describe('duplicate candidates in a directory', () => {
  let n = 0;
  const row = (full: string, fields: Partial<CandidateRow> = {}): CandidateRow => ({
    id: `00000000-0000-0000-0000-${String(++n).padStart(12, '0')}`,
    ...name(full),
    professionCode: '60',
    communeCode: '79191',
    rpps: null,
    ...fields,
  });

  it('pairs close names of the same profession in the same commune', () => {
    const a = row('Dupont Marie');
    const b = row('DUPONT Marie');
    const c = row('Dupond Marie');
    const d = { ...row('Marie Dupont') };
    const e = row('Durand Marie');
    const pairs = findCandidates([a, b, c, d, e]);
    const ids = (x: CandidateRow, y: CandidateRow) => [x.id, y.id].sort().join(' ');
    const found = new Map(pairs.map((p) => [`${p.firstId} ${p.secondId}`, p.reason]));
    expect(found.get(ids(a, b))).toBe('same_name');
    expect(found.get(ids(a, c))).toBe('close_name');
    expect(found.get(ids(a, d))).toBe('same_name');
    expect([...found.keys()].some((k) => k.includes(e.id))).toBe(false);
    for (const p of pairs) expect(p.firstId < p.secondId).toBe(true);
  });

  it('does not pair across professions or communes', () => {
    expect(findCandidates([row('Dupont Marie'), row('Dupont Marie', { professionCode: '10' })])).toEqual([]);
    expect(findCandidates([row('Dupont Marie'), row('Dupont Marie', { communeCode: '79049' })])).toEqual([]);
  });

  it('keeps apart two homonyms with different RPPS numbers, pairs a shared RPPS whatever the names', () => {
    expect(findCandidates([row('Dupont Marie', { rpps: '10100000008' }), row('Dupont Marie', { rpps: '10100000016' })])).toEqual([]);
    const x = row('Dupont Marie', { rpps: '10100000008' });
    const y = row('Durand Paul', { rpps: '10100000008', professionCode: '10' });
    expect(findCandidates([x, y])).toEqual([{ firstId: x.id, secondId: y.id, reason: 'same_rpps' }]);
    const same = row('Dupont Marie', { rpps: '10100000024' });
    const sameToo = row('Dupont Marie', { rpps: '10100000024' });
    expect(findCandidates([same, sameToo])).toEqual([{ firstId: same.id, secondId: sameToo.id, reason: 'same_rpps' }]);
  });
});
