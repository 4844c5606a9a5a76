import { randomUUID } from 'node:crypto';
import { newScope } from '@cpts/platform-core';
import { DataSource, EntityManager } from 'typeorm';
import { Db } from './db';
import { ReadReplica } from './read-replica';
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
 *
 * With a read replica (DATABASE_REPLICA_URL) that transaction runs there,
 * and on the primary while the replica lags or does not answer; `fn` may
 * then run twice (the replica lost mid-read), which a read allows.
 */
export class RegionalReader {
  /** @param role the regional role, regionalRoleOf(the runtime role) */
  constructor(
    private readonly db: Db,
    private readonly role: string,
    private readonly replica: ReadReplica | null = null,
  ) {}

  /** `userId`: the region-level person reading; the database reads only the CPTS of `tenantIds` they are assigned. */
  read<T>(userId: string, tenantIds: readonly string[], fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const unique = [...new Set(tenantIds)];
    const readOn = (dataSource: DataSource) => this.readOn(dataSource, userId, unique, fn);
    return this.replica ? this.replica.read(this.db.dataSource, readOn) : readOn(this.db.dataSource);
  }

  private async readOn<T>(dataSource: DataSource, userId: string, tenantIds: string[], fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const scope = newScope({ requestId: `regional-${randomUUID()}` });
    const tx = new RequestTransaction(dataSource, scope, { readOnly: true, tenantIds, userId, role: this.role });
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
