import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/** The name an erased person's rows keep (the directory's own erasure writes the same on the record). */
const ERASED_NAME = 'Personne effacée';

/**
 * What the meetings hold on a person: the meetings they were invited to
 * (answer, attendance), the polls they were asked, the minutes sent to
 * them, the action items they carry. Each row keeps the name and address its email used, so the erasure
 * empties them here too.
 */
@Injectable()
export class MeetingsPersonData implements PersonDataPart {
  readonly key = 'meetings';

  constructor(private readonly db: Db) {}

  async exportPerson(professionalId: string): Promise<unknown> {
    const tenantId = requireTenantId();
    const [invited, polls, minutes, actions] = await Promise.all([
      this.db.tenantRows(
        `SELECT m.title, m.owner_name AS "owner", m.starts_at AS "startsAt", i.email, i.reply, i.replied_at AS "repliedAt", i.attendance
         FROM meeting_invitees i JOIN meetings m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id WHERE i.tenant_id = $1 AND i.professional_id = $2 ORDER BY m.starts_at`,
        [tenantId, professionalId],
      ),
      this.db.tenantRows(
        `SELECT p.title, p.owner_name AS "owner", i.email, i.answered_at AS "answeredAt",
                coalesce((SELECT json_agg(json_build_object('startsAt', s.starts_at, 'answer', a.answer) ORDER BY s.starts_at)
                          FROM meeting_poll_answers a JOIN meeting_poll_slots s ON s.tenant_id = a.tenant_id AND s.id = a.slot_id
                          WHERE a.tenant_id = i.tenant_id AND a.invitee_id = i.id), '[]') AS answers
         FROM meeting_poll_invitees i JOIN meeting_polls p ON p.tenant_id = i.tenant_id AND p.id = i.poll_id WHERE i.tenant_id = $1 AND i.professional_id = $2 ORDER BY p.created_at`,
        [tenantId, professionalId],
      ),
      this.db.tenantRows(
        `SELECT m.title, r.email, r.sent_at AS "sentAt" FROM meeting_minutes_recipients r JOIN meetings m ON m.tenant_id = r.tenant_id AND m.id = r.meeting_id
         WHERE r.tenant_id = $1 AND r.professional_id = $2 ORDER BY r.sent_at`,
        [tenantId, professionalId],
      ),
      this.db.tenantRows(
        `SELECT title, owner_name AS "owner", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status, status_at AS "statusAt" FROM action_items
         WHERE tenant_id = $1 AND professional_id = $2 ORDER BY due_on`,
        [tenantId, professionalId],
      ),
    ]);
    return { invited, polls, minutesReceived: minutes, actionItems: actions };
  }

  /** The name and address each row kept are emptied; answers, attendance and dates stay for the counts. */
  async erasePerson(professionalId: string): Promise<void> {
    const tenantId = requireTenantId();
    for (const table of ['meeting_invitees', 'meeting_poll_invitees', 'meeting_minutes_recipients']) {
      await this.db.tenantRows(`UPDATE ${table} SET name = $3, email = NULL WHERE tenant_id = $1 AND professional_id = $2`, [
        tenantId,
        professionalId,
        ERASED_NAME,
      ]);
    }
  }

  /** The kept record takes the merged one's rows; invited twice to one meeting, the kept record's invitation stays. */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `DELETE FROM meeting_invitees m WHERE m.tenant_id = $1 AND m.professional_id = $3
         AND EXISTS (SELECT 1 FROM meeting_invitees k WHERE k.tenant_id = m.tenant_id AND k.meeting_id = m.meeting_id AND k.professional_id = $2)`,
      [tenantId, keptId, mergedId],
    );
    for (const table of ['meeting_invitees', 'meeting_poll_invitees', 'meeting_minutes_recipients']) {
      await this.db.tenantRows(`UPDATE ${table} SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
        tenantId,
        keptId,
        mergedId,
      ]);
    }
  }
}
