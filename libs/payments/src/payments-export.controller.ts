import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM, Role, XLSX_CONTENT_TYPE, xlsxWorkbook } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { frenchDay } from './dates';
import { KIND_LABELS_FR, STATUS_LABELS_FR } from './payment.types';
import { ExportedLine, PaymentsLedger } from './payments-ledger.service';

/**
 * Euros as a spreadsheet number, a cell the treasurer can add up: 123456
 * cents are written 1234.56 (a spreadsheet keeps every number as a double
 * anyway; the cents stay exact everywhere else).
 */
const eurosNumber = (cents: number) => cents / 100;

const COLUMNS: Array<{ header: string; width: number; whole?: boolean; value: (l: ExportedLine) => string | number | null }> = [
  { header: 'Professionnel', width: 28, value: (l) => l.professionalName },
  { header: 'RPPS', width: 14, value: (l) => l.rpps },
  { header: 'Profession', width: 22, value: (l) => l.professionLabel },
  { header: 'Nature', width: 14, value: (l) => KIND_LABELS_FR[l.kind] },
  { header: 'Date du travail', width: 14, value: (l) => frenchDay(l.workDate) },
  { header: 'Libellé', width: 50, value: (l) => l.label },
  { header: 'Minutes', width: 10, whole: true, value: (l) => l.minutes },
  { header: 'Montant (EUR)', width: 14, value: (l) => eurosNumber(l.amountCents) },
  { header: 'Statut', width: 12, value: (l) => STATUS_LABELS_FR[l.status] },
  { header: 'Date de paiement', width: 16, value: (l) => (l.paidOn ? frenchDay(l.paidOn) : null) },
  { header: 'Référence', width: 24, value: (l) => l.paidReference },
];

/** The payment lines of a year as an Excel workbook, one row per line, for the team and the bureau's treasurer. */
@Controller('api/payments')
export class PaymentsExportController {
  constructor(private readonly ledger: PaymentsLedger) {}

  @Get('lines.xlsx')
  @Allow(...CPTS_TEAM, Role.BOARD_MEMBER)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async xlsx(@Query('annee') year: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    if (year === undefined || !/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2200)
      throw AppError.field('annee', 'Année invalide.');
    const lines = await this.ledger.exportRows(Number(year));
    void reply.header('content-disposition', `attachment; filename="paiements-${year}.xlsx"`);
    return xlsxWorkbook({
      name: `Paiements ${year}`,
      columns: COLUMNS.map(({ header, width, whole }) => ({ header, width, whole })),
      rows: lines.map((l) => COLUMNS.map((c) => c.value(l))),
    });
  }
}
