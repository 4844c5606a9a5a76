import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from './errors';
import { Principal } from './principal';

/** What platform-db keeps in the scope: the one transaction of the request. */
export interface ScopedTransaction {
  /** Commits (ok) or rolls back, then releases the connection. */
  finish(ok: boolean): Promise<void>;
}

/**
 * Everything that belongs to one request (or one job): who calls, and the
 * transaction every query of it runs in. Held in AsyncLocalStorage so the data
 * layer finds it without threading it through every call.
 */
export interface RequestScope {
  requestId: string;
  principal: Principal | null;
  /**
   * The CPTS every tenant query of this scope is confined to: the principal's
   * active CPTS for a request, the job's CPTS for a job, null otherwise.
   */
  tenantId: string | null;
  /**
   * The region every region-owned query of this scope is confined to (shared
   * resources, survey templates, regional figures): set by the unit of work
   * of a region's team, null otherwise.
   */
  regionId: string | null;
  ip: string | null;
  /** Why a presented access token was refused (the principal is then null). */
  authProblem: 'expired' | 'invalid' | null;
  transaction: ScopedTransaction | null;
  /** Work that must happen only once the transaction is committed (enqueueing jobs). */
  afterCommit: Array<() => Promise<void> | void>;
  /** Per-request caches (DataLoaders), keyed by their owner. */
  loaders: Map<unknown, unknown>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newScope(init: Partial<RequestScope> & { requestId: string }): RequestScope {
  return { principal: null, tenantId: null, regionId: null, ip: null, authProblem: null, transaction: null, afterCommit: [], loaders: new Map(), ...init };
}

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

export function requireScope(): RequestScope {
  const scope = storage.getStore();
  if (!scope) {
    // A programming error, not a user one: the call escaped every entry point.
    throw new Error('No request scope: database work must run inside a request, a job or runInScope().');
  }
  return scope;
}

export function requirePrincipal(): Principal {
  const scope = requireScope();
  if (!scope.principal) {
    throw AppError.unauthenticated(scope.authProblem === 'expired' ? 'Votre session a expiré. Reconnectez-vous.' : 'Veuillez vous connecter.');
  }
  return scope.principal;
}

/** The CPTS of this scope; FORBIDDEN when the session has none. */
export function requireTenantId(): string {
  const tenantId = requireScope().tenantId;
  if (!tenantId) throw AppError.forbidden('Choisissez d’abord une CPTS.');
  return tenantId;
}

/** Runs `fn` once the scope's transaction has committed (never if it rolls back). */
export function afterCommit(fn: () => Promise<void> | void): void {
  requireScope().afterCommit.push(fn);
}

/**
 * Runs `fn` outside any scope: after-commit work that opens units of work of
 * its own (Db.run refuses to nest inside the finished request's scope).
 */
export function outsideScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
