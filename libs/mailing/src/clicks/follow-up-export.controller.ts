import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, CSV_CONTENT_TYPE, csvTable, isUuid, XLSX_CONTENT_TYPE, xlsxWorkbook } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { CampaignReportService } from './campaign-report.service';
import { FOLLOW_UP_COLUMNS } from './follow-up';
import type { FollowUpContact } from './campaign-report.types';

const rows = (contacts: FollowUpContact[]) => contacts.map((c) => FOLLOW_UP_COLUMNS.map((col) => col.value(c)));

/** The "relance téléphonique" list of a campaign as a CSV file or an Excel workbook, CPTS team only. */
@Controller('api/campaigns')
export class FollowUpExportController {
  constructor(private readonly reports: CampaignReportService) {}

  @Get(':id/follow-up.csv')
  @Allow(...CPTS_TEAM)
  @Header('content-type', CSV_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async csv(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contacts } = await this.reports.followUpAll(campaignId(id));
    void reply.header('content-disposition', 'attachment; filename="relance-telephonique.csv"');
    return csvTable(FOLLOW_UP_COLUMNS.map((c) => c.header), rows(contacts));
  }

  @Get(':id/follow-up.xlsx')
  @Allow(...CPTS_TEAM)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async xlsx(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { contacts } = await this.reports.followUpAll(campaignId(id));
    void reply.header('content-disposition', 'attachment; filename="relance-telephonique.xlsx"');
    return xlsxWorkbook({ name: 'Relance téléphonique', columns: FOLLOW_UP_COLUMNS.map(({ header, width }) => ({ header, width })), rows: rows(contacts) });
  }
}

/** A malformed id names no campaign: as missing as another CPTS's. */
function campaignId(id: string): string {
  if (!isUuid(id)) throw AppError.notFound('Campagne introuvable.');
  return id.toLowerCase();
}
