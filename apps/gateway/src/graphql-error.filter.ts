import { ArgumentsHost, Catch, HttpException, Inject } from '@nestjs/common';
import { AppError, ErrorCode } from '@cpts/platform-core';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { Logger } from '@cpts/platform-observability';
import type { FastifyReply } from 'fastify';
import { httpErrorResponse } from './errors';
import { LOGGER } from './tokens';

/**
 * GraphQL: hands every error thrown by a resolver to GraphQL untouched: the
 * error formatter (errors.ts) is the one place that shapes what clients see
 * and logs what is unexpected, once. Without this filter Nest would log
 * expected answers (wrong password, not found...) as failures.
 * HTTP routes (uploads): the same JSON error shape, with a matching status.
 */
@Catch()
export class GraphQLErrorPassThrough implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return error;
    // Nest's own answers (no such route, wrong method) keep their status.
    const known = error instanceof HttpException && error.getStatus() < 500 ? new AppError(error.getStatus() === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT, error.getStatus() === 404 ? 'Page introuvable.' : 'Requête invalide.') : error;
    const { status, body } = httpErrorResponse(known, this.logger);
    // JSON even when the route had announced another type (a CSV export that failed).
    void host.switchToHttp().getResponse<FastifyReply>().status(status).header('content-type', 'application/json; charset=utf-8').send(body);
    return undefined;
  }
}
