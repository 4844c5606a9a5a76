import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, isUuid } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { GdprService, PersonDataExport } from './gdpr.service';

/** The GDPR export of one person as a JSON file (machine-readable), CPTS team only. */
@Controller('api/directory/professionals')
export class GdprExportController {
  constructor(private readonly gdpr: GdprService) {}

  @Get(':id/export.json')
  @Allow(...CPTS_TEAM)
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('cache-control', 'no-store')
  async export(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PersonDataExport> {
    // A malformed id names nobody: as missing as a person of another CPTS.
    if (!isUuid(id)) throw AppError.notFound('Professionnel introuvable.');
    const data = await this.gdpr.export(id.toLowerCase());
    reply.header('content-disposition', `attachment; filename="donnees-personnelles-${id.toLowerCase()}.json"`);
    // An object, not a string: the request's transaction (which holds the log line) commits as the object is serialized.
    return data;
  }
}
