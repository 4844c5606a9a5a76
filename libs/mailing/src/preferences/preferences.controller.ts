import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { Public } from '@cpts/platform-core';
import type { FastifyReply } from 'fastify';
import { Preferences, PreferencesService, UnsubscribeResult } from './preferences.service';

/**
 * The one-click unsubscribe of List-Unsubscribe (RFC 8058): a POST, whatever
 * its body (mail providers send "List-Unsubscribe=One-Click", form-encoded),
 * unsubscribes at once, without login. A GET (someone opening the link in a
 * browser) changes nothing and leads to the preferences page.
 */
@Controller('api/public/unsubscribe')
export class UnsubscribeController {
  private readonly appUrl: string;

  constructor(
    private readonly service: PreferencesService,
    mail: MailEnv,
  ) {
    this.appUrl = mail.APP_URL.replace(/\/+$/, '');
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  unsubscribe(@Param('token') token: string): Promise<UnsubscribeResult> {
    return this.service.unsubscribe(token, 'one_click');
  }

  @Get(':token')
  @Public()
  async open(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    // A GET must never unsubscribe (link checkers and previews open links): the page asks.
    await reply.status(303).header('cache-control', 'no-store').header('location', `${this.appUrl}/preferences/${encodeURIComponent(token)}`).send();
  }
}

/** The preferences page's data: what the person receives from this CPTS, and their choices. No login; never cached. */
@Controller('api/public/preferences')
export class PreferencesController {
  constructor(private readonly service: PreferencesService) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  preferences(@Param('token') token: string): Promise<Preferences> {
    return this.service.preferences(token);
  }

  /** `{ purpose, receive: false }` stops one purpose; `{ purpose, receive: true, wordingVersion }` receives it again. */
  @Post(':token')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  choose(@Param('token') token: string, @Body() body: unknown): Promise<Preferences> {
    const input = body && typeof body === 'object' ? (body as { purpose?: unknown; receive?: unknown; wordingVersion?: unknown }) : {};
    return this.service.choose(token, input);
  }
}
