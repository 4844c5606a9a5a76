import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

/** The name an erased person's rows keep (the directory's own erasure writes the same on the record). */
const ERASED_NAME = 'Personne effacée';

/**
 * What governance holds on a person: their mandates (the association's
 * record of who sat where, kept through an erasure since the directory's
 * record stays, anonymised) and, per decision, their vote, conflict and
 * proxy as a voter, and their comments. The audit chain names voters by id
 * only, so neither an erasure nor a merge touches it.
 */
@Injectable()
export class GovernancePersonData implements PersonDataPart {
  readonly key = 'governance';

  constructor(private readonly db: Db) {}

  async exportPerson(professionalId: string): Promise<unknown> {
    const tenantId = requireTenantId();
    const mandates = await this.db.tenantRows(
      `SELECT i.name AS instance, m.office, c.name AS college, to_char(m.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn",
              m.obtained, m.obtained_note AS "obtainedNote", to_char(m.ended_on, 'YYYY-MM-DD') AS "endedOn", m.end_reason AS "endReason"
       FROM governance_mandates m JOIN governance_instances i ON i.tenant_id = m.tenant_id AND i.id = m.instance_id
       LEFT JOIN governance_colleges c ON c.tenant_id = m.tenant_id AND c.id = m.college_id
       WHERE m.tenant_id = $1 AND m.professional_id = $2 ORDER BY m.starts_on`,
      [tenantId, professionalId],
    );
    const votes = await this.db.tenantRows(
      `SELECT d.title, d.deadline, v.email, v.choice, v.voted_at AS "votedAt", v.channel, v.conflict_at AS "conflictAt", v.conflict_note AS "conflictNote",
              h.name AS "proxyTo", coalesce((SELECT json_agg(json_build_object('body', c.body, 'at', c.created_at) ORDER BY c.created_at)
                                             FROM governance_comments c WHERE c.tenant_id = v.tenant_id AND c.voter_id = v.id), '[]') AS comments
       FROM governance_voters v JOIN governance_decisions d ON d.tenant_id = v.tenant_id AND d.id = v.decision_id
       LEFT JOIN governance_voters h ON h.tenant_id = v.tenant_id AND h.id = v.proxy_to
       WHERE v.tenant_id = $1 AND v.professional_id = $2 ORDER BY d.opened_at`,
      [tenantId, professionalId],
    );
    return { mandates, decisions: votes };
  }

  /** The names and addresses kept on voters and comments are emptied; votes stay for the counts, mandates for the record. */
  async erasePerson(professionalId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(
      `UPDATE governance_voters SET name = $3, email = NULL, conflict_note = NULL WHERE tenant_id = $1 AND professional_id = $2`,
      [tenantId, professionalId, ERASED_NAME],
    );
    await this.db.tenantRows(
      `UPDATE governance_comments c SET author_name = $3 FROM governance_voters v
       WHERE c.tenant_id = $1 AND v.tenant_id = c.tenant_id AND v.id = c.voter_id AND v.professional_id = $2`,
      [tenantId, professionalId, ERASED_NAME],
    );
  }

  /** The kept record takes the merged one's mandates and voter rows; consulted twice on one decision, both rows stay (each with its own vote). */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(`UPDATE governance_mandates SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
      tenantId,
      keptId,
      mergedId,
    ]);
    await this.db.tenantRows(
      `UPDATE governance_voters v SET professional_id = $2 WHERE v.tenant_id = $1 AND v.professional_id = $3
         AND NOT EXISTS (SELECT 1 FROM governance_voters k WHERE k.tenant_id = v.tenant_id AND k.decision_id = v.decision_id AND k.professional_id = $2)`,
      [tenantId, keptId, mergedId],
    );
  }
}
