import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { currentScope, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDataPart } from '@cpts/platform-persons';

export interface PersonHistoryEntry {
  id: string;
  kind: string;
  summary: string;
  details: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  at: Date;
}

/**
 * A person's history, written by every module in its own transaction (so an
 * event is recorded exactly when its change commits). The summary is the
 * French sentence the staff read; details are the same facts for machines
 * (the GDPR export). Both may name the person, so erasure empties them and
 * keeps the kinds and dates.
 */
@Injectable()
export class PersonHistoryService implements PersonDataPart {
  readonly key = 'history';

  constructor(private readonly db: Db) {}

  async record(professionalId: string, kind: string, summary: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.db.tenantRows(`INSERT INTO person_history (tenant_id, id, professional_id, kind, summary, details, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      requireTenantId(),
      randomUUID(),
      professionalId,
      kind,
      summary,
      JSON.stringify(details),
      currentScope()?.principal?.userId ?? null,
    ]);
  }

  /** Many events in one statement (imports): the same lines as record() one by one. */
  async recordMany(events: Array<{ professionalId: string; kind: string; summary: string; details?: Record<string, unknown> }>): Promise<void> {
    if (events.length === 0) return;
    await this.db.tenantRows(
      `INSERT INTO person_history (tenant_id, id, professional_id, kind, summary, details, actor_id)
       SELECT $1, gen_random_uuid(), e.professional_id, e.kind, e.summary, e.details, $6
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(professional_id, kind, summary, details, n) ORDER BY e.n`,
      [
        requireTenantId(),
        events.map((e) => e.professionalId),
        events.map((e) => e.kind),
        events.map((e) => e.summary),
        events.map((e) => JSON.stringify(e.details ?? {})),
        currentScope()?.principal?.userId ?? null,
      ],
    );
  }

  /**
   * Newest first, with the name of the staff member who acted. A record the
   * national import created starts with that import (from the row's
   * import_id, not a stored line: see ProfessionalImportOrigin).
   */
  list(professionalId: string, first: number): Promise<PersonHistoryEntry[]> {
    return this.db.tenantRows<PersonHistoryEntry>(
      `SELECT e.* FROM (
         SELECT h.id::text AS id, h.kind, h.summary, h.details, h.actor_id AS "actorId", u.display_name AS "actorName", h.at
         FROM person_history h LEFT JOIN users u ON u.id = h.actor_id
         WHERE h.tenant_id = $1 AND h.professional_id = $2
         UNION ALL
         SELECT 'import-' || i.id, 'import.created', 'Fiche créée par l''import de l''Annuaire Santé (' || i.file_name || ').',
                jsonb_build_object('importId', i.id), i.created_by, u.display_name, p.created_at
         FROM professionals p JOIN directory_imports i ON i.tenant_id = p.tenant_id AND i.id = p.import_id LEFT JOIN users u ON u.id = i.created_by
         WHERE p.tenant_id = $1 AND p.id = $2
       ) e ORDER BY e.at DESC, e.id LIMIT $3`,
      [requireTenantId(), professionalId, first],
    );
  }

  exportPerson(professionalId: string): Promise<unknown> {
    return this.list(professionalId, 100_000);
  }

  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE person_history SET summary = '', details = '{}' WHERE tenant_id = $1 AND professional_id = $2`, [requireTenantId(), professionalId]);
  }

  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE person_history SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [requireTenantId(), keptId, mergedId]);
  }
}
