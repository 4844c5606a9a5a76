import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '@cpts/platform-core';
import { ClientGoneError } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';

const INTERNAL_MESSAGE = 'Une erreur inattendue est survenue. Réessayez dans un instant.';

/** Mercurius' own errors that are the client's doing, with their French wording. */
const CLIENT_ERRORS: Record<string, string> = {
  MER_ERR_GQL_QUERY_DEPTH: 'Requête trop imbriquée.',
  MER_ERR_GQL_VALIDATION: 'Requête invalide.',
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: 'Requête inconnue.',
  MER_ERR_METHOD_NOT_ALLOWED: 'Méthode non autorisée.',
  MER_ERR_INVALID_OPTS: 'Requête invalide.',
};

/**
 * The one place where errors become what clients see: a French message and
 * a machine code in `extensions.code`, field problems in `extensions.fields`.
 * Anything unexpected is logged with its stack and answered with a generic
 * INTERNAL error: no stack trace, no SQL, ever reaches a client.
 */
export function formatGraphQLError(error: GraphQLError, logger: Logger): GraphQLFormattedError {
  const original = error.originalError as (Error & { code?: string; errors?: GraphQLError[] }) | undefined;
  const base = { path: error.path, locations: error.locations };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, fields: original.fields, ...original.extra } };
  }
  if (original?.code && CLIENT_ERRORS[original.code]) {
    return { ...base, message: CLIENT_ERRORS[original.code], extensions: { code: ErrorCode.BAD_USER_INPUT, detail: error.message } };
  }
  if (!original) {
    // Parse and validation errors of the query itself: a client bug, not a user one.
    if (error.extensions?.code) return { ...base, message: error.message, extensions: error.extensions };
    return { ...base, message: 'Requête invalide.', extensions: { code: ErrorCode.BAD_USER_INPUT, detail: error.message } };
  }
  if (original instanceof ClientGoneError) {
    // The client aborted the request (navigated away): its work stopped at the rollback; nobody reads this answer.
    logger.info({ path: error.path }, 'operation stopped: the client closed the request');
  } else {
    logger.error({ err: original, path: error.path }, 'unexpected error in a GraphQL operation');
  }
  return { ...base, message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL } };
}

function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const e = error as Error;
  return new GraphQLError(e.message, { originalError: e });
}

/**
 * Mercurius error formatter: flattens validation error lists, formats each
 * error, and answers 200 as GraphQL over HTTP asks for a JSON response.
 */
export function mercuriusErrorFormatter(logger: Logger) {
  return (execution: { data?: unknown; errors: readonly GraphQLError[] }) => {
    const errors = execution.errors
      .flatMap((error) => {
        const inner = (error.originalError as { errors?: unknown[] } | undefined)?.errors;
        return Array.isArray(inner) ? inner.map(toGraphQLError) : [error];
      })
      .map((error) => formatGraphQLError(error, logger));
    return { statusCode: 200, response: { data: (execution.data ?? null) as Record<string, unknown> | null, errors } };
  };
}

export function internalErrorResponse() {
  return { data: null, errors: [{ message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL } }] };
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL]: 500,
};

/** An error of an HTTP route (uploads) in the GraphQL error shape, with its status. */
export function httpErrorResponse(error: unknown, logger: Logger): { status: number; body: { data: null; errors: GraphQLFormattedError[] } } {
  const formatted = formatGraphQLError(toGraphQLError(error), logger);
  const code = (formatted.extensions?.code as ErrorCode | undefined) ?? ErrorCode.INTERNAL;
  return { status: HTTP_STATUS[code] ?? 500, body: { data: null, errors: [formatted] } };
}
