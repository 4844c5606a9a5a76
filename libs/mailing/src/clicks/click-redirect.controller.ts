import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { Public } from '@cpts/platform-core';
import { Logger, LOGGER } from '@cpts/platform-observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LINK_NOT_FOUND, LINK_UNAVAILABLE, sendLinkPage } from '@cpts/platform-mail';
import { CampaignClicksService } from './campaign-clicks.service';

/**
 * The click-tracking redirect of campaign messages: public (the person is
 * reading their mail, not signed in), answered with a 302 to the link the
 * campaign holds, or a small French page when the link is not ours.
 */
@Controller('api/public/c')
export class ClickRedirectController {
  constructor(
    private readonly clicks: CampaignClicksService,
    @Inject(LOGGER) private readonly logger: Logger,
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
      await sendLinkPage(reply.header('retry-after', '30'), 503, LINK_UNAVAILABLE);
      return;
    }
    if (!destination) {
      await sendLinkPage(reply, 404, LINK_NOT_FOUND);
      return;
    }
    await reply.status(302).header('location', destination).send();
  }
}
