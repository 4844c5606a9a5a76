import { editDistance, searchKey } from '@cpts/platform-core';

/**
 * The typing mistakes tolerated in one part of a name: none in names of 3
 * letters or fewer ("Li"/"Le" are different names), one up to 8 letters
 * ("Dupont"/"Dupond"), two beyond ("Kowalczykowski"/"Kowalczykowsky").
 */
export function tolerance(part: string): number {
  return part.length <= 3 ? 0 : part.length <= 8 ? 1 : 2;
}

export type NameMatch = 'same_name' | 'close_name';

export interface PersonName {
  lastName: string;
  firstName: string;
}

/**
 * Each part of the name as compared: searchKey (accents, case, punctuation
 * ignored) without its spaces, so "Le Fèvre"/"Lefèvre", "Jean-Pierre"/"Jeanpierre"
 * and "D'Angelo"/"Dangelo" are one name written two ways, not a typo apart.
 */
function parts(p: PersonName): [string, string] {
  return [searchKey(p.lastName).replace(/ /g, ''), searchKey(p.firstName).replace(/ /g, '')];
}

function closeParts([lastA, firstA]: [string, string], [lastB, firstB]: [string, string]): boolean {
  const dLast = editDistance(lastA, lastB, tolerance(lastA));
  if (dLast > Math.min(tolerance(lastA), tolerance(lastB))) return false;
  const dFirst = editDistance(firstA, firstB, tolerance(firstA));
  if (dFirst > Math.min(tolerance(firstA), tolerance(firstB))) return false;
  // Mistakes in both parts ("Dupont Marie"/"Dupond Maria") are more likely two people.
  return dLast === 0 || dFirst === 0;
}

/**
 * Whether two names may be the same person's: the same once accents, case,
 * punctuation and spaces are ignored, or with first and last name swapped (a
 * sign-up sheet filled in the other order) — "same_name"; or a typing
 * mistake or two away, in either order — "close_name".
 */
export function matchNames(a: PersonName, b: PersonName): NameMatch | null {
  return matchParts(parts(a), parts(b));
}

function matchParts(pa: [string, string], pb: [string, string]): NameMatch | null {
  if (!pa[0] || !pb[0]) return null;
  if (pa[0] === pb[0] && pa[1] === pb[1]) return 'same_name';
  if (pa[0] === pb[1] && pa[1] === pb[0]) return 'same_name';
  if (closeParts(pa, pb) || closeParts(pa, [pb[1], pb[0]])) return 'close_name';
  return null;
}

export interface CandidateRow extends PersonName {
  id: string;
  professionCode: string;
  communeCode: string;
  rpps: string | null;
}

export type DuplicateReasonCode = 'same_rpps' | 'same_name' | 'close_name';

export interface CandidatePair {
  firstId: string;
  secondId: string;
  reason: DuplicateReasonCode;
}

/** The strongest reason first. */
export const RANK: Record<DuplicateReasonCode, number> = { same_rpps: 0, same_name: 1, close_name: 2 };

/** The pair's key whichever way round: ids in order, as duplicate_dismissals stores them. */
export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/**
 * The pairs of records that may be one person: the same RPPS (the unique
 * index should prevent it; listed if ever), or the same profession and
 * commune with names that match. Two different RPPS numbers are two people
 * per the national directory, whatever their names (homonyms in one town).
 * Quadratic within a (profession, commune) group only: a few hundred at most.
 */
export function findCandidates(rows: CandidateRow[]): CandidatePair[] {
  const pairs = new Map<string, CandidatePair>();
  const add = (a: string, b: string, reason: DuplicateReasonCode) => {
    const [firstId, secondId] = pairKey(a, b);
    const key = `${firstId} ${secondId}`;
    const existing = pairs.get(key);
    if (!existing || RANK[reason] < RANK[existing.reason]) pairs.set(key, { firstId, secondId, reason });
  };
  const byRpps = new Map<string, CandidateRow[]>();
  const byGroup = new Map<string, CandidateRow[]>();
  for (const row of rows) {
    if (row.rpps) byRpps.set(row.rpps, [...(byRpps.get(row.rpps) ?? []), row]);
    const group = `${row.professionCode} ${row.communeCode}`;
    const list = byGroup.get(group);
    if (list) list.push(row);
    else byGroup.set(group, [row]);
  }
  for (const same of byRpps.values()) {
    for (let i = 0; i < same.length; i++) for (let j = i + 1; j < same.length; j++) add(same[i].id, same[j].id, 'same_rpps');
  }
  for (const group of byGroup.values()) {
    const keys = group.map(parts);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        if (a.rpps && b.rpps && a.rpps !== b.rpps) continue;
        const match = matchParts(keys[i], keys[j]);
        if (match) add(a.id, b.id, match);
      }
    }
  }
  return [...pairs.values()];
}
