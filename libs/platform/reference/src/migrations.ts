import { MigrationInterface, QueryRunner } from 'typeorm';
import { readReferenceCsv } from './csv';
import { searchKey } from '@cpts/platform-core';

export class ReferenceData1795400000000 implements MigrationInterface {
  name = 'ReferenceData1795400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE professions (
        code text PRIMARY KEY,
        label text NOT NULL,
        label_plural text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE departements (
        code text PRIMARY KEY,
        name text NOT NULL,
        region_code text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE communes (
        insee_code text PRIMARY KEY CHECK (insee_code ~ '^[0-9][0-9AB][0-9]{3}$'),
        name text NOT NULL,
        search_name text NOT NULL,
        departement_code text NOT NULL REFERENCES departements (code),
        population int NOT NULL CHECK (population >= 0),
        epci_code text NULL,
        epci_name text NULL
      )`);
    await runner.query(`CREATE INDEX communes_departement_idx ON communes (departement_code)`);
    await runner.query(`CREATE INDEX communes_epci_idx ON communes (epci_code)`);
    await runner.query(`CREATE INDEX communes_search_idx ON communes (search_name text_pattern_ops)`);

    const professions = readReferenceCsv('professions.csv');
    await runner.query(`INSERT INTO professions (code, label, label_plural) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      professions.map((p) => p.code),
      professions.map((p) => p.label),
      professions.map((p) => p.label_plural),
    ]);

    const departements = readReferenceCsv('departements-nouvelle-aquitaine.csv');
    await runner.query(`INSERT INTO departements (code, name, region_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      departements.map((d) => d.code),
      departements.map((d) => d.name),
      departements.map((d) => d.region_code),
    ]);

    const epciNames = new Map(readReferenceCsv('epci-nouvelle-aquitaine.csv').map((e) => [e.epci_code, e.name]));
    const communes = readReferenceCsv('communes-nouvelle-aquitaine.csv');
    await runner.query(
      `INSERT INTO communes (insee_code, name, search_name, departement_code, population, epci_code, epci_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])`,
      [
        communes.map((c) => c.insee_code),
        communes.map((c) => c.name),
        communes.map((c) => searchKey(c.name)),
        communes.map((c) => c.departement_code),
        communes.map((c) => Number(c.population)),
        communes.map((c) => c.epci_code || null),
        communes.map((c) => epciNames.get(c.epci_code) ?? null),
      ],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE communes`);
    await runner.query(`DROP TABLE departements`);
    await runner.query(`DROP TABLE professions`);
  }
}

/**
 * Name search across spaces and with a typo (ADR 0007, libs/platform/core
 * name-search.ts): `search_runs_of(key)`, the key read from each of its word
 * starts to its end without spaces (" lefevremarie, fevremarie, marie"), for
 * the generated `search_runs` columns of communes (here) and professionals.
 * PL/pgSQL: 2 µs a row, where the same in plain SQL (an aggregate over the
 * words) took 5 µs, on every write. Commune search no longer reads the name
 * as a prefix: its text_pattern_ops index served nothing else.
 */
export class SearchRuns1795402100000 implements MigrationInterface {
  name = 'SearchRuns1795402100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION search_runs_of(key text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      DECLARE
        rest text := replace(key, ' ', '');
        runs text := '';
        word text;
      BEGIN
        FOREACH word IN ARRAY string_to_array(key, ' ') LOOP
          IF word <> '' THEN
            runs := runs || CASE WHEN runs = '' THEN ' ' ELSE ', ' END || rest;
            rest := substr(rest, length(word) + 1);
          END IF;
        END LOOP;
        RETURN runs;
      END
      $fn$`);
    await runner.query(
      `ALTER TABLE communes ADD COLUMN search_runs text NOT NULL GENERATED ALWAYS AS (search_runs_of(search_name)) STORED`,
    );
    await runner.query(`DROP INDEX communes_search_idx`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX communes_search_idx ON communes (search_name text_pattern_ops)`);
    await runner.query(`ALTER TABLE communes DROP COLUMN search_runs`);
    await runner.query(`DROP FUNCTION search_runs_of(text)`);
  }
}

export const referenceMigrations = [ReferenceData1795400000000, SearchRuns1795402100000];
