import { ArgumentsHost, Catch, Inject } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { Logger, LOGGER } from '@cpts/platform-observability';
import type { FastifyReply } from 'fastify';
import { sendHttpError } from './errors';

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
    sendHttpError(host.switchToHttp().getResponse<FastifyReply>(), error, this.logger);
    return undefined;
  }
}
