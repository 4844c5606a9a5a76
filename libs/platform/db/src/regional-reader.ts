import { randomUUID } from 'node:crypto';
import { newScope } from '@cpts/platform-core';
import { EntityManager } from 'typeorm';
import { Db } from './db';
import { RequestTransaction } from './request-transaction';

/**
 * The one path by which a region-level person reads several CPTS at once.
 * It opens its own read-only transaction on its own connection, switches to
 * the regional role (SELECT privileges only; the only role the regional_read
 * policies apply to) and names the allowed tenants in app.tenant_ids and the
 * reader in app.user_id: it can neither write nor widen the request's own
 * transaction. Callers decide which tenants are allowed (a mission officer's
 * assignments, a region admin's region), and the policies check it again
 * against the assignment tables (regional_tenant_ids, tenant-schema.ts).
 */
export class RegionalReader {
  /** @param role the regional role, regionalRoleOf(the runtime role) */
  constructor(
    private readonly db: Db,
    private readonly role: string,
  ) {}

  /** `userId`: the region-level person reading; the database reads only the CPTS of `tenantIds` they are assigned. */
  async read<T>(userId: string, tenantIds: readonly string[], fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const unique = [...new Set(tenantIds)];
    const scope = newScope({ requestId: `regional-${randomUUID()}` });
    const tx = new RequestTransaction(this.db.dataSource, scope, { readOnly: true, tenantIds: unique, userId, role: this.role });
    let ok = false;
    try {
      const result = await fn(await tx.manager());
      ok = true;
      return result;
    } finally {
      await tx.finish(ok);
    }
  }
}
