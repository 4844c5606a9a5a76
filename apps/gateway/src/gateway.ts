import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayEnv, loadEnv, RuntimeEnv } from '@cpts/platform-config';
import { AppError } from '@cpts/platform-core';
import { DOMAINS } from '@cpts/domains';
import { Db } from '@cpts/platform-db';
import { AccessTokenService, CptsSlugs, redirectPermanently } from '@cpts/platform-identity';
import { createLogger, Logger, Metrics, PinoNestLogger } from '@cpts/platform-observability';
import { gatewayModule, GRAPHQL_PATH } from './app.module';
import { fastifyErrorHandler } from './errors';
import { installGraphQLMediaType } from './graphql-media-type';
import { PublicPages } from './public-pages';
import { installRequestLifecycle } from './request-lifecycle';

export interface Gateway {
  app: NestFastifyApplication;
  logger: Logger;
  url: string;
}

/**
 * Builds and starts the gateway on GATEWAY_HOST:GATEWAY_PORT (0 = any free
 * port). Used by main.ts and by the integration tests alike.
 */
export async function startGateway(options: { logger?: Logger } = {}): Promise<Gateway> {
  const runtime = loadEnv(RuntimeEnv);
  const gatewayEnv = loadEnv(GatewayEnv);
  const logger = options.logger ?? createLogger({ service: 'gateway', level: runtime.LOG_LEVEL });
  const metrics = new Metrics('gateway');
  const onFastifyError = fastifyErrorHandler(logger);
  const adapter = new FastifyAdapter({
    trustProxy: gatewayEnv.TRUST_PROXY,
    genReqId: () => randomUUID(),
    // A CSV import sends its file (2 MB at most) inside a GraphQL body: JSON escaping (quotes, line ends) can double it.
    bodyLimit: 5 * 1024 * 1024,
    // A malformed or too long address (a link cut or mangled in a mail client) is refused before any route is found.
    frameworkErrors: onFastifyError,
  });
  // Nest's routes keep the error handler Fastify had when they were added (its English default), and Nest's
  // exception filter never sees what fails before the handler (the body): ours, then. GraphQL has Mercurius'.
  adapter.getInstance().addHook('onRoute', (route) => {
    if (route.url !== GRAPHQL_PATH) route.errorHandler ??= onFastifyError;
  });
  const app = await NestFactory.create<NestFastifyApplication>(gatewayModule(logger, metrics), adapter, {
    logger: new PinoNestLogger(logger.child({ context: 'nest' })),
    bufferLogs: false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyCookie);
  // File uploads (directory imports) reach their handler as a stream, whatever their size: never buffered.
  fastify.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  // The one-click unsubscribe (RFC 8058) may be posted as multipart/form-data: nothing in its body is needed.
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, _body, done) => done(null, {}));
  // Raw messages for the inbound mail webhook (delivery reports, complaints, unsubscribe emails), kept whole.
  fastify.addContentTypeParser(/^message\//, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  installRequestLifecycle(fastify, { db: app.get(Db), tokens: app.get(AccessTokenService), logger, metrics });
  installGraphQLMediaType(fastify, GRAPHQL_PATH);
  await serveWebApp(app, gatewayEnv, logger);
  await app.listen(gatewayEnv.GATEWAY_PORT, gatewayEnv.GATEWAY_HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  return { app, logger, url };
}

/**
 * Serves the built web app when it has been built: its files, and index.html
 * for any other GET path without a file extension (the app's client-side
 * routes). A catch-all route, not a not-found handler: Nest owns that one.
 * Hashed assets are cached for a year; index.html never, so a deploy shows at once.
 * The public pages' addresses of before are redirected there (PublicPages).
 */
async function serveWebApp(app: NestFastifyApplication, env: GatewayEnv, logger: Logger): Promise<void> {
  const dir = env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : null;
  if (!dir || !existsSync(path.join(dir, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const pages = new PublicPages(
    app.get(CptsSlugs),
    DOMAINS.flatMap((d) => d.formerPages ?? []).map((former) => app.get(former)),
  );
  fastify.get('/*', async (req, reply) => {
    const [pathname, query] = req.url.split(/\?(.*)/s);
    if (path.posix.extname(pathname)) throw AppError.notFound('Fichier introuvable.');
    const answer = await pages.answer(pathname).catch((err: unknown) => {
      // The database unreachable: the app itself says what it can.
      logger.error({ err, path: pathname }, 'public page address not resolved; serving the app');
      return { status: 200 } as const;
    });
    if ('redirect' in answer) return redirectPermanently(reply, 301, `${answer.redirect}${query ? `?${query}` : ''}`);
    return reply.status(answer.status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
