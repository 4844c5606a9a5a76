import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, cptsPagePath, ErrorCode, Public } from '@cpts/platform-core';
import { redirectPermanently } from '@cpts/platform-identity';
import type { FastifyReply } from 'fastify';
import { LINK_NOT_FOUND, sendLinkPage } from '@cpts/platform-mail';
import { LinkTarget, Preferences, PreferencesService, UnsubscribeResult } from './preferences.service';

type Choice = { purpose?: unknown; receive?: unknown; wordingVersion?: unknown };

const choiceOf = (body: unknown): Choice => (body && typeof body === 'object' ? (body as Choice) : {});

/**
 * The one-click unsubscribe of List-Unsubscribe (RFC 8058): a POST, whatever
 * its body (mail providers send "List-Unsubscribe=One-Click", form-encoded),
 * unsubscribes at once, without login. A GET (someone opening the link in a
 * browser) changes nothing and leads to the preferences page.
 *
 * Messages carry /api/public/cpts/<slug>/unsubscribe/<token>; those sent
 * before readable addresses carry /api/public/unsubscribe/<token>. A POST is
 * honoured at either, and at any address the CPTS ever had, never
 * redirected: RFC 8058 forbids redirecting it (redirected POSTs are not
 * reliably followed), and an unsubscribe lost is a person mailed against
 * their will.
 */
@Controller('api/public')
export class UnsubscribeController {
  private readonly appUrl: string;

  constructor(
    private readonly service: PreferencesService,
    mail: MailEnv,
  ) {
    this.appUrl = mail.APP_URL.replace(/\/+$/, '');
  }

  @Post('cpts/:slug/unsubscribe/:token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async unsubscribe(@Param('slug') slug: string, @Param('token') token: string): Promise<UnsubscribeResult> {
    return this.service.unsubscribe(await this.service.locate(token, slug), 'one_click');
  }

  @Post('unsubscribe/:token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async unsubscribeBefore(@Param('token') token: string): Promise<UnsubscribeResult> {
    return this.service.unsubscribe(await this.service.locate(token, null), 'one_click');
  }

  @Get('cpts/:slug/unsubscribe/:token')
  @Public()
  async open(@Param('slug') slug: string, @Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await this.toPage(slug, token, reply);
  }

  @Get('unsubscribe/:token')
  @Public()
  async openBefore(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await this.toPage(null, token, reply);
  }

  /** A GET must never unsubscribe (link checkers and previews open links): it leads to the page, which asks. */
  private async toPage(addressed: string | null, token: string, reply: FastifyReply): Promise<void> {
    let target: LinkTarget;
    try {
      target = await this.service.locate(token, addressed);
    } catch (err) {
      if (!(err instanceof AppError && err.code === ErrorCode.NOT_FOUND)) throw err;
      // Opened in a browser: a French page, not a JSON error.
      await sendLinkPage(reply.header('cache-control', 'no-store'), 404, LINK_NOT_FOUND);
      return;
    }
    await reply
      .status(303)
      .header('cache-control', 'no-store')
      .header('location', `${this.appUrl}${cptsPagePath(target.cptsSlug, 'preferences', token)}`)
      .send();
  }
}

/**
 * The preferences page's data: what the person receives from this CPTS, and
 * their choices. No login; never cached. At the CPTS's address
 * (/api/public/cpts/<slug>/preferences/<token>); a GET at an address of
 * before (a former slug, or /api/public/preferences/<token>) is redirected
 * (308) to it, a POST is honoured there as it is.
 */
@Controller('api/public')
export class PreferencesController {
  constructor(private readonly service: PreferencesService) {}

  @Get('cpts/:slug/preferences/:token')
  @Public()
  async preferences(@Param('slug') slug: string, @Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(slug, token, reply);
  }

  @Get('preferences/:token')
  @Public()
  async preferencesBefore(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(null, token, reply);
  }

  /** `{ purpose, receive: false }` stops one purpose; `{ purpose, receive: true, wordingVersion }` receives it again. */
  @Post('cpts/:slug/preferences/:token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async choose(@Param('slug') slug: string, @Param('token') token: string, @Body() body: unknown): Promise<Preferences> {
    return this.service.choose(await this.service.locate(token, slug), choiceOf(body));
  }

  @Post('preferences/:token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async chooseBefore(@Param('token') token: string, @Body() body: unknown): Promise<Preferences> {
    return this.service.choose(await this.service.locate(token, null), choiceOf(body));
  }

  private async answer(addressed: string | null, token: string, reply: FastifyReply): Promise<void> {
    const target = await this.service.locate(token, addressed);
    if (target.cptsSlug !== addressed) {
      await redirectPermanently(reply, 308, `/api/public${cptsPagePath(target.cptsSlug, 'preferences', token)}`);
      return;
    }
    await reply.header('cache-control', 'no-store').send(await this.service.preferences(target));
  }
}
