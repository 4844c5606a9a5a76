import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an import must pass before it runs (import-admission.ts):
 *  - `uploading`: the file is still arriving; the job is queued only once it
 *    is whole, so a slow upload holds no worker's import slot;
 *  - one import of a CPTS at a time (uploading, queued or running): a unique
 *    index, so two gateways cannot both let one in;
 *  - an extraction older than the last one imported runs only when the staff
 *    confirmed it, and the import keeps who did, when, and what it was older than.
 */
export class DirectoryImportAdmission1795401800000 implements MigrationInterface {
  name = 'DirectoryImportAdmission1795401800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE directory_imports DROP CONSTRAINT directory_imports_status_check`);
    await runner.query(`
      ALTER TABLE directory_imports
        ADD CONSTRAINT directory_imports_status_check CHECK (status IN ('uploading', 'queued', 'running', 'done', 'failed')),
        ADD COLUMN older_confirmed_by uuid NULL,
        ADD COLUMN older_confirmed_at timestamptz NULL,
        ADD COLUMN newer_extracted_at timestamptz NULL,
        ADD COLUMN newer_imported_at timestamptz NULL,
        ADD CONSTRAINT directory_imports_older_confirmed CHECK ((older_confirmed_at IS NULL) = (newer_extracted_at IS NULL) AND (newer_extracted_at IS NULL) = (newer_imported_at IS NULL))`);
    // Imports of one CPTS that overlapped before this rule: the oldest goes on, the others are stopped with a reason.
    // The owner is subject to row-level security too (FORCE): lifted around this one statement.
    await runner.query(`ALTER TABLE directory_imports NO FORCE ROW LEVEL SECURITY`);
    await runner.query(`
      UPDATE directory_imports i SET status = 'failed', finished_at = now(), error_code = 'CONCURRENT_IMPORT',
        error_message = 'Import arrêté : un autre import de la CPTS était en cours en même temps. Déposez le fichier à nouveau.'
      WHERE i.status IN ('queued', 'running')
        AND EXISTS (SELECT 1 FROM directory_imports o WHERE o.tenant_id = i.tenant_id AND o.status IN ('queued', 'running') AND (o.created_at, o.id) < (i.created_at, i.id))`);
    await runner.query(`ALTER TABLE directory_imports FORCE ROW LEVEL SECURITY`);
    await runner.query(
      `CREATE UNIQUE INDEX directory_imports_one_active ON directory_imports (tenant_id) WHERE status IN ('uploading', 'queued', 'running')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX directory_imports_one_active`);
    await runner.query(`
      ALTER TABLE directory_imports
        DROP CONSTRAINT directory_imports_older_confirmed,
        DROP COLUMN older_confirmed_by, DROP COLUMN older_confirmed_at, DROP COLUMN newer_extracted_at, DROP COLUMN newer_imported_at,
        DROP CONSTRAINT directory_imports_status_check`);
    await runner.query(`ALTER TABLE directory_imports NO FORCE ROW LEVEL SECURITY`);
    await runner.query(
      `UPDATE directory_imports SET status = 'failed', finished_at = now(), error_code = 'UPLOAD_INTERRUPTED' WHERE status = 'uploading'`,
    );
    await runner.query(`ALTER TABLE directory_imports FORCE ROW LEVEL SECURITY`);
    await runner.query(
      `ALTER TABLE directory_imports ADD CONSTRAINT directory_imports_status_check CHECK (status IN ('queued', 'running', 'done', 'failed'))`,
    );
  }
}
