import { isValidRpps } from '@cpts/directory';
import { sizeForPopulation } from './demo';
import { allMigrations } from './migrations';
import { generateProfessionals } from './seed';

describe('demo and benchmark data', () => {
  const territory = { communes: [{ code: '24322', name: 'Périgueux', population: 30000 }, { code: '24053', name: 'Boulazac Isle Manoire', population: 11000 }] };

  it('is deterministic for a seed and plausible', () => {
    const one = generateProfessionals(territory, 200, 7);
    const two = generateProfessionals(territory, 200, 7);
    expect(one.map((p) => `${p.lastName} ${p.firstName} ${p.rpps}`)).toEqual(two.map((p) => `${p.lastName} ${p.firstName} ${p.rpps}`));
    expect(one.every((p) => p.rpps === null || isValidRpps(p.rpps))).toBe(true);
    expect(new Set(one.map((p) => p.rpps).filter(Boolean)).size).toBe(one.filter((p) => p.rpps).length);
    expect(one.filter((p) => p.communeCode === '24322').length).toBeGreaterThan(one.filter((p) => p.communeCode === '24053').length);
    expect(new Set(one.map((p) => p.professionCode)).size).toBeGreaterThan(5);
  });

  it('classes CPTS sizes by population as the ACI does', () => {
    expect([20_000, 50_000, 100_000, 200_000].map(sizeForPopulation)).toEqual([1, 2, 3, 4]);
  });

  it('orders migrations by their timestamp', () => {
    const stamps = allMigrations.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect(stamps).toEqual([...stamps].sort((x, y) => x - y));
    expect(stamps.every((s) => Number.isFinite(s))).toBe(true);
  });
});
