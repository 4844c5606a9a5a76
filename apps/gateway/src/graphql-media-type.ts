import { ErrorCode } from '@cpts/platform-core';
import type { FastifyInstance } from 'fastify';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';

/**
 * The media type of a GraphQL response, from the client's Accept header
 * (GraphQL over HTTP): the supported type it prefers; `*\/*` and
 * `application/*` mean application/json; no header at all means
 * application/graphql-response+json (the spec's default since 2025). Null
 * when the client accepts neither.
 */
export function graphqlMediaType(accept: string | undefined): string | null {
  if (!accept?.trim()) return GRAPHQL_RESPONSE_JSON;
  let best: { type: string; q: number } | null = null;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? 1,
    );
    const type =
      range === GRAPHQL_RESPONSE_JSON ? GRAPHQL_RESPONSE_JSON : [JSON_TYPE, 'application/*', '*/*'].includes(range) ? JSON_TYPE : null;
    if (type && q > 0 && (!best || q > best.q)) best = { type, q };
  }
  return best?.type ?? null;
}

/**
 * Answers GraphQL in the media type the client asked for (the status codes
 * of request errors depend on it: errors.ts), and refuses with 406 a client
 * that accepts neither JSON type, as the spec recommends.
 */
export function installGraphQLMediaType(fastify: FastifyInstance, path: string): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    if (req.routeOptions.url !== path || graphqlMediaType(req.headers.accept)) return done();
    void reply
      .status(406)
      .header('content-type', `${JSON_TYPE}; charset=utf-8`)
      .send({
        errors: [
          {
            message: 'Format de réponse non pris en charge : acceptez application/json ou application/graphql-response+json.',
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          },
        ],
      });
  });
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (req.routeOptions.url === path && reply.statusCode !== 406 && graphqlMediaType(req.headers.accept) === GRAPHQL_RESPONSE_JSON) {
      void reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
    }
    done(null, payload);
  });
}
