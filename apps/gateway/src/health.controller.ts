import { Controller, Get, Headers, HttpCode, Inject, Res } from '@nestjs/common';
import { AppError, Public } from '@cpts/platform-core';
import { checkReadiness, HealthCheck, Metrics } from '@cpts/platform-observability';
import { checkRedis, REDIS, RedisConnection } from '@cpts/platform-queue';
import { ReadReplica } from '@cpts/platform-db';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { GatewayEnv } from '@cpts/platform-config';

/** Probes for the orchestrator and Prometheus. Public by design: they reveal no data. */
@Controller()
export class HealthController {
  private readonly checks: HealthCheck[];

  constructor(
    dataSource: DataSource,
    @Inject(REDIS) redis: RedisConnection,
    private readonly metrics: Metrics,
    private readonly env: GatewayEnv,
    @Inject(ReadReplica) private readonly replica: ReadReplica | null,
  ) {
    this.checks = [
      { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
      { name: 'redis', check: () => checkRedis(redis) },
    ];
  }

  @Get('/health/live')
  @Public()
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('/health/ready')
  @Public()
  async ready(@Res() reply: FastifyReply) {
    const report = await checkReadiness(this.checks);
    // Information only: without the replica the primary serves every read, so it never makes the gateway unready.
    const replica = this.replica ? { replica: this.replica.status() } : {};
    await reply.status(report.status === 'ok' ? 200 : 503).send({ ...report, ...replica });
  }

  @Get('/metrics')
  @Public()
  async prometheus(@Res() reply: FastifyReply, @Headers('authorization') authorization?: string) {
    if (this.env.METRICS_TOKEN && authorization !== `Bearer ${this.env.METRICS_TOKEN}`)
      throw AppError.unauthenticated('Jeton des métriques absent ou invalide.');
    await reply.header('content-type', this.metrics.contentType()).send(await this.metrics.render());
  }
}
