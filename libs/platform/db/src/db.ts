import { randomUUID } from 'node:crypto';
import { currentScope, newScope, requireScope, RequestScope, runInScope } from '@cpts/platform-core';
import { DataSource, EntityManager } from 'typeorm';
import { RequestTransaction } from './request-transaction';

export interface UnitOfWorkOptions {
  /** The CPTS this work is confined to (RLS); null for platform-only work. */
  tenantId: string | null;
  /** The region whose region-owned rows this work may read and write (RLS); none by default. */
  regionId?: string | null;
  /** For logs: which job or command this is. */
  label?: string;
}

/**
 * Entry point of the data layer. Every query runs in the transaction of the
 * current scope (a request, a job, a script); there is no other way to reach
 * the database from application code.
 */
/** A CPTS whose turn of a periodic pass failed (Db.forEachTenant). */
export interface TenantFailure {
  tenantId: string;
  error: unknown;
}

/** Logs a pass's failed turns once: the CPTS concerned and the first error (when Redis is down, every CPTS fails alike). */
export function tenantFailuresLog(failures: TenantFailure[]): { err: unknown; tenants: string[] } {
  return { err: failures[0]?.error, tenants: failures.map((f) => f.tenantId) };
}

export class Db {
  constructor(readonly dataSource: DataSource) {}

  /** The scope's transaction, opened on first use. Platform tables only, unless the scope has a tenant. */
  manager(): Promise<EntityManager> {
    const scope = requireScope();
    if (!scope.transaction) scope.transaction = new RequestTransaction(this.dataSource, scope);
    return (scope.transaction as RequestTransaction).manager();
  }

  /**
   * The scope's transaction for tenant tables. Throws when the scope has no
   * tenant: a tenant query outside a tenant transaction is a bug, not an
   * empty result.
   */
  tenantManager(): Promise<EntityManager> {
    const scope = requireScope();
    if (!scope.tenantId) {
      throw new Error('Tenant query outside a tenant scope: wrap it in a request with an active CPTS or Db.run({ tenantId }).');
    }
    return this.manager();
  }

  /**
   * Ends the scope's read so far, rolled back, and lets the next statement
   * open a fresh transaction: for a route that checks rights, then spends
   * seconds on a slow client (a file uploaded or downloaded from a phone),
   * so no connection waits on the network. Only after reads: a write before
   * it would be lost, so that throws.
   */
  async releaseReads(): Promise<void> {
    const scope = requireScope();
    if (!scope.transaction) return;
    if (scope.afterCommit.length > 0) throw new Error('releaseReads() after a write: the write would be rolled back.');
    await (scope.transaction as RequestTransaction).finish(false);
    scope.transaction = null;
  }

  /**
   * Rows returned by one statement in the scope's transaction (platform
   * tables). Unlike EntityManager.query, an UPDATE ... RETURNING gives rows too.
   */
  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const manager = await this.manager();
    return (await manager.queryRunner!.query(sql, params, true)).records as T[];
  }

  /** Like rows(), for tenant tables: throws outside a tenant scope. */
  async tenantRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const manager = await this.tenantManager();
    return (await manager.queryRunner!.query(sql, params, true)).records as T[];
  }

  /** Like rows(), for region-owned tables: throws outside a region scope. */
  async regionRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!requireScope().regionId) {
      throw new Error('Region-owned query outside a region scope: wrap it in the unit of work of a region team, Db.run({ regionId }).');
    }
    const manager = await this.manager();
    return (await manager.queryRunner!.query(sql, params, true)).records as T[];
  }

  /**
   * Rows of one read of shared reference tables, outside any scope (process
   * caches such as the reference catalog, shared by every request). It runs
   * on its own pooled connection with no tenant set, so row-level security
   * hides every tenant row: it cannot read tenant data even by mistake.
   */
  async sharedRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!/^\s*SELECT\b/i.test(sql)) throw new Error('sharedRows() only reads.');
    return this.dataSource.query(sql, params);
  }

  /**
   * Runs `fn` as one unit of work in a scope of its own (jobs, scripts, tests):
   * commit when it returns, rollback when it throws, then the after-commit work.
   */
  async run<T>(options: UnitOfWorkOptions, fn: () => Promise<T>): Promise<T> {
    if (currentScope()) throw new Error('Db.run() cannot nest inside another scope.');
    return this.unitOfWork(
      newScope({ requestId: options.label ?? randomUUID(), tenantId: options.tenantId, regionId: options.regionId ?? null }),
      fn,
    );
  }

  /**
   * The worker's periodic passes over every CPTS (reconcilers, scheduler,
   * retention): calls `turn` for each, in id order, one after the other;
   * `turn` opens its own units of work. A turn that fails does not stop the
   * pass: one CPTS's bad row or timeout must not hold back every CPTS after
   * it. Resolves with the turns that failed, for the caller to log once.
   */
  async forEachTenant(label: string, turn: (tenantId: string) => Promise<void>): Promise<TenantFailure[]> {
    const tenants = await this.run({ tenantId: null, label }, () => this.rows<{ id: string }>(`SELECT id FROM tenants ORDER BY id`));
    const failures: TenantFailure[] = [];
    for (const { id } of tenants) {
      try {
        await turn(id);
      } catch (error) {
        failures.push({ tenantId: id, error });
      }
    }
    return failures;
  }

  /**
   * Runs `fn` as one unit of work of its own, even inside a request's scope:
   * a public route (a page without login, a signed link) acts for the CPTS
   * its address or token names, confined to it by RLS, and never with the
   * caller's session, tenant or transaction.
   */
  async runApart<T>(options: UnitOfWorkOptions & { readOnly?: boolean }, fn: () => Promise<T>): Promise<T> {
    const scope = newScope({ requestId: `${options.label ?? 'apart'}-${randomUUID()}`, tenantId: options.tenantId });
    scope.transaction = new RequestTransaction(this.dataSource, scope, { readOnly: options.readOnly });
    return this.unitOfWork(scope, fn);
  }

  /** Commit when `fn` returns, rollback when it throws, then the after-commit work. */
  private unitOfWork<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
    return runInScope(scope, async () => {
      let result: T;
      try {
        result = await fn();
      } catch (err) {
        await this.finishScope(scope, false);
        throw err;
      }
      await this.finishScope(scope, true);
      return result;
    });
  }

  /**
   * Ends a scope's transaction: commit (ok) or rollback, then, after a
   * commit, the scope's after-commit work. Failures of that work are
   * returned, not thrown: the change itself is already durable, and
   * reconcilers catch up with what could not be done.
   */
  async finishScope(scope: RequestScope, ok: boolean): Promise<unknown[]> {
    const committed = await this.finishTransaction(scope, ok);
    return committed ? this.runAfterCommit(scope) : [];
  }

  /** Commits (ok) or rolls back the scope's transaction; true when a commit happened or nothing was opened. */
  async finishTransaction(scope: RequestScope, ok: boolean, options: { clientGone?: boolean } = {}): Promise<boolean> {
    const tx = scope.transaction as RequestTransaction | null;
    if (!tx) return ok;
    await tx.finish(ok, options);
    return ok;
  }

  async runAfterCommit(scope: RequestScope): Promise<unknown[]> {
    const failures: unknown[] = [];
    for (const fn of scope.afterCommit.splice(0)) {
      try {
        await fn();
      } catch (err) {
        failures.push(err);
      }
    }
    return failures;
  }
}
