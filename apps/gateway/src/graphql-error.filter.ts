import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error thrown by a resolver to GraphQL untouched: the error
 * formatter (errors.ts) is the one place that shapes what clients see and
 * logs what is unexpected, once. Without this filter Nest would log expected
 * answers (wrong password, not found...) as failures.
 */
@Catch()
export class GraphQLErrorPassThrough implements GqlExceptionFilter {
  catch(error: unknown): unknown {
    return error;
  }
}
