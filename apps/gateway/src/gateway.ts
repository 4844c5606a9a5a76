import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayEnv, loadEnv, RuntimeEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { AccessTokenService } from '@cpts/platform-identity';
import { createLogger, Logger, Metrics, PinoNestLogger } from '@cpts/platform-observability';
import { gatewayModule } from './app.module';
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
  const adapter = new FastifyAdapter({
    trustProxy: gatewayEnv.TRUST_PROXY,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(gatewayModule(logger, metrics), adapter, {
    logger: new PinoNestLogger(logger.child({ context: 'nest' })),
    bufferLogs: false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyCookie);
  installRequestLifecycle(fastify, { db: app.get(Db), tokens: app.get(AccessTokenService), logger, metrics });
  await serveWebApp(app, gatewayEnv);
  await app.listen(gatewayEnv.GATEWAY_PORT, gatewayEnv.GATEWAY_HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  return { app, logger, url };
}

/** Serves the built web app at / (with index.html for its client-side routes), when it has been built. */
async function serveWebApp(app: NestFastifyApplication, env: GatewayEnv): Promise<void> {
  const dir = env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : null;
  if (!dir || !existsSync(path.join(dir, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  fastify.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/graphql') && !req.url.startsWith('/health') && (req.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: 'not found' });
  });
}
