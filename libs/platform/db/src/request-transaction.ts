import { RequestScope, ScopedTransaction } from '@cpts/platform-core';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { TRANSACTION_LIMITS } from './data-source';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertUuid(value: string, what: string): void {
  if (!UUID.test(value)) throw new Error(`${what} is not a uuid`);
}

/**
 * Work that reaches for the transaction after the client went away (its
 * request was rolled back on abort): expected, not a bug, and nobody is
 * left to answer.
 */
export class ClientGoneError extends Error {
  constructor() {
    super('The client closed the request; its transaction was rolled back.');
    this.name = 'ClientGoneError';
  }
}

/**
 * The single transaction of a request or job, opened on first use. It sets the
 * scope's tenant (and region) with set_config(..., true): transaction-local,
 * so a pooled connection never carries one request's tenant into the next,
 * and the connection limits (TRANSACTION_LIMITS), which thus hold behind a
 * transaction pooler too.
 */
export class RequestTransaction implements ScopedTransaction {
  private runner: QueryRunner | null = null;
  private opening: Promise<EntityManager> | null = null;
  private finished = false;
  private clientGone = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: RequestScope,
    private readonly options: { readOnly?: boolean; tenantIds?: string[]; userId?: string; role?: string } = {},
  ) {}

  manager(): Promise<EntityManager> {
    if (this.finished)
      return Promise.reject(this.clientGone ? new ClientGoneError() : new Error('The transaction of this scope is already finished.'));
    this.opening ??= this.open();
    return this.opening;
  }

  private async open(): Promise<EntityManager> {
    const runner = this.dataSource.createQueryRunner();
    this.runner = runner;
    await runner.connect();
    await runner.startTransaction();
    oneStatementAtATime(runner);
    if (this.options.readOnly) await runner.query('SET TRANSACTION READ ONLY');
    if (this.options.role) {
      if (!/^[a-z_][a-z0-9_]*$/.test(this.options.role)) throw new Error('invalid role name');
      await runner.query(`SET LOCAL ROLE ${this.options.role}`);
    }
    // One statement for the limits and every setting of the transaction: one round trip, whatever the scope names.
    const settings: Array<[string, string]> = [];
    const tenantId = this.scope.tenantId;
    if (tenantId) {
      assertUuid(tenantId, 'tenant id');
      settings.push(['app.tenant_id', tenantId]);
    }
    const regionId = this.scope.regionId;
    if (regionId) {
      assertUuid(regionId, 'region id');
      settings.push(['app.region_id', regionId]);
    }
    if (this.options.tenantIds) {
      this.options.tenantIds.forEach((id) => assertUuid(id, 'tenant id'));
      settings.push(['app.tenant_ids', this.options.tenantIds.join(',')]);
    }
    if (this.options.userId) {
      assertUuid(this.options.userId, 'user id');
      settings.push(['app.user_id', this.options.userId]);
    }
    const items = settings.map(([name], i) => `, set_config('${name}', $${i + 1}, true)`).join('');
    const values = settings.map(([, value]) => value);
    await runner.query(`SELECT ${TRANSACTION_LIMITS}${items}`, values);
    return runner.manager;
  }

  get started(): boolean {
    return this.opening !== null;
  }

  /** Commit (ok) or rollback; `clientGone` when the rollback is because the client aborted the request. */
  async finish(ok: boolean, options: { clientGone?: boolean } = {}): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.clientGone = options.clientGone ?? false;
    if (!this.opening) return;
    try {
      await this.opening.catch(() => undefined);
      const runner = this.runner;
      if (!runner || runner.isReleased) return;
      if (runner.isTransactionActive) {
        if (ok) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      if (this.runner && !this.runner.isReleased) await this.runner.release();
    }
  }
}

/**
 * The statements of one transaction run one after the other on its one
 * connection. GraphQL resolves sibling fields side by side (a list's
 * per-item fields: a project's events, a meeting's invitees), each sending
 * its statement at once: pg queued them itself but warns that it will
 * refuse to (pg 9: "client.query() when the client is already executing a
 * query"). Queued here instead, in the order they were sent (COMMIT and
 * ROLLBACK included, after whatever was sent before them); a failed
 * statement fails its caller only.
 */
function oneStatementAtATime(runner: QueryRunner): void {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as QueryRunner['query'];
}
