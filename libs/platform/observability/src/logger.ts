import { LoggerService } from '@nestjs/common';
import { currentScope } from '@cpts/platform-core';
import pino, { Logger } from 'pino';

/**
 * Paths never written to a log: passwords, tokens, cookies, secrets. Pino
 * replaces them with "[redacted]" wherever they appear at these paths.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  '*.newPassword',
  'token',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.variables.password',
  '*.variables.token',
  '*.variables.input.password',
];

/**
 * Structured JSON logs. Every line carries the request id and tenant id of the
 * scope it was written in, so one request can be followed across services.
 */
export function createLogger(options: { service: string; level?: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
    level: options.level ?? 'info',
    base: { service: options.service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const scope = currentScope();
      if (!scope) return {};
      return { reqId: scope.requestId, tenantId: scope.tenantId ?? undefined, userId: scope.principal?.userId };
    },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/** Nest's logger interface over pino, so framework messages share the format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

export type { Logger };
