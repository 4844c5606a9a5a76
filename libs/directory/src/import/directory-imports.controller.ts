import { Readable } from 'node:stream';
import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { Allow, AppError, CPTS_TEAM } from '@cpts/platform-core';
import type { FastifyRequest } from 'fastify';
import { DirectoryImportsService } from './directory-imports.service';

/**
 * Receives an extraction file: the body is the file itself
 * (application/octet-stream, streamed to disk), its name in X-File-Name
 * (URI-encoded); `X-Confirm-Older-Extraction: yes` when the staff confirmed
 * importing an extraction older than the last one imported (the web app asks
 * directoryImportCheck first). Answers the id of the queued import, whose
 * progress and report are read through GraphQL (directoryImport); errors
 * have the GraphQL shape.
 */
@Controller('api/directory/imports')
export class DirectoryImportsController {
  constructor(private readonly imports: DirectoryImportsService) {}

  @Post()
  @HttpCode(201)
  @Allow(...CPTS_TEAM)
  async upload(
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @Headers('x-confirm-older-extraction') confirmOlder: string | undefined,
  ): Promise<{ data: { directoryImport: { id: string } } }> {
    if (!(req.body instanceof Readable)) throw AppError.field('file', 'Envoyez le fichier tel quel (application/octet-stream).');
    // The size the client announces (browsers do), shown as the import's size until the whole file has arrived.
    const declared = Number(req.headers['content-length']);
    const declaredBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
    return { data: { directoryImport: { id: await this.imports.upload(req.body, fileName, declaredBytes, confirmOlder === 'yes') } } };
  }
}
