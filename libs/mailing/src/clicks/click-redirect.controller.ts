import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { Public } from '@cpts/platform-core';
import type { Logger } from '@cpts/platform-observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CampaignClicksService } from './campaign-clicks.service';
import { CLICKS_LOGGER } from './tokens';

const page = (title: string, text: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title>
<style>body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#f5f7fa;color:#1f2933}main{max-width:560px;margin:48px auto;padding:24px;background:#fff;border-radius:8px}h1{font-size:24px;color:#102a43}p{font-size:16px;line-height:24px}</style>
</head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

const NOT_FOUND = page(
  'Lien introuvable',
  "Ce lien n'est pas valide ou ne mène plus nulle part. Vérifiez qu'il a été copié en entier depuis le message, ou écrivez à la CPTS qui vous l'a envoyé.",
);
const UNAVAILABLE = page('Service momentanément indisponible', "Ce lien n'a pas pu être ouvert pour le moment. Réessayez dans quelques instants.");

/**
 * The click-tracking redirect of campaign messages: public (the person is
 * reading their mail, not signed in), answered with a 302 to the link the
 * campaign holds, or a small French page when the link is not ours.
 */
@Controller('api/public/c')
export class ClickRedirectController {
  constructor(
    private readonly clicks: CampaignClicksService,
    @Inject(CLICKS_LOGGER) private readonly logger: Logger,
  ) {}

  @Get(':token')
  @Public()
  async follow(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Never cached (each hit is a click) and never indexed; the destination gets no trace of the token.
    void reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
    let destination: string | null;
    try {
      // A HEAD (link checkers, some scanners) is answered like a GET but is not a click.
      destination = await this.clicks.follow(token, { record: req.method === 'GET' });
    } catch (err) {
      this.logger.error({ err }, 'campaign click redirect failed');
      await reply.status(503).header('content-type', 'text/html; charset=utf-8').header('retry-after', '30').send(UNAVAILABLE);
      return;
    }
    if (!destination) {
      await reply.status(404).header('content-type', 'text/html; charset=utf-8').send(NOT_FOUND);
      return;
    }
    await reply.status(302).header('location', destination).send();
  }
}
