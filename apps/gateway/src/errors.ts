import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '@cpts/platform-core';
import { ClientGoneError, isDatabaseBusy } from '@cpts/platform-db';
import type { Logger } from '@cpts/platform-observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GRAPHQL_RESPONSE_JSON, graphqlMediaType } from './graphql-media-type';

const INTERNAL_MESSAGE = 'Une erreur inattendue est survenue. Réessayez dans un instant.';
const BUSY_MESSAGE = 'La plateforme est très sollicitée en ce moment : rien n’a été enregistré, réessayez dans un instant.';
const INVALID_REQUEST = 'Requête invalide.';

/**
 * Requests refused before any of our code runs, because the HTTP request
 * itself is malformed (or is no GraphQL-over-HTTP request): Fastify's and
 * Mercurius' codes, with their French wording. Each keeps the HTTP status
 * its error carries (400, 405, 413, 414, 415), whatever the media type.
 */
const MALFORMED: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "Le corps de la requête n'est pas du JSON valide.",
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Le corps de la requête est vide alors qu’il est annoncé en JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge par cette adresse.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Requête trop volumineuse.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'La requête ne fait pas la taille annoncée.',
  FST_ERR_BAD_URL: 'Adresse invalide.',
  FST_ERR_MAX_PARAM_LENGTH: 'Adresse trop longue : ce lien a sans doute été mal copié.',
  // Mercurius' schema of a GraphQL body (a `query` string, `variables` an object...).
  FST_ERR_VALIDATION: 'Requête GraphQL mal formée : il faut un objet JSON avec « query » (texte) et, au besoin, « variables » (objet).',
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: 'Requête GraphQL sans opération : le champ « query » manque.',
  MER_ERR_METHOD_NOT_ALLOWED: 'Une mutation GraphQL se demande en POST, pas en GET.',
};

type WithCode = Error & { code?: string; statusCode?: number; errors?: unknown[] };

/** A request error is raised before execution (parsing, validation, variables, the HTTP body): the response has no `data`. */
type Phase = 'request' | 'execution';

interface Shaped {
  error: GraphQLFormattedError;
  /** Set for a malformed HTTP request: the status it is refused with. */
  malformedStatus?: number;
}

function clientError(base: Pick<GraphQLFormattedError, 'path' | 'locations'>, message: string, detail: string, logger: Logger): GraphQLFormattedError {
  // The caller's mistake (a client bug, a hand-made request): worth a trace, not an alert.
  logger.info({ detail }, 'request refused: malformed or invalid');
  return { ...base, message, extensions: { code: ErrorCode.BAD_USER_INPUT, detail } };
}

/** graphql-js names the variable first: "Variable "$id" got invalid value ...", "... of required type ... was not provided". */
function variableMessage(message: string): string {
  const variable = message.match(/^Variable "\$(\w+)"/);
  return variable ? `La variable « $${variable[1]} » n'a pas une valeur du type attendu.` : INVALID_REQUEST;
}

/**
 * Before execution, a GraphQLError caused by another is graphql-js refusing a
 * variable's value (the scalar's own GraphQLError, maybe wrapping its
 * TypeError). During execution the same shape means a value our resolver
 * returned was refused: a server bug.
 */
function raisedAboutTheRequest(error: GraphQLError): boolean {
  return error.originalError instanceof GraphQLError;
}

function shape(error: GraphQLError, phase: Phase, logger: Logger, wrappedByValidation = false): Shaped {
  const original = error.originalError as WithCode | undefined;
  const base = { path: error.path, locations: error.locations };
  if (original instanceof AppError) {
    return { error: { ...base, message: original.message, extensions: { code: original.code, fields: original.fields, ...original.extra } } };
  }
  if (original?.code && MALFORMED[original.code]) {
    const status = typeof original.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500 ? original.statusCode : 400;
    return { error: clientError(base, MALFORMED[original.code], error.message, logger), malformedStatus: status };
  }
  if (original?.code === 'MER_ERR_GQL_VALIDATION' && !Array.isArray(original.errors)) {
    // The `variables` of a GET request that are not JSON.
    return { error: clientError(base, "Le paramètre « variables » n'est pas du JSON valide.", error.message, logger), malformedStatus: 400 };
  }
  if (original?.code === 'MER_ERR_GQL_QUERY_DEPTH') return { error: clientError(base, 'Requête trop imbriquée.', error.message, logger) };
  if (!original && error.extensions?.code) return { error: { ...base, message: error.message, extensions: error.extensions } };
  // Without a cause, before execution: graphql-js refusing the document or its variables. During execution the
  // same shape is ours (a resolver returned null for a non-null field): a server bug, logged below.
  if (phase === 'request' && (!original || wrappedByValidation || raisedAboutTheRequest(error))) {
    return { error: clientError(base, variableMessage(error.message), error.message, logger) };
  }
  if (original && !(original instanceof ClientGoneError) && isDatabaseBusy(original)) {
    // Load, not a bug: the transaction was rolled back whole, and the same request can succeed a moment later.
    logger.warn({ err: original, path: error.path }, 'operation refused: the database is too busy');
    return { error: { ...base, message: BUSY_MESSAGE, extensions: { code: ErrorCode.UNAVAILABLE } } };
  }
  if (original instanceof ClientGoneError) {
    // The client aborted the request (navigated away): its work stopped at the rollback; nobody reads this answer.
    logger.info({ path: error.path }, 'operation stopped: the client closed the request');
  } else {
    logger.error({ err: original ?? error, path: error.path }, 'unexpected error in a GraphQL operation');
  }
  return { error: { ...base, message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL } } };
}

