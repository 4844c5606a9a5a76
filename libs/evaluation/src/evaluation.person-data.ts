import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/**
 * What the dialogue de gestion holds on a person of the directory: the
 * fiches action they are responsible for. Exported as such; on erasure the
 * fiche keeps its content and loses its responsible (the fiche is the CPTS's
 * work, not the person's); on a merge the kept record becomes responsible.
 */
@Injectable()
export class EvaluationPersonData implements PersonDataPart {
  readonly key = 'fichesAction';

  constructor(private readonly db: Db) {}

  exportPerson(professionalId: string): Promise<unknown> {
    return this.db.tenantRows(
      `SELECT year, title, status, 'responsable' AS role FROM fiches_action WHERE tenant_id = $1 AND responsible_professional_id = $2 ORDER BY year, title`,
      [requireTenantId(), professionalId],
    );
  }

  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(
      `UPDATE fiches_action SET responsible_professional_id = NULL WHERE tenant_id = $1 AND responsible_professional_id = $2`,
      [requireTenantId(), professionalId],
    );
  }

  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    await this.db.tenantRows(
      `UPDATE fiches_action SET responsible_professional_id = $2 WHERE tenant_id = $1 AND responsible_professional_id = $3`,
      [requireTenantId(), keptId, mergedId],
    );
  }
}
