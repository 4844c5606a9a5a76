import { MigrationInterface, QueryRunner } from 'typeorm';

/** A decision may put another library's thing to the vote (DecisionSubject): its kind and id, applied at the close. */
export class DecisionSubjects1795550000000 implements MigrationInterface {
  name = 'DecisionSubjects1795550000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE governance_decisions
        ADD COLUMN subject_kind text NULL CHECK (subject_kind ~ '^[a-z_]{1,40}$'),
        ADD COLUMN subject_ref uuid NULL,
        ADD CONSTRAINT governance_decisions_subject_check CHECK ((subject_kind IS NULL) = (subject_ref IS NULL))`);
    await runner.query(
      `CREATE INDEX governance_decisions_subject_idx ON governance_decisions (tenant_id, subject_kind, subject_ref) WHERE subject_kind IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE governance_decisions DROP COLUMN subject_ref, DROP COLUMN subject_kind`);
  }
}
