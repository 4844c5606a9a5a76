import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/**
 * What the surveys hold on a person of the directory: the surveys sent to
 * them, whether they answered, and their answers to nominative surveys
 * (anonymous answers cannot be found, by design). Erasure keeps the counts:
 * the recipient row loses its name and address, a nominative response its
 * link to the row (it becomes like an anonymous one).
 */
@Injectable()
export class SurveyPersonData implements PersonDataPart {
  readonly key = 'surveys';

  constructor(private readonly db: Db) {}

  async exportPerson(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(
      `SELECT s.title, s.anonymous, s.sent_at AS "sentAt", r.email, r.answered,
              (SELECT a.answers FROM survey_responses a WHERE a.tenant_id = r.tenant_id AND a.recipient_id = r.id) AS answers
       FROM survey_recipients r JOIN surveys s ON s.tenant_id = r.tenant_id AND s.id = r.survey_id
       WHERE r.tenant_id = $1 AND r.professional_id = $2 ORDER BY s.sent_at, s.title`,
      [requireTenantId(), professionalId],
    );
  }

  async erasePerson(professionalId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `UPDATE survey_responses a SET recipient_id = NULL, anonymous = true FROM survey_recipients r
       WHERE a.tenant_id = $1 AND r.tenant_id = $1 AND a.recipient_id = r.id AND r.professional_id = $2`,
      [tenantId, professionalId],
    );
    await this.db.tenantRows(
      `UPDATE survey_recipients SET name = 'Personne effacée', email = 'erased-' || id || '@invalid.invalid', professional_id = NULL
       WHERE tenant_id = $1 AND professional_id = $2`,
      [tenantId, professionalId],
    );
  }

  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE survey_recipients SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
      requireTenantId(),
      keptId,
      mergedId,
    ]);
  }
}
