import { DocumentNode, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError } from '@cpts/platform-core';

/** A list field costs its page size times what each item asks for. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + args.first * Math.max(childComplexity, 1) : undefined;

const estimators = [pageEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * Mercurius preExecution hook refusing operations whose estimated cost
 * exceeds `maximum` (a 100-item page of the directory with its relations costs about 2,000).
 * A hook rather than a validation rule so that Mercurius keeps caching
 * validated and JIT-compiled operations.
 */
export function complexityLimit(maximum: number) {
  return (schema: GraphQLSchema, document: DocumentNode, context: { reply?: { request?: { body?: unknown } } }, variables?: Record<string, unknown>) => {
    const operationName = (context.reply?.request?.body as { operationName?: string } | undefined)?.operationName ?? undefined;
    const cost = getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators });
    if (cost > maximum) {
      throw AppError.badInput(`Requête trop coûteuse (${cost}, maximum ${maximum}) : demandez moins d'éléments ou de champs.`);
    }
  };
}
