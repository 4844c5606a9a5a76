import { createDataSource, Db } from '@cpts/platform-db';
import { DataSource } from 'typeorm';
import { ReferenceService } from '../src';

describe('reference data', () => {
  let dataSource: DataSource;
  let db: Db;
  let reference: ReferenceService;

  beforeAll(async () => {
    dataSource = createDataSource({ url: process.env.DATABASE_URL as string, entities: [], applicationName: 'test', poolSize: 2 });
    await dataSource.initialize();
    db = new Db(dataSource);
    reference = new ReferenceService(db);
  });
  afterAll(() => dataSource.destroy());

  const run = <T>(fn: () => Promise<T>) => db.run({ tenantId: null }, fn);

  it('holds the professions a CPTS federates, with their RPPS codes', async () => {
    const professions = await run(() => reference.professions());
    const byCode = Object.fromEntries(professions.map((p) => [p.code, p.label]));
    expect(byCode).toMatchObject({
      '10': 'Médecin',
      '21': 'Pharmacien',
      '40': 'Chirurgien-dentiste',
      '50': 'Sage-femme',
      '60': 'Infirmier',
      '70': 'Masseur-kinésithérapeute',
      '80': 'Pédicure-podologue',
      '91': 'Orthophoniste',
      '93': 'Psychologue',
      '95': 'Diététicien',
    });
  });

  it('holds every commune of Nouvelle-Aquitaine with its département and population', async () => {
    const departements = await run(() => reference.departements());
    expect(departements.map((d) => d.code)).toEqual(['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']);
    const [count] = await run(() => db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM communes`));
    expect(count.n).toBeGreaterThan(4000);
    expect(await run(() => reference.commune('33063'))).toMatchObject({ name: 'Bordeaux', departementCode: '33' });
  });

  it('finds communes by the start of their name, accents and case ignored, most populated first', async () => {
    const found = await run(() => reference.searchCommunes({ search: 'perig', limit: 5 }));
    expect(found[0].name).toBe('Périgueux');
    const saint = await run(() => reference.searchCommunes({ search: 'SAINT-EMIL', departementCodes: ['33'], limit: 5 }));
    expect(saint.map((c) => c.name)).toContain('Saint-Émilion');
  });

  it("finds communes as people's names are found: across spaces, by a later word, with one typo after the exact matches", async () => {
    const names = async (search: string, departementCodes = ['33']) =>
      (await run(() => reference.searchCommunes({ search, departementCodes, limit: 5 }))).map((c) => c.name);
    expect(await names('saintemilion')).toEqual(['Saint-Émilion']);
    expect(await names('emilion')).toEqual(['Saint-Émilion']);
    expect(await names('lateste')).toEqual(['La Teste-de-Buch']);
    expect((await names('perigeux', ['24']))[0]).toBe('Périgueux');
    // Exact matches before typos, whatever the population: Besse (148 inhabitants), then Bassens (8,435), one letter away.
    expect((await names('besse', ['24', '33'])).slice(0, 2)).toEqual(['Besse', 'Bassens']);
  });

  it('stores each name read from each of its word starts, spaces removed, in search_runs (search_runs_of)', async () => {
    const [row] = await run(() =>
      db.rows<Record<string, string>>(
        `SELECT search_runs_of('le fevre marie') AS a, search_runs_of('dupont') AS b, search_runs_of('') AS c, search_runs_of('a  b') AS d,
                (SELECT search_runs FROM communes WHERE insee_code = '33394') AS e`,
      ),
    );
    expect(row).toEqual({ a: ' lefevremarie, fevremarie, marie', b: ' dupont', c: '', d: ' ab, b', e: ' saintemilion, emilion' });
  });

  it('answers lookups by code from one snapshot: no statement per lookup, a reload sees a new code', async () => {
    const statements: string[] = [];
    const original = dataSource.driver.createQueryRunner.bind(dataSource.driver);
    const spy = jest.spyOn(dataSource.driver, 'createQueryRunner').mockImplementation((mode) => {
      const runner = original(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: never[]) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    });
    const fresh = new ReferenceService(db);
    try {
      const names = await run(() => Promise.all(['33063', '24322', '87085', '64445'].map((code) => fresh.commune(code))));
      expect(names.map((c) => c?.name)).toEqual(['Bordeaux', 'Périgueux', 'Limoges', 'Pau']);
      expect(statements.filter((s) => s.includes('FROM communes'))).toHaveLength(1);
      statements.length = 0;
      expect((await run(() => fresh.profession('10')))?.label).toBe('Médecin');
      expect(await run(() => fresh.commune('99999'))).toBeNull();
      expect(statements).toHaveLength(0);
    } finally {
      spy.mockRestore();
    }
    // A migration adds a commune: a reload sees it, the snapshot before did not.
    const owner = new DataSource({ type: 'postgres', url: process.env.MIGRATION_DATABASE_URL as string });
    await owner.initialize();
    try {
      await owner.query(`INSERT INTO communes (insee_code, name, search_name, departement_code, population) VALUES ('33999', 'Commune test', 'commune test', '33', 1)`);
      expect(await fresh.commune('33999')).toBeNull();
      expect((await fresh.reload()).commune('33999')?.name).toBe('Commune test');
    } finally {
      await owner.query(`DELETE FROM communes WHERE insee_code = '33999'`);
      await owner.destroy();
    }
  });
});
