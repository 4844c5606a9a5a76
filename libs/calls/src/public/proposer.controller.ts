import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { AppError, ErrorCode, Public } from '@cpts/platform-core';
import { LINK_NOT_FOUND, sendLinkPage } from '@cpts/platform-mail';
import { sendDocument } from '@cpts/meetings';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommentBody, IdentityBody, ProjectFormBody } from './proposer-bodies';
import { ExpiredLinkError, LINK_EXPIRED_MESSAGE, ProposerPageView, ProposerPages } from './proposer-pages';

/**
 * What an expired link gets: 410, `code` LINK_EXPIRED, in the error shape of
 * every HTTP route too (`errors[0].extensions.code`), so the page can offer
 * a fresh link rather than a dead end.
 */
const EXPIRED = {
  code: 'LINK_EXPIRED',
  message: LINK_EXPIRED_MESSAGE,
  data: null,
  errors: [{ message: LINK_EXPIRED_MESSAGE, extensions: { code: 'LINK_EXPIRED' } }],
};
type Expired = typeof EXPIRED;

async function orExpired<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | Expired> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof ExpiredLinkError)) throw err;
    reply.status(410);
    return EXPIRED;
  }
}

/**
 * The proposer's page API, /api/public/projects/<token>: read the project,
 * save the form (autosave), submit it, write to the team, name co-carriers,
 * add or take back documents and download them; an expired link may only
 * ask for a fresh one (renew). No login; under /api/public/, so limited per
 * client address. Every change answers the page as it now stands.
 */
@Controller('api/public/projects')
export class ProposerController {
  constructor(private readonly pages: ProposerPages) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  view(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProposerPageView | Expired> {
    return orExpired(reply, () => this.pages.view(token));
  }

  @Put(':token')
  @Public()
  @Header('cache-control', 'no-store')
  save(
    @Param('token') token: string,
    @Body() body: ProjectFormBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposerPageView | Expired> {
    return orExpired(reply, () => this.pages.save(token, body.form));
  }

  @Post(':token/submit')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  submit(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProposerPageView | Expired> {
    return orExpired(reply, () => this.pages.submit(token));
  }

  @Post(':token/comments')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  comment(
    @Param('token') token: string,
    @Body() body: CommentBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposerPageView | Expired> {
    return orExpired(reply, () => this.pages.comment(token, body.body));
  }

  @Post(':token/co-carriers')
  @Public()
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  coCarrier(
    @Param('token') token: string,
    @Body() body: IdentityBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; name: string; professionCode: string } | Expired> {
    return orExpired(reply, () => this.pages.addCoCarrier(token, body));
  }

  @Post(':token/renew')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  renew(@Param('token') token: string): Promise<{ sent: true }> {
    return this.pages.renew(token);
  }

  /** The body is the file (application/octet-stream), its name in X-File-Name (URI-encoded). */
  @Post(':token/documents')
  @Public()
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  async upload(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Headers('x-file-name') fileName: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposerPageView | Expired> {
    try {
      return await orExpired(reply, () => this.pages.upload(token, req, fileName));
    } catch (err) {
      // Refused before the whole file was read: close after the answer rather than read bytes nobody wants.
      if (req.body && !(req.body as { readableEnded?: boolean }).readableEnded) reply.raw.setHeader('connection', 'close');
      throw err;
    }
  }

  @Delete(':token/documents/:id')
  @Public()
  @Header('cache-control', 'no-store')
  removeDocument(
    @Param('token') token: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProposerPageView | Expired> {
    return orExpired(reply, () => this.pages.removeDocument(token, id));
  }

  /** Opened in a browser from the page: a link that reaches nothing gets a French page, not JSON. */
  @Get(':token/documents/:id')
  @Public()
  async download(@Param('token') token: string, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    let doc: Awaited<ReturnType<ProposerPages['download']>>;
    try {
      doc = await this.pages.download(token, id);
    } catch (err) {
      if (err instanceof ExpiredLinkError) return void (await reply.status(410).header('cache-control', 'no-store').send(EXPIRED));
      if (!(err instanceof AppError && err.code === ErrorCode.NOT_FOUND)) throw err;
      return sendLinkPage(reply.header('cache-control', 'no-store'), 404, LINK_NOT_FOUND);
    }
    await sendDocument(reply, doc);
  }
}
