import { Controller, Get, Param, Res } from '@nestjs/common';
import { AppError, cptsPagePath, Public } from '@cpts/platform-core';
import { CptsSlugs, redirectPermanently, UNKNOWN_CPTS } from '@cpts/platform-identity';
import type { FastifyReply } from 'fastify';
import { PublicDirectoryService } from './public-directory.service';

/**
 * The public directory page's data: no session, one CPTS named in the
 * address by its slug. An address of before (a former slug, or the CPTS's
 * id, as /annuaire-public/<id> pages asked) is redirected (308) to it.
 */
@Controller('api/public/cpts')
export class PublicDirectoryController {
  constructor(
    private readonly service: PublicDirectoryService,
    private readonly slugs: CptsSlugs,
  ) {}

  @Get(':slug/directory')
  @Public()
  async directory(@Param('slug') addressed: string, @Res() reply: FastifyReply): Promise<void> {
    // Which CPTS, before any tenant transaction; the page's rows are then read in that CPTS only.
    const cpts = await this.slugs.resolve(addressed);
    if (!cpts) throw AppError.notFound(UNKNOWN_CPTS);
    if (cpts.slug !== addressed) {
      await redirectPermanently(reply, 308, `/api/public${cptsPagePath(cpts.slug, 'directory')}`);
      return;
    }
    // Never cached anywhere: a withdrawn consent must take the person off at the next request.
    await reply.header('cache-control', 'no-store').send(await this.service.directory(cpts));
  }
}
