import { newScope, RequestScope, runInScope } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { AccessTokenService } from '@cpts/platform-identity';
import type { Logger, Metrics } from '@cpts/platform-observability';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { internalErrorResponse } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    scope?: RequestScope;
    committed?: boolean;
  }
}

function hasErrors(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && Array.isArray((payload as { errors?: unknown[] }).errors) && (payload as { errors: unknown[] }).errors.length > 0;
}

function operationName(req: FastifyRequest): string {
  const body = req.body as { operationName?: string; query?: string } | undefined;
  if (body?.operationName) return body.operationName;
  const match = body?.query?.match(/^\s*(query|mutation)\s+(\w+)/);
  return match ? match[2] : 'anonymous';
}

/**
 * Every HTTP request gets a scope: its id, the principal verified from the
 * access token (the only source of the active CPTS), and one database
 * transaction opened on first use. The transaction commits just before the
 * response is serialized when the operation has no error, and rolls back
 * otherwise; work registered for after the commit (queueing jobs) runs once
 * the response is sent.
 */
export function installRequestLifecycle(fastify: FastifyInstance, deps: { db: Db; tokens: AccessTokenService; logger: Logger; metrics: Metrics }): void {
  const { db, tokens, logger, metrics } = deps;

  fastify.addHook('onRequest', (req, _reply, done) => {
    const scope = newScope({ requestId: req.id, ip: req.ip });
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const verified = tokens.verify(header.slice(7));
      if (verified.ok) {
        scope.principal = verified.principal;
        scope.tenantId = verified.principal.tenantId;
      } else {
        scope.authProblem = verified.reason;
      }
    }
    req.scope = scope;
    done();
  });

  // After body parsing: everything the handler does from here runs inside the scope.
  fastify.addHook('preHandler', (req, _reply, done) => {
    runInScope(req.scope as RequestScope, done);
  });

  fastify.addHook('preSerialization', async (req, reply, payload) => {
    const scope = req.scope;
    if (!scope?.transaction || req.committed !== undefined) return payload;
    const ok = reply.statusCode < 400 && !hasErrors(payload);
    try {
      req.committed = await db.finishTransaction(scope, ok);
      return payload;
    } catch (err) {
      req.committed = false;
      logger.error({ err, reqId: req.id }, 'transaction commit failed');
      return internalErrorResponse();
    }
  });

  fastify.addHook('onResponse', async (req, reply) => {
    const scope = req.scope;
    if (!scope) return;
    if (scope.transaction && req.committed === undefined) {
      // The response went out another way (an error page, a stream): nothing commits then.
      req.committed = false;
      await db.finishTransaction(scope, false).catch((err) => logger.error({ err }, 'rollback failed'));
    }
    if (req.committed !== false && scope.afterCommit.length > 0) {
      const failures = await runInScope(scope, () => db.runAfterCommit(scope));
      for (const err of failures) logger.warn({ err, reqId: req.id }, 'after-commit work failed; the reconciler will catch up');
    }
    const route = req.routeOptions.url ?? 'unknown';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    if (route === '/graphql') {
      metrics.graphqlDuration.observe({ operation: operationName(req), outcome: req.committed === false ? 'error' : 'ok' }, seconds);
    }
    if (!route.startsWith('/health') && route !== '/metrics') {
      logger.info(
        {
          reqId: req.id,
          tenantId: scope.tenantId ?? undefined,
          userId: scope.principal?.userId,
          method: req.method,
          route,
          operation: route === '/graphql' ? operationName(req) : undefined,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
  });

  fastify.addHook('onRequestAbort', async (req) => {
    if (req.scope?.transaction && req.committed === undefined) {
      req.committed = false;
      await db.finishTransaction(req.scope, false, { clientGone: true }).catch(() => undefined);
    }
  });
}
