import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError, currentScope, newScope, runInScope } from '@cpts/platform-core';
import { DataSource } from 'typeorm';
import { Db } from './db';
import { ReadReplica } from './read-replica';
import { RequestTransaction } from './request-transaction';

/**
 * A unit of work on one region's rows (enableRegionRls: app.region_id), opened
 * apart from the caller's request: the region team's writes, and a CPTS's
 * reads of its own region's library, the observatory's snapshots. It carries no tenant, so no tenant row
 * is reachable from it, and the caller decides which region (the admin's, or
 * the CPTS's own) before opening it; the policy confines it to that region.
 * A pure read may ask for the read replica (DATABASE_REPLICA_URL), like the
 * regional path: it then runs there, or on the primary while the replica lags
 * or is down.
 */
@Injectable()
export class RegionUnits {
  constructor(
    private readonly db: Db,
    @Optional() @Inject(ReadReplica) private readonly replica: ReadReplica | null = null,
  ) {}

  /** `replica`: a read-only unit that may run on the read replica (`fn` may then run twice: a replica lost mid-read is read again on the primary). */
  async run<T>(regionId: string, fn: () => Promise<T>, options: { readOnly?: boolean; replica?: boolean } = {}): Promise<T> {
    if (options.replica && this.replica) return this.replica.read(this.db.dataSource, (dataSource) => this.runOn(dataSource, regionId, fn, true));
    return this.runOn(this.db.dataSource, regionId, fn, options.readOnly ?? false);
  }

  private async runOn<T>(dataSource: DataSource, regionId: string, fn: () => Promise<T>, readOnly: boolean): Promise<T> {
    const outer = currentScope();
    const scope = newScope({ requestId: `region-${randomUUID()}`, tenantId: null, regionId, principal: outer?.principal ?? null });
    scope.transaction = new RequestTransaction(dataSource, scope, { readOnly });
    return runInScope(scope, async () => {
      let result: T;
      try {
        result = await fn();
      } catch (err) {
        await this.db.finishScope(scope, false);
        throw err;
      }
      await this.db.finishScope(scope, true);
      return result;
    });
  }

  /** The region of a CPTS (platform table tenants), in the caller's scope. */
  async regionOfTenant(tenantId: string): Promise<string> {
    const [row] = await this.db.rows<{ regionId: string }>(`SELECT region_id AS "regionId" FROM tenants WHERE id = $1`, [tenantId]);
    if (!row) throw AppError.notFound('CPTS introuvable.');
    return row.regionId;
  }
}
