import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The professionals' names read from each word on, for search across spaces
 * and with a typo (ADR 0007): generated from search_name by PostgreSQL
 * (search_runs_of, reference data's migration SearchRuns1795402100000), so
 * every writer of search_name keeps it right without knowing of it.
 */
export class ProfessionalSearchRuns1795402100001 implements MigrationInterface {
  name = 'ProfessionalSearchRuns1795402100001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE professionals ADD COLUMN search_runs text NOT NULL GENERATED ALWAYS AS (search_runs_of(search_name)) STORED`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE professionals DROP COLUMN search_runs`);
  }
}
