import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who took part in a meeting without being anyone the CPTS knows (the
 * public of a workshop, patients): counted, not named. The participation
 * figures add them to the meeting's participants and attendances; the
 * distinct people stay the known ones.
 */
export class MeetingGuests1795610000000 implements MigrationInterface {
  name = 'MeetingGuests1795610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE meetings ADD COLUMN guest_count int NOT NULL DEFAULT 0 CHECK (guest_count BETWEEN 0 AND 10000)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE meetings DROP COLUMN guest_count`);
  }
}