function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const e = error as Error;
  return new GraphQLError(e.message, { originalError: e });
}

/** Each error, with the ones Mercurius gathered under one validation failure taken one by one. */
function shapeAll(errors: readonly GraphQLError[], phase: Phase, logger: Logger): Shaped[] {
  return errors.flatMap((error) => {
    const original = error.originalError as WithCode | undefined;
    if (original?.code === 'MER_ERR_GQL_VALIDATION' && Array.isArray(original.errors)) {
      return original.errors.map((inner) => shape(toGraphQLError(inner), phase, logger, true));
    }
    return [shape(error, phase, logger)];
  });
}

/**
 * The one place where errors become what clients see: a French message and
 * a machine code in `extensions.code`, field problems in `extensions.fields`.
 * Anything unexpected is logged with its stack and answered with a generic
 * INTERNAL error: no stack trace, no SQL, ever reaches a client. The
 * caller's mistakes (a malformed body, variables of the wrong type, an
 * unknown field) are BAD_USER_INPUT, logged at info level.
 *
 * Status codes follow GraphQL over HTTP: a malformed HTTP request keeps its
 * 4xx; a request error (nothing executed: no `data`) is 400 for a client that
 * reads application/graphql-response+json, and 200 in application/json, as
 * that media type asks; an executed operation is 200, errors or not.
 */
export function mercuriusErrorFormatter(logger: Logger) {
  return (execution: { data?: unknown; errors: readonly GraphQLError[] }, context: { reply?: FastifyReply }) => {
    const phase: Phase = execution.data === undefined ? 'request' : 'execution';
    const shaped = shapeAll(execution.errors, phase, logger);
    const errors = shaped.map((s) => s.error);
    const malformed = shaped.find((s) => s.malformedStatus !== undefined)?.malformedStatus;
    if (phase === 'execution') return { statusCode: 200, response: { data: execution.data as Record<string, unknown> | null, errors } };
    const strict = graphqlMediaType(context.reply?.request.headers.accept) === GRAPHQL_RESPONSE_JSON;
    const internal = errors.some((e) => e.extensions?.code === ErrorCode.INTERNAL);
    const statusCode = malformed ?? (!strict ? 200 : internal ? 500 : 400);
    // No `data` entry at all: nothing was executed (GraphQL spec, request errors).
    return { statusCode, response: { errors } as { data: null; errors: GraphQLFormattedError[] } };
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
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};

/**
 * Nest's own answers (no such route, wrong method) keep their status; what
 * Fastify refused before reaching the route (a body that is not JSON) is
 * handed on by Nest wrapped, and shaped like on any route.
 */
function unwrapNest(error: unknown): unknown {
  if (!(error instanceof HttpException) || error.getStatus() >= 500) return error;
  const cause = error.cause as WithCode | undefined;
  if (cause?.code && MALFORMED[cause.code]) return cause;
  return error.getStatus() === 404 ? AppError.notFound('Page introuvable.') : AppError.badInput(INVALID_REQUEST);
}

/** An error of a plain HTTP route (exports, uploads, public pages) in the GraphQL error shape, with its status. */
export function httpErrorResponse(error: unknown, logger: Logger): { status: number; body: { data: null; errors: GraphQLFormattedError[] } } {
  const shaped = shape(toGraphQLError(unwrapNest(error)), 'execution', logger);
  const code = (shaped.error.extensions?.code as ErrorCode | undefined) ?? ErrorCode.INTERNAL;
  return { status: shaped.malformedStatus ?? HTTP_STATUS[code] ?? 500, body: { data: null, errors: [shaped.error] } };
}

/** Sends an error of a plain HTTP route: JSON even when the route had announced another type (a CSV export that failed). */
export function sendHttpError(reply: FastifyReply, error: unknown, logger: Logger): void {
  const { status, body } = httpErrorResponse(error, logger);
  void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * Fastify's own refusals on the plain HTTP routes (a body that is not JSON,
 * an unsupported content type, a malformed or too long address), which
 * happen before Nest's exception filter can see them: shaped like the rest.
 */
export function fastifyErrorHandler(logger: Logger) {
  return (error: unknown, _req: FastifyRequest, reply: FastifyReply): void => sendHttpError(reply, error, logger);
}
