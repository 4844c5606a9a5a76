import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { Allow, CSV_CONTENT_TYPE, csvTable, requirePrincipal, Role, XLSX_CONTENT_TYPE, xlsxWorkbook } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { checkedYear } from '../region-units';
import { overviewTable } from './overview-table';
import { RegionOverviewService } from './region-overview.service';

function yearParam(raw: string | undefined): number {
  return checkedYear(raw === undefined || raw === '' ? null : /^\d{4}$/.test(raw) ? Number(raw) : NaN);
}

/** The region's table as CSV and XLSX: the same rows as regionOverview, for the same people, through the same logged regional read. */
@Controller('api/region')
export class RegionExportController {
  constructor(private readonly overview: RegionOverviewService) {}

  @Get('overview.csv')
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER)
  @Header('content-type', CSV_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async csv(@Query('year') year: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const table = overviewTable(await this.overview.overview(requirePrincipal(), yearParam(year)));
    void reply.header('content-disposition', `attachment; filename="mes-cpts-${yearParam(year)}.csv"`);
    return csvTable(
      table.columns.map((c) => c.header),
      table.rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? String(v).replace('.', ',') : v))),
    );
  }

  @Get('overview.xlsx')
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async xlsx(@Query('year') year: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const table = overviewTable(await this.overview.overview(requirePrincipal(), yearParam(year)));
    void reply.header('content-disposition', `attachment; filename="mes-cpts-${yearParam(year)}.xlsx"`);
    return xlsxWorkbook({
      name: 'Mes CPTS',
      columns: table.columns.map((c) => ({ header: c.header, width: c.header === 'CPTS' ? 32 : 16, whole: c.whole })),
      rows: table.rows,
    });
  }
}
