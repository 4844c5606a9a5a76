import { Controller, Get, Header, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { Allow, AppError, CPTS_TEAM, isUuid, XLSX_CONTENT_TYPE } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { sendDocument } from '@cpts/meetings';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EvaluationFileService } from './evaluation-file.service';
import { EVIDENCE_NOT_FOUND, FicheEvidenceService } from './fiche-evidence.service';
import { FicheEvidence } from './fiche.types';
import { FICHE_NOT_FOUND, FICHE_READERS } from './fiches.service';
import { evaluationFilePdf } from './file-pdf';
import { evaluationFileXlsx } from './file-xlsx';

const yearOf = (raw: string) => {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= 2020 && year <= 2100)) throw AppError.field('year', 'Année invalide.');
  return year;
};

/** The year's file to download (PDF, XLSX), and the files added as evidence: the team and the board, in their own CPTS. */
@Controller('api/evaluation')
export class EvaluationController {
  constructor(
    private readonly file: EvaluationFileService,
    private readonly evidence: FicheEvidenceService,
    private readonly db: Db,
    private readonly mail: MailEnv,
  ) {}

  @Get(':year/dossier.pdf')
  @Allow(...FICHE_READERS)
  @Header('content-type', 'application/pdf')
  @Header('cache-control', 'private, no-store')
  async pdf(@Param('year') year: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const data = await this.file.read(yearOf(year));
    await this.db.releaseReads();
    void reply.header('content-disposition', `attachment; filename="dialogue-de-gestion-${data.year}.pdf"`);
    return evaluationFilePdf(data, this.mail.APP_URL);
  }

  @Get(':year/dossier.xlsx')
  @Allow(...FICHE_READERS)
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('cache-control', 'private, no-store')
  async xlsx(@Param('year') year: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const data = await this.file.read(yearOf(year));
    await this.db.releaseReads();
    void reply.header('content-disposition', `attachment; filename="dialogue-de-gestion-${data.year}.xlsx"`);
    return evaluationFileXlsx(data, this.mail.APP_URL);
  }

  /** The body is the file (application/octet-stream), its name in X-File-Name, optional X-Evidence-Title and X-Evidence-Date (URI-encoded); answers as the meetings' uploads do ({ data }). */
  @Post('fiches/:id/evidence')
  @Allow(...CPTS_TEAM)
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  async upload(
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @Headers('x-evidence-title') title: string | undefined,
    @Headers('x-evidence-date') datedOn: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ data: { ficheEvidence: FicheEvidence } }> {
    try {
      if (!isUuid(id)) throw AppError.notFound(FICHE_NOT_FOUND);
      return { data: { ficheEvidence: await this.evidence.addFile(id.toLowerCase(), req, fileName, title, datedOn) } };
    } catch (err) {
      // Refused before the whole file was read: close after the answer rather than read bytes nobody wants.
      if (req.body && !(req.body as { readableEnded?: boolean }).readableEnded) reply.raw.setHeader('connection', 'close');
      throw err;
    }
  }

  @Get('evidence/:id')
  @Allow(...FICHE_READERS)
  async download(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    if (!isUuid(id)) throw AppError.notFound(EVIDENCE_NOT_FOUND);
    const doc = await this.evidence.file(id.toLowerCase());
    await this.db.releaseReads();
    await sendDocument(reply, doc);
  }
}
