import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { Allow, AppError, CSV_CONTENT_TYPE, csvTable, requirePrincipal, Role } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { checkedDepartement } from './observatory.resolver';
import { INDICATOR_LABELS, ObservatoryIndicator } from './observatory.types';
import { ObservatoryService } from './observatory.service';

const number = (v: number | null) => (v === null ? null : String(Math.round(v * 1000) / 1000).replace('.', ','));

/** The observatory's trend as CSV: one line per CPTS and per département, one column per year. */
@Controller('api/region')
export class ObservatoryExportController {
  constructor(private readonly observatory: ObservatoryService) {}

  @Get('observatory.csv')
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER)
  @Header('content-type', CSV_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async csv(
    @Query('indicator') indicator: string | undefined,
    @Query('departement') departement: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const chosen = Object.values(ObservatoryIndicator).find((i) => i === indicator);
    if (!chosen) throw AppError.field('indicator', 'Indicateur inconnu.');
    const trend = await this.observatory.trend(requirePrincipal(), chosen, checkedDepartement(departement));
    void reply.header('content-disposition', `attachment; filename="observatoire-${chosen}.csv"`);
    return csvTable(
      ['Indicateur', 'CPTS ou département', 'Départements', ...trend.years.map(String)],
      [
        ...trend.cpts.map((c) => [INDICATOR_LABELS[chosen], c.name, c.departementCodes.join(', '), ...c.values.map(number)]),
        ...trend.departements.map((d) => [INDICATOR_LABELS[chosen], `Département ${d.code}`, d.code, ...d.values.map(number)]),
        [INDICATOR_LABELS[chosen], 'Ensemble', '', ...trend.total.map(number)],
      ],
    );
  }
}
