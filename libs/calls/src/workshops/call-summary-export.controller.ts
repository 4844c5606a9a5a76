import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, isUuid, Role, XLSX_CONTENT_TYPE } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { NOT_FOUND } from '../calls.service';
import { CallSummaries } from './call-summaries.service';
import { callSummaryWorkbook } from './call-summary-workbook';

/** The call's summary as an Excel workbook (Synthèse, Projets, Ateliers), for the team and the board, as callSummary reads it. */
@Controller('api/calls')
export class CallSummaryExportController {
  constructor(private readonly summaries: CallSummaries) {}

  @Get(':id/summary.xlsx')
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async xlsx(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    if (!isUuid(id)) throw AppError.notFound(NOT_FOUND);
    const summary = await this.summaries.read(id.toLowerCase());
    void reply.header('content-disposition', `attachment; filename="synthese-appel-a-projets-${summary.year}.xlsx"`);
    return callSummaryWorkbook(summary);
  }
}
