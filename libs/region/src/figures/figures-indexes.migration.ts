import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for the regional figures (figures.sql.ts, "attended"): the
 * participants of each meeting held are counted per meeting, and with only
 * (tenant_id, meeting_id) PostgreSQL read every invitee row to test its
 * attendance. This partial index holds the present and video ones only, so
 * the count is an index-only scan. On the bench's 100 CPTS (30,000 meetings,
 * 436,000 invitees) it took the figures statement from 850-890 to 690 ms of
 * PostgreSQL CPU (docs/performance.md, "The region's table").
 */
export class RegionFiguresIndexes1795740000000 implements MigrationInterface {
  name = 'RegionFiguresIndexes1795740000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX meeting_invitees_attended_idx ON meeting_invitees (tenant_id, meeting_id) WHERE attendance IN ('present', 'video')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX meeting_invitees_attended_idx`);
  }
}
