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
  ip: string | null;
  transaction: ScopedTransaction | null;
  /** Work that must happen only once the transaction is committed (enqueueing jobs). */
  afterCommit: Array<() => Promise<void> | void>;
  /** Per-request caches (DataLoaders), keyed by their owner. */
  loaders: Map<unknown, unknown>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newScope(init: Partial<RequestScope> & { requestId: string }): RequestScope {
  return { principal: null, ip: null, transaction: null, afterCommit: [], loaders: new Map(), ...init };
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
  const principal = requireScope().principal;
  if (!principal) throw AppError.unauthenticated();
  return principal;
}

/** The active CPTS of the caller; FORBIDDEN when the session has none. */
export function requireTenantId(): string {
  const principal = requirePrincipal();
  if (!principal.tenantId) throw AppError.forbidden('Choisissez d’abord une CPTS.');
  return principal.tenantId;
}
