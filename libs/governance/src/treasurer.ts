import { Injectable } from '@nestjs/common';
import { requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonDirectory } from '@cpts/platform-persons';
import { HELD_ON, PARIS_TODAY } from './instances.service';

/**
 * Who the bureau's treasurer is, for what is theirs to check (the spending
 * approved by the staff alone, the payments to professionals): the person of
 * the directory with the signed-in user's address holding the office today.
 */
@Injectable()
export class Treasurer {
  constructor(
    private readonly db: Db,
    private readonly people: PersonDirectory,
  ) {}

  /** The caller is the bureau's treasurer today (whatever their roles: the caller checks those). */
  async isCaller(): Promise<boolean> {
    const [user] = await this.db.rows<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [requirePrincipal().userId]);
    const people = await this.people.withEmail(user.email);
    if (people.length === 0) return false;
    const [row] = await this.db.tenantRows(
      `SELECT 1 FROM governance_mandates m JOIN governance_instances i ON i.tenant_id = m.tenant_id AND i.id = m.instance_id
       WHERE m.tenant_id = $1 AND i.kind = 'bureau' AND m.office = 'treasurer' AND m.professional_id = ANY($2::uuid[]) AND ${HELD_ON('m', PARIS_TODAY)}`,
      [requireTenantId(), people.map((p) => p.id)],
    );
    return Boolean(row);
  }
}
