import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, CSV_CONTENT_TYPE, csvTable, Role, XLSX_CONTENT_TYPE, xlsxWorkbook } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { OUTCOME_LABELS_FR } from './decision-emails';
import { DecisionsService } from './decisions.service';
import { Decision, RegisterArgs } from './governance.types';

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
const SOURCES: Record<string, string> = { written: 'Consultation écrite', session: 'En séance', spending: 'Dépense' };

const COLUMNS: Array<{ header: string; width: number; value: (d: Decision) => string | null }> = [
  { header: 'Numéro', width: 10, value: (d) => d.registerNumber },
  { header: 'Date', width: 12, value: (d) => (d.closedAt ? DAY.format(d.closedAt) : null) },
  { header: 'Instance', width: 24, value: (d) => d.instanceName },
  { header: 'Mode', width: 20, value: (d) => SOURCES[d.source] ?? d.source },
  { header: 'Titre', width: 40, value: (d) => d.title },
  { header: 'Question', width: 50, value: (d) => d.question },
  { header: 'Issue', width: 14, value: (d) => (d.outcome ? OUTCOME_LABELS_FR[d.outcome] : null) },
  { header: 'Pour', width: 8, value: (d) => String(d.tally?.for ?? '') },
  { header: 'Contre', width: 8, value: (d) => String(d.tally?.against ?? '') },
  { header: 'Abstentions', width: 12, value: (d) => String(d.tally?.abstain ?? '') },
  { header: 'Votants', width: 10, value: (d) => String(d.tally?.participating ?? '') },
  { header: 'Dont pouvoirs', width: 12, value: (d) => String(d.tally?.byProxy ?? '') },
  { header: 'Électeurs', width: 10, value: (d) => String(d.tally?.eligible ?? '') },
  { header: 'Quorum requis', width: 12, value: (d) => String(d.tally?.quorumNeeded ?? '') },
  { header: 'Montant (EUR)', width: 14, value: (d) => (d.amountCents === null ? null : (d.amountCents / 100).toFixed(2)) },
];

/** At most this many decisions per file: decades of a CPTS's register. */
const MAX_ROWS = 10_000;

/** The register of decisions as a CSV file or an Excel workbook (a year, or all), for the team and the board. */
@Controller('api/governance')
export class RegisterExportController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get('register.csv')
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  @Header('content-type', CSV_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async csv(@Query('annee') year: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const rows = await this.rows(year);
    void reply.header('content-disposition', `attachment; filename="registre-des-decisions${year ? `-${year}` : ''}.csv"`);
    return csvTable(
      COLUMNS.map((c) => c.header),
      rows.map((d) => COLUMNS.map((c) => c.value(d))),
    );
  }

  @Get('register.xlsx')
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async xlsx(@Query('annee') year: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const rows = await this.rows(year);
    void reply.header('content-disposition', `attachment; filename="registre-des-decisions${year ? `-${year}` : ''}.xlsx"`);
    return xlsxWorkbook({
      name: 'Registre des décisions',
      columns: COLUMNS.map(({ header, width }) => ({ header, width })),
      rows: rows.map((d) => COLUMNS.map((c) => c.value(d))),
    });
  }

  private async rows(year: string | undefined): Promise<Decision[]> {
    if (year !== undefined && !/^\d{4}$/.test(year)) throw AppError.field('annee', 'Année invalide.');
    const args = Object.assign(new RegisterArgs(), { first: MAX_ROWS, after: null, year: year ? Number(year) : null });
    const page = await this.decisions.register(args);
    return page.edges.map((e) => e.node);
  }
}
