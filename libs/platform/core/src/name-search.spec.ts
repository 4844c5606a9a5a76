import { editDistance, nameSearchSql, TYPO_MIN_LETTERS, typoPatterns, typoPrefilter } from './name-search';

/** PostgreSQL's LIKE, for the patterns built here (letters, digits, `_` and `%` only). */
const like = (value: string, pattern: string) => new RegExp(`^${pattern.replace(/%/g, '.*').replace(/_/g, '.')}$`, 's').test(value);

/** What search_runs_of() stores for a key (its own test runs it in PostgreSQL: libs/platform/reference/test/name-search.spec.ts). */
const runsOf = (key: string) => {
  const words = key.split(' ');
  return words.map((_, i) => ` ${words.slice(i).join('')}`).join(',');
};

/** Whether a run of `runs` starts with a string within one typo of `piece`: the rule, by brute force. */
const withinOneTypo = (runs: string, piece: string) =>
  runs
    .split(',')
    .map((r) => r.slice(1))
    .some((run) => Array.from({ length: run.length + 1 }, (_, k) => run.slice(0, k)).some((prefix) => editDistance(piece, prefix, 1) <= 1));

describe('the distance between two names', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit', () => {
    expect(editDistance('dupont', 'dupont')).toBe(0);
    expect(editDistance('dupont', 'dupond')).toBe(1);
    expect(editDistance('dupont', 'dupon')).toBe(1);
    expect(editDistance('marie', 'maire')).toBe(1);
    expect(editDistance('dupont', 'durand')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early beyond the bound, answering bound + 1', () => {
    expect(editDistance('dupont', 'durand', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('typo patterns', () => {
  const found = (name: string, piece: string) => typoPatterns(piece).some((p) => like(runsOf(name), p));

  it('find a run one substitution, insertion, deletion or swap away, read as a prefix', () => {
    expect(found('dupont marie', 'dupond')).toBe(true); // substitution (of the last letter)
    expect(found('martin paul', 'martni')).toBe(true); // swap
    expect(found('martin paul', 'matin')).toBe(true); // a letter missed
    expect(found('martin paul', 'marrtin')).toBe(true); // a letter too many
    expect(found('lefebvre anne', 'lefevbre')).toBe(true);
    expect(found('lefevre anne', 'lefevbre')).toBe(true);
    expect(found('le fevre anne', 'lefevbre')).toBe(true); // across the particle's space
    expect(found('bernard paul', 'bernadette')).toBe(false);
    expect(found('dupont marie', 'dupuis')).toBe(false);
  });

  it('never join two runs through the comma between them', () => {
    // "le fevre" stores " lefevre, fevre": "lefevre" + one letter + "fevre" must not match across ", ".
    expect(found('le fevre', 'lefevrexfevre')).toBe(false);
    expect(found('le fevre', 'lefevrefevre')).toBe(false);
  });

  describe('against the rule by brute force (random names over a small alphabet, so that letters repeat)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (min: number, max: number) => Array.from({ length: min + random(max - min + 1) }, () => 'abc'[random(3)]).join('');
    /** Every string one substitution, insertion, deletion or swap away from `piece`. */
    const oneTypo = (piece: string) => {
      const out: string[] = [];
      for (let i = 0; i <= piece.length; i++) {
        for (const letter of 'abc') out.push(piece.slice(0, i) + letter + piece.slice(i + 1), piece.slice(0, i) + letter + piece.slice(i));
        out.push(piece.slice(0, i) + piece.slice(i + 1));
        if (i < piece.length - 1) out.push(piece.slice(0, i) + piece[i + 1] + piece[i] + piece.slice(i + 2));
      }
      return out;
    };

    it('the patterns and the prefilter find every name starting one typo away', () => {
      const missed: unknown[] = [];
      for (let i = 0; i < 300; i++) {
        const piece = word(TYPO_MIN_LETTERS, 8);
        for (const typed of oneTypo(piece)) {
          const runs = runsOf(`${word(0, 1)} ${typed}${word(0, 2)} ${word(1, 3)}`.trim());
          if (!typoPatterns(piece).some((p) => like(runs, p))) missed.push({ piece, runs });
          if (!typoPrefilter(piece).some((p) => like(runs, p))) missed.push({ piece, runs, prefilter: true });
        }
      }
      expect(missed).toEqual([]);
    });

    it('the patterns find nothing else', () => {
      const wrong: unknown[] = [];
      for (let i = 0; i < 3000; i++) {
        const piece = word(TYPO_MIN_LETTERS, 8);
        const runs = runsOf(`${word(1, 8)} ${word(1, 5)}`);
        if (typoPatterns(piece).some((p) => like(runs, p)) && !withinOneTypo(runs, piece)) wrong.push({ piece, runs });
      }
      expect(wrong).toEqual([]);
    });
  });

  it('stay few: about four a letter, four for the prefilter', () => {
    expect(typoPatterns('lefevbre').length).toBeLessThanOrEqual(4 * 8);
    expect(typoPrefilter('lefevbre')).toEqual(['% lefe%', '% ____bre%', '% _____bre%', '% ______bre%']);
  });
});

describe('the SQL of a name search', () => {
  it('is nothing when nothing searchable is typed', () => {
    const params: unknown[] = ['tenant'];
    expect(nameSearchSql(" - ' ", 'search_runs', params)).toBeNull();
    expect(params).toEqual(['tenant']);
  });

  it('matches short words exactly only, so needs no rank', () => {
    const params: unknown[] = ['tenant'];
    expect(nameSearchSql('Li', 'p.search_runs', params)).toEqual({ match: '(p.search_runs LIKE $2)', rank: null });
    expect(params).toEqual(['tenant', '% li%']);
  });

  it('lets each word match alone or joined with its neighbours, with a typo from five letters', () => {
    const params: unknown[] = [];
    const sql = nameSearchSql('Le Fèvre', 'r', params);
    // pieces: "le" (exact only), "lefevre" and "fevre" (typo allowed)
    expect(params.filter((p) => typeof p === 'string')).toEqual(['% le%', '% lefevre%', '% fevre%']);
    expect(sql?.match).toBe(
      '(r LIKE $1 OR (r LIKE $2 OR r LIKE ANY ($3::text[]) AND r LIKE ANY ($4::text[]))) AND ((r LIKE $2 OR r LIKE ANY ($3::text[]) AND r LIKE ANY ($4::text[])) OR (r LIKE $5 OR r LIKE ANY ($6::text[]) AND r LIKE ANY ($7::text[])))',
    );
    expect(sql?.rank).toBe('CASE WHEN (r LIKE $1 OR r LIKE $2) AND (r LIKE $2 OR r LIKE $5) THEN 0 ELSE 1 END');
  });

  it('uses every parameter in the condition alone, so a count can run without the rank', () => {
    const params: unknown[] = [];
    const sql = nameSearchSql('jean pierre martin', 'r', params);
    for (let i = 1; i <= params.length; i++) expect(sql?.match).toMatch(new RegExp(`\\$${i}\\b`));
  });

  it('joins at most three words into a piece', () => {
    const params: unknown[] = [];
    nameSearchSql('a b c d', 'r', params);
    expect(params).toEqual(['% a%', '% ab%', '% abc%', '% b%', '% bc%', '% bcd%', '% c%', '% cd%', '% d%']);
  });
});
